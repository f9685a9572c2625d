//! Property tests of the deep-link parser: round trips and hostile input.

use berth_core::params::{Key, Kind, KEY_COUNT, PARAMS};
use berth_core::state::{parse_value, Parsed, State, Val};
use berth_core::url::{decode, parse_query, to_query, MAX_NOTICES};
use proptest::prelude::*;

fn any_val(k: Key) -> BoxedStrategy<Val> {
    match k.param().kind {
        Kind::Flag { .. } => any::<bool>().prop_map(Val::Flag).boxed(),
        Kind::Choice { options, .. } => (0..options.len()).prop_map(Val::Choice).boxed(),
        Kind::Number { min, max, .. } => (min..=max).prop_map(Val::Num).boxed(),
        Kind::Set { options } => any::<u128>().prop_map(move |b| Val::Set(b & ((1 << options.len()) - 1))).boxed(),
        Kind::KeySet => any::<u128>().prop_map(|b| Val::Set(b & ((1 << KEY_COUNT) - 1))).boxed(),
        Kind::Token { .. } => "[a-z0-9-]{0,20}".prop_map(Val::Token).boxed(),
        Kind::Rates { .. } => "[a-z0-9.@:,-]{0,40}".prop_map(Val::Token).boxed(),
    }
}

fn any_state() -> impl Strategy<Value = State> {
    let parts: Vec<_> = PARAMS.iter().map(|p| any_val(p.key)).collect();
    parts.prop_map(|vals| {
        let mut s = State::default();
        for (p, v) in PARAMS.iter().zip(vals) {
            let _ = s.set(p.key, v);
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    /// query → state → query gives the same state, with no notice.
    #[test]
    fn round_trip(s in any_state()) {
        let q = to_query(&s);
        let (back, notices) = parse_query(&q);
        prop_assert!(notices.is_empty(), "{q}: {notices:?}");
        prop_assert_eq!(&back, &s);
        prop_assert_eq!(to_query(&back), q);
    }

    /// Any text at all gives a valid state and a bounded list of notices.
    #[test]
    fn arbitrary_text_never_breaks(q in ".{0,400}") {
        let (s, notices) = parse_query(&q);
        prop_assert!(notices.len() <= MAX_NOTICES);
        for p in PARAMS {
            if let Kind::Number { min, max, .. } = p.kind {
                let v = s.num(p.key);
                prop_assert!(v.is_finite() && v >= min && v <= max);
            }
        }
        let (again, n2) = parse_query(&to_query(&s));
        prop_assert!(n2.is_empty());
        prop_assert_eq!(again, s);
    }

    /// Hostile values for known keys are clamped or ignored, each with a notice.
    #[test]
    fn hostile_values(key in 0..KEY_COUNT, v in prop_oneof![
        Just("NaN".to_string()), Just("-inf".to_string()), Just("1e999".to_string()),
        Just("-1e999".to_string()), Just("".to_string()), Just("%00%FF".to_string()),
        "[0-9eE+.-]{1,30}", ".{0,60}", Just("9".repeat(10_000)),
    ]) {
        let p = &PARAMS[key];
        // As a browser would send it: '&' and '#' inside a value arrive percent-encoded.
        let v = v.replace('&', "%26").replace('#', "%23");
        let q = format!("{}={}", p.name, v);
        let (s, notices) = parse_query(&q);
        // Silence only when the value was valid exactly as given.
        let valid = matches!(parse_value(p, &decode(&v)), Parsed::Ok(_));
        prop_assert_eq!(notices.is_empty(), valid, "{}: {:?}", q, notices);
        if !valid {
            prop_assert!(notices.iter().any(|n| n.text.contains(p.name)));
        }
        if let Kind::Number { min, max, .. } = p.kind {
            let n = s.num(p.key);
            prop_assert!(n.is_finite() && n >= min && n <= max);
        }
    }
}
