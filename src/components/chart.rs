//! One crossover chart: hand-written SVG over the core's chart geometry, with a pointer and keyboard
//! readout of every series, a legend, the crossovers in words and a data table for screen readers.

use std::rc::Rc;

use berth_core::chart::Move;
use berth_core::view::charts::run_starting_at;
use berth_core::view::ChartView;
use web_sys::Element;

use berth_core::state::Val;
use yew::prelude::*;

use super::lazy_details::LazyDetails;
use crate::store::{Action, Dispatch};

/// Props of [`Chart`].
#[derive(Properties, PartialEq)]
pub struct ChartProps {
    /// The chart.
    pub chart: Rc<ChartView>,
    /// The control of the chart's input, drawn with the chart (beside the plot on a wide page,
    /// above it on a narrow one); empty for a chart that stands alone.
    #[prop_or_default]
    pub children: Html,
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

/// Where a pointer event falls in the chart's drawing, in view-box units along x: the SVG keeps
/// its aspect ratio (centred), so the box may be letterboxed until the chart is laid out at its
/// column's width.
fn pointer_x(e: &PointerEvent, g: &berth_core::chart::ChartGeometry) -> Option<f64> {
    let el: Element = e.target_unchecked_into();
    let r = el.closest("svg").ok().flatten()?.get_bounding_client_rect();
    if r.width() <= 0.0 || r.height() <= 0.0 || g.width <= 0.0 || g.height <= 0.0 {
        return None;
    }
    let scale = (r.width() / g.width).min(r.height() / g.height);
    let offset = (r.width() - g.width * scale) / 2.0;
    Some((f64::from(e.client_x()) - r.left() - offset) / scale)
}

/// A chart figure. The plot area is a control of the chart's input: pressing or dragging there
/// sets the input to the value under the pointer (the core inverts the scale and snaps to the
/// input's step), and the arrow, Page and Home/End keys step it as on its slider.
#[component]
pub fn Chart(props: &ChartProps) -> Html {
    let dispatch = use_context::<Dispatch>().expect("dispatch context");
    let c = &props.chart;
    let g = &c.geometry;
    let at = use_state(|| None::<f64>);
    let dragging = use_mut_ref(|| false);
    let plot_box = use_node_ref();
    let value = at.unwrap_or(c.current);
    let readout = g.readout_at(value);
    let current = g.readout_at(c.current);
    let id = c.id;
    let key = c.axis.key();

    // The chart is laid out at its plot column's width, so a unit of the drawing is a CSS pixel.
    {
        let figure = plot_box.clone();
        let dispatch = dispatch.clone();
        let axis = c.axis;
        use_effect_with((), move |_| {
            let watch = figure
                .cast::<Element>()
                .and_then(|el| crate::web::watch_width(&el, move |w| dispatch.dispatch(Action::SetChartWidth(axis, w))));
            move || drop(watch)
        });
    }

    let set_from = {
        let chart = c.clone();
        let dispatch = dispatch.clone();
        move |e: &PointerEvent| {
            if let Some(x) = pointer_x(e, &chart.geometry) {
                let v = chart.geometry.value_under(x, chart.grid);
                if v != chart.current || chart.locked {
                    dispatch.dispatch(Action::Set(key, Val::Num(v)));
                }
            }
        }
    };
    let onpointerdown = {
        let (at, dragging, chart, dispatch, set_from) = (at.clone(), dragging.clone(), c.clone(), dispatch.clone(), set_from.clone());
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            at.set(None);
            if !chart.locked {
                let el: Element = e.target_unchecked_into();
                let _ = el.set_pointer_capture(e.pointer_id());
                *dragging.borrow_mut() = true;
                dispatch.dispatch(Action::HoldChart(Some((chart.axis, chart.span))));
            }
            // A locked input does not move: the model answers with the lesson's notice.
            set_from(&e);
        })
    };
    let onpointermove = {
        let (at, dragging, chart, set_from) = (at.clone(), dragging.clone(), c.clone(), set_from.clone());
        Callback::from(move |e: PointerEvent| {
            if *dragging.borrow() {
                set_from(&e);
            } else if let Some(x) = pointer_x(&e, &chart.geometry) {
                at.set(Some(chart.geometry.readout(x).value));
            }
        })
    };
    // The window stays held after the drag (the model lets it go once the input leaves it), so
    // the axis does not jump under the pointer when it is let go.
    let end_drag = {
        let dragging = dragging.clone();
        Callback::from(move |_: PointerEvent| *dragging.borrow_mut() = false)
    };
    let onpointerleave = {
        let (at, dragging) = (at.clone(), dragging.clone());
        Callback::from(move |_: PointerEvent| {
            if !*dragging.borrow() {
                at.set(None);
            }
        })
    };
    let onkeydown = {
        let at = at.clone();
        let chart = c.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(mv) = key_move(&e.key()) {
                e.prevent_default();
                at.set(None);
                let v = chart.geometry.stepped(chart.current, mv, chart.grid);
                dispatch.dispatch(Action::Set(key, Val::Num(v)));
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
    let with_control = props.children != Html::default();
    let legend = html! {
                <ul class="legend chart__legend">
                    { for c.legend.iter().map(|l| html! {
                        <li class={classes!("legend__item", format!("series--{}", l.platform), l.dashed.then_some("legend__item--dashed"))} data-series={l.id.clone()}>
                            <svg class="legend__swatch" viewBox="0 0 30 10" width="30" height="10" aria-hidden="true">
                                <line x1="1" x2="29" y1="5" y2="5" class={classes!("series", format!("series--{}", l.platform), l.dashed.then_some("series--dashed"))} />
                            </svg>{ &l.label }
                        </li>
                    }) }
                </ul>
    };
    let side_key = html! {
        <div class="chart__key">
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
        </div>
    };
    html! {
        <figure class={classes!("chart", with_control.then_some("chart--with-control"))} data-testid="chart" data-axis={c.axis.id()} id={id}>
            <figcaption class="chart__title" id={format!("{id}-title")}>{ &c.title }</figcaption>
            // The control and the numbered crossings: beside the plot on a wide page, in reading
            // order around it on a narrow one.
            <div class="chart__side">
                if with_control {
                    <div class="chart__control">{ props.children.clone() }</div>
                }
                if c.empty.is_none() {
                    { side_key }
                }
            </div>
            if c.empty.is_none() {
                { legend }
            }
            <div class="chart__plot" ref={plot_box}>
            if let Some(empty) = &c.empty {
                <p class="chart__empty">{ empty }</p>
            } else {
                <svg class="chart__svg" viewBox={format!("0 0 {} {}", g.width, g.height)} height={g.height.to_string()} role="group"
                    aria-labelledby={format!("{id}-title {id}-desc")}>
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
                        tabindex="0" role="slider" data-role="chart-control" data-key={key.name()}
                        aria-label={format!("{}: drag on the chart or use the arrow keys", c.axis.title())}
                        aria-disabled={c.locked.then_some("true")}
                        aria-valuemin={g.domain.0.to_string()} aria-valuemax={g.domain.1.to_string()}
                        aria-valuenow={current.value.to_string()} aria-valuetext={valuetext.clone()}
                        {onkeydown} {onpointerdown} {onpointermove} {onpointerleave} onpointerup={end_drag.clone()} onpointercancel={end_drag} />
                </svg>
                <p class="chart__readout-text" data-testid="readout">{ valuetext }</p>
            }
            </div>
            if c.empty.is_none() {
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
