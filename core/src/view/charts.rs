//! The three crossover charts: monthly cost against utilization, task count and traffic, one
//! series per viable option with a figure.
//!
//! Each series is the cost model itself swept along one input, every other input held where the
//! user set it; [`crate::chart`] traces it exactly and finds every crossover. A platform whose
//! pricing differs from the chosen one (EKS on Fargate has no Spot, for example) gets the series id
//! `platform:pricing`, so a crossover always says what it compares.

use crate::catalog::ids::INSTANCE_OPTS;
use crate::chart::{run_sentence, Axis, ChartGeometry, InputGrid, Padding};
use crate::format::{requests_a_month, trimmed, usd, MISSING};
use crate::decision::{Decision, Status};
use crate::params::Pricing;
use crate::platform::Platform;
use crate::state::State;

use super::costs::Costs;

/// The size of a chart's SVG view box, in pixels (CSS scales the box to its column).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartSize {
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// Charts on a wide page, until the shell has measured their column.
pub const WIDE: ChartSize = ChartSize { width: 640.0, height: 240.0 };

/// Charts on a phone, until the shell has measured their column.
pub const NARROW: ChartSize = ChartSize { width: 360.0, height: 250.0 };

/// Narrowest box a chart is laid out in (a measured column below this is drawn scaled down).
pub const MIN_WIDTH: f64 = 240.0;

/// Widest box a chart is laid out in.
pub const MAX_WIDTH: f64 = 1200.0;

/// The box charts are drawn in: as wide as their column measured in CSS pixels (`width`, 0 when
/// not measured yet), so one unit of the drawing is one pixel on screen and the 12 px labels are
/// 12 px at every width; the height is the phone's or the wide page's.
pub fn size_for(narrow: bool, width: f64) -> ChartSize {
    let base = if narrow { NARROW } else { WIDE };
    if width.is_finite() && width >= MIN_WIDTH {
        ChartSize { width: width.min(MAX_WIDTH).round(), height: base.height }
    } else {
        base
    }
}

/// A legend entry.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendView {
    /// Series id.
    pub id: String,
    /// Label.
    pub label: String,
    /// The platform, for the series colour.
    pub platform: &'static str,
    /// Drawn dashed (a pricing other than the chosen one).
    pub dashed: bool,
}

/// A crossover, ready for the DOM contract.
#[derive(Debug, Clone, PartialEq)]
pub struct CrossoverView {
    /// `data-a`.
    pub a: String,
    /// `data-b`.
    pub b: String,
    /// `data-at`: the axis value as a plain number.
    pub at: String,
    /// The sentence.
    pub text: String,
    /// Marker x, y in pixels.
    pub x: f64,
    /// Marker y in pixels.
    pub y: f64,
    /// Where its number is written (the text's x, centre, and baseline y), placed so that numbers
    /// of nearby crossings neither overlap each other nor cover a marker.
    pub label_x: f64,
    /// The number's baseline y.
    pub label_y: f64,
    /// Its number in the list and on the chart; `None` inside a run (the run has one number).
    pub number: Option<usize>,
    /// The run it belongs to (an index into [`ChartView::runs`]).
    pub run: Option<usize>,
}

/// Two options that trade places this many times or more (a stepped cost zigzagging across a
/// smooth one) are listed as one run instead of crossing by crossing.
pub const RUN_MIN: usize = 4;

/// Crossings of one pair further apart than this share of the plot's width belong to separate
/// runs (or stand alone): a band is drawn only where the options really zigzag.
pub const RUN_GAP: f64 = 0.15;

/// Every crossing of one pair of options, summarised; the crossings stay in
/// [`ChartView::crossovers`] (hidden in the list, the run stands for them).
#[derive(Debug, Clone, PartialEq)]
pub struct RunView {
    /// `data-a`: the first series of the pair, as in its first crossing.
    pub a: String,
    /// `data-b`.
    pub b: String,
    /// `data-from`: the axis value of the first crossing, as a plain number.
    pub from: String,
    /// `data-to`: the axis value of the last crossing.
    pub to: String,
    /// `data-count`: how many times they cross.
    pub count: usize,
    /// The sentence.
    pub text: String,
    /// Its number in the list and on the chart.
    pub number: usize,
    /// Index of its first crossing in [`ChartView::crossovers`] (the run is listed there).
    pub first: usize,
    /// Left and right edges of the band it draws, in pixels.
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// Where its number is written (centre x, baseline y): at the top of the band.
    pub label_x: f64,
    /// The number's baseline y.
    pub label_y: f64,
}

