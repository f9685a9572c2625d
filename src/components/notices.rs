//! Notices about input that was ignored or changed, each dismissible.

use std::rc::Rc;

use berth_core::view::NoticeView;
use yew::prelude::*;

use crate::store::{Action, Dispatch};

/// Props of [`Notices`].
#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    /// The notices.
    pub notices: Rc<Vec<NoticeView>>,
}

/// The notice list (a polite live region, so changes are announced).
#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    let dispatch = use_context::<Dispatch>().expect("dispatch context");
    let all = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::DismissNotices))
    };
    html! {
        <div class="notices" aria-live="polite">
            if !props.notices.is_empty() {
                <ul class="notices__list">
                    { for props.notices.iter().map(|n| {
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
                if props.notices.len() > 1 {
                    <button type="button" class="button button--quiet" onclick={all}>{ "Dismiss all" }</button>
                }
            }
        </div>
    }
}
