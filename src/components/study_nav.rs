//! Study navigation: previous and next scenario, and the list of all scenarios with answered marks.

use std::rc::Rc;

use berth_core::view::StudyView;
use yew::prelude::*;

use crate::store::{Action, Dispatch};

/// Props of [`StudyNav`].
#[derive(Properties, PartialEq)]
pub struct StudyNavProps {
    /// The study view.
    pub study: Rc<StudyView>,
}

fn mark_text(mark: &str) -> &'static str {
    match mark {
        "correct" => "✓",
        "wrong" => "✗",
        _ => "",
    }
}

fn mark_label(mark: &str) -> &'static str {
    match mark {
        "correct" => " (answered, right)",
        "wrong" => " (answered, wrong)",
        _ => "",
    }
}

/// Previous, next and the scenario list.
#[component]
pub fn StudyNav(props: &StudyNavProps) -> Html {
    let dispatch = use_context::<Dispatch>().expect("dispatch context");
    let v = &props.study;
    let go = |id: Option<String>| {
        let d = dispatch.clone();
        Callback::from(move |_| {
            if let Some(id) = &id {
                d.dispatch(Action::StudyGo(id.clone()));
            }
        })
    };
    html! {
        <nav class="study-nav" aria-label="Scenarios">
            <div class="study-nav__steps">
                <button type="button" class="button button--quiet" disabled={v.prev.is_none()} onclick={go(v.prev.clone())}>
                    { "← Previous" }
                </button>
                <button type="button" class="button" data-testid="study-next" disabled={v.next.is_none()} onclick={go(v.next.clone())}>
                    { "Next →" }
                </button>
            </div>
            <details class="study-nav__all">
                <summary>{ format!("All {} scenarios", v.total) }</summary>
                <ol class="study-nav__list">
                    { for v.items.iter().map(|i| {
                        let onclick = go(Some(i.id.clone()));
                        html! {
                            <li class={classes!("study-nav__item", format!("study-nav__item--{}", if i.mark.is_empty() { "open" } else { i.mark }))}>
                                <button type="button" class="study-nav__link" {onclick}
                                    aria-current={i.current.then_some("true")} data-scenario={i.id.clone()}>
                                    <span class="study-nav__mark" aria-hidden="true">{ mark_text(i.mark) }</span>
                                    { &i.title }
                                    <span class="visually-hidden">{ mark_label(i.mark) }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ol>
            </details>
        </nav>
    }
}
