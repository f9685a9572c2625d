//! The view model: exactly what the page shows, already worded and formatted.
//!
//! Components render these structs and send [`crate::model::Action`]s back; they do no arithmetic
//! and no formatting of money. Building the view is split by how often each part changes: the
//! decision's [`Explanation`] only when a decision input changes (the shell memoizes it), costs and
//! charts on every input change.

pub mod bill;
pub mod cards;
pub mod catalog;
pub mod charts;
pub mod commitments;
pub mod controls;
pub mod costs;
pub mod csv;
pub mod check;
pub mod parts;
pub mod recommendation;
pub mod study;
pub mod sweep;

use crate::chart::Axis;
use crate::decision::{decide, explain, Decision, Explanation, Facts};
use crate::model::Model;
use crate::params::{Key, Mode, PANEL_OPTS};
use crate::url::to_query;

pub use cards::{CardView, RecView};
pub use catalog::CatalogView;
pub use charts::ChartView;
pub use commitments::{CommitPlatform, CommitmentsView};
pub use controls::GroupView;
pub use check::CheckView;
pub use study::{Pending, StudyView};

/// A notice, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct NoticeView {
    /// Position in the model's list (for dismissing).
    pub index: usize,
    /// The key it is about (may be empty).
    pub key: String,
    /// The message.
    pub text: String,
}

/// Which panels are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panels(u128);

impl Panels {
    /// Whether panel `id` (one of `PANEL_OPTS`) is shown. With no `panels=` input every panel is.
    pub fn shows(self, id: &str) -> bool {
        self.0 == 0 || PANEL_OPTS.iter().position(|o| o.id == id).is_some_and(|i| self.0 & (1 << i) != 0)
    }
}

/// The whole page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Explore or study.
    pub mode: Mode,
    /// Compact view without page chrome.
    pub embed: bool,
    /// Panels shown.
    pub panels: Panels,
    /// Notices.
    pub notices: Vec<NoticeView>,
    /// The recommendation.
    pub recommendation: RecView,
    /// Option cards, ordered.
    pub cards: Vec<CardView>,
    /// Decision controls.
    pub decision_groups: Vec<GroupView>,
    /// Cost controls.
    pub cost_groups: Vec<GroupView>,
    /// Charts.
    pub charts: Vec<ChartView>,
    /// The canonical query string of the inputs.
    pub query: String,
    /// The inputs that differ from their defaults, in words, for the printout.
    pub changed_inputs: Vec<(&'static str, String)>,
    /// The query string for opening an embedded lesson in the full page (no embed, panels or locks).
    pub open_query: String,
    /// The pricing catalog's as-of date.
    pub catalog_as_of: &'static str,
    /// How many rates the user overrode.
    pub overrides: usize,
    /// The overrides in use came with the link (`rates=`), which already carries them.
    pub link_rates: bool,
    /// The query string with the overrides in use (`rates=`), for "Copy link with overrides"; empty
    /// when there are none or the link already carries them.
    pub query_with_rates: String,
    /// Commitments and Spot for the pick and the viable EC2 and Fargate options.
    pub commitments: CommitmentsView,
    /// The study view, in study mode.
    pub study: Option<Pending<StudyView>>,
    /// The author check view, in check mode.
    pub check: Option<Pending<CheckView>>,
}

/// The decision and its explanation for a model: the part worth memoizing on [`Facts`].
pub fn explanation(facts: &Facts) -> Explanation {
    explain(&decide(facts))
}

