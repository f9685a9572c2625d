//! Fargate: the task sizes it bills, its on-demand, Spot and Savings Plans rates by OS and
//! architecture, the Windows licence and the ephemeral storage above the free 20 GB.
//!
//! ECS on Fargate is costed here; Express Mode, EKS on Fargate and Batch's Fargate compute
//! environments call [`tasks`] with their own platform, whose [`Platform::caps`] decide Spot.

use super::context::{require, spot_overhead, Cx, Res, Usage};
use crate::format::{price, qty};
use super::{LineId, NotCosted, NotViable, Sink, Sizing};
use crate::catalog::Rate;
use crate::catalog::sizes::{round_up, EKS_FARGATE_POD_OVERHEAD_GB, FARGATE_FREE_STORAGE_GB, FARGATE_SIZES, FARGATE_WINDOWS_SIZES};
use crate::params::{Arch, Pricing};
use crate::platform::Platform;

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
        // Windows never reaches Spot (see [`tasks`]); x86 is the Spot default.
        (Pricing::Spot, _) => (R::FargateSpotVcpuX86, R::FargateSpotGbX86),
        (Pricing::Savings1y, Os::X86) => (R::FargateSp1yVcpuX86, R::FargateSp1yGbX86),
        (Pricing::Savings1y, Os::Arm) => (R::FargateSp1yVcpuArm, R::FargateSp1yGbArm),
        (Pricing::Savings1y, Os::Windows) => (R::FargateSp1yVcpuWindows, R::FargateSp1yGbWindows),
        (Pricing::Savings3y, Os::X86) => (R::FargateSp3yVcpuX86, R::FargateSp3yGbX86),
        (Pricing::Savings3y, Os::Arm) => (R::FargateSp3yVcpuArm, R::FargateSp3yGbArm),
        (Pricing::Savings3y, Os::Windows) => (R::FargateSp3yVcpuWindows, R::FargateSp3yGbWindows),
    }
}

/// ECS on Fargate.
pub(super) fn ecs<S: Sink>(cx: Cx, pricing: Pricing, s: &mut S) -> Res<Usage> {
    require(Platform::EcsFargate, cx.i)?;
    tasks(cx, Platform::EcsFargate, pricing, s)
}

/// Tasks (or EKS pods) of platform `p` on Fargate capacity: sized up to a Fargate size and billed per
/// vCPU-hour and GB-hour. EKS pods carry Fargate's extra 256 MB; `p`'s [`Platform::caps`] say whether
/// Fargate Spot may be used.
pub(super) fn tasks<S: Sink>(cx: Cx, p: Platform, pricing: Pricing, s: &mut S) -> Res<Usage> {
    let i = cx.i;
    let eks = p.is_kubernetes();
    let spot_allowed = p.caps().spot;
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
