//! Property tests of the chart module: random continuous piecewise-linear costs are traced exactly,
//! every crossover equalizes the two costs and none is missed, step crossovers evaluate each integer
//! once, nice ticks are nice, and nothing yields NaN.

use std::cell::Cell;

use berth_core::chart::{
    crossings, integer_ticks, interpolate, nice_domain, nice_ticks, pair_crossings, sample_crossings,
    step_crossings, trace, Axis, ChartGeometry, Crossing, Move, Padding, Series, Side,
};
use proptest::prelude::*;

/// A continuous piecewise-linear function through knots sorted by `x`.
#[derive(Debug, Clone)]
struct Pl {
    knots: Vec<(f64, f64)>,
}

impl Pl {
    /// The value at `x`, by a plain scan (independent of the module's interpolation).
    fn at(&self, x: f64) -> f64 {
        let k = &self.knots;
        if x <= k[0].0 {
            return k[0].1;
        }
        for w in k.windows(2) {
            let ((x0, y0), (x1, y1)) = (w[0], w[1]);
            if x <= x1 {
                return y0 + (y1 - y0) * (x - x0) / (x1 - x0);
            }
        }
        k[k.len() - 1].1
    }

    fn lo(&self) -> f64 {
        self.knots[0].0
    }

    fn hi(&self) -> f64 {
        self.knots[self.knots.len() - 1].0
    }

    fn scale(&self) -> f64 {
        self.knots.iter().fold(1.0f64, |m, k| m.max(k.1.abs()))
    }

    /// Interior knots (possible bends).
    fn bends(&self) -> usize {
        self.knots.len() - 2
    }
}

/// Knot positions as fractions of the domain: any, or a whole percent (costs bend at round numbers).
fn fraction() -> impl Strategy<Value = f64> {
    prop_oneof![0.0..1.0f64, (1u32..100).prop_map(|p| f64::from(p) / 100.0)]
}

/// Up to 8 sorted knot positions inside `[lo, lo + width]`, plus both ends, at least 1e-6 of the
/// domain apart (closer bends are below what a chart can show and below the tracer's resolution).
fn knot_xs(lo: f64, width: f64) -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(fraction(), 0..9).prop_map(move |mut fr| {
        fr.sort_by(f64::total_cmp);
        let mut xs = vec![lo];
        for f in fr {
            let x = lo + f * width;
            if x - xs[xs.len() - 1] > 1e-6 * width && lo + width - x > 1e-6 * width {
                xs.push(x);
            }
        }
        xs.push(lo + width);
        xs
    })
}

/// A cost-like curve: non-decreasing, starting at zero or above, with flat stretches (a minimum
/// charge, a free tier, a commitment) and bends at random or round positions.
fn cost_on(lo: f64, width: f64) -> impl Strategy<Value = Pl> {
    (
        knot_xs(lo, width),
        prop_oneof![Just(0.0), 0.0..1.0e4f64],
        prop::collection::vec((0u8..3, 0.0..5.0e3f64), 10),
    )
        .prop_map(|(xs, base, steps)| {
            let mut y = base;
            let knots = xs
                .into_iter()
                .enumerate()
                .map(|(i, x)| {
                    if i > 0 && steps[i].0 > 0 {
                        y += steps[i].1;
                    }
                    (x, y)
                })
                .collect();
            Pl { knots }
        })
}

/// A generic curve: any value of either sign at each knot.
fn generic_on(lo: f64, width: f64) -> impl Strategy<Value = Pl> {
    (knot_xs(lo, width), prop::collection::vec(-1.0e4..1.0e4f64, 10))
        .prop_map(|(xs, ys)| Pl { knots: xs.into_iter().zip(ys).collect() })
}

/// Chart-like domains: `[0, 100]`, or offsets and widths over many orders of magnitude with the
/// width at least 1e-3 of the offset (an axis is never a sliver far from zero).
fn domain() -> impl Strategy<Value = (f64, f64)> {
    prop_oneof![
        Just((0.0, 100.0)),
        (-1.0e3..1.0e3f64, (0.0..5.0f64).prop_map(|e| 10f64.powf(e))),
        (Just(0.0), (-3.0..6.0f64).prop_map(|e| 10f64.powf(e))),
    ]
}

