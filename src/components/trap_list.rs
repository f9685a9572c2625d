//! Traps: the tempting wrong answers, and why they are wrong here.

use berth_core::view::cards::TrapView;
use yew::prelude::*;

use super::source_link::SourceLink;

/// Props of [`TrapList`].
#[derive(Properties, PartialEq)]
pub struct TrapListProps {
    /// The traps.
    pub traps: Vec<TrapView>,
    /// Heading.
    #[prop_or("Traps this avoids")]
    pub title: &'static str,
}

/// A list of traps.
#[component]
pub fn TrapList(props: &TrapListProps) -> Html {
    if props.traps.is_empty() {
        return html! {};
    }
    html! {
        <div class="traps">
            <h4 class="traps__title">{ props.title }</h4>
            <ul class="traps__list">
                { for props.traps.iter().map(|t| html! {
                    <li class="trap" data-testid="trap" data-trap={t.id}>
                        <strong class="trap__title">{ t.title }</strong>
                        <p class="trap__text">{ t.text }</p>
                        <SourceLink source={t.source.clone()} />
                    </li>
                }) }
            </ul>
        </div>
    }
}
