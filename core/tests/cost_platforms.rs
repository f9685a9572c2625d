//! What each platform's bill is made of: packing and floors on EC2, rounding on Fargate, App Runner's
//! idle floor, the fallbacks when a pricing model does not apply, line items tied to their switches,
//! and a plain "missing rate" where a region lacks a price.

mod common {
    pub mod cost;
}

use berth_core::catalog::{InstanceRate, Overrides, RateRef, Rates};
use berth_core::cost::commit::commitments;
use berth_core::cost::{breakdown, totals, Binding, Breakdown, CostInputs, DeployOverhead, Need, NotCosted, NotViable};
use berth_core::format::usd;
use berth_core::params::{Arch, EksSupport, Key, Pricing};
use berth_core::platform::Platform;

use common::cost::bare;

fn bill(p: Platform, pricing: Pricing, i: &CostInputs) -> Breakdown {
    breakdown(p, pricing, i, &Rates::catalog(i.region), DeployOverhead::ROLLING).unwrap_or_else(|e| panic!("{}: {e}", p.id()))
}

fn line(b: &Breakdown, id: &str) -> f64 {
    b.lines.iter().find(|l| l.id == id).map_or_else(|| panic!("no {id} in {:#?}", b.lines), |l| l.amount)
}

fn has_note(b: &Breakdown, words: &str) -> bool {
    b.notes.iter().any(|n| n.contains(words))
}

const M5_LARGE: usize = 2;

#[test]
fn ecs_on_ec2_packs_by_network_interfaces_for_small_tasks() {
    // 0.25 vCPU / 0.5 GB tasks would fit 8 to a m5.large by vCPU, but awsvpc leaves 2 interfaces.
    let i = CostInputs { cpu: 0.25, mem: 0.5, tasks: 10.0, instance: M5_LARGE, ..bare() };
    let b = bill(Platform::EcsEc2, Pricing::OnDemand, &i);
    let p = b.packing.unwrap();
    assert_eq!((p.tasks_per_instance, p.binding), (2, Binding::NetworkInterfaces));
    assert_eq!(p.peak_instances, 5);
    assert!((line(&b, "ec2-instances") - 5.0 * 730.0 * 0.096).abs() < 1e-9);
    assert!(has_note(&b, "network interfaces"));
}

#[test]
fn ecs_on_ec2_packs_by_memory_after_the_reserved_share() {
    // A m5.xlarge has 4 network interfaces: 3 awsvpc tasks, however small.
    let i = CostInputs { cpu: 0.25, mem: 2.0, tasks: 3.0, instance: 3, ..bare() };
    let b = bill(Platform::EcsEc2, Pricing::OnDemand, &i);
    assert_eq!(b.packing.unwrap().tasks_per_instance, 3);
    // A m5.large keeps 2.5 % of its 8 GiB, leaving 7.8 GiB: one 4 GiB task, not two.
    let i = CostInputs { cpu: 1.0, mem: 4.0, tasks: 4.0, instance: M5_LARGE, ..bare() };
    let b = bill(Platform::EcsEc2, Pricing::OnDemand, &i);
    let p = b.packing.unwrap();
    assert_eq!((p.tasks_per_instance, p.binding), (1, Binding::Memory));
    assert_eq!(p.peak_instances, 4);
}

#[test]
fn a_static_fleet_keeps_one_instance_per_az_and_never_fewer_than_two() {
    let i = CostInputs { tasks: 1.0, azs: 3.0, ..bare() };
    let b = bill(Platform::EcsEc2, Pricing::OnDemand, &i);
    assert_eq!(b.packing.unwrap().avg_instances, 3.0);
    let i = CostInputs { tasks: 1.0, azs: 2.0, ..bare() };
    assert_eq!(bill(Platform::EcsEc2, Pricing::OnDemand, &i).packing.unwrap().avg_instances, 2.0);
    // The static fleet bills the same at any utilization.
    let a = totals(Platform::EcsEc2, Pricing::OnDemand, &i.with_util(5.0), &Rates::catalog(0), DeployOverhead::ROLLING).unwrap();
    let z = totals(Platform::EcsEc2, Pricing::OnDemand, &i.with_util(95.0), &Rates::catalog(0), DeployOverhead::ROLLING).unwrap();
    assert_eq!(a, z);
}

