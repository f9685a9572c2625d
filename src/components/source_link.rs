//! A source: a link when it is public, its title otherwise.

use berth_core::view::cards::SourceView;
use yew::prelude::*;

/// Props of [`SourceLink`].
#[derive(Properties, PartialEq)]
pub struct SourceLinkProps {
    /// The source.
    pub source: SourceView,
}

/// "Source: <title>", linked when it has an address. Links leave the page only when clicked.
#[component]
pub fn SourceLink(props: &SourceLinkProps) -> Html {
    let s = &props.source;
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
