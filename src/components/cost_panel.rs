//! The cost inputs: sliders for utilization, task count and traffic, task size, pricing and the
//! line items people forget.

use std::rc::Rc;

use berth_core::view::{ChartView, GroupView};
use yew::prelude::*;

use super::control_group::ControlGroup;

/// Props of [`CostPanel`].
#[derive(Properties, PartialEq)]
pub struct CostPanelProps {
    /// The groups.
    pub groups: Rc<Vec<GroupView>>,
    /// The pricing catalog's as-of date.
    pub as_of: &'static str,
    /// The charts shown, each drawn with its slider.
    #[prop_or_default]
    pub charts: Vec<Rc<ChartView>>,
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
                { "; every figure lists the rates behind it. Each chart draws every viable option's monthly cost as its input moves: drag on it, or use its arrow keys." }
            </p>
            <form class="costs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                { for props.groups.iter().map(|g| html! { <ControlGroup key={g.id} group={Rc::new(g.clone())} charts={props.charts.clone()} /> }) }
            </form>
        </section>
    }
}