/// Charts with at most this many numbered crossings get their numbers placed apart.
pub const PLACED_NUMBERS: usize = 12;

/// A box on the chart, for placing crossing numbers: (left, top, right, bottom).
type Rect = (f64, f64, f64, f64);

fn overlaps(a: Rect, b: Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// The box of crossing number `n` written centred at `x` on baseline `y` (bold 12 px digits).
pub fn number_box(n: usize, x: f64, y: f64) -> Rect {
    let digits = n.checked_ilog10().map_or(1, |d| d + 1);
    let half = (f64::from(digits) * 7.6 + 2.0) / 2.0;
    (x - half, y - 11.0, x + half, y + 2.0)
}

/// The box a crossing marker (radius 5, stroke 2) covers.
pub fn marker_box(x: f64, y: f64) -> Rect {
    (x - 6.0, y - 6.0, x + 6.0, y + 6.0)
}

/// Places the numbers 1, 2, … of the markers at `points`: above each marker where that is free,
/// else at the nearest free spot (below, further up or down, to the sides), inside `bounds`. Only a
/// cluster with no free spot within about 60 px falls back to the spot above, and so does every
/// number of a chart with more than [`PLACED_NUMBERS`] crossings (crowded by nature; this keeps
/// the search cheap on every slider move).
/// Each point is `(n, x, y)`; `taken` are boxes already written (the numbers of runs).
fn place_numbers(points: &[(usize, f64, f64)], taken: &[Rect], bounds: Rect) -> Vec<(f64, f64)> {
    if points.len() > PLACED_NUMBERS {
        return points.iter().map(|&(_, x, y)| (x, y - 9.0)).collect();
    }
    let spots = number_spots();
    let markers: Vec<Rect> = points.iter().map(|&(_, x, y)| marker_box(x, y)).collect();
    let mut placed: Vec<Rect> = taken.to_vec();
    let mut out = Vec::with_capacity(points.len());
    let mut near: Vec<Rect> = Vec::new();
    for &(n, x, y) in points {
        // Only boxes within reach of this marker's spots can be in the way.
        let reach = (x - 80.0, y - 80.0, x + 80.0, y + 80.0);
        near.clear();
        near.extend(placed.iter().chain(&markers).filter(|&&o| overlaps(o, reach)));
        let inside = |r: Rect| r.0 >= bounds.0 && r.1 >= bounds.1 && r.2 <= bounds.2 && r.3 <= bounds.3;
        let free = |r: Rect| inside(r) && !near.iter().any(|&o| overlaps(r, o));
        let spot = spots.iter().map(|&(dx, dy)| (x + dx, y + dy)).find(|&(lx, ly)| free(number_box(n, lx, ly))).unwrap_or((x, y - 9.0));
        placed.push(number_box(n, spot.0, spot.1));
        out.push(spot);
    }
    out
}

/// Offsets from a marker to its number's baseline, nearest first (above wins a tie): a grid of
/// 9 × 10 spots 14 px apart across and 12 px apart up and down.
fn number_spots() -> &'static [(f64, f64)] {
    static SPOTS: std::sync::OnceLock<Vec<(f64, f64)>> = std::sync::OnceLock::new();
    SPOTS.get_or_init(|| {
        let mut spots: Vec<(f64, f64)> = Vec::with_capacity(90);
        for col in -4i32..=4 {
            for row in -5i32..=4 {
                spots.push((f64::from(col) * 14.0, f64::from(row) * 12.0 + if row < 0 { 3.0 } else { 7.0 }));
            }
        }
        let cost = |&(dx, dy): &(f64, f64)| dx * dx + dy * dy + if dy > 0.0 { 1.0 } else { 0.0 };
        crate::sort::sort_by(&mut spots, |a, b| cost(a).total_cmp(&cost(b)));
        spots
    })
}

/// The data table that stands in for the chart for screen readers.
#[derive(Debug, Clone, PartialEq)]
pub struct TableView {
    /// Column headings: the axis, then one per series.
    pub head: Vec<String>,
    /// Rows of text.
    pub rows: Vec<Vec<String>>,
}

