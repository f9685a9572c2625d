//! "What would change the answer" for the placement, Spot and service-networking rules, and what the
//! explanation says about them: every rule that can flip a pick shows up as a flip in both directions,
//! and the cards say what the learner must know (Fargate spreads by itself, Fargate Spot is Linux only,
//! the exam key and today's advice for Batch on Spot, never App Mesh across VPCs).

use berth_core::decision::flips::{Change, Neighbours};
use berth_core::decision::{decide, explain, Facts};
use berth_core::params::{Advice, Key, Ops, Workload};
use berth_core::platform::Platform as P;
use berth_core::url::parse_query;

fn facts(query: &str) -> Facts {
    let (s, notices) = parse_query(query);
    assert!(notices.is_empty(), "{query}: {notices:?}");
    Facts::from_state(&s)
}

/// Whether toggling `k` from `query` is listed as a flip to `to`.
fn flips_to(query: &str, change: Change, to: P) -> bool {
    let d = decide(&facts(query));
    Neighbours::of(&d).top_flips().iter().any(|fl| fl.changes == vec![change] && fl.top == Some(to))
}

#[test]
fn every_new_rule_is_a_flip_both_ways() {
    let cases: &[(&str, Key, P, P)] = &[
        ("", Key::PackForCost, P::EcsFargate, P::EcsEc2),
        ("", Key::PlacementStrategy, P::EcsFargate, P::EcsEc2),
        ("windows=1&interruptible=1", Key::LowestCost, P::EcsFargate, P::EcsEc2),
        ("k8s=1&ops=minimal&interruptible=1", Key::LowestCost, P::EksFargate, P::EksEc2),
        ("steady=1&ops=minimal", Key::LowestCost, P::EcsFargate, P::EcsEc2),
        ("workload=batch&windows=1&interruptible=1", Key::LowestCost, P::Batch, P::EcsEc2),
    ];
    for (base, k, before, after) in cases {
        assert_eq!(decide(&facts(base)).top, Some(*before), "{base}");
        assert!(flips_to(base, Change::Flag(*k, true), *after), "{base}: ticking {k:?} should give {after:?}");
        let on = format!("{base}{}{}=1", if base.is_empty() { "" } else { "&" }, k.name());
        assert_eq!(decide(&facts(&on)).top, Some(*after), "{on}");
        assert!(flips_to(&on, Change::Flag(*k, false), *before), "{on}: unticking {k:?} should give {before:?}");
    }
}

#[test]
fn spread_on_fargate_says_fargate_already_spreads() {
    let e = explain(&decide(&facts("spread_for_availability=1")));
    assert_eq!(e.decision.top, Some(P::EcsFargate));
    assert!(e.traps.iter().any(|t| t.id == "fargate-spreads-by-itself"));
    assert!(!e.traps.iter().any(|t| t.id == "fargate-no-host-placement"));
    let card = &e.cards[P::EcsFargate.index()];
    assert!(card.plan_lines.iter().any(|l| l.starts_with("Spread:")), "{:?}", card.plan_lines);
    assert!(card.plan.extras.is_empty());
}

#[test]
fn packing_explains_why_ec2() {
    let mut f = facts("pack_for_cost=1");
    f.ops = Ops::Minimal;
    let e = explain(&decide(&f));
    assert_eq!(e.decision.top, Some(P::EcsEc2));
    assert_eq!(e.traps[0].id, "least-ops-but-host-needs");
    assert!(e.reasons[0].contains("packing tasks onto as few instances"), "{}", e.reasons[0]);
    let fargate = &e.cards[P::EcsFargate.index()];
    assert!(fargate.rules.iter().any(|h| h.rule.id == "binpack-needs-instances"));
    assert!(fargate.traps.iter().any(|t| t.id == "fargate-no-host-placement"));
}

#[test]
fn windows_spot_is_explained_on_the_fargate_card() {
    let e = explain(&decide(&facts("windows=1&interruptible=1")));
    assert_eq!(e.decision.top, Some(P::EcsFargate));
    assert!(e.traps.iter().any(|t| t.id == "fargate-spot-linux-only"));
    let card = &e.cards[P::EcsFargate.index()];
    assert!(card.plan_lines.iter().any(|l| l.contains("Linux tasks only")), "{:?}", card.plan_lines);
    let e = explain(&decide(&facts("windows=1&interruptible=1&lowest_cost=1")));
    assert!(e.reasons[0].contains("Fargate Spot does not give"), "{}", e.reasons[0]);
}

#[test]
fn batch_spot_shows_the_exam_key_beside_today() {
    let mut f = Facts::default().with(Key::Interruptible, true);
    f.workload = Workload::Batch;
    f.job_minutes = 240.0;
    for advice in [Advice::Exam, Advice::Current] {
        f.advice = advice;
        let e = explain(&decide(&f));
        assert_eq!(e.decision.top, Some(P::Batch));
        let diff = e.diffs.iter().find(|d| d.aspect == "Batch compute").expect("Batch compute differs");
        assert!(diff.exam.starts_with("EC2 Spot"), "{}", diff.exam);
        assert!(diff.current.starts_with("Fargate Spot"), "{}", diff.current);
        assert_eq!(diff.fact.id, "batch-fargate-first");
    }
    // Jobs that need EC2 anyway use EC2 Spot in both advices: nothing to compare.
    let e = explain(&decide(&f.with(Key::Gpu, true)));
    assert!(!e.diffs.iter().any(|d| d.aspect == "Batch compute"));
}

#[test]
fn cross_vpc_and_mixed_platforms_never_get_app_mesh() {
    for q in ["cross_vpc=1&mesh=1", "mixed_platforms=1&mesh=1", "mixed_platforms=1&mesh=1&k8s=1", "cross_vpc=1&service_discovery=1"] {
        for advice in ["exam", "current"] {
            let e = explain(&decide(&facts(&format!("{q}&advice={advice}"))));
            for c in &e.cards {
                assert!(!c.plan.extras.ids().contains("app-mesh"), "{q} {advice} {:?}", c.platform);
            }
            assert!(e.traps.iter().any(|t| t.id == "app-mesh-not-across-vpcs"), "{q} {advice}");
            assert!(e.decision.top_plan().unwrap().extras.ids().contains("vpc-lattice"), "{q} {advice}");
            assert!(!e.diffs.iter().any(|d| d.aspect == "Service mesh"), "{q} {advice}");
        }
    }
    // Inside one namespace the exam key still names App Mesh, and today's advice Service Connect.
    let e = explain(&decide(&facts("mesh=1&advice=exam")));
    assert!(e.diffs.iter().any(|d| d.aspect == "Service mesh" && d.exam.contains("App Mesh") && d.current.contains("Service Connect")));
}
