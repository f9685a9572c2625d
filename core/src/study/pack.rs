//! The scenario pack: the one JSON format every scenario is written in (the built-in study scenarios,
//! a course author's pack, the decision test scenarios), and its reader.
//!
//! A pack is `{"v":1,"title":…,"scenarios":[{"id","title","text","facts","choices","key","note","expect"}]}`
//! (README "Scenario packs", `schemas/pack.schema.json`). Reading has two steps: serde reads the
//! document's shape strictly (unknown members refused, so a typo is never silently ignored); then
//! [`read`] checks the meaning of each scenario and lists every problem it finds, keeping the
//! scenarios that can still be used. Nothing here is run: strings are data, shown as text.

use serde::Deserialize;

use crate::params::{Group, Key};
use crate::platform::Platform;
use crate::url::{parse_query, shown};

/// The pack version this build reads.
pub const PACK_VERSION: f64 = 1.0;

/// The largest pack file read, in bytes; a larger file is refused before it is parsed.
pub const MAX_PACK_BYTES: usize = 2 * 1024 * 1024;

/// The most scenarios one pack may hold.
pub const MAX_SCENARIOS: usize = 1000;

/// Longest title (pack or scenario), in characters.
pub const MAX_TITLE: usize = 200;

/// Longest scenario text or note, in characters.
pub const MAX_TEXT: usize = 4000;

/// Longest `facts` query, in characters.
pub const MAX_FACTS: usize = 2000;

/// The document as written (shape only).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPack {
    /// Format version: 1.
    pub v: f64,
    /// The pack's title.
    #[serde(default)]
    pub title: Option<String>,
    /// The scenarios, in the order study shows them.
    pub scenarios: Vec<RawScenario>,
}

/// One scenario as written. Every member is optional here so that a missing one is reported by
/// [`read`] as a problem of that scenario, not as a failure of the whole pack.
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawScenario {
    /// Stable id (`a-z0-9-`, at most 48 characters): the `q=` of a deep link.
    #[serde(default)]
    pub id: Option<String>,
    /// Short title.
    #[serde(default)]
    pub title: Option<String>,
    /// The question.
    #[serde(default)]
    pub text: Option<String>,
    /// The decision facts, a query string in the playground's own URL keys.
    #[serde(default)]
    pub facts: Option<String>,
    /// Platform ids offered as answers.
    #[serde(default)]
    pub choices: Option<Vec<String>>,
    /// The author's expected platform.
    #[serde(default)]
    pub key: Option<String>,
    /// The author's explanation, shown after the reveal.
    #[serde(default)]
    pub note: Option<String>,
    /// What the decision tests also expect of the engine (ignored by study mode).
    #[serde(default)]
    pub expect: Option<Expect>,
}

/// The rest of the engine's answer a test expects, beside `key` (the platform).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// `data-capacity` of the recommendation (empty: not applicable).
    #[serde(default)]
    pub capacity: String,
    /// `data-deploy` (empty: not applicable).
    #[serde(default)]
    pub deploy: String,
    /// `data-extras`, in any order.
    #[serde(default)]
    pub extras: Vec<String>,
    /// `platform:rule-id` pairs: the platform must be ruled out by that rule.
    #[serde(default)]
    pub ruled_out: Vec<String>,
    /// Platforms that must be viable (not ruled out, not the pick).
    #[serde(default)]
    pub viable: Vec<String>,
}

/// One usable scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: String,
    /// The question (may be empty).
    pub text: String,
    /// The decision facts, as written.
    pub facts: String,
    /// The answer choices, in the order shown.
    pub choices: Vec<Platform>,
    /// The author's expected platform.
    pub key: Option<Platform>,
    /// The author's note.
    pub note: Option<String>,
    /// What a test expects beside the platform.
    pub expect: Option<Expect>,
}

/// Something wrong in a pack, found while reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The scenario's id, or `scenario <n>` when it has none; empty for the pack as a whole.
    pub scenario: String,
    /// What is wrong, in words.
    pub text: String,
}

