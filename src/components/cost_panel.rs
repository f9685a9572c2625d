//! The cost inputs: sliders for utilization, task count and traffic, task size, pricing and the
//! line items people forget.

use std::rc::Rc;

use berth_core::view::GroupView;
use yew::prelude::*;

use super::control_group::ControlGroup;

/// Props of [`CostPanel`].
#[derive(Properties, PartialEq)]
pub struct CostPanelProps {
    /// The groups.
    pub groups: Rc<Vec<GroupView>>,
    /// The pricing catalog's as-of date.
    pub as_of: &'static str,
}

/// The cost inputs panel.
#[component]
pub fn CostPanel(props: &CostPanelProps) -> Html {
    html! {
        <section class="panel panel--costs" aria-labelledby="costs-title">
            <h2 id="costs-title" class="panel__title">{ "Usage and prices" }</h2>
            <p class="panel__lede">
                { "Monthly costs use the pricing catalog as of " }
                <time datetime={props.as_of}>{ props.as_of }</time>
                { "; every figure lists the rates behind it." }
            </p>
            <form class="costs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                { for props.groups.iter().map(|g| html! { <ControlGroup key={g.id} group={Rc::new(g.clone())} /> }) }
            </form>
        </section>
    }
}
