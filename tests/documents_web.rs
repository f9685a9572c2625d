//! The JSON boundary in a real browser: documents written by the release before serde (the core's
//! fixtures) read through `JSON.parse` and `serde_wasm_bindgen` to the same result as natively, what
//! the app writes reads back, broken text gives a notice instead of a panic, and host messages are
//! plain objects with the documented fields.
#![cfg(target_arch = "wasm32")]

use berth::web;
use berth_core::catalog::overrides_json::{ImportIssue, OverridesFile};
use berth_core::catalog::Overrides;
use berth_core::document::DocError;
use berth_core::saved::{Document, ReadError, Saved};
use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SCENARIOS: &str = include_str!("../core/tests/fixtures/formats/scenarios.storage.json");
const SCENARIOS_EXPORT: &str = include_str!("../core/tests/fixtures/formats/berth-scenarios.json");
const OVERRIDES: &str = include_str!("../core/tests/fixtures/formats/berth-overrides.json");
const OVERRIDES_EXPECTED: &str = include_str!("../core/tests/fixtures/formats/overrides.expected.txt");

fn saved(text: &str) -> Result<berth_core::saved::Loaded, ReadError> {
    Saved::from_document(web::parse_strict::<Document>(text)?)
}

#[wasm_bindgen_test]
fn saved_scenarios_of_todays_release_read_and_write_the_same() {
    for text in [SCENARIOS, SCENARIOS_EXPORT] {
        let l = saved(text).unwrap();
        assert!(l.adjusted.is_empty());
        assert_eq!(l.saved.scenarios.len(), 3);
        assert_eq!(l.saved.scenarios[1].name, "Batch, nightly \"big\" ünïcødé ✓");
        assert_eq!(l.saved.scenarios[0].query, "ops=minimal&gpu=1&util=80");
    }
    let l = saved(SCENARIOS).unwrap();
    assert_eq!(web::stringify(&l.saved.document(), false).unwrap(), SCENARIOS.trim_end());
    assert_eq!(web::stringify(&l.saved.document(), true).unwrap(), SCENARIOS_EXPORT.trim_end());
}

#[wasm_bindgen_test]
fn overrides_of_todays_release_read_and_write_the_same() {
    let o = Overrides::import(web::parse::<OverridesFile>(OVERRIDES)).unwrap();
    let got: String = o.iter().map(|e| format!("{} {:?} {:?}\n", e.rate.id(), e.region, e.value)).collect();
    assert_eq!(got, OVERRIDES_EXPECTED);
    // Written again by JSON.stringify: the same text, except that JavaScript writes 0.0000001 as 1e-7
    // (the release before serde wrote every number in plain decimals); both read the same.
    let again = web::stringify(&o.export(), true).unwrap();
    assert_eq!(again, OVERRIDES.trim_end().replace("0.0000001", "1e-7"));
    assert_eq!(Overrides::import(web::parse::<OverridesFile>(&again)), Ok(o));
}

#[wasm_bindgen_test]
fn broken_documents_are_refused_with_words() {
    assert!(matches!(saved(r#"{"v":1,"scenarios":[oops"#), Err(ReadError::Doc(DocError::NotJson(_)))));
    // Unknown fields are refused at every level (serde-wasm-bindgen alone would skip them).
    assert!(matches!(saved(r#"{"v":1,"scenarios":[],"x":1}"#), Err(ReadError::Doc(DocError::Shape(w))) if w.contains("`x`")));
    let extra = r#"{"v":1,"scenarios":[{"name":"a","query":"","saved_at":"","colour":"red"}]}"#;
    assert!(matches!(saved(extra), Err(ReadError::Doc(DocError::Shape(w))) if w.contains("`colour`")));
    assert_eq!(saved(r#"{"v":2,"scenarios":[]}"#).unwrap_err(), ReadError::Version(2));
    for junk in ["", "null", "[]", "7", "\"x\"", "{\"v\":1,\"scenarios\":\"x\"}", "\u{0}\u{ffff}"] {
        let e = saved(junk).unwrap_err();
        assert!(!e.to_string().is_empty(), "{junk}");
        let issues = Overrides::import(web::parse::<OverridesFile>(junk)).unwrap_err();
        assert!(!issues.is_empty(), "{junk}");
    }
    // Every problem is listed; JSON.parse's Infinity is a bad value, not a crash.
    let text = r#"{"format":"x","extra":1,"overrides":[{"rate":"nope","value":1},{"rate":"alb.hour","value":1e999},{"rate":"nat.gb","value":"1"},7]}"#;
    let issues = Overrides::import(web::parse::<OverridesFile>(text)).unwrap_err();
    assert_eq!(issues.len(), 6, "{issues:?}");
    assert!(issues.contains(&ImportIssue::WrongFormat));
    let deep = format!(r#"{{"overrides":[{{"note":{}1{}}}]}}"#, "[".repeat(5000), "]".repeat(5000));
    assert!(matches!(Overrides::import(web::parse::<OverridesFile>(&deep)).unwrap_err().as_slice(), [ImportIssue::Shape(_)]));
}

#[wasm_bindgen_test]
fn host_messages_are_plain_objects() {
    let (s, _) = berth_core::url::parse_query("gpu=1&ops=minimal&log_routing=1");
    let m = serde_wasm_bindgen::to_value(&berth_core::embed::state_message(&s, &berth_core::decision::decide_state(&s))).unwrap();
    let get = |o: &JsValue, k: &str| Reflect::get(o, &JsValue::from_str(k)).unwrap();
    assert!(m.is_object() && !m.is_instance_of::<js_sys::Map>());
    assert_eq!(get(&m, "type").as_string().as_deref(), Some("berth:state"));
    let rec = get(&m, "recommendation");
    assert_eq!(get(&rec, "platform").as_string().as_deref(), Some("ecs-ec2"));
    assert!(js_sys::Array::is_array(&get(&rec, "extras")));
    assert_eq!(
        String::from(js_sys::JSON::stringify(&m).unwrap()),
        r#"{"type":"berth:state","query":"ops=minimal&gpu=1&log_routing=1","recommendation":{"platform":"ecs-ec2","capacity":"on-demand","deploy":"rolling","extras":["firelens-sidecar"]},"advice":"current"}"#
    );
    let r = serde_wasm_bindgen::to_value(&berth_core::embed::resize_message(812.3)).unwrap();
    assert_eq!(String::from(js_sys::JSON::stringify(&r).unwrap()), r#"{"type":"berth:resize","height":813}"#);
}
