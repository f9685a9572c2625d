//! The shell's store: the reducer over the core's `Model`, the `Dispatch` handle components send
//! actions through, and the local-storage reads and writes the reducer's state is mirrored into.
//! Components depend on this module, never on the root component that renders them.

use std::rc::Rc;

pub use berth_core::model::Action;
use berth_core::model::{update, Model};
use berth_core::url::Notice;
use yew::prelude::*;

use crate::web;

/// Local-storage key of the rate overrides.
pub const OVERRIDES_KEY: &str = "berth.overrides.v1";

/// Local-storage key of the study progress.
pub const STUDY_KEY: &str = berth_core::study::STORAGE_KEY;

/// The reducer's state: the core model.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Store(pub Model);

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut m = self.0.clone();
        update(&mut m, action);
        if m == self.0 {
            self
        } else {
            Rc::new(Store(m))
        }
    }
}

/// What components use to send actions.
pub type Dispatch = UseReducerDispatcher<Store>;

/// Reads the stored text under `key` with `read`. Text that cannot be read is kept aside under a
/// key of its own or, if even that fails, left where it is (nothing writes a key before the user
/// changes what it holds); the notice says which.
pub fn restore<T>(key: &str, read: impl FnOnce(&str) -> Result<T, String>, what: &str, fallback: &str) -> Result<Option<T>, Notice> {
    let Some(text) = web::load(key) else { return Ok(None) };
    let why = match read(&text) {
        Ok(v) => return Ok(Some(v)),
        Err(why) => why,
    };
    let text = match web::keep_aside(key, &text) {
        Ok(backup) => format!("Your saved {what} could not be read ({why}); the text was kept aside under “{backup}” and {fallback}."),
        Err(e) => format!("Your saved {what} could not be read ({why}) nor kept aside ({e}); the text stays under “{key}” until you change it, and {fallback}."),
    };
    Err(Notice { key: String::new(), text })
}

/// The value [`restore`] read, or `None` with its notice added to the model.
pub fn settle<T>(m: &mut Model, read: Result<Option<T>, Notice>) -> Option<T> {
    read.unwrap_or_else(|notice| {
        m.notices.push(notice);
        None
    })
}

/// Writes `json` under `key` (removes the key when there is nothing to keep); a storage failure
/// (or a document that could not be written) becomes a notice naming `what`.
pub fn persist(dispatch: &Dispatch, key: &str, json: Option<Result<String, String>>, what: &str) {
    let res = match json {
        Some(text) => text.and_then(|text| web::save(key, &text)),
        None => {
            web::remove(key);
            Ok(())
        }
    };
    if let Err(why) = res {
        dispatch.dispatch(Action::Notify(Notice { key: String::new(), text: format!("{what} not saved: {why}.") }));
    }
}
