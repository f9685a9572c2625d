//! A titled group of controls (a fieldset).

use std::rc::Rc;

use berth_core::view::GroupView;
use yew::prelude::*;

use super::control::Control;

/// A fieldset of controls, keyed by the group's id (a plain function: see [`super::source_link::source_link`]).
pub fn control_group(g: &GroupView) -> Html {
    html! {
        <fieldset key={g.id} class={classes!("group", format!("group--{}", g.id))}>
            <legend class="group__title">{ g.title }</legend>
            { for g.controls.iter().map(|c| html! { <Control key={c.name} control={Rc::new(c.clone())} /> }) }
        </fieldset>
    }
}
