//! Crossover charts as plain data: scales, "nice" ticks, exact cost curves, exact crossovers and
//! SVG-ready pixel geometry.
//!
//! Why it is shaped this way:
//! - The Yew shell writes the SVG by hand and does no arithmetic and no formatting of money, so every
//!   number a chart shows comes out of here already placed and worded: path `d` strings, tick
//!   positions and labels, crossover markers with their sentence, and the readout under the pointer
//!   or the keyboard ([`ChartGeometry`]).
//! - On utilization and traffic, costs are continuous and piecewise linear: they bend only where a
//!   minimum, a free tier, a pricing tier or a `max()` switches. Sampling them on a grid would draw the
//!   bends in the wrong place and read crossovers off samples. Instead [`trace`] finds the exact
//!   breakpoints with a handful of evaluations (4 for a straight line), and [`crossings`] solves the
//!   difference of two traced curves exactly on their merged breakpoints, where it is linear.
//! - On the task axis costs exist only at whole task counts and jump where another instance is
//!   needed, so each series is sampled once per integer ([`sample`]), drawn as steps
//!   ([`step_points`]), and a crossover is the first task count where the cheaper option changes
//!   ([`sample_crossings`]).
//! - Each cost function is evaluated once into a [`Series`]; the crossovers of every pair
//!   ([`pair_crossings`]) are computed from the stored points, so ten series cost ten traces, never
//!   ninety.
//!
//! Points are `(x, y)` tuples: `x` is the axis value, `y` the monthly cost in USD.

use std::collections::VecDeque;

use crate::params::Key;

/// A point: `(axis value, monthly cost in USD)`.
pub type Point = (f64, f64);

// ---------------------------------------------------------------------------------------------
// Axes and wording
// ---------------------------------------------------------------------------------------------

/// The horizontal axis of a crossover chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Axis {
    /// Average utilization in percent (0-100); continuous.
    Util,
    /// Peak task count; whole numbers only, costs are steps.
    Tasks,
    /// Average requests per second; continuous.
    Rps,
}

impl Axis {
    /// Every axis, in the order the charts are shown.
    pub const ALL: [Axis; 3] = [Axis::Util, Axis::Tasks, Axis::Rps];

    /// The id used in `data-axis` (the same as the input's URL key).
    pub fn id(self) -> &'static str {
        match self {
            Axis::Util => "util",
            Axis::Tasks => "tasks",
            Axis::Rps => "rps",
        }
    }

    /// The input this axis sweeps.
    pub fn key(self) -> Key {
        match self {
            Axis::Util => Key::Util,
            Axis::Tasks => Key::Tasks,
            Axis::Rps => Key::Rps,
        }
    }

    /// Whether the axis takes whole numbers only (series are sampled per integer, drawn as steps).
    pub fn is_discrete(self) -> bool {
        self == Axis::Tasks
    }

    /// The title of the axis, for the chart and its data table.
    pub fn title(self) -> &'static str {
        match self {
            Axis::Util => "Utilization",
            Axis::Tasks => "Peak tasks",
            Axis::Rps => "Requests per second",
        }
    }

    /// A tick label: "40 %", "120 tasks", "1.5k req/s".
    pub fn tick_label(self, v: f64) -> String {
        if !v.is_finite() {
            return DASH.to_string();
        }
        match self {
            Axis::Util => format!("{} %", trimmed(v, 2)),
            Axis::Tasks => tasks_text(v),
            Axis::Rps => format!("{} req/s", compact(v)),
        }
    }

    /// A value for a readout: "78.4 %", "14 tasks", "38.2 req/s".
    pub fn value_text(self, v: f64) -> String {
        if !v.is_finite() {
            return DASH.to_string();
        }
        match self {
            Axis::Util => format!("{} %", fixed(v, 1)),
            Axis::Tasks => tasks_text(v),
            Axis::Rps => format!("{} req/s", sig3(v)),
        }
    }

    /// A value inside a sentence: "78.4 % utilization", "14 tasks", "38.2 requests per second".
    pub fn phrase(self, v: f64) -> String {
        if !v.is_finite() {
            return DASH.to_string();
        }
        match self {
            Axis::Util => format!("{} % utilization", fixed(v, 1)),
            Axis::Tasks => tasks_text(v),
            Axis::Rps => {
                let n = sig3(v);
                let unit = if n == "1" { "request" } else { "requests" };
                format!("{n} {unit} per second")
            }
        }
    }

    /// Nice ticks for this axis: whole numbers only on the task axis.
    pub fn ticks(self, lo: f64, hi: f64, max_count: usize) -> Vec<f64> {
        ticks_with(lo, hi, max_count, self.is_discrete())
    }

    /// The domain used when a chart has no series at all.
    fn fallback_domain(self) -> (f64, f64) {
        match self {
            Axis::Util => (0.0, 100.0),
            Axis::Tasks => (1.0, 10.0),
            Axis::Rps => (0.0, 100.0),
        }
    }
}

/// Shown instead of a number that is not finite.
const DASH: &str = "—";

/// The crossover sentence shown on a chart and read by screen readers.
///
/// `cheaper_above` says whether `cheaper_name` is the cheaper one above `at` (else below it). On the
/// task axis "above" reads "from", because `at` is the first task count where it is cheaper.
/// A name that contains a comma is closed with a comma.
///
/// "ECS on EC2, m5.large on-demand, becomes cheaper than ECS on Fargate above 78.4 % utilization",
/// "… from 14 tasks", "… below 38.2 requests per second".
pub fn crossover_sentence(
    cheaper_name: &str,
    other_name: &str,
    axis: Axis,
    at: f64,
    cheaper_above: bool,
) -> String {
    let comma = if cheaper_name.contains(',') { "," } else { "" };
    let place = match (cheaper_above, axis.is_discrete()) {
        (true, true) => "from",
        (true, false) => "above",
        (false, _) => "below",
    };
    format!("{cheaper_name}{comma} becomes cheaper than {other_name} {place} {}", axis.phrase(at))
}

