//! Browser glue: the URL, local storage, JSON documents, the clipboard and the panic screen.
//!
//! Every call here can fail in a real browser (storage disabled, clipboard denied, no history in a
//! sandboxed frame), so each returns an `Option` or a `Result` and the app carries on without it.
//!
//! JSON is the browser's: documents are read with `JSON.parse` and `serde_wasm_bindgen::from_value`
//! into the core's serde types, written with `to_value` and `JSON.stringify`, and host messages are
//! posted as the objects `to_value` makes. The wasm carries no JSON parser or writer of its own.

use berth_core::document::DocError;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[cfg(target_arch = "wasm32")]
fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Natively (the build's snapshot of the first frame, see [`crate::snapshot`]) there is no
/// browser: the page is rendered as on a first visit, with no query, no storage and no frame.
#[cfg(not(target_arch = "wasm32"))]
fn window() -> Option<web_sys::Window> {
    None
}

/// The query string of the page's URL, without the `?`.
pub fn search() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .map(|s| s.trim_start_matches('?').to_string())
        .unwrap_or_default()
}

/// The page's address without query or fragment (works under any sub-path).
pub fn base_url() -> String {
    window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}

/// The page's path without query or fragment.
pub fn path() -> String {
    window().and_then(|w| w.location().pathname().ok()).unwrap_or_default()
}

/// The absolute address of the page with query `q`.
pub fn url_with(q: &str) -> String {
    if q.is_empty() {
        base_url()
    } else {
        format!("{}?{q}", base_url())
    }
}

/// Replaces the query string in the address bar without reloading or adding history.
pub fn replace_query(q: &str) {
    set_query(q, false);
}

/// Puts the query string in the address bar as a new history entry, so Back returns to the
/// inputs before it (a "what would change" link is a step the reader may want to undo).
pub fn push_query(q: &str) {
    set_query(q, true);
}

fn set_query(q: &str, push: bool) {
    let Some(w) = window() else { return };
    let hash = w.location().hash().unwrap_or_default();
    let url = if q.is_empty() { format!("{}{hash}", path()) } else { format!("{}?{q}{hash}", path()) };
    if let Ok(h) = w.history() {
        let _ = if push {
            h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// Reads a local-storage entry.
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Writes a local-storage entry. Fails when storage is unavailable or full.
pub fn save(key: &str, value: &str) -> Result<(), String> {
    let s = storage().ok_or_else(|| "local storage is not available in this browser".to_string())?;
    s.set_item(key, value).map_err(|_| "local storage is full or blocked".to_string())
}

/// Removes a local-storage entry.
pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Every local-storage key that starts with `prefix`.
pub fn keys_with_prefix(prefix: &str) -> Vec<String> {
    let Some(s) = storage() else { return Vec::new() };
    let n = s.length().unwrap_or(0);
    (0..n).filter_map(|i| s.key(i).ok().flatten()).filter(|k| k.starts_with(prefix)).collect()
}

/// Copies text to the clipboard; `done` receives whether it worked.
pub fn copy(text: String, done: yew::Callback<bool>) {
    let Some(w) = window() else {
        done.emit(false);
        return;
    };
    let clipboard = w.navigator().clipboard();
    let promise = clipboard.write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        done.emit(JsFuture::from(promise).await.is_ok());
    });
}

/// Offers text as a file download (JSON or CSV) through a temporary object URL.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |_| "the browser refused the download".to_string();
    let doc = window().and_then(|w| w.document()).ok_or("no document")?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").map_err(fail)?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Replaces the page with a readable error and a link back to the defaults if the app panics,
/// instead of leaving a frozen or blank page.
pub fn install_panic_screen() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info.to_string();
        web_sys::console::error_1(&msg.clone().into());
        let Some(doc) = window().and_then(|w| w.document()) else { return };
        let Some(body) = doc.body() else { return };
        let build = || -> Option<web_sys::Element> {
            let box_ = doc.create_element("div").ok()?;
            box_.set_class_name("panic");
            box_.set_attribute("role", "alert").ok()?;
            box_.set_attribute("data-testid", "panic").ok()?;
            let h = doc.create_element("h1").ok()?;
            h.set_text_content(Some("Something went wrong"));
            let p = doc.create_element("p").ok()?;
            p.set_text_content(Some(
                "The playground hit an error it could not recover from. Your link may hold a combination it does not handle; start again from the defaults.",
            ));
            let pre = doc.create_element("pre").ok()?;
            pre.set_text_content(Some(&msg));
            let a = doc.create_element("a").ok()?;
            a.set_attribute("href", &path()).ok()?;
            a.set_attribute("data-testid", "reset-link").ok()?;
            a.set_text_content(Some("Reset to defaults"));
            for el in [&h, &p, &pre, &a] {
                box_.append_child(el).ok()?;
            }
            Some(box_)
        };
        if let Some(el) = build() {
            body.set_text_content(None);
            let _ = body.append_child(&el);
        }
    }));
}

