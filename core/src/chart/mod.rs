//! Crossover charts as plain data: scales, "nice" ticks, exact cost curves, exact crossovers and
//! SVG-ready pixel geometry.
//!
//! Why it is shaped this way:
//! - The Yew shell writes the SVG by hand and does no arithmetic and no formatting of money, so every
//!   number a chart shows comes out of here already placed and worded (the texts by
//!   [`crate::format`], like every other figure of the page): path `d` strings, tick
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
//!
//! One subject per file: `axis` (axes and their wording), `scale` and `ticks`, `trace`, `crossings` (continuous axes), `steps` (the task axis), `series`,
//! `path` (pixel text), `geometry` (the laid-out chart), `readout` (pointer and keyboard) and
//! `control` (the chart as a control of its input: the value under the pointer, key steps).

mod axis;
mod control;
mod crossings;
mod geometry;
mod path;
mod readout;
mod scale;
mod series;
mod steps;
mod ticks;
mod trace;

pub use axis::{crossover_sentence, run_sentence, Axis};
pub use control::InputGrid;
pub use crossings::{crossings, Crossing, Side};
pub use geometry::{Anchor, ChartGeometry, Crossover, Padding, PlotArea, SeriesPath, Tick, LABEL_CHAR_PX};
pub use readout::{Move, Readout, ReadoutValue};
pub use scale::LinearScale;
pub use series::{pair_crossings, Series, SeriesCrossing};
pub use steps::{sample, sample_crossings, step_crossings, step_points};
pub use ticks::{integer_ticks, nice_domain, nice_ticks};
pub use trace::{interpolate, trace, MAX_TRACE_EVALS};

/// A point: `(axis value, monthly cost in USD)`.
pub type Point = (f64, f64);
