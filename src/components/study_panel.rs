//! Study mode (`mode=study`): one exam-style scenario at a time, with navigation, the score and,
//! once revealed, the engine's verdict.

use std::rc::Rc;

use berth_core::model::Action;
use berth_core::params::{Advice, Key};
use berth_core::state::Val;
use berth_core::view::StudyView;
use yew::prelude::*;

use super::study_nav::study_nav;
use super::study_question::StudyQuestion;
use super::study_verdict::study_verdict;
use crate::app::Dispatch;

/// The study root (`[data-testid="study"]`); `embed`: embedded in a lesson (links to the full
/// playground open in a new tab). A plain function rather than a component (see [`super::source_link::source_link`]); `dispatch`
/// sends the actions.
pub fn study_panel(dispatch: &Dispatch, v: &Rc<StudyView>, embed: bool) -> Html {
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
    let target = embed.then_some("_blank");
    html! {
        <section class="panel study" aria-labelledby="study-title" data-testid="study" data-scenario={v.id}>
            <div class="study__top">
                <h2 id="study-title" class="study__label">{ "Study" }</h2>
                <p class="study__score" data-testid="study-score"
                    data-answered={v.answered.to_string()} data-correct={v.correct.to_string()}>
                    { format!("{} of {} answered, {} right", v.answered, v.total, v.correct) }
                </p>
                <div class="segmented" role="group" aria-label="Judge answers by">
                    { advice_button(Advice::Exam, "Exam answer") }
                    { advice_button(Advice::Current, "Today's advice") }
                </div>
                <button type="button" class="button button--quiet" onclick={reset}>{ "Reset progress" }</button>
            </div>
            if let Some(m) = &v.missing {
                <p class="study__missing" role="status">{ m }</p>
            }
            { study_nav(dispatch, v) }
            <article class="study__scenario" aria-labelledby="study-q-title">
                <p class="study__count">{ format!("Scenario {} of {}", v.number, v.total) }</p>
                <h3 id="study-q-title" class="study__title">{ v.title }</h3>
                <p class="study__text">{ v.text }</p>
                <StudyQuestion study={v.clone()} />
                if let Some(verdict) = &v.verdict {
                    { study_verdict(verdict, embed) }
                }
                <p class="study__explore">
                    <a href={crate::web::url_with(&v.explore_query)} target={target}>{ "Explore this scenario in the playground" }</a>
                </p>
            </article>
        </section>
    }
}
