//! Study covers every rule and trap: each rule id fires (rules out some option) and each trap id applies
//! in at least one study scenario, under the exam key or today's advice. The test lists every id no
//! scenario reaches, so a new rule or trap comes with a scenario that teaches it.

mod common {
    pub mod packs;
}

use berth_core::decision::{rules, traps};
use berth_core::params::Advice;
use berth_core::platform::Platform;
use common::packs::builtin;

/// The rule and trap ids the scenarios reach.
fn reached() -> (Vec<&'static str>, Vec<&'static str>) {
    let mut rule_ids = Vec::new();
    let mut trap_ids = Vec::new();
    for s in &builtin().scenarios {
        for advice in Advice::ALL {
            let d = s.decision(*advice);
            for p in Platform::ALL {
                rule_ids.extend(d.rules_against(p).map(|r| r.id));
            }
            trap_ids.extend(traps::TRAPS.iter().filter(|t| (t.applies)(&d.facts)).map(|t| t.id));
        }
    }
    (rule_ids, trap_ids)
}

#[test]
fn every_rule_and_trap_is_exercised_by_a_study_scenario() {
    let (rule_ids, trap_ids) = reached();
    let missing_rules: Vec<&str> = rules::RULES.iter().map(|r| r.id).filter(|id| !rule_ids.contains(id)).collect();
    let missing_traps: Vec<&str> = traps::TRAPS.iter().map(|t| t.id).filter(|id| !trap_ids.contains(id)).collect();
    assert!(
        missing_rules.is_empty() && missing_traps.is_empty(),
        "no study scenario exercises rules {missing_rules:?} or traps {missing_traps:?}"
    );
}

#[test]
fn study_has_at_least_eighty_scenarios() {
    let n = builtin().scenarios.len();
    assert!(n >= 80, "{n} study scenarios");
}
