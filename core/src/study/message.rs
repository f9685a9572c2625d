//! The `berth:answer` message an embedded study posts to its host page when an answer is revealed
//! (a public contract, README "Embedding in a lesson"). The shell turns it into a plain object with
//! serde-wasm-bindgen and posts it; no JSON text is written on the way.

use serde::Serialize;

use super::judge::{Answer, Score};

/// `berth:answer`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnswerMessage {
    /// Always `berth:answer`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The scenario id.
    pub scenario: String,
    /// The platform id chosen.
    pub chosen: &'static str,
    /// The engine's platform id.
    pub expected: &'static str,
    /// Whether they are the same.
    pub correct: bool,
    /// The score so far on this pack.
    pub score: ScoreMessage,
    /// `exam` or `current`.
    pub advice: &'static str,
    /// The title of the pack the scenario belongs to.
    pub pack: String,
    /// The `pack=` value it was loaded from (empty for the built-in scenarios).
    pub pack_source: String,
}

/// The score in a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ScoreMessage {
    /// Scenarios answered.
    pub answered: usize,
    /// Of which right.
    pub correct: usize,
}

/// The `berth:answer` message for a revealed answer.
pub fn answer_message(a: &Answer, score: Score, pack_title: &str, pack_source: &str) -> AnswerMessage {
    AnswerMessage {
        kind: "berth:answer",
        scenario: a.id.clone(),
        chosen: a.chosen.id(),
        expected: a.expected.id(),
        correct: a.correct,
        score: ScoreMessage { answered: score.answered, correct: score.correct },
        advice: a.advice.id(),
        pack: pack_title.to_string(),
        pack_source: pack_source.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{builtin_for_tests, judge};
    use super::*;
    use crate::params::Advice;
    use crate::platform::Platform as P;

    #[test]
    fn the_answer_message_is_the_documented_shape() {
        let pack = builtin_for_tests();
        let a = judge(pack.scenario("code-only-web-app").unwrap(), P::AppRunner, Advice::Exam).unwrap();
        let m = serde_json::to_value(answer_message(&a, Score { answered: 3, correct: 2 }, &pack.title, "")).unwrap();
        assert_eq!(
            m,
            serde_json::json!({
                "type": "berth:answer", "scenario": "code-only-web-app", "chosen": "app-runner", "expected": "app-runner",
                "correct": true, "score": {"answered": 3, "correct": 2}, "advice": "exam",
                "pack": pack.title, "pack_source": ""
            })
        );
    }
}
