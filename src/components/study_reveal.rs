//! The reveal button of a study scenario (and, once revealed, a way to answer it again).

use berth_core::model::Action;
use yew::prelude::*;

use crate::app::Dispatch;

/// "Reveal the answer" (enabled when `can_reveal`: a choice is picked and not yet revealed), or
/// "Answer again" once `revealed`. A plain function rather than a component (see [`super::source_link::source_link`]); `dispatch`
/// sends the actions.
pub fn study_reveal(dispatch: &Dispatch, can_reveal: bool, revealed: bool) -> Html {
    let dispatch = dispatch.clone();
    if revealed {
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
            <button type="button" class="button" data-testid="study-reveal" disabled={!can_reveal} {onclick}>
                { "Reveal the answer" }
            </button>
            if !can_reveal {
                <span class="study-q__hint">{ " Pick an answer first." }</span>
            }
        </p>
    }
}
