//! The "Download CSV" button of the cost table: every card's bill, line by line, with totals.

use std::rc::Rc;

use berth_core::model::Action;
use berth_core::url::Notice;
use berth_core::view::csv::{costs_csv, FILE_NAME, MIME};
use berth_core::view::Page;
use yew::prelude::*;

use crate::app::Dispatch;
use crate::web;

/// The button (`[data-testid="export-csv"]`); the cards of `page` are exported as shown. A plain function rather than a component (see [`super::source_link::source_link`]); `dispatch`
/// sends the actions.
pub fn export_csv(dispatch: &Dispatch, page: &Rc<Page>) -> Html {
    let onclick = {
        let dispatch = dispatch.clone();
        let page = page.clone();
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