/// A pack that can be studied: its usable scenarios and every problem found while reading it.
#[derive(Debug, Clone, PartialEq)]
pub struct Pack {
    /// Where it came from: the `pack=` value, empty for the built-in scenarios.
    pub source: String,
    /// Its title.
    pub title: String,
    /// The scenarios that can be used, in the pack's order (at least one).
    pub scenarios: Vec<Scenario>,
    /// Every problem found (scenarios with a fatal problem are left out of `scenarios`).
    pub problems: Vec<Problem>,
}

impl Pack {
    /// The scenario with this id.
    pub fn scenario(&self, id: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    /// Position of the scenario with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.scenarios.iter().position(|s| s.id == id)
    }

    /// Whether this is the built-in set.
    pub fn is_builtin(&self) -> bool {
        self.source.is_empty()
    }
}

/// Whether a text is a valid scenario id (`[a-z0-9-]`, 1 to 48 characters).
pub fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 48 && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Refuses a file too large to read, before it is parsed.
pub fn check_size(bytes: usize) -> Result<(), String> {
    if bytes > MAX_PACK_BYTES {
        Err(format!("the file is {} KB, more than the {} KB a pack may be", bytes.div_ceil(1024), MAX_PACK_BYTES / 1024))
    } else {
        Ok(())
    }
}

/// The choices study mode offers when a scenario names none: the engine's answers under both
/// advices and the most common distractors, four in all, in the platforms' usual order.
pub fn default_choices(facts: &str) -> Vec<Platform> {
    let mut picks: Vec<Platform> = crate::params::Advice::ALL
        .iter()
        .filter_map(|a| super::facts::decision_for(facts, *a).top)
        .collect();
    for p in [Platform::EcsFargate, Platform::EcsEc2, Platform::EksEc2, Platform::Lambda, Platform::EksFargate, Platform::Batch] {
        if picks.len() >= 4 {
            break;
        }
        if !picks.contains(&p) {
            picks.push(p);
        }
    }
    picks.dedup();
    Platform::ALL.into_iter().filter(|p| picks.contains(p)).collect()
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Checks the facts of one scenario: every notice the URL parser gives, and any key that is not a
/// fact (the page's view keys).
fn facts_problems(facts: &str) -> Vec<String> {
    let (_, notices) = parse_query(facts);
    let mut out: Vec<String> = notices.into_iter().map(|n| format!("facts: {}", n.text)).collect();
    for pair in facts.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
        let name = pair.split('=').next().unwrap_or("");
        if let Some(k) = Key::from_name(name) {
            if k.param().group == Group::View {
                out.push(format!("facts: “{name}” sets how the page is shown, not a fact; ignored."));
            }
        }
    }
    out
}

