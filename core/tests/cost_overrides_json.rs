//! The override file format under generated input: reading never panics on any bytes, text or JSON
//! value and every refusal says why in a short sentence; override sets survive an export and an
//! import unchanged, while anything invalid is refused with a reason.

mod common {
    pub mod json;
}

use berth_core::catalog::ids::REGION_OPTS;
use berth_core::catalog::overrides_json::{ImportIssue, OverridesFile};
use berth_core::catalog::RATE_COUNT;
use berth_core::catalog::{Overrides, RateRef, Rates};
use common::json::{any_json, from_value, pretty, read};
use proptest::prelude::*;

const KEYS: &[&str] =
    &["format", "version", "catalog_as_of", "overrides", "rate", "region", "value", "unit", "label", "note", "berth-rate-overrides", "alb.hour", "us-east-1"];

fn import_text(text: &str) -> Result<Overrides, Vec<ImportIssue>> {
    Overrides::import(read::<OverridesFile>(text))
}

fn clear(issues: &[ImportIssue]) -> bool {
    !issues.is_empty() && issues.iter().all(|i| (10..400).contains(&i.to_string().chars().count()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_are_read_or_refused_clearly(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let file = serde_json::from_slice::<OverridesFile>(&bytes).map_err(|e| berth_core::document::DocError::NotJson(e.to_string()));
        if let Err(issues) = Overrides::import(file) {
            prop_assert!(clear(&issues), "{issues:?}");
        }
    }

    #[test]
    fn json_like_text_never_panics(text in r#"[\[\]{}",:0-9eE.+\- a-z\\u]{0,64}"#) {
        if let Err(issues) = import_text(&text) {
            prop_assert!(clear(&issues), "{issues:?}");
        }
    }

    #[test]
    fn any_json_value_is_read_or_refused_clearly(v in any_json(KEYS)) {
        match Overrides::import(from_value::<OverridesFile>(&v)) {
            Ok(o) => prop_assert!(o.iter().all(|e| e.rate.value_kind().check(e.value).is_ok())),
            Err(issues) => prop_assert!(clear(&issues), "{issues:?}"),
        }
    }

    #[test]
    fn overrides_round_trip(entries in prop::collection::vec((0..RATE_COUNT, prop::option::of(0..REGION_OPTS.len()), 0.0..=100.0f64), 0..40)) {
        let mut o = Overrides::new();
        for (r, region, v) in entries {
            o.set(RateRef::from_index(r).unwrap(), region, v).unwrap();
        }
        let text = pretty(&o.export());
        prop_assert_eq!(import_text(&text), Ok(o.clone()));
        // Every override shows up in the resolved rates of the regions it covers.
        for e in o.iter() {
            let region = e.region.unwrap_or(0);
            let r = Rates::resolve(region, &o);
            prop_assert!(r.is_overridden(e.rate));
            prop_assert_eq!(r.get(e.rate), o.value_for(e.rate, region));
        }
    }

    #[test]
    fn invalid_values_are_refused_with_a_reason(id in 0..RATE_COUNT, v in prop_oneof![-1e12..-1e-9f64, 100.000_001..1e12f64]) {
        let rate = RateRef::from_index(id).unwrap();
        let text = format!(r#"{{"overrides": [{{"rate": "{}", "value": {v}}}]}}"#, rate.id());
        let result = import_text(&text);
        if v < 0.0 || !rate.accepts(v) {
            let issues = result.unwrap_err();
            prop_assert_eq!(issues.len(), 1);
            prop_assert!(issues[0].to_string().contains(&*rate.id()));
        } else {
            prop_assert!(result.is_ok());
        }
    }
}

#[test]
fn a_huge_file_is_refused_whole() {
    // 10 MB: more entries than the format allows, each valid.
    let entry = r#"{"rate":"alb.hour","region":"us-east-1","value":0.02,"unit":"USD per ALB-hour"},"#;
    let mut text = String::from(r#"{"format":"berth-rate-overrides","version":1,"overrides":["#);
    while text.len() < 10_000_000 {
        text.push_str(entry);
    }
    text.pop();
    text.push_str("]}");
    assert_eq!(import_text(&text), Err(vec![ImportIssue::TooMany]));
    // Truncated anywhere, it is not JSON.
    assert!(matches!(import_text(&text[..text.len() / 2]).unwrap_err().as_slice(), [ImportIssue::NotJson(_)]));
}
