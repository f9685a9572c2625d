//! The cost of each platform, written once against a [`Sink`].
//!
//! Every function here takes sanitized inputs and resolved rates and reports lines to the sink. Wording
//! is built inside closures that the totals sink never calls, so the hot path does arithmetic only. The
//! costs are continuous and piecewise linear in utilization and request rate (the chart module relies
//! on it to find crossovers exactly), and step only with the task count where another instance is
//! needed.
//!
//! Utilization follows the definition: the peak task count runs for `util` % of the month and
//! nothing runs otherwise. Usage-billed capacity (Fargate, App Runner's active instances, an EC2 fleet
//! that follows demand) therefore averages `util` % of the peak, on top of whatever floor it keeps.

use super::money::{price, qty};
use super::{Binding, CostInputs, DeployOverhead, LineId, Need, NotCosted, NotViable, Packing, Sink, Sizing};
use crate::catalog::ids::INSTANCE_OPTS;
use crate::catalog::instances::instance;
use crate::catalog::rates::{InstanceRate, Rate, RateRef, Rates};
use crate::catalog::sizes::{
    round_up, APP_RUNNER_SIZES, EKS_FARGATE_POD_OVERHEAD_GB, FARGATE_FREE_STORAGE_GB, FARGATE_SIZES,
    FARGATE_WINDOWS_SIZES,
};
use crate::params::{Arch, EksSupport, Key, Pricing};
use crate::platform::Platform;

type Res<T> = Result<T, NotCosted>;

/// Inputs and rates together.
#[derive(Clone, Copy)]
struct Cx<'a> {
    i: &'a CostInputs,
    r: &'a Rates,
}

impl Cx<'_> {
    #[inline(always)]
    fn need(&self, rate: impl Into<RateRef>) -> Res<f64> {
        let rate = rate.into();
        self.r.get(rate).ok_or(NotCosted::MissingRate { rate, region: self.r.region() })
    }

    /// Share of the month the peak runs, 0 to 1.
    fn u(&self) -> f64 {
        self.i.util / 100.0
    }

    /// Average tasks running.
    fn avg_tasks(&self) -> f64 {
        self.i.tasks * self.u()
    }

    /// Availability Zones, as a whole number of at least 2.
    fn azs(&self) -> f64 {
        self.i.azs.round().max(2.0)
    }
}

/// What the compute part leaves for the line items that scale with it.
#[derive(Clone, Copy)]
enum Usage {
    /// Tasks billed by size and time: average running tasks and the cost of one task-hour.
    Tasks { avg_tasks: f64, task_hourly: f64, rates: [RateRef; 2] },
    /// EC2 instances: average running, cost of one instance-hour, tasks per instance.
    Instances { avg_instances: f64, instance_hourly: f64, tasks_per_instance: f64, rate: RateRef },
    /// App Runner: average active instances, billed memory per instance and its rate.
    AppRunner { avg_active: f64, mem_gb: f64, gb_rate: f64, rate: RateRef },
    /// Nothing that scales with tasks or instances (Lambda).
    Requests,
}

fn unsupported(platform: Platform, need: Need) -> NotCosted {
    NotCosted::NotViable(NotViable::Unsupported { platform, need })
}

/// Refuses the needs a managed, Linux-only or container-only platform cannot meet.
fn require(p: Platform, i: &CostInputs, gpu: bool, privileged: bool, windows: bool) -> Res<()> {
    if i.gpu && !gpu {
        return Err(unsupported(p, Need::Gpu));
    }
    if i.privileged && !privileged {
        return Err(unsupported(p, Need::Privileged));
    }
    if i.windows && !windows {
        return Err(unsupported(p, Need::Windows));
    }
    Ok(())
}

