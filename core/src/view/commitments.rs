//! The commitments and Spot panel: for the pick and the viable EC2 and Fargate options, what compute
//! costs a month on-demand, under Compute Savings Plans, and on Spot, and how long each commitment
//! takes to pay for itself at the current utilization.
//!
//! Figures are compute only (no line item): commitments and Spot change what compute costs, not what
//! a load balancer or a NAT gateway costs. Each platform uses the same inputs as its card (a GPU need
//! prices EC2 on a GPU instance type there too).

use crate::catalog::Rates;
use crate::cost::commit::{commitments, spot};
use crate::cost::{cents, NotCosted};
use crate::format::{months, percent, trimmed, usd, usd_plain};
use crate::decision::{Decision, Status};
use crate::params::Pricing;
use crate::platform::Platform;

use super::costs::Costs;

/// One way of buying one platform's compute.
#[derive(Debug, Clone, PartialEq)]
pub struct CommitRow {
    /// Platform id (`data-platform`).
    pub platform: &'static str,
    /// Pricing id (`data-pricing`): `on-demand`, `savings-1y`, `savings-3y` or `spot`.
    pub pricing: &'static str,
    /// What it is, in words ("Compute Savings Plan, 1 year, no upfront").
    pub label: String,
    /// Dollars a month, two decimals (`data-monthly-usd`).
    pub monthly_usd: String,
    /// The same as money text.
    pub monthly: String,
    /// Against on-demand, in words ("saves $12.00 a month", "costs $3.00 more a month").
    pub versus: String,
    /// Months to break even, plain number text (`data-break-even-months`); empty when it never does
    /// or when nothing is committed.
    pub break_even_months: String,
    /// Break-even in words.
    pub break_even: String,
}

/// One platform's block of rows.
#[derive(Debug, Clone, PartialEq)]
pub struct CommitPlatform {
    /// Platform id.
    pub platform: &'static str,
    /// Name.
    pub name: &'static str,
    /// Whether it is the pick.
    pub recommended: bool,
    /// The rows, on-demand first.
    pub rows: Vec<CommitRow>,
    /// Caveats and what is missing that only this platform has (those every block shares are
    /// said once, in [`CommitmentsView::shared_notes`]).
    pub notes: Vec<String>,
    /// One line for a folded block: the cheapest way to buy this compute and what it saves, or why
    /// there is no figure.
    pub summary: String,
}

/// The panel.
#[derive(Debug, Clone, PartialEq)]
pub struct CommitmentsView {
    /// One block per platform shown, the pick first.
    pub platforms: Vec<CommitPlatform>,
    /// Caveats every block shown has, said once for the panel.
    pub shared_notes: Vec<String>,
    /// The interruption overhead applied to Spot, in words.
    pub spot_overhead: String,
    /// The utilization the figures are for, in words.
    pub util: String,
}

/// Platforms whose compute is EC2 or Fargate, which commitments and Spot are about.
fn on_ec2_or_fargate(p: Platform) -> bool {
    matches!(p, Platform::EcsFargate | Platform::EcsEc2 | Platform::EksEc2 | Platform::EksFargate | Platform::Batch | Platform::EcsExpress)
}

fn months_text(m: f64) -> String {
    if m == 0.0 {
        "Saves from the first month (nothing is paid upfront).".to_string()
    } else {
        format!("Pays for itself after {}.", months(m))
    }
}

/// What a row saves or costs against on-demand (the column says "Against on-demand").
fn versus(saving: f64) -> String {
    if cents(saving) > 0.0 {
        format!("saves {} a month", usd(saving))
    } else if cents(saving) < 0.0 {
        format!("costs {} more a month", usd(-saving))
    } else {
        "costs the same".to_string()
    }
}

fn why(e: NotCosted) -> String {
    match e {
        NotCosted::MissingRate { rate, region } => match super::costs::not_offered(rate, region) {
            Some(t) => format!("No figure: {t}."),
            None => format!("No figure: {}. Add an override in the pricing catalog.", super::costs::missing_rate(rate, region)),
        },
        NotCosted::NotViable(v) => format!("No figure: {v}."),
    }
}

