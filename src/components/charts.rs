//! The crossover charts panel.

use std::rc::Rc;

use berth_core::view::ChartView;
use yew::prelude::*;

use super::chart::Chart;

/// Props of [`Charts`].
#[derive(Properties, PartialEq)]
pub struct ChartsProps {
    /// The charts to show.
    pub charts: Vec<Rc<ChartView>>,
}

/// Every chart.
#[component]
pub fn Charts(props: &ChartsProps) -> Html {
    if props.charts.is_empty() {
        return html! {};
    }
    html! {
        <section class="panel panel--charts" aria-labelledby="charts-title">
            <h2 id="charts-title" class="panel__title">{ "Where the lines cross" }</h2>
            <p class="panel__lede">{ "Each line is one viable option's monthly cost as one input moves and the others stay put. Use the arrow keys on a chart to read every line." }</p>
            <div class="charts">
                { for props.charts.iter().map(|c| html! { <Chart key={c.id} chart={c.clone()} /> }) }
            </div>
        </section>
    }
}