fn any_cost() -> impl Strategy<Value = Pl> {
    domain().prop_flat_map(|(lo, w)| cost_on(lo, w))
}

fn any_generic() -> impl Strategy<Value = Pl> {
    domain().prop_flat_map(|(lo, w)| generic_on(lo, w))
}

/// Two curves on one domain. Often the second is the first plus a difference with long zero
/// stretches, so ties, touching and identical stretches are common; the knots of both are exact.
fn pl_pair() -> impl Strategy<Value = (Pl, Pl)> {
    domain()
        .prop_flat_map(|(lo, w)| {
            let diff = (knot_xs(lo, w), prop::collection::vec((0u8..4, -1.0e3..1.0e3f64), 10)).prop_map(
                |(xs, vals)| Pl {
                    knots: xs
                        .into_iter()
                        .zip(vals)
                        .map(|(x, (kind, v))| (x, if kind < 2 { 0.0 } else { v }))
                        .collect(),
                },
            );
            (cost_on(lo, w), prop_oneof![cost_on(lo, w), generic_on(lo, w)], diff, any::<bool>())
        })
        .prop_map(|(a, b, diff, related)| {
            if !related {
                return (a, b);
            }
            let mut xs: Vec<f64> = a.knots.iter().chain(&diff.knots).map(|k| k.0).collect();
            xs.sort_by(f64::total_cmp);
            xs.dedup();
            let knots = xs.into_iter().map(|x| (x, a.at(x) + diff.at(x))).collect();
            (a, Pl { knots })
        })
}

/// The side expected to be strictly cheaper at `x` from a list of crossings, if the list says.
fn side_at(cs: &[Crossing], x: f64) -> Option<Side> {
    match cs.iter().rev().find(|c| c.at < x) {
        Some(c) => Some(c.cheaper_above),
        None => cs.first().map(|c| if c.cheaper_above == Side::A { Side::B } else { Side::A }),
    }
}

fn alternate(cs: &[Crossing]) -> bool {
    cs.windows(2).all(|w| w[0].at <= w[1].at && w[0].cheaper_above != w[1].cheaper_above)
}

fn check_trace(f: &Pl) -> Result<(), TestCaseError> {
    let n = Cell::new(0usize);
    let pts = trace(
        |x| {
            n.set(n.get() + 1);
            f.at(x)
        },
        f.lo(),
        f.hi(),
    );
    let tol = 1e-9 * f.scale();
    prop_assert_eq!(pts[0].0, f.lo());
    prop_assert_eq!(pts[pts.len() - 1].0, f.hi());
    prop_assert!(pts.windows(2).all(|w| w[0].0 < w[1].0));
    prop_assert!(pts.len() <= f.bends() + 2, "{} points for {} bends: {:?}", pts.len(), f.bends(), pts);
    let xs = (0..=400)
        .map(|i| f.lo() + (f.hi() - f.lo()) * f64::from(i) / 400.0)
        .chain(f.knots.iter().map(|k| k.0));
    for x in xs {
        let x = x.clamp(f.lo(), f.hi());
        let got = interpolate(&pts, x).unwrap();
        prop_assert!((got - f.at(x)).abs() <= tol, "at {}: {} vs {}; trace {:?}", x, got, f.at(x), pts);
    }
    prop_assert!(n.get() <= 4 + 40 * f.bends(), "{} evaluations for {} bends", n.get(), f.bends());
    if f.bends() == 0 {
        prop_assert_eq!(n.get(), 4);
    }
    Ok(())
}

