//! "What would change the answer": links that apply the smallest changes of inputs.

use berth_core::view::cards::LinkView;
use yew::prelude::*;

use crate::store::{Action, Dispatch};

/// Props of [`ChangeList`].
#[derive(Properties, PartialEq)]
pub struct ChangeListProps {
    /// The changes.
    pub changes: Vec<LinkView>,
    /// Heading.
    pub title: &'static str,
    /// How many to show before "more".
    #[prop_or(4)]
    pub show: usize,
}

/// A list of changes; each is a real link (it can open in a new tab) that applies in place.
#[component]
pub fn ChangeList(props: &ChangeListProps) -> Html {
    let dispatch = use_context::<Dispatch>().expect("dispatch context");
    if props.changes.is_empty() {
        return html! {};
    }
    let item = |l: &LinkView| {
        let d = dispatch.clone();
        let set = l.set.clone();
        let query = l.query.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
                return;
            }
            e.prevent_default();
            // A new history entry: Back returns to the scenario before the change.
            crate::web::push_query(&query);
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
    let (first, rest) = props.changes.split_at(props.show.min(props.changes.len()));
    html! {
        <div class="changes">
            <h4 class="changes__title">{ props.title }</h4>
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
