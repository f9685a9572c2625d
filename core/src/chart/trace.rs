//! Exact tracing of continuous, piecewise-linear costs: the breakpoints found with a handful of
//! evaluations, and reading the traced polyline back at any axis value.

use std::collections::VecDeque;

use super::Point;

/// Where an interval is probed, as fractions of its width: arbitrary, unrelated irrational-looking
/// numbers, so that samples never sit on round numbers (where costs bend) and the probes of a part
/// never line up with those of the interval it came from. (Golden-section points do line up: nested
/// parts repeat the same ratios, and round bends then fell exactly on chords between samples.)
const PROBE_LO: f64 = 0.287_321_957_146_3;
const PROBE_HI: f64 = 0.694_173_281_529_7;
/// A sample is "on a line" when it is within this much of the largest |cost| seen, times that cost.
const TRACE_TOL: f64 = 1e-11;
/// A bend found where two lines meet is confirmed by a sample on each side, this share of the
/// way towards the neighbouring samples (further if the two lines are too close to tell apart
/// there): two bends closer together than that can pass for one.
const BESIDE: f64 = 1e-7;
/// Intervals narrower than this share of the domain are not split further.
const MIN_WIDTH: f64 = 1e-9;
/// Evaluation budget of one trace; only reached by functions that are not piecewise linear.
pub const MAX_TRACE_EVALS: usize = 2048;

/// A line `y = y0 + s × (x - x0)`.
#[derive(Debug, Clone, Copy)]
struct Line {
    x0: f64,
    y0: f64,
    s: f64,
}

impl Line {
    fn through(p: Point, q: Point) -> Line {
        Line { x0: p.0, y0: p.1, s: (q.1 - p.1) / (q.0 - p.0) }
    }

    fn at(self, x: f64) -> f64 {
        self.y0 + self.s * (x - self.x0)
    }
}

/// Where the value at `x` of the chord from `p` to `q` is.
pub(super) fn chord(p: Point, q: Point, x: f64) -> f64 {
    p.1 + (q.1 - p.1) * ((x - p.0) / (q.0 - p.0))
}

enum Work {
    /// Nothing is known inside `(a, b)`: probe it.
    Probe(Point, Point),
    /// f is the line `l` on `[a, u]` and the line `r` on `[v, b]`, and bends somewhere in
    /// `(u, v)`. A side whose line is not known yet has `u == a` (or `v == b`). `l_ok` says the
    /// line `l` is confirmed by a third sample that was not placed from it (so f really is `l` on
    /// `[a, u]`), likewise `r_ok`.
    Split { a: Point, u: Point, v: Point, b: Point, l: Option<Line>, r: Option<Line>, l_ok: bool, r_ok: bool },
}

struct Tracer<F> {
    f: F,
    samples: Vec<Point>,
    scale: f64,
}

impl<F: FnMut(f64) -> f64> Tracer<F> {
    fn eval(&mut self, x: f64) -> Point {
        let y = (self.f)(x);
        if y.is_finite() {
            self.scale = self.scale.max(y.abs());
        }
        self.samples.push((x, y));
        (x, y)
    }

    fn near(&self, y: f64, on_line: f64) -> bool {
        (y - on_line).abs() <= TRACE_TOL * self.scale
    }
}

