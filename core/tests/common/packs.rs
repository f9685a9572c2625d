//! Helpers shared by the scenario tests: the scenario packs of the repository (the built-in study
//! scenarios and the decision test scenarios, one format), read natively with serde_json exactly as
//! the shell reads them with the browser's JSON parser.

#![allow(dead_code)]

use std::rc::Rc;

use berth_core::study::pack::{read, Pack, RawPack};

/// Reads the pack at `path` (relative to the repository root).
pub fn pack_at(path: &str) -> Rc<Pack> {
    let full = format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
    let raw: RawPack = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    Rc::new(read(raw, "").unwrap_or_else(|e| panic!("{path}: {e}")))
}

/// The built-in study scenarios.
pub fn builtin() -> Rc<Pack> {
    pack_at("core/data/study/scenarios.json")
}

/// The decision test scenarios.
pub fn decision() -> Rc<Pack> {
    pack_at("tests/scenarios/decision.json")
}
