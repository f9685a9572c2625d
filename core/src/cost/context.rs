//! What every platform's cost code shares: the inputs and rates together ([`Cx`]), what compute leaves
//! for the line items ([`Usage`]), the refusal of needs a platform lacks, and the Spot overhead line.
//!
//! A leaf of the cost model: the platform files and the line items import it, it imports none of them.

use crate::format::{price, qty};
use super::{CostInputs, LineId, Need, NotCosted, NotViable, Sink};
use crate::catalog::{RateRef, Rates};
use crate::platform::Platform;

pub(super) type Res<T> = Result<T, NotCosted>;

/// Inputs and rates together.
#[derive(Clone, Copy)]
pub(super) struct Cx<'a> {
    pub i: &'a CostInputs,
    pub r: &'a Rates,
}

impl Cx<'_> {
    #[inline(always)]
    pub fn need(&self, rate: impl Into<RateRef>) -> Res<f64> {
        let rate = rate.into();
        self.r.get(rate).ok_or(NotCosted::MissingRate { rate, region: self.r.region() })
    }

    /// Share of the month the peak runs, 0 to 1.
    pub fn u(&self) -> f64 {
        self.i.util / 100.0
    }

    /// Average tasks running.
    pub fn avg_tasks(&self) -> f64 {
        self.i.tasks * self.u()
    }

    /// Availability Zones, as a whole number of at least 2.
    pub fn azs(&self) -> f64 {
        self.i.azs.round().max(2.0)
    }
}

/// What the compute part leaves for the line items that scale with it.
#[derive(Clone, Copy)]
pub(super) enum Usage {
    /// Tasks billed by size and time: average running tasks and the cost of one task-hour.
    Tasks { avg_tasks: f64, task_hourly: f64, rates: [RateRef; 2] },
    /// EC2 instances: average running, cost of one instance-hour, tasks per instance.
    Instances { avg_instances: f64, instance_hourly: f64, tasks_per_instance: f64, rate: RateRef },
    /// App Runner: average active instances, billed memory per instance and its rate.
    AppRunner { avg_active: f64, mem_gb: f64, gb_rate: f64, rate: RateRef },
    /// Nothing that scales with tasks or instances (Lambda).
    Requests,
    /// Your own servers: no AWS line item applies.
    OnPremises,
}

fn unsupported(platform: Platform, need: Need) -> NotCosted {
    NotCosted::NotViable(NotViable::Unsupported { platform, need })
}

/// Refuses the needs that platform `p` cannot meet (see [`Platform::caps`]).
pub(super) fn require(p: Platform, i: &CostInputs) -> Res<()> {
    let caps = p.caps();
    if i.gpu && !caps.gpu {
        return Err(unsupported(p, Need::Gpu));
    }
    if i.privileged && !caps.privileged {
        return Err(unsupported(p, Need::Privileged));
    }
    if i.windows && !caps.windows {
        return Err(unsupported(p, Need::Windows));
    }
    Ok(())
}

/// The Spot interruption overhead line: `pct` % of `base`, the Spot compute it applies to.
pub(super) fn spot_overhead<S: Sink>(s: &mut S, base: f64, pct: f64, rates: &[RateRef]) {
    s.line(LineId::SpotOverhead, None, base * pct / 100.0, rates, || {
        format!("{}% of {} of Spot compute, for work redone or capacity idle after interruptions", qty(pct), price(base))
    });
}
