//! A source: a link when it is public, its title otherwise.

use berth_core::view::cards::SourceView;
use yew::prelude::*;

/// "Source: <title>", linked when it has an address. Links leave the page only when clicked.
///
/// A plain function rather than a component: it has no state, and each component costs about a
/// kilobyte of wasm in Yew's generic machinery.
pub fn source_link(s: &SourceView) -> Html {
    if s.title.is_empty() {
        return html! {};
    }
    html! {
        <span class="source">
            { "Source: " }
            if s.url.is_empty() {
                <cite>{ &s.title }</cite>
            } else {
                <a href={s.url.clone()} rel="noopener noreferrer" target="_blank"><cite>{ &s.title }</cite></a>
            }
        </span>
    }
}
