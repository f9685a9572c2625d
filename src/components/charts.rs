//! The crossover charts panel.

use std::rc::Rc;

use berth_core::view::ChartView;
use yew::prelude::*;

use super::chart::Chart;

/// Every chart to show (a plain function: see [`super::source_link::source_link`]).
pub fn charts(charts: &[Rc<ChartView>]) -> Html {
    if charts.is_empty() {
        return html! {};
    }
    html! {
        <section class="panel panel--charts" aria-labelledby="charts-title">
            <h2 id="charts-title" class="panel__title">{ "Where the lines cross" }</h2>
            <p class="panel__lede">{ "Each line is one viable option's monthly cost as one input moves and the others stay put. Use the arrow keys on a chart to read every line." }</p>
            <div class="charts">
                { for charts.iter().map(|c| html! { <Chart key={c.id} chart={c.clone()} /> }) }
            </div>
        </section>
    }
}