/// One chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartView {
    /// The axis.
    pub axis: Axis,
    /// Panel id: `chart-util`, `chart-tasks`, `chart-rps`.
    pub id: &'static str,
    /// Title.
    pub title: String,
    /// Description for `<desc>`: what is plotted and the crossovers in words.
    pub desc: String,
    /// The geometry.
    pub geometry: ChartGeometry,
    /// Legend.
    pub legend: Vec<LegendView>,
    /// Every crossover, in axis order.
    pub crossovers: Vec<CrossoverView>,
    /// Stretches where a pair crosses [`RUN_MIN`] times or more close together (see [`RUN_GAP`]),
    /// each listed once at its first crossing.
    pub runs: Vec<RunView>,
    /// Data table.
    pub table: TableView,
    /// The current input value on this axis.
    pub current: f64,
    /// The axis window the chart spans (held still while its chart is dragged: see
    /// [`crate::model::Model::hold`]).
    pub span: (f64, f64),
    /// The grid a press, drag or key on the chart sets the input on (its slider step and range).
    pub grid: InputGrid,
    /// The input is fixed by a lesson (`lock=`): the chart reads out but does not set it.
    pub locked: bool,
    /// Shown instead of a chart when there is nothing to draw.
    pub empty: Option<String>,
}

/// The run listed in place of crossover `i`: the one that starts there, if any.
pub fn run_starting_at<'a>(crossovers: &[CrossoverView], runs: &'a [RunView], i: usize) -> Option<&'a RunView> {
    crossovers[i].run.map(|r| &runs[r]).filter(|r| r.first == i)
}

/// The list as it reads: each crossover outside a run, and each run in place of its first
/// crossing (with that crossing).
pub fn listed<'a>(crossovers: &'a [CrossoverView], runs: &'a [RunView]) -> impl Iterator<Item = (&'a CrossoverView, Option<&'a RunView>)> {
    crossovers.iter().enumerate().filter_map(move |(i, c)| match c.run {
        None => Some((c, None)),
        Some(_) => run_starting_at(crossovers, runs, i).map(|r| (c, Some(r))),
    })
}

