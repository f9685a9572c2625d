//! Study mode (`mode=study`): one exam-style scenario at a time, with navigation, the score and,
//! once revealed, the engine's verdict.

use std::rc::Rc;

use berth_core::params::{Advice, Key};
use berth_core::state::Val;
use berth_core::view::StudyView;
use yew::prelude::*;

use super::study_nav::StudyNav;
use super::study_question::StudyQuestion;
use super::study_verdict::StudyVerdict;
use crate::store::{Action, Dispatch};

/// Props of [`StudyPanel`].
#[derive(Properties, PartialEq)]
pub struct StudyPanelProps {
    /// The study view.
    pub study: Rc<StudyView>,
    /// Embedded in a lesson (links to the full playground open in a new tab).
    #[prop_or(false)]
    pub embed: bool,
}

/// The study root (`[data-testid="study"]`).
#[component]
pub fn StudyPanel(props: &StudyPanelProps) -> Html {
    let dispatch = use_context::<Dispatch>().expect("dispatch context");
    let v = &props.study;
    let advice_button = |a: Advice, label: &'static str| {
        let d = dispatch.clone();
        let pressed = v.advice == a.id();
        let onclick = Callback::from(move |_| d.dispatch(Action::Set(Key::Advice, Val::Choice(a as usize))));
        html! {
            <button type="button" class={classes!("seg", pressed.then_some("seg--on"))}
                aria-pressed={pressed.to_string()} {onclick}>{ label }</button>
        }
    };
    let reset = {
        let d = dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::StudyResetProgress))
    };
    let undo = {
        let d = dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::StudyUndoReset))
    };
    let target = props.embed.then_some("_blank");
    html! {
        <section class="panel study" aria-labelledby="study-title" data-testid="study" data-scenario={v.id.clone()} data-pack={v.pack_title.clone()}>
            <div class="study__top">
                <h2 id="study-title" class="study__label">{ "Study" }</h2>
                if !v.builtin {
                    <p class="study__pack">{ &v.pack_title }</p>
                }
                <p class="study__score" data-testid="study-score"
                    data-answered={v.answered.to_string()} data-correct={v.correct.to_string()}>
                    { format!("{} of {} answered, {} right", v.answered, v.total, v.correct) }
                </p>
                <div class="segmented" role="group" aria-label="Judge answers by">
                    { advice_button(Advice::Exam, "Exam answer") }
                    { advice_button(Advice::Current, "Today's advice") }
                </div>
                if v.can_undo_reset {
                    <button type="button" class="button" data-testid="study-undo-reset" onclick={undo}>{ "Undo reset" }</button>
                } else {
                    <button type="button" class="button button--quiet" data-testid="study-reset" onclick={reset}>{ "Reset progress" }</button>
                }
            </div>
            if let Some(m) = &v.missing {
                <p class="study__missing" role="status">{ m }</p>
            }
            <StudyNav study={v.clone()} />
            <article class="study__scenario" aria-labelledby="study-q-title">
                <p class="study__count">{ format!("Scenario {} of {}", v.number, v.total) }</p>
                <h3 id="study-q-title" class="study__title">{ &v.title }</h3>
                if !v.text.is_empty() {
                    <p class="study__text">{ &v.text }</p>
                }
                <StudyQuestion study={v.clone()} />
                if let Some(verdict) = &v.verdict {
                    <StudyVerdict verdict={Rc::new(verdict.clone())} embed={props.embed} />
                }
                <p class="study__explore">
                    <a href={crate::web::url_with(&v.explore_query)} target={target}>{ "Explore this scenario in the playground" }</a>
                </p>
            </article>
        </section>
    }
}
