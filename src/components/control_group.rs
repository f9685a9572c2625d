//! A titled group of controls (a fieldset).

use std::rc::Rc;

use berth_core::view::GroupView;
use yew::prelude::*;

use super::control::Control;

/// Props of [`ControlGroup`].
#[derive(Properties, PartialEq)]
pub struct ControlGroupProps {
    /// The group.
    pub group: Rc<GroupView>,
}

/// A fieldset of controls.
#[component]
pub fn ControlGroup(props: &ControlGroupProps) -> Html {
    let g = &props.group;
    html! {
        <fieldset class={classes!("group", format!("group--{}", g.id))}>
            <legend class="group__title">{ g.title }</legend>
            { for g.controls.iter().map(|c| html! { <Control key={c.name} control={Rc::new(c.clone())} /> }) }
        </fieldset>
    }
}
