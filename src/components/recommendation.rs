//! The recommendation: the top pick with capacity, deployment and extras, why, the traps it avoids,
//! what would change it, and the exam answer beside today's advice.

use std::rc::Rc;

use berth_core::params::{Advice, Key};
use berth_core::state::Val;
use berth_core::view::RecView;
use yew::prelude::*;

use super::change_list::ChangeList;
use super::diff_list::DiffList;
use super::trap_list::TrapList;
use crate::store::{Action, Dispatch};

/// Props of [`Recommendation`].
#[derive(Properties, PartialEq)]
pub struct RecommendationProps {
    /// The recommendation.
    pub rec: Rc<RecView>,
}

/// The recommendation panel (`[data-testid="recommendation"]`).
#[component]
pub fn Recommendation(props: &RecommendationProps) -> Html {
    let dispatch = use_context::<Dispatch>().expect("dispatch context");
    let r = &props.rec;
    let advice_button = |a: Advice, label: &'static str| {
        let d = dispatch.clone();
        let pressed = (a == Advice::Exam) == (r.advice_label == "Exam answer key");
        let onclick = Callback::from(move |_| d.dispatch(Action::Set(Key::Advice, Val::Choice(a as usize))));
        html! {
            <button type="button" class={classes!("seg", pressed.then_some("seg--on"))}
                aria-pressed={pressed.to_string()} {onclick}>{ label }</button>
        }
    };
    let hint = r.pricing_hint.clone().map(|h| {
        let d = dispatch.clone();
        let set = h.set.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            for (k, v) in &set {
                d.dispatch(Action::Set(*k, v.clone()));
            }
        });
        html! {
            <p class="rec__hint">
                <a href={format!("?{}", h.query)} {onclick} data-testid="pricing-hint">{ h.text }</a>
                { format!(" ({})", h.result) }
            </p>
        }
    });
    html! {
        <section class="panel rec" aria-labelledby="rec-title" data-testid="recommendation"
            data-platform={r.platform} data-capacity={r.capacity} data-deploy={r.deploy} data-extras={r.extras.clone()}>
            <div class="rec__top">
                <h2 id="rec-title" class="rec__label">{ "Recommendation" }</h2>
                <div class="segmented" role="group" aria-label="Answer for">
                    { advice_button(Advice::Exam, "Exam answer") }
                    { advice_button(Advice::Current, "Today's advice") }
                </div>
            </div>
            <p class="rec__headline" id="rec-headline" data-testid="rec-headline">{ &r.headline }</p>
            <p class="rec__advice">{ r.advice_label }</p>
            if let Some(none) = &r.none_fits {
                <p class="rec__none" role="note">{ none }</p>
            }
            if !r.cost.headline.is_empty() {
                <p class="rec__cost">
                    <strong>{ &r.cost.headline }</strong>
                    if !r.cost.sub.is_empty() { <span class="rec__cost-sub">{ format!(" ({})", r.cost.sub) }</span> }
                    if let Some(p) = &r.cost.problem { <span class="rec__cost-sub">{ format!(" {p}") }</span> }
                </p>
            }
            { for hint }
            <div class="rec__body">
                <div class="rec__why">
                    <h3 class="rec__h">{ "Why" }</h3>
                    <ul>{ for r.reasons.iter().map(|x| html! { <li>{ x }</li> }) }</ul>
                    if !r.plan_lines.is_empty() {
                        <h3 class="rec__h">{ "How to run it" }</h3>
                        <ul class="plan">{ for r.plan_lines.iter().map(|x| html! { <li>{ x }</li> }) }</ul>
                    }
                </div>
                <div class="rec__side">
                    <TrapList traps={r.traps.clone()} />
                    <ChangeList changes={r.flips.clone()} title="What would change the answer" />
                </div>
            </div>
            <DiffList diffs={r.diffs.clone()} />
        </section>
    }
}