/// The crossovers of a chart, with the runs they form, numbered in list order and with their
/// numbers placed.
fn crossings(axis: Axis, g: &ChartGeometry, legend: &[LegendView]) -> (Vec<CrossoverView>, Vec<RunView>) {
    let cs = &g.crossovers;
    // Every pair's crossings, pairs in order of their first crossing.
    let mut pairs: Vec<(&str, &str, Vec<usize>)> = Vec::new();
    for (i, c) in cs.iter().enumerate() {
        let (a, b) = if c.a <= c.b { (c.a.as_str(), c.b.as_str()) } else { (c.b.as_str(), c.a.as_str()) };
        match pairs.iter_mut().find(|p| p.0 == a && p.1 == b) {
            Some(p) => p.2.push(i),
            None => pairs.push((a, b, vec![i])),
        }
    }
    // Split each pair's crossings where they are far apart; a stretch of RUN_MIN or more is a run.
    let gap = RUN_GAP * (g.plot.right - g.plot.left);
    let mut stretches: Vec<Vec<usize>> = Vec::new();
    for (_, _, idx) in pairs {
        let mut cur: Vec<usize> = Vec::new();
        for i in idx {
            if cur.last().is_some_and(|&j| cs[i].x - cs[j].x > gap) {
                stretches.push(std::mem::take(&mut cur));
            }
            cur.push(i);
        }
        stretches.push(cur);
    }
    stretches.retain(|st| st.len() >= RUN_MIN);
    let mut run_of: Vec<Option<usize>> = vec![None; cs.len()];
    for (r, st) in stretches.iter().enumerate() {
        for &i in st {
            run_of[i] = Some(r);
        }
    }
    let label = |id: &str| legend.iter().find(|l| l.id == id).map_or_else(|| id.to_string(), |l| l.label.clone());
    // Numbers in list order: a run takes the place of its first crossing.
    let mut numbers: Vec<Option<usize>> = vec![None; cs.len()];
    let mut run_numbers = vec![0; stretches.len()];
    let mut n = 0;
    for i in 0..cs.len() {
        match run_of[i] {
            None => {
                n += 1;
                numbers[i] = Some(n);
            }
            Some(r) if stretches[r][0] == i => {
                n += 1;
                run_numbers[r] = n;
            }
            Some(_) => {}
        }
    }
    let band_label_y = g.plot.top + 11.0;
    let mut runs: Vec<RunView> = stretches
        .iter()
        .zip(&run_numbers)
        .map(|(idx, &number)| {
            let (first, last) = (&cs[idx[0]], &cs[idx[idx.len() - 1]]);
            let same = |c: &&crate::chart::Crossover| (c.a == first.a && c.b == first.b) || (c.a == first.b && c.b == first.a);
            let until = cs[idx[idx.len() - 1] + 1..].iter().find(same).map(|c| c.at);
            let (x0, x1) = (first.x.min(last.x), first.x.max(last.x));
            RunView {
                a: first.a.clone(),
                b: first.b.clone(),
                from: trimmed(first.at, 4),
                to: trimmed(last.at, 4),
                count: idx.len(),
                text: run_sentence(&label(&first.a), &label(&first.b), axis, idx.len(), (first.at, last.at), until, &label(&last.cheaper)),
                number,
                first: idx[0],
                x0,
                x1,
                label_x: (x0 + x1) / 2.0,
                label_y: band_label_y,
            }
        })
        .collect();
    // Run numbers sit at the top of their bands; where that is taken (another run's number, a
    // crossing's marker) they move sideways within the band, then down a row.
    let points: Vec<(usize, f64, f64)> = cs.iter().zip(&numbers).filter_map(|(c, n)| n.map(|n| (n, c.x, c.y))).collect();
    let markers: Vec<Rect> = points.iter().map(|&(_, x, y)| marker_box(x, y)).collect();
    let mut taken: Vec<Rect> = Vec::with_capacity(runs.len());
    for r in &mut runs {
        let (mid, top) = (r.label_x, r.label_y);
        let reach = ((r.x1 - r.x0) / 2.0).max(18.0);
        let free = |&(x, y): &(f64, f64)| {
            let b = number_box(r.number, x, y);
            b.0 >= 0.0 && b.2 <= g.width && b.3 <= g.plot.bottom && !taken.iter().chain(&markers).any(|&o| overlaps(b, o))
        };
        let steps = (reach / 9.0) as i32;
        let spot = (0..8)
            .flat_map(|row| (0..=steps).flat_map(move |k| [(mid + f64::from(k) * 9.0, top + f64::from(row) * 12.0), (mid - f64::from(k) * 9.0, top + f64::from(row) * 12.0)]))
            .find(free);
        if let Some((x, y)) = spot {
            (r.label_x, r.label_y) = (x, y);
        }
        taken.push(number_box(r.number, r.label_x, r.label_y));
    }
    let mut spots = place_numbers(&points, &taken, (0.0, 0.0, g.width, g.plot.bottom)).into_iter();
    let crossovers = cs
        .iter()
        .zip(numbers)
        .zip(run_of)
        .map(|((c, number), run)| {
            let (label_x, label_y) = if number.is_some() { spots.next().unwrap_or((c.x, c.y - 9.0)) } else { (c.x, c.y) };
            CrossoverView { a: c.a.clone(), b: c.b.clone(), at: trimmed(c.at, 4), text: c.text.clone(), x: c.x, y: c.y, label_x, label_y, number, run }
        })
        .collect();
    (crossovers, runs)
}

/// Widest task-count window a chart samples.
pub const TASK_WINDOW: f64 = 120.0;

/// The peak task count the costs use: the `tasks` input, or the peak derived from traffic.
fn peak(s: &State) -> f64 {
    crate::cost::CostInputs::from_state(s).tasks
}

/// The axis domain for the current inputs.
pub fn domain(axis: Axis, s: &State) -> (f64, f64) {
    match axis {
        Axis::Util => (0.0, 100.0),
        // Whole task counts are sampled one by one (costs step where another instance is needed),
        // so the window stays at most `TASK_WINDOW` wide: from 1 to twice the peak while that fits,
        // else centred on the peak.
        Axis::Tasks => {
            let t = peak(s).round();
            if 2.0 * t <= TASK_WINDOW {
                (1.0, (2.0 * t).max(20.0))
            } else {
                let lo = (t - TASK_WINDOW / 2.0).max(1.0);
                (lo, lo + TASK_WINDOW)
            }
        }
        Axis::Rps => {
            let r = s.num(crate::params::Key::Rps);
            let hi = crate::chart::nice_domain(0.0, (2.0 * r).max(10.0), 5).1;
            (0.0, hi)
        }
    }
}

/// The series label: "ECS on EC2, m5.large on-demand", "ECS on Fargate, Savings Plan, 1 year".
pub fn series_label(p: Platform, pricing: Pricing, instance: usize) -> String {
    let ec2 = matches!(p, Platform::EcsEc2 | Platform::EksEc2);
    let price = pricing.label().to_ascii_lowercase();
    if ec2 {
        format!("{}, {} {}", p.name(), INSTANCE_OPTS[instance.min(INSTANCE_OPTS.len() - 1)].id, price)
    } else if pricing != Pricing::OnDemand {
        format!("{}, {}", p.name(), price)
    } else {
        p.name().to_string()
    }
}

