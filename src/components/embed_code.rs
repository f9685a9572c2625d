//! "Embed in a lesson": the iframe snippet for the current inputs, with a choice of panels and an
//! option to lock the inputs the lesson sets.

use berth_core::embed::{panel_ids, snippet, EmbedOptions};
use berth_core::url::parse_query;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::web;

/// Props of [`EmbedCode`].
#[derive(Properties, PartialEq)]
pub struct EmbedCodeProps {
    /// The current query string.
    pub query: String,
    /// Draw what the closed summary hides. The first frame leaves it out (a closed `<details>`
    /// shows none of it) and the next frame brings it, with the rest of the page.
    #[prop_or(true)]
    pub body: bool,
}

/// The embed snippet builder.
#[component]
pub fn EmbedCode(props: &EmbedCodeProps) -> Html {
    let opts = use_state(|| EmbedOptions { panels: 0, lock_changed: true });
    let copied = use_state(|| None::<bool>);
    let summary = html! { <summary class="button button--quiet">{ "Embed in a lesson" }</summary> };
    if !props.body {
        return html! { <details class="embed" data-testid="embed">{ summary }</details> };
    }
    let (state, _) = parse_query(&props.query);
    let code = snippet(&web::base_url(), &state, *opts, "Berth: where to run these containers on AWS");

    let panel_box = |(i, id, label): (usize, &'static str, &'static str)| {
        let opts = opts.clone();
        let on = opts.panels & (1 << i) != 0;
        let onchange = Callback::from(move |e: Event| {
            let checked = e.target_unchecked_into::<HtmlInputElement>().checked();
            let mut o = *opts;
            if checked {
                o.panels |= 1 << i;
            } else {
                o.panels &= !(1 << i);
            }
            opts.set(o);
        });
        html! {
            <label class="embed__panel">
                <input type="checkbox" checked={on} value={id} {onchange} />{ " " }{ label }
            </label>
        }
    };
    let on_lock = {
        let opts = opts.clone();
        Callback::from(move |e: Event| {
            let checked = e.target_unchecked_into::<HtmlInputElement>().checked();
            opts.set(EmbedOptions { lock_changed: checked, ..*opts });
        })
    };
    let on_copy = {
        let copied = copied.clone();
        let code = code.clone();
        Callback::from(move |_| {
            let copied = copied.clone();
            web::copy(code.clone(), Callback::from(move |ok| copied.set(Some(ok))));
        })
    };
    html! {
        <details class="embed" data-testid="embed">
            { summary }
            <div class="embed__body">
                <fieldset class="embed__panels">
                    <legend>{ "Panels to show (none ticked: all)" }</legend>
                    { for panel_ids().map(panel_box) }
                </fieldset>
                <label class="embed__lock">
                    <input type="checkbox" checked={opts.lock_changed} onchange={on_lock} />
                    { " Lock the workload inputs this lesson sets" }
                </label>
                <label for="embed-code" class="embed__label">{ "Paste this into your lesson page" }</label>
                <textarea id="embed-code" class="embed__code" data-testid="embed-code" readonly=true rows="8" value={code} />
                <div class="embed__actions">
                    <button type="button" class="button" data-testid="copy-embed" onclick={on_copy}>{ "Copy embed code" }</button>
                    <span role="status" class="embed__status">{ match *copied {
                        Some(true) => "Embed code copied.",
                        Some(false) => "Copy failed: select the code and copy it by hand.",
                        None => "",
                    } }</span>
                </div>
            </div>
        </details>
    }
}