fn check_crossings(fa: &Pl, fb: &Pl, cs: &[Crossing]) -> Result<(), TestCaseError> {
    let (lo, hi) = (fa.lo(), fa.hi());
    let scale = fa.scale().max(fb.scale());
    prop_assert!(alternate(cs), "{:?}", cs);
    for c in cs {
        prop_assert!(c.at >= lo && c.at <= hi);
        prop_assert!((fa.at(c.at) - fb.at(c.at)).abs() <= 1e-9 * scale, "{:?}", c);
        let own = if c.cheaper_above == Side::A { fa.at(c.at) } else { fb.at(c.at) };
        prop_assert!((c.cost - own).abs() <= 1e-9 * scale, "{:?}", c);
    }
    let mut seen: Option<Side> = None;
    let xs = (0..=500)
        .map(|i| lo + (hi - lo) * f64::from(i) / 500.0)
        .chain(fa.knots.iter().chain(&fb.knots).map(|k| k.0));
    for x in xs {
        let d = fa.at(x) - fb.at(x);
        if d.abs() <= 1e-8 * scale {
            continue;
        }
        let cheaper = if d < 0.0 { Side::A } else { Side::B };
        match side_at(cs, x) {
            Some(s) => prop_assert_eq!(s, cheaper, "at {}: {:?}", x, cs),
            None => {
                prop_assert!(seen.is_none_or(|s| s == cheaper), "missed a crossing before {}", x);
                seen = Some(cheaper);
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, failure_persistence: None, ..ProptestConfig::default() })]

    /// Interpolating the trace of a cost-like curve is the curve, the trace keeps no superfluous
    /// point, and it costs few evaluations (exactly 4 for a straight line).
    #[test]
    fn cost_curves_are_traced_exactly(f in any_cost()) {
        check_trace(&f)?;
    }

    /// The same for curves with bends of any sign and direction.
    #[test]
    fn generic_curves_are_traced_exactly(f in any_generic()) {
        check_trace(&f)?;
    }

    /// Every crossing of two exact polylines equalizes them; between crossings the cheaper side
    /// is the one the crossings say, so no crossing is missed where the sign differs at any
    /// breakpoint; ties never cross on their own.
    #[test]
    fn crossings_are_exact_and_complete((fa, fb) in pl_pair()) {
        let cs = crossings(&fa.knots, &fb.knots);
        check_crossings(&fa, &fb, &cs)?;
        // Swapping the pair mirrors the answer.
        let back = crossings(&fb.knots, &fa.knots);
        prop_assert_eq!(back.len(), cs.len());
        for (p, q) in cs.iter().zip(&back) {
            prop_assert!((p.at - q.at).abs() <= 1e-9 * (fa.hi() - fa.lo()).max(1.0));
            prop_assert_ne!(p.cheaper_above, q.cheaper_above);
        }
    }

    /// End to end: crossings of traced cost curves are exact and complete too.
    #[test]
    fn traced_crossings_are_exact((fa, fb) in domain().prop_flat_map(|(lo, w)| (cost_on(lo, w), cost_on(lo, w)))) {
        let (lo, hi) = (fa.lo(), fa.hi());
        let cs = crossings(&trace(|x| fa.at(x), lo, hi), &trace(|x| fb.at(x), lo, hi));
        check_crossings(&fa, &fb, &cs)?;
    }

    /// Step crossings: each integer is evaluated once per series; the first integer with a new
    /// strictly cheaper side is reported, and the sides between crossings are right.
    #[test]
    fn step_crossings_are_first_and_frugal(
        lo in 0u32..50,
        len in 0u32..60,
        va in prop::collection::vec(0u8..6, 60),
        vb in prop::collection::vec(0u8..6, 60),
    ) {
        let hi = lo + len;
        let fa = |n: u32| f64::from(va[(n - lo) as usize]) * 10.0;
        let fb = |n: u32| f64::from(vb[(n - lo) as usize]) * 10.0 + 0.0;
        let (na, nb) = (Cell::new(0u32), Cell::new(0u32));
        let cs = step_crossings(|n| { na.set(na.get() + 1); fa(n) }, |n| { nb.set(nb.get() + 1); fb(n) }, lo, hi);
        prop_assert_eq!((na.get(), nb.get()), (len + 1, len + 1));
        prop_assert!(alternate(&cs));
        for c in &cs {
            let n = c.at as u32;
            prop_assert_eq!(f64::from(n), c.at);
            let (own, other) = if c.cheaper_above == Side::A { (fa(n), fb(n)) } else { (fb(n), fa(n)) };
            prop_assert!(own < other);
            prop_assert_eq!(c.cost, own);
        }
        let mut seen: Option<Side> = None;
        for n in lo..=hi {
            let d = fa(n) - fb(n);
            if d == 0.0 {
                continue;
            }
            let cheaper = if d < 0.0 { Side::A } else { Side::B };
            match cs.iter().rev().find(|c| c.at <= f64::from(n)) {
                Some(c) => prop_assert_eq!(c.cheaper_above, cheaper),
                None => {
                    if let Some(first) = cs.first() {
                        prop_assert_ne!(first.cheaper_above, cheaper);
                    }
                    prop_assert!(seen.is_none_or(|s| s == cheaper));
                    seen = Some(cheaper);
                }
            }
        }
    }

    /// Nice ticks: increasing, inside the domain, at most max_count + 1, evenly spaced, covering,
    /// and free of float noise; a nice domain contains the data and has ticks on both ends.
    #[test]
    fn ticks_are_nice(
        lo in -1.0e6..1.0e6f64,
        e in -6.0..9.0f64,
        max_count in 1usize..13,
    ) {
        let hi = lo + 10f64.powf(e);
        let ticks = nice_ticks(lo, hi, max_count);
        // From 3 intervals on, the step is below the span, so some multiple falls inside.
        prop_assert!(!ticks.is_empty() || max_count < 3, "{} {}", lo, hi);
        prop_assert!(ticks.len() <= max_count + 1, "{:?}", ticks);
        prop_assert!(ticks.windows(2).all(|w| w[0] < w[1]));
        prop_assert!(ticks.iter().all(|&t| t >= lo && t <= hi));
        if ticks.len() >= 2 {
            let step = ticks[1] - ticks[0];
            let slack = 1e-6 * step + 8.0 * f64::EPSILON * lo.abs().max(hi.abs());
            prop_assert!(ticks.windows(2).all(|w| ((w[1] - w[0]) - step).abs() <= slack));
            prop_assert!(ticks[0] - lo < step * (1.0 + 1e-6));
            prop_assert!(hi - ticks[ticks.len() - 1] < step * (1.0 + 1e-6));
            // Each tick is the number written with the step's decimals: 0.3, not 0.30000000000000004.
            let decimals = (-(step.log10() + 1e-9).floor()).max(0.0) as usize;
            if lo.abs() / step < 1e9 {
                for &t in &ticks {
                    if t != lo && t != hi {
                        prop_assert_eq!(format!("{t:.decimals$}").parse::<f64>().unwrap(), t);
                    }
                }
            }
        }
        let (nlo, nhi) = nice_domain(lo, hi, max_count);
        prop_assert!(nlo <= lo && nhi >= hi);
        if max_count >= 2 || lo >= 0.0 || hi <= 0.0 {
            let nt = nice_ticks(nlo, nhi, max_count);
            prop_assert_eq!(nt[0], nlo);
            prop_assert_eq!(nt[nt.len() - 1], nhi);
        }
        let (c0, c1) = nice_domain(0.0, hi.abs(), max_count);
        prop_assert_eq!(c0, 0.0);
        prop_assert!(c1 >= hi.abs());
        if max_count >= 2 {
            prop_assert!(c1 <= 4.0 * hi.abs(), "{} → {}", hi.abs(), c1);
        }
        let whole = integer_ticks(lo, hi, max_count);
        prop_assert!(whole.iter().all(|t| t.fract() == 0.0 && *t >= lo && *t <= hi));
        prop_assert!(whole.len() <= max_count + 1);
    }

    /// Sampling once per series: pair crossings of many series never evaluate again.
    #[test]
    fn series_are_evaluated_once(
        lo in 1u32..20,
        len in 0u32..40,
        slopes in prop::collection::vec((0.0..50.0f64, 0.0..500.0f64, 1u32..5), 2..8),
    ) {
        let hi = lo + len;
        let counts: Vec<Cell<u32>> = slopes.iter().map(|_| Cell::new(0)).collect();
        let series: Vec<Series> = slopes
            .iter()
            .enumerate()
            .map(|(i, &(per_task, per_box, per))| {
                let c = &counts[i];
                Series::sampled(format!("s{i}"), format!("Series {i}"), move |n| {
                    c.set(c.get() + 1);
                    per_task * f64::from(n) + per_box * f64::from(n.div_ceil(per))
                }, lo, hi)
            })
            .collect();
        let all = pair_crossings(Axis::Tasks, &series);
        prop_assert!(counts.iter().all(|c| c.get() == len + 1));
        for sc in &all {
            let expect = sample_crossings(&series[sc.a].points, &series[sc.b].points);
            prop_assert!(expect.contains(&sc.crossing));
        }
        prop_assert!(all.windows(2).all(|w| w[0].crossing.at <= w[1].crossing.at));
    }

    /// Geometry from random series: no NaN anywhere, markers inside the plot, and the readout at a
    /// crossover shows the two costs equal.
    #[test]
    fn geometry_is_finite_and_consistent(
        fs in prop::collection::vec(prop_oneof![cost_on(0.0, 100.0), generic_on(0.0, 100.0)], 1..5),
        width in 0.0..1200.0f64,
        height in 0.0..800.0f64,
        big in prop_oneof![Just(1.0), Just(0.0), Just(1e12)],
        pointer in -100.0..1300.0f64,
    ) {
        let series: Vec<Series> = fs
            .iter()
            .enumerate()
            .map(|(i, f)| Series::traced(format!("s{i}"), format!("Series {i}"), |x| big * f.at(x), 0.0, 100.0))
            .collect();
        let g = ChartGeometry::new(Axis::Util, series, width, height, Padding::default());
        let dbg = format!("{g:?}");
        prop_assert!(!dbg.contains("NaN") && !dbg.contains("inf"));
        for p in &g.paths {
            prop_assert!(p.d.chars().all(|c| c.is_ascii_digit() || " .-MLHV".contains(c)), "{}", p.d);
        }
        let scale = fs.iter().fold(1.0f64, |m, f| m.max(f.scale())) * big.max(1.0);
        for c in &g.crossovers {
            prop_assert!(c.x >= g.plot.left - 0.05 && c.x <= g.plot.right + 0.05);
            prop_assert!(c.y >= g.plot.top - 0.05 && c.y <= g.plot.bottom + 0.05);
            let r = g.readout_at(c.at);
            let cost = |id: &str| r.values.iter().find(|v| v.id == id).unwrap().cost;
            prop_assert!((cost(&c.a) - cost(&c.b)).abs() <= 1e-9 * scale);
        }
        let r = g.readout(pointer);
        prop_assert!(r.value >= 0.0 && r.value <= 100.0);
        prop_assert_eq!(r.values.len(), fs.len());
        let mut v = r.value;
        for mv in [Move::Right, Move::TickRight, Move::Left, Move::TickLeft, Move::End, Move::Home] {
            let next = g.nudge(v, mv);
            prop_assert!(next.is_finite() && (0.0..=100.0).contains(&next));
            match mv {
                Move::Right | Move::TickRight => prop_assert!(next > v || v == 100.0),
                Move::Left | Move::TickLeft => prop_assert!(next < v || v == 0.0),
                _ => {}
            }
            v = next;
        }
    }
}

