//! The Import panel: paste or choose an ECS task definition, a Kubernetes manifest or a Compose
//! file, and the inputs, the URL and the recommendation follow at once; undo puts back what was
//! there.
//!
//! The text goes to the import worker (`crate::import_worker`, its own wasm, fetched when the
//! panel is first opened) and comes back as a reading; `berth_core::import::apply::plan` turns that
//! into a query, which is loaded like a link (`Action::LoadQuery`), so ranges and notices are the
//! URL parser's. The text is never sent anywhere nor stored; an oversized paste is refused here,
//! before it is copied anywhere.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use berth_core::import::apply::{plan, Plan};
use berth_core::import::{ImportError, Ignored, Reading, Request, MAX_BYTES};
use berth_core::model::Action;
use berth_core::url::parse_query;
use gloo::timers::callback::Timeout;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::import_worker::{Failure, Reader};
use crate::store::Dispatch;
use crate::web;

/// How long the worker may take before the panel gives up on it.
const ANSWER_MS: u32 = 15_000;

/// Where the panel is.
#[derive(Clone, PartialEq)]
enum Outcome {
    Idle,
    Busy,
    Done { reading: Reading, plan: Plan },
    Failed(Failure),
    Undone,
}

/// Props of [`ImportPanel`].
#[derive(Properties, PartialEq)]
pub struct ImportPanelProps {
    /// The current query string (the inputs the import starts from).
    pub query: String,
}

/// What a run needs, shared by the callbacks.
#[derive(Clone)]
struct Runner {
    dispatch: Dispatch,
    outcome: UseStateHandle<Outcome>,
    undo: UseStateHandle<Option<String>>,
    reader: Rc<RefCell<Option<Reader>>>,
    query: Rc<RefCell<String>>,
    last_text: Rc<RefCell<String>>,
    base: Rc<RefCell<Option<String>>>,
    seq: Rc<Cell<u32>>,
    timer: Rc<RefCell<Option<Timeout>>>,
}

impl Runner {
    fn fail(&self, f: Failure) {
        self.outcome.set(Outcome::Failed(f));
    }

    /// Starts the worker if it is not running.
    fn ensure_reader(&self) {
        if self.reader.borrow().is_some() {
            return;
        }
        let (me, me2) = (self.clone(), self.clone());
        let reader = Reader::spawn(
            move |id, result| me.answer(id, result),
            move || {
                me2.seq.set(me2.seq.get() + 1);
                me2.timer.replace(None);
                me2.fail(Failure { text: "The reader could not be started; nothing was changed.".into(), ignored: Vec::new() });
            },
        );
        self.reader.replace(reader);
    }

    /// Reads `text` in the worker and applies it on top of `base` (the inputs before any import).
    fn start(&self, text: String, service: Option<String>, base: Option<String>) {
        if text.len() > MAX_BYTES {
            return self.fail(Failure::from(&ImportError::TooBig { bytes: text.len() }));
        }
        if text.trim().is_empty() {
            return self.fail(Failure::from(&ImportError::Empty));
        }
        self.ensure_reader();
        let id = self.seq.get() + 1;
        self.seq.set(id);
        self.base.replace(base);
        self.outcome.set(Outcome::Busy);
        let me = self.clone();
        self.timer.replace(Some(Timeout::new(ANSWER_MS, move || {
            if me.seq.get() == id {
                me.seq.set(id + 1);
                me.fail(Failure { text: "The reader did not answer in time; nothing was changed.".into(), ignored: Vec::new() });
            }
        })));
        let req = Request { text, service };
        if let Some(r) = self.reader.borrow().as_ref() {
            r.ask(id, &req);
        }
        self.last_text.replace(req.text);
    }

    /// The worker's answer to request `id` (stale answers are dropped).
    fn answer(&self, id: u32, result: Result<Reading, Failure>) {
        if id != self.seq.get() {
            return;
        }
        self.timer.replace(None);
        match result {
            Ok(reading) => {
                let before = self.base.take().unwrap_or_else(|| self.query.borrow().clone());
                let p = plan(&parse_query(&before).0, &reading);
                self.dispatch.dispatch(Action::LoadQuery(p.query.clone()));
                self.undo.set(Some(before));
                self.outcome.set(Outcome::Done { reading, plan: p });
            }
            Err(f) => self.fail(f),
        }
    }
}

