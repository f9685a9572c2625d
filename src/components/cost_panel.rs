//! The cost inputs: sliders for utilization, task count and traffic, task size, pricing and the
//! line items people forget.

use berth_core::view::GroupView;
use yew::prelude::*;

use super::control_group::control_group;

/// The cost inputs panel: its groups of controls and the pricing catalog's as-of date (a plain function: see [`super::source_link::source_link`]).
pub fn cost_panel(groups: &[GroupView], as_of: &'static str) -> Html {
    html! {
        <section class="panel panel--costs" aria-labelledby="costs-title">
            <h2 id="costs-title" class="panel__title">{ "Usage and prices" }</h2>
            <p class="panel__lede">
                { "Monthly costs use the pricing catalog as of " }
                <time datetime={as_of}>{ as_of }</time>
                { "; every figure lists the rates behind it." }
            </p>
            <form class="costs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                { for groups.iter().map(control_group) }
            </form>
        </section>
    }
}
