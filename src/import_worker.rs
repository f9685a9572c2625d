//! The Import panel's web worker: reads a pasted file with the core's parser, off the page's thread.
//!
//! The parser (serde-saphyr and the typed readers of `berth_core::import`) would add to the first
//! load, and a large paste would block the page while it is parsed. So it runs in a second wasm,
//! `src/bin/import_worker.rs`, that Trunk builds as a worker (`data-type="worker"` with a loader
//! shim) and the panel starts only when it is first opened; the service worker precaches it like
//! every other file, so it works offline.
//!
//! Both sides of the conversation are here. A request is an [`Ask`] and the answer an [`Answer`]
//! (serde types; `serde_wasm_bindgen` turns them into plain objects and back). The page's wasm
//! carries no JSON parser for them: gloo-worker's bridge with bincode added about 20 KB gzip to the
//! first load, and its loader is a `blob:` script that the page's CSP (`worker-src 'self'`) refuses.

use berth_core::import::{read, Ignored, ImportError, Reading, Request};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker};

/// The worker's loader shim, written by Trunk, relative to the page.
pub const LOADER: &str = "./import_worker_loader.js";

/// Why a text could not be applied, as the panel shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Failure {
    /// The error in plain words.
    pub text: String,
    /// What was ignored (when a file of a known format had nothing to read).
    pub ignored: Vec<Ignored>,
}

impl From<&ImportError> for Failure {
    fn from(e: &ImportError) -> Self {
        let ignored = match e {
            ImportError::Nothing(r) => r.ignored.clone(),
            _ => Vec::new(),
        };
        Failure { text: e.text(), ignored }
    }
}

/// A request to the worker: its id and what to read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ask {
    /// Counts the page's requests, so a late answer to an older text is recognised.
    pub id: u32,
    /// What to read.
    pub request: Request,
}

/// The worker's answer to the request `id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The request's id.
    pub id: u32,
    /// The reading, or why there is none.
    pub result: Result<Reading, Failure>,
}

/// The answer to `ask`, read in the worker.
fn answer(ask: Result<Ask, serde_wasm_bindgen::Error>) -> Answer {
    match ask {
        Ok(Ask { id, request }) => Answer { id, result: read(&request).map_err(|e| Failure::from(&e)) },
        Err(e) => Answer { id: u32::MAX, result: Err(Failure { text: format!("the request could not be read ({e})"), ignored: Vec::new() }) },
    }
}

/// The worker's side: answers every request with [`berth_core::import::read`].
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let reply_to = answer(serde_wasm_bindgen::from_value(e.data()));
        if let Ok(v) = serde_wasm_bindgen::to_value(&reply_to) {
            let _ = reply.post_message(&v);
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
}

/// The page's side: one running worker; dropping it stops the worker.
pub struct Reader {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Reader {
    /// Starts the worker. `on_answer` gets each answer with its request id; `on_error` is called
    /// when the worker cannot be loaded or fails.
    pub fn spawn(on_answer: impl Fn(u32, Result<Reading, Failure>) + 'static, on_error: impl Fn() + 'static) -> Option<Reader> {
        let worker = Worker::new(LOADER).ok()?;
        let on_error = std::rc::Rc::new(on_error);
        let on_broken = on_error.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            match serde_wasm_bindgen::from_value::<Answer>(e.data()) {
                Ok(a) => on_answer(a.id, a.result),
                // Both sides are this build; an answer that does not read is a broken worker.
                Err(_) => on_broken(),
            }
        });
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| on_error());
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(Reader { worker, _on_message: on_message, _on_error: on_error })
    }

    /// Sends request `id`.
    pub fn ask(&self, id: u32, req: &Request) {
        if let Ok(v) = serde_wasm_bindgen::to_value(&Ask { id, request: req.clone() }) {
            let _ = self.worker.post_message(&v);
        }
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
