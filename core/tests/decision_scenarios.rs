//! The hand-written exam scenarios in `tests/scenarios/decision.json` (a scenario pack, the one
//! format every scenario is written in), checked against the engine: `key` is the expected
//! platform (none: nothing fits), `expect` the rest of the expected answer.

mod common {
    pub mod packs;
}

use berth_core::decision::decide_state;
use berth_core::platform::Platform;
use berth_core::url::parse_query;
use common::packs::decision;

fn sorted(v: &[String]) -> Vec<String> {
    let mut v = v.to_vec();
    v.sort();
    v
}

#[test]
fn at_least_25_scenarios_with_unique_ids() {
    let pack = decision();
    let all = &pack.scenarios;
    assert!(all.len() >= 25, "only {} scenarios", all.len());
    // Every problem the reader finds is a failure here.
    assert!(pack.problems.is_empty(), "{:?}", pack.problems);
    for a in all.iter() {
        assert!(!a.facts.is_empty(), "{} has no facts", a.id);
        assert!(a.expect.is_some(), "{} has no expected answer", a.id);
    }
}

#[test]
fn every_scenario_gets_its_expected_answer() {
    let mut failures = Vec::new();
    for sc in &decision().scenarios {
        let want = sc.expect.clone().unwrap_or_default();
        let (state, notices) = parse_query(&sc.facts);
        assert!(notices.is_empty(), "{}: {notices:?}", sc.id);
        let d = decide_state(&state);
        let plan = d.top_plan();
        let got_platform = d.top.map(Platform::id).unwrap_or("");
        let got_capacity = plan.and_then(|p| p.capacity).map(|c| c.id()).unwrap_or("");
        let got_deploy = plan.and_then(|p| p.deploy).map(|c| c.id()).unwrap_or("");
        let got_extras: Vec<String> = plan.map(|p| p.extras.ids()).unwrap_or_default().split_whitespace().map(String::from).collect();
        let mut check = |what: &str, want: String, got: String| {
            if want != got {
                failures.push(format!("{}: {what} expected `{want}`, got `{got}`", sc.id));
            }
        };
        check("platform", sc.key.map(Platform::id).unwrap_or("").into(), got_platform.into());
        check("capacity", want.capacity.clone(), got_capacity.into());
        check("deploy", want.deploy.clone(), got_deploy.into());
        check("extras", sorted(&want.extras).join(" "), sorted(&got_extras).join(" "));
        for pair in &want.ruled_out {
            let (pid, rule) = pair.split_once(':').expect("platform:rule");
            let p = Platform::from_id(pid).unwrap_or_else(|| panic!("{}: unknown platform {pid}", sc.id));
            let rules: Vec<&str> = d.rules_against(p).map(|r| r.id).collect();
            check(&format!("rules against {pid}"), format!("contains {rule}"), if rules.contains(&rule) {
                format!("contains {rule}")
            } else {
                rules.join(",")
            });
        }
        for pid in &want.viable {
            let p = Platform::from_id(pid).unwrap_or_else(|| panic!("{}: unknown platform {pid}", sc.id));
            check(&format!("status of {pid}"), "viable".into(), d.status(p).id().into());
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
