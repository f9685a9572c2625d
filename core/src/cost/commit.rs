//! Commitments and Spot: when a Savings Plan pays for itself, and what Spot saves after interruptions.
//!
//! A Savings Plan is an hourly spend commitment: covered usage is billed at the plan's rate, and the
//! commitment is owed whether or not anything runs. With the playground's notion of utilization (the
//! peak runs `util` % of the time, nothing otherwise) the question a team faces is "if we commit to
//! cover our peak, at what utilization does that beat on-demand, and how long until it pays back?".
//! Compute costs here are affine in utilization, so the break-even utilization is solved exactly from
//! two evaluations, not searched for.
//!
//! The catalog only has no-upfront plan rates (Fargate: Price List; EC2: an assumption the user can
//! override), so there is nothing to pay back up front and "months to break even" is either zero (the
//! plan saves from the first month) or never. The formula takes an upfront amount anyway so sourced
//! upfront rates can be added without changing the shape. Reserved Instances have no sourced rate yet.

use super::{breakdown, totals, CostInputs, DeployOverhead, NotCosted};
use crate::catalog::Rates;
use crate::params::Pricing;
use crate::platform::Platform;

/// One commitment option compared with on-demand at the current utilization.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Commitment {
    /// `Savings1y` or `Savings3y`.
    pub plan: Pricing,
    /// Length of the term in months.
    pub term_months: f64,
    /// Compute on-demand at the current utilization, USD per month.
    pub on_demand_monthly: f64,
    /// The commitment that covers the peak, USD per month, owed whatever the utilization.
    pub committed_monthly: f64,
    /// Paid at purchase (0: only no-upfront rates are sourced).
    pub upfront: f64,
    /// On-demand minus committed; negative when the commitment costs more.
    pub saving_monthly: f64,
    /// Months until the plan has paid for itself; `None` if it never does at this utilization.
    pub months_to_break_even: Option<f64>,
    /// Utilization (percent) above which the plan is cheaper; `Some(0.0)` if it always is, `None` if
    /// it never is.
    pub break_even_util: Option<f64>,
}

/// The commitments panel for one platform.
#[derive(Debug, Clone, PartialEq)]
pub struct Commitments {
    /// The platform.
    pub platform: Platform,
    /// One row per plan the platform can use (empty when none applies).
    pub rows: Vec<Commitment>,
    /// Caveats in plain words.
    pub notes: Vec<String>,
}

/// Months until a plan with `upfront` paid at purchase and `recurring` owed every month has cost less
/// than paying `on_demand` every month. `Some(0.0)` when it saves from the start with nothing upfront.
pub fn months_to_break_even(upfront: f64, recurring: f64, on_demand: f64) -> Option<f64> {
    let saving = on_demand - recurring;
    if saving <= 0.0 {
        None
    } else {
        Some((upfront / saving).max(0.0))
    }
}

fn compute(p: Platform, pricing: Pricing, inp: &CostInputs, rates: &Rates) -> Result<f64, NotCosted> {
    totals(p, pricing, inp, rates, DeployOverhead::ROLLING).map(|t| t.compute)
}

/// Savings Plans against on-demand for platform `p` at the utilization in `inp`.
pub fn commitments(p: Platform, inp: &CostInputs, rates: &Rates) -> Result<Commitments, NotCosted> {
    let mut out = Commitments { platform: p, rows: Vec::new(), notes: Vec::new() };
    let covered = matches!(
        p,
        Platform::EcsFargate | Platform::EcsExpress | Platform::EksFargate | Platform::EcsEc2 | Platform::EksEc2 | Platform::Batch
    );
    if !covered {
        out.notes.push(match p {
            Platform::Lambda => "Compute Savings Plans can cover Lambda, but the catalog has no sourced Lambda plan rate.".into(),
            Platform::AppRunner => "Savings Plans do not cover App Runner.".into(),
            _ => "Savings Plans do not apply to your own servers.".into(),
        });
        return Ok(out);
    }
    let inp = inp.sanitized();
    let od_now = compute(p, Pricing::OnDemand, &inp, rates)?;
    let od_0 = compute(p, Pricing::OnDemand, &inp.with_util(0.0), rates)?;
    let od_100 = compute(p, Pricing::OnDemand, &inp.with_util(100.0), rates)?;
    for (plan, months) in [(Pricing::Savings1y, 12.0), (Pricing::Savings3y, 36.0)] {
        // The plan's cost of running the peak all month is the commitment that covers the peak.
        let committed = compute(p, plan, &inp.with_util(100.0), rates)?;
        let slope = od_100 - od_0;
        let break_even_util = if od_0 >= committed {
            Some(0.0)
        } else if slope > 1e-12 && od_100 >= committed {
            Some(((committed - od_0) / slope * 100.0).clamp(0.0, 100.0))
        } else {
            None
        };
        out.rows.push(Commitment {
            plan,
            term_months: months,
            on_demand_monthly: od_now,
            committed_monthly: committed,
            upfront: 0.0,
            saving_monthly: od_now - committed,
            months_to_break_even: months_to_break_even(0.0, committed, od_now),
            break_even_util,
        });
    }
    out.notes.push("Each plan is sized to cover the peak; the commitment is owed every hour of the term, busy or idle.".into());
    out.notes.push("Only no-upfront plan rates are sourced, so a plan either saves from the first month or never does at this utilization.".into());
    if matches!(p, Platform::EcsEc2 | Platform::EksEc2) || (p == Platform::Batch && (inp.gpu || inp.privileged)) {
        out.notes.push("EC2 Savings Plan discounts are an assumption of this playground: enter your own rates to rely on them.".into());
        out.notes.push("Reserved Instances: no sourced rate in the catalog yet.".into());
    }
    Ok(out)
}