/// The exact breakpoints of a continuous, piecewise-linear `f` on `[lo, hi]`: linear interpolation
/// between the returned points is `f` (within 1e-11 of the largest |f| met, far inside 1e-9).
///
/// How: the domain is probed at two interior points. Four collinear samples mean a straight line,
/// so a linear `f` costs exactly **4 evaluations**. Otherwise the straight parts give the lines on
/// either side of a bend, and the bend is where they intersect: one evaluation there must lie on
/// both lines, and since that point was placed from the lines it is confirmed by one more sample
/// just beside it on each side. When only one side's line is known, a sample on the other side
/// either moves the known end or gives the missing line. A sample that lies on just one of the two
/// lines moves that end, so a jump is found by bisection. When a confirmation fails (several
/// bends close together), every unconfirmed part is probed again.
///
/// Cost, measured over 2,000 bend positions on `[0, 100]`: a single bend takes 7 evaluations when
/// it falls between the first two probes and 8 to 13 otherwise (7.8 on average); two bends 13 to 29
/// (18 on average); a jump about 33.
///
/// Every segment of the result is confirmed straight by at least one sample inside it that was not
/// placed from its line. Assumption: `f` is continuous and piecewise linear with finitely many
/// bends, no part of it leaves a straight line and returns to the same line between two
/// neighbouring samples (a cost would have to pause and then catch up exactly with its former
/// trend), and no two bends are
/// closer than 1e-7 of the space between samples. Otherwise the result is still a polyline through
/// samples of `f`, sorted by `x` and correct at every sample: jumps are narrowed to 1e-9 of the
/// domain, curves are followed densely up to [`MAX_TRACE_EVALS`] evaluations (breadth first, so
/// evenly), and a bump hidden between two samples is missed. Samples where `f` is not finite are
/// dropped. `lo > hi` is swapped; `lo == hi` gives one point; a non-finite bound gives no point.
pub fn trace(f: impl FnMut(f64) -> f64, lo: f64, hi: f64) -> Vec<Point> {
    if !lo.is_finite() || !hi.is_finite() {
        return Vec::new();
    }
    let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
    let mut t = Tracer { f, samples: Vec::with_capacity(8), scale: 0.0 };
    let a = t.eval(lo);
    if lo == hi {
        return t.samples.into_iter().filter(|p| p.1.is_finite()).collect();
    }
    let b = t.eval(hi);
    // Below this width, or when the midpoint is no longer strictly inside, stop splitting.
    let min_width = (MIN_WIDTH * (hi - lo)).max(4.0 * f64::EPSILON * lo.abs().max(hi.abs()));
    let mut queue = VecDeque::from([Work::Probe(a, b)]);
    // Breadth first, so a budget spent on a function that is not piecewise linear is spread evenly.
    while let Some(work) = queue.pop_front() {
        if t.samples.len() + 3 > MAX_TRACE_EVALS {
            break;
        }
        match work {
            Work::Probe(a, b) => {
                let w = b.0 - a.0;
                if w <= min_width || !a.1.is_finite() || !b.1.is_finite() {
                    continue;
                }
                let p1 = t.eval(a.0 + PROBE_LO * w);
                let p2 = t.eval(a.0 + PROBE_HI * w);
                if !p1.1.is_finite() || !p2.1.is_finite() {
                    continue;
                }
                let left_straight = t.near(p1.1, chord(a, p2, p1.0));
                let right_straight = t.near(p2.1, chord(p1, b, p2.0));
                let (u, v, l, r) = match (left_straight, right_straight) {
                    (true, true) => continue,
                    (true, false) => (p2, b, Some(Line::through(a, p2)), None),
                    (false, true) => (a, p1, None, Some(Line::through(p1, b))),
                    (false, false) => (p1, p2, Some(Line::through(a, p1)), Some(Line::through(p2, b))),
                };
                queue.push_back(Work::Split { a, u, v, b, l, r, l_ok: left_straight, r_ok: right_straight });
            }
            Work::Split { a, u, v, b, l, r, l_ok, r_ok } => {
                let w = v.0 - u.0;
                if w <= min_width {
                    continue;
                }
                // Parts between samples whose lines are not confirmed are probed again.
                let reprobe = |queue: &mut VecDeque<Work>, inner: &[Point]| {
                    let mut pts = Vec::with_capacity(inner.len() + 2);
                    if !l_ok {
                        pts.push(a);
                    }
                    pts.extend_from_slice(inner);
                    if !r_ok {
                        pts.push(b);
                    }
                    queue.extend(pts.windows(2).map(|p| Work::Probe(p[0], p[1])));
                };
                let x = match (l, r) {
                    (Some(l), Some(r)) => {
                        // An end that lies on the other line is the bend.
                        // (That sample confirms the line it was not placed from.)
                        if t.near(v.1, l.at(v.0)) {
                            if !r_ok {
                                queue.push_back(Work::Probe(v, b));
                            }
                            continue;
                        }
                        if t.near(u.1, r.at(u.0)) {
                            if !l_ok {
                                queue.push_back(Work::Probe(a, u));
                            }
                            continue;
                        }
                        // Where l and r meet, measured from u; the midpoint when not inside.
                        let d = (r.at(v.0) - l.at(u.0) - r.s * w) / (l.s - r.s);
                        if d.is_finite() && u.0 + d > u.0 && u.0 + d < v.0 {
                            u.0 + d
                        } else {
                            u.0 + 0.5 * w
                        }
                    }
                    // One line known: a sample off it gives the other line, one on it moves the end.
                    (Some(_), None) => u.0 + PROBE_HI * w,
                    (None, Some(_)) => u.0 + PROBE_LO * w,
                    (None, None) => continue,
                };
                if !(x > u.0 && x < v.0) {
                    continue;
                }
                let k = t.eval(x);
                if !k.1.is_finite() {
                    continue;
                }
                let on_l = l.is_some_and(|l| t.near(k.1, l.at(x)));
                let on_r = r.is_some_and(|r| t.near(k.1, r.at(x)));
                let next = match (on_l, on_r, l, r) {
                    (true, true, Some(l), Some(r)) => {
                        // k is on both lines by construction, so it cannot tell which line f
                        // follows next to it: one sample just left of it must be on l and one
                        // just right of it on r.
                        // Far enough that l and r are told apart there, yet close to the bend.
                        let apart = 100.0 * TRACE_TOL * t.scale / (l.s - r.s).abs();
                        let reach = |gap: f64| (BESIDE * gap).max(apart).min(0.5 * gap);
                        let ml = x - reach(x - u.0);
                        let mr = x + reach(v.0 - x);
                        let (mut left, mut right) = (None, None);
                        if ml > u.0 && ml < x {
                            left = Some(t.eval(ml));
                        }
                        if mr > x && mr < v.0 {
                            right = Some(t.eval(mr));
                        }
                        let fits = |p: Option<Point>, line: Line| p.is_none_or(|p| t.near(p.1, line.at(p.0)));
                        if fits(left, l) && fits(right, r) {
                            continue;
                        }
                        // A side sample on the other side's line shows where f already follows
                        // that line: the bends lie beyond it, next to a now confirmed line, and
                        // the unconfirmed line that misled is probed again.
                        if let Some(p) = left.filter(|p| t.near(p.1, r.at(p.0)) && fits(right, r)) {
                            if !l_ok {
                                queue.push_back(Work::Probe(a, u));
                            }
                            queue.push_back(Work::Split {
                                a: u,
                                u,
                                v: p,
                                b,
                                l: None,
                                r: Some(r),
                                l_ok: false,
                                r_ok: true,
                            });
                            continue;
                        }
                        if let Some(p) = right.filter(|p| t.near(p.1, l.at(p.0)) && fits(left, l)) {
                            if !r_ok {
                                queue.push_back(Work::Probe(v, b));
                            }
                            queue.push_back(Work::Split {
                                a,
                                u: p,
                                v,
                                b: v,
                                l: Some(l),
                                r: None,
                                l_ok: true,
                                r_ok: false,
                            });
                            continue;
                        }
                        let mut inner: Vec<Point> =
                            [Some(u), left, Some(k), right, Some(v)].into_iter().flatten().collect();
                        inner.dedup_by(|q, p| q.0 == p.0);
                        reprobe(&mut queue, &inner);
                        continue;
                    }
                    (true, false, ..) => Work::Split { a, u: k, v, b, l, r, l_ok: true, r_ok },
                    (false, true, ..) => Work::Split { a, u, v: k, b, l, r, l_ok, r_ok: true },
                    (false, false, _, None) => {
                        Work::Split { a, u, v: k, b, l, r: Some(Line::through(k, b)), l_ok, r_ok: false }
                    }
                    (false, false, None, _) => {
                        Work::Split { a, u: k, v, b, l: Some(Line::through(a, k)), r, l_ok: false, r_ok }
                    }
                    // Off both lines: more than one bend. If k is on the chord from u to v, f is
                    // straight there (k was not placed from that chord) and the other bends lie
                    // beyond u and v, each next to a known line.
                    _ if t.near(k.1, chord(u, v, x)) => {
                        let m = Line::through(u, v);
                        if !l_ok {
                            queue.push_back(Work::Split {
                                a,
                                u: a,
                                v: u,
                                b: v,
                                l: None,
                                r: Some(m),
                                l_ok: false,
                                r_ok: true,
                            });
                        }
                        if !r_ok {
                            queue.push_back(Work::Split {
                                a: u,
                                u: v,
                                v: b,
                                b,
                                l: Some(m),
                                r: None,
                                l_ok: true,
                                r_ok: false,
                            });
                        }
                        continue;
                    }
                    // Otherwise every unconfirmed part is probed again.
                    _ => {
                        reprobe(&mut queue, &[u, k, v]);
                        continue;
                    }
                };
                queue.push_back(next);
            }
        }
    }
    let tol = TRACE_TOL * t.scale;
    let mut pts = t.samples;
    pts.retain(|p| p.1.is_finite());
    crate::sort::sort_by(&mut pts, |p, q| p.0.total_cmp(&q.0));
    pts.dedup_by(|q, p| q.0 == p.0);
    simplify(&pts, tol)
}

