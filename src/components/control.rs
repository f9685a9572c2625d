//! One input control, drawn from its view: a checkbox, a select, or a slider with a number box.
//! Every control carries `data-key` with its URL key.

use std::rc::Rc;

use berth_core::state::Val;
use berth_core::view::controls::{ControlKind, ControlView};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::store::{Action, Dispatch};

/// Props of [`Control`].
#[derive(Properties, PartialEq)]
pub struct ControlProps {
    /// The control.
    pub control: Rc<ControlView>,
}

/// One control.
#[component]
pub fn Control(props: &ControlProps) -> Html {
    let dispatch = use_context::<Dispatch>().expect("dispatch context");
    let c = &props.control;
    let key = c.key;
    let id = format!("in-{}", c.name);
    let help_id = format!("{id}-help");
    // What the model made of this input (the instance type actually priced, say), read with the help.
    let note_id = format!("{id}-note");
    let described = if c.note.is_empty() { help_id.clone() } else { format!("{help_id} {note_id}") };
    let note_html = (!c.note.is_empty()).then(|| {
        html! { <p class="control__note" id={note_id} data-testid="control-note" data-key={c.name}>{ c.note.clone() }</p> }
    });
    let locked_note = c.locked.then(|| html! { <span class="control__lock">{ " (fixed by this lesson)" }</span> });
    let class = classes!("control", c.changed.then_some("control--changed"), c.locked.then_some("control--locked"));
    // The traffic box can take requests a month instead of req/s (issue 16).
    let per_month_unit = use_state(|| false);
    let disabled = c.locked || c.derived.is_some();
    let derived_note = c.derived.as_ref().map(|why| html! {
        <p class="control__derived" data-testid="derived-note" data-key={c.name}>{ why.clone() }</p>
    });
    match &c.kind {
        ControlKind::Check { checked } => {
            let onchange = Callback::from(move |e: Event| {
                let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                dispatch.dispatch(Action::Set(key, Val::Flag(on)));
            });
            html! {
                <div class={classes!(class, "control--check")}>
                    <input type="checkbox" id={id.clone()} data-key={c.name} checked={*checked}
                        disabled={c.locked} aria-describedby={described.clone()} {onchange} />
                    <label for={id}>{ c.label }{ locked_note }</label>
                    <p class="control__help" id={help_id}>{ c.help }</p>
                    { note_html.clone() }
                </div>
            }
        }
        ControlKind::Select { options, selected } => {
            let onchange = Callback::from(move |e: Event| {
                let i = e.target_unchecked_into::<HtmlSelectElement>().selected_index();
                if i >= 0 {
                    dispatch.dispatch(Action::Set(key, Val::Choice(i as usize)));
                }
            });
            html! {
                <div class={classes!(class, "control--select")}>
                    <label for={id.clone()}>{ c.label }{ locked_note }</label>
                    <select id={id} data-key={c.name} disabled={c.locked} aria-describedby={described.clone()} {onchange}>
                        { for options.iter().enumerate().map(|(i, (oid, label))| html! {
                            <option value={*oid} selected={i == *selected}>{ *label }</option>
                        }) }
                    </select>
                    <p class="control__help" id={help_id}>{ c.help }</p>
                    { note_html.clone() }
                </div>
            }
        }
        ControlKind::Number { value, min, max, unit, slider, value_text } => {
            let slider_html = slider.as_ref().map(|(smin, smax, step, at)| {
                let d = dispatch.clone();
                let oninput = Callback::from(move |e: InputEvent| {
                    let v = e.target_unchecked_into::<HtmlInputElement>().value_as_number();
                    d.dispatch(Action::Set(key, Val::Num(v)));
                });
                html! {
                    <input type="range" class="control__slider" id={format!("{id}-range")} data-key={c.name}
                        data-role="slider" min={smin.clone()} max={smax.clone()} step={step.clone()}
                        value={at.clone()} disabled={disabled} aria-label={c.label}
                        aria-valuetext={value_text.clone()} aria-describedby={described.clone()} {oninput} />
                }
            });
            let monthly = c.per_month.as_ref().filter(|_| *per_month_unit);
            let onchange = {
                let by_month = monthly.is_some();
                Callback::from(move |e: Event| {
                    let raw = e.target_unchecked_into::<HtmlInputElement>().value();
                    dispatch.dispatch(if by_month { Action::SetRpsPerMonth(raw) } else { Action::SetRaw(key, raw) });
                })
            };
            let (box_value, box_min, box_max) = match monthly {
                Some(pm) => (pm.value.clone(), "0".to_string(), String::new()),
                None => (value.clone(), min.clone(), max.clone()),
            };
            let unit_html = match &c.per_month {
                Some(_) => {
                    let flip = {
                        let per_month_unit = per_month_unit.clone();
                        Callback::from(move |e: Event| {
                            let i = e.target_unchecked_into::<HtmlSelectElement>().selected_index();
                            per_month_unit.set(i == 1);
                        })
                    };
                    html! {
                        <>
                            <select class="control__unit-switch" data-testid="rps-unit" aria-label="Unit of the request rate"
                                disabled={disabled} onchange={flip}>
                                <option value="rps" selected={!*per_month_unit}>{ *unit }</option>
                                <option value="month" selected={*per_month_unit}>{ "requests/month" }</option>
                            </select>
                        </>
                    }
                }
                None => html! { <span class="control__unit">{ *unit }</span> },
            };
            html! {
                <div class={classes!(class, "control--number", c.derived.is_some().then_some("control--derived"))}>
                    <label for={id.clone()}>{ c.label }{ locked_note }</label>
                    <div class="control__row">
                        { for slider_html }
                        <span class="control__box">
                            <input type="number" id={id} class="control__number" data-key={c.name} data-role="number"
                                min={box_min} max={box_max} step="any" value={box_value}
                                disabled={disabled} aria-describedby={described.clone()} {onchange} />
                            { unit_html }
                        </span>
                    </div>
                    { for c.per_month.as_ref().map(|pm| html! {
                        <p class="control__month" data-testid="rps-per-month">{ pm.text.clone() }</p>
                    }) }
                    { for derived_note }
                    <p class="control__help" id={help_id}>{ c.help }</p>
                    { note_html.clone() }
                </div>
            }
        }
    }
}
