//! Properties of the cost model over thousands of generated inputs: costs are finite and never
//! negative, the fast totals agree exactly with the itemized bill, costs never fall when the workload
//! grows, us-east-1 lacks no rate, and the costs charts sweep are continuous and piecewise linear.

use berth_core::catalog::{InstanceRate, Overrides, RateRef, Rates};
use berth_core::cost::{breakdown, totals, CostInputs, DeployOverhead, NotCosted};
use berth_core::params::{Arch, EksSupport, Pricing};
use berth_core::platform::Platform;
use proptest::prelude::*;

fn arb_inputs() -> impl Strategy<Value = CostInputs> {
    let usage = (0.0..=100.0f64, 1u32..=1000, 1u32..=64, 1u32..=240, 20u32..=200);
    let traffic = (0.0..=100_000.0f64, 1u32..=900_000, 0.0..=10_240.0f64, 128u32..=10_240, any::<bool>());
    let pricing = (1.0..=744.0f64, 0usize..7, any::<bool>(), 0usize..4, 0usize..17, 1u32..=100, any::<bool>());
    let capacity = (any::<bool>(), 1u32..=100, 0.0..=100.0f64);
    let items = (any::<bool>(), any::<bool>(), 0.0..=1_000_000.0f64, any::<bool>(), any::<bool>(), 0u32..=1000, 0u32..=1440, 2u32..=6);
    let facts = (any::<bool>(), any::<bool>(), any::<bool>(), 0.0..=60.0f64);
    (usage, traffic, pricing, capacity, items, facts).prop_map(|(u, t, p, c, l, f)| CostInputs {
        util: u.0,
        tasks: f64::from(u.1),
        cpu: f64::from(u.2) * 0.25,
        mem: f64::from(u.3) * 0.5,
        storage: f64::from(u.4),
        rps: t.0,
        req_ms: f64::from(t.1),
        resp_kb: t.2,
        lambda_mb: f64::from(t.3),
        free_tier: t.4,
        hours: p.0,
        region: p.1,
        arch: if p.2 { Arch::Arm } else { Arch::X86 },
        pricing: Pricing::ALL[p.3],
        instance: p.4,
        clusters: f64::from(p.5),
        eks_support: if p.6 { EksSupport::Extended } else { EksSupport::Standard },
        autoscale: c.0,
        target_capacity: f64::from(c.1),
        spot_overhead: c.2,
        alb: l.0,
        nat: l.1,
        nat_gb: l.2,
        ipv4: l.3,
        egress: l.4,
        deploys: f64::from(l.5),
        bake_min: f64::from(l.6),
        azs: f64::from(l.7),
        windows: f.0,
        gpu: f.1,
        privileged: f.2,
        job_minutes: f.3,
        // Fixed capacity: the sweeps below assume costs continuous in the request rate, which a
        // peak that follows traffic is not (cost_traffic.rs tests that mode).
        traffic: false,
        rps_per_task: 25.0,
        ar_peak: 1.0,
    })
}

const DEPLOYS: [DeployOverhead; 2] = [DeployOverhead::ROLLING, DeployOverhead::SIDE_BY_SIDE];

fn monthly(p: Platform, pricing: Pricing, i: &CostInputs, r: &Rates, d: DeployOverhead) -> Option<f64> {
    totals(p, pricing, i, r, d).ok().map(|t| t.monthly)
}

