//! The app's own JSON documents as today's release wrote them (`tests/fixtures/formats/`, written by
//! the build before the formats moved to serde) read back to the same result, and under generated
//! input (random bytes, random JSON values) reading never panics and every refusal is clear.

mod common {
    pub mod json;
}

use berth_core::catalog::overrides_json::OverridesFile;
use berth_core::catalog::Overrides;
use berth_core::document::DocError;
use berth_core::saved::{Document, ReadError, Saved};
use common::json::{any_json, compact, from_value, pretty, read};
use proptest::prelude::*;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/formats/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn read_saved(text: &str) -> Result<berth_core::saved::Loaded, ReadError> {
    Saved::from_document(read::<Document>(text)?)
}

#[test]
fn saved_scenarios_of_todays_release_read_the_same() {
    for name in ["scenarios.storage.json", "berth-scenarios.json"] {
        let l = read_saved(&fixture(name)).unwrap();
        assert!(l.adjusted.is_empty(), "{name}");
        let got: Vec<(&str, &str, &str)> = l.saved.scenarios.iter().map(|s| (s.name.as_str(), s.query.as_str(), s.saved_at.as_str())).collect();
        assert_eq!(
            got,
            [
                ("GPU inference", "ops=minimal&gpu=1&util=80", "2026-11-29T10:00:00.000Z"),
                ("Batch, nightly \"big\" ünïcødé ✓", "workload=batch&tasks=40", "2026-11-29T10:01:00.000Z"),
                ("Defaults", "", "2026-11-30T08:00:00.000Z"),
            ],
            "{name}"
        );
        // Written again, the document is the same JSON (storage compact, export indented).
        let again = if name.starts_with("berth-") { pretty(&l.saved.document()) } else { compact(&l.saved.document()) };
        assert_eq!(again.trim_end(), fixture(name).trim_end(), "{name}");
    }
}

#[test]
fn overrides_of_todays_release_read_the_same() {
    let o = Overrides::import(read::<OverridesFile>(&fixture("berth-overrides.json"))).unwrap();
    let got: String = o.iter().map(|e| format!("{} {:?} {:?}\n", e.rate.id(), e.region, e.value)).collect();
    assert_eq!(got, fixture("overrides.expected.txt"));
    // Written again, the same document: the same fields with the same numbers
    // (serde_json writes 0 as 0.0 and 0.0000001 as 1e-7, as JSON.stringify does not).
    assert_eq!(as_f64s(&pretty(&o.export())), as_f64s(&fixture("berth-overrides.json")));
}

/// A JSON document with every number as f64 (JSON.stringify and serde_json write some differently).
fn as_f64s(text: &str) -> serde_json::Value {
    fn walk(v: serde_json::Value) -> serde_json::Value {
        use serde_json::Value as V;
        match v {
            V::Number(n) => V::from(n.as_f64().unwrap()),
            V::Array(a) => V::Array(a.into_iter().map(walk).collect()),
            V::Object(m) => V::Object(m.into_iter().map(|(k, v)| (k, walk(v))).collect()),
            other => other,
        }
    }
    walk(serde_json::from_str(text).unwrap())
}

#[test]
fn host_messages_are_written_as_today() {
    use berth_core::decision::decide_state;
    use berth_core::embed::{resize_message, state_message};
    use berth_core::url::parse_query;
    let mut out = String::new();
    for q in ["", "gpu=1&ops=minimal&log_routing=1", "workload=batch&advice=current"] {
        let (s, _) = parse_query(q);
        out += &compact(&state_message(&s, &decide_state(&s)));
        out.push('\n');
    }
    for h in [812.3, 0.0, f64::NAN, -5.0, 1e9] {
        out += &compact(&resize_message(h));
        out.push('\n');
    }
    assert_eq!(out, fixture("messages.jsonl"));
}

#[test]
fn a_corrupt_or_huge_saved_document_is_refused_whole() {
    let text = fixture("scenarios.storage.json");
    for cut in [1, text.len() / 3, text.len() - 1] {
        assert!(matches!(read_saved(&text[..cut]), Err(ReadError::Doc(DocError::NotJson(_)))), "{cut}");
    }
    let one = r#"{"name":"N","query":"gpu=1","saved_at":"t"}"#;
    let mut huge = String::from(r#"{"v":1,"scenarios":["#);
    let mut i = 0;
    while huge.len() < 10_000_000 {
        huge.push_str(&one.replace('N', &format!("n{i}")));
        huge.push(',');
        i += 1;
    }
    huge.pop();
    huge.push_str("]}");
    assert_eq!(read_saved(&huge), Err(ReadError::TooMany));
    let e = read_saved(&format!(r#"{{"v":1,"scenarios":[{{"name":"{}","query":7}}]}}"#, "x".repeat(1_000_000))).unwrap_err();
    assert!(e.to_string().len() < 400, "{e}");
}

const KEYS: &[&str] = &["v", "scenarios", "name", "query", "saved_at", "gpu=1", "a"];

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn saved_any_bytes_are_read_or_refused_clearly(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let doc = serde_json::from_slice::<Document>(&bytes).map_err(|e| ReadError::Doc(DocError::NotJson(e.to_string())));
        if let Err(e) = doc.and_then(Saved::from_document) {
            prop_assert!((10..400).contains(&e.to_string().len()), "{e}");
        }
    }

    #[test]
    fn saved_any_json_value_is_read_or_refused_clearly(v in any_json(KEYS)) {
        match from_value::<Document>(&v).map_err(ReadError::from).and_then(Saved::from_document) {
            Ok(l) => {
                // What was read is valid: written again, it reads back the same, with nothing to adjust.
                let again = read_saved(&compact(&l.saved.document())).unwrap();
                prop_assert_eq!(again.saved, l.saved);
                prop_assert!(again.adjusted.is_empty());
            }
            Err(e) => prop_assert!((10..400).contains(&e.to_string().len()), "{e}"),
        }
    }

    #[test]
    fn saved_documents_round_trip(items in prop::collection::vec(("[a-zA-Z0-9 ,.\"✓]{1,20}", "[a-z_=&0-9]{0,30}", ".{0,30}"), 0..20)) {
        let mut s = Saved::default();
        for (name, query, at) in &items {
            let _ = s.save(name, query, at);
        }
        let back = read_saved(&pretty(&s.document())).unwrap();
        prop_assert_eq!(back.saved, s);
    }
}
