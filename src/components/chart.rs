//! One crossover chart: hand-written SVG over the core's chart geometry, with a pointer and keyboard
//! readout of every series, a legend, the crossovers in words and a data table for screen readers.

use std::rc::Rc;

use berth_core::chart::Move;
use berth_core::view::charts::run_starting_at;
use berth_core::view::ChartView;
use web_sys::Element;

use super::lazy_details::LazyDetails;
use yew::prelude::*;

/// Props of [`Chart`].
#[derive(Properties, PartialEq)]
pub struct ChartProps {
    /// The chart.
    pub chart: Rc<ChartView>,
}

fn key_move(key: &str) -> Option<Move> {
    Some(match key {
        "ArrowLeft" | "ArrowDown" => Move::Left,
        "ArrowRight" | "ArrowUp" => Move::Right,
        "PageDown" => Move::TickLeft,
        "PageUp" => Move::TickRight,
        "Home" => Move::Home,
        "End" => Move::End,
        _ => return None,
    })
}

/// A chart figure.
#[component]
pub fn Chart(props: &ChartProps) -> Html {
    let c = &props.chart;
    let g = &c.geometry;
    let at = use_state(|| None::<f64>);
    let value = at.unwrap_or(c.current);
    let readout = g.readout_at(value);
    let current = g.readout_at(c.current);
    let id = c.id;

    let onpointermove = {
        let at = at.clone();
        let chart = c.clone();
        Callback::from(move |e: PointerEvent| {
            let el: Element = e.target_unchecked_into();
            let rect = el.closest("svg").ok().flatten().map(|s| s.get_bounding_client_rect());
            if let Some(r) = rect.filter(|r| r.width() > 0.0) {
                let x = (f64::from(e.client_x()) - r.left()) * chart.geometry.width / r.width();
                at.set(Some(chart.geometry.readout(x).value));
            }
        })
    };
    let onpointerleave = {
        let at = at.clone();
        Callback::from(move |_: PointerEvent| at.set(None))
    };
    let onkeydown = {
        let at = at.clone();
        let chart = c.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(mv) = key_move(&e.key()) {
                e.prevent_default();
                at.set(Some(chart.geometry.nudge(value, mv)));
            }
        })
    };

    let valuetext = {
        let parts: Vec<String> = readout
            .values
            .iter()
            .map(|v| {
                let label = c.legend.iter().find(|l| l.id == v.id).map(|l| l.label.as_str()).unwrap_or(&v.id);
                format!("{label} {}", v.text)
            })
            .collect();
        format!("{}: {}", readout.label, parts.join(", "))
    };
    let plot = g.plot;
    html! {
        <figure class="chart" data-testid="chart" data-axis={c.axis.id()} id={id}>
            <figcaption class="chart__title" id={format!("{id}-title")}>{ &c.title }</figcaption>
            if let Some(empty) = &c.empty {
                <p class="chart__empty">{ empty }</p>
            } else {
                <svg class="chart__svg" viewBox={format!("0 0 {} {}", g.width, g.height)} role="group"
                    aria-labelledby={format!("{id}-title {id}-desc")} {onpointermove} {onpointerleave}>
                    <title>{ &c.title }</title>
                    <desc id={format!("{id}-desc")}>{ &c.desc }</desc>
                    <g class="chart__grid" aria-hidden="true">
                        { for g.y_ticks.iter().map(|t| html! {
                            <g>
                                <line x1={plot.left.to_string()} x2={plot.right.to_string()} y1={t.px.to_string()} y2={t.px.to_string()} />
                                <text x={(plot.left - 6.0).to_string()} y={t.px.to_string()} class="chart__ylabel">{ &t.label }</text>
                            </g>
                        }) }
                        { for g.x_ticks.iter().map(|t| html! {
                            <g>
                                <line class="chart__xtick" x1={t.px.to_string()} x2={t.px.to_string()} y1={plot.bottom.to_string()} y2={(plot.bottom + 4.0).to_string()} />
                                <text x={t.px.to_string()} y={(plot.bottom + 18.0).to_string()} class={classes!("chart__xlabel", format!("chart__xlabel--{}", t.anchor.id()))}>{ &t.label }</text>
                            </g>
                        }) }
                        <line class="chart__current" x1={current.x.to_string()} x2={current.x.to_string()} y1={plot.top.to_string()} y2={plot.bottom.to_string()} />
                    </g>
                    <g class="chart__series" aria-hidden="true">
                        { for g.paths.iter().zip(c.legend.iter()).map(|(p, l)| html! {
                            <path d={p.d.clone()} class={classes!("series", format!("series--{}", l.platform), l.dashed.then_some("series--dashed"))} data-series={p.id.clone()} />
                        }) }
                    </g>
                    <g class="chart__crossings" aria-hidden="true">
                        { for c.runs.iter().map(|r| html! {
                            <g class="crossing-run">
                                <rect x={r.x0.to_string()} y={plot.top.to_string()} width={(r.x1 - r.x0).max(2.0).to_string()} height={(plot.bottom - plot.top).max(0.0).to_string()} />
                                <text x={r.label_x.to_string()} y={r.label_y.to_string()}>{ r.number.to_string() }</text>
                            </g>
                        }) }
                        { for c.crossovers.iter().map(|x| match x.number {
                            Some(n) => html! {
                                <g class="crossing">
                                    <circle cx={x.x.to_string()} cy={x.y.to_string()} r="5" />
                                    <text x={x.label_x.to_string()} y={x.label_y.to_string()}>{ n.to_string() }</text>
                                </g>
                            },
                            None => html! { <circle class="crossing-step" cx={x.x.to_string()} cy={x.y.to_string()} r="2.5" /> },
                        }) }
                    </g>
                    <g class="chart__readout" aria-hidden="true">
                        <line x1={readout.x.to_string()} x2={readout.x.to_string()} y1={plot.top.to_string()} y2={plot.bottom.to_string()} />
                        { for readout.values.iter().map(|v| {
                            let platform = c.legend.iter().find(|l| l.id == v.id).map(|l| l.platform).unwrap_or("");
                            html! { <circle class={classes!("dot", format!("series--{platform}"))} cx={readout.x.to_string()} cy={v.y.to_string()} r="3.5" /> }
                        }) }
                    </g>
                    <rect class="chart__overlay" x={plot.left.to_string()} y={plot.top.to_string()}
                        width={(plot.right - plot.left).max(0.0).to_string()} height={(plot.bottom - plot.top).max(0.0).to_string()}
                        tabindex="0" role="slider" aria-label={format!("Readout of {}", c.title.to_ascii_lowercase())}
                        aria-valuemin={g.domain.0.to_string()} aria-valuemax={g.domain.1.to_string()}
                        aria-valuenow={readout.value.to_string()} aria-valuetext={valuetext.clone()} {onkeydown} />
                </svg>
                <p class="chart__readout-text" data-testid="readout">{ valuetext }</p>
                <ul class="legend">
                    { for c.legend.iter().map(|l| html! {
                        <li class={classes!("legend__item", format!("series--{}", l.platform), l.dashed.then_some("legend__item--dashed"))} data-series={l.id.clone()}>
                            <span class="legend__swatch" aria-hidden="true"></span>{ &l.label }
                        </li>
                    }) }
                </ul>
                if c.crossovers.is_empty() {
                    <p class="chart__none">{ "No crossover in this range: the order of the options does not change." }</p>
                } else {
                    <ol class="crossovers">
                        { for c.crossovers.iter().enumerate().map(|(i, x)| html! {
                            <>
                                // A run is listed where its first crossing is; its crossings stay in
                                // the list, hidden (the data table has each one).
                                if let Some(r) = run_starting_at(&c.crossovers, &c.runs, i) {
                                    <li class="crossovers__run" data-testid="crossover-run" data-axis={c.axis.id()} data-a={r.a.clone()} data-b={r.b.clone()}
                                        data-from={r.from.clone()} data-to={r.to.clone()} data-count={r.count.to_string()}>
                                        { &r.text }
                                    </li>
                                }
                                <li data-testid="crossover" data-axis={c.axis.id()} data-a={x.a.clone()} data-b={x.b.clone()} data-at={x.at.clone()} hidden={x.run.is_some()}>
                                    { &x.text }
                                </li>
                            </>
                        }) }
                    </ol>
                }
                <LazyDetails class="chart__data" summary="Data table">
                    <div class="chart__table" role="region" tabindex="0" aria-label={format!("Data table: {}", c.title)}>
                    <table>
                        <caption class="visually-hidden">{ &c.title }</caption>
                        <thead><tr>{ for c.table.head.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                        <tbody>
                            { for c.table.rows.iter().map(|row| html! {
                                <tr>{ for row.iter().enumerate().map(|(i, cell)| if i == 0 {
                                    html! { <th scope="row">{ cell }</th> }
                                } else {
                                    html! { <td class="num">{ cell }</td> }
                                }) }</tr>
                            }) }
                        </tbody>
                    </table>
                    </div>
                </LazyDetails>
            }
        </figure>
    }
}
