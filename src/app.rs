//! The root component: one reducer over the core's `Model`, a memoized decision explanation, the
//! view model built on every change, and the effects that mirror the model into the URL and local
//! storage.

use std::rc::Rc;

use berth_core::catalog::Overrides;
use berth_core::decision::Facts;
use berth_core::model::{update, Action, Model};
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

fn initial_model() -> Model {
    let mut m = Model::from_query(&web::search());
    if let Some(text) = web::load(OVERRIDES_KEY) {
        match Overrides::from_json(&text) {
            Ok(o) => m.overrides = o,
            Err(issues) => {
                let problems = format!("{} problem{}", issues.len(), if issues.len() == 1 { "" } else { "s" });
                let text = match web::keep_aside(OVERRIDES_KEY, &text) {
                    Ok(backup) => format!(
                        "Your saved rate overrides could not be read ({problems}); they were kept aside under “{backup}” and the catalog rates are used."
                    ),
                    Err(why) => format!(
                        "Your saved rate overrides could not be read ({problems}) and could not be kept aside ({why}); the catalog rates are used."
                    ),
                };
                m.notices.push(Notice { key: String::new(), text });
            }
        }
    }
    if let Some(text) = web::load(STUDY_KEY) {
        match Progress::from_json(&text) {
            Ok(p) => m.progress = p,
            Err(why) => {
                // Keep the unreadable text aside (never drop it silently) under a key of its own.
                let backup = format!("{STUDY_KEY}.corrupt.{}", js_sys::Date::now() as u64);
                let kept = web::save(&backup, &text).is_ok();
                web::remove(STUDY_KEY);
                m.notices.push(Notice {
                    key: String::new(),
                    text: if kept {
                        format!("Your saved study progress could not be read ({why}); it was kept aside under “{backup}” and a new score starts.")
                    } else {
                        format!("Your saved study progress could not be read ({why}) nor kept aside; a new score starts.")
                    },
                });
            }
        }
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

    // Keep the overrides in local storage.
    {
        let dispatch = store.dispatcher();
        use_effect_with(store.0.overrides.clone(), move |o| {
            persist(&dispatch, OVERRIDES_KEY, (!o.is_empty()).then(|| o.to_json()), "Rate overrides");
        });
    }

    // Keep the study progress in local storage.
    {
        let dispatch = store.dispatcher();
        use_effect_with(store.0.progress.clone(), move |p| {
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
            <Layout page={page} catalog={catalog} overrides={overrides} />
        </ContextProvider<Dispatch>>
    }
}

/// Writes `json` under `key` (removes the key when there is nothing to keep); a storage failure
/// becomes a notice naming `what`.
fn persist(dispatch: &Dispatch, key: &str, json: Option<String>, what: &str) {
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
