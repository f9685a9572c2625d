//! The exam answer key and today's AWS advice, side by side, with the dated change behind them.

use berth_core::view::cards::DiffView;
use yew::prelude::*;

use super::source_link::SourceLink;

/// Props of [`DiffList`].
#[derive(Properties, PartialEq)]
pub struct DiffListProps {
    /// The differences.
    pub diffs: Vec<DiffView>,
}

/// Exam key versus today.
#[component]
pub fn DiffList(props: &DiffListProps) -> Html {
    if props.diffs.is_empty() {
        return html! {};
    }
    html! {
        <div class="diffs">
            <h4 class="diffs__title">{ "Exam answer vs today's advice" }</h4>
            { for props.diffs.iter().map(|d| html! {
                <div class="diff" data-testid="advice-diff" data-aspect={d.aspect} data-fact-date={d.fact_date}>
                    <p class="diff__aspect">{ d.aspect }</p>
                    <dl class="diff__pair">
                        <div class="diff__side diff__side--exam">
                            <dt>{ "Exam answer" }</dt>
                            <dd data-advice="exam">{ &d.exam }</dd>
                        </div>
                        <div class="diff__side diff__side--current">
                            <dt>{ "Today" }</dt>
                            <dd data-advice="current">{ &d.current }</dd>
                        </div>
                    </dl>
                    <p class="diff__fact">
                        <strong>{ &d.fact_title }</strong>{ ". " }{ d.fact_text }
                        if !d.date_on_aws_page {
                            <span class="diff__datenote">{ " (date from reports of AWS's announcement)" }</span>
                        }
                        { " " }<SourceLink source={d.source.clone()} />
                    </p>
                </div>
            }) }
        </div>
    }
}