fn block(p: Platform, recommended: bool, costs: &Costs, rates: &Rates) -> CommitPlatform {
    let inp = &costs.per_platform[p.index()].inputs;
    let mut out = CommitPlatform { platform: p.id(), name: p.name(), recommended, rows: Vec::new(), notes: Vec::new(), summary: String::new() };
    let c = match commitments(p, inp, rates) {
        Ok(c) => c,
        Err(e) => {
            out.notes.push(why(e));
            return out;
        }
    };
    let on_demand = match spot(p, inp, rates) {
        Ok(s) => Some(s),
        Err(e) => {
            out.notes.push(why(e));
            None
        }
    };
    let od_monthly = c.rows.first().map(|r| r.on_demand_monthly).or(on_demand.map(|s| s.on_demand_monthly));
    if let Some(od) = od_monthly {
        out.rows.push(CommitRow {
            platform: p.id(),
            pricing: Pricing::OnDemand.id(),
            label: "On-demand".into(),
            monthly_usd: usd_plain(od),
            monthly: usd(od),
            versus: "pay only for what runs".into(),
            break_even_months: String::new(),
            break_even: "Nothing committed.".into(),
        });
    }
    for r in &c.rows {
        let term = if r.term_months == 12.0 { "1 year" } else { "3 years" };
        let break_even = match r.months_to_break_even {
            Some(m) => months_text(m),
            None => match r.break_even_util {
                Some(u) if u > 0.0 && u < 100.0 => format!(
                    "Never pays off at this utilization: the commitment is owed every hour, used or not. It beats on-demand above {} utilization.",
                    percent(u, 1)
                ),
                _ => "Never pays off at this utilization: the commitment is owed every hour, used or not.".to_string(),
            },
        };
        out.rows.push(CommitRow {
            platform: p.id(),
            pricing: r.plan.id(),
            label: format!("Compute Savings Plan, {term}, no upfront"),
            monthly_usd: usd_plain(r.committed_monthly),
            monthly: usd(r.committed_monthly),
            versus: versus(r.saving_monthly),
            break_even_months: r.months_to_break_even.map(|m| trimmed(m, 1)).unwrap_or_default(),
            break_even,
        });
    }
    if let Some(s) = on_demand {
        if s.applies {
            let label = match p {
                Platform::EcsEc2 | Platform::EksEc2 => "Spot Instances",
                Platform::Batch => "Spot capacity",
                _ => "Fargate Spot",
            };
            out.rows.push(CommitRow {
                platform: p.id(),
                pricing: Pricing::Spot.id(),
                label: format!("{label}, with {} of interruption overhead", usd(s.overhead_monthly)),
                monthly_usd: usd_plain(s.spot_monthly),
                monthly: usd(s.spot_monthly),
                versus: versus(s.saving_monthly),
                break_even_months: String::new(),
                break_even: "Nothing committed; capacity can be taken back with two minutes' warning.".into(),
            });
        } else {
            out.notes.push(format!("Spot does not apply to {}: it is priced on-demand.", p.name()));
        }
    }
    out.notes.extend(c.notes);
    match p {
        Platform::EcsFargate | Platform::EksFargate | Platform::EcsExpress => {
            out.notes.push("EC2 Instance Savings Plans and Reserved Instances do not apply to Fargate.".into());
        }
        Platform::EcsEc2 | Platform::EksEc2 | Platform::Batch => {
            out.notes.push("EC2 Instance Savings Plans: no sourced rate in the catalog yet.".into());
        }
        _ => {}
    }
    out
}

/// The panel for the decision and its costs.
pub fn view(d: &Decision, costs: &Costs, util: f64, spot_overhead: f64) -> CommitmentsView {
    let mut shown: Vec<(Platform, bool)> = Vec::new();
    if let Some(top) = d.top {
        shown.push((top, true));
    }
    for p in Platform::ALL {
        if Some(p) != d.top && d.status(p) == Status::Viable && on_ec2_or_fargate(p) {
            shown.push((p, false));
        }
    }
    let mut platforms: Vec<CommitPlatform> = shown.into_iter().map(|(p, rec)| block(p, rec, costs, &costs.rates)).collect();
    for b in &mut platforms {
        b.summary = summary(b);
    }
    // A caveat every block has is said once, for the panel (with one block it stays there).
    let shared_notes: Vec<String> = match platforms.as_slice() {
        [first, _, ..] => first.notes.iter().filter(|n| platforms.iter().all(|b| b.notes.contains(n))).cloned().collect(),
        _ => Vec::new(),
    };
    for b in &mut platforms {
        b.notes.retain(|n| !shared_notes.contains(n));
    }
    CommitmentsView { platforms, shared_notes, spot_overhead: percent(spot_overhead, 1), util: percent(util, 2) }
}

/// The folded block's line: the cheapest row other than on-demand when it saves, else on-demand
/// staying the cheapest, else why there is no figure.
fn summary(b: &CommitPlatform) -> String {
    let value = |r: &CommitRow| r.monthly_usd.parse::<f64>().unwrap_or(f64::INFINITY);
    let Some(od) = b.rows.iter().find(|r| r.pricing == Pricing::OnDemand.id()) else {
        return b.notes.first().cloned().unwrap_or_else(|| "No figure for these inputs.".into());
    };
    let best = b.rows.iter().filter(|r| r.pricing != od.pricing).min_by(|x, y| value(x).total_cmp(&value(y)));
    match best {
        Some(r) if value(r) < value(od) => {
            format!("On-demand {} a month; cheapest: {} at {}, saving {}.", od.monthly, short(r), r.monthly, usd(value(od) - value(r)))
        }
        _ => format!("On-demand {} a month is the cheapest here.", od.monthly),
    }
}