/// Checks one scenario: the scenario when it can be used, and its problems.
fn scenario(raw: &RawScenario, n: usize, seen: &[String]) -> (Option<Scenario>, Vec<String>, String) {
    let mut problems = Vec::new();
    let name = match raw.id.as_deref() {
        Some(id) if valid_id(id) => id.to_string(),
        Some(id) => {
            problems.push(format!("“{}” is not a valid id (a-z, 0-9 and -, at most 48 characters); the scenario is left out.", shown(id)));
            format!("scenario {n}")
        }
        None => {
            problems.push("it has no “id”; the scenario is left out.".into());
            format!("scenario {n}")
        }
    };
    let mut usable = problems.is_empty();
    if usable && seen.contains(&name) {
        problems.push(format!("the id “{name}” is used twice; this one is left out."));
        usable = false;
    }
    let title = raw.title.clone().unwrap_or_default();
    if title.trim().is_empty() {
        problems.push("it has no “title”; the scenario is left out.".into());
        usable = false;
    } else if chars(&title) > MAX_TITLE {
        problems.push(format!("its title is longer than {MAX_TITLE} characters; the scenario is left out."));
        usable = false;
    }
    let facts = raw.facts.clone().unwrap_or_default();
    if raw.facts.is_none() {
        problems.push("it has no “facts”; the scenario is left out.".into());
        usable = false;
    } else if chars(&facts) > MAX_FACTS {
        problems.push(format!("its facts are longer than {MAX_FACTS} characters; the scenario is left out."));
        usable = false;
    } else {
        problems.extend(facts_problems(&facts));
    }
    let text = raw.text.clone().unwrap_or_default();
    let note = raw.note.clone().filter(|n| !n.trim().is_empty());
    for (what, t) in [("text", Some(&text)), ("note", note.as_ref())] {
        if t.is_some_and(|t| chars(t) > MAX_TEXT) {
            problems.push(format!("its {what} is longer than {MAX_TEXT} characters; the scenario is left out."));
            usable = false;
        }
    }
    let key = match raw.key.as_deref() {
        None => None,
        Some(id) => {
            let p = Platform::from_id(id);
            if p.is_none() {
                problems.push(format!("its key “{}” is not a platform id; it is ignored.", shown(id)));
            }
            p
        }
    };
    let mut choices = Vec::new();
    if let Some(list) = &raw.choices {
        for id in list {
            match Platform::from_id(id) {
                Some(p) if choices.contains(&p) => problems.push(format!("the choice “{id}” is listed twice.")),
                Some(p) => choices.push(p),
                None => problems.push(format!("the choice “{}” is not a platform id; it is left out.", shown(id))),
            }
        }
        if choices.len() < 2 && usable {
            problems.push("it has fewer than two valid choices; the usual choices are offered instead.".into());
            choices.clear();
        }
    }
    if !usable {
        return (None, problems, name);
    }
    if choices.is_empty() {
        choices = default_choices(&facts);
    }
    let s = Scenario { id: name.clone(), title, text, facts, choices, key, note, expect: raw.expect.clone() };
    (Some(s), problems, name)
}