#[test]
fn autoscaling_follows_utilization_down_to_the_az_floor() {
    let i = CostInputs { tasks: 20.0, autoscale: true, target_capacity: 100.0, util: 25.0, ..bare() };
    let p = bill(Platform::EcsEc2, Pricing::OnDemand, &i).packing.unwrap();
    // Peak: 20 tasks at 2 per m5.large = 10 instances; the rest of the time 2 (one per AZ).
    assert_eq!(p.peak_instances, 10);
    assert!((p.avg_instances - (0.25 * 10.0 + 0.75 * 2.0)).abs() < 1e-12);
    // A target capacity of 80 % keeps spare room: 10 / 0.8 = 12.5, so 13 at the peak.
    let i = CostInputs { target_capacity: 80.0, ..i };
    let p = bill(Platform::EcsEc2, Pricing::OnDemand, &i).packing.unwrap();
    assert!((p.avg_instances - (0.25 * 13.0 + 0.75 * 2.0)).abs() < 1e-12);
}

#[test]
fn ec2_pricing_models() {
    let i = bare();
    let od = line(&bill(Platform::EcsEc2, Pricing::OnDemand, &i), "ec2-instances");
    let sp1 = bill(Platform::EcsEc2, Pricing::Savings1y, &i);
    assert!((line(&sp1, "ec2-instances") - od * 0.8).abs() < 1e-9);
    assert!(line(&sp1, "ec2-instances") > line(&bill(Platform::EcsEc2, Pricing::Savings3y, &i), "ec2-instances"));
    let spot = bill(Platform::EcsEc2, Pricing::Spot, &i);
    // m5.large in us-east-1: the Spot advisor's average saving is 66 %; 10 % interruption overhead.
    assert!((line(&spot, "ec2-instances") - od * 0.34).abs() < 1e-9);
    assert!((line(&spot, "spot-overhead") - od * 0.34 * 0.1).abs() < 1e-9);
    assert_eq!(spot.pricing, Pricing::Spot);
}

#[test]
fn eks_on_ec2_counts_kube_reserved_and_the_control_plane() {
    // On a m5.large, 1.93 vCPU is allocatable: one 1-vCPU pod per node.
    let i = CostInputs { cpu: 1.0, mem: 2.0, tasks: 4.0, ..bare() };
    let b = bill(Platform::EksEc2, Pricing::OnDemand, &i);
    let p = b.packing.unwrap();
    assert_eq!((p.tasks_per_instance, p.binding), (1, Binding::Cpu));
    assert!((line(&b, "eks-control-plane") - 73.0).abs() < 1e-9);
    // Small pods hit the pod limit: 29 - 2 system pods on a m5.large.
    let i = CostInputs { cpu: 0.25, mem: 0.5, tasks: 100.0, ..bare() };
    let p = bill(Platform::EksEc2, Pricing::OnDemand, &i).packing.unwrap();
    assert_eq!(p.tasks_per_instance, 7); // 1.93 vCPU / 0.25 = 7 before the pod limit of 27
    let i = CostInputs { cpu: 0.25, mem: 0.5, tasks: 100.0, instance: 3, ..bare() }; // m5.xlarge, 58 pods
    let p = bill(Platform::EksEc2, Pricing::OnDemand, &i).packing.unwrap();
    assert_eq!((p.tasks_per_instance, p.binding), (15, Binding::Cpu));
    let ext = CostInputs { eks_support: EksSupport::Extended, clusters: 2.0, ..bare() };
    assert!((line(&bill(Platform::EksEc2, Pricing::OnDemand, &ext), "eks-control-plane") - 2.0 * 730.0 * 0.6).abs() < 1e-9);
}

