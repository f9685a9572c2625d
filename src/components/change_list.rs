//! "What would change the answer": links that apply the smallest changes of inputs.

use berth_core::model::Action;
use berth_core::view::cards::LinkView;
use yew::prelude::*;

use crate::app::Dispatch;

/// How many changes show before "more".
const SHOW: usize = 4;

/// A list of changes under a heading; each is a real link (it can open in a new tab) that applies
/// in place. A plain function rather than a component (see [`super::source_link::source_link`]);
/// `dispatch` sends the actions.
pub fn change_list(dispatch: &Dispatch, changes: &[LinkView], title: &'static str) -> Html {
    if changes.is_empty() {
        return html! {};
    }
    let item = |l: &LinkView| {
        let d = dispatch.clone();
        let set = l.set.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
                return;
            }
            e.prevent_default();
            for (k, v) in &set {
                d.dispatch(Action::Set(*k, v.clone()));
            }
        });
        html! {
            <li class="change" data-testid="change">
                <a href={format!("?{}", l.query)} {onclick}>{ &l.text }</a>
                <span class="change__result">{ " " }{ &l.result }</span>
            </li>
        }
    };
    let (first, rest) = changes.split_at(SHOW.min(changes.len()));
    html! {
        <div class="changes">
            <h4 class="changes__title">{ title }</h4>
            <ul class="changes__list">{ for first.iter().map(item) }</ul>
            if !rest.is_empty() {
                <details class="changes__more">
                    <summary>{ format!("{} more", rest.len()) }</summary>
                    <ul class="changes__list">{ for rest.iter().map(item) }</ul>
                </details>
            }
        </div>
    }
}