/// Spot against on-demand for one platform.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SpotView {
    /// Whether Spot actually applies to this platform (otherwise both figures are on-demand).
    pub applies: bool,
    /// Compute on-demand, USD per month.
    pub on_demand_monthly: f64,
    /// Compute on Spot including the interruption overhead, USD per month.
    pub spot_monthly: f64,
    /// The part of `spot_monthly` that is interruption overhead.
    pub overhead_monthly: f64,
    /// On-demand minus Spot.
    pub saving_monthly: f64,
}

/// Spot against on-demand for platform `p`, with the interruption overhead the user set.
pub fn spot(p: Platform, inp: &CostInputs, rates: &Rates) -> Result<SpotView, NotCosted> {
    let od = compute(p, Pricing::OnDemand, inp, rates)?;
    let b = breakdown(p, Pricing::Spot, inp, rates, DeployOverhead::ROLLING)?;
    let applies = b.pricing == Pricing::Spot;
    let overhead = b.lines.iter().filter(|l| l.id == "spot-overhead").map(|l| l.amount).sum();
    Ok(SpotView { applies, on_demand_monthly: od, spot_monthly: b.compute, overhead_monthly: overhead, saving_monthly: od - b.compute })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn break_even_months() {
        assert_eq!(months_to_break_even(0.0, 50.0, 80.0), Some(0.0));
        assert_eq!(months_to_break_even(300.0, 50.0, 80.0), Some(10.0));
        assert_eq!(months_to_break_even(300.0, 80.0, 80.0), None);
        assert_eq!(months_to_break_even(0.0, 90.0, 80.0), None);
    }

    #[test]
    fn fargate_plan_breaks_even_at_the_discount() {
        let rates = Rates::catalog(0);
        let inp = CostInputs::default().with_util(50.0);
        let c = commitments(Platform::EcsFargate, &inp, &rates).unwrap();
        assert_eq!(c.rows.len(), 2);
        let one = c.rows[0];
        // x86 1-year: $0.032384 vs $0.0404784 per vCPU-hour and $0.003556 vs $0.004446 per GB-hour:
        // about 80 % for the default 1 vCPU / 2 GB task.
        let expected = (0.032384 + 2.0 * 0.003556) / (0.000011244 * 3600.0 + 2.0 * 0.000001235 * 3600.0) * 100.0;
        assert!((one.break_even_util.unwrap() - expected).abs() < 1e-9, "{one:?}");
        assert!(one.saving_monthly < 0.0);
        assert_eq!(one.months_to_break_even, None);
        let full = commitments(Platform::EcsFargate, &inp.with_util(100.0), &rates).unwrap();
        assert_eq!(full.rows[1].months_to_break_even, Some(0.0));
    }

    #[test]
    fn static_ec2_always_gains_from_a_plan() {
        let rates = Rates::catalog(0);
        let c = commitments(Platform::EcsEc2, &CostInputs::default().with_util(5.0), &rates).unwrap();
        assert_eq!(c.rows[0].break_even_util, Some(0.0));
        assert!(c.rows[0].saving_monthly > 0.0);
        assert!(c.notes.iter().any(|n| n.contains("assumption")));
    }

    #[test]
    fn uncovered_platforms_say_why() {
        let rates = Rates::catalog(0);
        for p in [Platform::Lambda, Platform::AppRunner, Platform::EcsAnywhere, Platform::EksAnywhere] {
            let c = commitments(p, &CostInputs::default(), &rates).unwrap();
            assert!(c.rows.is_empty());
            assert_eq!(c.notes.len(), 1);
        }
    }

    #[test]
    fn spot_view() {
        let rates = Rates::catalog(0);
        let inp = CostInputs::default();
        let v = spot(Platform::EcsEc2, &inp, &rates).unwrap();
        assert!(v.applies);
        assert!(v.spot_monthly < v.on_demand_monthly);
        assert!((v.overhead_monthly - (v.spot_monthly - v.overhead_monthly) * 0.1).abs() < 1e-9);
        let v = spot(Platform::EksFargate, &inp, &rates).unwrap();
        assert!(!v.applies);
        assert!((v.saving_monthly).abs() < 1e-9);
    }
}
