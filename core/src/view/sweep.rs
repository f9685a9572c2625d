//! One option's monthly cost swept along a chart's axis, as a [`Series`]: the cost model evaluated
//! with one input moved and every other held where the user set it.
//!
//! Why a file of its own: when capacity follows traffic (`scale=traffic`), a container option's cost
//! against the request rate jumps wherever the peak needs one more task (or App Runner one more
//! instance). Those places are known in advance ([`capacity::steps_within`]), so the sweep traces
//! each stretch between two of them with the peak held, exactly as on any continuous axis, and
//! joins the stretches with a riser one billionth of the axis wide. The crossovers read from the
//! joined points are then exact, jumps included, at four evaluations per straight stretch instead
//! of a bisection per jump. The page's charts and the bench use this one function.

use crate::chart::{Axis, Series};
use crate::cost::{capacity, totals, CostInputs, DeployOverhead};
use crate::catalog::Rates;
use crate::params::Pricing;
use crate::platform::Platform;

/// At most this many steps are traced stretch by stretch: every step there can be, since the peak
/// stops at the `tasks` maximum of 1,000. (Beyond it a series would be traced as one curve, whose
/// jumps the tracer only narrows by bisection.) The worst case, a step far narrower than a pixel
/// across the whole axis, costs about 7 ms natively.
pub const MAX_STEPS: usize = 1000;

/// The monthly total of `p` with `inp` moved to `x` along `axis` (NaN when not costed).
pub fn cost_at(p: Platform, pricing: Pricing, inp: &CostInputs, rates: &Rates, deploy: DeployOverhead, axis: Axis, x: f64) -> f64 {
    let i = match axis {
        Axis::Util => inp.with_util(x),
        Axis::Tasks => inp.with_tasks(x),
        Axis::Rps => inp.with_rps(x),
    };
    totals(p, pricing, &i, rates, deploy).map(|t| t.monthly).unwrap_or(f64::NAN)
}

/// The series of `p` on `axis` over `[lo, hi]`: sampled per whole task, traced on a continuous
/// axis, and traced stretch by stretch on the traffic axis when capacity follows traffic.
#[allow(clippy::too_many_arguments)]
pub fn series(
    id: String,
    label: String,
    p: Platform,
    pricing: Pricing,
    inp: &CostInputs,
    rates: &Rates,
    deploy: DeployOverhead,
    axis: Axis,
    (lo, hi): (f64, f64),
) -> Series {
    let f = |x: f64| cost_at(p, pricing, inp, rates, deploy, axis, x);
    if axis.is_discrete() {
        return Series::sampled(id, label, |n| f(f64::from(n)), lo as u32, hi as u32);
    }
    if axis == Axis::Rps && inp.traffic && p != Platform::Lambda {
        let app_runner = p == Platform::AppRunner;
        let steps = capacity::step_width(app_runner, inp.util, inp.rps_per_task, inp.req_ms)
            .and_then(|w| capacity::steps_within(w, lo, hi, MAX_STEPS));
        if let Some(steps) = steps {
            return Series::new(id, label, stepped(p, pricing, inp, rates, deploy, app_runner, &steps, (lo, hi)));
        }
    }
    Series::traced(id, label, f, lo, hi)
}

/// The traffic axis with capacity following traffic: each stretch between two steps traced with
/// its peak held, joined by risers of one billionth of the axis.
#[allow(clippy::too_many_arguments)]
fn stepped(
    p: Platform,
    pricing: Pricing,
    inp: &CostInputs,
    rates: &Rates,
    deploy: DeployOverhead,
    app_runner: bool,
    steps: &[f64],
    (lo, hi): (f64, f64),
) -> Vec<crate::chart::Point> {
    let riser = 1e-9 * (hi - lo);
    let mut out = Vec::with_capacity(4 * (steps.len() + 1));
    let mut from = lo;
    for (k, &to) in steps.iter().chain(std::iter::once(&hi)).enumerate() {
        // The peak of this stretch, read inside it, then held while the rate moves.
        let mid = inp.with_rps((from + to) / 2.0);
        let held = CostInputs { traffic: false, tasks: if app_runner { mid.app_runner_peak() } else { mid.tasks }, ..mid };
        let start = if k == 0 { from } else { (from + riser).min(to) };
        let g = |x: f64| totals(p, pricing, &held.with_rps(x), rates, deploy).map(|t| t.monthly).unwrap_or(f64::NAN);
        out.extend(crate::chart::trace(g, start, to));
        from = to;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::interpolate;
    use crate::url::parse_query;

    #[test]
    fn a_stepped_sweep_is_the_model_at_every_point_and_between() {
        let (s, _) = parse_query("scale=traffic&alb=1&egress=1&rps=60");
        let inp = CostInputs::from_state(&s);
        let rates = Rates::catalog(0);
        for p in [Platform::EcsFargate, Platform::EcsEc2, Platform::AppRunner, Platform::Lambda] {
            let se = series(String::new(), String::new(), p, Pricing::OnDemand, &inp, &rates, DeployOverhead::ROLLING, Axis::Rps, (0.0, 120.0));
            assert!(se.points.windows(2).all(|w| w[0].0 < w[1].0), "{p:?}");
            for i in 0..=1200 {
                let x = f64::from(i) / 10.0 + 0.003;
                if x > 120.0 {
                    break;
                }
                let want = cost_at(p, Pricing::OnDemand, &inp, &rates, DeployOverhead::ROLLING, Axis::Rps, x);
                let got = interpolate(&se.points, x).unwrap();
                assert!((got - want).abs() <= 1e-6 * want.abs().max(1.0), "{p:?} at {x}: {got} against {want}");
            }
        }
    }
}
