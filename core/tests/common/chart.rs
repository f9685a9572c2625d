//! Helpers shared by the chart tests: the page a query and a screen width give, as the shell
//! would render it.

use berth_core::decision::Facts;
use berth_core::model::{update, Action, Model};
use berth_core::view::{explanation, page, Page};

/// The page for a deep-link query, on a narrow screen or a wide one.
pub fn page_for(q: &str, narrow: bool) -> Page {
    let mut m = Model::from_query(q);
    update(&mut m, Action::SetNarrow(narrow));
    page(&m, &explanation(&Facts::from_state(&m.state)))
}
