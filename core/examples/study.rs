//! Prints every study scenario with the engine's answer under each advice, as JSON on one line. The
//! end-to-end tests pick the right (and a wrong) answer from this native run of the same engine.
//!
//! Usage: `cargo run -q -p berth-core --example study`

use berth_core::catalog::json::Value;
use berth_core::params::Advice;
use berth_core::study::SCENARIOS;

fn main() {
    let list = SCENARIOS
        .iter()
        .map(|s| {
            let expected = |a: Advice| Value::Str(s.expected(a).map(|p| p.id()).unwrap_or("").into());
            Value::Obj(vec![
                ("id".into(), Value::Str(s.id.into())),
                ("title".into(), Value::Str(s.title.into())),
                ("facts".into(), Value::Str(s.facts.into())),
                ("choices".into(), Value::Arr(s.choices.iter().map(|p| Value::Str(p.id().into())).collect())),
                ("exam".into(), expected(Advice::Exam)),
                ("current".into(), expected(Advice::Current)),
                ("differs".into(), Value::Bool(s.differs())),
            ])
        })
        .collect();
    println!("{}", Value::Arr(list).to_json());
}
