//! The page header: what this is, explore or study, the catalog date, copy link and reset, import.

use yew::prelude::*;

use super::embed_code::EmbedCode;
use super::import_panel::ImportPanel;
use super::saved_menu::SavedMenu;
use crate::store::{Action, Dispatch};
use crate::web;
use berth_core::params::{Key, Mode};
use berth_core::state::Val;

/// Props of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The current query string.
    pub query: String,
    /// The pricing catalog's as-of date.
    pub as_of: &'static str,
    /// Number of rate overrides in use.
    pub overrides: usize,
    /// Study mode is shown.
    #[prop_or(false)]
    pub study: bool,
    /// The page is past its first frame: the menus draw what their closed summaries hide.
    #[prop_or(true)]
    pub complete: bool,
}

/// The header.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let dispatch = use_context::<Dispatch>().expect("dispatch context");
    let copied = use_state(|| None::<bool>);
    let on_copy = {
        let copied = copied.clone();
        let url = web::url_with(&props.query);
        Callback::from(move |_| {
            let copied = copied.clone();
            web::copy(url.clone(), Callback::from(move |ok| copied.set(Some(ok))));
        })
    };
    let mode_button = |m: Mode, label: &'static str| {
        let d = dispatch.clone();
        let on = (m == Mode::Study) == props.study;
        let onclick = Callback::from(move |_| d.dispatch(Action::Set(Key::Mode, Val::Choice(m as usize))));
        html! {
            <button type="button" class={classes!("seg", on.then_some("seg--on"))} aria-pressed={on.to_string()} {onclick}>{ label }</button>
        }
    };
    let on_reset = {
        let d = dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::ResetInputs))
    };
    // A link carries the inputs only: say so when the sender's prices include overrides.
    let status = match (*copied, props.overrides) {
        (Some(true), 0) => "Link copied.".to_string(),
        (Some(true), n) => format!(
            "Link copied. It carries the inputs, not your {n} price override{}: whoever opens it sees the catalog's prices. Export the overrides from the pricing catalog to share them.",
            if n == 1 { "" } else { "s" }
        ),
        (Some(false), _) => "Copy failed: the link is in the address bar.".to_string(),
        (None, _) => String::new(),
    };
    html! {
        <header class="header">
            <a class="skip" href="#main">{ "Skip to the playground" }</a>
            <div class="header__brand">
                <h1 class="header__title">{ "Berth" }</h1>
                <p class="header__tagline">{ "Where should your containers run on AWS, and what will it cost?" }</p>
            </div>
            <div class="header__tools">
                <div class="segmented" role="group" aria-label="Mode">
                    { mode_button(Mode::Explore, "Explore") }
                    { mode_button(Mode::Study, "Study") }
                </div>
                <p class="header__asof">
                    { "Prices as of " }<time datetime={props.as_of}>{ props.as_of }</time>
                    if props.overrides > 0 {
                        { format!(" · {} rate{} overridden", props.overrides, if props.overrides == 1 { "" } else { "s" }) }
                    }
                </p>
                <button type="button" class="button" data-testid="copy-link" onclick={on_copy}>{ "Copy link" }</button>
                <button type="button" class="button button--quiet" data-testid="reset" onclick={on_reset}>{ "Reset inputs" }</button>
                <ImportPanel query={props.query.clone()} />
                <EmbedCode query={props.query.clone()} body={props.complete} />
                <SavedMenu query={props.query.clone()} body={props.complete} />
                <span class="header__status" role="status" data-testid="copy-status">{ status }</span>
            </div>
        </header>
    }
}
