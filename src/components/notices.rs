//! Notices about input that was ignored or changed, each dismissible.

use berth_core::model::Action;
use berth_core::view::NoticeView;
use yew::prelude::*;

use crate::app::Dispatch;

/// The notice list (a polite live region, so changes are announced). A plain function rather than a component (see [`super::source_link::source_link`]); `dispatch`
/// sends the actions.
pub fn notices(dispatch: &Dispatch, notices: &[NoticeView]) -> Html {
    let all = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::DismissNotices))
    };
    html! {
        <div class="notices" aria-live="polite">
            if !notices.is_empty() {
                <ul class="notices__list">
                    { for notices.iter().map(|n| {
                        let i = n.index;
                        let d = dispatch.clone();
                        let close = Callback::from(move |_| d.dispatch(Action::DismissNotice(i)));
                        html! {
                            <li class="notice" data-testid="notice" data-key={n.key.clone()}>
                                <span class="notice__text">{ &n.text }</span>
                                <button type="button" class="notice__close" onclick={close}
                                    aria-label="Dismiss this notice">{ "×" }</button>
                            </li>
                        }
                    }) }
                </ul>
                if notices.len() > 1 {
                    <button type="button" class="button button--quiet" onclick={all}>{ "Dismiss all" }</button>
                }
            }
        </div>
    }
}