/// The viewports on which charts are drawn phone-sized (see `berth_core::view::charts::NARROW`).
pub const NARROW_MEDIA: &str = "(max-width: 560px)";

/// Whether the media query `query` matches now (false if it cannot be asked).
pub fn media_matches(query: &str) -> bool {
    window().and_then(|w| w.match_media(query).ok().flatten()).is_some_and(|m| m.matches())
}

/// Calls `on_change` with the new answer whenever the media query `query` starts or stops
/// matching. Watching stops when the returned listener is dropped.
pub fn watch_media(query: &str, on_change: impl Fn(bool) + 'static) -> Option<gloo::events::EventListener> {
    let list = window()?.match_media(query).ok().flatten()?;
    let target = list.clone();
    Some(gloo::events::EventListener::new(&list, "change", move |_| on_change(target.matches())))
}

/// Whether the page runs inside a frame (embedded in a lesson).
pub fn in_frame() -> bool {
    window().is_some_and(|w| match (w.parent(), w.top()) {
        (Ok(Some(parent)), Ok(Some(top))) => !js_sys::Object::is(&parent, &w) || !js_sys::Object::is(&top, &w),
        _ => false,
    })
}

/// The message of a JavaScript exception (`JSON.parse`'s `SyntaxError`), or a plain description.
fn js_error_text(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| "the browser could not parse it".into())
}

/// Reads JSON text as the document type `T`: the browser's `JSON.parse`, then
/// `serde_wasm_bindgen::from_value`.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, DocError> {
    let value = js_sys::JSON::parse(text).map_err(|e| DocError::NotJson(js_error_text(&e)))?;
    serde_wasm_bindgen::from_value(value).map_err(|e| DocError::Shape(e.to_string()))
}

/// [`parse`] for a format that refuses unknown fields (`deny_unknown_fields`). serde-wasm-bindgen
/// reads a struct by looking its fields up by name, so serde never sees the others: here every
/// member of the parsed value must also be in the document written back from what was read.
pub fn parse_strict<T: DeserializeOwned + Serialize>(text: &str) -> Result<T, DocError> {
    let value = js_sys::JSON::parse(text).map_err(|e| DocError::NotJson(js_error_text(&e)))?;
    let doc: T = serde_wasm_bindgen::from_value(value.clone()).map_err(|e| DocError::Shape(e.to_string()))?;
    let known = serde_wasm_bindgen::to_value(&doc).map_err(|e| DocError::Shape(e.to_string()))?;
    match unknown_member(&value, &known) {
        Some(k) => Err(DocError::Shape(format!("unknown field `{k}`"))),
        None => Ok(doc),
    }
}

/// The first member of `read` (recursively) that `known` does not have. `known` is a typed
/// document written back, so the walk is as deep as the format, whatever `read` holds.
fn unknown_member(read: &wasm_bindgen::JsValue, known: &wasm_bindgen::JsValue) -> Option<String> {
    use js_sys::{Array, Reflect};
    if Array::is_array(read) && Array::is_array(known) {
        let (r, k) = (Array::from(read), Array::from(known));
        return (0..r.length().min(k.length())).find_map(|i| unknown_member(&r.get(i), &k.get(i)));
    }
    if !read.is_object() || !known.is_object() || Array::is_array(read) {
        return None;
    }
    js_sys::Object::keys(read.unchecked_ref::<js_sys::Object>()).iter().find_map(|key| {
        if !Reflect::has(known, &key).unwrap_or(false) {
            return Some(key.as_string().unwrap_or_default());
        }
        unknown_member(&Reflect::get(read, &key).ok()?, &Reflect::get(known, &key).ok()?)
    })
}

/// Writes a document as JSON text: `serde_wasm_bindgen::to_value`, then `JSON.stringify`
/// (indented by two spaces when `pretty`, for files people open).
pub fn stringify<T: Serialize>(doc: &T, pretty: bool) -> Result<String, String> {
    let fail = |_| "the document could not be written as JSON".to_string();
    let value = serde_wasm_bindgen::to_value(doc).map_err(|e| e.to_string())?;
    let text = if pretty {
        js_sys::JSON::stringify_with_replacer_and_space(&value, &wasm_bindgen::JsValue::NULL, &wasm_bindgen::JsValue::from_f64(2.0))
    } else {
        js_sys::JSON::stringify(&value)
    };
    text.map_err(fail).map(String::from)
}

