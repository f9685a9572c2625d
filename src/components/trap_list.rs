//! Traps: the tempting wrong answers, and why they are wrong here.

use berth_core::view::cards::TrapView;
use yew::prelude::*;

use super::source_link::source_link;

/// The usual heading of a list of traps.
pub const TRAPS_TITLE: &str = "Traps this avoids";

/// A list of traps under a heading (a plain function: see [`super::source_link::source_link`]).
pub fn trap_list(traps: &[TrapView], title: &'static str) -> Html {
    if traps.is_empty() {
        return html! {};
    }
    html! {
        <div class="traps">
            <h4 class="traps__title">{ title }</h4>
            <ul class="traps__list">
                { for traps.iter().map(|t| html! {
                    <li class="trap" data-testid="trap" data-trap={t.id}>
                        <strong class="trap__title">{ t.title }</strong>
                        <p class="trap__text">{ t.text }</p>
                        { source_link(&t.source) }
                    </li>
                }) }
            </ul>
        </div>
    }
}
