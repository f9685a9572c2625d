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
    /// The overrides in use came with the link, which carries them.
    #[prop_or(false)]
    pub link_rates: bool,
    /// The query with the overrides in use (`rates=`), empty when there is nothing to add.
    #[prop_or_default]
    pub query_with_rates: String,
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
    // What was copied last: `Some((ok, with_rates))`.
    let copied = use_state(|| None::<(bool, bool)>);
    let copy = |query: &str, with_rates: bool| {
        let copied = copied.clone();
        let url = web::url_with(query);
        Callback::from(move |_| {
            let copied = copied.clone();
            web::copy(url.clone(), Callback::from(move |ok| copied.set(Some((ok, with_rates)))));
        })
    };
    let on_copy = copy(&props.query, props.link_rates);
    let on_copy_rates = copy(&props.query_with_rates, true);
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
    let plural = if props.overrides == 1 { "" } else { "s" };
    let status = match (*copied, props.overrides) {
        (Some((true, _)), 0) => "Link copied.".to_string(),
        (Some((true, true)), n) => format!("Link copied, with its {n} price override{plural}: whoever opens it sees these prices."),
        (Some((true, false)), n) => format!(
            "Link copied. It carries the inputs, not your {n} price override{plural}: whoever opens it sees the catalog's prices. “Copy link with overrides” carries them."
        ),
        (Some((false, _)), _) => "Copy failed: the link is in the address bar.".to_string(),
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
                if !props.query_with_rates.is_empty() {
                    <button type="button" class="button button--quiet" data-testid="copy-link-rates" onclick={on_copy_rates}>
                        { format!("Copy link with overrides ({})", props.overrides) }
                    </button>
                }
                <button type="button" class="button button--quiet" data-testid="reset" onclick={on_reset}>{ "Reset inputs" }</button>
                <ImportPanel query={props.query.clone()} />
                <EmbedCode query={props.query.clone()} body={props.complete} />
                <SavedMenu query={props.query.clone()} body={props.complete} />
                <span class="header__status" role="status" data-testid="copy-status">{ status }</span>
            </div>
        </header>
    }
}
