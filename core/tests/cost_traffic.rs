//! Capacity that follows traffic (issue 16): the peak each platform derives from the request rate,
//! checked at hand-computed points; the Lambda-versus-Fargate crossover at the default web API
//! against a hand computation; AWS's Lambda examples, stated in requests a month, through links and
//! through the traffic box's monthly unit; and properties of the traffic sweep (no NaN, nothing
//! negative, container costs never fall as traffic rises, every crossing really swaps the order).

use berth_core::catalog::{Rate, Rates};
use berth_core::chart::{Axis, Side};
use berth_core::cost::{breakdown, cents, totals, CostInputs, DeployOverhead};
use berth_core::decision::{decide, Facts};
use berth_core::model::{update, Action, Model};
use berth_core::params::{Key, Pricing};
use berth_core::platform::Platform;
use berth_core::url::parse_query;
use berth_core::view::{charts, costs, sweep};
use proptest::prelude::*;

fn inputs(query: &str) -> CostInputs {
    let (state, notices) = parse_query(query);
    assert!(notices.is_empty(), "{query}: {notices:?}");
    CostInputs::from_state(&state)
}

fn monthly(p: Platform, i: &CostInputs) -> f64 {
    totals(p, Pricing::OnDemand, i, &Rates::catalog(0), DeployOverhead::ROLLING).unwrap().monthly
}

fn rate(r: Rate) -> f64 {
    Rates::catalog(0).get(r).unwrap()
}

#[test]
fn the_peak_follows_traffic_on_every_container_platform() {
    // 30 req/s at 50 % and 25 req/s per task: each peak task carries 12.5 req/s on average, so
    // 30 / 12.5 = 2.4 rounds up to 3 tasks. Every task-based option then costs what 3 fixed tasks cost.
    let traffic = inputs("scale=traffic&rps=30");
    assert_eq!(traffic.tasks, 3.0);
    let fixed = inputs("tasks=3&rps=30");
    for p in [
        Platform::EcsFargate,
        Platform::EcsExpress,
        Platform::EksFargate,
        Platform::EcsEc2,
        Platform::EksEc2,
        Platform::Batch,
        Platform::EcsAnywhere,
    ] {
        assert_eq!(monthly(p, &traffic), monthly(p, &fixed), "{p:?}");
    }
    // By hand for ECS on Fargate: 3 × 50 % × 730 h × (1 vCPU × vCPU rate + 2 GB × GB rate).
    let hand = 3.0 * 0.5 * 730.0 * (rate(Rate::FargateVcpuX86) + 2.0 * rate(Rate::FargateGbX86));
    assert!((monthly(Platform::EcsFargate, &traffic) - hand).abs() < 1e-9);
    // ECS on EC2 packs the same 3 tasks: m5.large (2 vCPU, 8 GiB) holds 2 of them, so 2 instances
    // (at least one per zone), as for a fixed 3.
    let b = breakdown(Platform::EcsEc2, Pricing::OnDemand, &traffic, &Rates::catalog(0), DeployOverhead::ROLLING).unwrap();
    assert!(b.notes.iter().any(|n| n.contains("Capacity follows traffic")), "{:?}", b.notes);
    // Lambda does not change with the scaling mode.
    assert_eq!(monthly(Platform::Lambda, &traffic), monthly(Platform::Lambda, &fixed));
    // At the default 10 req/s one task is enough; a rate of exactly 12.5 still is, just above it is not.
    assert_eq!(inputs("scale=traffic").tasks, 1.0);
    assert_eq!(inputs("scale=traffic&rps=12.5").tasks, 1.0);
    assert_eq!(inputs("scale=traffic&rps=12.51").tasks, 2.0);
    // Utilization and the per-task rate enter the peak: 400 req/s at 70 % and 20 each: 400 / 14 → 29.
    assert_eq!(inputs("scale=traffic&rps=400&util=70&rps_per_task=20").tasks, 29.0);
}

#[test]
fn app_runner_follows_the_requests_in_flight() {
    // 600 req/s × 250 ms = 150 requests in flight; at 50 % each peak instance carries 50 on average
    // (concurrency 100), so 3 instances: the same bill as 3 fixed instances.
    let traffic = inputs("scale=traffic&rps=600&req_ms=250");
    assert_eq!(traffic.app_runner_peak(), 3.0);
    assert_eq!(monthly(Platform::AppRunner, &traffic), monthly(Platform::AppRunner, &inputs("tasks=3&rps=600&req_ms=250")));
    // By hand: 3 × 50 % × 730 h active at 1 vCPU and 2 GB, and 1 instance's 2 GB for the idle half.
    let (v, g) = (rate(Rate::AppRunnerVcpu), rate(Rate::AppRunnerGb));
    let hand = 3.0 * 0.5 * 730.0 * (v + 2.0 * g) + 0.5 * 730.0 * 2.0 * g;
    assert!((monthly(Platform::AppRunner, &traffic) - hand).abs() < 1e-9);
    // The utilization chart holds both peaks where they are; the traffic sweep moves them.
    let held = traffic.with_util(10.0);
    assert_eq!((held.tasks, held.app_runner_peak()), (traffic.tasks, 3.0));
    assert_eq!(traffic.with_rps(601.0).app_runner_peak(), 4.0);
    // Its peak ignores rps_per_task: one more request in flight per peak instance's share adds one.
    assert_eq!(inputs("scale=traffic&rps=601&req_ms=250&rps_per_task=1000").app_runner_peak(), 4.0);
}

