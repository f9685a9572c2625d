//! The axes of the crossover charts and their wording: which input each axis sweeps, its tick
//! labels, readout values and the crossover sentences, so the shell never words a number itself.

use super::ticks::ticks_with;
use crate::format::{compact, fixed, grouped, percent, sig3, MISSING};
use crate::params::Key;


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
            return MISSING.to_string();
        }
        match self {
            Axis::Util => percent(v, 2),
            Axis::Tasks => tasks_text(v),
            Axis::Rps => format!("{} req/s", compact(v)),
        }
    }

    /// A value for a readout: "78.4 %", "14 tasks", "38.2 req/s".
    pub fn value_text(self, v: f64) -> String {
        if !v.is_finite() {
            return MISSING.to_string();
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
            return MISSING.to_string();
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
    pub(super) fn fallback_domain(self) -> (f64, f64) {
        match self {
            Axis::Util => (0.0, 100.0),
            Axis::Tasks => (1.0, 10.0),
            Axis::Rps => (0.0, 100.0),
        }
    }
}

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

/// "1 task", "14 tasks" (rounded to a whole number).
fn tasks_text(v: f64) -> String {
    let n = fixed(v.round(), 0);
    if n == "1" {
        "1 task".to_string()
    } else {
        format!("{} tasks", grouped(&n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
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
}
