//! The task axis: costs exist only at whole task counts, so each is sampled once per integer,
//! drawn as steps, and a crossover is the first task count where the cheaper option changes.

use super::crossings::{largest, Crossing, Side, TIE_TOL};
use super::Point;

/// Samples `f` once at every whole number from `lo` to `hi` (inclusive, in either order), as points
/// for the task axis.
pub fn sample(mut f: impl FnMut(u32) -> f64, lo: u32, hi: u32) -> Vec<Point> {
    let (lo, hi) = (lo.min(hi), lo.max(hi));
    (lo..=hi).map(|n| (f64::from(n), f(n))).collect()
}

/// Crossovers of two step series sampled at the same `x` values (as from [`sample`]): each is the
/// first sample where the strictly cheaper side changes, with that side's cost there.
///
/// Same tie rule as [`crossings`]: ties belong to neither side and a tie between two stretches
/// where the same side is cheaper gives no crossing. Only `x` values present in both series count.
pub fn sample_crossings(a: &[Point], b: &[Point]) -> Vec<Crossing> {
    sample_crossings_within(a, b, TIE_TOL * largest(a).max(largest(b)))
}

/// [`sample_crossings`] with the tie tolerance given.
pub(super) fn sample_crossings_within(a: &[Point], b: &[Point], tol: f64) -> Vec<Crossing> {
    let mut out = Vec::new();
    // Whether a was the dearer side at the last sample where one side was strictly cheaper.
    let mut last: Option<bool> = None;
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (pa, pb) = (a[i], b[j]);
        if pa.0 < pb.0 {
            i += 1;
            continue;
        }
        if pb.0 < pa.0 {
            j += 1;
            continue;
        }
        i += 1;
        j += 1;
        let d = pa.1 - pb.1;
        if !d.is_finite() || d.abs() <= tol {
            continue;
        }
        let a_dearer = d > 0.0;
        if last.is_some_and(|s| s != a_dearer) {
            let (side, cost) = if a_dearer { (Side::B, pb.1) } else { (Side::A, pa.1) };
            out.push(Crossing { at: pa.0, cost, cheaper_above: side });
        }
        last = Some(a_dearer);
    }
    out
}

/// Crossovers of two costs on whole numbers from `lo` to `hi`: each function is evaluated exactly
/// once per integer. For many series, sample each once with [`Series::sampled`] and use
/// [`pair_crossings`] instead, so no function is evaluated again per pair.
pub fn step_crossings(
    fa: impl FnMut(u32) -> f64,
    fb: impl FnMut(u32) -> f64,
    lo: u32,
    hi: u32,
) -> Vec<Crossing> {
    sample_crossings(&sample(fa, lo, hi), &sample(fb, lo, hi))
}

/// The corners of a step line through integer samples (sorted by `x`, one per consecutive
/// integer): each value holds from half a step before its `x` to half a step after, with the risers
/// halfway between samples.
pub fn step_points(samples: &[Point]) -> Vec<Point> {
    let mut out = Vec::with_capacity(samples.len() * 2);
    for (i, &(x, y)) in samples.iter().enumerate() {
        let start = if i == 0 { x - 0.5 } else { (samples[i - 1].0 + x) / 2.0 };
        let end = samples.get(i + 1).map_or(x + 0.5, |next| (x + next.0) / 2.0);
        out.push((start, y));
        out.push((end, y));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn step_crossings_evaluate_each_integer_once() {
        let (na, nb) = (Cell::new(0), Cell::new(0));
        // EC2-like: 2 instances minimum, 3 tasks each, $70 per instance; Fargate-like: $30 per task.
        let ec2 = |n: u32| 70.0 * f64::from(n.div_ceil(3).max(2));
        let fargate = |n: u32| 30.0 * f64::from(n);
        let c = step_crossings(
            |n| {
                na.set(na.get() + 1);
                ec2(n)
            },
            |n| {
                nb.set(nb.get() + 1);
                fargate(n)
            },
            1,
            20,
        );
        assert_eq!((na.get(), nb.get()), (20, 20));
        // 4 tasks: 140 < 120? no; 5 tasks: 140 < 150 yes.
        assert_eq!(c[0], Crossing { at: 5.0, cost: 140.0, cheaper_above: Side::A });
        assert!(c.iter().all(|x| {
            let n = x.at as u32;
            match x.cheaper_above {
                Side::A => ec2(n) < fargate(n),
                Side::B => fargate(n) < ec2(n),
            }
        }));
        // A tie at 4 between A cheaper and B cheaper: the crossing is at the first strict one.
        let c =
            sample_crossings(&[(3.0, 1.0), (4.0, 2.0), (5.0, 3.0)], &[(3.0, 2.0), (4.0, 2.0), (5.0, 2.0)]);
        assert_eq!(c, vec![Crossing { at: 5.0, cost: 2.0, cheaper_above: Side::B }]);
        assert!(sample_crossings(
            &[(1.0, 1.0), (2.0, 2.0), (3.0, 1.0)],
            &[(1.0, 2.0), (2.0, 2.0), (3.0, 2.0)]
        )
        .is_empty());
    }

    #[test]
    fn steps() {
        let s = [(1.0, 10.0), (2.0, 10.0), (3.0, 20.0)];
        assert_eq!(
            step_points(&s),
            vec![(0.5, 10.0), (1.5, 10.0), (1.5, 10.0), (2.5, 10.0), (2.5, 20.0), (3.5, 20.0)]
        );
    }
}