#[test]
fn fixed_scaling_is_what_it_was() {
    // The default is fixed: the task input is used as given, whatever the traffic.
    let i = inputs("tasks=20&util=70&rps=10");
    assert!(!i.traffic);
    assert_eq!(i.tasks, 20.0);
    assert_eq!(i.app_runner_peak(), 20.0);
}

#[test]
fn lambda_and_fargate_cross_where_a_hand_computation_says() {
    // The default web API (1 vCPU, 2 GB, 100 ms, 512 MB Lambda, 730 h, 50 %) with capacity following
    // traffic: one Fargate task until 12.5 req/s costs 50 % × 730 h × (vCPU + 2 × GB rate); Lambda
    // costs, per req/s, 2,628,000 requests × (request rate + 0.1 s × 0.5 GB × GB-second rate).
    let fargate_one = 0.5 * 730.0 * (rate(Rate::FargateVcpuX86) + 2.0 * rate(Rate::FargateGbX86));
    let lambda_per_rps = 730.0 * 3600.0 * (rate(Rate::LambdaRequests) / 1e6 + 0.1 * 0.5 * rate(Rate::LambdaGbsX86Tier1));
    let first = fargate_one / lambda_per_rps;
    // After 12.5 req/s two tasks are needed and Lambda is cheaper again, until twice the first point.
    let second = 12.5;
    let third = 2.0 * fargate_one / lambda_per_rps;

    let m = Model::from_query("scale=traffic");
    let d = decide(&Facts::from_state(&m.state));
    let c = costs::costs(&m.state, &d, &m.overrides);
    let chart = charts::chart(Axis::Rps, &m.state, &d, &c, charts::WIDE);
    let pair: Vec<_> = chart.geometry.crossovers.iter().filter(|x| (x.a == "ecs-fargate" && x.b == "lambda") || (x.a == "lambda" && x.b == "ecs-fargate")).collect();
    assert_eq!(pair.len(), 3, "{pair:#?}");
    assert!((pair[0].at - first).abs() < 1e-9, "{} against {first}", pair[0].at);
    assert!((pair[1].at - second).abs() < 1e-6, "{} against {second}", pair[1].at);
    assert!((pair[2].at - third).abs() < 1e-9, "{} against {third}", pair[2].at);
    assert_eq!(pair[0].cheaper, "ecs-fargate");
    assert_eq!(pair[1].cheaper, "lambda");
    // Worded with req/s and requests a month: 6.64 req/s × 2,628,000 s = 17.4 million.
    let words = &pair[0].text;
    assert!(words.contains("6.64 requests per second") && words.contains("(17.4 million requests a month)"), "{words}");
}

/// AWS's Lambda examples (see `cost_examples.rs`), each as requests a month, hours, duration, memory,
/// free tier, architecture, and the printed total.
const LAMBDA_EXAMPLES: [(f64, f64, f64, f64, bool, &str, f64); 6] = [
    (3e6, 730.0, 120.0, 1536.0, true, "x86", 2.73),
    (7_440_000.0, 744.0, 2000.0, 1024.0, false, "x86", 249.49),
    (6e6, 730.0, 280.0, 4096.0, true, "x86", 106.33),
    (30e6, 720.0, 1000.0, 1024.0, false, "x86", 506.00),
    (300e6, 720.0, 200.0, 1024.0, false, "x86", 1060.00),
    (2e6, 720.0, 16_000.0, 1024.0, true, "arm", 421.54),
];

fn lambda_cents_of(m: &Model) -> f64 {
    let i = CostInputs::from_state(&m.state);
    let b = breakdown(Platform::Lambda, Pricing::OnDemand, &i, &Rates::catalog(0), DeployOverhead::ROLLING).unwrap();
    b.lines.iter().map(|l| cents(l.amount)).sum::<f64>()
}

