//! The page layout: header, notices, inputs, the recommendation, costs, charts and cards, shown or
//! hidden by mode, embed and `panels=`. In study mode the study view replaces the explore panels.

use std::rc::Rc;

use berth_core::catalog::Overrides;
use berth_core::view::{CatalogView, Page};
use yew::prelude::*;

use super::cards::cards;
use super::catalog_panel::CatalogPanel;
use super::charts::charts;
use super::commitments_panel::commitments_panel;
use super::cost_panel::cost_panel;
use super::decision_panel::decision_panel;
use super::export_csv::export_csv;
use super::header::Header;
use super::notices::notices;
use super::recommendation::recommendation;
use super::study_panel::study_panel;
use crate::app::Dispatch;

/// The page: the view model `p`, the pricing catalog panel (built apart from the page: it changes
/// only with the region and the overrides) and the rate overrides (for their export). A plain
/// function rather than a component: see [`super::source_link::source_link`]; `dispatch` sends
/// the actions.
pub fn layout(dispatch: &Dispatch, p: &Rc<Page>, catalog: &Rc<CatalogView>, overrides: &Rc<Overrides>) -> Html {
    let show = |id: &str| p.panels.shows(id);
    let class = classes!("app", p.embed.then_some("app--embed"));
    html! {
        <div class={class}>
            if !p.embed {
                <Header query={p.query.clone()} as_of={p.catalog_as_of} overrides={p.overrides} study={p.study.is_some()} />
            }
            { notices(dispatch, &p.notices) }
            if let Some(study) = &p.study {
                <main id="main" class="study-main">
                    if p.embed {
                        <h1 class="visually-hidden">{ "Berth: study scenarios" }</h1>
                    }
                    { study_panel(dispatch, &Rc::new(study.clone()), p.embed) }
                </main>
            } else {
                <main id="main" class="layout">
                    if p.embed {
                        <h1 class="visually-hidden">{ "Berth: running containers on AWS" }</h1>
                    }
                    if show("inputs") {
                        { decision_panel(&p.decision_groups) }
                    }
                    <div class="layout__results">
                        if show("cards") {
                            { recommendation(dispatch, &p.recommendation) }
                        }
                        if show("costs") {
                            { cost_panel(&p.cost_groups, p.catalog_as_of) }
                        }
                        { charts(&p.charts.iter().filter(|c| show(c.id)).cloned().map(Rc::new).collect::<Vec<_>>()) }
                        if show("commitments") {
                            { commitments_panel(&p.commitments) }
                        }
                        if show("cards") {
                            { export_csv(dispatch, p) }
                            { cards(&p.cards.iter().cloned().map(Rc::new).collect::<Vec<_>>()) }
                        }
                        if show("catalog") {
                            <CatalogPanel view={catalog.clone()} overrides={overrides.clone()} />
                        }
                    </div>
                </main>
            }
            if p.embed {
                <footer class="app__open">
                    <a href={crate::web::url_with(&p.open_query)} target="_blank" rel="noopener">{ "Open this in the full playground" }</a>
                </footer>
            }
        </div>
    }
}
