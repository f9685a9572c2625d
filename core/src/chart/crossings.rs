//! Exact crossovers of two traced costs on a continuous axis: where the strictly cheaper side
//! changes, solved on the merged breakpoints where the difference is linear.

use super::trace::{chord, interpolate};
use super::Point;

/// One of the two curves of a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// The first curve.
    A,
    /// The second curve.
    B,
}

/// Where the cheaper of two costs changes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Crossing {
    /// The axis value from which [`Crossing::cheaper_above`] is strictly cheaper. On a continuous
    /// axis the two costs are equal there; on the task axis it is the first whole task count where
    /// that side is cheaper.
    pub at: f64,
    /// The cost, at `at`, of the side that becomes cheaper.
    pub cost: f64,
    /// The side that is cheaper just above `at` (the other one was cheaper before).
    pub cheaper_above: Side,
}

/// Two costs closer than this share of the largest cost on either curve are a tie.
pub(super) const TIE_TOL: f64 = 1e-10;

/// Exact crossovers of two polylines (sorted by `x`, as returned by [`trace`]) over the `x` range
/// they share, in one merged walk over both (no evaluation, no sorting).
///
/// Between the merged breakpoints of both curves the difference `a - b` is linear, so every root
/// is found exactly. The rule: a crossing is where the strictly cheaper side changes. Costs within
/// 1e-10 of the largest cost on either curve are a tie; ties belong to neither side. Touching without crossing,
/// and identical stretches with the same side cheaper on both ends, give no crossing. When one side
/// is cheaper before a tie and the other after it, the crossing is at the end of the tie, where
/// the new side starts being strictly cheaper. Crossings come in increasing `at`, and their
/// `cheaper_above` alternates.
pub fn crossings(a: &[Point], b: &[Point]) -> Vec<Crossing> {
    crossings_within(a, b, TIE_TOL * largest(a).max(largest(b)))
}

/// The largest finite |cost| of a curve.
pub(super) fn largest(pts: &[Point]) -> f64 {
    pts.iter().filter(|p| p.1.is_finite()).fold(0.0f64, |m, p| m.max(p.1.abs()))
}

/// [`crossings`] with the tie tolerance given.
pub(super) fn crossings_within(a: &[Point], b: &[Point], tol: f64) -> Vec<Crossing> {
    let (Some(a0), Some(an), Some(b0), Some(bn)) = (a.first(), a.last(), b.first(), b.last()) else {
        return Vec::new();
    };
    let (lo, hi) = (a0.0.max(b0.0), an.0.min(bn.0));
    if lo.is_nan() || hi.is_nan() || lo > hi {
        return Vec::new();
    }
    let (mut wa, mut wb) = (Walker { pts: a, k: 0 }, Walker { pts: b, k: 0 });
    // Next breakpoint of either curve after the current x.
    let (mut ia, mut ib) = (a.partition_point(|p| p.0 <= lo), b.partition_point(|p| p.0 <= lo));
    let mut out = Vec::new();
    // The last x where one side was strictly cheaper, with a - b there, and whether it was the
    // breakpoint just before the current one (no tie in between).
    let mut last: Option<(f64, f64)> = None;
    let mut adjacent = false;
    let mut prev_x = lo;
    let mut x = lo;
    loop {
        let (ya, yb) = (wa.at(x), wb.at(x));
        let d = ya - yb;
        if !d.is_finite() || d.abs() <= tol {
            adjacent = false;
        } else {
            if let Some((xi, di)) = last {
                if (di > 0.0) != (d > 0.0) {
                    let at = if adjacent {
                        // a - b is linear on [x_i, x]: its root.
                        (xi + (x - xi) * (di / (di - d))).clamp(xi, x)
                    } else {
                        // A tie ends at the previous breakpoint: the new side is strictly cheaper after it.
                        prev_x
                    };
                    let (side, curve) = if d < 0.0 { (Side::A, a) } else { (Side::B, b) };
                    let cost = interpolate(curve, at).unwrap_or(if d < 0.0 { ya } else { yb });
                    out.push(Crossing { at, cost, cheaper_above: side });
                }
            }
            last = Some((x, d));
            adjacent = true;
        }
        if x >= hi {
            break;
        }
        prev_x = x;
        let next = |pts: &[Point], i: usize| pts.get(i).map_or(hi, |p| p.0);
        x = next(a, ia).min(next(b, ib)).min(hi);
        while a.get(ia).is_some_and(|p| p.0 <= x) {
            ia += 1;
        }
        while b.get(ib).is_some_and(|p| p.0 <= x) {
            ib += 1;
        }
        if x <= prev_x {
            break;
        }
    }
    out
}

/// Reads a polyline at increasing `x`, in amortized constant time.
struct Walker<'a> {
    pts: &'a [Point],
    k: usize,
}

impl Walker<'_> {
    fn at(&mut self, x: f64) -> f64 {
        let pts = self.pts;
        while self.k + 2 < pts.len() && pts[self.k + 1].0 < x {
            self.k += 1;
        }
        let p = pts[self.k];
        match pts.get(self.k + 1) {
            Some(&q) if x == q.0 => q.1,
            Some(&q) if x != p.0 => chord(p, q, x),
            _ => p.1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::trace;

    #[test]
    fn crossings_are_exact_and_ties_do_not_cross() {
        // Fargate-like: proportional to utilization; EC2-like: flat.
        let a = trace(|u| 3.2 * u, 0.0, 100.0);
        let b = trace(|_| 250.0, 0.0, 100.0);
        let c = crossings(&a, &b);
        assert_eq!(c.len(), 1);
        assert!((c[0].at - 78.125).abs() < 1e-12);
        assert!((c[0].cost - 250.0).abs() < 1e-9);
        assert_eq!(c[0].cheaper_above, Side::B);
        assert_eq!(crossings(&b, &a)[0].cheaper_above, Side::A);

        // Touching: |x| against 0.
        let a = trace(|x: f64| x.abs(), -1.0, 1.0);
        let zero = trace(|_| 0.0, -1.0, 1.0);
        assert!(crossings(&a, &zero).is_empty());
        // Identical stretch with the same side cheaper on both ends.
        let a = trace(|x: f64| x.min(1.0), 0.0, 3.0);
        let b = trace(|x: f64| x.min(1.0) + (x - 2.0).max(0.0), 0.0, 3.0);
        assert!(crossings(&a, &b).is_empty());
        // A cheaper before a tie on [1, 2], B cheaper after: one crossing, at the end of the tie.
        let d = |x: f64| (x - 1.0).min(0.0) + (x - 2.0).max(0.0);
        let a = trace(move |x| 5.0 + d(x), 0.0, 3.0);
        let b = trace(|_| 5.0, 0.0, 3.0);
        let c = crossings(&a, &b);
        assert_eq!(c.len(), 1);
        assert!((c[0].at - 2.0).abs() < 1e-12 && (c[0].cost - 5.0).abs() < 1e-12, "{c:?}");
        assert_eq!(c[0].cheaper_above, Side::B);
        // Identical curves.
        assert!(crossings(&b, &b).is_empty());
        // Crossing exactly at a shared breakpoint.
        let a = trace(|x: f64| (x - 1.0).max(0.0) * 2.0, 0.0, 3.0);
        let b = trace(|x: f64| (x - 1.0).max(0.0), 0.0, 3.0);
        assert!(crossings(&a, &b).is_empty());
        // Disjoint or empty.
        assert!(crossings(&trace(|x| x, 0.0, 1.0), &trace(|x| x, 2.0, 3.0)).is_empty());
        assert!(crossings(&[], &b).is_empty());
    }
}
