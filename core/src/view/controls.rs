//! The controls, as data: one per input of the [`crate::params`] table, grouped as the page shows
//! them. The shell draws a checkbox, a select or a slider with a number box from this, and sends back
//! an [`crate::model::Action`] naming the same [`Key`]; the key, range, step and default all come from
//! the one table.

use crate::params::{Group, Key, Kind, PARAMS};
use crate::state::State;
use crate::format::trimmed;

/// How one control is drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum ControlKind {
    /// A checkbox.
    Check {
        /// Ticked.
        checked: bool,
    },
    /// A select (or radio group when there are few options).
    Select {
        /// `(id, label)` of every option.
        options: Vec<(&'static str, &'static str)>,
        /// Index of the selected option.
        selected: usize,
    },
    /// A number box, with a range slider beside it when the input has one.
    Number {
        /// The value as text.
        value: String,
        /// Lowest accepted value.
        min: String,
        /// Highest accepted value.
        max: String,
        /// The unit shown after the box.
        unit: &'static str,
        /// The slider: `(min, max, step, value)` as text, the value pinned into the slider's range.
        slider: Option<(String, String, String, String)>,
        /// The value with its unit, for screen readers (`aria-valuetext`).
        value_text: String,
    },
}

/// One control.
#[derive(Debug, Clone, PartialEq)]
pub struct ControlView {
    /// The input.
    pub key: Key,
    /// The URL key, also the `data-key` attribute.
    pub name: &'static str,
    /// The label.
    pub label: &'static str,
    /// One line of help.
    pub help: &'static str,
    /// Fixed by a lesson (`lock=`): shown but disabled.
    pub locked: bool,
    /// Differs from its default.
    pub changed: bool,
    /// How it is drawn.
    pub kind: ControlKind,
    /// Set by the model rather than by hand (the peak task count while capacity follows traffic):
    /// why it cannot be moved. The control is shown disabled, with the derived value.
    pub derived: Option<String>,
    /// The traffic box's other unit: the requests a month the rate makes.
    pub per_month: Option<PerMonth>,
    /// A line about what the model made of this input, shown under the control (empty when none):
    /// for example the instance type actually priced when the chosen one cannot run the task.
    pub note: String,
}

/// The request rate as requests a month, for the traffic box's unit switch.
#[derive(Debug, Clone, PartialEq)]
pub struct PerMonth {
    /// Whole requests, as the number box shows them ("26280000").
    pub value: String,
    /// In words ("26.3 million requests a month").
    pub text: String,
}

/// A titled group of controls.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupView {
    /// Stable id (for the DOM).
    pub id: &'static str,
    /// Title.
    pub title: &'static str,
    /// The controls, in table order.
    pub controls: Vec<ControlView>,
    /// For a group drawn folded while none of its inputs is changed (the line items, which most
    /// estimates leave out): the line its fold shows, naming what is inside and how many are on.
    pub fold: Option<String>,
}

/// The decision groups, in page order.
pub const DECISION_GROUPS: [(Group, &str, &str); 5] = [
    (Group::Workload, "workload", "The workload"),
    (Group::Needs, "needs", "Hard needs"),
    (Group::Capacity, "capacity", "Capacity"),
    (Group::Delivery, "delivery", "Releases"),
    (Group::Operations, "operations", "Operations"),
];

/// The cost groups, in page order.
pub const COST_GROUPS: [(Group, &str, &str); 4] = [
    (Group::Usage, "usage", "Usage and task size"),
    (Group::Traffic, "traffic", "Traffic"),
    (Group::Pricing, "pricing", "Pricing"),
    (Group::LineItems, "line-items", "Line items people forget"),
];

/// The control of one input.
pub fn control(s: &State, key: Key) -> ControlView {
    let p = key.param();
    let cost = (key == Key::Tasks || key == Key::Rps).then(|| crate::cost::CostInputs::from_state(s));
    let derived = cost.filter(|c| key == Key::Tasks && c.traffic).map(|c| {
        let n = crate::format::qty(c.tasks);
        format!(
            "Follows traffic: {} req/s at {} req/s per task and {} % utilization needs {n} task{} at the peak. Set “{}” to fixed to choose it yourself.",
            crate::format::qty(c.rps),
            crate::format::qty(c.rps_per_task),
            crate::format::qty(c.util),
            if n == "1" { "" } else { "s" },
            Key::Scale.param().label
        )
    });
    let per_month = cost.filter(|_| key == Key::Rps).map(|c| {
        let n = c.rps * 3600.0 * c.hours;
        PerMonth { value: trimmed(n, 0), text: crate::format::requests_a_month(n) }
    });
    let kind = match p.kind {
        Kind::Flag { .. } => ControlKind::Check { checked: s.flag(key) },
        Kind::Choice { options, .. } => {
            ControlKind::Select { options: options.iter().map(|o| (o.id, o.label)).collect(), selected: s.choice(key) }
        }
        Kind::Number { min, max, decimals, unit, slider, .. } => {
            let v = match (&cost, key) {
                (Some(c), Key::Tasks) => c.tasks,
                _ => s.num(key),
            };
            let value = trimmed(v, decimals as usize);
            ControlKind::Number {
                value_text: format!("{value} {unit}"),
                value,
                min: trimmed(min, decimals as usize),
                max: trimmed(max, decimals as usize),
                unit,
                slider: slider.map(|sl| {
                    (
                        trimmed(sl.min, 6),
                        trimmed(sl.max, 6),
                        trimmed(sl.step, 6),
                        trimmed(v.clamp(sl.min, sl.max), 6),
                    )
                }),
            }
        }
        Kind::Set { .. } | Kind::KeySet | Kind::Token { .. } | Kind::Rates { .. } => ControlKind::Check { checked: false },
    };
    ControlView {
        key,
        name: p.name,
        label: p.label,
        help: p.help,
        locked: s.is_locked(key),
        changed: !s.is_default(key),
        kind,
        derived,
        per_month,
        note: String::new(),
    }
}

