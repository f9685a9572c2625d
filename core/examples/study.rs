//! Prints every built-in study scenario with the engine's answer under each advice, as JSON on one
//! line. The end-to-end tests pick the right (and a wrong) answer from this native run of the same
//! engine over the same data file the page fetches (`core/data/study/scenarios.json`).
//!
//! Usage: `cargo run -q -p berth-core --example study [path/to/pack.json]`

use berth_core::params::Advice;
use berth_core::study::pack::{read, RawPack};

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/data/study/scenarios.json").into());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let raw: RawPack = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let pack = read(raw, "").unwrap_or_else(|e| panic!("{path}: {e}"));
    let list: Vec<serde_json::Value> = pack
        .scenarios
        .iter()
        .map(|s| {
            let expected = |a: Advice| s.expected(a).map(|p| p.id()).unwrap_or("");
            serde_json::json!({
                "id": s.id,
                "title": s.title,
                "facts": s.facts,
                "choices": s.choices.iter().map(|p| p.id()).collect::<Vec<_>>(),
                "exam": expected(Advice::Exam),
                "current": expected(Advice::Current),
                "differs": s.differs(),
            })
        })
        .collect();
    println!("{}", serde_json::Value::Array(list));
}