#[test]
fn degenerate_inputs_never_give_nan() {
    let cases: [(f64, f64); 6] =
        [(5.0, 5.0), (0.0, 0.0), (1e300, 1e300), (-1e300, 1e300), (0.0, 1e-300), (1e15, 1e15 + 1.0)];
    for (lo, hi) in cases {
        for f in [|_: f64| 0.0, |x: f64| x, |x: f64| 1e300 * (x - 1.0).max(0.0), |_: f64| 7.0] {
            let pts = trace(f, lo, hi);
            assert!(pts.iter().all(|p| p.0.is_finite() && p.1.is_finite()), "{lo} {hi}: {pts:?}");
            let cs = crossings(&pts, &trace(|_| 7.0, lo, hi));
            assert!(cs.iter().all(|c| c.at.is_finite() && c.cost.is_finite()));
        }
        for n in 0..4 {
            let t = nice_ticks(lo, hi, n);
            assert!(t.iter().all(|v| v.is_finite()), "{lo} {hi} {n}: {t:?}");
            let (a, b) = nice_domain(lo, hi, n);
            assert!(a.is_finite() && b.is_finite() && a <= b);
        }
    }
    assert!(step_crossings(|_| 1.0, |_| 1.0, 5, 5).is_empty());
    assert!(step_crossings(|_| 0.0, |_| 0.0, 0, 1000).is_empty());
    let huge = vec![
        Series::new("a", "A", vec![(0.0, 1e300), (100.0, 0.0)]),
        Series::new("b", "B", vec![(0.0, 0.0), (100.0, 1e300)]),
    ];
    let g = ChartGeometry::new(Axis::Util, huge, 600.0, 300.0, Padding::default());
    assert!(!format!("{g:?}").contains("NaN"));
    assert_eq!(g.crossovers.len(), 1);
    assert!((g.crossovers[0].at - 50.0).abs() < 1e-9);
}
