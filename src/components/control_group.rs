//! A titled group of controls (a fieldset); in the cost inputs, each slider that drives a chart is
//! drawn inside its chart (beside the plot, or just above it), so moving either shows the other,
//! and the line items sit folded behind one line while none of them is changed.

use std::rc::Rc;

use berth_core::view::{ChartView, GroupView};
use yew::prelude::*;

use super::chart::Chart;
use super::control::Control;

/// Props of [`ControlGroup`].
#[derive(Properties, PartialEq)]
pub struct ControlGroupProps {
    /// The group.
    pub group: Rc<GroupView>,
    /// Charts to draw next to the control of their input (none outside the cost inputs).
    #[prop_or_default]
    pub charts: Vec<Rc<ChartView>>,
}

/// A fieldset of controls.
#[component]
pub fn ControlGroup(props: &ControlGroupProps) -> Html {
    let g = &props.group;
    let controls = html! {
        { for g.controls.iter().map(|c| match props.charts.iter().find(|ch| ch.axis.key() == c.key) {
            Some(chart) => html! {
                <Chart key={c.name} chart={chart.clone()}>
                    <Control control={Rc::new(c.clone())} />
                </Chart>
            },
            None => html! { <Control key={c.name} control={Rc::new(c.clone())} /> },
        }) }
    };
    html! {
        <fieldset class={classes!("group", format!("group--{}", g.id))}>
            <legend class="group__title">{ g.title }</legend>
            if let Some(line) = &g.fold {
                // Folded while none of them is changed; a change (here or by a link) opens it, and
                // the reader may open or close it at any time.
                <details class="group__fold" open={g.controls.iter().any(|c| c.changed)}>
                    <summary class="group__fold-line">{ line }</summary>
                    <div class="group__folded">{ controls }</div>
                </details>
            } else {
                { controls }
            }
        </fieldset>
    }
}
