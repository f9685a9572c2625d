//! Capacity that follows traffic (`scale=traffic`): the peak task count derived from the request
//! rate, App Runner's active instances from the requests in flight, and the request rates where
//! either steps up (the chart traces between them, so its crossovers stay exact).
//!
//! The rule, in words: the average running tasks (`util` × peak, as everywhere in the model) must
//! carry the average request rate at `rps_per_task` each, so the peak is the fewest whole tasks
//! with `util × peak × rps_per_task ≥ rps`, and never fewer than one. App Runner scales on
//! concurrent requests instead: the requests in flight (`rps × req_ms`) at its default concurrency
//! of 100 per instance (AR-API). At 0 % utilization nothing runs, and the peak stays at one.

use crate::params::Key;

/// App Runner's default `MaxConcurrency`: requests one instance takes at once before it scales
/// out (AR-API, P).
pub const APP_RUNNER_CONCURRENCY: f64 = 100.0;

/// Highest peak the model derives: the `tasks` input's own maximum.
fn max_peak() -> f64 {
    match Key::Tasks.param().kind {
        crate::params::Kind::Number { max, .. } => max,
        _ => 1000.0,
    }
}

/// A ratio within this share of a whole number counts as that number, so a request rate exactly at
/// a step (as typed, or as the chart places it) needs the smaller count.
const WHOLE_TOL: f64 = 1e-9;

/// The fewest whole units, at least one and at most the `tasks` maximum, of which `need` is the
/// share each carries at full load: `ceil(need)`, where `need` is in units.
fn whole_units(need: f64) -> f64 {
    if !need.is_finite() {
        return if need.is_nan() { 1.0 } else { max_peak() };
    }
    let r = need.round();
    let n = if (need - r).abs() <= WHOLE_TOL * r.abs().max(1.0) { r } else { need.ceil() };
    n.clamp(1.0, max_peak())
}

/// The peak task count that serves `rps` when `util` % of it runs on average and one task serves
/// `rps_per_task`.
pub fn peak_tasks(rps: f64, util: f64, rps_per_task: f64) -> f64 {
    let per_peak_task = util / 100.0 * rps_per_task;
    if per_peak_task.is_nan() || per_peak_task <= 0.0 || rps.is_nan() || rps <= 0.0 {
        return 1.0;
    }
    whole_units(rps / per_peak_task)
}

/// App Runner's peak active instances for `rps` requests of `req_ms` each: the requests in flight
/// at its concurrency, with `util` % of the peak active on average like every other option.
pub fn app_runner_peak(rps: f64, req_ms: f64, util: f64) -> f64 {
    let per_peak = util / 100.0 * APP_RUNNER_CONCURRENCY;
    let in_flight = rps * req_ms / 1000.0;
    if per_peak.is_nan() || per_peak <= 0.0 || in_flight.is_nan() || in_flight <= 0.0 {
        return 1.0;
    }
    whole_units(in_flight / per_peak)
}

/// Request rate that one more unit of peak capacity adds: `util × rps_per_task` for tasks,
/// `util × concurrency ÷ duration` for App Runner. `None` when capacity never steps.
pub fn step_width(app_runner: bool, util: f64, rps_per_task: f64, req_ms: f64) -> Option<f64> {
    let u = util / 100.0;
    let w = if app_runner { u * APP_RUNNER_CONCURRENCY * 1000.0 / req_ms } else { u * rps_per_task };
    (w.is_finite() && w > 0.0).then_some(w)
}

/// The request rates inside `(lo, hi)` where the peak steps up, in increasing order, at most
/// `limit` of them (`None` when there are more: the caller then samples instead).
pub fn steps_within(width: f64, lo: f64, hi: f64, limit: usize) -> Option<Vec<f64>> {
    if width.is_nan() || width <= 0.0 || hi.is_nan() || lo.is_nan() || hi <= lo {
        return Some(Vec::new());
    }
    let first = (lo / width).floor() as i64 + 1;
    let last = ((hi / width).ceil() as i64 - 1).min(max_peak() as i64 - 1);
    if last < first {
        return Some(Vec::new());
    }
    if (last - first) as usize >= limit {
        return None;
    }
    Some((first..=last).map(|k| k as f64 * width).filter(|&x| x > lo && x < hi).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_peak_carries_the_traffic_at_the_average() {
        // 10 req/s, half the month, 25 req/s per task: 12.5 req/s per peak task, so one task.
        assert_eq!(peak_tasks(10.0, 50.0, 25.0), 1.0);
        // Exactly at a step the smaller count is enough; just above it one more is needed.
        assert_eq!(peak_tasks(12.5, 50.0, 25.0), 1.0);
        assert_eq!(peak_tasks(12.500001, 50.0, 25.0), 2.0);
        assert_eq!(peak_tasks(37.5, 50.0, 25.0), 3.0);
        assert_eq!(peak_tasks(0.3 * 3.0, 30.0, 1.0), 3.0);
        // 400 req/s at 70 % and 20 each: 400 / 14 = 28.6, so 29.
        assert_eq!(peak_tasks(400.0, 70.0, 20.0), 29.0);
        // Never below one, never above the tasks input's maximum, never NaN.
        assert_eq!(peak_tasks(0.0, 50.0, 25.0), 1.0);
        assert_eq!(peak_tasks(10.0, 0.0, 25.0), 1.0);
        assert_eq!(peak_tasks(100_000.0, 1.0, 0.1), 1000.0);
        assert_eq!(peak_tasks(f64::NAN, 50.0, 25.0), 1.0);
    }

    #[test]
    fn app_runner_follows_the_requests_in_flight() {
        // 10 req/s × 0.1 s = 1 in flight; at 50 % each peak instance carries 50: one instance.
        assert_eq!(app_runner_peak(10.0, 100.0, 50.0), 1.0);
        // 600 req/s × 0.25 s = 150 in flight, 50 per peak instance: 3.
        assert_eq!(app_runner_peak(600.0, 250.0, 50.0), 3.0);
        assert_eq!(app_runner_peak(601.0, 250.0, 50.0), 4.0);
        assert_eq!(step_width(true, 50.0, 25.0, 250.0), Some(200.0));
        assert_eq!(step_width(false, 50.0, 25.0, 250.0), Some(12.5));
        assert_eq!(step_width(false, 0.0, 25.0, 250.0), None);
    }

    #[test]
    fn steps_inside_a_range() {
        assert_eq!(steps_within(12.5, 0.0, 40.0, 100), Some(vec![12.5, 25.0, 37.5]));
        assert_eq!(steps_within(12.5, 12.5, 37.5, 100), Some(vec![25.0]));
        assert_eq!(steps_within(12.5, 0.0, 1e6, 100), None);
        assert_eq!(steps_within(0.0, 0.0, 10.0, 100), Some(vec![]));
        // No step beyond the largest peak.
        assert_eq!(steps_within(1.0, 0.0, 5000.0, 5000).map(|v| v.len()), Some(999));
    }
}
