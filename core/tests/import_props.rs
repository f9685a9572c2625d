//! Import never panics: random text, YAML-shaped noise, and every fixture truncated or with one
//! byte changed (well over 10,000 cases in all); hostile inputs are refused quickly.

use std::time::{Duration, Instant};

use berth_core::import::apply::plan;
use berth_core::import::{read, ImportError, Request, MAX_BYTES};
use berth_core::state::State;
use proptest::prelude::*;

fn fixtures() -> &'static [String] {
    static ALL: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    ALL.get_or_init(load)
}

fn load() -> Vec<String> {
    let dir = format!("{}/tests/fixtures/import", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    names.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
}

/// Reads and, when something was read, plans it: neither may panic, and a plan's query must
/// read back without notices.
fn exercise(text: String) {
    if let Ok(r) = read(&Request { text, service: None }) {
        let p = plan(&State::default(), &r);
        let (_, notices) = berth_core::url::parse_query(&p.query);
        assert!(notices.is_empty(), "{notices:?}");
        assert!(!r.fields.is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_text_never_panics(text in "\\PC{0,300}") {
        exercise(text);
    }

    #[test]
    fn yaml_shaped_noise_never_panics(
        parts in prop::collection::vec(prop::sample::select(vec![
            "apiVersion: v1\n", "kind: Pod\n", "kind: List\n", "items:\n", "- ", "  ", "spec:\n", "containers:\n",
            "resources: {requests: {cpu: 500m}}\n", "memory: 1Gi\n", "&a ", "*a", "<<: *a\n", "---\n", "{", "}", "[", "]",
            ",", ": ", "\"", "'", "services:\n", "deploy: {replicas: 3}\n", "containerDefinitions: [", "{\"cpu\": \"1024\"}",
            "taskDefinition: ", "replicas: 1e308\n", "cpu: -5\n", "nvidia.com/gpu: 2\n", "!!binary ", "? ", "|\n", "#c\n", "\t",
        ]), 0..40)
    ) {
        exercise(parts.concat());
    }
}

proptest! {
    // Each case reads two texts (truncated, and with one byte changed).
    #![proptest_config(ProptestConfig { cases: 2500, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn damaged_fixtures_never_panic(which in 0usize..64, cut in 0.0f64..1.0, flip in 0.0f64..1.0, byte in 0u8..128) {
        let all = fixtures();
        let text = &all[which % all.len()];
        let at = ((text.len() as f64) * cut) as usize;
        let truncated: String = text.chars().take(at).collect();
        exercise(truncated);
        let mut bytes = text.clone().into_bytes();
        let i = ((bytes.len() as f64) * flip) as usize % bytes.len();
        bytes[i] = byte;
        exercise(String::from_utf8_lossy(&bytes).into_owned());
    }
}

#[test]
fn huge_deep_and_explosive_inputs_are_refused_quickly() {
    let start = Instant::now();
    for size in [1 << 20, 10 << 20] {
        let text = "a: b\n".repeat(size / 5);
        assert!(matches!(read(&Request { text, service: None }), Err(ImportError::TooBig { .. })));
    }
    let just_under = format!("apiVersion: v1\nkind: Pod\nspec: {{}}\n#{}", "x".repeat(MAX_BYTES - 60));
    assert!(read(&Request { text: just_under, service: None }).is_ok(), "a long comment is no reason to refuse");

    let deep = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(read(&Request { text: deep, service: None }), Err(ImportError::Invalid(_))));
    let deep_json = format!("{}{}", "{\"a\":".repeat(50_000), "}".repeat(50_000));
    assert!(matches!(read(&Request { text: deep_json, service: None }), Err(ImportError::Invalid(_))));

    // "Billion laughs": nine levels of ten aliases each, under a manifest's keys.
    let mut bomb = String::from("apiVersion: v1\nkind: Pod\nmetadata:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let refs = vec![format!("*l{}", i - 1); 10].join(", ");
        bomb.push_str(&format!("  l{i}: &l{i} [{refs}]\n"));
    }
    bomb.push_str("spec:\n  containers:\n    - name: x\n      resources: {requests: {cpu: *l9}}\n");
    assert!(read(&Request { text: bomb, service: None }).is_err());

    let many_docs = "apiVersion: v1\nkind: ConfigMap\n---\n".repeat(20_000);
    assert!(read(&Request { text: many_docs, service: None }).is_err());
    assert!(start.elapsed() < Duration::from_secs(20), "took {:?}", start.elapsed());
}

#[test]
fn truncated_json_and_binary_give_clear_errors() {
    for text in fixtures() {
        let half: String = text.chars().take(text.len() / 2).collect();
        if text.trim_start().starts_with('{') {
            let e = read(&Request { text: half, service: None }).unwrap_err();
            assert!(matches!(e, ImportError::Invalid(_)), "{e:?}");
            assert!(e.text().starts_with("This is not valid YAML or JSON"));
        }
    }
    let png = String::from_utf8_lossy(&[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, b'I', b'H', b'D', b'R']).into_owned();
    assert_eq!(read(&Request { text: png, service: None }), Err(ImportError::Binary));
}
