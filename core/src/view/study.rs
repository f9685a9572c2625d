//! The study view: the scenario list, the current question and, once revealed, the engine's verdict.
//!
//! Everything the verdict says comes from the decision engine run on the scenario's facts at the
//! advice the answer was judged under: reasons, traps, what would change the answer, and where the
//! exam answer key and today's advice differ.

use super::cards::{diff_view, link, trap_view, DiffView, LinkView, TrapView};
use crate::decision::explain;
use crate::model::Model;
use crate::params::{Advice, Key};
use crate::platform::Platform;
use crate::study::{self, Loaded, Scenario};
use crate::url::to_query;

/// One entry of the scenario list.
#[derive(Debug, Clone, PartialEq)]
pub struct StudyItem {
    /// Scenario id.
    pub id: String,
    /// Title.
    pub title: String,
    /// `"correct"`, `"wrong"` or `""` (not answered).
    pub mark: &'static str,
    /// Whether it is the scenario shown.
    pub current: bool,
}

/// One answer choice.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceView {
    /// The platform.
    pub platform: Platform,
    /// Its id (`data-platform`).
    pub id: &'static str,
    /// Its name.
    pub name: &'static str,
    /// Whether it is selected (picked, or the revealed answer's choice).
    pub checked: bool,
}

/// The verdict after an answer is revealed.
#[derive(Debug, Clone, PartialEq)]
pub struct VerdictView {
    /// What the learner chose (platform id).
    pub chosen: &'static str,
    /// Its name.
    pub chosen_name: &'static str,
    /// The engine's answer (platform id).
    pub expected: &'static str,
    /// Its name.
    pub expected_name: &'static str,
    /// Whether the choice was right.
    pub correct: bool,
    /// The advice it was judged under (`exam` or `current`).
    pub advice: &'static str,
    /// "the exam answer key" or "today's AWS advice".
    pub advice_label: &'static str,
    /// The engine's one-line answer.
    pub headline: String,
    /// Why, step by step.
    pub reasons: Vec<String>,
    /// How to run it.
    pub plan_lines: Vec<String>,
    /// Traps the answer avoids.
    pub traps: Vec<TrapView>,
    /// What would change the answer (links open the change in explore mode).
    pub flips: Vec<LinkView>,
    /// Exam key versus today, where they differ.
    pub diffs: Vec<DiffView>,
    /// Set when the other advice picks another platform: its answer, in words.
    pub other: Option<String>,
    /// The pack author's note on this scenario.
    pub note: Option<String>,
    /// Set when the answer was scored under the other advice than the one shown now: how it was
    /// scored then (the verdict above follows the advice chosen now).
    pub scored: Option<String>,
}

/// The whole study view.
#[derive(Debug, Clone, PartialEq)]
pub struct StudyView {
    /// The pack's title.
    pub pack_title: String,
    /// Whether the pack is the built-in scenarios.
    pub builtin: bool,
    /// Current scenario id (`data-scenario`).
    pub id: String,
    /// Title.
    pub title: String,
    /// The scenario.
    pub text: String,
    /// Position, 1-based.
    pub number: usize,
    /// Number of scenarios.
    pub total: usize,
    /// Previous scenario id.
    pub prev: Option<String>,
    /// Next scenario id.
    pub next: Option<String>,
    /// Every scenario with its mark.
    pub items: Vec<StudyItem>,
    /// The choices.
    pub choices: Vec<ChoiceView>,
    /// Whether a choice is picked (the reveal button is enabled).
    pub can_reveal: bool,
    /// The advice new answers are judged under (`exam` or `current`).
    pub advice: &'static str,
    /// Answered scenarios.
    pub answered: usize,
    /// Of which right.
    pub correct: usize,
    /// The verdict, once revealed.
    pub verdict: Option<VerdictView>,
    /// Query string opening this scenario's facts in explore mode.
    pub explore_query: String,
    /// "Reset progress" was just used: offer to undo it.
    pub can_undo_reset: bool,
    /// Set when `q=` named no scenario.
    pub missing: Option<String>,
}