/// Drops every point that lies within `tol` of the chord between the points kept around it.
fn simplify(pts: &[Point], tol: f64) -> Vec<Point> {
    let Some(&first) = pts.first() else {
        return Vec::new();
    };
    let mut out = vec![first];
    let mut anchor = 0;
    for j in 1..pts.len() {
        if j + 1 < pts.len() {
            let (p, q) = (pts[anchor], pts[j + 1]);
            let straight = pts[anchor + 1..=j].iter().all(|s| (s.1 - chord(p, q, s.0)).abs() <= tol);
            if straight {
                continue;
            }
        }
        out.push(pts[j]);
        anchor = j;
    }
    out
}

/// The value at `x` of the polyline through `points` (sorted by `x`), or `None` outside its range.
pub fn interpolate(points: &[Point], x: f64) -> Option<f64> {
    let first = points.first()?;
    let last = points.last()?;
    if !(x >= first.0 && x <= last.0) {
        return None;
    }
    let i = points.partition_point(|p| p.0 < x);
    let q = points[i];
    if q.0 == x || i == 0 {
        return Some(q.1);
    }
    Some(chord(points[i - 1], q, x))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn counted<'a>(f: impl Fn(f64) -> f64 + 'a, n: &'a Cell<usize>) -> impl FnMut(f64) -> f64 + 'a {
        move |x| {
            n.set(n.get() + 1);
            f(x)
        }
    }

    #[test]
    fn a_line_costs_four_evaluations() {
        let n = Cell::new(0);
        let pts = trace(counted(|x| 12.5 + 3.0 * x, &n), 0.0, 100.0);
        assert_eq!(pts, vec![(0.0, 12.5), (100.0, 312.5)]);
        assert_eq!(n.get(), 4);
        let n = Cell::new(0);
        assert_eq!(trace(counted(|_| 0.0, &n), 0.0, 100.0), vec![(0.0, 0.0), (100.0, 0.0)]);
        assert_eq!(n.get(), 4);
    }

    #[test]
    fn a_single_bend_is_found_exactly_and_cheaply() {
        let mut worst = 0;
        for k in 1..400 {
            let kink = f64::from(k) / 4.0;
            let n = Cell::new(0);
            // A minimum charge: flat at 40 until 4x passes it.
            let pts = trace(counted(move |x| (4.0 * x).max(40.0) + (x - kink).max(0.0), &n), 0.0, 100.0);
            let f = |x: f64| (4.0 * x).max(40.0) + (x - kink).max(0.0);
            for i in 0..=1000 {
                let x = f64::from(i) / 10.0;
                assert!((interpolate(&pts, x).unwrap() - f(x)).abs() <= 1e-9 * 600.0, "kink {kink} at {x}");
            }
            worst = worst.max(n.get());
        }
        assert!(worst <= 30, "{worst}");

        for k in 1..2000 {
            let kink = f64::from(k) / 20.0;
            let n = Cell::new(0);
            let pts = trace(counted(move |x| (x - kink).max(0.0) * 0.2, &n), 0.0, 100.0);
            assert_eq!(pts.len(), 3, "{kink}: {pts:?}");
            assert!((pts[1].0 - kink).abs() < 1e-9, "{kink}: {pts:?}");
            assert!(n.get() <= 13, "{kink}: {} evaluations", n.get());
        }
    }

    #[test]
    fn a_bend_on_a_probe_is_found() {
        let at = PROBE_LO * 100.0;
        let pts = trace(|x| (x - at).abs(), 0.0, 100.0);
        assert_eq!(pts.len(), 3);
        assert_eq!(pts[1].0, at);
    }

    #[test]
    fn jumps_and_curves_give_a_dense_polyline_through_samples() {
        let step = |x: f64| if x < 37.0 { 10.0 } else { 20.0 };
        let n = Cell::new(0);
        let pts = trace(counted(step, &n), 0.0, 100.0);
        assert!(n.get() < 80, "{}", n.get());
        assert!(pts.iter().all(|p| p.1 == step(p.0)));
        let jump = pts.windows(2).find(|w| w[0].1 != w[1].1).unwrap();
        assert!(jump[0].0 < 37.0 && jump[1].0 >= 37.0 && jump[1].0 - jump[0].0 <= 1e-7);

        let n = Cell::new(0);
        let pts = trace(counted(|x: f64| x * x, &n), 0.0, 10.0);
        assert!(n.get() <= MAX_TRACE_EVALS);
        assert!(pts.len() > 50);
        assert!(pts.iter().all(|p| p.1 == p.0 * p.0));
        assert!(pts.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn degenerate_traces() {
        assert_eq!(trace(|x| x, 5.0, 5.0), vec![(5.0, 5.0)]);
        assert_eq!(trace(|x| x, 5.0, 0.0), vec![(0.0, 0.0), (5.0, 5.0)]);
        assert!(trace(|x| x, f64::NAN, 1.0).is_empty());
        let pts = trace(|x| if x > 50.0 { f64::NAN } else { x }, 0.0, 100.0);
        assert!(pts.iter().all(|p| p.1.is_finite()));
        let huge = trace(|x| 1e300 * (x - 0.5).max(0.0), 0.0, 1.0);
        assert_eq!(huge.len(), 3);
        assert!((huge[1].0 - 0.5).abs() < 1e-12);
    }
}
