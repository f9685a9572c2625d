//! The root component: one reducer over the core's `Model`, a memoized decision explanation, the
//! view model built on every change, and the effects that mirror the model into the URL and local
//! storage.

use std::rc::Rc;

use berth_core::catalog::Overrides;
use berth_core::decision::Facts;
use berth_core::model::{slider_neighbours, update, Action, Model};
use berth_core::study::Progress;
use berth_core::url::Notice;
use berth_core::view::{self, Page};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::components::layout::Layout;
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
pub fn restore<T>(key: &'static str, read: impl FnOnce(&str) -> Result<T, String>, what: &str, fallback: &str) -> Result<Option<T>, Notice> {
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
fn settle<T>(m: &mut Model, read: Result<Option<T>, Notice>) -> Option<T> {
    read.unwrap_or_else(|notice| {
        m.notices.push(notice);
        None
    })
}

fn initial_model() -> Model {
    let mut m = Model::from_query(&web::search());
    m.narrow = web::media_matches(web::NARROW_MEDIA);
    let overrides = |t: &str| {
        Overrides::from_json(t).map_err(|issues| format!("{} problem{}", issues.len(), if issues.len() == 1 { "" } else { "s" }))
    };
    if let Some(o) = settle(&mut m, restore(OVERRIDES_KEY, overrides, "rate overrides", "the catalog rates are used")) {
        m.overrides = o;
    }
    let progress = |t: &str| Progress::from_json(t).map_err(|why| why.to_string());
    if let Some(p) = settle(&mut m, restore(STUDY_KEY, progress, "study progress", "a new score starts")) {
        m.progress = p;
    }
    m
}

/// The whole app.
#[component]
pub fn App() -> Html {
    let store = use_reducer(|| Store(initial_model()));
    let facts = Facts::from_state(&store.0.state);
    let explanation = use_memo(facts, view::explanation);
    let page: Rc<Page> = {
        let model = store.0.clone();
        let e = explanation.clone();
        use_memo(model, move |m| view::page(m, &e))
    };

    // The catalog panel changes only with the region and the overrides.
    let region = store.0.state.choice(berth_core::params::Key::Region);
    let overrides = use_memo(store.0.overrides.clone(), |o| o.clone());
    let catalog = use_memo((region, store.0.overrides.clone()), |(r, o)| view::catalog::catalog(*r, o));

    // Mirror the inputs into the address bar, a moment after the last change.
    use_effect_with(page.query.clone(), |q| {
        let q = q.clone();
        let t = Timeout::new(150, move || web::replace_query(&q));
        move || drop(t)
    });

    // Keep the overrides in local storage. Only changes are written: at start storage already
    // holds what was just read from it (or unreadable text that could not be kept aside, which
    // must stay), and writing it back could undo what another tab wrote in between.
    {
        let dispatch = store.dispatcher();
        use_change_effect(store.0.overrides.clone(), move |o| {
            persist(&dispatch, OVERRIDES_KEY, (!o.is_empty()).then(|| o.to_json()), "Rate overrides");
        });
    }

    // Keep the study progress in local storage.
    {
        let dispatch = store.dispatcher();
        use_change_effect(store.0.progress.clone(), move |p| {
            persist(&dispatch, STUDY_KEY, (!p.is_empty()).then(|| p.to_json()), "Study progress");
        });
    }

    // Embedded in a lesson: tell the host page about each revealed study answer…
    {
        let progress = store.0.progress.clone();
        use_effect_with(store.0.answer_seq, move |seq| {
            if *seq > 0 {
                if let Some(a) = progress.answers().last() {
                    web::post_to_host(&berth_core::study::answer_message(a, progress.score()));
                }
            }
        });
    }

    // …the inputs and the answer whenever they change…
    {
        let state = store.0.state.clone();
        let decision = explanation.decision;
        use_effect_with(page.query.clone(), move |_| {
            web::post_to_host(&berth_core::embed::state_message(&state, &decision));
        });
    }

    // …and the content height, so it can size the frame.
    use_effect_with((), |_| {
        let watch = web::in_frame()
            .then(|| web::watch_height(".app", |h| web::post_to_host(&berth_core::embed::resize_message(h))))
            .flatten();
        move || drop(watch)
    });

    // Charts follow the viewport between phone and wide sizes.
    {
        let dispatch = store.dispatcher();
        use_effect_with((), move |_| {
            let listener = web::watch_media(web::NARROW_MEDIA, move |narrow| dispatch.dispatch(Action::SetNarrow(narrow)));
            move || drop(listener)
        });
    }

    // The first render holds what answers the question (inputs, recommendation, cards); the costs,
    // charts, commitments and catalog follow in a task of their own once that has been painted, so
    // the answer shows up without waiting for the other two thirds of the page.
    let complete = use_state_eq(|| false);
    {
        let complete = complete.clone();
        use_effect_with((), move |_| {
            let guard = web::after_paint(move || complete.set(true));
            move || drop(guard)
        });
    }

    // Once the page is complete and shows the sliders (not in study mode), compute in the
    // background the pages one slider step away. The browser compiles the wasm's functions when
    // they are first called and optimizes them once they are hot, so a slider's first moves run up
    // to three times slower than later ones; this takes the view model's share of that off the
    // first drag (Yew's and the DOM's remain).
    {
        let store = store.clone();
        use_effect_with((*complete, page.study.is_none()), move |&(done, explore)| {
            let rehearse = (done && explore).then(|| {
                web::one_task_each(slider_neighbours(&store.0), 20, |m| {
                    let e = view::explanation(&Facts::from_state(&m.state));
                    std::hint::black_box(view::page(&m, &e));
                })
            });
            move || drop(rehearse)
        });
    }

    // A link to a part of the page (`#chart-tasks`) lands there once that part is drawn. Not in a
    // lesson's frame: the host page decides what is in sight.
    use_effect_with(*complete, |done| {
        if *done && !web::in_frame() {
            web::scroll_to_fragment();
        }
    });

    // Back and forward restore the inputs of that entry.
    {
        let dispatch = store.dispatcher();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "popstate", move |_| dispatch.dispatch(Action::LoadQuery(web::search())))
            });
            move || drop(listener)
        });
    }

    html! {
        <ContextProvider<Dispatch> context={store.dispatcher()}>
            <Layout page={page} catalog={catalog} overrides={overrides} complete={*complete} />
        </ContextProvider<Dispatch>>
    }
}

/// Like `use_effect_with`, but not on mount: `f` runs each time `deps` change after the first render.
#[hook]
fn use_change_effect<T: PartialEq + 'static>(deps: T, f: impl Fn(&T) + 'static) {
    let first = use_mut_ref(|| true);
    use_effect_with(deps, move |d| {
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            f(d);
        }
    });
}

/// Writes `json` under `key` (removes the key when there is nothing to keep); a storage failure
/// becomes a notice naming `what`.
fn persist(dispatch: &Dispatch, key: &'static str, json: Option<String>, what: &str) {
    let res = match json {
        Some(text) => web::save(key, &text),
        None => {
            web::remove(key);
            Ok(())
        }
    };
    if let Err(why) = res {
        dispatch.dispatch(Action::Notify(Notice { key: String::new(), text: format!("{what} not saved: {why}.") }));
    }
}