/// The sentence for two options that cross `count` times between `from` and `to`, `last_cheaper`
/// being the cheaper one after the last of those crossings, up to `until` (their next crossing)
/// or the end of the chart. Names with a comma are closed with a comma, as in
/// [`crossover_sentence`].
///
/// "ECS on EC2, m5.large on-demand, and EKS on Fargate trade places 29 times between 45 tasks and
/// 85 tasks; from there to the end of the chart, EKS on Fargate is the cheaper of the two".
pub fn run_sentence(a_name: &str, b_name: &str, axis: Axis, count: usize, (from, to): (f64, f64), until: Option<f64>, last_cheaper: &str) -> String {
    let comma = if a_name.contains(',') { "," } else { "" };
    let upto = until.map_or_else(|| "the end of the chart".to_string(), |u| axis.phrase(u));
    format!(
        "{a_name}{comma} and {b_name} trade places {count} times between {} and {}; from there to {upto}, {last_cheaper} is the cheaper of the two",
        axis.phrase(from),
        axis.phrase(to)
    )
}

/// A monthly cost for a readout or a table: "$1,234.56", "-$3.10".
pub fn usd(v: f64) -> String {
    if !v.is_finite() {
        return DASH.to_string();
    }
    let digits = grouped(&fixed(v.abs(), 2));
    if v < 0.0 && digits.bytes().any(|c| c.is_ascii_digit() && c != b'0') {
        format!("-${digits}")
    } else {
        format!("${digits}")
    }
}

/// A cost tick label: "$0", "$250", "$1.5k", "$12k", "$1.2M", "$0.05".
pub fn usd_tick(v: f64) -> String {
    if !v.is_finite() {
        return DASH.to_string();
    }
    let body = compact(v.abs());
    if v < 0.0 && body != "0" {
        format!("-${body}")
    } else {
        format!("${body}")
    }
}

/// `v` with exactly `decimals` decimals, never "-0".
fn fixed(v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    match s.strip_prefix('-') {
        Some(rest) if rest.bytes().all(|c| c == b'0' || c == b'.') => rest.to_string(),
        _ => s,
    }
}

