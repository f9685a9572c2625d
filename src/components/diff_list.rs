//! The exam answer key and today's AWS advice, side by side, with the dated change behind them.

use berth_core::view::cards::DiffView;
use yew::prelude::*;

use super::source_link::source_link;

/// Exam key versus today (a plain function: see [`super::source_link::source_link`]).
pub fn diff_list(diffs: &[DiffView]) -> Html {
    if diffs.is_empty() {
        return html! {};
    }
    html! {
        <div class="diffs">
            <h4 class="diffs__title">{ "Exam answer vs today's advice" }</h4>
            { for diffs.iter().map(|d| html! {
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
                        { " " }{ source_link(&d.source) }
                    </p>
                </div>
            }) }
        </div>
    }
}
