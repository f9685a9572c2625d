//! The override file format under generated input: the JSON reader never panics on any text, what the
//! writer produces always reads back to the same value, and override sets survive an export and an
//! import unchanged while anything invalid is refused with a reason.

use berth_core::catalog::ids::REGION_OPTS;
use berth_core::catalog::json::Value;
use berth_core::catalog::RATE_COUNT;
use berth_core::catalog::{Overrides, RateRef, Rates};
use proptest::prelude::*;

fn arb_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_filter("finite", |n| n.is_finite()).prop_map(|n| Value::Num(if n == 0.0 { 0.0 } else { n })),
        any::<String>().prop_map(Value::Str),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Arr),
            prop::collection::vec((any::<String>(), inner), 0..6).prop_map(Value::Obj),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn the_reader_never_panics(text in any::<String>()) {
        let _ = Value::parse(&text);
        let _ = Overrides::from_json(&text);
    }

    #[test]
    fn json_like_text_never_panics(text in r#"[\[\]{}",:0-9eE.+\- a-z\\u]{0,64}"#) {
        let _ = Value::parse(&text);
        let _ = Overrides::from_json(&text);
    }

    #[test]
    fn written_json_reads_back(v in arb_value()) {
        prop_assert_eq!(Value::parse(&v.to_json()).unwrap(), v.clone());
        prop_assert_eq!(Value::parse(&v.to_json_pretty()).unwrap(), v);
    }

    #[test]
    fn overrides_round_trip(entries in prop::collection::vec((0..RATE_COUNT, prop::option::of(0..REGION_OPTS.len()), 0.0..=100.0f64), 0..40)) {
        let mut o = Overrides::new();
        for (r, region, v) in entries {
            o.set(RateRef::from_index(r).unwrap(), region, v).unwrap();
        }
        let text = o.to_json();
        prop_assert_eq!(Overrides::from_json(&text), Ok(o.clone()));
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
        let result = Overrides::from_json(&text);
        if v < 0.0 || !rate.accepts(v) {
            let issues = result.unwrap_err();
            prop_assert_eq!(issues.len(), 1);
            prop_assert!(issues[0].to_string().contains(&*rate.id()));
        } else {
            prop_assert!(result.is_ok());
        }
    }
}
