//! The reveal button of a study scenario (and, once revealed, a way to answer it again).

use yew::prelude::*;

use crate::store::{Action, Dispatch};

/// Props of [`StudyReveal`].
#[derive(Properties, PartialEq)]
pub struct StudyRevealProps {
    /// A choice is picked and not yet revealed.
    pub can_reveal: bool,
    /// The answer is revealed.
    pub revealed: bool,
}

/// "Reveal the answer", or "Answer again" after the reveal.
#[component]
pub fn StudyReveal(props: &StudyRevealProps) -> Html {
    let dispatch = use_context::<Dispatch>().expect("dispatch context");
    if props.revealed {
        let onclick = Callback::from(move |_| dispatch.dispatch(Action::StudyRetry));
        return html! {
            <p class="study-q__actions">
                <button type="button" class="button button--quiet" {onclick}>{ "Answer this one again" }</button>
            </p>
        };
    }
    let onclick = Callback::from(move |_| dispatch.dispatch(Action::StudyReveal));
    html! {
        <p class="study-q__actions">
            <button type="button" class="button" data-testid="study-reveal" disabled={!props.can_reveal} {onclick}>
                { "Reveal the answer" }
            </button>
            if !props.can_reveal {
                <span class="study-q__hint">{ " Pick an answer first." }</span>
            }
        </p>
    }
}