#[test]
fn fargate_rounds_up_and_says_what_is_wasted() {
    let i = CostInputs { cpu: 4.0, mem: 2.0, ..bare() };
    let b = bill(Platform::EcsFargate, Pricing::OnDemand, &i);
    let s = b.sizing.unwrap();
    assert_eq!((s.billed_cpu, s.billed_mem), (4.0, 8.0));
    assert!(has_note(&b, "6 GB paid for but not asked for"), "{:?}", b.notes);
}

#[test]
fn fargate_spot_and_savings_plans() {
    let i = bare();
    let od = bill(Platform::EcsFargate, Pricing::OnDemand, &i);
    let spot = bill(Platform::EcsFargate, Pricing::Spot, &i);
    assert_eq!(spot.pricing, Pricing::Spot);
    assert!(spot.compute < od.compute * 0.4);
    let sp = bill(Platform::EcsFargate, Pricing::Savings1y, &i);
    assert!(sp.compute < od.compute && sp.compute > spot.compute);
    // Arm has its own Spot rate.
    let arm = CostInputs { arch: Arch::Arm, ..i };
    assert!(bill(Platform::EcsFargate, Pricing::Spot, &arm).compute < spot.compute);
}

#[test]
fn pricing_models_that_do_not_apply_fall_back_to_on_demand_with_a_note() {
    let i = bare();
    for (p, pricing, words) in [
        (Platform::EksFargate, Pricing::Spot, "not available for EKS"),
        (Platform::EcsExpress, Pricing::Spot, "regular Fargate capacity"),
        (Platform::AppRunner, Pricing::Savings1y, "App Runner has no Spot"),
        (Platform::Lambda, Pricing::Spot, "no Spot"),
        (Platform::Lambda, Pricing::Savings3y, "no sourced rate"),
        (Platform::EcsAnywhere, Pricing::Spot, "no Spot or Savings Plan"),
    ] {
        let b = bill(p, pricing, &i);
        assert_eq!(b.pricing, Pricing::OnDemand, "{}", p.id());
        assert!(has_note(&b, words), "{}: {:?}", p.id(), b.notes);
        assert_eq!(b.totals(), bill(p, Pricing::OnDemand, &i).totals(), "{}", p.id());
    }
    let win = CostInputs { windows: true, ..i };
    let b = bill(Platform::EcsFargate, Pricing::Spot, &win);
    assert_eq!(b.pricing, Pricing::OnDemand);
    assert!(has_note(&b, "Linux tasks only"));
}

#[test]
fn app_runner_never_bills_zero() {
    let i = CostInputs { util: 0.0, ..bare() };
    let b = bill(Platform::AppRunner, Pricing::OnDemand, &i);
    // One provisioned 1 vCPU / 2 GB instance idles all month: 2 GB × 730 h × $0.007.
    assert!((b.compute - 2.0 * 730.0 * 0.007).abs() < 1e-9);
    assert!(has_note(&b, "never bills zero"));
    assert_eq!(line(&b, "apprunner-active-vcpu"), 0.0);
}

#[test]
fn express_mode_always_pays_for_its_load_balancer() {
    let i = bare();
    let b = bill(Platform::EcsExpress, Pricing::OnDemand, &i);
    let alb = b.lines.iter().find(|l| l.id == "alb-hours").unwrap();
    assert_eq!(alb.toggle, None);
    let f = bill(Platform::EcsFargate, Pricing::OnDemand, &i);
    assert!(b.compute > f.compute);
    // Switching the ALB on does not add a second one.
    let on = CostInputs { alb: true, ..i };
    assert_eq!(bill(Platform::EcsExpress, Pricing::OnDemand, &on).totals(), b.totals());
}

