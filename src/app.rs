//! The root component: one reducer over the core's `Model`, a memoized decision explanation, the
//! view model built on every change, and the effects that mirror the model into the URL and local
//! storage.

use std::rc::Rc;

use berth_core::catalog::Overrides;
use berth_core::decision::Facts;
use berth_core::model::{slider_neighbours, Model};
use berth_core::params::{Key, Mode};
use berth_core::study::progress::storage_key;
use berth_core::view::{self, Page};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::components::layout::Layout;
use crate::store::{persist, restore, settle, Action, Dispatch, Store, OVERRIDES_KEY};
use crate::web;

fn initial_model() -> Model {
    let mut m = Model::from_query(&web::search());
    m.narrow = web::media_matches(web::NARROW_MEDIA);
    let overrides = |t: &str| {
        Overrides::import(web::parse(t)).map_err(|issues| format!("{} problem{}", issues.len(), if issues.len() == 1 { "" } else { "s" }))
    };
    // A link that carries overrides (`rates=`) shows those; the stored ones wait for the next visit.
    if !m.link_rates {
        if let Some(o) = settle(&mut m, restore(OVERRIDES_KEY, overrides, "rate overrides", "the catalog rates are used")) {
            m.overrides = o;
        }
    }
    // Study progress is read with the scenarios it scores, when study or check mode loads them
    // (crate::study_loader).
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
        // A link's overrides (`rates=`) are never written over the user's own.
        use_change_effect((store.0.overrides.clone(), store.0.link_rates), move |(o, from_link)| {
            if !*from_link {
                persist(&dispatch, OVERRIDES_KEY, (!o.is_empty()).then(|| web::stringify(&o.export(), true)), "Rate overrides");
            }
        });
    }

    // Study and check mode run a pack of scenarios: the `pack=` file or the built-in ones, fetched
    // when one of those modes first shows (and again if `pack=` changes).
    {
        let requested = use_mut_ref(|| None::<String>);
        let dispatch = store.dispatcher();
        let needs = matches!(store.0.state.mode(), Mode::Study | Mode::Check);
        let wanted = store.0.state.token(Key::Pack).to_string();
        use_effect_with((needs, wanted), move |(needs, wanted)| {
            if *needs && requested.borrow().as_deref() != Some(wanted.as_str()) {
                *requested.borrow_mut() = Some(wanted.clone());
                crate::study_loader::start(dispatch, wanted.clone());
            }
        });
    }

    // Keep the study progress in local storage, under the key of the pack it scores. Only changes
    // are written (a pack's progress arrives with the pack, as it was stored).
    {
        let dispatch = store.dispatcher();
        let source = use_mut_ref(String::new);
        if let Some(p) = store.0.pack.pack() {
            if *source.borrow() != p.source {
                *source.borrow_mut() = p.source.clone();
            }
        }
        use_change_effect(store.0.progress.clone(), move |p| {
            let key = storage_key(&source.borrow());
            persist(&dispatch, &key, crate::study_loader::progress_to_text(p).filter(|_| !p.is_empty()).map(Ok), "Study progress");
        });
    }

    // Embedded in a lesson: tell the host page about each revealed study answer…
    {
        let progress = store.0.progress.clone();
        let pack = store.0.pack.pack().cloned();
        use_effect_with(store.0.answer_seq, move |seq| {
            if let (true, Some(a), Some(pack)) = (*seq > 0, progress.answers().last(), pack) {
                web::post_to_host(&berth_core::study::answer_message(a, progress.score(&pack), &pack.title, &pack.source));
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
