//! The page layout: header, notices, inputs, the recommendation, costs, charts and cards, shown or
//! hidden by mode, embed and `panels=`. In study mode the study view replaces the explore panels.
//! The first render leaves out everything below the answer (see `LayoutProps::complete`).

use std::rc::Rc;

use berth_core::catalog::Overrides;
use berth_core::params::Mode;
use berth_core::view::{CatalogView, Page, Pending};
use yew::prelude::*;

use super::answer_bar::AnswerBar;
use super::cards::Cards;
use super::catalog_panel::CatalogPanel;
use super::charts::Charts;
use super::check_panel::CheckPanel;
use super::commitments_panel::CommitmentsPanel;
use super::cost_panel::CostPanel;
use super::decision_panel::DecisionPanel;
use super::export_csv::ExportCsv;
use super::header::Header;
use super::notices::Notices;
use super::print_summary::PrintSummary;
use super::recommendation::Recommendation;
use super::study_panel::StudyPanel;

/// Props: the whole page.
#[derive(Properties, PartialEq)]
pub struct LayoutProps {
    /// The view model.
    pub page: Rc<Page>,
    /// The pricing catalog panel (built apart from the page: it changes only with the region and
    /// the overrides).
    pub catalog: Rc<CatalogView>,
    /// The rate overrides (for their export).
    pub overrides: Rc<Overrides>,
    /// False for the first render only: it leaves out the costs, charts, commitments, CSV export
    /// and catalog (the explore layout's `main` is `aria-busy` until they are in).
    pub complete: bool,
}

/// The page.
#[component]
pub fn Layout(props: &LayoutProps) -> Html {
    let p = &props.page;
    let show = |id: &str| p.panels.shows(id);
    let rest = props.complete;
    let class = classes!("app", p.embed.then_some("app--embed"));
    let charts: Vec<Rc<berth_core::view::ChartView>> = p.charts.iter().filter(|c| show(c.id)).cloned().map(Rc::new).collect();
    html! {
        <div class={class}>
            if !p.embed {
                <Header query={p.query.clone()} as_of={p.catalog_as_of} overrides={p.overrides} link_rates={p.link_rates} query_with_rates={p.query_with_rates.clone()} study={p.mode != Mode::Explore} complete={rest} />
            }
            if !p.embed && rest && p.mode == Mode::Explore {
                <PrintSummary inputs={p.changed_inputs.clone()} query={p.query.clone()} />
            }
            <Notices notices={Rc::new(p.notices.clone())} />
            if let Some(study) = &p.study {
                <main id="main" class="study-main">
                    if p.embed {
                        <h1 class="visually-hidden">{ "Berth: study scenarios" }</h1>
                    }
                    { pending(study, |v| html! { <StudyPanel study={Rc::new(v.clone())} embed={p.embed} /> }) }
                </main>
            } else if let Some(check) = &p.check {
                <main id="main" class="study-main">
                    { pending(check, |v| html! { <CheckPanel check={Rc::new(v.clone())} /> }) }
                </main>
            } else {
                <main id="main" class={classes!("layout", (!show("inputs")).then_some("layout--results"))} aria-busy={(!rest).then_some("true")}>
                    if p.embed {
                        <h1 class="visually-hidden">{ "Berth: running containers on AWS" }</h1>
                    }
                    if show("inputs") {
                        <DecisionPanel groups={Rc::new(p.decision_groups.clone())} />
                        if show("cards") || show("rec") {
                            <AnswerBar headline={p.recommendation.headline.clone()} cost={p.recommendation.cost.headline.clone()} />
                        }
                    }
                    <div class="layout__results">
                        if show("cards") || show("rec") {
                            <Recommendation rec={Rc::new(p.recommendation.clone())} />
                        }
                        if !rest && (show("costs") || show("commitments") || p.charts.iter().any(|c| show(c.id))) {
                            // Holds the place of what follows for the first frame, so the cards
                            // start below the screen and do not jump when the rest comes in.
                            <div class="layout__pending" aria-hidden="true"></div>
                        }
                        if rest && show("costs") {
                            // Each chart sits with its slider.
                            <CostPanel groups={Rc::new(p.cost_groups.clone())} as_of={p.catalog_as_of} charts={charts.clone()} />
                        }
                        if rest && !show("costs") {
                            // Without the cost inputs (a lesson showing a chart alone) the charts stand on their own.
                            <Charts charts={charts} />
                        }
                        if rest && show("commitments") {
                            <CommitmentsPanel view={Rc::new(p.commitments.clone())} />
                        }
                        if show("cards") {
                            // A lesson's frame stays short: the cost table is one click away in the full playground.
                            if rest && !p.embed {
                                <ExportCsv page={p.clone()} />
                            }
                            <Cards cards={p.cards.iter().cloned().map(Rc::new).collect::<Vec<_>>()} compact={p.embed} />
                        }
                        if rest && show("catalog") {
                            <CatalogPanel view={props.catalog.clone()} overrides={props.overrides.clone()} />
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

/// A study or check view, or the note that its scenarios are loading or could not be loaded.
fn pending<T>(p: &Pending<T>, ready: impl FnOnce(&T) -> Html) -> Html {
    match p {
        Pending::Ready(v) => ready(v),
        Pending::Loading => html! {
            <section class="panel study" data-testid="study-loading" aria-busy="true"><p role="status">{ "Loading the scenarios…" }</p></section>
        },
        Pending::Failed(why) => html! {
            <section class="panel study" data-testid="study-error"><p role="alert">{ why }</p></section>
        },
    }
}
