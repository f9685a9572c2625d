//! The recommendation panel: the pick in one line, why, how to run it, traps avoided, what would
//! change the answer and the pick's cost (with a link to price it as advised).

use crate::decision::explain::{also_viable, ALSO_VIABLE};
use crate::decision::{Explanation, Status};
use crate::params::{Key, Pricing};
use crate::platform::Platform;
use crate::state::{State, Val};
use crate::url::to_query;

use super::bill::{cost_view, CostView};
use super::costs::{shown_status, Costs};
use super::parts::{diff_view, links, trap_view, DiffView, LinkView, TrapView};

/// The recommendation panel.
#[derive(Debug, Clone, PartialEq)]
pub struct RecView {
    /// `data-platform` (empty when nothing fits).
    pub platform: &'static str,
    /// `data-capacity` (empty when not applicable).
    pub capacity: &'static str,
    /// `data-deploy` (empty when not applicable).
    pub deploy: &'static str,
    /// `data-extras`.
    pub extras: String,
    /// The answer in one line.
    pub headline: String,
    /// "Exam answer key" or "Today's AWS advice".
    pub advice_label: &'static str,
    /// Why, step by step.
    pub reasons: Vec<String>,
    /// How to run it.
    pub plan_lines: Vec<String>,
    /// Traps avoided.
    pub traps: Vec<TrapView>,
    /// What would change the answer.
    pub flips: Vec<LinkView>,
    /// Exam key versus today.
    pub diffs: Vec<DiffView>,
    /// Set when nothing fits.
    pub none_fits: Option<String>,
    /// Cost of the pick.
    pub cost: CostView,
    /// When the advised capacity differs from the pricing the costs use: a link to price it so.
    pub pricing_hint: Option<LinkView>,
}


/// The recommendation panel.
pub fn recommendation(state: &State, e: &Explanation, costs: &Costs) -> RecView {
    let d = &e.decision;
    let plan = d.top_plan();
    let cost = match d.top {
        Some(p) => cost_view(p, costs),
        None => CostView {
            monthly_usd: String::new(),
            compute_usd: String::new(),
            headline: String::new(),
            sub: String::new(),
            problem: None,
            rank: None,
            pricing: String::new(),
            lines: Vec::new(),
            notes: Vec::new(),
        },
    };
    let pricing_hint = plan.and_then(|pl| {
        let want = match pl.capacity? {
            crate::decision::plan::Capacity::SavingsPlan => Pricing::Savings1y,
            crate::decision::plan::Capacity::Spot | crate::decision::plan::Capacity::FargateSpot => Pricing::Spot,
            crate::decision::plan::Capacity::OnDemand => Pricing::OnDemand,
        };
        let have = state.pricing();
        let same = have == want || (want == Pricing::Savings1y && have == Pricing::Savings3y);
        (!same).then(|| {
            let mut s = state.clone();
            let _ = s.set(Key::Pricing, Val::Choice(want as usize));
            LinkView {
                text: format!("Price it as advised ({})", want.label()),
                result: format!("costs are shown {}", have.label().to_ascii_lowercase()),
                query: to_query(&s),
                set: vec![(Key::Pricing, Val::Choice(want as usize))],
            }
        })
    });
    RecView {
        platform: d.top.map(Platform::id).unwrap_or(""),
        capacity: plan.and_then(|p| p.capacity).map(|c| c.id()).unwrap_or(""),
        deploy: plan.and_then(|p| p.deploy).map(|c| c.id()).unwrap_or(""),
        extras: plan.map(|p| p.extras.ids()).unwrap_or_default(),
        headline: e.headline.clone(),
        advice_label: match d.facts.advice {
            crate::params::Advice::Exam => "Exam answer key",
            crate::params::Advice::Current => "Today's AWS advice",
        },
        reasons: e
            .reasons
            .iter()
            .filter_map(|r| {
                if !r.starts_with(ALSO_VIABLE) {
                    return Some(r.clone());
                }
                // The same list without the options whose task cannot run as set up.
                let rest: Vec<&str> = d
                    .viable
                    .iter()
                    .filter(|p| Some(*p) != d.top && shown_status(*p, d.status(*p), costs) == Status::Viable)
                    .map(Platform::name)
                    .collect();
                (!rest.is_empty()).then(|| also_viable(&rest))
            })
            .collect(),
        plan_lines: d.top.map(|p| e.cards[p.index()].plan_lines.clone()).unwrap_or_default(),
        traps: e.traps.iter().map(|t| trap_view(t)).collect(),
        flips: links(state, &e.flips),
        diffs: e.diffs.iter().map(diff_view).collect(),
        none_fits: e.none_fits.clone(),
        cost,
        pricing_hint,
    }
}