/// `v` with at most `decimals` decimals, trailing zeros dropped.
fn trimmed(v: f64, decimals: usize) -> String {
    let s = fixed(v, decimals);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Thousands separators in the integer part of a plain decimal string.
fn grouped(s: &str) -> String {
    let (sign, rest) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = rest.split_once('.').map_or((rest, ""), |(i, f)| (i, f));
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// A short number for ticks: "250", "1.5k", "12k", "1.2M", "3B", "0.005" (non-negative input).
fn compact(v: f64) -> String {
    const UNITS: [(f64, &str); 4] = [(1.0, ""), (1e3, "k"), (1e6, "M"), (1e9, "B")];
    let mut u = UNITS.iter().rposition(|&(d, _)| v >= d).unwrap_or(0);
    loop {
        let (d, suffix) = UNITS[u];
        let decimals = if u == 0 && v < 1.0 { 4 } else { 2 };
        let text = trimmed(v / d, decimals);
        // 999.999 rounds to "1000": say "1k" instead.
        if text == "1000" && u + 1 < UNITS.len() {
            u += 1;
            continue;
        }
        return format!("{text}{suffix}");
    }
}

/// Three significant digits (whole numbers from 100 up), with thousands separators.
fn sig3(v: f64) -> String {
    if v == 0.0 {
        return "0".to_string();
    }
    let e = v.abs().log10().floor();
    let decimals = (2.0 - e).clamp(0.0, 12.0) as usize;
    grouped(&trimmed(v, decimals))
}

/// "1 task", "14 tasks" (rounded to a whole number).
fn tasks_text(v: f64) -> String {
    let n = fixed(v.round(), 0);
    if n == "1" {
        "1 task".to_string()
    } else {
        format!("{} tasks", grouped(&n))
    }
}

// ---------------------------------------------------------------------------------------------
// Scales and ticks
// ---------------------------------------------------------------------------------------------

/// A linear map from a domain `[d0, d1]` (axis values or costs) to a range `[r0, r1]` (pixels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinearScale {
    /// Domain start.
    pub d0: f64,
    /// Domain end.
    pub d1: f64,
    /// Range start (pixels), where `d0` lands.
    pub r0: f64,
    /// Range end (pixels), where `d1` lands.
    pub r1: f64,
}

impl LinearScale {
    /// A scale from `[d0, d1]` onto `[r0, r1]`.
    pub fn new(d0: f64, d1: f64, r0: f64, r1: f64) -> Self {
        LinearScale { d0, d1, r0, r1 }
    }

    /// Domain value to range. An empty domain maps everything to the middle of the range.
    pub fn map(&self, v: f64) -> f64 {
        let dd = self.d1 - self.d0;
        if dd == 0.0 {
            (self.r0 + self.r1) / 2.0
        } else {
            self.r0 + (v - self.d0) * ((self.r1 - self.r0) / dd)
        }
    }

    /// Range value back to the domain. An empty range maps everything to the middle of the domain.
    pub fn invert(&self, r: f64) -> f64 {
        let dr = self.r1 - self.r0;
        if dr == 0.0 {
            (self.d0 + self.d1) / 2.0
        } else {
            self.d0 + (r - self.r0) * ((self.d1 - self.d0) / dr)
        }
    }
}

/// A tick step `m × 10^e` with `m` in {1, 2, 5}, kept symbolic so tick values carry no float noise.
#[derive(Debug, Clone, Copy)]
struct Step {
    m: i64,
    e: i32,
}

impl Step {
    /// `i × m × 10^e`, as the nearest `f64` to that decimal number (an integer times or divided by an
    /// exact power of ten), so 3 × 0.1 is 0.3, not 0.30000000000000004.
    fn times(self, i: i64) -> f64 {
        let n = i.saturating_mul(self.m) as f64;
        if self.e >= 0 {
            n * pow10(self.e)
        } else {
            n / pow10(-self.e)
        }
    }

    fn value(self) -> f64 {
        self.times(1)
    }

    /// The next larger step: 1 → 2 → 5 → 10.
    fn next(self) -> Step {
        match self.m {
            1 => Step { m: 2, e: self.e },
            2 => Step { m: 5, e: self.e },
            _ => Step { m: 1, e: self.e.saturating_add(1) },
        }
    }
}

/// 10^e, exact up to 10^22.
fn pow10(e: i32) -> f64 {
    const EXACT: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
        1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    usize::try_from(e).ok().and_then(|i| EXACT.get(i).copied()).unwrap_or_else(|| 10f64.powi(e))
}

/// The smallest 1/2/5 × 10^k step that cuts `[lo, hi]` into at most `max_count` intervals.
fn tick_step(lo: f64, hi: f64, max_count: usize, whole: bool) -> Option<Step> {
    let span = hi - lo;
    if !(span > 0.0 && span.is_finite()) {
        return None;
    }
    let n = max_count.max(1) as f64;
    let e0 = (span / n).log10().floor();
    if !e0.is_finite() {
        return None;
    }
    let e0 = e0 as i32;
    let first = if whole { (e0 - 1).max(0) } else { e0 - 1 };
    // log10 may be off by one near powers of ten: try the decade below and above as well.
    for e in first..=first + 3 {
        for m in [1, 2, 5] {
            let st = Step { m, e };
            // Slack for rounding, including what the magnitude of the bounds costs.
            let slack = 1e-9 * n + 4.0 * f64::EPSILON * lo.abs().max(hi.abs()) / st.value();
            if span / st.value() <= n + slack {
                return Some(st);
            }
        }
    }
    None
}

/// "Nice" tick values for `[lo, hi]`: multiples of a 1, 2 or 5 × 10^k step, increasing, inside the
/// domain, at most `max_count + 1` of them, and without float noise (0.3, never 0.30000000000000004).
///
/// The step is the smallest that cuts the domain into at most `max_count` intervals, so the ticks
/// cover the domain: the first is less than a step from `lo`, the last less than a step from `hi`,
/// and both ends are ticks when the domain came from [`nice_domain`]. The order of `lo` and `hi` does
/// not matter; `lo == hi` gives one tick and a non-finite bound gives none.
pub fn nice_ticks(lo: f64, hi: f64, max_count: usize) -> Vec<f64> {
    ticks_with(lo, hi, max_count, false)
}

/// Like [`nice_ticks`], but whole numbers only (steps of at least 1): for the task axis.
pub fn integer_ticks(lo: f64, hi: f64, max_count: usize) -> Vec<f64> {
    ticks_with(lo, hi, max_count, true)
}

fn ticks_with(lo: f64, hi: f64, max_count: usize, whole: bool) -> Vec<f64> {
    if !lo.is_finite() || !hi.is_finite() {
        return Vec::new();
    }
    let (mut lo, mut hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
    if whole {
        lo = lo.ceil();
        hi = hi.floor();
        if lo > hi {
            return Vec::new();
        }
    }
    if lo == hi {
        return vec![lo];
    }
    let Some(st) = tick_step(lo, hi, max_count, whole) else {
        return vec![lo, hi];
    };
    let sv = st.value();
    // Rounding slack in units of steps: relative, plus what the magnitude of the bounds costs.
    let slack = 1e-9 + 4.0 * f64::EPSILON * lo.abs().max(hi.abs()) / sv;
    let i0 = (lo / sv - slack).ceil();
    let i1 = (hi / sv + slack).floor();
    if !(i0.is_finite() && i1.is_finite()) || i1 < i0 {
        return Vec::new();
    }
    let count = ((i1 - i0) as usize).min(max_count.max(1)) + 1;
    let mut out: Vec<f64> = Vec::with_capacity(count);
    for k in 0..count {
        // Within 1e-9 of a step outside the domain means "on the boundary": clamp.
        let v = st.times(i0 as i64 + k as i64).clamp(lo, hi);
        if out.last().is_none_or(|&last| v > last) {
            out.push(v);
        }
    }
    out
}

/// Extends `[lo, hi]` outwards to multiples of a tick step such that [`nice_ticks`] with the same
/// `max_count` puts its first and last ticks exactly on the ends. For a cost axis pass `lo = 0`.
///
/// The smallest such step is used (1, 2 or 5 × 10^k, as for ticks). `lo == hi` is widened to
/// include 0 (or to `[0, 1]` when both are 0); non-finite bounds give `[0, 1]`. With
/// `max_count = 1` a domain on both sides of 0 cannot have ticks on both ends; it is extended to
/// the nearest multiples of the first step. Never returns NaN; bounds that would overflow are left
/// as they are.
pub fn nice_domain(lo: f64, hi: f64, max_count: usize) -> (f64, f64) {
    if !lo.is_finite() || !hi.is_finite() {
        return (0.0, 1.0);
    }
    let (mut lo, mut hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
    if lo == hi {
        if lo == 0.0 {
            hi = 1.0;
        } else if lo > 0.0 {
            lo = 0.0;
        } else {
            hi = 0.0;
        }
    }
    let Some(first) = tick_step(lo, hi, max_count, false) else {
        return (lo, hi);
    };
    let snap = |st: Step| {
        let sv = st.value();
        let mut i = (lo / sv).floor() as i64;
        if st.times(i) > lo {
            i -= 1;
        }
        if st.times(i + 1) <= lo {
            i += 1;
        }
        let mut j = (hi / sv).ceil() as i64;
        if st.times(j) < hi {
            j += 1;
        }
        if st.times(j - 1) >= hi {
            j -= 1;
        }
        let (nlo, nhi) = (st.times(i), st.times(j));
        (nlo.is_finite() && nhi.is_finite()).then_some((nlo, nhi))
    };
    let on = |v: f64, st: Step| st.times((v / st.value()).round() as i64) == v;
    let mut st = first;
    for _ in 0..32 {
        let Some((nlo, nhi)) = snap(st) else {
            break;
        };
        if tick_step(nlo, nhi, max_count, false).is_some_and(|t| on(nlo, t) && on(nhi, t)) {
            return (nlo, nhi);
        }
        st = st.next();
    }
    snap(first).unwrap_or((lo, hi))
}

// ---------------------------------------------------------------------------------------------
// Exact tracing of piecewise-linear costs
// ---------------------------------------------------------------------------------------------

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
fn chord(p: Point, q: Point, x: f64) -> f64 {
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

// ---------------------------------------------------------------------------------------------
// Crossings
// ---------------------------------------------------------------------------------------------

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
const TIE_TOL: f64 = 1e-10;

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
fn largest(pts: &[Point]) -> f64 {
    pts.iter().filter(|p| p.1.is_finite()).fold(0.0f64, |m, p| m.max(p.1.abs()))
}

/// [`crossings`] with the tie tolerance given.
fn crossings_within(a: &[Point], b: &[Point], tol: f64) -> Vec<Crossing> {
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
fn sample_crossings_within(a: &[Point], b: &[Point], tol: f64) -> Vec<Crossing> {
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

// ---------------------------------------------------------------------------------------------
// Series
// ---------------------------------------------------------------------------------------------

/// One cost curve, evaluated once: traced breakpoints on a continuous axis, one sample per integer
/// on the task axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// The series id (`platform` or `platform:pricing`), as in `data-a` / `data-b`.
    pub id: String,
    /// The name shown in the legend and in crossover sentences.
    pub label: String,
    /// Points sorted by axis value.
    pub points: Vec<Point>,
}

impl Series {
    /// A series from points already computed (sorted by axis value).
    pub fn new(id: impl Into<String>, label: impl Into<String>, points: Vec<Point>) -> Self {
        Series { id: id.into(), label: label.into(), points }
    }

    /// A series on a continuous axis, traced exactly with [`trace`].
    pub fn traced(
        id: impl Into<String>,
        label: impl Into<String>,
        f: impl FnMut(f64) -> f64,
        lo: f64,
        hi: f64,
    ) -> Self {
        Series::new(id, label, trace(f, lo, hi))
    }

    /// A series on the task axis, sampled once per integer with [`sample`].
    pub fn sampled(
        id: impl Into<String>,
        label: impl Into<String>,
        f: impl FnMut(u32) -> f64,
        lo: u32,
        hi: u32,
    ) -> Self {
        Series::new(id, label, sample(f, lo, hi))
    }

    /// The cost at an axis value: interpolated on a continuous axis, the nearest sample's on the
    /// task axis; `None` outside the series.
    pub fn cost_at(&self, axis: Axis, x: f64) -> Option<f64> {
        if axis.is_discrete() {
            let n = x.round();
            let i = self.points.partition_point(|p| p.0 < n);
            self.points.get(i).filter(|p| p.0 == n).map(|p| p.1)
        } else {
            interpolate(&self.points, x)
        }
    }
}

/// A crossover between two series of a set, by index into that set (`a < b`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SeriesCrossing {
    /// Index of the first series.
    pub a: usize,
    /// Index of the second series.
    pub b: usize,
    /// Where and which way; [`Side::A`] is series `a`.
    pub crossing: Crossing,
}

/// Crossovers of every pair of series, from the stored points only (no evaluation), sorted by
/// axis value: [`crossings`] on a continuous axis, [`sample_crossings`] on the task axis.
pub fn pair_crossings(axis: Axis, series: &[Series]) -> Vec<SeriesCrossing> {
    let mut out = Vec::new();
    let scales: Vec<f64> = series.iter().map(|s| largest(&s.points)).collect();
    for (a, sa) in series.iter().enumerate() {
        for (b, sb) in series.iter().enumerate().skip(a + 1) {
            let tol = TIE_TOL * scales[a].max(scales[b]);
            let found = if axis.is_discrete() {
                sample_crossings_within(&sa.points, &sb.points, tol)
            } else {
                crossings_within(&sa.points, &sb.points, tol)
            };
            out.extend(found.into_iter().map(|crossing| SeriesCrossing { a, b, crossing }));
        }
    }
    crate::sort::sort_by(&mut out, |p, q| p.crossing.at.total_cmp(&q.crossing.at).then((p.a, p.b).cmp(&(q.a, q.b))));
    out
}

// ---------------------------------------------------------------------------------------------
// Chart geometry
// ---------------------------------------------------------------------------------------------

/// Space around the plot area for tick labels, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Padding {
    /// Above the plot.
    pub top: f64,
    /// Right of the plot.
    pub right: f64,
    /// Below the plot (x tick labels).
    pub bottom: f64,
    /// Left of the plot (y tick labels).
    pub left: f64,
}

impl Default for Padding {
    fn default() -> Self {
        Padding { top: 12.0, right: 16.0, bottom: 32.0, left: 56.0 }
    }
}

/// The plot area in pixels (y grows downwards, as in SVG).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlotArea {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Right edge.
    pub right: f64,
    /// Bottom edge.
    pub bottom: f64,
}

/// A tick: its value, its position in pixels along its axis, and its label.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// The axis value (or cost).
    pub value: f64,
    /// x for an x tick, y for a y tick, in pixels (to 0.1 px).
    pub px: f64,
    /// The label text.
    pub label: String,
    /// Where the label sits on its tick: an x label at an edge of the chart is aligned inward so
    /// it is not cut off.
    pub anchor: Anchor,
}

/// Horizontal alignment of a tick label on its tick.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The label starts at the tick.
    Start,
    /// The label is centred on the tick.
    Middle,
    /// The label ends at the tick.
    End,
}