/// Posts a message to the host page when the app is embedded, as the plain object
/// `serde_wasm_bindgen::to_value` makes of it. The message carries no secret, and the host's origin
/// is unknown in advance, so any origin may receive it.
pub fn post_to_host<T: Serialize>(message: &T) {
    if !in_frame() {
        return;
    }
    let Some(w) = window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    if let Ok(value) = serde_wasm_bindgen::to_value(message) {
        let _ = parent.post_message(&value, "*");
    }
}

/// Watches the height of the element matching `selector` and calls `on_height` whenever it changes.
/// Returns a guard that stops watching when dropped.
pub fn watch_height(selector: &str, on_height: impl Fn(f64) + 'static) -> Option<HeightWatch> {
    let el = window()?.document()?.query_selector(selector).ok().flatten()?;
    watch_size(&el, |r| r.height(), on_height)
}

/// Watches the width of `el` (its border box, in CSS pixels) and calls `on_width` when it changes
/// by a pixel or more. Returns a guard that stops watching when dropped.
pub fn watch_width(el: &web_sys::Element, on_width: impl Fn(f64) + 'static) -> Option<HeightWatch> {
    watch_size(el, |r| r.width(), on_width)
}

/// One side of `el`'s box (`side` reads it off the bounding rectangle), reported to `on_change`
/// whenever it moves by a pixel or more, through a `ResizeObserver`.
fn watch_size(
    el: &web_sys::Element,
    side: impl Fn(&web_sys::DomRect) -> f64 + 'static,
    on_change: impl Fn(f64) + 'static,
) -> Option<HeightWatch> {
    use wasm_bindgen::closure::Closure;
    let target = el.clone();
    let last = std::cell::Cell::new(-1.0f64);
    let cb = Closure::<dyn FnMut(js_sys::Array, web_sys::ResizeObserver)>::new(move |_: js_sys::Array, _: web_sys::ResizeObserver| {
        let v = side(&target.get_bounding_client_rect());
        if (v - last.get()).abs() >= 1.0 {
            last.set(v);
            on_change(v);
        }
    });
    let observer = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()).ok()?;
    observer.observe(el);
    Some(HeightWatch { observer, _cb: cb })
}

/// Marks `el` with `data-away` while the element with id `target` is entirely above or below the
/// window (checked on scroll and resize, passively, without a render). Stops when dropped.
pub fn mark_while_away(el: web_sys::Element, target: &'static str) -> Option<[gloo::events::EventListener; 2]> {
    let w = window()?;
    let check = {
        let w = w.clone();
        move || {
            let away = w.document().and_then(|d| d.get_element_by_id(target)).is_some_and(|t| {
                let r = t.get_bounding_client_rect();
                let h = w.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
                r.height() > 0.0 && (r.bottom() < 0.0 || r.top() > h)
            });
            let _ = if away { el.set_attribute("data-away", "") } else { el.remove_attribute("data-away") };
        }
    };
    // Not checked at once: the first frame stays exactly as rendered (the build's snapshot of it is
    // compared attribute by attribute); any scroll, even a jump to a fragment, checks.
    // gloo's listeners are passive by default: they never hold up scrolling.
    let on_scroll = {
        let check = check.clone();
        gloo::events::EventListener::new(&w, "scroll", move |_| check())
    };
    let on_resize = gloo::events::EventListener::new(&w, "resize", move |_| check());
    Some([on_scroll, on_resize])
}

/// Keeps a [`watch_height`] or [`watch_width`] observer alive; disconnects it when dropped.
pub struct HeightWatch {
    observer: web_sys::ResizeObserver,
    _cb: wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array, web_sys::ResizeObserver)>,
}

impl Drop for HeightWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Milliseconds since the Unix epoch, from the browser's clock.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The current time as ISO 8601 text (`2026-11-29T10:00:00.000Z`).
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Keeps text that could not be read aside under `<key>.corrupt.<milliseconds>` and removes `key`,
/// so that nothing the user stored silently disappears. Returns the key it was kept under.
pub fn keep_aside(key: &str, text: &str) -> Result<String, String> {
    let backup = format!("{key}.corrupt.{}", now_ms() as u64);
    save(&backup, text)?;
    remove(key);
    Ok(backup)
}

