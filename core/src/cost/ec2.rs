//! EC2 capacity for ECS, EKS and Batch: packing tasks onto the chosen instance type (vCPU, memory,
//! network interfaces, the EKS pod limit, GPUs), sizing the fleet (static, following demand, or from
//! zero) and billing its instance-hours on-demand, with a Savings Plan discount or at Spot.
//!
//! ECS on EC2 is costed here; EKS nodes and Batch's EC2 compute environments call [`fleet`].

use super::context::{require, spot_overhead, Cx, Res, Usage};
use crate::format::{price, qty};
use super::{Binding, CostInputs, LineId, NotCosted, NotViable, Packing, Sink};
use crate::catalog::ids::INSTANCE_OPTS;
use crate::catalog::instances::instance;
use crate::catalog::{InstanceRate, Rate, RateRef};
use crate::params::Pricing;
use crate::platform::Platform;

/// Which orchestrator places the tasks, which decides what an instance keeps for itself.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Orch {
    /// ECS; `awsvpc` tasks each take a network interface.
    Ecs { awsvpc: bool },
    /// EKS nodes built from the EKS AMI.
    Eks,
}

/// How the fleet follows the tasks.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Scale {
    /// A fleet sized for the peak, always running.
    Static,
    /// Capacity follows the tasks at a target capacity, floored at one instance per AZ.
    Follow,
    /// Capacity follows the jobs down to zero (Batch managed compute environments).
    FromZero,
}

impl Scale {
    /// A static fleet, or one that follows demand when the autoscale input is on.
    pub(super) fn of(i: &CostInputs) -> Scale {
        if i.autoscale {
            Scale::Follow
        } else {
            Scale::Static
        }
    }
}

/// CPU the EKS AMI reserves for the kubelet and system daemons: 6 % of the first core, 1 % of the
/// second, 0.5 % of the next two and 0.25 % of the rest (EKS-AMI, P).
pub(crate) fn eks_reserved_cpu(vcpu: f64) -> f64 {
    0.06 * vcpu.min(1.0) + 0.01 * (vcpu - 1.0).clamp(0.0, 1.0) + 0.005 * (vcpu - 2.0).clamp(0.0, 2.0) + 0.0025 * (vcpu - 4.0).max(0.0)
}

/// Memory the EKS AMI reserves, in GiB: 11 MiB per possible pod plus 255 MiB, plus the 100 MiB
/// eviction threshold (EKS-AMI, P).
pub(crate) fn eks_reserved_mem_gib(max_pods: u32) -> f64 {
    (11.0 * f64::from(max_pods) + 255.0 + 100.0) / 1024.0
}

/// Pods every EKS node runs for itself (the VPC CNI's aws-node and kube-proxy), which count against
/// the pod limit (VPC-CNI, P).
const EKS_SYSTEM_PODS: u32 = 2;

/// Whole tasks of size `need` that fit in `capacity`.
pub(super) fn fits(capacity: f64, need: f64) -> u32 {
    if capacity <= 0.0 {
        0
    } else {
        // Whole tasks only; the tolerance keeps 2 / 0.25 from becoming 7.999….
        ((capacity / need) + 1e-9).floor().min(f64::from(u32::MAX)) as u32
    }
}

/// ECS on EC2: `awsvpc` tasks on a fleet that is static or follows demand.
pub(super) fn ecs<S: Sink>(cx: Cx, pricing: Pricing, s: &mut S) -> Res<Usage> {
    require(Platform::EcsEc2, cx.i)?;
    fleet(cx, pricing, Orch::Ecs { awsvpc: true }, Scale::of(cx.i), s)
}