/// A row's pricing without its overhead clause ("Spot Instances", "Compute Savings Plan, 3 years,
/// no upfront").
fn short(r: &CommitRow) -> &str {
    let cut = r.label.find(" (").into_iter().chain(r.label.find(", with ")).min().unwrap_or(r.label.len());
    &r.label[..cut]
}

#[cfg(test)]
mod tests {
    use crate::view::tests::page_for;
    use crate::view::Page;

    #[test]
    fn default_page_compares_fargate_and_ec2() {
        let p = page_for("");
        let v = &p.commitments;
        assert_eq!(v.platforms[0].platform, "ecs-fargate");
        assert!(v.platforms[0].recommended);
        let fg = &v.platforms[0];
        let ids: Vec<&str> = fg.rows.iter().map(|r| r.pricing).collect();
        assert_eq!(ids, ["on-demand", "savings-1y", "savings-3y", "spot"]);
        // At 50 % a plan sized for the peak never pays off on Fargate; the words say so.
        let sp1 = &fg.rows[1];
        assert_eq!(sp1.break_even_months, "");
        assert!(sp1.break_even.starts_with("Never pays off"), "{sp1:?}");
        assert!(sp1.break_even.contains("above 8"), "{sp1:?}");
        // The on-demand row equals the card's compute figure.
        let card = p.cards.iter().find(|c| c.platform == "ecs-fargate").unwrap();
        assert_eq!(fg.rows[0].monthly_usd, card.cost.compute_usd);
        for b in &v.platforms {
            assert!(b.platform == "ecs-fargate" || !b.recommended);
            for r in &b.rows {
                for t in [&r.monthly_usd, &r.break_even_months, &r.break_even, &r.versus] {
                    assert!(!t.contains("NaN") && !t.contains("inf") && !t.contains("Infinity"), "{r:?}");
                }
                assert!(r.monthly_usd.parse::<f64>().unwrap() >= 0.0);
            }
        }
        assert!(v.platforms.iter().any(|b| b.platform == "ecs-ec2"));
        assert!(!v.platforms.iter().any(|b| b.platform == "lambda"));
    }

    #[test]
    fn shared_caveats_are_said_once_and_each_block_has_a_summary() {
        let p = page_for("util=70&tasks=20");
        let v = &p.commitments;
        assert!(v.platforms.len() >= 3);
        assert!(v.shared_notes.iter().any(|n| n.contains("sized to cover the peak")), "{:?}", v.shared_notes);
        for b in &v.platforms {
            for n in &v.shared_notes {
                assert!(!b.notes.contains(n), "{} repeats {n}", b.platform);
            }
        }
        let ec2 = v.platforms.iter().find(|b| b.platform == "ecs-ec2").unwrap();
        let spot = ec2.rows.iter().find(|r| r.pricing == "spot").unwrap();
        assert!(ec2.summary.contains("cheapest: Spot Instances at") && ec2.summary.contains(&spot.monthly), "{}", ec2.summary);
        // At 20 % utilization on Fargate no commitment beats on-demand, and Spot is cheaper still.
        let low = page_for("util=20&tasks=20&spot_overhead=0");
        let fg = &low.commitments.platforms[0];
        assert!(fg.summary.starts_with("On-demand $"), "{}", fg.summary);
        // One block: nothing is shared, its own caveats stay with it.
        let one = page_for("workload=function&scale_to_zero=1&ops=minimal");
        if one.commitments.platforms.len() == 1 {
            assert!(one.commitments.shared_notes.is_empty());
        }
    }

    #[test]
    fn full_utilization_pays_from_the_first_month() {
        let p = page_for("util=100");
        let fg = &p.commitments.platforms[0];
        let sp3 = fg.rows.iter().find(|r| r.pricing == "savings-3y").unwrap();
        assert_eq!(sp3.break_even_months, "0");
        assert!(sp3.versus.starts_with("saves"));
        let spot = fg.rows.iter().find(|r| r.pricing == "spot").unwrap();
        assert!(spot.label.contains("Fargate Spot"));
    }

    #[test]
    fn spot_overhead_raises_the_spot_figure() {
        let low = page_for("spot_overhead=0");
        let high = page_for("spot_overhead=50");
        let f = |p: &Page| -> f64 {
            p.commitments.platforms[0].rows.iter().find(|r| r.pricing == "spot").unwrap().monthly_usd.parse().unwrap()
        };
        assert!(f(&high) > f(&low) * 1.4, "{} {}", f(&high), f(&low));
        assert_eq!(high.commitments.spot_overhead, "50 %");
    }

    #[test]
    fn an_uncovered_pick_says_why() {
        let p = page_for("workload=function&scale_to_zero=1&ops=minimal");
        let top = &p.commitments.platforms[0];
        assert!(top.recommended);
        if top.platform == "lambda" {
            assert!(top.rows.iter().all(|r| r.pricing == "on-demand"));
            assert!(top.notes.iter().any(|n| n.contains("Lambda")));
        }
    }
}
