//! Hostile input, natively: random and malicious query strings, random action sequences and random
//! rate overrides go through the same path as the page (parse → model → decision → costs → view).
//! Whatever comes in, the page has a recommendation, every figure is a finite non-negative number,
//! no text shows NaN or infinity, and anything changed or ignored is noticed.
//! At least 10,000 cases per property per run (issue 5).

mod common {
    pub mod packs;
}

use berth_core::catalog::RateRef;
use berth_core::decision::Facts;
use berth_core::model::{update, Action, Model};
use berth_core::params::{Key, PARAMS};
use berth_core::state::Val;
use berth_core::view::{explanation, page, Page};
use proptest::prelude::*;

const CASES: u32 = 10_000;

fn hostile_value() -> BoxedStrategy<String> {
    prop_oneof![
        Just("NaN".to_string()),
        Just("nan".to_string()),
        Just("Infinity".to_string()),
        Just("-Infinity".to_string()),
        Just("inf".to_string()),
        Just("1e308".to_string()),
        Just("1e-320".to_string()),
        Just("-0".to_string()),
        Just("0x10".to_string()),
        Just("".to_string()),
        Just("%".to_string()),
        Just("%zz".to_string()),
        Just("%C3%28".to_string()),
        Just("١٢٣".to_string()),
        Just("５０".to_string()),
        Just("💥".to_string()),
        Just("<script>alert(1)</script>".to_string()),
        Just("x".repeat(10 * 1024)),
        Just("9".repeat(400)),
        "-?[0-9]{1,12}(\\.[0-9]{0,6})?([eE][+-]?[0-9]{1,4})?",
        "[a-z0-9,.-]{0,20}",
        ".{0,40}",
    ]
    .boxed()
}

fn any_key() -> BoxedStrategy<String> {
    prop_oneof![
        4 => (0..PARAMS.len()).prop_map(|i| PARAMS[i].name.to_string()),
        1 => "[a-zA-Z_]{0,12}",
        1 => Just(String::new()),
        1 => Just("ütil".to_string()),
        1 => Just("UTIL".to_string()),
        1 => Just("util[]".to_string()),
    ]
    .boxed()
}

fn hostile_query() -> impl Strategy<Value = String> {
    (proptest::collection::vec((any_key(), hostile_value(), any::<bool>()), 0..10), prop_oneof![Just(""), Just("?"), Just("&&")])
        .prop_map(|(pairs, lead)| {
            let mut q = lead.to_string();
            for (i, (k, v, with_eq)) in pairs.iter().enumerate() {
                if i > 0 {
                    q.push('&');
                }
                q.push_str(k);
                if *with_eq {
                    q.push('=');
                    q.push_str(&v.replace('&', "%26").replace('#', "%23"));
                }
            }
            q
        })
}

/// Every figure on the page is finite and non-negative, and no computed text says NaN or infinity.
fn check_page(p: &Page) -> Result<(), TestCaseError> {
    prop_assert!(!p.recommendation.platform.is_empty(), "no recommendation");
    for c in &p.cards {
        for v in [&c.cost.monthly_usd, &c.cost.compute_usd] {
            if !v.is_empty() {
                let x: f64 = v.parse().map_err(|_| TestCaseError::fail(format!("{}: {v:?} is not a number", c.platform)))?;
                prop_assert!(x.is_finite() && x >= 0.0, "{}: {}", c.platform, v);
            }
        }
    }
    // Notices quote the input they rejected ("NaN" may be exactly what the link said), and links
    // carry the `pack=` path as written ("Infinity.json" is a file name); everything else on the
    // page is computed and must never show one.
    let computed = Page { notices: Vec::new(), ..p.clone() };
    let pack = p.query.split('&').find_map(|kv| kv.strip_prefix("pack=")).unwrap_or("");
    let text = format!("{computed:?}");
    let text = if pack.is_empty() { text } else { text.replace(pack, "") };
    for bad in ["NaN", ": inf", ": -inf", "Infinity", "$-", "-$"] {
        prop_assert!(!text.contains(bad), "{bad:?} on the page");
    }
    Ok(())
}

fn render(m: &Model) -> Page {
    page(m, &explanation(&Facts::from_state(&m.state)))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any query string gives a working page; an unknown key is always noticed.
    #[test]
    fn hostile_queries_never_break_the_page(q in hostile_query()) {
        let m = Model::from_query(&q);
        let decoded_keys: Vec<&str> = q.trim_start_matches('?').split('&').filter(|s| !s.is_empty())
            .map(|kv| kv.split('=').next().unwrap_or("")).collect();
        let unknown = decoded_keys.iter().any(|k| !k.is_empty() && !k.contains('%') && Key::from_name(k).is_none());
        if unknown {
            prop_assert!(!m.notices.is_empty(), "unknown key in {:?} without a notice", q);
        }
        let p = render(&m);
        check_page(&p)?;
        prop_assert!(p.notices.len() == m.notices.len());
    }

    /// Any sequence of actions, including typed garbage and overrides, keeps the model valid.
    #[test]
    fn action_sequences_keep_the_model_valid(actions in proptest::collection::vec((0..PARAMS.len(), hostile_value(), 0..7u8, 0..400usize), 1..8)) {
        let mut m = Model::from_query("");
        for (i, text, kind, rate) in actions {
            let k = PARAMS[i].key;
            let a = match kind {
                0 => Action::SetRaw(k, text),
                1 => Action::Toggle(k),
                2 => Action::Set(k, Val::Num(text.parse().unwrap_or(f64::NAN))),
                3 => match RateRef::from_index(rate) {
                    Some(r) => Action::SetOverride(r, None, text),
                    None => Action::ClearOverrides,
                },
                4 => Action::LoadQuery(text),
                5 => Action::SetNarrow(rate % 2 == 0),
                _ => Action::ResetInputs,
            };
            update(&mut m, a);
        }
        check_page(&render(&m))?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, failure_persistence: None, ..ProptestConfig::default() })]

    /// Study mode under any sequence of picks, reveals, retries, jumps (to real or made-up ids) and
    /// input changes: the page renders, the score stays within the scenarios, and the saved progress
    /// reads back exactly.
    #[test]
    fn study_action_sequences_keep_progress_valid(actions in proptest::collection::vec((0..6u8, 0..48usize, hostile_value()), 1..12)) {
        use berth_core::platform::Platform;
        use berth_core::study::Progress;
        let pack = common::packs::builtin();
        let scenarios = &pack.scenarios;
        let mut m = Model::from_query("mode=study");
        update(&mut m, Action::PackLoaded(pack.clone(), Default::default()));
        for (kind, n, text) in actions {
            let a = match kind {
                0 => Action::StudyPick(Platform::ALL[n % Platform::ALL.len()]),
                1 => Action::StudyReveal,
                2 => Action::StudyGo(scenarios[n % scenarios.len()].id.clone()),
                3 => Action::StudyGo(text),
                4 => Action::StudyRetry,
                _ => Action::LoadQuery(format!("mode=study&q={text}&advice={}", if n % 2 == 0 { "exam" } else { "current" })),
            };
            update(&mut m, a);
        }
        let p = render(&m);
        check_page(&p)?;
        let Some(berth_core::view::Pending::Ready(study)) = p.study.as_ref() else { panic!("study mode shows the study view") };
        prop_assert!(study.answered <= scenarios.len() && study.correct <= study.answered);
        let text = serde_json::to_string(&m.progress.to_doc()).unwrap();
        prop_assert_eq!(Progress::from_doc(serde_json::from_str(&text).unwrap()), Ok(m.progress.clone()));
    }
}