impl Anchor {
    /// The CSS modifier (`chart__xlabel--start` …).
    pub fn id(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }

    /// The alignment that keeps a label of `label` centred on `px` inside `0..=width`, given the
    /// 11-unit chart font (see [`LABEL_CHAR_PX`]).
    pub fn for_label(label: &str, px: f64, width: f64) -> Self {
        let half = label.chars().count() as f64 * LABEL_CHAR_PX / 2.0;
        if px + half > width {
            Anchor::End
        } else if px - half < 0.0 {
            Anchor::Start
        } else {
            Anchor::Middle
        }
    }
}

/// Estimated width of one character of a tick label, in chart units: 0.6 em of the 11-unit chart
/// font, a little generous.
pub const LABEL_CHAR_PX: f64 = 6.6;

/// The line of one series.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesPath {
    /// The series id.
    pub id: String,
    /// The legend label.
    pub label: String,
    /// The SVG path `d`, in pixels to 0.1 px; empty when the series has no point.
    pub d: String,
}

/// A crossover marker.
#[derive(Debug, Clone, PartialEq)]
pub struct Crossover {
    /// Id of the first series of the pair (`data-a`).
    pub a: String,
    /// Id of the second series of the pair (`data-b`).
    pub b: String,
    /// Id of the series that is cheaper above `at`.
    pub cheaper: String,
    /// The axis value (`data-at`).
    pub at: f64,
    /// The cost of the cheaper series at `at`.
    pub cost: f64,
    /// Marker x in pixels (to 0.1 px).
    pub x: f64,
    /// Marker y in pixels (to 0.1 px).
    pub y: f64,
    /// The sentence: "… becomes cheaper than … above 78.4 % utilization".
    pub text: String,
}

/// The value of every series at one axis value.
#[derive(Debug, Clone, PartialEq)]
pub struct Readout {
    /// The axis value (clamped to the domain; a whole number on the task axis).
    pub value: f64,
    /// The axis value as text: "78.4 %", "14 tasks", "38.2 req/s".
    pub label: String,
    /// x of the readout line in pixels (to 0.1 px).
    pub x: f64,
    /// One entry per series that covers `value`, in series order.
    pub values: Vec<ReadoutValue>,
}

