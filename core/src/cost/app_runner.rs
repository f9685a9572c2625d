//! The two "give us a container image" services: App Runner (billed per provisioned and active
//! instance) and its successor, ECS Express Mode (Fargate tasks behind a load balancer it creates).

use super::context::{require, Cx, Res, Usage};
use crate::format::{price, qty};
use super::{fargate, LineId, NotCosted, NotViable, Sink, Sizing};
use crate::catalog::Rate;
use crate::catalog::sizes::{round_up, APP_RUNNER_SIZES};
use crate::params::Pricing;
use crate::platform::Platform;

/// App Runner keeps at least this many provisioned instances (its `MinSize` cannot be 0) (AR-API, P).
pub(super) const APP_RUNNER_MIN_SIZE: f64 = 1.0;

/// App Runner: provisioned memory while idle, active vCPU and memory while serving.
pub(super) fn app_runner<S: Sink>(cx: Cx, pricing: Pricing, s: &mut S) -> Res<Usage> {
    require(Platform::AppRunner, cx.i)?;
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
    let peak = i.app_runner_peak();
    let active_hours = peak * u * i.hours;
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
            qty(peak),
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
    if i.traffic {
        s.note(|| {
            format!(
                "Capacity follows traffic: {} req/s × {} ms = {} requests in flight, at {} per instance, need {} active instance(s) at the peak.",
                qty(i.rps),
                qty(i.req_ms),
                qty(i.rps * i.req_ms / 1000.0),
                qty(super::capacity::APP_RUNNER_CONCURRENCY),
                qty(peak)
            )
        });
    }
    Ok(Usage::AppRunner { avg_active: peak * u, mem_gb: size.mem, gb_rate: gr, rate: Rate::AppRunnerGb.into() })
}

/// ECS Express Mode: Fargate tasks, with the load balancer it always creates added by the line items.
pub(super) fn express<S: Sink>(cx: Cx, pricing: Pricing, s: &mut S) -> Res<Usage> {
    require(Platform::EcsExpress, cx.i)?;
    fargate::tasks(cx, Platform::EcsExpress, pricing, s)
}
