//! The author check view (`mode=check&pack=…`): every scenario of a pack with the engine's answer
//! under each advice, the author's key and whether they agree, then every problem in the pack.

use std::rc::Rc;

use berth_core::view::CheckView;
use yew::prelude::*;

/// Props of [`CheckPanel`].
#[derive(Properties, PartialEq)]
pub struct CheckPanelProps {
    /// The check view.
    pub check: Rc<CheckView>,
}

/// The check root (`[data-testid="pack-checks"]`), one `[data-testid="pack-check"]` per scenario.
#[component]
pub fn CheckPanel(props: &CheckPanelProps) -> Html {
    let v = &props.check;
    let source = if v.source.is_empty() { "the built-in scenarios".to_string() } else { v.source.clone() };
    let advice = if v.advice == "exam" { "the exam answer key" } else { "today's AWS advice" };
    html! {
        <section class="panel check" aria-labelledby="check-title" data-testid="pack-checks" data-problems={v.problems.len().to_string()}>
            <h2 id="check-title" class="check__title">{ format!("Check: {}", v.title) }</h2>
            <p class="check__summary">
                { format!("{} scenario{} from {source}. Under {advice}, {} key{} agree with the engine and {} do not.",
                    v.rows.len(), if v.rows.len() == 1 { "" } else { "s" }, v.agree, if v.agree == 1 { "" } else { "s" }, v.disagree) }
            </p>
            <h3 class="check__subtitle">{ format!("Problems ({})", v.problems.len()) }</h3>
            if v.problems.is_empty() {
                <p class="check__none">{ "No problems found." }</p>
            } else {
                <ul class="check__problems">
                    { for v.problems.iter().map(|p| html! {
                        <li data-testid="pack-problem" data-scenario={p.scenario.clone()}>
                            if !p.scenario.is_empty() {
                                <strong>{ &p.scenario }</strong>{ ": " }
                            }
                            { &p.text }
                        </li>
                    }) }
                </ul>
            }
            <h3 class="check__subtitle">{ "Scenarios" }</h3>
            <ol class="check__list">
                { for v.rows.iter().map(|r| {
                    let agree = r.agree.map_or(String::new(), |a| a.to_string());
                    let verdict = match r.agree {
                        Some(true) => format!("Agrees: the key is {}.", r.key_name),
                        Some(false) => format!("Disagrees: the key is {}.", r.key_name),
                        None => "No key given.".to_string(),
                    };
                    html! {
                        <li class={classes!("check__row", r.agree.map(|a| if a { "check__row--agree" } else { "check__row--disagree" }))}
                            data-testid="pack-check" data-id={r.id.clone()} data-engine={r.engine} data-key={r.key} data-agree={agree}>
                            <h4 class="check__name">{ &r.title }<span class="check__id">{ format!(" ({})", r.id) }</span></h4>
                            <dl class="check__facts">
                                <dt>{ "Facts" }</dt><dd><code>{ &r.facts }</code></dd>
                                <dt>{ "Choices" }</dt><dd>{ &r.choices }</dd>
                                <dt>{ "Exam answer key" }</dt><dd>{ &r.exam }</dd>
                                <dt>{ "Today's advice" }</dt><dd>{ &r.current }</dd>
                            </dl>
                            <p class="check__verdict">{ verdict }</p>
                            <p><a href={crate::web::url_with(&r.study_query)}>{ "Open it in study mode" }</a></p>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
