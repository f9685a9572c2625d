//! The answer choices of a study scenario: a radio group in a real fieldset, operable by keyboard.

use std::rc::Rc;

use berth_core::view::StudyView;
use yew::prelude::*;

use super::study_reveal::StudyReveal;
use crate::store::{Action, Dispatch};

/// Props of [`StudyQuestion`].
#[derive(Properties, PartialEq)]
pub struct StudyQuestionProps {
    /// The study view.
    pub study: Rc<StudyView>,
}

/// The choices and the reveal button.
#[component]
pub fn StudyQuestion(props: &StudyQuestionProps) -> Html {
    let dispatch = use_context::<Dispatch>().expect("dispatch context");
    let v = &props.study;
    let revealed = v.verdict.is_some();
    let name = format!("study-{}", v.id);
    html! {
        <form class="study-q" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <fieldset class="study-q__choices" disabled={revealed}>
                <legend class="study-q__legend">{ "Which option fits best?" }</legend>
                { for v.choices.iter().map(|c| {
                    let d = dispatch.clone();
                    let p = c.platform;
                    let onchange = Callback::from(move |_| d.dispatch(Action::StudyPick(p)));
                    let id = format!("study-choice-{}", c.id);
                    html! {
                        <div class={classes!("study-q__choice", c.checked.then_some("study-q__choice--on"))}>
                            <input type="radio" id={id.clone()} name={name.clone()} value={c.id}
                                checked={c.checked} {onchange} data-testid="study-choice" data-platform={c.id} />
                            <label for={id}>{ c.name }</label>
                        </div>
                    }
                }) }
            </fieldset>
            <StudyReveal can_reveal={v.can_reveal} revealed={revealed} />
        </form>
    }
}