pub(crate) fn advice_label(a: Advice) -> &'static str {
    match a {
        Advice::Exam => "the exam answer key",
        Advice::Current => "today's AWS advice",
    }
}

fn verdict(s: &Scenario, a: &study::Answer) -> VerdictView {
    let e = explain(&s.decision(a.advice));
    let state = s.state(a.advice);
    let other = match (e.decision.top, e.other.top) {
        (Some(x), Some(y)) if x != y => {
            let other_advice = if a.advice == Advice::Exam { Advice::Current } else { Advice::Exam };
            Some(format!("Under {} the answer is {} instead.", advice_label(other_advice), y.name()))
        }
        _ => None,
    };
    VerdictView {
        chosen: a.chosen.id(),
        chosen_name: a.chosen.name(),
        expected: a.expected.id(),
        expected_name: a.expected.name(),
        correct: a.correct,
        advice: a.advice.id(),
        advice_label: advice_label(a.advice),
        headline: e.headline.clone(),
        reasons: e.reasons.clone(),
        plan_lines: e.decision.top.map(|p| e.cards[p.index()].plan_lines.clone()).unwrap_or_default(),
        traps: e.traps.iter().map(|t| trap_view(t)).collect(),
        flips: e.flips.iter().map(|f| link(&state, f)).collect(),
        diffs: study::diffs(&e).iter().map(diff_view).collect(),
        other,
        note: s.note.clone(),
        scored: None,
    }
}

/// The verdict on an answer under the advice chosen now: an answer revealed under the other advice
/// is judged again for the page (the score keeps what it was when revealed), and says so.
fn shown_verdict(s: &Scenario, a: &study::Answer, advice: Advice) -> VerdictView {
    if a.advice == advice {
        return verdict(s, a);
    }
    let Some(now) = study::judge(s, a.chosen, advice) else { return verdict(s, a) };
    let mut v = verdict(s, &now);
    v.scored = Some(format!(
        "Scored when you revealed it, under {}: {}.",
        advice_label(a.advice),
        if a.correct { "right" } else { "not right" }
    ));
    v
}

/// What study and check mode show: the view once the scenarios are in, or why not yet.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending<T> {
    /// The scenarios are on their way.
    Loading,
    /// Even the built-in scenarios could not be read: why.
    Failed(String),
    /// The view.
    Ready(T),
}

