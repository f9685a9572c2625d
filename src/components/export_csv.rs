//! The "Download CSV" button of the cost table: every card's bill, line by line, with totals.

use std::rc::Rc;

use berth_core::url::Notice;
use berth_core::view::csv::{costs_csv, FILE_NAME, MIME};
use berth_core::view::Page;
use yew::prelude::*;

use crate::store::{Action, Dispatch};
use crate::web;

/// Props of [`ExportCsv`].
#[derive(Properties, PartialEq)]
pub struct ExportCsvProps {
    /// The page (the cards are exported as shown).
    pub page: Rc<Page>,
}

/// The button (`[data-testid="export-csv"]`).
#[component]
pub fn ExportCsv(props: &ExportCsvProps) -> Html {
    let dispatch = use_context::<Dispatch>().expect("dispatch context");
    let onclick = {
        let page = props.page.clone();
        Callback::from(move |_| {
            if let Err(why) = web::download(FILE_NAME, MIME, &costs_csv(&page.cards)) {
                dispatch.dispatch(Action::Notify(Notice { key: String::new(), text: format!("Cost table not exported: {why}.") }));
            }
        })
    };
    html! {
        <p class="export-csv">
            <button type="button" class="button" data-testid="export-csv" {onclick}>{ "Download the cost table (CSV)" }</button>
        </p>
    }
}
