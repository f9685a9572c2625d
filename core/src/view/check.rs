//! The author check view (`mode=check&pack=…`): every scenario of a pack with the engine's answer
//! under each advice, the author's key and whether they agree, and every problem in the pack, so an
//! author fixes a pack before publishing it.

use super::study::{advice_label, Pending};
use crate::model::Model;
use crate::params::{Advice, Key, Mode};
use crate::platform::Platform;
use crate::state::Val;
use crate::study::{Loaded, Scenario};
use crate::url::to_query;

/// One scenario of the pack (`[data-testid="pack-check"]`).
#[derive(Debug, Clone, PartialEq)]
pub struct CheckRow {
    /// Scenario id (`data-id`).
    pub id: String,
    /// Title.
    pub title: String,
    /// The facts as written.
    pub facts: String,
    /// The engine's platform id under the advice shown (`data-engine`; empty when nothing fits).
    pub engine: &'static str,
    /// The engine's answer under the exam key, in words.
    pub exam: String,
    /// The engine's answer under today's advice, in words.
    pub current: String,
    /// The author's key, a platform id (`data-key`; empty when none).
    pub key: &'static str,
    /// The key in words.
    pub key_name: String,
    /// Whether the key agrees with the engine under the advice shown (`None` without a key).
    pub agree: Option<bool>,
    /// The choices, in words.
    pub choices: String,
    /// Query string opening this scenario in study mode.
    pub study_query: String,
}

/// One problem in the pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckProblem {
    /// The scenario it concerns (empty: the pack).
    pub scenario: String,
    /// What is wrong.
    pub text: String,
}

/// The whole check view.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckView {
    /// The pack's title.
    pub title: String,
    /// The `pack=` value (empty: the built-in scenarios).
    pub source: String,
    /// The advice `data-engine` and agreement are given for.
    pub advice: &'static str,
    /// Every usable scenario.
    pub rows: Vec<CheckRow>,
    /// Every problem found.
    pub problems: Vec<CheckProblem>,
    /// Scenarios whose key agrees with the engine.
    pub agree: usize,
    /// Scenarios whose key does not.
    pub disagree: usize,
}

fn name(p: Option<Platform>) -> String {
    p.map_or_else(|| "nothing fits".to_string(), |p| p.name().to_string())
}

fn row(m: &Model, s: &Scenario, advice: Advice, problems: &mut Vec<CheckProblem>) -> CheckRow {
    let exam = s.expected(Advice::Exam);
    let current = s.expected(Advice::Current);
    let engine = if advice == Advice::Exam { exam } else { current };
    for (a, top) in [(Advice::Exam, exam), (Advice::Current, current)] {
        match top {
            None => problems.push(CheckProblem { scenario: s.id.clone(), text: format!("Under {}, nothing fits these facts.", advice_label(a)) }),
            Some(p) if !s.choices.contains(&p) => problems.push(CheckProblem {
                scenario: s.id.clone(),
                text: format!("Under {}, the engine answers {}, which is not one of the choices.", advice_label(a), p.name()),
            }),
            Some(_) => {}
        }
    }
    let mut study = m.state.clone();
    let _ = study.set(Key::Mode, Val::Choice(Mode::Study as usize));
    let _ = study.set(Key::Q, Val::Token(s.id.clone()));
    CheckRow {
        id: s.id.clone(),
        title: s.title.clone(),
        facts: s.facts.clone(),
        engine: engine.map_or("", Platform::id),
        exam: name(exam),
        current: name(current),
        key: s.key.map_or("", Platform::id),
        key_name: s.key.map_or_else(String::new, |k| k.name().to_string()),
        agree: s.key.map(|k| Some(k) == engine),
        choices: s.choices.iter().map(|p| p.name()).collect::<Vec<_>>().join(", "),
        study_query: to_query(&study),
    }
}

/// Builds the check view from the model.
pub fn view(m: &Model) -> Pending<CheckView> {
    let pack = match &m.pack {
        Loaded::Waiting => return Pending::Loading,
        Loaded::Failed(why) => return Pending::Failed(why.clone()),
        Loaded::Ready(p) => p,
    };
    let advice = m.state.advice();
    let mut problems: Vec<CheckProblem> =
        pack.problems.iter().map(|p| CheckProblem { scenario: p.scenario.clone(), text: p.text.clone() }).collect();
    let rows: Vec<CheckRow> = pack.scenarios.iter().map(|s| row(m, s, advice, &mut problems)).collect();
    Pending::Ready(CheckView {
        title: pack.title.clone(),
        source: pack.source.clone(),
        advice: advice.id(),
        agree: rows.iter().filter(|r| r.agree == Some(true)).count(),
        disagree: rows.iter().filter(|r| r.agree == Some(false)).count(),
        rows,
        problems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{update, Action};
    use crate::study::{pack, RawPack};
    use std::rc::Rc;

    #[test]
    fn rows_agreement_and_problems() {
        let raw: RawPack = serde_json::from_str(
            r#"{"v":1,"title":"Week 3","scenarios":[
              {"id":"w3-gpu","title":"GPU","text":"t","facts":"gpu=1&ops=minimal","choices":["ecs-fargate","ecs-ec2","lambda"],"key":"ecs-ec2"},
              {"id":"w3-wrong","title":"Wrong key","facts":"gpu=1&ops=minimal","choices":["ecs-fargate","lambda"],"key":"lambda"},
              {"id":"w3-nokey","title":"No key","facts":"nope=1"}
            ]}"#,
        )
        .unwrap();
        let mut m = Model::from_query("mode=check&pack=week3.json");
        assert_eq!(view(&m), Pending::Loading);
        update(&mut m, Action::PackLoaded(Rc::new(pack::read(raw, "week3.json").unwrap()), Default::default()));
        let Pending::Ready(v) = view(&m) else { panic!() };
        assert_eq!((v.title.as_str(), v.advice, v.agree, v.disagree), ("Week 3", "current", 1, 1));
        let r = &v.rows[0];
        assert_eq!((r.engine, r.key, r.agree), ("ecs-ec2", "ecs-ec2", Some(true)));
        assert!(r.study_query.contains("mode=study") && r.study_query.contains("q=w3-gpu") && r.study_query.contains("pack=week3.json"));
        assert_eq!((v.rows[1].agree, v.rows[2].agree, v.rows[2].key), (Some(false), None, ""));
        let all: Vec<String> = v.problems.iter().map(|p| format!("{}: {}", p.scenario, p.text)).collect();
        assert!(all.iter().any(|p| p.starts_with("w3-wrong:") && p.contains("not one of the choices")), "{all:?}");
        assert!(all.iter().any(|p| p.starts_with("w3-nokey:") && p.contains("nope")), "{all:?}");
    }
}
