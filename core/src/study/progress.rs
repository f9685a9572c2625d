//! Study progress as the browser keeps it: one answer per scenario, in local storage under
//! `berth.study.v1` (the built-in scenarios) or `berth.study.v1@<pack>` (a course author's pack),
//! always in the same versioned document, `{"v":1,"answers":[{"id","chosen","expected","correct","advice"}]}`.
//! It is read strictly (serde with unknown members refused, then a meaning check); the shell keeps
//! anything unreadable aside instead of dropping it.

use serde::{Deserialize, Serialize};

use crate::params::Advice;
use crate::platform::Platform;

use super::judge::{Answer, Score};
use super::pack::{valid_id, Pack};

/// Local-storage key of the progress on the built-in scenarios.
pub const STORAGE_KEY: &str = "berth.study.v1";

/// Version of the progress document this build reads and writes.
pub const PROGRESS_VERSION: u32 = 1;

/// The local-storage key of the progress on the pack from `source` (the `pack=` value; empty for
/// the built-in scenarios).
pub fn storage_key(source: &str) -> String {
    if source.is_empty() {
        STORAGE_KEY.to_string()
    } else {
        format!("{STORAGE_KEY}@{source}")
    }
}

/// The learner's progress: one answer per scenario (the latest), oldest first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Progress {
    answers: Vec<Answer>,
}

/// The stored document.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressDoc {
    /// Version: 1.
    pub v: u32,
    /// The answers, oldest first.
    pub answers: Vec<AnswerDoc>,
}

/// One stored answer.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerDoc {
    /// Scenario id.
    pub id: String,
    /// Platform id chosen.
    pub chosen: String,
    /// Platform id the engine answered.
    pub expected: String,
    /// Whether they are the same.
    pub correct: bool,
    /// `exam` or `current`.
    pub advice: String,
}

impl Progress {
    /// Records an answer, replacing an earlier answer to the same scenario.
    pub fn record(&mut self, a: Answer) {
        self.answers.retain(|o| o.id != a.id);
        self.answers.push(a);
    }

    /// The answer to scenario `id`, if any.
    pub fn answer(&self, id: &str) -> Option<&Answer> {
        self.answers.iter().find(|a| a.id == id)
    }

    /// Forgets the answer to scenario `id` (to try it again).
    pub fn forget(&mut self, id: &str) {
        self.answers.retain(|a| a.id != id);
    }

    /// Forgets every answer.
    pub fn clear(&mut self) {
        self.answers.clear();
    }

