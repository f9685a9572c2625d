//! An itemized monthly bill, every line with its formula and the rates behind it.

use berth_core::view::cards::CostView;
use yew::prelude::*;

use super::source_link::SourceLink;

/// Props of [`Bill`].
#[derive(Properties, PartialEq)]
pub struct BillProps {
    /// The cost.
    pub cost: CostView,
}

/// The bill, in a table.
#[component]
pub fn Bill(props: &BillProps) -> Html {
    let c = &props.cost;
    if c.lines.is_empty() {
        return html! {
            if !c.notes.is_empty() {
                <ul class="bill__notes">{ for c.notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
            }
        };
    }
    html! {
        <div class="bill">
            <table class="bill__table">
                <caption class="visually-hidden">{ "Monthly bill, line by line" }</caption>
                <thead><tr><th scope="col">{ "Item" }</th><th scope="col" class="num">{ "Per month" }</th></tr></thead>
                <tbody>
                    { for c.lines.iter().map(|l| html! {
                        <tr class={classes!("bill__line", l.line_item.then_some("bill__line--item"))} data-line={l.id}>
                            <th scope="row">
                                <span class="bill__label">{ l.label }</span>
                                <span class="bill__detail">{ &l.detail }</span>
                                if !l.rates.is_empty() {
                                    <details class="bill__rates">
                                        <summary>{ "Rates" }</summary>
                                        <ul>
                                            { for l.rates.iter().map(|r| html! {
                                                <li class={classes!("rate", r.overridden.then_some("rate--overridden"))}>
                                                    <span class="rate__label">{ &r.label }</span>{ ": " }
                                                    <span class="rate__value">{ &r.value }</span>
                                                    if !r.grade.is_empty() {
                                                        <span class="rate__grade" title="Evidence grade">{ format!(" [{}]", r.grade) }</span>
                                                    }
                                                    if !r.as_of.is_empty() {
                                                        <span class="rate__asof">{ format!(" as of {}", r.as_of) }</span>
                                                    }
                                                    { " " }<SourceLink source={r.source.clone()} />
                                                </li>
                                            }) }
                                        </ul>
                                    </details>
                                }
                            </th>
                            <td class="num">{ &l.amount }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            if !c.notes.is_empty() {
                <ul class="bill__notes">{ for c.notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
            }
        </div>
    }
}
