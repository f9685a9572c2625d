//! Properties of the decision engine over every combination of facts proptest can think of.

use berth_core::decision::flips::Neighbours;
use berth_core::decision::{decide, explain, plan, Facts, Status, FLAG_KEYS};
use berth_core::params::{Advice, Key, Ops, Workload};
use berth_core::platform::Platform;
use proptest::prelude::*;

fn any_facts() -> impl Strategy<Value = Facts> {
    (any::<u32>(), 0..4usize, 0..3usize, 0..2usize, prop_oneof![Just(0.0), Just(15.0), Just(20.0), 0.0..10080.0f64])
        .prop_map(|(bits, w, o, a, m)| {
            let mut f = Facts::default();
            f.workload = Workload::ALL[w];
            f.ops = Ops::ALL[o];
            f.advice = Advice::ALL[a];
            f.job_minutes = m;
            for (i, k) in FLAG_KEYS.iter().enumerate() {
                f.set(*k, bits & (1 << i) != 0);
            }
            f
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn the_pick_is_viable_and_statuses_agree(f in any_facts()) {
        let d = decide(&f);
        if let Some(top) = d.top {
            prop_assert!(d.viable.contains(top));
        } else {
            prop_assert!(d.viable.is_empty());
        }
        for p in Platform::ALL {
            let ruled_out = d.excluded_by[p.index()] != 0;
            prop_assert_eq!(ruled_out, !d.viable.contains(p));
            prop_assert_eq!(d.status(p) == Status::RuledOut, ruled_out);
            prop_assert_eq!(d.rules_against(p).count() > 0, ruled_out);
        }
    }

    #[test]
    fn hard_constraints_always_hold(f in any_facts()) {
        let d = decide(&f);
        let fargate_backed = [Platform::EcsFargate, Platform::EksFargate, Platform::AppRunner, Platform::EcsExpress, Platform::Lambda];
        if f.has(Key::Gpu) || f.has(Key::Privileged) || f.has(Key::Daemonset) {
            for p in fargate_backed { prop_assert!(!d.viable.contains(p)); }
        }
        if f.job_minutes > 15.0 { prop_assert!(!d.viable.contains(Platform::Lambda)); }
        if f.has(Key::Windows) {
            prop_assert!(!d.viable.contains(Platform::EksFargate));
            prop_assert!(!d.viable.contains(Platform::Lambda));
        }
        if f.has(Key::Hybrid) {
            for p in d.viable.iter() { prop_assert!(matches!(p, Platform::EcsAnywhere | Platform::EksAnywhere)); }
        }
        if f.has(Key::K8s) {
            if let Some(top) = d.top { prop_assert!(top.is_kubernetes() || top == Platform::Batch); }
        }
        // Placement strategies and packing need instances: never a Fargate-backed answer.
        if f.has(Key::PlacementStrategy) || f.has(Key::PackForCost) {
            for p in fargate_backed { prop_assert!(!d.viable.contains(p)); }
        }
        if f.has(Key::PlacementStrategy) { prop_assert!(!d.viable.contains(Platform::Batch)); }
        // Interruptible work that must be cheapest gets a Spot price wherever the pick has one.
        if f.has(Key::Interruptible) && f.has(Key::LowestCost) {
            prop_assert!(!d.viable.contains(Platform::EksFargate));
            if let Some(pl) = d.top_plan() {
                if matches!(pl.platform, Platform::EcsFargate | Platform::EcsEc2 | Platform::EksEc2 | Platform::Batch) {
                    prop_assert!(matches!(pl.capacity.map(|c| c.id()), Some("spot" | "fargate-spot")), "{:?}", pl);
                }
            }
        }
    }

    #[test]
    fn plans_respect_the_platform(f in any_facts()) {
        for p in Platform::ALL {
            let pl = plan(p, &f);
            let ids = pl.extras.ids();
            if p != Platform::EcsEc2 {
                prop_assert!(!ids.contains("binpack") && !ids.split(' ').any(|x| x == "spread"));
            }
            if !p.is_kubernetes() { prop_assert!(!ids.contains("keda")); }
            if p.is_kubernetes() { prop_assert!(!ids.contains("sqs-app-autoscaling")); }
            if p == Platform::EksFargate {
                prop_assert!(!ids.contains("daemonset"));
                prop_assert_ne!(pl.capacity.map(|c| c.id()), Some("spot"));
                prop_assert_ne!(pl.capacity.map(|c| c.id()), Some("fargate-spot"));
            }
            if matches!(p, Platform::EcsAnywhere | Platform::EksAnywhere) { prop_assert!(pl.capacity.is_none()); }
            if p == Platform::Batch { prop_assert!(pl.deploy.is_none()); }
            // Fargate Spot takes Linux tasks only.
            if f.has(Key::Windows) { prop_assert_ne!(pl.capacity.map(|c| c.id()), Some("fargate-spot")); }
            // Across VPCs or between ECS, EKS and Lambda: never App Mesh, in either advice; today never at all.
            if f.has(Key::CrossVpc) || f.has(Key::MixedPlatforms) || f.advice == Advice::Current {
                prop_assert!(!ids.contains("app-mesh"), "{:?} {}", p, ids);
            }
        }
    }

    #[test]
    fn flips_really_flip_and_explanations_never_panic(f in any_facts()) {
        let d = decide(&f);
        let n = Neighbours::of(&d);
        for fl in n.top_flips() {
            let g = fl.changes.iter().fold(d.facts, |g, c| c.apply(&g));
            prop_assert_eq!(decide(&g).top, fl.top);
            prop_assert_ne!(fl.top, d.top);
        }
        let e = explain(&d);
        prop_assert_eq!(e.cards.len(), 10);
        prop_assert_eq!(e.none_fits.is_some(), d.top.is_none());
        for c in &e.cards {
            prop_assert!(!c.reasons.is_empty());
        }
    }
}
