//! The hand-written exam scenarios in `tests/scenarios/decision.txt`, checked against the engine.

use berth_core::decision::{decide_state, Status};
use berth_core::platform::Platform;
use berth_core::url::parse_query;

/// One scenario of the shared file.
#[derive(Debug, Default)]
struct Scenario {
    id: String,
    fields: Vec<(String, String)>,
}

impl Scenario {
    fn get(&self, k: &str) -> &str {
        self.fields.iter().find(|(a, _)| a == k).map(|(_, v)| v.as_str()).unwrap_or("")
    }
}

fn scenarios() -> Vec<Scenario> {
    let text = include_str!("../../tests/scenarios/decision.txt");
    let mut out: Vec<Scenario> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(id) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            out.push(Scenario { id: id.to_string(), ..Scenario::default() });
        } else if let Some((k, v)) = line.split_once('=') {
            out.last_mut().expect("field before the first [id]").fields.push((k.trim().into(), v.trim().into()));
        }
    }
    out
}

fn sorted(s: &str) -> Vec<String> {
    let mut v: Vec<String> = s.split_whitespace().map(String::from).collect();
    v.sort();
    v
}

#[test]
fn at_least_25_scenarios_with_unique_ids() {
    let all = scenarios();
    assert!(all.len() >= 25, "only {} scenarios", all.len());
    for (i, a) in all.iter().enumerate() {
        assert!(all[i + 1..].iter().all(|b| b.id != a.id), "duplicate {}", a.id);
        assert!(!a.get("query").is_empty(), "{} has no query", a.id);
    }
}

#[test]
fn every_scenario_gets_its_expected_answer() {
    let mut failures = Vec::new();
    for sc in scenarios() {
        let (state, notices) = parse_query(sc.get("query"));
        assert!(notices.is_empty(), "{}: {notices:?}", sc.id);
        let d = decide_state(&state);
        let plan = d.top_plan();
        let got_platform = d.top.map(Platform::id).unwrap_or("");
        let got_capacity = plan.and_then(|p| p.capacity).map(|c| c.id()).unwrap_or("");
        let got_deploy = plan.and_then(|p| p.deploy).map(|c| c.id()).unwrap_or("");
        let got_extras = plan.map(|p| p.extras.ids()).unwrap_or_default();
        let mut check = |what: &str, want: String, got: String| {
            if want != got {
                failures.push(format!("{}: {what} expected `{want}`, got `{got}`", sc.id));
            }
        };
        check("platform", sc.get("platform").into(), got_platform.into());
        check("capacity", sc.get("capacity").into(), got_capacity.into());
        check("deploy", sc.get("deploy").into(), got_deploy.into());
        check("extras", sorted(sc.get("extras")).join(" "), sorted(&got_extras).join(" "));
        for pair in sc.get("ruled_out").split_whitespace() {
            let (pid, rule) = pair.split_once(':').expect("platform:rule");
            let p = Platform::from_id(pid).unwrap_or_else(|| panic!("{}: unknown platform {pid}", sc.id));
            let rules: Vec<&str> = d.rules_against(p).map(|r| r.id).collect();
            check(&format!("rules against {pid}"), format!("contains {rule}"), if rules.contains(&rule) {
                format!("contains {rule}")
            } else {
                rules.join(",")
            });
        }
        for pid in sc.get("viable").split_whitespace() {
            let p = Platform::from_id(pid).unwrap_or_else(|| panic!("{}: unknown platform {pid}", sc.id));
            check(&format!("status of {pid}"), "viable".into(), d.status(p).id().into());
        }
        let _ = Status::Viable;
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