/// Checks a pack's meaning. `Err` (with the reason) when it cannot be studied at all: another
/// version, no scenarios, too many, or none usable. Otherwise the usable scenarios with every
/// problem found.
pub fn read(raw: RawPack, source: &str) -> Result<Pack, String> {
    if raw.v != PACK_VERSION {
        return Err(format!("it is version {}, and this build reads version 1", crate::format::trimmed(raw.v, 3)));
    }
    if raw.scenarios.is_empty() {
        return Err("it has no scenarios".into());
    }
    if raw.scenarios.len() > MAX_SCENARIOS {
        return Err(format!("it has {} scenarios, more than the {MAX_SCENARIOS} a pack may hold", raw.scenarios.len()));
    }
    let mut problems = Vec::new();
    let title = match raw.title {
        Some(t) if !t.trim().is_empty() && chars(&t) <= MAX_TITLE => t,
        Some(t) if !t.trim().is_empty() => {
            problems.push(Problem { scenario: String::new(), text: format!("The title is longer than {MAX_TITLE} characters; it is shortened.") });
            t.chars().take(MAX_TITLE).collect()
        }
        _ => {
            problems.push(Problem { scenario: String::new(), text: "The pack has no “title”.".into() });
            "Scenario pack".into()
        }
    };
    let mut scenarios: Vec<Scenario> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for (i, r) in raw.scenarios.iter().enumerate() {
        let (s, ps, name) = scenario(r, i + 1, &seen);
        problems.extend(ps.into_iter().map(|text| Problem { scenario: name.clone(), text }));
        if let Some(s) = s {
            seen.push(s.id.clone());
            scenarios.push(s);
        }
    }
    if scenarios.is_empty() {
        let first = problems.iter().find(|p| !p.scenario.is_empty()).map(|p| format!(" ({}: {})", p.scenario, p.text)).unwrap_or_default();
        return Err(format!("none of its scenarios can be used{first}"));
    }
    Ok(Pack { source: source.to_string(), title, scenarios, problems })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack(json: &str) -> Result<Pack, String> {
        let raw: RawPack = serde_json::from_str(json).map_err(|e| e.to_string())?;
        read(raw, "p.json")
    }

    #[test]
    fn the_issue_example_reads() {
        let p = pack(r#"{ "v": 1, "title": "Week 3: where containers run",
          "scenarios": [ { "id": "w3-gpu", "title": "Inference on GPUs", "text": "A small team serves a vision model on GPUs.",
            "facts": "gpu=1&ops=minimal", "choices": ["ecs-fargate", "ecs-ec2", "lambda"], "key": "ecs-ec2", "note": "Mine." } ] }"#)
        .unwrap();
        assert_eq!(p.title, "Week 3: where containers run");
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        let s = &p.scenarios[0];
        assert_eq!((s.id.as_str(), s.key, s.note.as_deref()), ("w3-gpu", Some(Platform::EcsEc2), Some("Mine.")));
        assert_eq!(s.choices, vec![Platform::EcsFargate, Platform::EcsEc2, Platform::Lambda]);
    }

    #[test]
    fn whole_pack_refusals() {
        assert!(pack(r#"{"v":2,"title":"t","scenarios":[{"id":"a","title":"a","facts":""}]}"#).unwrap_err().contains("version 2"));
        assert!(pack(r#"{"v":1,"title":"t","scenarios":[]}"#).unwrap_err().contains("no scenarios"));
        assert!(pack(r#"{"v":1,"title":"t","scenarios":[],"extra":1}"#).unwrap_err().contains("unknown field"));
        assert!(pack(r#"{"v":"1","title":"t","scenarios":[]}"#).is_err());
        assert!(pack(r#"{"title":"t","scenarios":[]}"#).is_err());
        assert!(pack(r#"{"v":1,"title":"t","scenarios":[{"id":"Bad"}]}"#).unwrap_err().contains("none of its scenarios"));
        assert!(check_size(MAX_PACK_BYTES + 1).is_err() && check_size(10).is_ok());
    }

    #[test]
    fn every_problem_is_listed_and_usable_scenarios_kept() {
        let p = pack(
            r#"{"v":1,"scenarios":[
            {"id":"ok","title":"Fine","facts":"gpu=1"},
            {"id":"ok","title":"Twice","facts":"gpu=1"},
            {"title":"No id","facts":""},
            {"id":"bad-facts","title":"Bad facts","facts":"gpu=2&nope=1&mode=study","choices":["ecs-ec2","heroku","ecs-ec2"],"key":"nomad"},
            {"id":"no-facts","title":"x"}
            ]}"#,
        )
        .unwrap();
        let ids: Vec<&str> = p.scenarios.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["ok", "bad-facts"]);
        let texts: Vec<String> = p.problems.iter().map(|p| format!("{}: {}", p.scenario, p.text)).collect();
        let all = texts.join("\n");
        for needle in ["no “title”", "used twice", "scenario 3: it has no “id”", "gpu=2", "nope", "“mode” sets how", "heroku", "listed twice", "nomad", "no-facts: it has no “facts”"] {
            assert!(all.contains(needle), "{needle} not in\n{all}");
        }
        // One valid choice left: the usual choices are offered, and they hold the engine's answers.
        let s = p.scenario("bad-facts").unwrap();
        assert!(s.choices.len() >= 3 && s.key.is_none());
    }

    #[test]
    fn default_choices_hold_both_answers() {
        for facts in ["", "gpu=1&ops=minimal", "code_only=1&ops=minimal", "hybrid=1&k8s=1", "workload=batch&windows=1"] {
            let c = default_choices(facts);
            assert!((3..=4).contains(&c.len()), "{facts}: {c:?}");
            for a in crate::params::Advice::ALL {
                if let Some(top) = super::super::facts::decision_for(facts, *a).top {
                    assert!(c.contains(&top), "{facts}: {top:?} not in {c:?}");
                }
            }
        }
    }
}
