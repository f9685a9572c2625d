//! Saved scenarios, in the header: name and save the current inputs, load or delete a saved one,
//! export and import them as JSON. Kept in local storage under a versioned schema; a stored entry that
//! cannot be read is kept aside and the user is told.

use berth_core::saved::{Loaded, ReadError, Saved, FILE_NAME};
use berth_core::url::Notice;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::store::{Action, Dispatch};
use crate::web;

/// Local-storage key of the saved scenarios.
pub const SCENARIOS_KEY: &str = "berth.scenarios.v1";

fn notice(text: String) -> Notice {
    Notice { key: String::new(), text }
}

fn adjusted_notice(names: &[String]) -> Option<Notice> {
    (!names.is_empty()).then(|| {
        notice(format!(
            "Saved scenario{} {} had inputs this version does not accept; they load with the changes a link would get.",
            if names.len() == 1 { "" } else { "s" },
            names.iter().map(|n| format!("“{}”", berth_core::url::shown(n))).collect::<Vec<_>>().join(", ")
        ))
    })
}

/// Reads the stored scenarios; anything unreadable is kept aside, with a notice.
fn load() -> (Saved, Vec<Notice>) {
    // The key is only ever written when the user saves, deletes or imports, so text that could
    // not be kept aside stays in place until then.
    let read = |t: &str| read(t).map_err(|why| why.to_string());
    match crate::store::restore(SCENARIOS_KEY, read, "saved scenarios", "the list starts empty") {
        Ok(Some(l)) => (l.saved, adjusted_notice(&l.adjusted).into_iter().collect()),
        Ok(None) => (Saved::default(), Vec::new()),
        Err(n) => (Saved::default(), vec![n]),
    }
}

/// Reads a stored or imported document: the browser's JSON parser, serde, then the meaning checks.
fn read(text: &str) -> Result<Loaded, ReadError> {
    Saved::from_document(web::parse_strict(text)?)
}

fn store(s: &Saved, dispatch: &Dispatch) {
    let res = if s.is_empty() {
        web::remove(SCENARIOS_KEY);
        Ok(())
    } else {
        web::stringify(&s.document(), false).and_then(|text| web::save(SCENARIOS_KEY, &text))
    };
    if let Err(why) = res {
        dispatch.dispatch(Action::Notify(notice(format!("Saved scenarios not stored: {why}."))));
    }
}

/// Props of [`SavedMenu`].
#[derive(Properties, PartialEq)]
pub struct SavedMenuProps {
    /// The current query string (what Save stores).
    pub query: String,
    /// Draw what the closed summary hides (see `EmbedCodeProps::body`).
    #[prop_or(true)]
    pub body: bool,
}