pub(crate) fn run<S: Sink>(p: Platform, pricing: Pricing, i: &CostInputs, r: &Rates, deploy: DeployOverhead, s: &mut S) -> Res<()> {
    let cx = Cx { i, r };
    s.pricing(pricing);
    let usage = match p {
        Platform::EcsFargate => {
            require(p, i, false, false, true)?;
            fargate(cx, p, pricing, false, true, s)?
        }
        Platform::EcsExpress => {
            require(p, i, false, false, true)?;
            fargate(cx, p, pricing, false, false, s)?
        }
        Platform::EksFargate => {
            require(p, i, false, false, false)?;
            let u = fargate(cx, p, pricing, true, false, s)?;
            control_plane(cx, s)?;
            u
        }
        Platform::EcsEc2 => ec2(cx, pricing, Orch::Ecs { awsvpc: true }, scale(i), s)?,
        Platform::EksEc2 => {
            let u = ec2(cx, pricing, Orch::Eks, scale(i), s)?;
            control_plane(cx, s)?;
            u
        }
        Platform::Batch => {
            s.note(|| "AWS Batch adds no fee of its own: the bill is the compute it starts for the jobs.".into());
            if i.gpu || i.privileged {
                s.note(|| "GPU or privileged jobs need EC2 compute environments; they scale with the jobs and down to zero.".into());
                ec2(cx, pricing, Orch::Ecs { awsvpc: false }, Scale::FromZero, s)?
            } else {
                fargate(cx, p, pricing, false, true, s)?
            }
        }
        Platform::AppRunner => {
            require(p, i, false, false, false)?;
            app_runner(cx, pricing, s)?
        }
        Platform::Lambda => {
            if i.job_minutes > 15.0 {
                return Err(NotCosted::NotViable(NotViable::JobTooLongForLambda { minutes: i.job_minutes }));
            }
            require(p, i, false, false, false)?;
            lambda(cx, pricing, s)?;
            Usage::Requests
        }
        Platform::EcsAnywhere => {
            ecs_anywhere(cx, pricing, s)?;
            return on_premises_extras(cx, s);
        }
        Platform::EksAnywhere => {
            eks_anywhere(cx, pricing, s)?;
            return on_premises_extras(cx, s);
        }
    };
    extras(cx, p, usage, deploy, s)
}

fn scale(i: &CostInputs) -> Scale {
    if i.autoscale {
        Scale::Follow
    } else {
        Scale::Static
    }
}

// ---------------------------------------------------------------------------------------------
// Fargate (ECS, Express Mode, EKS, Batch)
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Os {
    X86,
    Arm,
    Windows,
}

fn fargate_rates(mode: Pricing, os: Os) -> (Rate, Rate) {
    use Rate as R;
    match (mode, os) {
        (Pricing::OnDemand, Os::X86) => (R::FargateVcpuX86, R::FargateGbX86),
        (Pricing::OnDemand, Os::Arm) => (R::FargateVcpuArm, R::FargateGbArm),
        (Pricing::OnDemand, Os::Windows) => (R::FargateVcpuWindows, R::FargateGbWindows),
        (Pricing::Spot, Os::Arm) => (R::FargateSpotVcpuArm, R::FargateSpotGbArm),
        // Windows never reaches Spot (see `fargate`); x86 is the Spot default.
        (Pricing::Spot, _) => (R::FargateSpotVcpuX86, R::FargateSpotGbX86),
        (Pricing::Savings1y, Os::X86) => (R::FargateSp1yVcpuX86, R::FargateSp1yGbX86),
        (Pricing::Savings1y, Os::Arm) => (R::FargateSp1yVcpuArm, R::FargateSp1yGbArm),
        (Pricing::Savings1y, Os::Windows) => (R::FargateSp1yVcpuWindows, R::FargateSp1yGbWindows),
        (Pricing::Savings3y, Os::X86) => (R::FargateSp3yVcpuX86, R::FargateSp3yGbX86),
        (Pricing::Savings3y, Os::Arm) => (R::FargateSp3yVcpuArm, R::FargateSp3yGbArm),
        (Pricing::Savings3y, Os::Windows) => (R::FargateSp3yVcpuWindows, R::FargateSp3yGbWindows),
    }
}