#[test]
fn aws_lambda_examples_reproduce_through_links_and_the_monthly_unit() {
    for (requests, hours, ms, mb, free, arch, total) in LAMBDA_EXAMPLES {
        let rps = format!("{:.8}", requests / (hours * 3600.0));
        let tail = format!("hours={hours}&req_ms={ms}&lambda_mb={mb}&arch={arch}{}", if free { "&free_tier=1" } else { "" });
        let link = Model::from_query(&format!("rps={rps}&{tail}"));
        assert!(link.notices.is_empty(), "{rps}: {:?}", link.notices);
        assert_eq!(cents(lambda_cents_of(&link)), total, "{requests} requests through rps={rps}");
        // The traffic box in requests a month writes the same rate, and shows the same count back.
        let mut typed = Model::from_query(&tail);
        update(&mut typed, Action::SetRpsPerMonth(format!("{requests}")));
        assert!(typed.notices.is_empty(), "{:?}", typed.notices);
        assert_eq!(format!("{:.8}", typed.state.num(Key::Rps)), rps);
        assert_eq!(cents(lambda_cents_of(&typed)), total);
        let c = berth_core::view::controls::control(&typed.state, Key::Rps);
        assert_eq!(c.per_month.unwrap().value, format!("{requests}"));
    }
    // Bad monthly text is refused with a notice, and the rate is kept.
    let mut m = Model::default();
    update(&mut m, Action::SetRpsPerMonth("lots".into()));
    assert_eq!(m.state.num(Key::Rps), 10.0);
    assert_eq!(m.notices.len(), 1);
}

#[test]
fn the_task_control_shows_the_derived_peak_and_why() {
    let (s, _) = parse_query("scale=traffic&rps=30&tasks=7");
    let c = berth_core::view::controls::control(&s, Key::Tasks);
    let why = c.derived.expect("derived");
    assert!(why.contains("3 tasks"), "{why}");
    let berth_core::view::controls::ControlKind::Number { value, .. } = c.kind else { panic!() };
    assert_eq!(value, "3");
    let (s, _) = parse_query("tasks=7");
    assert!(berth_core::view::controls::control(&s, Key::Tasks).derived.is_none());
}

fn query_strategy() -> impl Strategy<Value = String> {
    (0.0f64..3000.0, 1.0f64..100.0, 0.5f64..200.0, 1u32..2000, any::<bool>(), any::<bool>(), 0usize..3)
        .prop_map(|(rps, util, per, ms, alb, ec2_auto, arch)| {
            format!(
                "scale=traffic&rps={rps:.4}&util={util:.2}&rps_per_task={per:.2}&req_ms={ms}&alb={}&autoscale={}&arch={}",
                u8::from(alb),
                u8::from(ec2_auto),
                ["x86", "arm", "x86"][arch]
            )
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn traffic_costs_are_finite_and_never_fall_as_traffic_rises(q in query_strategy(), steps in prop::collection::vec(0.0f64..500.0, 2..6)) {
        let base = inputs(&q);
        let mut xs = steps.clone();
        xs.sort_by(f64::total_cmp);
        for p in Platform::ALL {
            let mut last = f64::NEG_INFINITY;
            for &x in &xs {
                let Ok(t) = totals(p, Pricing::OnDemand, &base.with_rps(x), &Rates::catalog(0), DeployOverhead::ROLLING) else { break };
                prop_assert!(t.monthly.is_finite() && t.monthly >= 0.0, "{p:?} {q} at {x}: {}", t.monthly);
                if p != Platform::Lambda {
                    prop_assert!(t.monthly >= last - 1e-9 * last.abs(), "{p:?} {q}: {last} then {} at {x}", t.monthly);
                }
                last = t.monthly;
            }
        }
    }

    #[test]
    fn every_traffic_crossing_swaps_the_order(q in query_strategy()) {
        let m = Model::from_query(&q);
        let d = decide(&Facts::from_state(&m.state));
        let c = costs::costs(&m.state, &d, &m.overrides);
        let chart = charts::chart(Axis::Rps, &m.state, &d, &c, charts::WIDE);
        let (lo, hi) = chart.geometry.domain;
        let eps = 1e-6 * (hi - lo);
        let cost = |id: &str, x: f64| {
            let p = Platform::ALL.into_iter().find(|p| id.split(':').next() == Some(p.id())).unwrap();
            let cp = &c.per_platform[p.index()];
            let pricing = cp.result.as_ref().unwrap().pricing;
            sweep::cost_at(p, pricing, &cp.inputs, &c.rates, cp.deploy, Axis::Rps, x)
        };
        let all = &chart.geometry.crossovers;
        for (k, x) in all.iter().enumerate() {
            // Crossings of the same pair closer than the probe distance cannot be told apart.
            let crowded = all.iter().enumerate().any(|(j, o)| j != k && (o.at - x.at).abs() < 3.0 * eps && ((o.a == x.a && o.b == x.b) || (o.a == x.b && o.b == x.a)));
            if crowded || x.at - eps < lo || x.at + eps > hi {
                continue;
            }
            let other = if x.cheaper == x.a { &x.b } else { &x.a };
            let before = cost(&x.cheaper, x.at - eps) - cost(other, x.at - eps);
            let after = cost(&x.cheaper, x.at + eps) - cost(other, x.at + eps);
            let tol = 1e-9 * cost(other, x.at).abs().max(1.0);
            prop_assert!(after < tol && before > -tol, "{q}: {} becomes cheaper than {other} at {}: {before} then {after}", x.cheaper, x.at);
            let _ = Side::A;
        }
    }
}