/// The Import button and, when open, its panel.
#[component]
pub fn ImportPanel(props: &ImportPanelProps) -> Html {
    let dispatch = use_context::<Dispatch>().expect("dispatch context");
    let open = use_state_eq(|| false);
    let text_ref = use_node_ref();
    let runner = Runner {
        dispatch,
        outcome: use_state(|| Outcome::Idle),
        undo: use_state(|| None::<String>),
        reader: use_mut_ref(|| None),
        query: use_mut_ref(String::new),
        last_text: use_mut_ref(String::new),
        base: use_mut_ref(|| None),
        seq: use_memo((), |_| Cell::new(0)),
        timer: use_mut_ref(|| None),
    };
    runner.query.replace(props.query.clone());

    // The worker (and its wasm) is fetched when the panel is first opened.
    {
        let r = runner.clone();
        use_effect_with(*open, move |open| {
            if *open {
                r.ensure_reader();
            }
        });
    }

    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let on_apply = {
        let (r, text_ref) = (runner.clone(), text_ref.clone());
        Callback::from(move |_| {
            let Some(area) = text_ref.cast::<HtmlTextAreaElement>() else { return };
            // Refused by length before the text is copied out of the page.
            let units = area.text_length() as usize;
            if units > MAX_BYTES {
                r.fail(Failure::from(&ImportError::TooBig { bytes: units }));
                return;
            }
            r.start(area.value(), None, None);
        })
    };
    let on_file = {
        let (r, text_ref) = (runner.clone(), text_ref.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let (r, text_ref) = (r.clone(), text_ref.clone());
            web::read_file(
                &input,
                Callback::from(move |res: Result<String, String>| match res {
                    Ok(text) => {
                        if let Some(area) = text_ref.cast::<HtmlTextAreaElement>() {
                            area.set_value(&text);
                        }
                        r.start(text, None, None);
                    }
                    Err(why) => r.fail(Failure { text: format!("Could not read the file: {why}."), ignored: Vec::new() }),
                }),
            );
        })
    };
    let on_service = {
        let r = runner.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let text = r.last_text.borrow().clone();
            r.start(text, Some(select.value()), (*r.undo).clone());
        })
    };
    let on_undo = {
        let r = runner.clone();
        Callback::from(move |_| {
            if let Some(before) = (*r.undo).clone() {
                r.dispatch.dispatch(Action::LoadQuery(before));
                r.undo.set(None);
                r.outcome.set(Outcome::Undone);
            }
        })
    };

    let busy = *runner.outcome == Outcome::Busy;
    let status = match &*runner.outcome {
        Outcome::Busy => "Reading…",
        Outcome::Undone => "The import was undone: the inputs are back as they were.",
        _ => "",
    };
    let ignored_list = |items: &[Ignored]| -> Html {
        if items.is_empty() {
            return Html::default();
        }
        html! {
            <>
                <h2 class="import__head">{ "Ignored" }</h2>
                <ul class="import__list">
                    { for items.iter().map(|i| html! {
                        <li data-testid="import-ignored">
                            if !i.path.is_empty() { <code class="import__path">{ &i.path }</code>{ ": " } }
                            { &i.why }
                        </li>
                    }) }
                </ul>
            </>
        }
    };
    let result = match &*runner.outcome {
        Outcome::Failed(f) => html! {
            <>
                <p class="import__error" data-testid="import-error" role="alert">{ &f.text }</p>
                { ignored_list(&f.ignored) }
            </>
        },
        Outcome::Done { reading, plan } => {
            let mut ignored = plan.skipped.clone();
            ignored.extend(reading.ignored.iter().cloned());
            html! {
                <>
                    <h2 class="import__head">{ format!("Read from this {}", reading.format) }</h2>
                    if reading.services.len() > 1 {
                        <p class="import__service">
                            <label for="import-service">{ "Service" }</label>
                            <select id="import-service" data-testid="import-service" onchange={on_service}>
                                { for reading.services.iter().map(|s| html! {
                                    <option value={s.clone()} selected={reading.service.as_deref() == Some(s.as_str())}>{ s }</option>
                                }) }
                            </select>
                        </p>
                    }
                    <ul class="import__list">
                        { for plan.applied.iter().map(|a| html! {
                            <li data-testid="import-field" data-key={a.key.clone()} data-value={a.value.clone()}>
                                <strong>{ format!("{} = {}", a.key, a.value) }</strong>{ " from " }
                                <code class="import__path">{ &a.path }</code>
                                if let Some(n) = &a.note { <span class="import__note">{ format!(" ({n})") }</span> }
                            </li>
                        }) }
                    </ul>
                    { ignored_list(&ignored) }
                </>
            }
        }
        _ => Html::default(),
    };

    html! {
        <div class="import">
            <button type="button" class="button button--quiet" data-testid="import-open" aria-expanded={open.to_string()}
                aria-controls="import-panel" onclick={toggle}>{ "Import" }</button>
            if *open {
                <section id="import-panel" class="import__body" aria-label="Import a task definition, manifest or compose file">
                    <p class="import__intro">
                        { "Paste an ECS task definition or service, a Kubernetes manifest or a Docker Compose file (YAML or JSON). \
                           It is read in this browser: nothing is sent or stored." }
                    </p>
                    <label for="import-text">{ "File contents" }</label>
                    <textarea id="import-text" class="import__text" data-testid="import-text" ref={text_ref} rows="10"
                        spellcheck="false" autocomplete="off" />
                    <div class="import__actions">
                        <button type="button" class="button" data-testid="import-apply" onclick={on_apply} disabled={busy}>{ "Apply" }</button>
                        if runner.undo.is_some() {
                            <button type="button" class="button button--quiet" data-testid="import-undo" onclick={on_undo}>{ "Undo import" }</button>
                        }
                        <label for="import-file">{ "or choose a file" }</label>
                        <input id="import-file" class="file-input" type="file" data-testid="import-file"
                            accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml" onchange={on_file} />
                    </div>
                    <p class="import__status" role="status">{ status }</p>
                    { result }
                </section>
            }
        </div>
    }
}
