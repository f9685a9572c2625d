//! The glue between a scenario and the decision engine: a scenario's facts are read by the ordinary
//! URL parser, the engine answers them under the learner's advice, and an answer is judged against
//! that answer (never against a stored one).

use crate::decision::explain::Diff;
use crate::decision::{decide, explain, Decision, Explanation, Facts};
use crate::params::Advice;
use crate::platform::Platform;
use crate::state::State;

use super::facts::state_for;
use super::pack::{Pack, Scenario};

impl Scenario {
    /// The input state of this scenario under `advice`.
    pub fn state(&self, advice: Advice) -> State {
        state_for(&self.facts, advice)
    }

    /// The decision facts under `advice`.
    pub fn facts(&self, advice: Advice) -> Facts {
        Facts::from_state(&self.state(advice))
    }

    /// The engine's decision under `advice`.
    pub fn decision(&self, advice: Advice) -> Decision {
        decide(&self.facts(advice))
    }

    /// The engine's answer under `advice`: the top pick.
    pub fn expected(&self, advice: Advice) -> Option<Platform> {
        self.decision(advice).top
    }

    /// Whether the exam answer key and today's advice differ for this scenario: another top pick, or
    /// a difference in how it is run (deployment, mesh, discovery, who runs the nodes).
    pub fn differs(&self) -> bool {
        !diffs(&explain(&self.decision(Advice::Current))).is_empty()
    }
}

/// Where the exam answer key and today's advice differ for an explained decision: the differences of
/// the question as a whole (top pick, deployment, mesh, discovery), then those of the top pick's card
/// (who runs the nodes or instances), each aspect once.
pub fn diffs(e: &Explanation) -> Vec<Diff> {
    let mut out = e.diffs.clone();
    if let Some(top) = e.decision.top {
        for d in &e.cards[top.index()].diffs {
            if d.aspect != "Status" && out.iter().all(|o| o.aspect != d.aspect) {
                out.push(d.clone());
            }
        }
    }
    out
}

/// The scenario a `q=` value opens, and a message when the value names no scenario (the first one is
/// opened instead).
pub fn current<'a>(pack: &'a Pack, q: &str) -> (&'a Scenario, Option<String>) {
    match pack.scenario(q) {
        Some(s) => (s, None),
        None if q.is_empty() => (&pack.scenarios[0], None),
        None => (&pack.scenarios[0], Some(format!("There is no study scenario “{}”; the first one is shown instead.", crate::url::shown(q)))),
    }
}

/// One revealed answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// Scenario id.
    pub id: String,
    /// What the learner chose.
    pub chosen: Platform,
    /// The engine's answer when it was revealed.
    pub expected: Platform,
    /// Whether the choice was the engine's answer.
    pub correct: bool,
    /// The advice the answer was judged under.
    pub advice: Advice,
}

/// Answers the scenario: judges `chosen` against the engine under `advice`. `None` when the engine
/// has no answer (nothing fits) or `chosen` is not one of the scenario's choices.
pub fn judge(s: &Scenario, chosen: Platform, advice: Advice) -> Option<Answer> {
    if !s.choices.contains(&chosen) {
        return None;
    }
    let expected = s.expected(advice)?;
    Some(Answer { id: s.id.clone(), chosen, expected, correct: chosen == expected, advice })
}

/// Answered and correct counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Score {
    /// Scenarios answered.
    pub answered: usize,
    /// Of which right.
    pub correct: usize,
}