/// The saved-scenarios menu (`[data-testid="saved"]`).
#[component]
pub fn SavedMenu(props: &SavedMenuProps) -> Html {
    let dispatch = use_context::<Dispatch>().expect("dispatch context");
    let first = use_memo((), |_| load());
    let saved = use_state(|| first.0.clone());
    {
        let (dispatch, first) = (dispatch.clone(), first.clone());
        use_effect_with((), move |_| {
            for n in &first.1 {
                dispatch.dispatch(Action::Notify(n.clone()));
            }
        });
    }
    let name = use_node_ref();
    // The last outcome of an import, shown inside the menu: the open menu covers the page's notices.
    let status = use_state(|| None::<String>);
    let summary = html! {
        <summary class="button button--quiet">{ format!("Saved scenarios ({})", saved.scenarios.len()) }</summary>
    };
    if !props.body {
        return html! { <details class="saved" data-testid="saved">{ summary }</details> };
    }
    let on_save = {
        let (dispatch, saved, name, query) = (dispatch.clone(), saved.clone(), name.clone(), props.query.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(input) = name.cast::<HtmlInputElement>() else { return };
            let mut s = (*saved).clone();
            match s.save(&input.value(), &query, &web::now_iso()) {
                Ok(()) => {
                    store(&s, &dispatch);
                    saved.set(s);
                    input.set_value("");
                }
                Err(why) => dispatch.dispatch(Action::Notify(notice(why.to_string()))),
            }
        })
    };
    let on_export = {
        let (dispatch, saved) = (dispatch.clone(), saved.clone());
        Callback::from(move |_| {
            if let Err(why) = web::stringify(&saved.document(), true).and_then(|text| web::download(FILE_NAME, "application/json", &text)) {
                dispatch.dispatch(Action::Notify(notice(format!("Saved scenarios not exported: {why}."))));
            }
        })
    };
    let on_import = {
        let (dispatch, saved, status) = (dispatch.clone(), saved.clone(), status.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let (d, saved) = (dispatch.clone(), saved.clone());
            // Said inside the open menu (which would cover the page's notices) and in the notices.
            let (status, notices) = (status.clone(), dispatch.clone());
            let tell = move |said: Vec<Notice>| {
                status.set(Some(said.iter().map(|n| n.text.as_str()).collect::<Vec<_>>().join(" ")));
                for n in said {
                    notices.dispatch(Action::Notify(n));
                }
            };
            web::read_file(
                &input,
                Callback::from(move |res: Result<String, String>| match res.and_then(|t| read(&t).map_err(|e| e.to_string())) {
                    Ok(l) => {
                        let mut s = (*saved).clone();
                        let mut refused = None;
                        for sc in &l.saved.scenarios {
                            if let Err(why) = s.save(&sc.name, &sc.query, &sc.saved_at) {
                                refused = Some(why);
                                break;
                            }
                        }
                        match refused {
                            Some(why) => tell(vec![notice(format!("Scenarios not imported, nothing was changed: {why}"))]),
                            None => {
                                store(&s, &d);
                                saved.set(s);
                                let n = l.saved.scenarios.len();
                                let mut said = vec![notice(format!("Imported {n} saved scenario{}.", if n == 1 { "" } else { "s" }))];
                                said.extend(adjusted_notice(&l.adjusted));
                                tell(said);
                            }
                        }
                    }
                    Err(why) => tell(vec![notice(format!("Scenarios not imported, nothing was changed: {why}."))]),
                }),
            );
            input.set_value("");
        })
    };
    html! {
        <details class="saved" data-testid="saved">
            { summary }
            <div class="saved__body">
                <form class="saved__form" onsubmit={on_save}>
                    <label for="save-name">{ "Name these inputs" }</label>
                    <input id="save-name" ref={name} type="text" maxlength="80" autocomplete="off" data-testid="save-name" />
                    <button type="submit" class="button" data-testid="save">{ "Save" }</button>
                </form>
                if saved.scenarios.is_empty() {
                    <p class="saved__empty">{ "Nothing saved yet." }</p>
                } else {
                    <ul class="saved__list">
                        { for saved.scenarios.iter().map(|sc| {
                            let (d, q) = (dispatch.clone(), sc.query.clone());
                            let load = Callback::from(move |_| d.dispatch(Action::LoadQuery(q.clone())));
                            let (d, saved_h, n) = (dispatch.clone(), saved.clone(), sc.name.clone());
                            let delete = Callback::from(move |_| {
                                let mut s = (*saved_h).clone();
                                if s.delete(&n) {
                                    store(&s, &d);
                                    saved_h.set(s);
                                }
                            });
                            html! {
                                <li class="saved__item" data-testid="saved-item" data-name={sc.name.clone()} key={sc.name.clone()}>
                                    <span class="saved__name">{ &sc.name }</span>
                                    <button type="button" class="button" onclick={load}
                                        aria-label={format!("Load “{}”", sc.name)}>{ "Load" }</button>
                                    <button type="button" class="button button--quiet" onclick={delete}
                                        aria-label={format!("Delete “{}”", sc.name)}>{ "Delete" }</button>
                                </li>
                            }
                        }) }
                    </ul>
                }
                if let Some(text) = &*status {
                    <p class="saved__status" role="status" data-testid="saved-status">{ text }</p>
                }
                <div class="saved__io">
                    <button type="button" class="button button--quiet" data-testid="export-saved" onclick={on_export}
                        disabled={saved.scenarios.is_empty()}>{ "Export (JSON)" }</button>
                    <label for="import-saved">{ "Import (JSON)" }</label>
                    <input id="import-saved" class="file-input" type="file" accept="application/json,.json"
                        data-testid="import-saved" onchange={on_import} />
                </div>
            </div>
        </details>
    }
}