/// One series in a [`Readout`].
#[derive(Debug, Clone, PartialEq)]
pub struct ReadoutValue {
    /// The series id.
    pub id: String,
    /// The monthly cost in USD.
    pub cost: f64,
    /// The cost as text: "$1,234.56".
    pub text: String,
    /// y of the readout dot in pixels (to 0.1 px).
    pub y: f64,
}

/// A keyboard move of the readout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// One stop left (1 % of the domain, one task, or a crossover on the way).
    Left,
    /// One stop right.
    Right,
    /// To the previous tick.
    TickLeft,
    /// To the next tick.
    TickRight,
    /// To the start of the domain.
    Home,
    /// To the end of the domain.
    End,
}

/// Everything a chart component draws, in pixels and words.
///
/// Build it with [`ChartGeometry::new`]; draw [`ChartGeometry::paths`], the ticks and the
/// [`ChartGeometry::crossovers`]; call [`ChartGeometry::readout`] with the pointer's x (relative
/// to the SVG) or [`ChartGeometry::readout_at`] with a value moved by [`ChartGeometry::nudge`].
#[derive(Debug, Clone, PartialEq)]
pub struct ChartGeometry {
    /// The axis.
    pub axis: Axis,
    /// SVG width in pixels.
    pub width: f64,
    /// SVG height in pixels.
    pub height: f64,
    /// The plot area.
    pub plot: PlotArea,
    /// Axis values to x pixels. On the task axis the domain reaches half a task beyond the samples.
    pub x: LinearScale,
    /// Costs to y pixels (starts at $0 at the bottom).
    pub y: LinearScale,
    /// The range of axis values a readout can take.
    pub domain: (f64, f64),
    /// Ticks along the x axis.
    pub x_ticks: Vec<Tick>,
    /// Ticks along the y axis ("$0" at the bottom).
    pub y_ticks: Vec<Tick>,
    /// One line per series, in series order.
    pub paths: Vec<SeriesPath>,
    /// Every crossover of every pair, by axis value.
    pub crossovers: Vec<Crossover>,
    series: Vec<Series>,
    stops: Vec<f64>,
}

/// Rounds to 0.1 px.
fn px(v: f64) -> f64 {
    if v.is_finite() {
        (v * 10.0).round() / 10.0 + 0.0
    } else {
        0.0
    }
}

/// Writes tenths of a pixel as compact text: 123 → "12.3", 120 → "12", -5 → "-0.5". (By hand:
/// paths hold thousands of numbers and this runs on every input event.)
fn push_tenths(out: &mut String, t: i64) {
    if t < 0 {
        out.push('-');
    }
    let a = t.unsigned_abs();
    let (int, frac) = (a / 10, a % 10);
    let mut buf = [0u8; 24];
    let mut i = buf.len() - 2;
    let mut n = int;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if frac != 0 {
        buf[buf.len() - 2] = b'.';
        buf[buf.len() - 1] = b'0' + frac as u8;
    }
    let end = if frac != 0 { buf.len() } else { buf.len() - 2 };
    // Only ASCII digits and '.' were written.
    out.push_str(std::str::from_utf8(&buf[i..end]).unwrap_or_default());
}

/// A compact SVG path through pixel points: rounded to 0.1 px, repeated and collinear points
/// dropped, `H`/`V` for horizontal and vertical runs.
fn path_d(points: impl IntoIterator<Item = Point>) -> String {
    let mut pts: Vec<(i64, i64)> = Vec::new();
    for (x, y) in points {
        if !(x.is_finite() && y.is_finite()) {
            continue;
        }
        let p = ((x * 10.0).round() as i64, (y * 10.0).round() as i64);
        if pts.last() == Some(&p) {
            continue;
        }
        if let [.., a, b] = pts[..] {
            let (d1, d2) = ((b.0 - a.0, b.1 - a.1), (p.0 - b.0, p.1 - b.1));
            let cross = i128::from(d1.0) * i128::from(d2.1) - i128::from(d1.1) * i128::from(d2.0);
            let dot = i128::from(d1.0) * i128::from(d2.0) + i128::from(d1.1) * i128::from(d2.1);
            if cross == 0 && dot > 0 {
                pts.pop();
            }
        }
        pts.push(p);
    }
    let mut d = String::with_capacity(pts.len() * 12);
    for (i, &(x, y)) in pts.iter().enumerate() {
        let prev = if i == 0 { None } else { Some(pts[i - 1]) };
        match prev {
            Some((_, py)) if py == y => {
                d.push('H');
                push_tenths(&mut d, x);
            }
            Some((px, _)) if px == x => {
                d.push('V');
                push_tenths(&mut d, y);
            }
            _ => {
                d.push(if prev.is_none() { 'M' } else { 'L' });
                push_tenths(&mut d, x);
                d.push(' ');
                push_tenths(&mut d, y);
            }
        }
    }
    d
}

impl ChartGeometry {
    /// Lays out a chart of `series` against `axis` in an SVG of `width` × `height` pixels.
    ///
    /// The x domain spans the series' points (on the task axis, half a task beyond each end so
    /// each step is centred on its tick); the y domain runs from $0 to a nice bound above the
    /// largest cost. Tick counts follow the plot size (about one x tick per 90 px, one y tick per
    /// 45 px). Degenerate input (no series, one point, all costs zero, a plot smaller than its
    /// padding) gives a valid, NaN-free geometry.
    pub fn new(axis: Axis, series: Vec<Series>, width: f64, height: f64, padding: Padding) -> Self {
        let width = if width.is_finite() { width.max(0.0) } else { 0.0 };
        let height = if height.is_finite() { height.max(0.0) } else { 0.0 };
        let left = padding.left.clamp(0.0, width);
        let top = padding.top.clamp(0.0, height);
        let plot = PlotArea {
            left,
            top,
            right: (width - padding.right).clamp(left, width),
            bottom: (height - padding.bottom).clamp(top, height),
        };
        let finite = || series.iter().flat_map(|s| &s.points).filter(|p| p.0.is_finite() && p.1.is_finite());
        let (mut x_lo, mut x_hi) =
            finite().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| (lo.min(p.0), hi.max(p.0)));
        if x_lo > x_hi {
            (x_lo, x_hi) = axis.fallback_domain();
        }
        if axis.is_discrete() {
            x_lo = x_lo.round();
            x_hi = x_hi.round();
        }
        let domain = (x_lo, x_hi);
        let (y_lo, y_hi) = finite().fold((0.0f64, 0.0f64), |(lo, hi), p| (lo.min(p.1), hi.max(p.1)));
        let plot_w = plot.right - plot.left;
        let plot_h = plot.bottom - plot.top;
        let x_count = ((plot_w / 90.0).floor() as usize).clamp(2, 10);
        let y_count = ((plot_h / 45.0).floor() as usize).clamp(2, 8);
        let (y0, y1) = nice_domain(y_lo, y_hi, y_count);
        let pad = if axis.is_discrete() { 0.5 } else { 0.0 };
        let x = LinearScale::new(x_lo - pad, x_hi + pad, plot.left, plot.right);
        let y = LinearScale::new(y0, y1, plot.bottom, plot.top);