/// Builds the study view from the model.
pub fn view(m: &Model) -> Pending<StudyView> {
    let pack = match &m.pack {
        Loaded::Waiting => return Pending::Loading,
        Loaded::Failed(why) => return Pending::Failed(why.clone()),
        Loaded::Ready(p) => p,
    };
    let (s, missing) = study::current(pack, m.state.token(Key::Q));
    let i = pack.position(&s.id).unwrap_or(0);
    let answer = m.progress.answer(&s.id);
    let picked = answer.map(|a| a.chosen).or(m.study_pick);
    let advice = m.state.advice();
    let score = m.progress.score(pack);
    let list = &pack.scenarios;
    Pending::Ready(StudyView {
        pack_title: pack.title.clone(),
        builtin: pack.is_builtin(),
        id: s.id.clone(),
        title: s.title.clone(),
        text: s.text.clone(),
        number: i + 1,
        total: list.len(),
        prev: i.checked_sub(1).map(|j| list[j].id.clone()),
        next: list.get(i + 1).map(|n| n.id.clone()),
        items: list
            .iter()
            .map(|o| StudyItem {
                id: o.id.clone(),
                title: o.title.clone(),
                mark: match m.progress.answer(&o.id) {
                    Some(a) if a.correct => "correct",
                    Some(_) => "wrong",
                    None => "",
                },
                current: o.id == s.id,
            })
            .collect(),
        choices: s
            .choices
            .iter()
            .map(|p| ChoiceView { platform: *p, id: p.id(), name: p.name(), checked: picked == Some(*p) })
            .collect(),
        can_reveal: answer.is_none() && m.study_pick.is_some_and(|p| s.choices.contains(&p)),
        advice: advice.id(),
        answered: score.answered,
        correct: score.correct,
        verdict: answer.map(|a| shown_verdict(s, a, advice)),
        explore_query: to_query(&s.state(answer.map_or(advice, |a| a.advice))),
        can_undo_reset: m.progress_undo.is_some(),
        missing,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{update, Action};

    fn loaded(q: &str) -> Model {
        let mut m = Model::from_query(q);
        update(&mut m, Action::PackLoaded(study::builtin_for_tests(), Default::default()));
        m
    }

    fn ready(m: &Model) -> StudyView {
        match view(m) {
            Pending::Ready(v) => v,
            other => panic!("not ready: {other:?}"),
        }
    }

    #[test]
    fn question_then_verdict_from_the_engine() {
        let mut m = loaded("mode=study&q=code-only-web-app&advice=exam");
        let pack = study::builtin_for_tests();
        let v = ready(&m);
        assert_eq!((v.id.as_str(), v.number, v.total), ("code-only-web-app", pack.position("code-only-web-app").unwrap() + 1, pack.scenarios.len()));
        assert!(v.verdict.is_none() && !v.can_reveal);
        assert!(v.choices.iter().all(|c| !c.checked));
        assert_eq!(v.explore_query, "ops=minimal&code_only=1&advice=exam");
        update(&mut m, Action::StudyPick(Platform::EcsExpress));
        assert!(ready(&m).can_reveal);
        update(&mut m, Action::StudyReveal);
        let v = ready(&m);
        let verdict = v.verdict.unwrap();
        let expected = pack.scenario("code-only-web-app").unwrap().expected(Advice::Exam).unwrap();
        assert_eq!(verdict.expected, expected.id());
        assert_eq!(verdict.correct, expected == Platform::EcsExpress);
        assert_eq!(verdict.advice, "exam");
        assert!(!verdict.reasons.is_empty());
        assert!(verdict.other.is_some(), "exam and current differ here");
        assert!(verdict.diffs.iter().any(|d| d.aspect == "Top pick"));
        assert!(verdict.flips.iter().all(|f| !f.query.contains("mode=study")));
        assert_eq!((v.answered, v.correct), (1, usize::from(verdict.correct)));
        let item = v.items.iter().find(|i| i.id == "code-only-web-app").unwrap();
        assert!(item.current && !item.mark.is_empty());
        assert!(v.choices.iter().any(|c| c.checked && c.platform == Platform::EcsExpress));
    }

    #[test]
    fn navigation_and_unknown_ids() {
        assert_eq!(view(&Model::from_query("mode=study")), Pending::Loading);
        let pack = study::builtin_for_tests();
        let list = &pack.scenarios;
        let v = ready(&loaded("mode=study"));
        assert_eq!(v.id, list[0].id);
        assert_eq!(v.prev, None);
        assert_eq!(v.next, Some(list[1].id.clone()));
        assert!(v.missing.is_none() && v.builtin);
        let v = ready(&loaded(&format!("mode=study&q={}", list[list.len() - 1].id)));
        assert_eq!(v.next, None);
        let v = ready(&loaded("mode=study&q=not-a-scenario"));
        assert_eq!(v.id, list[0].id);
        assert!(v.missing.is_some());
    }

    #[test]
    fn every_scenario_verdict_is_complete() {
        for s in &study::builtin_for_tests().scenarios {
            for advice in Advice::ALL {
                let top = s.expected(*advice).unwrap();
                let a = study::judge(s, top, *advice).unwrap();
                let v = verdict(s, &a);
                assert!(v.correct && !v.headline.is_empty() && !v.reasons.is_empty(), "{}", s.id);
            }
        }
    }
}