/// Packs the tasks onto the chosen instance type and bills the instances the fleet runs.
pub(super) fn fleet<S: Sink>(cx: Cx, pricing: Pricing, orch: Orch, scale: Scale, s: &mut S) -> Res<Usage> {
    let i = cx.i;
    let idx = i.instance;
    let inst = instance(idx);
    if i.gpu && inst.gpus == 0 {
        return Err(NotCosted::NotViable(NotViable::InstanceLacksGpu { instance: idx }));
    }

    let (cpu_cap, mem_cap, slots, slot_binding) = match orch {
        Orch::Ecs { awsvpc } => {
            let pct = cx.need(Rate::EcsReservedMemory)?;
            let slots = if awsvpc { inst.max_enis.saturating_sub(1) } else { u32::MAX };
            (inst.vcpu, inst.mem_gib * (1.0 - pct / 100.0), slots, Binding::NetworkInterfaces)
        }
        Orch::Eks => (
            inst.vcpu - eks_reserved_cpu(inst.vcpu),
            inst.mem_gib - eks_reserved_mem_gib(inst.max_pods),
            inst.max_pods.saturating_sub(EKS_SYSTEM_PODS),
            Binding::Pods,
        ),
    };
    let mut tpi = fits(cpu_cap, i.cpu);
    let mut binding = Binding::Cpu;
    for (n, b) in [(fits(mem_cap, i.mem), Binding::Memory), (slots, slot_binding)] {
        if n < tpi {
            tpi = n;
            binding = b;
        }
    }
    if i.gpu && inst.gpus < tpi {
        tpi = inst.gpus;
        binding = Binding::Gpus;
    }
    if tpi == 0 {
        return Err(NotCosted::NotViable(NotViable::TaskTooLargeForInstance { instance: idx }));
    }

    let per = f64::from(tpi);
    let peak = (i.tasks / per - 1e-9).ceil().max(1.0);
    let floor = match scale {
        Scale::Static | Scale::Follow => cx.azs(),
        Scale::FromZero => 0.0,
    };
    let u = cx.u();
    let tc = i.target_capacity / 100.0;
    let (avg, running_at_peak) = match scale {
        Scale::Static => {
            let fleet = peak.max(floor);
            (fleet, fleet)
        }
        Scale::Follow => {
            let at_peak = (peak / tc - 1e-9).ceil().max(floor);
            (u * at_peak + (1.0 - u) * floor, at_peak)
        }
        Scale::FromZero => (u * peak, peak),
    };
    s.packing(Packing {
        instance: idx,
        tasks_per_instance: tpi,
        binding,
        peak_instances: peak as u32,
        min_instances: floor as u32,
        avg_instances: avg,
    });
    s.note(|| {
        let name = inst.id;
        let why = match binding {
            Binding::NetworkInterfaces => format!(
                "network interfaces: {} per instance, one of them the instance's own, and every awsvpc task takes one (ENI trunking raises this on the instance types that support it)",
                inst.max_enis
            ),
            Binding::Pods => format!(
                "the pod limit: {} pods per node, {EKS_SYSTEM_PODS} of them the node's own aws-node and kube-proxy",
                inst.max_pods
            ),
            Binding::Gpus => format!("GPUs: {} per instance, one per task", inst.gpus),
            Binding::Cpu => format!("vCPU: {} usable of {}", qty(cpu_cap), qty(inst.vcpu)),
            Binding::Memory => format!("memory: {} GiB usable of {}", qty(mem_cap), qty(inst.mem_gib)),
        };
        format!("One {name} holds {tpi} task(s), limited by {why}.")
    });
    s.note(|| match orch {
        Orch::Ecs { .. } => format!(
            "Each instance keeps {} GiB of its memory from tasks for the OS and the ECS agent.",
            qty(inst.mem_gib - mem_cap)
        ),
        Orch::Eks => format!(
            "Each node reserves {} vCPU and {} GiB for the kubelet and system daemons (EKS AMI formula).",
            qty(inst.vcpu - cpu_cap),
            qty(inst.mem_gib - mem_cap)
        ),
    });
    s.note(|| match scale {
        Scale::Static => format!(
            "Static fleet: {} instance(s) run all month (the peak of {} tasks needs {}; at least one per Availability Zone and never fewer than 2), busy or idle.",
            qty(avg),
            qty(i.tasks),
            qty(peak)
        ),
        Scale::Follow => format!(
            "Capacity follows demand at {}% target capacity: {} instance(s) at the peak, {} the rest of the time (one per Availability Zone), {} on average.",
            qty(i.target_capacity),
            qty(running_at_peak),
            qty(floor),
            qty(avg)
        ),
        Scale::FromZero => format!("{} instance(s) while the jobs run, none otherwise: {} on average.", qty(peak), qty(avg)),
    });

    let od_ref = RateRef::ec2(if i.windows { InstanceRate::OnDemandWindows } else { InstanceRate::OnDemand }, idx);
    let od = cx.need(od_ref)?;
    let (unit, discount_ref) = match pricing {
        Pricing::OnDemand => (od, None),
        Pricing::Savings1y | Pricing::Savings3y => {
            let d = if pricing == Pricing::Savings1y { Rate::Ec2Sp1yDiscount } else { Rate::Ec2Sp3yDiscount };
            (od * (1.0 - cx.need(d)? / 100.0), Some(RateRef::from(d)))
        }
        Pricing::Spot => {
            let d = RateRef::ec2(InstanceRate::SpotSaving, idx);
            if i.windows {
                s.note(|| "The Spot saving is the advisor's Linux figure, applied to the Windows price.".into());
            }
            (od * (1.0 - cx.need(d)? / 100.0), Some(d))
        }
    };
    let inst_hours = avg * i.hours;
    let amount = inst_hours * unit;
    let rates_used = [od_ref, discount_ref.unwrap_or(od_ref)];
    let rates_used = if discount_ref.is_some() { &rates_used[..] } else { &rates_used[..1] };
    s.line(LineId::Ec2Instances, None, amount, rates_used, || {
        let name = INSTANCE_OPTS[idx].id;
        let mut t = format!("{} instance(s) × {} h = {} instance-hours × {}", qty(avg), qty(i.hours), qty(inst_hours), price(unit));
        match (pricing, discount_ref) {
            (Pricing::OnDemand, _) | (_, None) => t.push_str(&format!(" per {name} on-demand hour")),
            (Pricing::Spot, Some(_)) => t.push_str(&format!(" (Spot: {} on-demand less the advisor's average saving)", price(od))),
            (_, Some(_)) => t.push_str(&format!(" ({} on-demand less the Savings Plan discount)", price(od))),
        }
        t
    });
    let mut instance_hourly = unit;
    if pricing == Pricing::Spot {
        instance_hourly *= 1.0 + i.spot_overhead / 100.0;
        spot_overhead(s, amount, i.spot_overhead, rates_used);
    }
    Ok(Usage::Instances { avg_instances: avg, instance_hourly, tasks_per_instance: per, rate: od_ref })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eks_reservations_follow_the_ami_formula() {
        // m5.large: 2 vCPU → 60 m + 10 m = 70 m; 29 pods → 11 × 29 + 255 = 574 MiB, plus 100 MiB eviction.
        assert!((eks_reserved_cpu(2.0) - 0.07).abs() < 1e-12);
        assert!((eks_reserved_cpu(4.0) - 0.08).abs() < 1e-12);
        assert!((eks_reserved_cpu(8.0) - 0.09).abs() < 1e-12);
        assert!((eks_reserved_mem_gib(29) - 674.0 / 1024.0).abs() < 1e-12);
    }

    #[test]
    fn fits_is_exact_on_round_ratios() {
        assert_eq!(fits(2.0, 0.25), 8);
        assert_eq!(fits(7.8, 1.0), 7);
        assert_eq!(fits(0.0, 1.0), 0);
        assert_eq!(fits(-1.0, 1.0), 0);
    }
}
