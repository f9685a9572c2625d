//! One option card: status, cost, and what decides it in sight (the pick's reasons and summary, a
//! viable option's summary, a ruled-out option's rules); the rest (a viable option's reasons, a
//! ruled-out option's summary, dated changes, what it is good for, traps, plan, bill and what would
//! change it) behind its details.

use std::rc::Rc;

use berth_core::view::CardView;
use yew::prelude::*;

use super::bill::Bill;
use super::change_list::ChangeList;
use super::diff_list::DiffList;
use super::lazy_details::LazyDetails;
use super::source_link::SourceLink;
use super::trap_list::TrapList;

/// Props of [`OptionCard`].
#[derive(Properties, PartialEq)]
pub struct OptionCardProps {
    /// The card.
    pub card: Rc<CardView>,
    /// Name, status and price only, everything else behind the details (embedded lessons).
    #[prop_or(false)]
    pub compact: bool,
}

/// An option card (`[data-testid="option-card"]`).
#[component]
pub fn OptionCard(props: &OptionCardProps) -> Html {
    let c = &props.card;
    let title_id = format!("card-{}", c.platform);
    let rank = c.cost.rank.map(|r| if r == 1 { "Cheapest viable".to_string() } else { format!("#{r} by cost") });
    // A viable option that is not the pick says why in its details: its reasons ("allowed by every
    // rule", the pick's own reason) are the same on every such card, and the recommendation says
    // them in sight.
    let reasons = html! { <ul class="card__reasons">{ for c.reasons.iter().map(|x| html! { <li>{ x }</li> }) }</ul> };
    let quiet_reasons = c.status == "viable";
    // A ruled-out option leads with the rule that rules it out; what it is waits in its details.
    let ruled_out = c.status == "ruled-out";
    let why = html! {
        <>
            if props.compact {
                if let Some(p) = &c.cost.problem { <p class="card__problem">{ p }</p> }
            }
            if !ruled_out {
                <p class="card__summary">{ c.summary }</p>
            }
            if !quiet_reasons {
                { reasons.clone() }
            }
            if !c.rules.is_empty() {
                <ul class="card__rules">
                    { for c.rules.iter().map(|r| html! {
                        <li class="rule" data-testid="rule" data-rule={r.id}>
                            <strong>{ r.title }</strong>{ ": " }{ r.reason }{ " " }
                            <code class="rule__id">{ r.id }</code>{ " " }
                            <SourceLink source={r.source.clone()} />
                        </li>
                    }) }
                </ul>
            }
        </>
    };
    // The longer, dated texts live in the details with the rest of what the card has to say.
    let dated = html! {
        <>
            <DiffList diffs={c.diffs.clone()} />
            { for c.notes.iter().map(|n| html! {
                <p class="card__note">{ &n.text }{ " " }<SourceLink source={n.source.clone()} /></p>
            }) }
        </>
    };
    let (outside, inside) = if props.compact { (Html::default(), why) } else { (why, Html::default()) };
    html! {
        <article class={classes!("card", format!("card--{}", c.status), format!("series--{}", c.platform))}
            data-testid="option-card" data-platform={c.platform} data-status={c.status}
            data-monthly-usd={c.cost.monthly_usd.clone()} data-compute-usd={c.cost.compute_usd.clone()}
            aria-labelledby={title_id.clone()}>
            <header class="card__head">
                <h3 class="card__title" id={title_id}>{ c.name }</h3>
                <span class={classes!("badge", format!("badge--{}", c.status))}>{ c.status_label }</span>
            </header>
            <p class="card__cost">
                <strong>{ &c.cost.headline }</strong>
                if let Some(r) = rank { <span class="card__rank">{ format!(" · {r}") }</span> }
            </p>
            if !c.cost.sub.is_empty() { <p class="card__costsub">{ &c.cost.sub }</p> }
            if !props.compact {
                if let Some(p) = &c.cost.problem { <p class="card__problem">{ p }</p> }
            }
            { outside }
            <LazyDetails class="card__more" summary={if props.compact { "Details and bill" } else { "Details, bill and what would change it" }}>
                { inside }
                if ruled_out {
                    <p class="card__summary">{ c.summary }</p>
                }
                if quiet_reasons {
                    { reasons }
                }
                { dated }
                <dl class="card__about">
                    <dt>{ "Good for" }</dt><dd>{ c.good_for }</dd>
                    <dt>{ "You operate" }</dt><dd>{ c.you_operate }</dd>
                    <dt>{ "Watch out" }</dt><dd>{ c.watch_out }</dd>
                </dl>
                if !c.plan_lines.is_empty() {
                    <h4>{ "How it would run" }</h4>
                    <ul class="plan">{ for c.plan_lines.iter().map(|x| html! { <li>{ x }</li> }) }</ul>
                }
                <TrapList traps={c.traps.clone()} title="Traps" />
                <ChangeList changes={c.changes.clone()} title={c.changes_title} />
                if !c.cost.lines.is_empty() || !c.cost.notes.is_empty() {
                    <h4>{ format!("Monthly bill{}", if c.cost.pricing.is_empty() { String::new() } else { format!(" ({})", c.cost.pricing.to_ascii_lowercase()) }) }</h4>
                }
                <Bill cost={c.cost.clone()} />
            </LazyDetails>
        </article>
    }
}
