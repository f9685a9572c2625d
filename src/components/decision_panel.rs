//! The decision inputs: what the workload is and needs.

use berth_core::view::GroupView;
use yew::prelude::*;

use super::control_group::control_group;

/// The decision inputs panel, one fieldset per group (a plain function: see [`super::source_link::source_link`]).
pub fn decision_panel(groups: &[GroupView]) -> Html {
    html! {
        <section class="panel panel--inputs" aria-labelledby="inputs-title">
            <h2 id="inputs-title" class="panel__title">{ "Your workload" }</h2>
            <form class="inputs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                { for groups.iter().map(control_group) }
            </form>
        </section>
    }
}
