//! The readout under the pointer or the keyboard: the value of every series at one axis value,
//! snapped to crossovers, ticks and whole percents, and the stops a keyboard move goes to.

use super::geometry::ChartGeometry;
use super::path::px;
use super::series::Series;
use super::ticks::Step;
use crate::format::usd;

/// The value of every series at one axis value.
#[derive(Debug, Clone, PartialEq)]
pub struct Readout {
    /// The axis value (clamped to the domain; a whole number on the task axis).
    pub value: f64,
    /// The axis value as text: "78.4 %", "14 tasks", "38.2 req/s (100 million requests a month)".
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

impl ChartGeometry {
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
        let mut label = self.axis.value_text(value);
        if self.axis == super::Axis::Rps && self.seconds_per_month > 0.0 {
            label = format!("{label} ({})", crate::format::requests_a_month(value * self.seconds_per_month));
        }
        Readout { value, label, x: px(self.x.map(value)), values }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::geometry::tests::{task_chart, util_chart};

    #[test]
    fn readout_of_a_utilization_chart() {
        let g = util_chart();
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
    fn readout_of_a_task_chart() {
        let g = task_chart();
        assert_eq!(g.snap_points(), &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]);
        let r = g.readout_at(4.4);
        assert_eq!(r.value, 4.0);
        assert_eq!(r.label, "4 tasks");
        assert_eq!(r.values.iter().map(|v| v.cost).collect::<Vec<_>>(), vec![140.0, 120.0]);
        assert_eq!(g.nudge(4.0, Move::Right), 5.0);
    }
}