/// Asserts `after >= before` (up to rounding), when both have a cost.
fn never_falls(before: Option<f64>, after: Option<f64>, what: &str) -> Result<(), TestCaseError> {
    if let (Some(b), Some(a)) = (before, after) {
        prop_assert!(a >= b - 1e-9 * b.abs().max(1.0), "{what}: {b} then {a}");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn costs_are_finite_non_negative_and_match_the_bill(i in arb_inputs()) {
        let rates = Rates::catalog(i.region);
        for p in Platform::ALL {
            for pricing in Pricing::ALL.iter().copied() {
                for d in DEPLOYS {
                    let t = totals(p, pricing, &i, &rates, d);
                    let b = breakdown(p, pricing, &i, &rates, d);
                    match (t, b) {
                        (Ok(t), Ok(b)) => {
                            prop_assert!(t.monthly.is_finite() && t.compute.is_finite());
                            prop_assert!(t.monthly >= 0.0 && t.compute >= 0.0);
                            prop_assert!(t.compute <= t.monthly);
                            // One code path: the totals are the bill's totals, bit for bit.
                            prop_assert_eq!(t, b.totals());
                            let mut sum = 0.0;
                            let mut compute = 0.0;
                            for l in &b.lines {
                                prop_assert!(l.amount.is_finite() && l.amount >= 0.0, "{} {}", l.id, l.amount);
                                prop_assert!(!l.detail.is_empty());
                                sum += l.amount;
                                if l.toggle.is_none() {
                                    compute += l.amount;
                                }
                            }
                            prop_assert_eq!(sum, b.monthly);
                            prop_assert_eq!(compute, b.compute);
                        }
                        (Err(a), Err(b)) => prop_assert_eq!(a, b),
                        (t, b) => prop_assert!(false, "totals {:?} but breakdown {:?}", t, b.map(|b| b.monthly)),
                    }
                }
            }
        }
    }

    #[test]
    fn cost_never_falls_as_the_workload_grows(i in arb_inputs(), step in 0.5..=25.0f64) {
        let rates = Rates::catalog(i.region);
        for p in Platform::ALL {
            for pricing in Pricing::ALL.iter().copied() {
                for d in DEPLOYS {
                    let base = monthly(p, pricing, &i, &rates, d);
                    never_falls(base, monthly(p, pricing, &i.with_tasks(i.tasks + 1.0), &rates, d), "tasks")?;
                    never_falls(base, monthly(p, pricing, &i.with_util((i.util + step).min(100.0)), &rates, d), "util")?;
                    let cpu = CostInputs { cpu: (i.cpu + 0.25).min(16.0), ..i };
                    never_falls(base, monthly(p, pricing, &cpu, &rates, d), "cpu")?;
                    let mem = CostInputs { mem: (i.mem + 0.5).min(120.0), ..i };
                    never_falls(base, monthly(p, pricing, &mem, &rates, d), "mem")?;
                    never_falls(base, monthly(p, pricing, &i.with_rps(i.rps + step), &rates, d), "rps")?;
                }
            }
        }
    }

    #[test]
    fn us_east_1_lacks_no_rate_except_unsourced_windows_ones(i in arb_inputs()) {
        let i = CostInputs { region: 0, ..i };
        let rates = Rates::catalog(0);
        for p in Platform::ALL {
            for pricing in Pricing::ALL.iter().copied() {
                if let Err(NotCosted::MissingRate { rate, .. }) = totals(p, pricing, &i, &rates, DeployOverhead::SIDE_BY_SIDE) {
                    let id = rate.id();
                    prop_assert!(i.windows && (id.starts_with("ec2.ondemand-windows.") || id.ends_with(".windows")), "{} {:?}: {}", p.id(), pricing, id);
                }
            }
        }
    }

    #[test]
    fn util_and_traffic_curves_are_continuous(i in arb_inputs(), a in 0.0..=100.0f64, gap in 1e-7..1e-5f64) {
        // A tiny step in utilization or traffic moves the cost by a tiny amount: no jumps for the
        // chart tracer to trip over.
        let rates = Rates::catalog(i.region);
        for p in Platform::ALL {
            let x = monthly(p, i.pricing, &i.with_util(a), &rates, DeployOverhead::SIDE_BY_SIDE);
            let y = monthly(p, i.pricing, &i.with_util((a + gap).min(100.0)), &rates, DeployOverhead::SIDE_BY_SIDE);
            if let (Some(x), Some(y)) = (x, y) {
                prop_assert!((y - x).abs() <= 1e-3 * x.abs().max(1.0), "{} util {a}: {x} → {y}", p.id());
            }
            let r = i.rps;
            let x = monthly(p, i.pricing, &i.with_rps(r), &rates, DeployOverhead::SIDE_BY_SIDE);
            let y = monthly(p, i.pricing, &i.with_rps(r + gap), &rates, DeployOverhead::SIDE_BY_SIDE);
            if let (Some(x), Some(y)) = (x, y) {
                prop_assert!((y - x).abs() <= 1e-3 * x.abs().max(1.0), "{} rps {r}: {x} → {y}", p.id());
            }
        }
    }

    #[test]
    fn hostile_inputs_never_break_the_model(
        util in proptest::num::f64::ANY,
        tasks in proptest::num::f64::ANY,
        cpu in proptest::num::f64::ANY,
        rps in proptest::num::f64::ANY,
        hours in proptest::num::f64::ANY,
        region in any::<usize>(),
        instance in any::<usize>(),
    ) {
        let i = CostInputs { util, tasks, cpu, rps, hours, region, instance, ..CostInputs::default() };
        let rates = Rates::catalog(region);
        for p in Platform::ALL {
            for pricing in Pricing::ALL.iter().copied() {
                if let Ok(t) = totals(p, pricing, &i, &rates, DeployOverhead::SIDE_BY_SIDE) {
                    prop_assert!(t.monthly.is_finite() && t.monthly >= 0.0);
                    prop_assert!(t.compute.is_finite() && t.compute >= 0.0);
                }
            }
        }
    }

    #[test]
    fn overrides_are_honoured(i in arb_inputs(), factor in 0.0..=3.0f64) {
        // Scaling the EC2 instance price scales the instance line by the same factor.
        let i = CostInputs { region: 0, windows: false, alb: false, nat: false, ipv4: false, egress: false, deploys: 0.0, ..i };
        let base = Rates::catalog(0);
        let r = RateRef::ec2(InstanceRate::OnDemand, i.instance);
        let mut o = Overrides::new();
        o.set(r, None, base.get(r).unwrap() * factor).unwrap();
        let scaled = Rates::resolve(0, &o);
        if let (Ok(a), Ok(b)) = (
            totals(Platform::EcsEc2, Pricing::OnDemand, &i, &base, DeployOverhead::ROLLING),
            totals(Platform::EcsEc2, Pricing::OnDemand, &i, &scaled, DeployOverhead::ROLLING),
        ) {
            prop_assert!((b.monthly - a.monthly * factor).abs() <= 1e-9 * a.monthly.max(1.0));
        }
        // A rate removed from the region makes the platform say so instead of guessing.
        let eu = Rates::catalog(1);
        let e = totals(Platform::EcsEc2, Pricing::OnDemand, &CostInputs { region: 1, ..i }, &eu, DeployOverhead::ROLLING);
        prop_assert!(matches!(e, Err(NotCosted::MissingRate { .. }) | Err(NotCosted::NotViable(_))), "{:?}", e);
    }
}
