//! Loads what study and check mode run: the `pack=` file when there is one (same origin only,
//! refused before any request otherwise), else the built-in scenarios (`scenarios.json`, shipped
//! beside the page and precached by the service worker), with the learner's progress on that pack.
//! A pack that cannot be used gives a notice (`data-key="pack"`) and the built-in scenarios instead.
//! The text is parsed by the browser's `JSON.parse` and mapped onto the core's serde types with
//! serde-wasm-bindgen; the core checks the meaning.

use std::rc::Rc;

use berth_core::model::Action;
use berth_core::study::pack::{self, Pack, RawPack};
use berth_core::study::progress::{storage_key, Progress, ProgressDoc};
use berth_core::study::source::{pack_url, BUILTIN_PATH};
use berth_core::url::{shown, Notice};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::store::{restore, Dispatch};

/// Reads a progress document's text (the browser parses the JSON).
pub fn progress_from_text(text: &str) -> Result<Progress, String> {
    let value = js_sys::JSON::parse(text).map_err(|_| "not JSON".to_string())?;
    let doc: ProgressDoc = serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())?;
    Progress::from_doc(doc)
}

/// A progress document's text.
pub fn progress_to_text(p: &Progress) -> Option<String> {
    let value = serde_wasm_bindgen::to_value(&p.to_doc()).ok()?;
    js_sys::JSON::stringify(&value).ok().map(String::from)
}

/// Whether `url` (resolved against the page) is on the page's own origin.
fn same_origin(url: &str) -> Result<String, String> {
    let w = web_sys::window().ok_or("no window")?;
    let base = w.document().and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    let resolved = web_sys::Url::new_with_base(url, &base).map_err(|_| "it is not a valid address".to_string())?;
    let origin = w.location().origin().map_err(|_| "the page has no origin")?;
    if resolved.origin() == origin {
        Ok(resolved.href())
    } else {
        Err("it is not on this site, and a pack is only read from the site that serves the page".into())
    }
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let href = same_origin(url)?;
    let w = web_sys::window().ok_or("no window")?;
    let resp = JsFuture::from(w.fetch_with_str(&href)).await.map_err(|_| "it could not be fetched (offline, or the server did not answer)".to_string())?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| "the fetch gave no response".to_string())?;
    if !resp.ok() {
        return Err(format!("the server answered {} {}", resp.status(), resp.status_text()));
    }
    if let Ok(Some(len)) = resp.headers().get("content-length") {
        if let Ok(n) = len.trim().parse::<usize>() {
            pack::check_size(n)?;
        }
    }
    let text = JsFuture::from(resp.text().map_err(|_| "its body could not be read".to_string())?)
        .await
        .map_err(|_| "its body could not be read".to_string())?;
    let text = text.as_string().ok_or("its body is not text")?;
    pack::check_size(text.len())?;
    Ok(text)
}

/// Fetches and reads the pack at `url`; `source` is the `pack=` value (empty: built-in).
async fn load(url: &str, source: &str) -> Result<Pack, String> {
    let text = fetch_text(url).await?;
    let value = js_sys::JSON::parse(&text).map_err(|e| {
        let msg = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
        format!("it is not valid JSON ({})", shown(&msg))
    })?;
    let raw: RawPack = serde_wasm_bindgen::from_value(value).map_err(|e| format!("it is not a scenario pack ({})", shown(&e.to_string())))?;
    pack::read(raw, source)
}

/// The stored progress on the pack from `source`, with a notice when it could not be read.
fn progress_for(dispatch: &Dispatch, source: &str) -> Progress {
    match restore(&storage_key(source), progress_from_text, "study progress", "a new score starts") {
        Ok(p) => p.unwrap_or_default(),
        Err(notice) => {
            dispatch.dispatch(Action::Notify(notice));
            Progress::default()
        }
    }
}

/// Starts loading the scenarios for the `pack=` value `wanted` (empty: the built-in ones).
pub fn start(dispatch: Dispatch, wanted: String) {
    wasm_bindgen_futures::spawn_local(async move {
        if !wanted.is_empty() {
            let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
            let why = match pack_url(&wanted, &origin) {
                Ok(url) => match load(&url, &wanted).await {
                    Ok(p) => {
                        let progress = progress_for(&dispatch, &p.source);
                        dispatch.dispatch(Action::PackLoaded(Rc::new(p), progress));
                        return;
                    }
                    Err(why) => why,
                },
                Err(why) => why,
            };
            let text = format!("The scenario pack “{}” cannot be used: {why}. The built-in scenarios are shown instead.", shown(&wanted));
            dispatch.dispatch(Action::Notify(Notice { key: "pack".into(), text }));
        }
        match load(BUILTIN_PATH, "").await {
            Ok(p) => {
                let progress = progress_for(&dispatch, "");
                dispatch.dispatch(Action::PackLoaded(Rc::new(p), progress));
            }
            Err(why) => dispatch.dispatch(Action::PackFailed(format!("The study scenarios could not be loaded: {why}. Reload the page to try again."))),
        }
    });
}
