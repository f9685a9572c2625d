//! The three crossover charts: monthly cost against utilization, task count and traffic, one
//! series per viable option with a figure.
//!
//! Each series is the cost model itself swept along one input, every other input held where the
//! user set it; [`crate::chart`] traces it exactly and finds every crossover. A platform whose
//! pricing differs from the chosen one (EKS on Fargate has no Spot, for example) gets the series id
//! `platform:pricing`, so a crossover always says what it compares.

use crate::catalog::ids::INSTANCE_OPTS;
use crate::chart::{usd, Axis, ChartGeometry, Padding, Series};
use crate::cost::totals;
use crate::decision::{Decision, Status};
use crate::params::Pricing;
use crate::platform::Platform;
use crate::state::State;
use crate::url::format_number;

use super::costs::Costs;

/// The size of a chart's SVG view box, in pixels (CSS scales the box to its column).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartSize {
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// Charts on a wide page.
pub const WIDE: ChartSize = ChartSize { width: 640.0, height: 300.0 };

/// Charts on a phone: a box close to the column's real width, so the 11 px labels stay 11 px
/// instead of shrinking to half (fewer ticks, same series and crossovers).
pub const NARROW: ChartSize = ChartSize { width: 360.0, height: 250.0 };

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
}

/// Charts with at most this many crossings get their numbers placed apart.
pub const PLACED_NUMBERS: usize = 12;

/// A box on the chart, for placing crossing numbers: (left, top, right, bottom).
type Rect = (f64, f64, f64, f64);

fn overlaps(a: Rect, b: Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// The box of crossing number `n` written centred at `x` on baseline `y` (bold 11 px digits).
pub fn number_box(n: usize, x: f64, y: f64) -> Rect {
    let digits = n.checked_ilog10().map_or(1, |d| d + 1);
    let half = (f64::from(digits) * 7.0 + 2.0) / 2.0;
    (x - half, y - 10.0, x + half, y + 2.0)
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
fn place_numbers(points: &[(f64, f64)], bounds: Rect) -> Vec<(f64, f64)> {
    if points.len() > PLACED_NUMBERS {
        return points.iter().map(|&(x, y)| (x, y - 9.0)).collect();
    }
    let spots = number_spots();
    let markers: Vec<Rect> = points.iter().map(|&(x, y)| marker_box(x, y)).collect();
    let mut placed: Vec<Rect> = Vec::with_capacity(points.len());
    let mut out = Vec::with_capacity(points.len());
    let mut near: Vec<Rect> = Vec::new();
    for (i, &(x, y)) in points.iter().enumerate() {
        let n = i + 1;
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
    /// Crossovers.
    pub crossovers: Vec<CrossoverView>,
    /// Data table.
    pub table: TableView,
    /// The current input value on this axis.
    pub current: f64,
    /// Shown instead of a chart when there is nothing to draw.
    pub empty: Option<String>,
}

/// Widest task-count window a chart samples.
pub const TASK_WINDOW: f64 = 120.0;

/// The axis domain for the current inputs.
pub fn domain(axis: Axis, s: &State) -> (f64, f64) {
    match axis {
        Axis::Util => (0.0, 100.0),
        // Whole task counts are sampled one by one (costs step where another instance is needed),
        // so the window stays at most `TASK_WINDOW` wide: from 1 to twice the peak while that fits,
        // else centred on the peak.
        Axis::Tasks => {
            let t = s.num(crate::params::Key::Tasks).round();
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

fn eval(p: Platform, pricing: Pricing, costs: &Costs, axis: Axis, x: f64) -> f64 {
    let c = &costs.per_platform[p.index()];
    let inp = match axis {
        Axis::Util => c.inputs.with_util(x),
        Axis::Tasks => c.inputs.with_tasks(x),
        Axis::Rps => c.inputs.with_rps(x),
    };
    totals(p, pricing, &inp, &costs.rates, c.deploy).map(|t| t.monthly).unwrap_or(f64::NAN)
}

/// One chart, drawn in a box of `size`.
pub fn chart(axis: Axis, s: &State, d: &Decision, costs: &Costs, size: ChartSize) -> ChartView {
    let (lo, hi) = domain(axis, s);
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
        let f = |x: f64| eval(p, pricing, costs, axis, x);
        let mut one = if axis.is_discrete() {
            Series::sampled(id.clone(), label.clone(), |n| f(f64::from(n)), lo as u32, hi as u32)
        } else {
            Series::traced(id.clone(), label.clone(), f, lo, hi)
        };
        one.points.retain(|pt| pt.0.is_finite() && pt.1.is_finite());
        if one.points.is_empty() {
            continue;
        }
        legend.push(LegendView { id, label, platform: p.id(), dashed: pricing != chosen });
        series.push(one);
    }
    let geometry = ChartGeometry::new(axis, series, size.width, size.height, Padding::default());
    let points: Vec<(f64, f64)> = geometry.crossovers.iter().map(|c| (c.x, c.y)).collect();
    let bounds = (0.0, 0.0, geometry.width, geometry.plot.bottom);
    let crossovers: Vec<CrossoverView> = geometry
        .crossovers
        .iter()
        .zip(place_numbers(&points, bounds))
        .map(|(c, (label_x, label_y))| CrossoverView {
            a: c.a.clone(),
            b: c.b.clone(),
            at: format_number(c.at, 4),
            text: c.text.clone(),
            x: c.x,
            y: c.y,
            label_x,
            label_y,
        })
        .collect();
    let mut head = vec![axis.title().to_string()];
    head.extend(geometry.series().iter().map(|s| s.label.clone()));
    let mut xs: Vec<f64> = geometry.x_ticks.iter().map(|t| t.value).collect();
    let current = s.num(axis.key());
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
            row.extend(geometry.series().iter().map(|se| se.cost_at(axis, x).map(usd).unwrap_or_else(|| "—".into())));
            row
        })
        .collect();
    let title = format!("Monthly cost against {}", axis.title().to_ascii_lowercase());
    let empty = geometry.series().is_empty().then(|| "No viable option has a monthly figure to draw.".to_string());
    let desc = if crossovers.is_empty() {
        format!("{title}, {} series. No crossover in this range.", geometry.series().len())
    } else {
        let words: Vec<&str> = crossovers.iter().map(|c| c.text.as_str()).collect();
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
        table: TableView { head, rows },
        current,
        empty,
    }
}