/// Reads the first file chosen in a file input as text; `done` receives the text or why not.
pub fn read_file(input: &web_sys::HtmlInputElement, done: yew::Callback<Result<String, String>>) {
    let Some(file) = input.files().and_then(|l| l.get(0)) else {
        done.emit(Err("no file was chosen".into()));
        return;
    };
    if file.size() > 1_048_576.0 {
        done.emit(Err("the file is larger than 1 MB".into()));
        return;
    }
    let promise = file.text();
    wasm_bindgen_futures::spawn_local(async move {
        match JsFuture::from(promise).await {
            Ok(v) => done.emit(v.as_string().ok_or_else(|| "the file is not text".to_string())),
            Err(_) => done.emit(Err("the browser could not read the file".into())),
        }
    });
}

/// How long [`after_paint`] waits for an animation frame before it runs anyway. Browsers hold
/// frames back in hidden tabs and in frames scrolled out of sight; the rest of the page must not
/// wait for the reader to look at it.
pub const AFTER_PAINT_FALLBACK_MS: u32 = 100;

/// Runs `f` once, in a task of its own after the browser has painted the next frame (or after
/// [`AFTER_PAINT_FALLBACK_MS`], whichever comes first). Dropping the guard cancels it.
pub fn after_paint(f: impl FnOnce() + 'static) -> AfterPaint {
    use gloo::timers::callback::Timeout;
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;

    type Slot = Rc<RefCell<Option<Box<dyn FnOnce()>>>>;
    let slot: Slot = Rc::new(RefCell::new(Some(Box::new(f))));
    let fire = |slot: Slot| {
        move || {
            // Take first, then call: `f` may drop this guard.
            let f = slot.borrow_mut().take();
            if let Some(f) = f {
                f();
            }
        }
    };
    let fallback = Timeout::new(AFTER_PAINT_FALLBACK_MS, fire(slot.clone()));
    // Animation-frame callbacks run just before the frame is painted: the work goes in a task
    // queued from there, so it starts once that paint is done.
    let next: Rc<RefCell<Option<Timeout>>> = Rc::default();
    let frame = {
        let (next, run) = (next.clone(), fire(slot));
        Closure::once(move || *next.borrow_mut() = Some(Timeout::new(0, run)))
    };
    let request = window().and_then(|w| w.request_animation_frame(frame.as_ref().unchecked_ref()).ok());
    AfterPaint { _fallback: fallback, _next: next, _frame: frame, request }
}

/// Keeps an [`after_paint`] callback scheduled; cancels it when dropped.
pub struct AfterPaint {
    _fallback: gloo::timers::callback::Timeout,
    _next: std::rc::Rc<std::cell::RefCell<Option<gloo::timers::callback::Timeout>>>,
    _frame: wasm_bindgen::closure::Closure<dyn FnMut()>,
    request: Option<i32>,
}

impl Drop for AfterPaint {
    fn drop(&mut self) {
        // The frame callback must not run once its closure is gone.
        if let (Some(w), Some(id)) = (window(), self.request) {
            let _ = w.cancel_animation_frame(id);
        }
    }
}

/// Runs `f` on each of `items` in a task of its own, `gap_ms` apart, so that none of it makes one
/// long task and input that arrives in between is handled first. Dropping the guard cancels what
/// has not run yet.
pub fn one_task_each<T: 'static>(items: Vec<T>, gap_ms: u32, f: impl Fn(T) + 'static) -> TaskEach {
    let f = std::rc::Rc::new(f);
    TaskEach {
        _pending: items
            .into_iter()
            .zip(1u32..)
            .map(|(item, i)| {
                let f = f.clone();
                gloo::timers::callback::Timeout::new(gap_ms.saturating_mul(i), move || f(item))
            })
            .collect(),
    }
}

/// Keeps the tasks of [`one_task_each`] scheduled; cancels those still waiting when dropped.
pub struct TaskEach {
    _pending: Vec<gloo::timers::callback::Timeout>,
}

/// Scrolls to the element the address's fragment names (`#chart-tasks`), if there is one. The
/// browser looks for it while the page loads, before the app has drawn it.
pub fn scroll_to_fragment() {
    let Some(w) = window() else { return };
    let hash = w.location().hash().unwrap_or_default();
    let id = hash.trim_start_matches('#');
    if id.is_empty() {
        return;
    }
    if let Some(el) = w.document().and_then(|d| d.get_element_by_id(id)) {
        el.scroll_into_view();
    }
}
