//! The answer bar: on a one-column page the inputs come first and the recommendation far below
//! them, so a bar pinned to the bottom of the screen keeps the current answer and its monthly cost
//! in sight while the inputs change, and jumps to the recommendation when followed. On a wide page
//! it shows only while the recommendation's headline is out of the window (`data-away`), so the
//! answer stays in sight next to the cost sliders and their charts too.

use yew::prelude::*;

/// Props of [`AnswerBar`].
#[derive(Properties, PartialEq)]
pub struct AnswerBarProps {
    /// The recommendation's one-line answer.
    pub headline: AttrValue,
    /// Its monthly cost in words (may be empty when it cannot be priced).
    pub cost: AttrValue,
}

/// The bar (`[data-testid="answer-bar"]`; always shown when the layout is one column, on a wide
/// page while the recommendation's headline is out of sight).
#[component]
pub fn AnswerBar(props: &AnswerBarProps) -> Html {
    let bar = use_node_ref();
    {
        let bar = bar.clone();
        use_effect_with((), move |_| {
            let watch = bar.cast::<web_sys::Element>().and_then(|el| crate::web::mark_while_away(el, "rec-headline"));
            move || drop(watch)
        });
    }
    html! {
        <a class="answer-bar" href="#rec-title" data-testid="answer-bar" ref={bar}>
            <span class="answer-bar__label">{ "Answer" }</span>
            <span class="answer-bar__pick">{ props.headline.clone() }</span>
            if !props.cost.is_empty() {
                <span class="answer-bar__cost">{ props.cost.clone() }</span>
            }
            <span class="visually-hidden">{ ": go to the recommendation" }</span>
        </a>
    }
}
