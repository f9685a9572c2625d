//! One cost curve evaluated once into stored points, and the crossovers of every pair of a set
//! read from those points, so ten series cost ten evaluations, never ninety.

use super::axis::Axis;
use super::crossings::{crossings_within, largest, Crossing, TIE_TOL};
use super::steps::{sample, sample_crossings_within};
use super::trace::{interpolate, trace};
use super::Point;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::Side;

    #[test]
    fn a_series_is_read_at_its_points() {
        let steps = Series::sampled("ec2", "EC2", |n| 10.0 * f64::from(n), 1, 4);
        assert_eq!(steps.cost_at(Axis::Tasks, 2.4), Some(20.0));
        assert_eq!(steps.cost_at(Axis::Tasks, 4.6), None);
        let line = Series::traced("fargate", "Fargate", |u| 2.0 * u, 0.0, 100.0);
        assert_eq!(line.cost_at(Axis::Util, 25.0), Some(50.0));
        assert_eq!(line.cost_at(Axis::Util, 100.5), None);
    }

    #[test]
    fn pair_crossings_come_by_axis_value_then_pair() {
        let series = vec![
            Series::traced("a", "A", |u| u, 0.0, 100.0),
            Series::traced("b", "B", |_| 50.0, 0.0, 100.0),
            Series::traced("c", "C", |_| 20.0, 0.0, 100.0),
        ];
        let found = pair_crossings(Axis::Util, &series);
        let seen: Vec<(usize, usize, f64, Side)> =
            found.iter().map(|s| (s.a, s.b, s.crossing.at, s.crossing.cheaper_above)).collect();
        assert_eq!(seen, vec![(0, 2, 20.0, Side::B), (0, 1, 50.0, Side::B)]);
    }
}
