//! The laid-out chart: plot area, scales, ticks with their labels and alignment, one SVG path per
//! series and the crossover markers with their sentences, all in pixels and words.

use super::axis::{crossover_sentence, Axis};
use super::crossings::Side;
use super::path::{path_d, px};
use super::scale::LinearScale;
use super::series::{pair_crossings, Series};
use super::steps::step_points;
use super::ticks::{nice_domain, nice_ticks};
use super::Point;
use crate::format::usd_tick;

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
        Padding { top: 12.0, right: 16.0, bottom: 34.0, left: 60.0 }
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
    /// 12-unit chart font (see [`LABEL_CHAR_PX`]).
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

/// Estimated width of one character of a tick label, in chart units: 0.6 em of the 12-unit chart
/// font (one unit is one CSS pixel once the chart is drawn at its column's width), a little
/// generous.
pub const LABEL_CHAR_PX: f64 = 7.2;

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
    /// Seconds in the billing month, on the traffic axis: the readout writes the requests a month
    /// beside the rate. Zero leaves them out.
    pub seconds_per_month: f64,
    pub(super) series: Vec<Series>,
    pub(super) stops: Vec<f64>,
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
            seconds_per_month: 0.0,
            series,
            stops,
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::chart::Move;

    pub(in crate::chart) fn util_chart() -> ChartGeometry {
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

    pub(in crate::chart) fn task_chart() -> ChartGeometry {
        let ec2 = |n: u32| 70.0 * f64::from(n.div_ceil(3).max(2));
        let series = vec![
            Series::sampled("ecs-ec2", "ECS on EC2", ec2, 1, 8),
            Series::sampled("ecs-fargate", "ECS on Fargate", |n| 30.0 * f64::from(n), 1, 8),
        ];
        ChartGeometry::new(Axis::Tasks, series, 400.0, 200.0, Padding::default())
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
    }

    #[test]
    fn geometry_of_a_task_chart() {
        let g = task_chart();
        assert_eq!(g.domain, (1.0, 8.0));
        assert_eq!((g.x.d0, g.x.d1), (0.5, 8.5));
        assert!(g.x_ticks.iter().all(|t| t.value.fract() == 0.0));
        let c = &g.crossovers[0];
        assert_eq!(c.text, "ECS on EC2 becomes cheaper than ECS on Fargate from 5 tasks");
        assert_eq!(c.at, 5.0);
        assert!(g.paths[0].d.starts_with('M') && g.paths[0].d.contains('V') && !g.paths[0].d.contains('L'));
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
