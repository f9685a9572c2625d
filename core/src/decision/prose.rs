//! The words of the decision engine, kept as data.
//!
//! Titles and reasons of rules, titles and texts of traps and dated facts live in
//! `core/data/decision/prose.json`, keyed by id, so a course author can reword them without touching
//! Rust. `core/build/prose.rs` reads and checks that file at build time and generates one constant per
//! id; the tables in [`super::rules`], [`super::traps`] and [`super::dated`] keep the logic and name
//! their words by those constants, so the wording compiles into the same static strings as before.

/// The words of one rule, trap or dated fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prose {
    /// Its id.
    pub id: &'static str,
    /// Short title.
    pub title: &'static str,
    /// The reason (rules) or the explanation (traps, dated facts).
    pub text: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/decision_prose.rs"));

#[cfg(test)]
mod tests {
    use crate::decision::{dated as facts, rules, traps};

    #[test]
    fn every_id_in_the_data_file_has_its_logic_and_the_other_way_round() {
        let rule_ids: Vec<&str> = rules::RULES.iter().map(|r| r.id).collect();
        assert_eq!(super::rule::IDS, rule_ids.as_slice());
        let trap_ids: Vec<&str> = traps::TRAPS.iter().map(|t| t.id).collect();
        assert_eq!(super::trap::IDS, trap_ids.as_slice());
        let mut dated_ids: Vec<&str> = facts::DATED.iter().map(|d| d.id).collect();
        dated_ids.extend([facts::APP_RUNNER_NEVER_ZERO.id, facts::BATCH_FARGATE_FIRST.id]);
        assert_eq!(super::dated::IDS, dated_ids.as_slice());
    }
}
