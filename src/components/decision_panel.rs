//! The decision inputs: what the workload is and needs.

use std::rc::Rc;

use berth_core::view::GroupView;
use yew::prelude::*;

use super::control_group::ControlGroup;

/// Props of [`DecisionPanel`].
#[derive(Properties, PartialEq)]
pub struct DecisionPanelProps {
    /// The groups.
    pub groups: Rc<Vec<GroupView>>,
}

/// The decision inputs panel.
#[component]
pub fn DecisionPanel(props: &DecisionPanelProps) -> Html {
    html! {
        <section class="panel panel--inputs" aria-labelledby="inputs-title">
            <h2 id="inputs-title" class="panel__title">{ "Your workload" }</h2>
            <form class="inputs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                { for props.groups.iter().map(|g| html! { <ControlGroup key={g.id} group={Rc::new(g.clone())} /> }) }
            </form>
        </section>
    }
}