fn fargate<S: Sink>(cx: Cx, p: Platform, pricing: Pricing, eks: bool, spot_allowed: bool, s: &mut S) -> Res<Usage> {
    let i = cx.i;
    let os = if i.windows {
        Os::Windows
    } else if i.arch == Arch::Arm && !eks {
        Os::Arm
    } else {
        Os::X86
    };
    if i.arch == Arch::Arm && os == Os::X86 {
        s.note(|| "Arm (Graviton) on Fargate is only offered for Amazon ECS with Linux: costed on x86.".into());
    }
    if p == Platform::EcsExpress && (os != Os::X86) {
        s.note(|| "Express Mode sets up Linux x86 task definitions; other platforms are changed on the task definition outside Express Mode.".into());
    }

    let overhead = if eks { EKS_FARGATE_POD_OVERHEAD_GB } else { 0.0 };
    let asked_cpu = i.cpu;
    let asked_mem = i.mem + overhead;
    let tiers = if os == Os::Windows { FARGATE_WINDOWS_SIZES } else { FARGATE_SIZES };
    let size = round_up(tiers, asked_cpu, asked_mem)
        .ok_or(NotCosted::NotViable(NotViable::TaskTooLarge { platform: p }))?;
    s.sizing(Sizing { asked_cpu, asked_mem, billed_cpu: size.cpu, billed_mem: size.mem });
    s.note(|| {
        let unit = if eks { "pod" } else { "task" };
        let asked = if eks {
            format!("{} vCPU / {} GB plus the 0.25 GB Fargate adds to every pod", qty(asked_cpu), qty(i.mem))
        } else {
            format!("{} vCPU / {} GB", qty(asked_cpu), qty(asked_mem))
        };
        let waste_cpu = size.cpu - asked_cpu;
        let waste_mem = size.mem - asked_mem;
        if waste_cpu < 1e-9 && waste_mem < 1e-9 {
            format!("Each {unit} is billed as {} vCPU / {} GB, exactly what it asks for ({asked}).", qty(size.cpu), qty(size.mem))
        } else {
            let mut waste = Vec::new();
            if waste_cpu >= 1e-9 {
                waste.push(format!("{} vCPU", qty(waste_cpu)));
            }
            if waste_mem >= 1e-9 {
                waste.push(format!("{} GB", qty(waste_mem)));
            }
            format!(
                "Each {unit} asks for {asked} and is rounded up to the next valid Fargate size, {} vCPU / {} GB: {} paid for but not asked for.",
                qty(size.cpu),
                qty(size.mem),
                waste.join(" and ")
            )
        }
    });

    let mode = match pricing {
        Pricing::Spot if !spot_allowed => {
            s.note(|| match p {
                Platform::EksFargate => "Fargate Spot is not available for EKS pods: costed on-demand.".into(),
                _ => "Express Mode services run on regular Fargate capacity: costed on-demand.".into(),
            });
            Pricing::OnDemand
        }
        Pricing::Spot if os == Os::Windows => {
            s.note(|| "Fargate Spot runs Linux tasks only: costed on-demand.".into());
            Pricing::OnDemand
        }
        other => other,
    };
    s.pricing(mode);

    let (vr, gr) = fargate_rates(mode, os);
    let v = cx.need(vr)?;
    let g = cx.need(gr)?;
    let licence = if os == Os::Windows { Some(cx.need(Rate::FargateWindowsLicence)?) } else { None };
    let extra_storage = (i.storage - FARGATE_FREE_STORAGE_GB).max(0.0);
    let storage_rate = if extra_storage > 0.0 { Some(cx.need(Rate::FargateStorage)?) } else { None };

    let task_hours = i.tasks * cx.u() * i.hours;
    let hours_text = move || {
        format!("{} tasks × {}% of {} h = {} task-hours", qty(i.tasks), qty(i.util), qty(i.hours), qty(task_hours))
    };
    let vcpu_amount = task_hours * size.cpu * v;
    s.line(LineId::FargateVcpu, None, vcpu_amount, &[vr.into()], || {
        format!("{} × {} vCPU × {} per vCPU-hour", hours_text(), qty(size.cpu), price(v))
    });
    let mem_amount = task_hours * size.mem * g;
    s.line(LineId::FargateMemory, None, mem_amount, &[gr.into()], || {
        format!("{} × {} GB × {} per GB-hour", hours_text(), qty(size.mem), price(g))
    });
    let mut task_hourly = size.cpu * v + size.mem * g;
    if let Some(l) = licence {
        let amount = task_hours * size.cpu * l;
        task_hourly += size.cpu * l;
        s.line(LineId::FargateLicence, None, amount, &[Rate::FargateWindowsLicence.into()], || {
            format!("{} × {} vCPU × {} per vCPU-hour", hours_text(), qty(size.cpu), price(l))
        });
        if matches!(mode, Pricing::Savings1y | Pricing::Savings3y) {
            s.note(|| "The Windows licence fee is kept at its on-demand rate: no source says Savings Plans discount it.".into());
        }
    }
    let mut spot_base = vcpu_amount + mem_amount;
    if let Some(st) = storage_rate {
        let amount = task_hours * extra_storage * st;
        task_hourly += extra_storage * st;
        spot_base += amount;
        s.line(LineId::FargateStorage, None, amount, &[Rate::FargateStorage.into()], || {
            format!("{} × ({} − 20 included) GB × {} per GB-hour", hours_text(), qty(i.storage), price(st))
        });
    }
    if mode == Pricing::Spot {
        let oh = i.spot_overhead / 100.0;
        task_hourly *= 1.0 + oh;
        spot_overhead(s, spot_base, i.spot_overhead, &[vr.into(), gr.into()]);
        s.note(|| "Fargate Spot tasks can be stopped with two minutes' warning; the overhead input covers work redone.".into());
    }
    Ok(Usage::Tasks { avg_tasks: cx.avg_tasks(), task_hourly, rates: [vr.into(), gr.into()] })
}