    /// Whether nothing was answered.
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }

    /// Every answer, oldest first.
    pub fn answers(&self) -> &[Answer] {
        &self.answers
    }

    /// The score over the scenarios of `pack` (answers to scenarios it no longer has are kept, not scored).
    pub fn score(&self, pack: &Pack) -> Score {
        let known = self.answers.iter().filter(|a| pack.scenario(&a.id).is_some());
        let (answered, correct) = known.fold((0, 0), |(n, c), a| (n + 1, c + usize::from(a.correct)));
        Score { answered, correct }
    }

    /// The stored document.
    pub fn to_doc(&self) -> ProgressDoc {
        let answers = self
            .answers
            .iter()
            .map(|a| AnswerDoc {
                id: a.id.clone(),
                chosen: a.chosen.id().into(),
                expected: a.expected.id().into(),
                correct: a.correct,
                advice: a.advice.id().into(),
            })
            .collect();
        ProgressDoc { v: PROGRESS_VERSION, answers }
    }

    /// Checks a stored document's meaning: the version must be 1, ids valid and not repeated,
    /// platforms and advice known, and `correct` must agree with `chosen == expected`. Anything
    /// else is an error saying what was wrong (the caller keeps the text aside).
    pub fn from_doc(doc: ProgressDoc) -> Result<Progress, String> {
        if doc.v != PROGRESS_VERSION {
            return Err(format!("version {} is not the version this build reads (1)", doc.v));
        }
        let mut p = Progress::default();
        for (i, item) in doc.answers.into_iter().enumerate() {
            let what = format!("answer {}", i + 1);
            if !valid_id(&item.id) {
                return Err(format!("{what}: \"{}\" is not a scenario id", crate::url::shown(&item.id)));
            }
            if p.answer(&item.id).is_some() {
                return Err(format!("{what}: scenario \"{}\" is answered twice", item.id));
            }
            let platform = |s: &str| Platform::from_id(s).ok_or_else(|| format!("{what}: \"{}\" is not a platform id", crate::url::shown(s)));
            let chosen = platform(&item.chosen)?;
            let expected = platform(&item.expected)?;
            if item.correct != (chosen == expected) {
                return Err(format!("{what}: \"correct\" disagrees with the chosen and expected answers"));
            }
            let advice = Advice::from_id(&item.advice).ok_or_else(|| format!("{what}: \"advice\" is not exam or current"))?;
            p.answers.push(Answer { id: item.id, chosen, expected, correct: item.correct, advice });
        }
        Ok(p)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{builtin_for_tests, judge};
    use super::*;
    use crate::platform::Platform as P;

    fn to_json(p: &Progress) -> String {
        serde_json::to_string(&p.to_doc()).unwrap()
    }

    fn from_json(text: &str) -> Result<Progress, String> {
        Progress::from_doc(serde_json::from_str(text).map_err(|e| e.to_string())?)
    }

    fn sample() -> Progress {
        let pack = builtin_for_tests();
        let mut p = Progress::default();
        p.record(judge(pack.scenario("gpu-least-ops").unwrap(), P::EcsFargate, Advice::Exam).unwrap());
        p.record(judge(pack.scenario("code-only-web-app").unwrap(), P::EcsExpress, Advice::Current).unwrap());
        p
    }

    #[test]
    fn progress_records_the_latest_answer_and_scores() {
        let pack = builtin_for_tests();
        let mut p = sample();
        assert_eq!(p.score(&pack), Score { answered: 2, correct: 1 });
        p.record(judge(pack.scenario("gpu-least-ops").unwrap(), P::EcsEc2, Advice::Exam).unwrap());
        assert_eq!(p.score(&pack), Score { answered: 2, correct: 2 });
        assert_eq!(p.answers().last().unwrap().id, "gpu-least-ops");
        p.forget("gpu-least-ops");
        assert_eq!(p.score(&pack), Score { answered: 1, correct: 1 });
        p.clear();
        assert!(p.is_empty());
    }

    #[test]
    fn progress_json_round_trips() {
        let p = sample();
        let text = to_json(&p);
        assert!(text.starts_with("{\"v\":1,\"answers\":["), "{text}");
        assert_eq!(from_json(&text), Ok(p));
        assert_eq!(from_json("{\"v\":1,\"answers\":[]}"), Ok(Progress::default()));
    }

    /// Documents written by the release before serde (its hand-written writer) read the same.
    #[test]
    fn documents_written_by_the_previous_release_read_the_same() {
        let old = "{\"v\":1,\"answers\":[{\"id\":\"gpu-least-ops\",\"chosen\":\"ecs-fargate\",\"expected\":\"ecs-ec2\",\"correct\":false,\"advice\":\"exam\"},{\"id\":\"code-only-web-app\",\"chosen\":\"ecs-express\",\"expected\":\"ecs-express\",\"correct\":true,\"advice\":\"current\"}]}";
        let p = from_json(old).unwrap();
        assert_eq!(p, sample());
        assert_eq!(from_json(&to_json(&p)).unwrap(), p);
    }

    #[test]
    fn progress_json_is_read_strictly() {
        let ok = to_json(&sample());
        let bad = [
            "",
            "not json",
            "[]",
            "{\"answers\":[]}",
            "{\"v\":2,\"answers\":[]}",
            "{\"v\":\"1\",\"answers\":[]}",
            "{\"v\":1}",
            "{\"v\":1,\"answers\":{}}",
            "{\"v\":1,\"answers\":[],\"extra\":0}",
            "{\"v\":1,\"v\":1,\"answers\":[]}",
            "{\"v\":1,\"answers\":[1]}",
            "{\"v\":1,\"answers\":[{\"id\":\"Bad Id\",\"chosen\":\"lambda\",\"expected\":\"lambda\",\"correct\":true,\"advice\":\"exam\"}]}",
            "{\"v\":1,\"answers\":[{\"id\":\"a\",\"chosen\":\"heroku\",\"expected\":\"lambda\",\"correct\":false,\"advice\":\"exam\"}]}",
            "{\"v\":1,\"answers\":[{\"id\":\"a\",\"chosen\":\"lambda\",\"expected\":\"lambda\",\"correct\":false,\"advice\":\"exam\"}]}",
            "{\"v\":1,\"answers\":[{\"id\":\"a\",\"chosen\":\"lambda\",\"expected\":\"lambda\",\"correct\":true,\"advice\":\"later\"}]}",
            "{\"v\":1,\"answers\":[{\"id\":\"a\",\"chosen\":\"lambda\",\"expected\":\"lambda\",\"correct\":true}]}",
            "{\"v\":1,\"answers\":[{\"id\":\"a\",\"chosen\":\"lambda\",\"expected\":\"lambda\",\"correct\":1,\"advice\":\"exam\"}]}",
        ];
        for text in bad {
            assert!(from_json(text).is_err(), "accepted {text}");
        }
        let twice = ok.replace("\"answers\":[", "\"answers\":[{\"id\":\"gpu-least-ops\",\"chosen\":\"ecs-ec2\",\"expected\":\"ecs-ec2\",\"correct\":true,\"advice\":\"exam\"},");
        assert!(from_json(&twice).unwrap_err().contains("twice"));
        // An answer to a scenario this pack does not have is kept, but not scored.
        let unknown = "{\"v\":1,\"answers\":[{\"id\":\"retired-one\",\"chosen\":\"lambda\",\"expected\":\"lambda\",\"correct\":true,\"advice\":\"exam\"}]}";
        let p = from_json(unknown).unwrap();
        assert_eq!(p.answers().len(), 1);
        assert_eq!(p.score(&builtin_for_tests()), Score::default());
    }

    #[test]
    fn each_pack_has_its_own_key() {
        assert_eq!(storage_key(""), STORAGE_KEY);
        assert_eq!(storage_key("packs/week3.json"), format!("{STORAGE_KEY}@packs/week3.json"));
    }
}