/// One chart, drawn in a box of `size`.
pub fn chart(axis: Axis, s: &State, d: &Decision, costs: &Costs, size: ChartSize) -> ChartView {
    chart_held(axis, s, d, costs, size, None)
}

/// One chart over the window `held` when given (the window it had when a drag on it began, so
/// the scale under the pointer stays put while the input moves), else over [`domain`].
pub fn chart_held(axis: Axis, s: &State, d: &Decision, costs: &Costs, size: ChartSize, held: Option<(f64, f64)>) -> ChartView {
    let (lo, hi) = held.filter(|(lo, hi)| lo.is_finite() && hi.is_finite() && lo < hi).unwrap_or_else(|| domain(axis, s));
    let chosen = s.pricing();
    let mut series = Vec::new();
    let mut legend = Vec::new();
    for p in Platform::ALL {
        if d.status(p) == Status::RuledOut {
            continue;
        }
        let Ok(b) = &costs.per_platform[p.index()].result else { continue };
        let pricing = b.pricing;
        let id = if pricing == chosen { p.id().to_string() } else { format!("{}:{}", p.id(), pricing.id()) };
        let label = series_label(p, pricing, costs.per_platform[p.index()].inputs.instance);
        let c = &costs.per_platform[p.index()];
        let mut one = super::sweep::series(id.clone(), label.clone(), p, pricing, &c.inputs, &costs.rates, c.deploy, axis, (lo, hi));
        one.points.retain(|pt| pt.0.is_finite() && pt.1.is_finite());
        if one.points.is_empty() {
            continue;
        }
        legend.push(LegendView { id, label, platform: p.id(), dashed: pricing != chosen });
        series.push(one);
    }
    let mut geometry = ChartGeometry::new(axis, series, size.width, size.height, Padding::default());
    if axis == Axis::Rps {
        // Beside every request rate, the requests a month it makes (hours × 3,600 seconds each).
        let seconds = 3600.0 * s.num(crate::params::Key::Hours);
        geometry.seconds_per_month = seconds;
        for c in &mut geometry.crossovers {
            c.text = format!("{} ({})", c.text, requests_a_month(c.at * seconds));
        }
    }
    let (crossovers, runs) = crossings(axis, &geometry, &legend);
    let mut head = vec![axis.title().to_string()];
    head.extend(geometry.series().iter().map(|s| s.label.clone()));
    let mut xs: Vec<f64> = geometry.x_ticks.iter().map(|t| t.value).collect();
    let current = if axis == Axis::Tasks { peak(s) } else { s.num(axis.key()) };
    if current >= lo && current <= hi {
        xs.push(current);
    }
    xs.extend(geometry.crossovers.iter().map(|c| c.at));
    crate::sort::sort_by(&mut xs, f64::total_cmp);
    xs.dedup_by(|a, b| (*a - *b).abs() < 1e-9);
    let rows = xs
        .iter()
        .map(|&x| {
            let mut row = vec![axis.value_text(x)];
            row.extend(geometry.series().iter().map(|se| se.cost_at(axis, x).map(usd).unwrap_or_else(|| MISSING.into())));
            row
        })
        .collect();
    let title = format!("Monthly cost against {}", axis.title().to_ascii_lowercase());
    let empty = geometry.series().is_empty().then(|| "No viable option has a monthly figure to draw.".to_string());
    let desc = if crossovers.is_empty() {
        format!("{title}, {} series. No crossover in this range.", geometry.series().len())
    } else {
        let words = listed(&crossovers, &runs).map(|(c, r)| r.map_or(c.text.as_str(), |r| r.text.as_str())).collect::<Vec<_>>();
        format!("{title}, {} series. {}", geometry.series().len(), words.join(". "))
    };
    ChartView {
        axis,
        id: match axis {
            Axis::Util => "chart-util",
            Axis::Tasks => "chart-tasks",
            Axis::Rps => "chart-rps",
        },
        title,
        desc,
        geometry,
        legend,
        crossovers,
        runs,
        table: TableView { head, rows },
        current,
        span: (lo, hi),
        grid: InputGrid::of(axis.key()).unwrap_or(InputGrid { step: 1.0, min: lo, max: hi }),
        locked: s.is_locked(axis.key()),
        empty,
    }
}
