//! The pricing catalog: every rate of the region shown, with its provenance, an override box per
//! rate, and export and import of the overrides as JSON.

use std::rc::Rc;

use berth_core::catalog::Overrides;
use berth_core::params::Key;
use berth_core::state::Val;
use berth_core::url::Notice;
use berth_core::view::catalog::{self, CatalogView, RateRow};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::lazy_details::LazyDetails;
use super::source_link::SourceLink;
use crate::store::{Action, Dispatch};
use crate::web;

/// Most problems an import notice lists one by one (a file can have thousands).
const MAX_LISTED: usize = 20;

/// File name of the overrides export.
pub const OVERRIDES_FILE: &str = "berth-overrides.json";

/// Props of [`CatalogPanel`].
#[derive(Properties, PartialEq)]
pub struct CatalogPanelProps {
    /// The view.
    pub view: Rc<CatalogView>,
    /// The overrides (for the export).
    pub overrides: Rc<Overrides>,
}

fn notice(text: String) -> Action {
    Action::Notify(Notice { key: String::new(), text })
}

/// One rate's row.
#[derive(Properties, PartialEq)]
struct RowProps {
    row: Rc<RateRow>,
    region: usize,
    region_id: &'static str,
}

#[component]
fn RateLine(props: &RowProps) -> Html {
    let dispatch = use_context::<Dispatch>().expect("dispatch context");
    let r = &props.row;
    let region_id = props.region_id;
    let input_id = format!("rate-{}", r.id.replace('.', "-"));
    let onchange = {
        let (dispatch, row, region) = (dispatch.clone(), props.row.clone(), props.region);
        Callback::from(move |e: Event| {
            let raw = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Some(a) = catalog::typed(&row, region, &raw) {
                dispatch.dispatch(a);
            }
        })
    };
    let onreset = {
        let row = props.row.clone();
        Callback::from(move |_| {
            if let Some(a) = catalog::reset(&row) {
                dispatch.dispatch(a);
            }
        })
    };
    let shown = if r.value.is_empty() { "no figure for this region".to_string() } else { r.value.clone() };
    html! {
        <tr class={classes!("catalog__rate", r.overridden.then_some("catalog__rate--overridden"))}
            data-testid="rate" data-rate={r.id.clone()} data-overridden={if r.overridden { "true" } else { "false" }}>
            <th scope="row">
                <span class="catalog__label">{ &r.label }</span>
                <code class="catalog__id">{ &r.id }</code>
                if !r.note.is_empty() { <span class="catalog__note">{ r.note }</span> }
            </th>
            <td>
                <span class="catalog__value">{ shown }</span>{ " " }<span class="catalog__unit">{ r.unit }</span>
                if r.overridden {
                    <span class="badge badge--override">{ if r.override_scope == Some(None) { "Overridden (every region)" } else { "Overridden" } }</span>
                    <span class="catalog__original">
                        { if r.original.is_empty() { "Catalog: no figure".to_string() } else { format!("Catalog: {}", r.original) } }
                    </span>
                }
            </td>
            <td class="catalog__prov">
                if !r.grade.is_empty() {
                    <abbr class="catalog__grade" title={r.grade_meaning}>{ r.grade }</abbr>{ " · " }
                    <span>{ &r.region }</span>{ " · as of " }<time datetime={r.as_of}>{ r.as_of }</time>{ " · " }
                    <SourceLink source={r.source.clone()} />
                } else if !r.not_offered.is_empty() {
                    <span class="catalog__absent" data-testid="rate-not-offered">{ format!("Not offered in {}: {}", region_id, r.not_offered) }</span>
                    { " · as of " }<time datetime={r.as_of}>{ r.as_of }</time>{ " · " }
                    <SourceLink source={r.source.clone()} />
                } else {
                    <span>{ "No sourced figure for this Region (none is copied from another Region): supply your own figure." }</span>
                }
            </td>
            <td class="catalog__edit">
                <label class="visually-hidden" for={input_id.clone()}>{ format!("Override {} ({})", r.label, r.unit) }</label>
                <input id={input_id} type="text" inputmode="decimal" class="catalog__input" autocomplete="off"
                    placeholder={if r.original.is_empty() { "your figure".to_string() } else { r.original.clone() }}
                    value={if r.overridden { r.value.clone() } else { String::new() }} {onchange} />
                if r.overridden {
                    <button type="button" class="button button--quiet" onclick={onreset}
                        aria-label={format!("Reset {} to the catalog figure", r.label)}>{ "Reset" }</button>
                }
            </td>
        </tr>
    }
}

