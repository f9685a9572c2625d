//! The Import panel's web worker: reads a pasted file with the core's parser, off the page's thread.
//!
//! The parser (serde-saphyr and the typed readers of `berth_core::import`) would add to the first
//! load, and a large paste would block the page while it is parsed. So it runs in a second wasm,
//! `src/bin/import_worker.rs`, that Trunk builds as a worker (`data-type="worker"` with a loader
//! shim) and the panel starts only when it is first opened; the service worker precaches it like
//! every other file, so it works offline.
//!
//! Both sides of the conversation are here. A request is `{id, text, service}`; the answer is a
//! plain object (`{id, format, fields: [[key, value, path]], ignored: [[path, why]], services,
//! service}` or `{id, error, ignored}`), built and read with `js_sys`, so the page's wasm carries
//! no serializer: gloo-worker's bridge with bincode and serde's derives added about 20 KB gzip to the
//! first load, and its loader is a `blob:` script that the page's CSP (`worker-src 'self'`) refuses.

use berth_core::import::{read, ImportError, Ignored, Reading, Request};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker};

/// The worker's loader shim, written by Trunk, relative to the page.
pub const LOADER: &str = "./import_worker_loader.js";

/// Why a text could not be applied, as the panel shows it.
#[derive(Debug, Clone, PartialEq)]
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

fn set(o: &Object, key: &str, v: &JsValue) {
    let _ = Reflect::set(o, &JsValue::from_str(key), v);
}

fn get(o: &JsValue, key: &str) -> JsValue {
    Reflect::get(o, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn text(o: &JsValue, key: &str) -> Option<String> {
    get(o, key).as_string()
}

fn rows<const N: usize>(items: impl Iterator<Item = [String; N]>) -> Array {
    items.map(|row| row.iter().map(|s| JsValue::from_str(s)).collect::<Array>()).collect()
}

fn read_rows<const N: usize>(v: &JsValue) -> Vec<[String; N]> {
    if !Array::is_array(v) {
        return Vec::new();
    }
    Array::from(v)
        .iter()
        .map(|row| std::array::from_fn(|i| Reflect::get_u32(&row, i as u32).ok().and_then(|s| s.as_string()).unwrap_or_default()))
        .collect()
}

fn ignored_rows(items: &[Ignored]) -> Array {
    rows(items.iter().map(|i| [i.path.clone(), i.why.clone()]))
}

/// The answer to request `id`, as a plain object.
fn answer(id: f64, result: &Result<Reading, ImportError>) -> Object {
    let o = Object::new();
    set(&o, "id", &JsValue::from_f64(id));
    match result {
        Ok(r) => {
            set(&o, "format", &JsValue::from_str(&r.format));
            set(&o, "fields", &rows(r.fields.iter().map(|f| [f.key.clone(), f.value.clone(), f.path.clone()])));
            set(&o, "ignored", &ignored_rows(&r.ignored));
            set(&o, "services", &r.services.iter().map(|s| JsValue::from_str(s)).collect::<Array>());
            if let Some(s) = &r.service {
                set(&o, "service", &JsValue::from_str(s));
            }
        }
        Err(e) => {
            let f = Failure::from(e);
            set(&o, "error", &JsValue::from_str(&f.text));
            set(&o, "ignored", &ignored_rows(&f.ignored));
        }
    }
    o
}

/// Reads an answer back: its request id and the reading or the failure.
fn from_answer(v: &JsValue) -> (u32, Result<Reading, Failure>) {
    let id = get(v, "id").as_f64().unwrap_or(-1.0) as u32;
    let ignored = read_rows::<2>(&get(v, "ignored")).into_iter().map(|[path, why]| Ignored { path, why }).collect();
    if let Some(text) = text(v, "error") {
        return (id, Err(Failure { text, ignored }));
    }
    let services = get(v, "services");
    let reading = Reading {
        format: text(v, "format").unwrap_or_default(),
        fields: read_rows::<3>(&get(v, "fields"))
            .into_iter()
            .map(|[key, value, path]| berth_core::import::Field { key, value, path })
            .collect(),
        ignored,
        services: if Array::is_array(&services) { Array::from(&services).iter().filter_map(|s| s.as_string()).collect() } else { Vec::new() },
        service: text(v, "service"),
    };
    (id, Ok(reading))
}

/// The worker's side: answers every request with [`berth_core::import::read`].
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let data = e.data();
        let req = Request { text: text(&data, "text").unwrap_or_default(), service: text(&data, "service") };
        let id = get(&data, "id").as_f64().unwrap_or(-1.0);
        let _ = reply.post_message(&answer(id, &read(&req)));
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
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let (id, result) = from_answer(&e.data());
            on_answer(id, result);
        });
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| on_error());
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(Reader { worker, _on_message: on_message, _on_error: on_error })
    }

    /// Sends request `id`.
    pub fn ask(&self, id: u32, req: &Request) {
        let o = Object::new();
        set(&o, "id", &JsValue::from_f64(id as f64));
        set(&o, "text", &JsValue::from_str(&req.text));
        if let Some(s) = &req.service {
            set(&o, "service", &JsValue::from_str(s));
        }
        let _ = self.worker.post_message(&o);
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
