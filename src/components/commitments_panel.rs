//! Commitments and Spot: on-demand, Compute Savings Plans and Spot side by side for the pick and the
//! viable EC2 and Fargate options, with months to break even. The pick's table is open; the other
//! options are folded to one line (their cheapest way to buy) with the table a click away, and the
//! caveats they all share are said once.

use std::rc::Rc;

use berth_core::view::{CommitPlatform, CommitmentsView};
use yew::prelude::*;

/// Props of [`CommitmentsPanel`].
#[derive(Properties, PartialEq)]
pub struct CommitmentsPanelProps {
    /// The view.
    pub view: Rc<CommitmentsView>,
}

/// The panel (`[data-testid="commitments"]`).
#[component]
pub fn CommitmentsPanel(props: &CommitmentsPanelProps) -> Html {
    let v = &props.view;
    html! {
        <section class="panel panel--commitments" aria-labelledby="commitments-title" data-testid="commitments">
            <h2 id="commitments-title" class="panel__title">{ "Commitments and Spot" }</h2>
            <p class="panel__lede">
                { format!("Compute a month at {} utilization, line items excluded. A Savings Plan is owed every hour of its term, used or not; Spot includes {} of work redone after interruptions.", v.util, v.spot_overhead) }
            </p>
            if v.platforms.is_empty() {
                <p>{ "No EC2 or Fargate option fits these inputs." }</p>
            }
            if !v.shared_notes.is_empty() {
                <ul class="commit__notes commit__notes--shared">{ for v.shared_notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
            }
            { for v.platforms.iter().map(|b| {
                let title = html! {
                    <h3 class="commit__title">
                        { b.name }
                        if b.recommended { <span class="badge badge--recommended">{ "Recommended" }</span> }
                    </h3>
                };
                if b.recommended {
                    html! { <div class="commit" key={b.platform}>{ title }{ body(b) }</div> }
                } else {
                    html! {
                        <details class="commit commit--folded" key={b.platform}>
                            <summary class="commit__summary">{ title }<span class="commit__line">{ &b.summary }</span></summary>
                            { body(b) }
                        </details>
                    }
                }
            }) }
        </section>
    }
}

/// A platform's table of ways to buy and its own caveats.
fn body(b: &CommitPlatform) -> Html {
    html! {
        <>
            if !b.rows.is_empty() {
                <div class="commit__scroll" tabindex="0" role="region" aria-label={format!("{}: ways to buy compute", b.name)}>
                    <table class="commit__table">
                        <caption class="visually-hidden">{ format!("{}: ways to buy compute", b.name) }</caption>
                        <thead><tr>
                            <th scope="col">{ "Pricing" }</th><th scope="col" class="num">{ "Per month" }</th>
                            <th scope="col">{ "Against on-demand" }</th><th scope="col">{ "Break-even" }</th>
                        </tr></thead>
                        <tbody>
                            { for b.rows.iter().map(|r| html! {
                                <tr data-testid="commitment" data-platform={r.platform} data-pricing={r.pricing}
                                    data-monthly-usd={r.monthly_usd.clone()} data-break-even-months={r.break_even_months.clone()}>
                                    <th scope="row">{ &r.label }</th>
                                    <td class="num" data-label="Per month">{ &r.monthly }</td>
                                    <td data-label="Against on-demand">{ &r.versus }</td>
                                    <td data-label="Break-even">{ &r.break_even }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            if !b.notes.is_empty() {
                <ul class="commit__notes">{ for b.notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
            }
        </>
    }
}
