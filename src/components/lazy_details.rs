//! A `<details>` whose body is only rendered while it is open, so hidden bills and data tables
//! cost nothing when a slider moves.

use web_sys::HtmlDetailsElement;
use yew::prelude::*;

/// Props of [`LazyDetails`].
#[derive(Properties, PartialEq)]
pub struct LazyDetailsProps {
    /// The summary text.
    pub summary: AttrValue,
    /// Class of the `<details>` element.
    #[prop_or_default]
    pub class: Classes,
    /// Whether it starts open.
    #[prop_or(false)]
    pub open: bool,
    /// The body, rendered only while open.
    pub children: Html,
}

/// A lazily rendered disclosure.
#[component]
pub fn LazyDetails(props: &LazyDetailsProps) -> Html {
    let start = props.open;
    let open = use_state(move || start);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| open.set(e.target_unchecked_into::<HtmlDetailsElement>().open()))
    };
    html! {
        <details class={props.class.clone()} open={*open} {ontoggle}>
            <summary>{ props.summary.clone() }</summary>
            if *open { { props.children.clone() } }
        </details>
    }
}