#[test]
fn batch_uses_fargate_or_ec2_and_adds_no_fee() {
    let i = bare();
    let b = bill(Platform::Batch, Pricing::Spot, &i);
    assert!(b.lines.iter().any(|l| l.id == "fargate-vcpu"));
    assert_eq!(b.pricing, Pricing::Spot);
    let gpu = CostInputs { gpu: true, instance: 14, ..i }; // g4dn.xlarge
    let b = bill(Platform::Batch, Pricing::OnDemand, &gpu);
    assert!(b.lines.iter().any(|l| l.id == "ec2-instances"));
    // Managed compute environments scale to zero: no floor at low utilization.
    let p = b.packing.unwrap();
    assert_eq!(p.min_instances, 0);
    assert!((p.avg_instances - 0.5 * f64::from(p.peak_instances)).abs() < 1e-12);
}

#[test]
fn needs_some_platforms_cannot_meet() {
    let r = Rates::catalog(0);
    let go = |p, i: &CostInputs| totals(p, Pricing::OnDemand, i, &r, DeployOverhead::ROLLING);
    let gpu = CostInputs { gpu: true, ..bare() };
    assert_eq!(go(Platform::EcsFargate, &gpu), Err(NotCosted::NotViable(NotViable::Unsupported { platform: Platform::EcsFargate, need: Need::Gpu })));
    assert_eq!(go(Platform::EcsEc2, &gpu), Err(NotCosted::NotViable(NotViable::InstanceLacksGpu { instance: M5_LARGE })));
    assert!(go(Platform::EcsEc2, &CostInputs { instance: 15, ..gpu }).is_ok());
    let win = CostInputs { windows: true, ..bare() };
    assert!(matches!(go(Platform::EksFargate, &win), Err(NotCosted::NotViable(NotViable::Unsupported { need: Need::Windows, .. }))));
    assert!(matches!(go(Platform::Lambda, &win), Err(NotCosted::NotViable(_))));
    let big = CostInputs { cpu: 8.0, mem: 32.0, ..bare() };
    assert_eq!(go(Platform::EcsEc2, &big), Err(NotCosted::NotViable(NotViable::TaskTooLargeForInstance { instance: M5_LARGE })));
    assert!(matches!(go(Platform::AppRunner, &big), Err(NotCosted::NotViable(NotViable::TaskTooLarge { .. }))));
    let win_big = CostInputs { windows: true, cpu: 8.0, mem: 16.0, ..bare() };
    assert!(matches!(go(Platform::EcsFargate, &win_big), Err(NotCosted::NotViable(NotViable::TaskTooLarge { .. }))));
    let e = go(Platform::EcsEc2, &gpu).unwrap_err();
    assert_eq!(e.to_string(), "not viable: m5.large has no GPU; choose a GPU instance type");
}

#[test]
fn a_region_without_a_rate_says_which_one() {
    let eu = CostInputs { region: 1, ..bare() };
    let r = Rates::catalog(1);
    let e = totals(Platform::EcsEc2, Pricing::OnDemand, &eu, &r, DeployOverhead::ROLLING).unwrap_err();
    assert_eq!(e.to_string(), "missing rate ec2.ondemand.m5.large for region eu-west-1");
    // Fargate is sourced there; its ALB is not.
    assert!(totals(Platform::EcsFargate, Pricing::OnDemand, &eu, &r, DeployOverhead::ROLLING).is_ok());
    let e = totals(Platform::EcsExpress, Pricing::OnDemand, &eu, &r, DeployOverhead::ROLLING).unwrap_err();
    assert_eq!(e.to_string(), "missing rate alb.hour for region eu-west-1");
    // An override fills the gap and is marked as such.
    let mut o = Overrides::new();
    o.set(RateRef::ec2(InstanceRate::OnDemand, M5_LARGE), Some(1), 0.107).unwrap();
    let r = Rates::resolve(1, &o);
    let b = breakdown(Platform::EcsEc2, Pricing::OnDemand, &eu, &r, DeployOverhead::ROLLING).unwrap();
    let l = b.lines.iter().find(|l| l.id == "ec2-instances").unwrap();
    assert!(l.rates.iter().all(|&x| r.is_overridden(x)));
    assert_eq!(usd(l.amount), "$156.22");
}