        let x_ticks: Vec<Tick> = axis
            .ticks(x_lo, x_hi, x_count)
            .into_iter()
            .map(|v| {
                let (px, label) = (px(x.map(v)), axis.tick_label(v));
                Tick { value: v, px, anchor: Anchor::for_label(&label, px, width), label }
            })
            .collect();
        let y_ticks = nice_ticks(y0, y1, y_count)
            .into_iter()
            .map(|v| Tick { value: v, px: px(y.map(v)), label: usd_tick(v), anchor: Anchor::End })
            .collect();

        let to_px = |p: Point| (x.map(p.0), y.map(p.1));
        let paths = series
            .iter()
            .map(|s| {
                let d = if axis.is_discrete() {
                    path_d(step_points(&s.points).into_iter().map(to_px))
                } else {
                    path_d(s.points.iter().copied().map(to_px))
                };
                SeriesPath { id: s.id.clone(), label: s.label.clone(), d }
            })
            .collect();

        let crossovers: Vec<Crossover> = pair_crossings(axis, &series)
            .into_iter()
            .map(|sc| {
                let c = sc.crossing;
                let (cheaper, other) = match c.cheaper_above {
                    Side::A => (&series[sc.a], &series[sc.b]),
                    Side::B => (&series[sc.b], &series[sc.a]),
                };
                Crossover {
                    a: series[sc.a].id.clone(),
                    b: series[sc.b].id.clone(),
                    cheaper: cheaper.id.clone(),
                    at: c.at,
                    cost: c.cost,
                    x: px(x.map(c.at)),
                    y: px(y.map(c.cost)),
                    text: crossover_sentence(&cheaper.label, &other.label, axis, c.at, true),
                }
            })
            .collect();

        let stops = if axis.is_discrete() {
            let (lo, hi) = (x_lo as i64, x_hi as i64);
            (lo..=hi).map(|n| n as f64).collect()
        } else {
            let span = x_hi - x_lo;
            let eps = 1e-9 * span;
            let mut s: Vec<f64> = (0..=100)
                .map(|i| x_lo + span * f64::from(i) / 100.0)
                .chain(x_ticks.iter().map(|t| t.value))
                .chain(crossovers.iter().map(|c| c.at))
                .filter(|v| v.is_finite())
                .collect();
            crate::sort::sort_by(&mut s, f64::total_cmp);
            s.dedup_by(|later, kept| *later - *kept <= eps);
            s
        };

