//! The answer bar: on a one-column page the inputs come first and the recommendation far below
//! them, so a bar pinned to the bottom of the screen keeps the current answer and its monthly cost
//! in sight while the inputs change, and jumps to the recommendation when followed.

use yew::prelude::*;

/// Props of [`AnswerBar`].
#[derive(Properties, PartialEq)]
pub struct AnswerBarProps {
    /// The recommendation's one-line answer.
    pub headline: AttrValue,
    /// Its monthly cost in words (may be empty when it cannot be priced).
    pub cost: AttrValue,
}

/// The bar (`[data-testid="answer-bar"]`; shown only when the layout is one column).
#[component]
pub fn AnswerBar(props: &AnswerBarProps) -> Html {
    html! {
        <a class="answer-bar" href="#rec-title" data-testid="answer-bar">
            <span class="answer-bar__label">{ "Answer" }</span>
            <span class="answer-bar__pick">{ props.headline.clone() }</span>
            if !props.cost.is_empty() {
                <span class="answer-bar__cost">{ props.cost.clone() }</span>
            }
            <span class="visually-hidden">{ ": go to the recommendation" }</span>
        </a>
    }
}