#[test]
fn line_items_follow_their_switches() {
    let i = CostInputs { alb: true, nat: true, ipv4: true, egress: true, deploys: 10.0, bake_min: 30.0, rps: 100.0, ..bare() };
    let b = breakdown(Platform::EcsFargate, Pricing::OnDemand, &i, &Rates::catalog(0), DeployOverhead::SIDE_BY_SIDE).unwrap();
    let toggles: Vec<(&str, Option<&str>)> = b.lines.iter().map(|l| (l.id, l.toggle.map(Key::name))).collect();
    assert_eq!(
        toggles,
        vec![
            ("fargate-vcpu", None),
            ("fargate-memory", None),
            ("alb-hours", Some("alb")),
            ("alb-lcu", Some("alb")),
            ("alb-ipv4", Some("alb")),
            ("nat-hours", Some("nat")),
            ("nat-data", Some("nat")),
            ("public-ipv4", Some("ipv4")),
            ("data-transfer-out", Some("egress")),
            ("deployment-overhead", Some("deploys")),
        ]
    );
    // Compute is the bill without them.
    assert_eq!(b.compute, bill(Platform::EcsFargate, Pricing::OnDemand, &bare()).compute);
    // Egress: 100 req/s × 20 KB × 3,600 s × 730 h = 5,256 GB, less 100 free, at $0.09.
    assert!((line(&b, "data-transfer-out") - (5256.0 - 100.0) * 0.09).abs() < 1e-6);
    // A rolling deployment has no overhead.
    let r = breakdown(Platform::EcsFargate, Pricing::OnDemand, &i, &Rates::catalog(0), DeployOverhead::ROLLING).unwrap();
    assert!(r.lines.iter().all(|l| l.id != "deployment-overhead"));
    // Every line names the rates it used.
    assert!(b.lines.iter().all(|l| !l.rates.is_empty()));
}

#[test]
fn egress_tiers_apply_in_order() {
    // 20 TB a month beyond the free 100 GB: the first 10 TB at $0.09, the next 10 TB at $0.085.
    let gb = 20.0 * 1024.0 + 100.0;
    let rps = gb * 1e6 / (3600.0 * 730.0 * 100.0);
    let i = CostInputs { egress: true, rps, resp_kb: 100.0, ..bare() };
    let b = bill(Platform::Lambda, Pricing::OnDemand, &i);
    let expected = 10_240.0 * 0.09 + 10_240.0 * 0.085;
    assert!((line(&b, "data-transfer-out") - expected).abs() < 1e-6);
}

#[test]
fn eks_anywhere_and_ecs_anywhere_say_what_is_left_out() {
    let b = bill(Platform::EksAnywhere, Pricing::OnDemand, &bare());
    assert!((b.compute - 2000.0).abs() < 1e-9);
    assert!(has_note(&b, "open source and free"));
    assert!((bill(Platform::EksAnywhere, Pricing::Savings3y, &bare()).compute - 1500.0).abs() < 1e-9);
    let b = bill(Platform::EcsAnywhere, Pricing::OnDemand, &CostInputs { alb: true, ..bare() });
    assert!(has_note(&b, "hardware"));
    assert!(has_note(&b, "not AWS charges"));
    assert!(b.lines.iter().all(|l| l.toggle.is_none()));
}

#[test]
fn commitments_cover_the_peak() {
    let r = Rates::catalog(0);
    let c = commitments(Platform::EcsFargate, &CostInputs { util: 100.0, ..bare() }, &r).unwrap();
    assert_eq!(c.rows.len(), 2);
    assert!(c.rows.iter().all(|row| row.saving_monthly > 0.0 && row.months_to_break_even == Some(0.0)));
    assert!(c.rows[1].break_even_util.unwrap() < c.rows[0].break_even_util.unwrap());
}