/// Builds the page from the model and a (memoized) explanation of the model's facts.
pub fn page(m: &Model, e: &Explanation) -> Page {
    let s = &m.state;
    let d: &Decision = &e.decision;
    let costs = costs::costs(s, d, &m.overrides);
    // Study mode shows only the study view: the charts (three exact crossover sweeps) wait.
    let explore = s.mode() == Mode::Explore;
    let decision_groups = controls::groups(s, &controls::DECISION_GROUPS);
    let mut cost_groups = controls::groups(s, &controls::COST_GROUPS);
    if let Some(note) = costs::priced_instance_note(s, &costs) {
        if let Some(c) = cost_groups.iter_mut().flat_map(|g| g.controls.iter_mut()).find(|c| c.key == Key::Instance) {
            c.note = note;
        }
    }
    let changed_inputs = controls::changed(decision_groups.iter().chain(&cost_groups));
    Page {
        mode: s.mode(),
        embed: s.flag(Key::Embed),
        panels: Panels(s.bits(Key::Panels)),
        notices: m
            .notices
            .iter()
            .enumerate()
            .map(|(index, n)| NoticeView { index, key: n.key.clone(), text: n.text.clone() })
            .collect(),
        recommendation: cards::recommendation(s, e, &costs),
        cards: cards::cards(s, e, &costs),
        decision_groups,
        cost_groups,
        charts: if explore {
            Axis::ALL
                .into_iter()
                .zip(m.chart_width)
                .map(|(a, w)| charts::chart_held(a, s, d, &costs, charts::size_for(m.narrow, w), m.hold.filter(|h| h.0 == a).map(|h| h.1)))
                .collect()
        } else {
            Vec::new()
        },
        query: to_query(s),
        changed_inputs,
        open_query: {
            let mut open = s.clone();
            for k in [Key::Embed, Key::Panels, Key::Lock] {
                open.reset(k);
            }
            to_query(&open)
        },
        catalog_as_of: crate::catalog::CATALOG_AS_OF,
        overrides: m.overrides.len(),
        link_rates: m.link_rates,
        query_with_rates: if m.link_rates || m.overrides.is_empty() {
            String::new()
        } else {
            let mut with = s.clone();
            let _ = with.set(Key::Rates, crate::state::Val::Token(crate::catalog::overrides_link::encode(&m.overrides)));
            to_query(&with)
        },
        commitments: commitments::view(d, &costs, s.num(Key::Util), s.num(Key::SpotOverhead)),
        study: (s.mode() == Mode::Study).then(|| study::view(m)),
        check: (s.mode() == Mode::Check).then(|| check::view(m)),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::decision::Facts;
    use crate::model::update;

    /// The page for a query string, as the shell would build it (shared by the view tests).
    pub(crate) fn page_for(q: &str) -> Page {
        let m = Model::from_query(q);
        page(&m, &explanation(&Facts::from_state(&m.state)))
    }

    #[test]
    fn a_service_not_offered_in_the_region_says_so_on_its_card() {
        let p = page_for("region=us-west-1");
        let ar = p.cards.iter().find(|c| c.platform == "app-runner").unwrap();
        let why = ar.cost.problem.as_deref().unwrap_or_default();
        assert!(ar.cost.monthly_usd.is_empty(), "{ar:?}");
        assert!(why.starts_with("Not offered in US West (N. California): App Runner"), "{why}");
        assert!(!why.contains("Add your own price"), "{why}");
        // Elsewhere a missing figure is named, never filled from another Region.
        let p = page_for("region=sa-east-1");
        for c in p.cards.iter().filter(|c| c.status != "ruled-out") {
            assert!(!c.cost.monthly_usd.is_empty() || c.cost.problem.is_some(), "{}", c.platform);
        }
    }

    #[test]
    fn default_page_is_complete_and_finite() {
        let p = page_for("");
        assert_eq!(p.cards.len(), 10);
        assert_eq!(p.recommendation.platform, "ecs-fargate");
        assert_eq!(p.cards[0].status, "recommended");
        for c in &p.cards {
            if c.status != "ruled-out" {
                assert!(!c.cost.monthly_usd.is_empty() || c.cost.problem.is_some(), "{}", c.platform);
            }
            for v in [&c.cost.monthly_usd, &c.cost.compute_usd] {
                assert!(!v.contains("NaN") && !v.contains("inf") && !v.starts_with('-'), "{}: {v}", c.platform);
            }
        }
        assert_eq!(p.charts.len(), 3);
        assert!(p.charts.iter().all(|c| !c.legend.is_empty()));
    }

    #[test]
    fn gpu_least_ops_page() {
        let p = page_for("gpu=1&ops=minimal");
        assert_eq!(p.recommendation.platform, "ecs-ec2");
        let ec2 = p.cards.iter().find(|c| c.platform == "ecs-ec2").unwrap();
        assert!(!ec2.cost.monthly_usd.is_empty(), "{:?}", ec2.cost.problem);
        assert!(ec2.cost.notes.iter().any(|n| n.contains("no GPU")));
        let fargate = p.cards.iter().find(|c| c.platform == "ecs-fargate").unwrap();
        assert_eq!(fargate.status, "ruled-out");
        assert!(fargate.rules.iter().any(|r| r.id == "gpu-needs-ec2"));
        assert!(p.recommendation.traps.iter().any(|t| t.id == "least-ops-but-host-needs"));
    }

    #[test]
    fn viable_cards_are_ranked_by_cost() {
        let p = page_for("util=90&steady=1");
        let viable: Vec<f64> = p
            .cards
            .iter()
            .filter(|c| c.status == "viable" && !c.cost.monthly_usd.is_empty())
            .map(|c| c.cost.monthly_usd.parse().unwrap())
            .collect();
        assert!(viable.windows(2).all(|w| w[0] <= w[1]), "{viable:?}");
    }

    #[test]
    fn a_narrow_page_draws_narrow_charts_with_the_same_crossovers() {
        let wide = page_for("");
        let mut m = Model::from_query("");
        update(&mut m, crate::model::Action::SetNarrow(true));
        let narrow = page(&m, &explanation(&Facts::from_state(&m.state)));
        for (w, n) in wide.charts.iter().zip(&narrow.charts) {
            assert_eq!((w.geometry.width, n.geometry.width), (charts::WIDE.width, charts::NARROW.width));
            assert!(n.geometry.x_ticks.len() >= 2 && n.geometry.x_ticks.len() <= w.geometry.x_ticks.len());
            let at = |c: &ChartView| c.crossovers.iter().map(|x| (x.a.clone(), x.b.clone(), x.at.clone())).collect::<Vec<_>>();
            assert_eq!(at(w), at(n), "{}", w.id);
        }
        assert_eq!(wide.cards, narrow.cards);
    }

    #[test]
    fn study_mode_skips_the_charts() {
        assert!(page_for("mode=study").charts.is_empty());
        assert!(page_for("mode=study").study.is_some());
        assert_eq!(page_for("mode=explore").charts.len(), 3);
    }

    #[test]
    fn panels_default_to_all() {
        assert!(Panels(0).shows("cards"));
        let p = page_for("embed=1&panels=cards,chart-util");
        assert!(p.embed);
        assert!(p.panels.shows("cards") && p.panels.shows("chart-util"));
        assert!(!p.panels.shows("inputs"));
        let rec = page_for("embed=1&panels=rec");
        assert!(rec.panels.shows("rec") && !rec.panels.shows("cards"));
        // An older link's panels keep their meaning.
        assert!(!p.panels.shows("rec"));
    }

    #[test]
    fn a_dragged_chart_keeps_its_window_while_its_input_stays_inside() {
        use crate::model::Action;
        use crate::state::Val;
        let mut m = Model::from_query("tasks=20");
        let view = |m: &Model| page(m, &explanation(&Facts::from_state(&m.state)));
        let before = view(&m).charts.into_iter().find(|c| c.axis == Axis::Tasks).unwrap();
        assert_eq!(before.span, (1.0, 40.0));
        let (x, grid) = (before.geometry.x.map(35.0), before.grid);
        assert_eq!(before.geometry.value_under(x, grid), 35.0);
        update(&mut m, Action::HoldChart(Some((Axis::Tasks, before.span))));
        update(&mut m, Action::Set(Key::Tasks, Val::Num(35.0)));
        let held = view(&m).charts.into_iter().find(|c| c.axis == Axis::Tasks).unwrap();
        // The same pixel still reads 35 tasks, and the marker is under the pointer.
        assert_eq!((held.span, held.current), ((1.0, 40.0), 35.0));
        assert_eq!(held.geometry.x, before.geometry.x);
        assert_eq!(held.geometry.value_under(x, grid), 35.0);
        // Let go, the window stays while the input is inside it: the axis does not jump.
        update(&mut m, Action::Set(Key::Util, Val::Num(60.0)));
        assert_eq!(view(&m).charts.into_iter().find(|c| c.axis == Axis::Tasks).unwrap().span, (1.0, 40.0));
        // The slider taking the input outside it lets the window follow again.
        update(&mut m, Action::Set(Key::Tasks, Val::Num(50.0)));
        assert_eq!(m.hold, None);
        assert_eq!(view(&m).charts.into_iter().find(|c| c.axis == Axis::Tasks).unwrap().span, (1.0, 100.0));
        update(&mut m, Action::HoldChart(Some((Axis::Tasks, (1.0, 100.0)))));
        update(&mut m, Action::Set(Key::Tasks, Val::Num(35.0)));
        update(&mut m, Action::HoldChart(None));
        let after = view(&m).charts.into_iter().find(|c| c.axis == Axis::Tasks).unwrap();
        assert_eq!(after.span, (1.0, 70.0));
        // Locks reach the chart.
        let locked = page_for("lock=util").charts.into_iter().find(|c| c.axis == Axis::Util).unwrap();
        assert!(locked.locked && !before.locked);
    }
}
