//! The verdict on a revealed study answer: right or not, the engine's answer with its reasons, the
//! trap, what would change the answer and, where they differ, the exam key beside today's advice.

use std::rc::Rc;

use berth_core::view::study::VerdictView;
use yew::prelude::*;

use super::diff_list::DiffList;
use super::trap_list::TrapList;

/// Props of [`StudyVerdict`].
#[derive(Properties, PartialEq)]
pub struct StudyVerdictProps {
    /// The verdict.
    pub verdict: Rc<VerdictView>,
    /// Embedded in a lesson (links open in a new tab).
    #[prop_or(false)]
    pub embed: bool,
}

/// The verdict panel (`[data-testid="study-verdict"]`).
#[component]
pub fn StudyVerdict(props: &StudyVerdictProps) -> Html {
    let v = &props.verdict;
    let target = props.embed.then_some("_blank");
    let class = classes!("study-verdict", if v.correct { "study-verdict--right" } else { "study-verdict--wrong" });
    html! {
        <div class={class} role="status" data-testid="study-verdict"
            data-expected={v.expected} data-correct={v.correct.to_string()} data-advice={v.advice}>
            <p class="study-verdict__result">
                <strong>{ if v.correct { "Right." } else { "Not this time." } }</strong>
                { format!(" You chose {}. Under {}, the engine answers {}.", v.chosen_name, v.advice_label, v.expected_name) }
            </p>
            if let Some(scored) = &v.scored {
                <p class="study-verdict__scored" data-testid="study-scored">{ scored }</p>
            }
            if let Some(other) = &v.other {
                <p class="study-verdict__other">{ other }</p>
            }
            <p class="study-verdict__headline">{ &v.headline }</p>
            if !v.reasons.is_empty() {
                <h4 class="study-verdict__title">{ "Why" }</h4>
                <ol class="study-verdict__reasons">{ for v.reasons.iter().map(|r| html! { <li>{ r }</li> }) }</ol>
            }
            if !v.plan_lines.is_empty() {
                <ul class="study-verdict__plan">{ for v.plan_lines.iter().map(|l| html! { <li>{ l }</li> }) }</ul>
            }
            <TrapList traps={v.traps.clone()} title="The trap" />
            if !v.flips.is_empty() {
                <div class="changes">
                    <h4 class="changes__title">{ "What would change the answer" }</h4>
                    <ul class="changes__list">
                        { for v.flips.iter().map(|l| html! {
                            <li class="change">
                                <a href={crate::web::url_with(&l.query)} target={target}>{ &l.text }</a>
                                <span class="change__result">{ " " }{ &l.result }</span>
                            </li>
                        }) }
                    </ul>
                </div>
            }
            <DiffList diffs={v.diffs.clone()} />
            if let Some(note) = &v.note {
                <div class="study-verdict__note">
                    <h4 class="study-verdict__title">{ "The author's note" }</h4>
                    <p>{ note }</p>
                </div>
            }
        </div>
    }
}
