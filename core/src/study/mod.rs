//! Study mode: exam-style scenarios, answered against the decision engine.
//!
//! Every scenario is data in one format, the scenario pack ([`pack`]): the built-in scenarios
//! (`core/data/study/scenarios.json`, shipped beside the page as `scenarios.json` and fetched when
//! study mode opens, so the wasm does not carry them), a course author's pack (`pack=`), and the
//! decision test scenarios (`tests/scenarios/decision.json`). The expected answer is never stored:
//! it is the engine's top pick for the scenario's facts under the learner's advice, computed when
//! the answer is revealed ([`judge`]). Progress ([`progress`]) and the host message ([`message`])
//! are serde documents; [`source`] says where a pack may be read from.

pub mod facts;
pub mod judge;
pub mod message;
pub mod pack;
pub mod progress;
pub mod source;

use std::rc::Rc;

pub use judge::{current, diffs, judge, Answer, Score};
pub use message::answer_message;
pub use pack::{valid_id, Pack, Problem, RawPack, Scenario};
pub use progress::{Progress, STORAGE_KEY};

/// The scenarios study mode runs, as the shell loads them.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Loaded {
    /// Not asked for yet, or on its way.
    #[default]
    Waiting,
    /// Read and checked.
    Ready(Rc<Pack>),
    /// Even the built-in scenarios could not be read: why.
    Failed(String),
}

impl Loaded {
    /// The pack, once it is ready.
    pub fn pack(&self) -> Option<&Rc<Pack>> {
        match self {
            Loaded::Ready(p) => Some(p),
            _ => None,
        }
    }
}

/// The built-in scenarios, read from the data file (native tests only: the wasm fetches the file).
#[cfg(test)]
pub fn builtin_for_tests() -> Rc<Pack> {
    let raw: RawPack = serde_json::from_str(include_str!("../../data/study/scenarios.json")).expect("the built-in scenarios are valid JSON");
    Rc::new(pack::read(raw, "").expect("the built-in scenarios read"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::DECISION_KEYS;
    use crate::params::{Advice, Key};
    use crate::platform::Platform;
    use crate::url::parse_query;

    #[test]
    fn at_least_forty_scenarios_with_unique_valid_ids() {
        let pack = builtin_for_tests();
        let scenarios = &pack.scenarios;
        assert!(pack.problems.is_empty(), "{:?}", pack.problems);
        assert!(scenarios.len() >= 40, "{} scenarios", scenarios.len());
        for (i, s) in scenarios.iter().enumerate() {
            assert!(valid_id(&s.id), "{}", s.id);
            assert!(scenarios[i + 1..].iter().all(|o| o.id != s.id), "{} is repeated", s.id);
            assert!(!s.title.is_empty() && s.title.len() <= 60, "{}", s.id);
            let sentences = s.text.matches(['.', '?']).filter(|_| true).count();
            assert!((2..=4).contains(&sentences), "{}: {sentences} sentences", s.id);
        }
    }

    #[test]
    fn facts_parse_cleanly_over_decision_keys_only() {
        for s in &builtin_for_tests().scenarios {
            let (_, notices) = parse_query(&s.facts);
            assert!(notices.is_empty(), "{}: {notices:?}", s.id);
            for pair in s.facts.split('&') {
                let key = pair.split('=').next().unwrap();
                let k = Key::from_name(key).unwrap_or_else(|| panic!("{}: unknown key {key}", s.id));
                assert!(DECISION_KEYS.contains(&k) && k != Key::Advice, "{}: {key} is not a decision fact", s.id);
            }
        }
    }

    #[test]
    fn the_engine_answer_is_always_a_choice() {
        for s in &builtin_for_tests().scenarios {
            assert!((3..=4).contains(&s.choices.len()), "{}", s.id);
            for (i, c) in s.choices.iter().enumerate() {
                assert!(!s.choices[i + 1..].contains(c), "{}: {c:?} twice", s.id);
            }
            for advice in Advice::ALL {
                let top = s.expected(*advice).unwrap_or_else(|| panic!("{}: nothing fits under {advice:?}", s.id));
                assert!(s.choices.contains(&top), "{} ({advice:?}): the engine answers {top:?}, not a choice", s.id);
                let a = judge(s, top, *advice).unwrap();
                assert!(a.correct);
                let wrong = s.choices.iter().find(|c| **c != top).unwrap();
                assert!(!judge(s, *wrong, *advice).unwrap().correct);
            }
        }
    }

    #[test]
    fn a_good_share_differs_between_exam_and_current() {
        let pack = builtin_for_tests();
        let scenarios = &pack.scenarios;
        let differs: Vec<&str> = scenarios.iter().filter(|s| s.differs()).map(|s| s.id.as_str()).collect();
        let top_differs: Vec<&str> = scenarios
            .iter()
            .filter(|s| s.expected(Advice::Exam) != s.expected(Advice::Current))
            .map(|s| s.id.as_str())
            .collect();
        println!("differ ({}): {differs:?}\ntop pick differs ({}): {top_differs:?}", differs.len(), top_differs.len());
        assert!(differs.len() * 4 >= scenarios.len(), "only {} of {} differ", differs.len(), scenarios.len());
        assert!(top_differs.len() >= 4, "{top_differs:?}");
        for id in ["code-only-web-app", "scale-to-zero-site", "blue-green-rollback", "mesh-mtls"] {
            assert!(differs.contains(&id), "{id}");
        }
    }

    #[test]
    fn the_scenarios_cover_the_syllabus() {
        let pack = builtin_for_tests();
        let scenarios = &pack.scenarios;
        let all: String = scenarios.iter().map(|s| format!("&{}", s.facts)).collect();
        for k in [
            "k8s", "gpu", "windows", "daemonset", "block_storage", "hybrid", "code_only", "interruptible", "steady",
            "scale_to_zero", "zero_downtime_rollback", "gradual_rollout", "log_routing", "mesh", "service_discovery",
            "queue_scaling", "image_cleanup", "image_scanning", "pack_for_cost", "spread_for_availability", "privileged",
        ] {
            assert!(all.contains(&format!("&{k}=1")), "no scenario uses {k}");
        }
        let over_limit = scenarios.iter().any(|s| s.facts(Advice::Current).over_lambda_limit() && s.facts.contains("workload=function"));
        assert!(over_limit, "no scenario crosses Lambda's 15-minute limit");
        let tops: Vec<Platform> = scenarios.iter().flat_map(|s| Advice::ALL.iter().filter_map(|a| s.expected(*a))).collect();
        for p in Platform::ALL {
            assert!(tops.contains(&p), "no scenario's answer is {p:?}");
        }
    }

    #[test]
    fn the_readme_lists_every_scenario_id() {
        let pack = builtin_for_tests();
        let scenarios = &pack.scenarios;
        let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
        let start = readme.find("Scenario ids:").expect("the README lists the scenario ids");
        let listed: Vec<&str> = readme[start..].split("\n\n").next().unwrap().split('`').skip(1).step_by(2).collect();
        let ids: Vec<&str> = scenarios.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(listed, ids, "README's scenario id list is stale");
    }

    #[test]
    fn unknown_or_empty_q_opens_the_first_scenario() {
        let pack = builtin_for_tests();
        assert_eq!(current(&pack, "").0.id, pack.scenarios[0].id);
        assert!(current(&pack, "").1.is_none());
        let (s, msg) = current(&pack, "no-such-thing");
        assert_eq!(s.id, pack.scenarios[0].id);
        assert!(msg.unwrap().contains("no-such-thing"));
        assert_eq!(current(&pack, "mesh-mtls").0.id, "mesh-mtls");
    }
}