fn spot_overhead<S: Sink>(s: &mut S, base: f64, pct: f64, rates: &[RateRef]) {
    s.line(LineId::SpotOverhead, None, base * pct / 100.0, rates, || {
        format!("{}% of {} of Spot compute, for work redone or capacity idle after interruptions", qty(pct), price(base))
    });
}

fn control_plane<S: Sink>(cx: Cx, s: &mut S) -> Res<()> {
    let i = cx.i;
    let rate = match i.eks_support {
        EksSupport::Standard => Rate::EksClusterStandard,
        EksSupport::Extended => Rate::EksClusterExtended,
    };
    let v = cx.need(rate)?;
    s.line(LineId::ControlPlane, None, i.clusters * i.hours * v, &[rate.into()], || {
        let tier = if i.eks_support == EksSupport::Standard { "standard" } else { "extended" };
        format!("{} cluster(s) × {} h × {} per cluster-hour ({tier} support)", qty(i.clusters), qty(i.hours), price(v))
    });
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// EC2 (ECS, EKS, Batch)
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Orch {
    /// ECS; `awsvpc` tasks each take a network interface.
    Ecs { awsvpc: bool },
    /// EKS nodes built from the EKS AMI.
    Eks,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Scale {
    /// A fleet sized for the peak, always running.
    Static,
    /// Capacity follows the tasks at a target capacity, floored at one instance per AZ.
    Follow,
    /// Capacity follows the jobs down to zero (Batch managed compute environments).
    FromZero,
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

fn fits(capacity: f64, need: f64) -> u32 {
    if capacity <= 0.0 {
        0
    } else {
        // Whole tasks only; the tolerance keeps 2 / 0.25 from becoming 7.999….
        ((capacity / need) + 1e-9).floor().min(f64::from(u32::MAX)) as u32
    }
}

fn ec2<S: Sink>(cx: Cx, pricing: Pricing, orch: Orch, scale: Scale, s: &mut S) -> Res<Usage> {
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

// ---------------------------------------------------------------------------------------------
// App Runner, Lambda, Anywhere
// ---------------------------------------------------------------------------------------------

/// App Runner keeps at least this many provisioned instances (its `MinSize` cannot be 0) (AR-API, P).
const APP_RUNNER_MIN_SIZE: f64 = 1.0;

fn app_runner<S: Sink>(cx: Cx, pricing: Pricing, s: &mut S) -> Res<Usage> {
    let i = cx.i;
    let size = round_up(APP_RUNNER_SIZES, i.cpu, i.mem)
        .ok_or(NotCosted::NotViable(NotViable::TaskTooLarge { platform: Platform::AppRunner }))?;
    s.sizing(Sizing { asked_cpu: i.cpu, asked_mem: i.mem, billed_cpu: size.cpu, billed_mem: size.mem });
    if pricing != Pricing::OnDemand {
        s.note(|| "App Runner has no Spot and Savings Plans do not cover it: costed on-demand.".into());
        s.pricing(Pricing::OnDemand);
    }
    let vr = cx.need(Rate::AppRunnerVcpu)?;
    let gr = cx.need(Rate::AppRunnerGb)?;
    let u = cx.u();
    let idle_hours = (1.0 - u) * APP_RUNNER_MIN_SIZE * i.hours;
    let active_hours = i.tasks * u * i.hours;
    s.line(LineId::AppRunnerProvisioned, None, idle_hours * size.mem * gr, &[Rate::AppRunnerGb.into()], || {
        format!(
            "{} provisioned instance × {}% idle share of {} h = {} instance-hours × {} GB × {} per GB-hour",
            qty(APP_RUNNER_MIN_SIZE),
            qty(100.0 - i.util),
            qty(i.hours),
            qty(idle_hours),
            qty(size.mem),
            price(gr)
        )
    });
    s.line(LineId::AppRunnerVcpu, None, active_hours * size.cpu * vr, &[Rate::AppRunnerVcpu.into()], || {
        format!(
            "{} instances × {}% of {} h = {} active instance-hours × {} vCPU × {} per vCPU-hour",
            qty(i.tasks),
            qty(i.util),
            qty(i.hours),
            qty(active_hours),
            qty(size.cpu),
            price(vr)
        )
    });
    s.line(LineId::AppRunnerMemory, None, active_hours * size.mem * gr, &[Rate::AppRunnerGb.into()], || {
        format!("{} active instance-hours × {} GB × {} per GB-hour", qty(active_hours), qty(size.mem), price(gr))
    });
    s.note(|| {
        format!(
            "Each instance is billed as {} vCPU / {} GB (asked for {} vCPU / {} GB).",
            qty(size.cpu),
            qty(size.mem),
            qty(i.cpu),
            qty(i.mem)
        )
    });
    s.note(|| "App Runner never bills zero while running: at least one provisioned instance keeps its memory billed when idle. Only pausing the service stops that.".into());
    Ok(Usage::AppRunner { avg_active: i.tasks * u, mem_gb: size.mem, gb_rate: gr, rate: Rate::AppRunnerGb.into() })
}

/// Lambda's duration tiers: (GB-seconds in the tier, rate), in order; the last tier is open-ended
/// (LAM-TIER, PL). x86: 6 billion, then 9 billion; Arm: 7.5 billion, then 11.25 billion.
fn lambda_tiers(arch: Arch) -> [(f64, Rate); 3] {
    match arch {
        Arch::X86 => [(6e9, Rate::LambdaGbsX86Tier1), (9e9, Rate::LambdaGbsX86Tier2), (f64::INFINITY, Rate::LambdaGbsX86Tier3)],
        Arch::Arm => [(7.5e9, Rate::LambdaGbsArmTier1), (11.25e9, Rate::LambdaGbsArmTier2), (f64::INFINITY, Rate::LambdaGbsArmTier3)],
    }
}

fn lambda<S: Sink>(cx: Cx, pricing: Pricing, s: &mut S) -> Res<()> {
    let i = cx.i;
    match pricing {
        Pricing::OnDemand => {}
        Pricing::Spot => {
            s.note(|| "Lambda has no Spot pricing: costed on-demand.".into());
            s.pricing(Pricing::OnDemand);
        }
        Pricing::Savings1y | Pricing::Savings3y => {
            s.note(|| "Compute Savings Plans can cover Lambda duration, but no sourced rate is in the catalog: costed on-demand.".into());
            s.pricing(Pricing::OnDemand);
        }
    }
    let requests = i.rps * 3600.0 * i.hours;
    let gb = i.lambda_mb / 1024.0;
    let gbs = requests * (i.req_ms / 1000.0) * gb;
    let (free_req, free_gbs) = if i.free_tier {
        (cx.need(Rate::LambdaFreeRequests)?, cx.need(Rate::LambdaFreeGbs)?)
    } else {
        (0.0, 0.0)
    };
    let bill_req = (requests - free_req).max(0.0);
    let bill_gbs = (gbs - free_gbs).max(0.0);

    let rr = cx.need(Rate::LambdaRequests)?;
    s.line(LineId::LambdaRequests, None, bill_req / 1e6 * rr, &[Rate::LambdaRequests.into()], || {
        let mut t = format!("{} req/s × 3,600 s × {} h = {} requests", qty(i.rps), qty(i.hours), qty(requests));
        if i.free_tier {
            t.push_str(&format!(" − {} free = {}", qty(free_req), qty(bill_req)));
        }
        t.push_str(&format!(" × {} per million", price(rr)));
        t
    });

    let tiers = lambda_tiers(i.arch);
    let mut left = bill_gbs;
    let mut amount = 0.0;
    let mut used: [Option<(f64, Rate, f64)>; 3] = [None; 3];
    for (k, (size, rate)) in tiers.into_iter().enumerate() {
        if left <= 0.0 && k > 0 {
            break;
        }
        let v = cx.need(rate)?;
        let take = left.min(size);
        amount += take * v;
        used[k] = Some((take, rate, v));
        left -= take;
    }
    let rates_used = [tiers[0].1.into(), tiers[1].1.into(), tiers[2].1.into()];
    let n = used.iter().filter(|x| x.is_some()).count().max(1);
    s.line(LineId::LambdaDuration, None, amount, &rates_used[..n], || {
        let mut t = format!(
            "{} requests × {} ms × {} MB ÷ 1,024 = {} GB-seconds",
            qty(requests),
            qty(i.req_ms),
            qty(i.lambda_mb),
            qty(gbs)
        );
        if i.free_tier {
            t.push_str(&format!(" − {} free = {}", qty(free_gbs), qty(bill_gbs)));
        }
        let parts: Vec<String> = used.iter().flatten().map(|(take, _, v)| format!("{} × {}", qty(*take), price(*v))).collect();
        t.push_str(&format!(", billed {} per GB-second", parts.join(" + ")));
        t
    });
    if i.free_tier {
        s.note(|| "The free tier (1 million requests and 400,000 GB-seconds a month) is per account: other functions share it.".into());
    }
    Ok(())
}

fn ecs_anywhere<S: Sink>(cx: Cx, pricing: Pricing, s: &mut S) -> Res<()> {
    let i = cx.i;
    let idx = i.instance;
    let inst = instance(idx);
    let per = fits(inst.vcpu, i.cpu).min(fits(inst.mem_gib, i.mem)).max(1);
    let servers = (i.tasks / f64::from(per) - 1e-9).ceil().max(1.0);
    let v = cx.need(Rate::EcsAnywhereInstance)?;
    if pricing != Pricing::OnDemand {
        s.pricing(Pricing::OnDemand);
        s.note(|| "The ECS Anywhere fee has no Spot or Savings Plan price.".into());
    }
    s.line(LineId::AnywhereFee, None, servers * i.hours * v, &[Rate::EcsAnywhereInstance.into()], || {
        format!("{} server(s) × {} h × {} per managed instance-hour", qty(servers), qty(i.hours), price(v))
    });
    s.note(move || {
        format!(
            "Server count estimated by packing the tasks onto servers the size of a {} ({} per server); registered servers pay the fee whether busy or idle.",
            inst.id, per
        )
    });
    s.note(|| "Your own hardware, power, network and operations are not included.".into());
    Ok(())
}

fn eks_anywhere<S: Sink>(cx: Cx, pricing: Pricing, s: &mut S) -> Res<()> {
    let i = cx.i;
    let rate = if pricing == Pricing::Savings3y { Rate::EksAnywhereSub3y } else { Rate::EksAnywhereSub1y };
    let v = cx.need(rate)?;
    if pricing == Pricing::Spot {
        s.pricing(Pricing::OnDemand);
        s.note(|| "EKS Anywhere has no Spot price.".into());
    }
    s.note(|| "The subscription term follows the pricing model: 3 years with the 3-year Savings Plan choice, 1 year otherwise.".into());
    s.line(LineId::EksAnywhereSubscription, None, i.clusters * v / 12.0, &[rate.into()], || {
        let term = if rate == Rate::EksAnywhereSub3y { "3-year" } else { "1-year" };
        format!("{} cluster(s) × {} per cluster-year ({term} term) ÷ 12 months", qty(i.clusters), price(v))
    });
    s.note(|| "EKS Anywhere itself is open source and free; the Enterprise Subscription is optional and buys AWS support. Set its rate to 0 to leave it out.".into());
    s.note(|| "There is no control-plane fee: you run the control plane on your own servers. Your hardware, power, network and operations are not included.".into());
    Ok(())
}

fn on_premises_extras<S: Sink>(cx: Cx, s: &mut S) -> Res<()> {
    let i = cx.i;
    if i.alb || i.nat || i.ipv4 || i.egress || (i.deploys > 0.0 && i.bake_min > 0.0) {
        s.note(|| "Load balancer, NAT, public IPv4, data transfer and deployment line items are not AWS charges on your own servers.".into());
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Line items people forget
// ---------------------------------------------------------------------------------------------

/// Load Balancer Capacity Units used in an hour: the largest of the four dimensions an ALB is billed
/// on (ELB-LCU): 25 new connections per second, 3,000 active connections, 1 GB processed per hour for
/// EC2, container or IP targets (0.4 GB for Lambda targets), and 1,000 rule evaluations per second.
pub fn alb_lcus(new_connections_per_s: f64, active_connections: f64, gb_per_hour: f64, rule_evaluations_per_s: f64, lambda_targets: bool) -> f64 {
    let gb_per_lcu = if lambda_targets { 0.4 } else { 1.0 };
    (new_connections_per_s / 25.0)
        .max(active_connections / 3000.0)
        .max(gb_per_hour / gb_per_lcu)
        .max(rule_evaluations_per_s / 1000.0)
        .max(0.0)
}

/// Gigabytes a month the responses make (1 GB = 10^9 bytes, as in AWS's ALB example).
fn response_gb_per_hour(i: &CostInputs) -> f64 {
    i.rps * i.resp_kb * 3600.0 / 1e6
}

fn alb<S: Sink>(cx: Cx, p: Platform, toggle: Option<Key>, s: &mut S) -> Res<()> {
    let i = cx.i;
    let hour = cx.need(Rate::AlbHour)?;
    let lcu_rate = cx.need(Rate::AlbLcu)?;
    let per_conn = cx.need(Rate::AlbRequestsPerConnection)?.max(1.0);
    let conn_s = cx.need(Rate::AlbConnectionSeconds)?;
    let ip = cx.need(Rate::Ipv4Hour)?;
    let new_conn = i.rps / per_conn;
    let active = new_conn * conn_s;
    let gbh = response_gb_per_hour(i);
    let lambda = p == Platform::Lambda;
    let lcu = alb_lcus(new_conn, active, gbh, 0.0, lambda);
    s.line(LineId::AlbHours, toggle, i.hours * hour, &[Rate::AlbHour.into()], || {
        format!("1 load balancer × {} h × {} per ALB-hour", qty(i.hours), price(hour))
    });
    s.line(
        LineId::AlbLcu,
        toggle,
        lcu * i.hours * lcu_rate,
        &[Rate::AlbLcu.into(), Rate::AlbRequestsPerConnection.into(), Rate::AlbConnectionSeconds.into()],
        || {
            format!(
                "{} LCU (largest of: {} new connections/s ÷ 25, {} active connections ÷ 3,000, {} GB/h processed ÷ {}) × {} h × {} per LCU-hour",
                qty(lcu),
                qty(new_conn),
                qty(active),
                qty(gbh),
                if lambda { "0.4" } else { "1" },
                qty(i.hours),
                price(lcu_rate)
            )
        },
    );
    let azs = cx.azs();
    s.line(LineId::AlbIpv4, toggle, azs * i.hours * ip, &[Rate::Ipv4Hour.into()], || {
        format!("{} addresses (one per Availability Zone) × {} h × {} per address-hour", qty(azs), qty(i.hours), price(ip))
    });
    if toggle.is_none() {
        s.note(|| "Express Mode creates an Application Load Balancer for the service, so it is part of the cost whatever the ALB switch says.".into());
    }
    Ok(())
}

/// Data transfer out tiers in GB a month, after the free allowance: first 10 TB, next 40 TB, next
/// 100 TB, then the rest (1 TB = 1,024 GB as on AWS's price list).
const DTO_TIERS: [(f64, Rate); 4] = [
    (10.0 * 1024.0, Rate::DtoTier1),
    (40.0 * 1024.0, Rate::DtoTier2),
    (100.0 * 1024.0, Rate::DtoTier3),
    (f64::INFINITY, Rate::DtoTier4),
];

fn extras<S: Sink>(cx: Cx, p: Platform, usage: Usage, deploy: DeployOverhead, s: &mut S) -> Res<()> {
    let i = cx.i;
    let hours = i.hours;

    // Load balancer.
    let takes_alb = matches!(p, Platform::EcsFargate | Platform::EcsEc2 | Platform::EksEc2 | Platform::EksFargate | Platform::Lambda);
    if p == Platform::EcsExpress {
        alb(cx, p, None, s)?;
    } else if i.alb && takes_alb {
        alb(cx, p, Some(Key::Alb), s)?;
    } else if i.alb {
        s.note(|| match p {
            Platform::AppRunner => "App Runner balances its own traffic: no ALB is added.".into(),
            _ => "Batch jobs serve no traffic: no ALB is added.".into(),
        });
    }

    // NAT gateways.
    if i.nat {
        let h = cx.need(Rate::NatHour)?;
        let g = cx.need(Rate::NatGb)?;
        let azs = cx.azs();
        s.line(LineId::NatHours, Some(Key::Nat), azs * hours * h, &[Rate::NatHour.into()], || {
            format!("{} gateways (one per Availability Zone) × {} h × {} per gateway-hour", qty(azs), qty(hours), price(h))
        });
        s.line(LineId::NatData, Some(Key::Nat), i.nat_gb * g, &[Rate::NatGb.into()], || {
            format!("{} GB × {} per GB processed", qty(i.nat_gb), price(g))
        });
        s.note(|| "Traffic that leaves AWS through a NAT gateway also pays data transfer out.".into());
    }

    // Public IPv4 on tasks or instances.
    if i.ipv4 {
        let count = match usage {
            Usage::Tasks { avg_tasks, .. } => Some((avg_tasks, "tasks running on average")),
            Usage::Instances { avg_instances, .. } => Some((avg_instances, "instances running on average")),
            Usage::AppRunner { .. } | Usage::Requests => None,
        };
        match count {
            Some((n, what)) => {
                let ip = cx.need(Rate::Ipv4Hour)?;
                s.line(LineId::Ipv4, Some(Key::Ipv4), n * hours * ip, &[Rate::Ipv4Hour.into()], || {
                    format!("{} {what} × {} h × {} per address-hour", qty(n), qty(hours), price(ip))
                });
            }
            None => s.note(|| format!("{} does not put public IPv4 addresses on your compute.", p.name())),
        }
    }

    // Data transfer out.
    if i.egress {
        let free = cx.need(Rate::DtoFreeGb)?;
        let gb = response_gb_per_hour(i) * hours;
        let mut left = (gb - free).max(0.0);
        let mut amount = 0.0;
        let mut parts: [Option<(f64, f64)>; 4] = [None; 4];
        for (k, (size, rate)) in DTO_TIERS.into_iter().enumerate() {
            if left <= 0.0 && k > 0 {
                break;
            }
            let v = cx.need(rate)?;
            let take = left.min(size);
            amount += take * v;
            parts[k] = Some((take, v));
            left -= take;
        }
        let n = parts.iter().filter(|x| x.is_some()).count();
        let rates_used = [Rate::DtoFreeGb.into(), Rate::DtoTier1.into(), Rate::DtoTier2.into(), Rate::DtoTier3.into(), Rate::DtoTier4.into()];
        s.line(LineId::Egress, Some(Key::Egress), amount, &rates_used[..=n], || {
            let billed: Vec<String> = parts.iter().flatten().map(|(t, v)| format!("{} GB × {}", qty(*t), price(*v))).collect();
            format!(
                "{} req/s × {} KB × 3,600 s × {} h = {} GB − {} GB free, billed {}",
                qty(i.rps),
                qty(i.resp_kb),
                qty(hours),
                qty(gb),
                qty(free),
                billed.join(" + ")
            )
        });
    }

    // Deployment overhead.
    if i.deploys > 0.0 && i.bake_min > 0.0 {
        let side_hours = (i.deploys * i.bake_min / 60.0).min(hours);
        let side_text = move || format!("{} deployments × {} min = {} h side by side", qty(i.deploys), qty(i.bake_min), qty(side_hours));
        match usage {
            _ if p == Platform::Batch => s.note(|| "Batch jobs are submitted, not deployed: no deployment overhead.".into()),
            Usage::AppRunner { avg_active, mem_gb, gb_rate, rate } => {
                let n = avg_active.max(APP_RUNNER_MIN_SIZE);
                s.line(LineId::Deploy, Some(Key::Deploys), side_hours * n * mem_gb * gb_rate, &[rate], || {
                    format!("{} × {} extra provisioned instance(s) × {} GB × {} per GB-hour", side_text(), qty(n), qty(mem_gb), price(gb_rate))
                });
                s.note(|| "App Runner doubles its provisioned instances during every deployment, whatever the pattern.".into());
            }
            Usage::Tasks { avg_tasks, task_hourly, rates } if deploy.doubles_capacity => {
                s.line(LineId::Deploy, Some(Key::Deploys), side_hours * avg_tasks * task_hourly, &rates, || {
                    format!("{} × {} second-revision tasks × {} per task-hour", side_text(), qty(avg_tasks), price(task_hourly))
                });
            }
            Usage::Instances { instance_hourly, tasks_per_instance, rate, .. } if deploy.doubles_capacity => {
                let extra = cx.avg_tasks() / tasks_per_instance;
                s.line(LineId::Deploy, Some(Key::Deploys), side_hours * extra * instance_hourly, &[rate], || {
                    format!(
                        "{} × {} instance(s) of room for the second revision ({} tasks ÷ {} per instance) × {} per instance-hour",
                        side_text(),
                        qty(extra),
                        qty(cx.avg_tasks()),
                        qty(tasks_per_instance),
                        price(instance_hourly)
                    )
                });
            }
            Usage::Requests => s.note(|| "Lambda shifts traffic between versions without running a second copy: no deployment overhead.".into()),
            _ => {}
        }
    }
    Ok(())
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

    #[test]
    fn lcu_takes_the_largest_dimension() {
        assert!((alb_lcus(1.0, 120.0, 1.08, 250.0, false) - 1.08).abs() < 1e-12);
        assert!((alb_lcus(100.0, 0.0, 0.0, 0.0, false) - 4.0).abs() < 1e-12);
        assert!((alb_lcus(0.0, 0.0, 0.4, 0.0, true) - 1.0).abs() < 1e-12);
        assert_eq!(alb_lcus(0.0, 0.0, 0.0, 0.0, false), 0.0);
    }
}