/// The catalog panel (`[data-testid="catalog"]`).
#[component]
pub fn CatalogPanel(props: &CatalogPanelProps) -> Html {
    let dispatch = use_context::<Dispatch>().expect("dispatch context");
    let v = &props.view;
    let on_region = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let i = e.target_unchecked_into::<HtmlSelectElement>().selected_index();
            if i >= 0 {
                dispatch.dispatch(Action::Set(Key::Region, Val::Choice(i as usize)));
            }
        })
    };
    let on_clear = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::ClearOverrides))
    };
    let on_export = {
        let (dispatch, overrides) = (dispatch.clone(), props.overrides.clone());
        Callback::from(move |_| {
            if let Err(why) = web::stringify(&overrides.export(), true).and_then(|text| web::download(OVERRIDES_FILE, "application/json", &text)) {
                dispatch.dispatch(notice(format!("Overrides not exported: {why}.")));
            }
        })
    };
    let on_import = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let d = dispatch.clone();
            web::read_file(
                &input,
                Callback::from(move |res: Result<String, String>| match res {
                    Ok(text) => match Overrides::import(web::parse(&text)) {
                        Ok(o) => {
                            let n = o.len();
                            d.dispatch(Action::ReplaceOverrides(o));
                            d.dispatch(notice(format!("Imported {n} rate override{}.", if n == 1 { "" } else { "s" })));
                        }
                        Err(issues) => {
                            // Every problem, up to a screenful; the count of the rest.
                            let first: Vec<String> = issues.iter().take(MAX_LISTED).map(ToString::to_string).collect();
                            let more = if issues.len() > MAX_LISTED { format!(" (and {} more problems)", issues.len() - MAX_LISTED) } else { String::new() };
                            d.dispatch(notice(format!("Overrides not imported, nothing was changed: {}{more}", first.join(" "))));
                        }
                    },
                    Err(why) => d.dispatch(notice(format!("Overrides not imported: {why}."))),
                }),
            );
            input.set_value("");
        })
    };
    html! {
        <section class="panel panel--catalog" aria-labelledby="catalog-title" data-testid="catalog" data-as-of={v.as_of}>
            <h2 id="catalog-title" class="panel__title">{ "Pricing catalog" }</h2>
            <p class="panel__lede">
                { "Catalog as of " }<time datetime={v.as_of}>{ v.as_of }</time>
                { format!(". {} of {} rates have a figure in {}", v.priced, v.rows.len(), v.region_id) }
                if v.overrides > 0 { { format!("; {} override{} stored", v.overrides, if v.overrides == 1 { "" } else { "s" }) } }
                { ". Type your own figure to override a rate in this region (empty resets it)." }
            </p>
            if !v.gaps.is_empty() || v.not_offered > 0 {
                <p class="catalog__gaps" data-testid="catalog-gaps" data-region={v.region_id}
                    data-gaps={v.gaps.len().to_string()} data-not-offered={v.not_offered.to_string()}>
                    if v.not_offered > 0 {
                        { format!("{} rate{} not offered in {} (each row says why, with its source). ", v.not_offered,
                            if v.not_offered == 1 { " is" } else { "s are" }, v.region_id) }
                    }
                    if !v.gaps.is_empty() {
                        { format!("No sourced figure in {} for: {}. Nothing is copied from another Region; supply your own figure to cost what needs one.",
                            v.region_id, v.gaps.join("; ")) }
                    }
                </p>
            }
            <div class="catalog__tools">
                <label for="catalog-region">{ "Region" }</label>
                <select id="catalog-region" data-key="region" onchange={on_region}>
                    { for v.regions.iter().map(|r| html! { <option value={r.id} selected={r.selected}>{ &r.label }</option> }) }
                </select>
                <button type="button" class="button" data-testid="export-overrides" onclick={on_export}>{ "Export overrides (JSON)" }</button>
                <label class="catalog__import" for="import-overrides">{ "Import overrides (JSON)" }</label>
                <input id="import-overrides" class="file-input" type="file" accept="application/json,.json"
                    data-testid="import-overrides" onchange={on_import} />
                <button type="button" class="button button--quiet" onclick={on_clear} disabled={v.overrides == 0}>{ "Clear all overrides" }</button>
            </div>
            // Closed by default (open when overrides exist): a hundred rows with inputs would
            // otherwise double the time to the first cards on a cold load.
            <LazyDetails class="catalog__rates" open={v.overrides > 0}
                summary={format!("Every rate, with its source ({} rows)", v.rows.len())}>
            <div class="catalog__scroll">
                <table class="catalog__table">
                    <caption class="visually-hidden">{ format!("Every rate for {}", v.region_id) }</caption>
                    <thead><tr>
                        <th scope="col">{ "Rate" }</th><th scope="col">{ "Value" }</th>
                        <th scope="col">{ "Grade, region, date, source" }</th><th scope="col">{ "Your figure" }</th>
                    </tr></thead>
                    <tbody>
                        { for v.rows.iter().map(|r| html! { <RateLine key={r.id.clone()} row={Rc::new(r.clone())} region={v.region} region_id={v.region_id} /> }) }
                    </tbody>
                </table>
            </div>
            </LazyDetails>
        </section>
    }
}
