//! The chart as a control of its input: the value under the pointer (the plot's x scale inverted,
//! kept inside the plot's domain and snapped to the input's step) and where a key moves it, as a
//! slider would. The shell sends the result as it would a slider's value; it never maps pixels.

use super::geometry::ChartGeometry;
use super::readout::Move;
use crate::params::{Key, Kind};

/// The grid a chart's input takes values on: its step and its range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InputGrid {
    /// The slider's step (`util` 0.5, `tasks` 1, `rps` 1).
    pub step: f64,
    /// The input's lowest value.
    pub min: f64,
    /// The input's highest value.
    pub max: f64,
}

impl InputGrid {
    /// The grid of a number input: its slider step (or 1 without a slider) and its range. `None`
    /// for an input that is not a number.
    pub fn of(key: Key) -> Option<Self> {
        match key.param().kind {
            Kind::Number { min, max, slider, .. } => {
                let step = slider.map_or(1.0, |s| s.step);
                Some(InputGrid { step: if step > 0.0 && step.is_finite() { step } else { 1.0 }, min, max })
            }
            _ => None,
        }
    }

    /// `v` on the grid: the nearest multiple of the step from `min`, inside `[min, max]`, with the
    /// float noise of the multiplication removed (0.5 × 141 is 70.5, not 70.500000001).
    pub fn snap(self, v: f64) -> f64 {
        let v = if v.is_finite() { v } else { self.min };
        let n = ((v - self.min) / self.step).round();
        let s = self.min + n * self.step;
        let s = (s * 1e9).round() / 1e9;
        s.clamp(self.min, self.max)
    }
}

impl ChartGeometry {
    /// The input value under a pointer at `x_px` (pixels from the SVG's left edge, in the view
    /// box's units): the x scale inverted, kept inside the plot's domain, snapped to the grid.
    /// A pointer left or right of the plot gives the domain's end.
    pub fn value_under(&self, x_px: f64, grid: InputGrid) -> f64 {
        let (lo, hi) = self.domain;
        let v = if x_px.is_finite() { self.x.invert(x_px) } else { lo };
        let v = if v.is_finite() { v.clamp(lo.min(hi), hi.max(lo)) } else { lo };
        let s = grid.snap(v);
        // Snapping may step just past a domain end that is not on the grid: step back inside.
        if s > hi && grid.snap(s - grid.step) >= lo {
            grid.snap(s - grid.step)
        } else if s < lo && grid.snap(s + grid.step) <= hi {
            grid.snap(s + grid.step)
        } else {
            s
        }
    }

    /// Where a key moves the input from `value`, as on a slider: one step left or right, to the
    /// previous or next tick (Page Down, Page Up), or to an end of the plot's domain (Home, End).
    /// The result is on the grid; a move never leaves the input's range.
    pub fn stepped(&self, value: f64, mv: Move, grid: InputGrid) -> f64 {
        let value = if value.is_finite() { value } else { grid.min };
        match mv {
            Move::Left => grid.snap(grid.snap(value) - grid.step),
            Move::Right => grid.snap(grid.snap(value) + grid.step),
            Move::TickLeft | Move::TickRight => {
                // Ticks are on the grid for these inputs; a tick between grid points snaps to
                // the nearest one that still moves in the key's direction.
                let t = grid.snap(self.nudge(value, mv));
                let moved = if mv == Move::TickLeft { t < value } else { t > value };
                if moved {
                    t
                } else {
                    self.stepped(value, if mv == Move::TickLeft { Move::Left } else { Move::Right }, grid)
                }
            }
            Move::Home => self.value_under(self.plot.left, grid),
            Move::End => self.value_under(self.plot.right, grid),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::geometry::tests::{task_chart, util_chart};

    const UTIL: InputGrid = InputGrid { step: 0.5, min: 0.0, max: 100.0 };
    const TASKS: InputGrid = InputGrid { step: 1.0, min: 1.0, max: 1000.0 };

    #[test]
    fn the_grid_of_each_chart_input_is_its_slider_step() {
        assert_eq!(InputGrid::of(Key::Util), Some(UTIL));
        assert_eq!(InputGrid::of(Key::Tasks), Some(TASKS));
        assert_eq!(InputGrid::of(Key::Rps).map(|g| (g.step, g.min)), Some((1.0, 0.0)));
        assert_eq!(InputGrid::of(Key::Gpu), None);
        assert_eq!(UTIL.snap(70.26), 70.5);
        assert_eq!(UTIL.snap(0.1 * 3.0), 0.5);
        assert_eq!(UTIL.snap(-4.0), 0.0);
        assert_eq!(UTIL.snap(f64::NAN), 0.0);
        assert_eq!(TASKS.snap(0.2), 1.0);
    }

    #[test]
    fn the_value_under_the_pointer_inverts_the_scale() {
        // Plot 60..590 px over 0..100 %: 5.3 px per percent.
        let g = util_chart();
        assert_eq!(g.value_under(325.0, UTIL), 50.0);
        assert_eq!(g.value_under(g.x.map(70.3), UTIL), 70.5);
        assert_eq!(g.value_under(g.x.map(70.2), UTIL), 70.0);
        // Every pixel of the plot maps back within half a step of the scale's inverse.
        for px in 60..=590 {
            let v = g.value_under(f64::from(px), UTIL);
            assert!((v - g.x.invert(f64::from(px))).abs() <= UTIL.step / 2.0 + 1e-9, "{px}: {v}");
            assert_eq!(v, UTIL.snap(v));
        }
        assert_eq!(g.value_under(-50.0, UTIL), 0.0);
        assert_eq!(g.value_under(10_000.0, UTIL), 100.0);
        assert_eq!(g.value_under(f64::NAN, UTIL), 0.0);
        // Tasks: the step is centred on its tick, the domain's ends are whole task counts.
        let t = task_chart();
        for n in 1..=8 {
            let x = t.x.map(f64::from(n));
            for dx in [-0.4, 0.0, 0.4] {
                assert_eq!(t.value_under(x + dx * (t.x.map(2.0) - t.x.map(1.0)), TASKS), f64::from(n));
            }
        }
        assert_eq!(t.value_under(0.0, TASKS), 1.0);
        assert_eq!(t.value_under(t.width, TASKS), 8.0);
    }

    #[test]
    fn keys_step_the_input_as_a_slider_would() {
        let g = util_chart();
        assert_eq!(g.stepped(50.0, Move::Right, UTIL), 50.5);
        assert_eq!(g.stepped(50.0, Move::Left, UTIL), 49.5);
        assert_eq!(g.stepped(0.0, Move::Left, UTIL), 0.0);
        assert_eq!(g.stepped(100.0, Move::Right, UTIL), 100.0);
        assert_eq!(g.stepped(50.0, Move::TickRight, UTIL), 60.0);
        assert_eq!(g.stepped(50.0, Move::TickLeft, UTIL), 40.0);
        assert_eq!(g.stepped(33.0, Move::Home, UTIL), 0.0);
        assert_eq!(g.stepped(33.0, Move::End, UTIL), 100.0);
        let t = task_chart();
        assert_eq!(t.stepped(4.0, Move::Right, TASKS), 5.0);
        assert_eq!(t.stepped(1.0, Move::Left, TASKS), 1.0);
        assert_eq!(t.stepped(4.0, Move::End, TASKS), 8.0);
        assert_eq!(t.stepped(4.0, Move::Home, TASKS), 1.0);
    }
}