/// The groups of controls for `groups`.
pub fn groups(s: &State, groups: &[(Group, &'static str, &'static str)]) -> Vec<GroupView> {
    groups
        .iter()
        .map(|(g, id, title)| {
            let controls: Vec<ControlView> = PARAMS.iter().filter(|p| p.group == *g).map(|p| control(s, p.key)).collect();
            let fold = (*g == Group::LineItems).then(|| fold_line(&controls));
            GroupView { id, title, controls, fold }
        })
        .collect()
}

/// The folded line items' line: the switches inside, and how many are on ("Application Load
/// Balancer, NAT gateways, Public IPv4 addresses, Data transfer out: none included").
fn fold_line(controls: &[ControlView]) -> String {
    let flags: Vec<&ControlView> = controls.iter().filter(|c| matches!(c.kind, ControlKind::Check { .. })).collect();
    let on = flags.iter().filter(|c| matches!(c.kind, ControlKind::Check { checked: true, .. })).count();
    let names: Vec<&str> = flags.iter().map(|c| c.label).collect();
    let state = match on {
        0 => "none included".to_string(),
        n => format!("{n} of {} included", flags.len()),
    };
    format!("{}: {state}", names.join(", "))
}

/// The inputs of `groups` that differ from their defaults, as (label, value in words): what a
/// printout needs besides its deep link to say what it shows.
pub fn changed<'a>(groups: impl IntoIterator<Item = &'a GroupView>) -> Vec<(&'static str, String)> {
    groups
        .into_iter()
        .flat_map(|g| &g.controls)
        .filter(|c| c.changed)
        .map(|c| {
            let value = match &c.kind {
                ControlKind::Check { checked } => (if *checked { "yes" } else { "no" }).to_string(),
                ControlKind::Select { options, selected } => options.get(*selected).map(|o| o.1).unwrap_or_default().to_string(),
                ControlKind::Number { value_text, .. } => value_text.clone(),
            };
            (c.label, value)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::parse_query;

    #[test]
    fn every_workload_input_has_a_control_with_its_key() {
        let s = State::default();
        let mut names: Vec<&str> = groups(&s, &DECISION_GROUPS)
            .into_iter()
            .chain(groups(&s, &COST_GROUPS))
            .flat_map(|g| g.controls.into_iter().map(|c| c.name))
            .collect();
        names.sort();
        let mut want: Vec<&str> = PARAMS.iter().filter(|p| p.group != Group::View).map(|p| p.name).collect();
        want.sort();
        assert_eq!(names, want);
    }

    #[test]
    fn the_line_items_fold_says_what_is_inside_and_how_many_are_on() {
        let line = |q: &str| {
            let s = crate::url::parse_query(q).0;
            groups(&s, &COST_GROUPS).into_iter().find_map(|g| g.fold).unwrap()
        };
        assert_eq!(line(""), "Application Load Balancer, NAT gateways, Public IPv4 addresses, Data transfer out: none included");
        assert!(line("alb=1&nat=1").ends_with(": 2 of 4 included"));
        assert_eq!(groups(&State::default(), &COST_GROUPS).iter().filter(|g| g.fold.is_some()).count(), 1);
    }

    #[test]
    fn the_changed_inputs_are_listed_in_words() {
        let (s, _) = parse_query("gpu=1&ops=minimal&tasks=6");
        let all: Vec<GroupView> = groups(&s, &DECISION_GROUPS).into_iter().chain(groups(&s, &COST_GROUPS)).collect();
        let got = changed(&all);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got.iter().any(|(l, v)| *l == Key::Gpu.param().label && v == "yes"));
        assert!(got.iter().any(|(l, v)| *l == Key::Ops.param().label && !v.is_empty() && v != "minimal"));
        assert!(changed(&groups(&State::default(), &DECISION_GROUPS)).is_empty());
    }

    #[test]
    fn sliders_pin_values_beyond_their_range() {
        let (s, _) = parse_query("rps=5000&gpu=1&lock=gpu");
        let c = control(&s, Key::Rps);
        let ControlKind::Number { value, slider: Some((_, max, _, at)), .. } = c.kind else { panic!() };
        assert_eq!(value, "5000");
        assert_eq!(max, "1000");
        assert_eq!(at, "1000");
        assert!(control(&s, Key::Gpu).locked);
    }
}
