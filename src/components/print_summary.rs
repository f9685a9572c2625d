//! The printout's own header: the inputs that differ from the defaults and the deep link, so a
//! printed page can be reproduced. Shown in print only.

use yew::prelude::*;

use crate::web;

/// Props of [`PrintSummary`].
#[derive(Properties, PartialEq)]
pub struct PrintSummaryProps {
    /// The inputs that differ from their defaults: (label, value in words).
    pub inputs: Vec<(&'static str, String)>,
    /// The canonical query string of the inputs.
    pub query: String,
}

/// The summary (`[data-testid="print-summary"]`).
#[component]
pub fn PrintSummary(props: &PrintSummaryProps) -> Html {
    let url = web::url_with(&props.query);
    html! {
        <section class="print-summary" data-testid="print-summary" aria-label="Inputs of this printout">
            <p class="print-summary__inputs">
                <strong>{ "Inputs: " }</strong>
                if props.inputs.is_empty() {
                    { "all at their defaults." }
                } else {
                    { for props.inputs.iter().enumerate().map(|(i, (label, value))| html! {
                        <span class="print-summary__input">{ if i > 0 { "; " } else { "" } }{ *label }{ ": " }{ value }</span>
                    }) }
                    { "; everything else at its default." }
                }
            </p>
            <p class="print-summary__link">{ "This scenario: " }<a href={url.clone()}>{ url.clone() }</a></p>
        </section>
    }
}
