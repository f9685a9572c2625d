//! The scenario pack reader (issue 19) and the study progress document under valid, invalid, hostile
//! and random input: it never panics, refuses what it cannot use with a reason, lists every problem
//! of what it can, and keeps hostile strings as plain data.

mod common {
    pub mod packs;
}

use berth_core::params::Advice;
use berth_core::study::pack::{check_size, read, RawPack, MAX_PACK_BYTES};
use berth_core::study::progress::{Progress, ProgressDoc};
use proptest::prelude::*;

fn read_text(text: &str) -> Result<berth_core::study::Pack, String> {
    check_size(text.len())?;
    let raw: RawPack = serde_json::from_str(text).map_err(|e| e.to_string())?;
    read(raw, "p.json")
}

#[test]
fn the_example_pack_reads_cleanly_and_its_keys_agree_with_the_engine() {
    let pack = common::packs::pack_at("examples/pack.json");
    assert!(pack.problems.is_empty(), "{:?}", pack.problems);
    assert!(pack.scenarios.len() >= 3);
    for s in &pack.scenarios {
        let key = s.key.expect("every example scenario has a key");
        assert_eq!(s.expected(Advice::Current), Some(key), "{}", s.id);
        for a in Advice::ALL {
            assert!(s.choices.contains(&s.expected(*a).unwrap()), "{} {a:?}", s.id);
        }
    }
}

#[test]
fn the_built_in_and_test_packs_are_the_same_format() {
    assert!(common::packs::builtin().problems.is_empty());
    assert!(common::packs::decision().problems.is_empty());
}

#[test]
fn a_ten_megabyte_file_is_refused_before_parsing() {
    let big = format!("{{\"v\":1,\"title\":\"{}\",\"scenarios\":[]}}", "x".repeat(10 * 1024 * 1024));
    let err = read_text(&big).unwrap_err();
    assert!(err.contains("KB"), "{err}");
    assert!(check_size(MAX_PACK_BYTES).is_ok());
}

#[test]
fn hostile_strings_are_kept_as_text() {
    let title = "<img src=x onerror=alert(1)><script>alert(2)</script>";
    let text = format!(
        r#"{{"v":1,"title":{t},"scenarios":[{{"id":"x","title":{t},"text":{t},"note":{t},"facts":"gpu=1&<script>=1"}}]}}"#,
        t = serde_json::to_string(title).unwrap()
    );
    let p = read_text(&text).unwrap();
    assert_eq!(p.title, title);
    assert_eq!(p.scenarios[0].text, title);
    assert!(p.problems.iter().any(|q| q.text.contains("script")), "{:?}", p.problems);
}

#[test]
fn wrong_shapes_are_refused_with_a_reason() {
    for bad in [
        "",
        "null",
        "[]",
        "{}",
        r#"{"v":1}"#,
        r#"{"v":2,"title":"t","scenarios":[{"id":"a","title":"a","facts":""}]}"#,
        r#"{"v":1,"title":"t","scenarios":{}}"#,
        r#"{"v":1,"title":"t","scenarios":[1]}"#,
        r#"{"v":1,"title":"t","scenarios":[{"id":"a","title":"a","facts":"","answer":"x"}]}"#,
        r#"{"v":1,"title":"t","scenarios":[{"id":"a","title":"a","facts":1}]}"#,
        r#"{"v":1,"title":"t","scenarios":[{"id":"a","title":"a","facts":"","choices":"lambda"}]}"#,
    ] {
        let err = read_text(bad).unwrap_err();
        assert!(!err.is_empty(), "{bad}");
    }
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i32>().prop_map(|n| serde_json::json!(n)),
        "[a-z0-9=&<>\"-]{0,12}".prop_map(serde_json::Value::String),
        prop_oneof![Just("ecs-ec2"), Just("lambda"), Just("gpu=1&ops=minimal"), Just("w3-a"), Just("k8s=1")]
            .prop_map(|s| serde_json::Value::String(s.into())),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(serde_json::Value::Array),
            proptest::collection::vec(
                (prop_oneof![Just("id"), Just("title"), Just("text"), Just("facts"), Just("choices"), Just("key"), Just("note"), Just("x")], inner),
                0..6
            )
            .prop_map(|kv| serde_json::Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

fn scenario_like() -> impl Strategy<Value = serde_json::Value> {
    (
        proptest::option::of(prop_oneof!["[a-z0-9-]{1,10}", "[A-Za-z <>]{0,10}"]),
        proptest::option::of("[ -~]{0,30}"),
        proptest::option::of(prop_oneof![Just("gpu=1".to_string()), Just("k8s=1&ops=minimal".to_string()), "[a-z_=&0-9<>]{0,30}"]),
        proptest::option::of(proptest::collection::vec(prop_oneof![Just("ecs-ec2"), Just("lambda"), Just("eks-ec2"), Just("nomad")], 0..5)),
        proptest::option::of(prop_oneof![Just("ecs-ec2"), Just("heroku")]),
    )
        .prop_map(|(id, title, facts, choices, key)| {
            let mut o = serde_json::Map::new();
            let mut put = |k: &str, v: Option<serde_json::Value>| {
                if let Some(v) = v {
                    o.insert(k.into(), v);
                }
            };
            put("id", id.map(Into::into));
            put("title", title.map(Into::into));
            put("facts", facts.map(Into::into));
            put("choices", choices.map(|c| c.into_iter().map(|s| serde_json::Value::String(s.into())).collect()));
            put("key", key.map(|k| k.into()));
            serde_json::Value::Object(o)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, failure_persistence: None, ..ProptestConfig::default() })]

    /// Random bytes: never a panic, and anything accepted has at least one scenario.
    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        if let Ok(raw) = serde_json::from_slice::<RawPack>(&bytes) {
            if let Ok(p) = read(raw, "p.json") {
                prop_assert!(!p.scenarios.is_empty());
            }
        }
        if let Ok(doc) = serde_json::from_slice::<ProgressDoc>(&bytes) {
            let _ = Progress::from_doc(doc);
        }
    }

    /// Random JSON values in the pack's place or a scenario's: never a panic.
    #[test]
    fn random_json_never_panics(v in json_value()) {
        let _ = serde_json::from_value::<RawPack>(v.clone()).map(|raw| read(raw, ""));
        let doc = serde_json::json!({"v": 1, "title": "t", "scenarios": [v]});
        let _ = serde_json::from_value::<RawPack>(doc).map(|raw| read(raw, ""));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1_500, failure_persistence: None, ..ProptestConfig::default() })]

    /// Packs of plausible and broken scenarios: every usable scenario has a valid unique id, a title,
    /// at least two choices, and the page-level invariants hold; every left-out one has a problem.
    #[test]
    fn usable_scenarios_are_sound_and_left_out_ones_are_explained(list in proptest::collection::vec(scenario_like(), 1..6)) {
        let n = list.len();
        let doc = serde_json::json!({"v": 1, "title": "t", "scenarios": list});
        let raw: RawPack = serde_json::from_value(doc).unwrap();
        match read(raw, "p.json") {
            Ok(p) => {
                for (i, s) in p.scenarios.iter().enumerate() {
                    prop_assert!(berth_core::study::valid_id(&s.id));
                    prop_assert!(p.scenarios[i + 1..].iter().all(|o| o.id != s.id));
                    prop_assert!(!s.title.trim().is_empty());
                    prop_assert!(s.choices.len() >= 2);
                }
                if p.scenarios.len() < n {
                    prop_assert!(!p.problems.is_empty());
                }
            }
            Err(why) => prop_assert!(why.contains("none of its scenarios")),
        }
    }
}