        ChartGeometry {
            axis,
            width,
            height,
            plot,
            x,
            y,
            domain,
            x_ticks,
            y_ticks,
            paths,
            crossovers,
            series,
            stops,
        }
    }

    /// The series, as given.
    pub fn series(&self) -> &[Series] {
        &self.series
    }

    /// The axis values the keyboard readout stops at, increasing: every 1 % of the domain, every
    /// tick and every crossover on a continuous axis; every whole task count on the task axis.
    pub fn snap_points(&self) -> &[f64] {
        &self.stops
    }

    /// Where a keyboard move takes the readout from `value`: to the next stop or tick in that
    /// direction, staying inside the domain.
    pub fn nudge(&self, value: f64, mv: Move) -> f64 {
        let (lo, hi) = self.domain;
        let eps = 1e-9 * (hi - lo).abs().max(1e-300);
        let value = if value.is_finite() { value.clamp(lo, hi) } else { lo };
        let ticks: Vec<f64> = self.x_ticks.iter().map(|t| t.value).collect();
        let before = |vals: &[f64]| vals.iter().rev().copied().find(|&v| v < value - eps);
        let after = |vals: &[f64]| vals.iter().copied().find(|&v| v > value + eps);
        match mv {
            Move::Left => before(&self.stops).unwrap_or(lo),
            Move::Right => after(&self.stops).unwrap_or(hi),
            Move::TickLeft => before(&ticks).unwrap_or(lo),
            Move::TickRight => after(&ticks).unwrap_or(hi),
            Move::Home => lo,
            Move::End => hi,
        }
    }

    /// The readout under a pointer at `x_px` (pixels from the SVG's left edge). Within half a
    /// pixel of a snap point (a crossover, a tick, a whole percent) it reads exactly there;
    /// elsewhere the value is rounded to a power of ten finer than one pixel.
    pub fn readout(&self, x_px: f64) -> Readout {
        let v = self.x.invert(x_px);
        if self.axis.is_discrete() || !x_px.is_finite() {
            return self.readout_at(v);
        }
        let i = self.stops.partition_point(|&s| s < v);
        let near = [i.wrapping_sub(1), i]
            .into_iter()
            .filter_map(|j| self.stops.get(j).copied())
            .filter(|&s| (self.x.map(s) - x_px).abs() <= 0.5)
            .min_by(|p, q| (self.x.map(*p) - x_px).abs().total_cmp(&(self.x.map(*q) - x_px).abs()));
        if let Some(s) = near {
            return self.readout_at(s);
        }
        let per_px = ((self.x.d1 - self.x.d0) / (self.x.r1 - self.x.r0)).abs();
        let e = per_px.log10().floor();
        if !(e.is_finite() && e.abs() < 300.0) {
            return self.readout_at(v);
        }
        let st = Step { m: 1, e: e as i32 };
        self.readout_at(st.times((v / st.value()).round() as i64))
    }

    /// The readout at an axis value (clamped to the domain; rounded on the task axis).
    pub fn readout_at(&self, value: f64) -> Readout {
        let (lo, hi) = self.domain;
        let mut value = if value.is_finite() { value.clamp(lo, hi) } else { lo };
        if self.axis.is_discrete() {
            value = value.round();
        }
        let values = self
            .series
            .iter()
            .filter_map(|s| {
                let cost = s.cost_at(self.axis, value).filter(|c| c.is_finite())?;
                Some(ReadoutValue { id: s.id.clone(), cost, text: usd(cost), y: px(self.y.map(cost)) })
            })
            .collect();
        Readout { value, label: self.axis.value_text(value), x: px(self.x.map(value)), values }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn ticks_are_round_and_cover_the_domain() {
        assert_eq!(nice_ticks(0.0, 100.0, 5), vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(nice_ticks(0.0, 1.0, 10), vec![0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]);
        assert_eq!(nice_ticks(0.1, 0.35, 5), vec![0.1, 0.15, 0.2, 0.25, 0.3, 0.35]);
        assert_eq!(nice_ticks(3.0, 3.0, 5), vec![3.0]);
        assert_eq!(nice_ticks(10.0, 0.0, 2), vec![0.0, 5.0, 10.0]);
        assert!(nice_ticks(f64::NAN, 1.0, 5).is_empty());
        assert_eq!(nice_ticks(-7.0, 7.0, 4), vec![-5.0, 0.0, 5.0]);
        assert_eq!(integer_ticks(1.0, 4.0, 10), vec![1.0, 2.0, 3.0, 4.0]);
        assert_eq!(integer_ticks(1.0, 200.0, 5), vec![50.0, 100.0, 150.0, 200.0]);
        assert_eq!(nice_domain(0.0, 1234.0, 5), (0.0, 1500.0));
        assert_eq!(nice_domain(0.0, 1234.0, 8), (0.0, 1400.0));
        assert_eq!(nice_domain(0.0, 0.0, 5), (0.0, 1.0));
        assert_eq!(nice_domain(0.0, 0.27, 5), (0.0, 0.3));
        assert_eq!(nice_domain(7.0, 7.0, 5), (0.0, 8.0));
    }

    #[test]
    fn labels() {
        let t: Vec<String> = [0.0, 250.0, 1500.0, 12000.0, 1.2e6, 0.05, 999.999, 2.5e9].map(usd_tick).into();
        assert_eq!(t, ["$0", "$250", "$1.5k", "$12k", "$1.2M", "$0.05", "$1k", "$2.5B"]);
        assert_eq!(usd(1234.567), "$1,234.57");
        assert_eq!(usd(-0.001), "$0.00");
        assert_eq!(usd(-3.1), "-$3.10");
        assert_eq!(usd(f64::NAN), "—");
        assert_eq!(Axis::Util.tick_label(40.0), "40 %");
        assert_eq!(Axis::Util.tick_label(2.5), "2.5 %");
        assert_eq!(Axis::Tasks.tick_label(120.0), "120 tasks");
        assert_eq!(Axis::Tasks.tick_label(1.0), "1 task");
        assert_eq!(Axis::Rps.tick_label(1500.0), "1.5k req/s");
        assert_eq!(Axis::Rps.tick_label(0.5), "0.5 req/s");
        assert_eq!(Axis::Util.value_text(78.44), "78.4 %");
        assert_eq!(Axis::Rps.value_text(38.249), "38.2 req/s");
        assert_eq!(Axis::Rps.value_text(1234.6), "1,235 req/s");
        assert_eq!(Axis::Rps.value_text(0.012345), "0.0123 req/s");
        assert_eq!(Axis::Rps.value_text(9.996), "10 req/s");
        assert_eq!(Axis::Tasks.value_text(14.0), "14 tasks");
        assert_eq!(Axis::Tasks.tick_label(2000.0), "2,000 tasks");
    }

    #[test]
    fn sentences() {
        assert_eq!(
            crossover_sentence("ECS on EC2, m5.large on-demand", "ECS on Fargate", Axis::Util, 78.4049, true),
            "ECS on EC2, m5.large on-demand, becomes cheaper than ECS on Fargate above 78.4 % utilization"
        );
        assert_eq!(
            crossover_sentence("ECS on EC2", "ECS on Fargate", Axis::Tasks, 14.0, true),
            "ECS on EC2 becomes cheaper than ECS on Fargate from 14 tasks"
        );
        assert_eq!(
            crossover_sentence("Lambda", "App Runner", Axis::Rps, 38.2171, false),
            "Lambda becomes cheaper than App Runner below 38.2 requests per second"
        );
        assert_eq!(
            run_sentence("ECS on EC2, m5.large on-demand", "EKS on Fargate", Axis::Tasks, 29, (45.0, 85.0), None, "EKS on Fargate"),
            "ECS on EC2, m5.large on-demand, and EKS on Fargate trade places 29 times between 45 tasks and 85 tasks; \
             from there to the end of the chart, EKS on Fargate is the cheaper of the two"
        );
        assert_eq!(
            run_sentence("ECS on EC2", "Lambda", Axis::Tasks, 4, (10.0, 16.0), Some(90.0), "ECS on EC2"),
            "ECS on EC2 and Lambda trade places 4 times between 10 tasks and 16 tasks; from there to 90 tasks, ECS on EC2 is the cheaper of the two"
        );
        assert_eq!(Axis::Rps.phrase(1.0), "1 request per second");
    }

    #[test]
    fn scale_maps_and_inverts() {
        let s = LinearScale::new(0.0, 100.0, 50.0, 550.0);
        assert_eq!(s.map(50.0), 300.0);
        assert_eq!(s.invert(300.0), 50.0);
        let flat = LinearScale::new(3.0, 3.0, 0.0, 10.0);
        assert_eq!(flat.map(7.0), 5.0);
        let empty = LinearScale::new(0.0, 10.0, 4.0, 4.0);
        assert_eq!(empty.invert(4.0), 5.0);
    }

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
    fn steps_and_paths() {
        let s = [(1.0, 10.0), (2.0, 10.0), (3.0, 20.0)];
        assert_eq!(
            step_points(&s),
            vec![(0.5, 10.0), (1.5, 10.0), (1.5, 10.0), (2.5, 10.0), (2.5, 20.0), (3.5, 20.0)]
        );
        assert_eq!(
            path_d([(0.0, 0.0), (10.04, 0.0), (20.0, 0.0), (20.0, 5.55), (30.0, 15.55)]),
            "M0 0H20V5.6L30 15.6"
        );
        assert_eq!(path_d([(1.0, 1.0), (1.0, 1.0)]), "M1 1");
        assert_eq!(path_d(std::iter::empty()), "");
        assert_eq!(path_d([(0.0, 0.0), (10.0, 0.0), (5.0, 0.0)]), "M0 0H10H5");
        assert_eq!(path_d([(-0.5, 0.04), (-0.5, 3.0)]), "M-0.5 0V3");
        assert_eq!(path_d([(-1234.56, 99999.94), (1e15, -0.04)]), "M-1234.6 99999.9L1000000000000000 0");
    }

    fn util_chart() -> ChartGeometry {
        let series = vec![
            Series::traced("ecs-fargate", "ECS on Fargate", |u| 3.2 * u, 0.0, 100.0),
            Series::traced("ecs-ec2", "ECS on EC2", |_| 250.0, 0.0, 100.0),
        ];
        ChartGeometry::new(
            Axis::Util,
            series,
            600.0,
            300.0,
            Padding { top: 10.0, right: 10.0, bottom: 30.0, left: 60.0 },
        )
    }

    #[test]
    fn geometry_of_a_utilization_chart() {
        let g = util_chart();
        assert_eq!(g.plot, PlotArea { left: 60.0, top: 10.0, right: 590.0, bottom: 270.0 });
        assert_eq!(g.x_ticks.first().unwrap().px, 60.0);
        assert_eq!(g.x_ticks.last().unwrap().px, 590.0);
        assert_eq!(g.x_ticks.last().unwrap().label, "100 %");
        assert_eq!(g.y_ticks.first().unwrap().label, "$0");
        assert_eq!(g.y_ticks.first().unwrap().px, 270.0);
        assert_eq!(g.y.d1, 400.0);
        assert_eq!(g.y_ticks.last().unwrap().px, 10.0);
        assert_eq!(g.paths[0].d, "M60 270L590 62");
        assert_eq!(g.paths[1].d, "M60 107.5H590");
        assert_eq!(g.crossovers.len(), 1);
        let c = &g.crossovers[0];
        assert_eq!((c.a.as_str(), c.b.as_str(), c.cheaper.as_str()), ("ecs-fargate", "ecs-ec2", "ecs-ec2"));
        assert_eq!(c.text, "ECS on EC2 becomes cheaper than ECS on Fargate above 78.1 % utilization");
        assert_eq!((c.x, c.y), (474.1, 107.5));

        let r = g.readout(325.0);
        assert_eq!(r.value, 50.0);
        assert_eq!(r.label, "50.0 %");
        assert_eq!(r.values[0].text, "$160.00");
        assert_eq!(r.values[1].cost, 250.0);
        assert_eq!(g.readout(-100.0).value, 0.0);
        // 0.19 % per pixel: values between stops are read to 0.1 %, and a crossover within half
        // a pixel is read exactly.
        assert_eq!(g.readout(327.0).value, 50.4);
        assert_eq!(g.readout(474.4).value, 78.125);
        assert_eq!(g.readout(474.4).label, "78.1 %");

        assert_eq!(g.snap_points().len(), 102);
        assert_eq!(g.nudge(50.0, Move::Right), 51.0);
        assert_eq!(g.nudge(78.0, Move::Right), 78.125);
        assert_eq!(g.nudge(78.125, Move::Right), 79.0);
        assert_eq!(g.nudge(50.0, Move::TickRight), 60.0);
        assert_eq!(g.nudge(50.5, Move::Left), 50.0);
        assert_eq!(g.nudge(0.0, Move::Left), 0.0);
        assert_eq!(g.nudge(100.0, Move::TickRight), 100.0);
        assert_eq!(g.nudge(3.0, Move::End), 100.0);
    }

    #[test]
    fn geometry_of_a_task_chart() {
        let ec2 = |n: u32| 70.0 * f64::from(n.div_ceil(3).max(2));
        let series = vec![
            Series::sampled("ecs-ec2", "ECS on EC2", ec2, 1, 8),
            Series::sampled("ecs-fargate", "ECS on Fargate", |n| 30.0 * f64::from(n), 1, 8),
        ];
        let g = ChartGeometry::new(Axis::Tasks, series, 400.0, 200.0, Padding::default());
        assert_eq!(g.domain, (1.0, 8.0));
        assert_eq!((g.x.d0, g.x.d1), (0.5, 8.5));
        assert!(g.x_ticks.iter().all(|t| t.value.fract() == 0.0));
        assert_eq!(g.snap_points(), &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]);
        let c = &g.crossovers[0];
        assert_eq!(c.text, "ECS on EC2 becomes cheaper than ECS on Fargate from 5 tasks");
        assert_eq!(c.at, 5.0);
        assert!(g.paths[0].d.starts_with('M') && g.paths[0].d.contains('V') && !g.paths[0].d.contains('L'));
        let r = g.readout_at(4.4);
        assert_eq!(r.value, 4.0);
        assert_eq!(r.label, "4 tasks");
        assert_eq!(r.values.iter().map(|v| v.cost).collect::<Vec<_>>(), vec![140.0, 120.0]);
        assert_eq!(g.nudge(4.0, Move::Right), 5.0);
    }

    #[test]
    fn degenerate_geometry_has_no_nan() {
        for axis in Axis::ALL {
            for series in [
                vec![],
                vec![Series::new("a", "A", vec![])],
                vec![Series::new("a", "A", vec![(3.0, 0.0)])],
                vec![
                    Series::new("a", "A", vec![(1.0, 0.0), (5.0, 0.0)]),
                    Series::new("b", "B", vec![(1.0, 0.0), (5.0, 0.0)]),
                ],
            ] {
                for (w, h) in [(0.0, 0.0), (10.0, 10.0), (f64::NAN, 300.0), (600.0, 300.0)] {
                    let g = ChartGeometry::new(axis, series.clone(), w, h, Padding::default());
                    let dbg = format!("{g:?}");
                    assert!(!dbg.contains("NaN") && !dbg.contains("inf"), "{dbg}");
                    let r = g.readout(f64::NAN);
                    assert!(r.value.is_finite() && r.x.is_finite());
                    assert!(g.crossovers.is_empty());
                    for mv in
                        [Move::Left, Move::Right, Move::TickLeft, Move::TickRight, Move::Home, Move::End]
                    {
                        assert!(g.nudge(f64::NAN, mv).is_finite());
                    }
                }
            }
        }
    }
}
