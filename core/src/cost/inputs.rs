//! The numbers the cost model reads, lifted out of [`State`] once.
//!
//! [`CostInputs`] is a small `Copy` struct of plain fields so that a chart can sweep one of them
//! thousands of times ([`CostInputs::with_util`] and friends) without touching the state, allocating or
//! re-reading the inputs table. Units are the inputs' own (percent, GiB, KB, minutes), documented per
//! field. [`CostInputs::sanitized`] clamps every field into its input's range, so a value set by hand
//! can never push a NaN or a negative quantity into the model.

use super::capacity;
use crate::params::{Arch, EksSupport, Key, Kind, Pricing, Scale, KEY_COUNT, PARAMS};
use crate::state::State;

/// Everything the cost model reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CostInputs {
    /// Average utilization in percent (0-100): the share of the month the peak task count runs.
    pub util: f64,
    /// Peak number of tasks (or pods, or App Runner instances) running at once: the `tasks` input,
    /// or, when capacity follows traffic, the peak derived from `rps` ([`super::capacity`]).
    pub tasks: f64,
    /// vCPU per task.
    pub cpu: f64,
    /// Memory per task, GiB.
    pub mem: f64,
    /// Ephemeral storage per task, GiB (Fargate includes 20).
    pub storage: f64,
    /// Average requests per second over the month.
    pub rps: f64,
    /// Average request duration, ms.
    pub req_ms: f64,
    /// Average response size, KB (1 KB = 1000 bytes).
    pub resp_kb: f64,
    /// Lambda memory, MB.
    pub lambda_mb: f64,
    /// Apply Lambda's monthly free tier.
    pub free_tier: bool,
    /// Billing hours in the month.
    pub hours: f64,
    /// Region index into `REGION_OPTS`.
    pub region: usize,
    /// CPU architecture for Fargate and Lambda.
    pub arch: Arch,
    /// The pricing model the user picked (the cost functions take their own `pricing` argument).
    pub pricing: Pricing,
    /// Instance index into `INSTANCE_OPTS`.
    pub instance: usize,
    /// EKS clusters (and EKS Anywhere clusters).
    pub clusters: f64,
    /// EKS version support tier.
    pub eks_support: EksSupport,
    /// EC2 capacity follows demand instead of a fleet sized for the peak.
    pub autoscale: bool,
    /// Target capacity of the EC2 capacity provider, percent.
    pub target_capacity: f64,
    /// Extra Spot compute lost to interruptions, percent.
    pub spot_overhead: f64,
    /// Line item: an Application Load Balancer.
    pub alb: bool,
    /// Line item: NAT gateways, one per Availability Zone.
    pub nat: bool,
    /// Data sent through the NAT gateways, GB per month.
    pub nat_gb: f64,
    /// Line item: a public IPv4 address on every task or instance.
    pub ipv4: bool,
    /// Line item: data transfer out to the internet.
    pub egress: bool,
    /// Deployments per month.
    pub deploys: f64,
    /// Minutes both revisions run side by side during one deployment.
    pub bake_min: f64,
    /// Availability Zones the service spans.
    pub azs: f64,
    /// The containers are Windows images.
    pub windows: bool,
    /// The containers need GPUs.
    pub gpu: bool,
    /// The containers need privileged or host access.
    pub privileged: bool,
    /// Typical length of one job or invocation, minutes.
    pub job_minutes: f64,
    /// Capacity follows traffic (`scale=traffic`): `tasks` is derived from `rps`, and App Runner's
    /// active instances from the requests in flight.
    pub traffic: bool,
    /// Requests per second one task serves at its target load (used when `traffic`).
    pub rps_per_task: f64,
    /// App Runner's peak active instances when `traffic` (set with `tasks` by
    /// [`CostInputs::follow_traffic`]; read through [`CostInputs::app_runner_peak`]).
    pub ar_peak: f64,
}

impl Default for CostInputs {
    fn default() -> Self {
        CostInputs::from_state(&State::default())
    }
}

/// `(min, max, default)` of every number input, read from the inputs table at compile time so that
/// sanitizing costs a few comparisons, not table look-ups.
static RANGES: [(f64, f64, f64); KEY_COUNT] = {
    let mut out = [(0.0, 0.0, 0.0); KEY_COUNT];
    let mut k = 0;
    while k < KEY_COUNT {
        if let Kind::Number { min, max, default, .. } = PARAMS[k].kind {
            out[k] = (min, max, default);
        }
        k += 1;
    }
    out
};

#[inline(always)]
fn clamp(k: Key, v: f64) -> f64 {
    let (min, max, default) = RANGES[k as usize];
    if v.is_nan() {
        default
    } else {
        v.max(min).min(max)
    }
}

impl CostInputs {
    /// Reads every cost input, and the decision facts the costs depend on, from the state.
    pub fn from_state(s: &State) -> CostInputs {
        let i = CostInputs {
            util: s.num(Key::Util),
            tasks: s.num(Key::Tasks),
            cpu: s.num(Key::Cpu),
            mem: s.num(Key::Mem),
            storage: s.num(Key::Storage),
            rps: s.num(Key::Rps),
            req_ms: s.num(Key::ReqMs),
            resp_kb: s.num(Key::RespKb),
            lambda_mb: s.num(Key::LambdaMb),
            free_tier: s.flag(Key::FreeTier),
            hours: s.num(Key::Hours),
            region: s.choice(Key::Region),
            arch: s.arch(),
            pricing: s.pricing(),
            instance: s.choice(Key::Instance),
            clusters: s.num(Key::Clusters),
            eks_support: s.eks_support(),
            autoscale: s.flag(Key::Autoscale),
            target_capacity: s.num(Key::TargetCapacity),
            spot_overhead: s.num(Key::SpotOverhead),
            alb: s.flag(Key::Alb),
            nat: s.flag(Key::Nat),
            nat_gb: s.num(Key::NatGb),
            ipv4: s.flag(Key::Ipv4),
            egress: s.flag(Key::Egress),
            deploys: s.num(Key::Deploys),
            bake_min: s.num(Key::BakeMin),
            azs: s.num(Key::Azs),
            windows: s.flag(Key::Windows),
            gpu: s.flag(Key::Gpu),
            privileged: s.flag(Key::Privileged),
            job_minutes: s.num(Key::JobMinutes),
            traffic: s.scale() == Scale::Traffic,
            rps_per_task: s.num(Key::RpsPerTask),
            ar_peak: 1.0,
        };
        i.follow_traffic()
    }

    /// When capacity follows traffic, a copy with the peak derived from the request rate; otherwise
    /// the same inputs.
    #[must_use]
    pub fn follow_traffic(mut self) -> CostInputs {
        if self.traffic {
            self.tasks = capacity::peak_tasks(self.rps, self.util, self.rps_per_task);
            self.ar_peak = capacity::app_runner_peak(self.rps, self.req_ms, self.util);
        }
        self
    }

    /// App Runner's peak instance count: the task count, or, when capacity follows traffic, the
    /// requests in flight at its concurrency.
    pub fn app_runner_peak(&self) -> f64 {
        if self.traffic {
            self.ar_peak
        } else {
            self.tasks
        }
    }

    /// A copy with another utilization (percent). When capacity follows traffic the peak is held
    /// where it is, so the utilization chart shows what the current capacity costs at each share.
    #[must_use]
    pub fn with_util(mut self, util: f64) -> CostInputs {
        self.util = util;
        self
    }

    /// A copy with another peak task count.
    #[must_use]
    pub fn with_tasks(mut self, tasks: f64) -> CostInputs {
        self.tasks = tasks;
        self
    }

    /// A copy with another request rate (per second); when capacity follows traffic, the peak
    /// follows it.
    #[must_use]
    pub fn with_rps(mut self, rps: f64) -> CostInputs {
        self.rps = rps;
        self.follow_traffic()
    }

    /// Whether every field already holds what [`CostInputs::sanitized`] would give: a few comparisons,
    /// which lets the hot path skip the copy.
    #[inline]
    pub fn is_sanitized(&self) -> bool {
        use crate::catalog::ids::{INSTANCE_OPTS, REGION_OPTS};
        let ok = |k: Key, v: f64| {
            let (min, max, _) = RANGES[k as usize];
            v >= min && v <= max
        };
        ok(Key::Util, self.util)
            && ok(Key::Tasks, self.tasks)
            && ok(Key::Cpu, self.cpu)
            && ok(Key::Mem, self.mem)
            && ok(Key::Storage, self.storage)
            && ok(Key::Rps, self.rps)
            && ok(Key::ReqMs, self.req_ms)
            && ok(Key::RespKb, self.resp_kb)
            && ok(Key::LambdaMb, self.lambda_mb)
            && ok(Key::Hours, self.hours)
            && self.region < REGION_OPTS.len()
            && self.instance < INSTANCE_OPTS.len()
            && ok(Key::Clusters, self.clusters)
            && ok(Key::TargetCapacity, self.target_capacity)
            && ok(Key::SpotOverhead, self.spot_overhead)
            && ok(Key::NatGb, self.nat_gb)
            && ok(Key::Deploys, self.deploys)
            && ok(Key::BakeMin, self.bake_min)
            && ok(Key::Azs, self.azs)
            && ok(Key::JobMinutes, self.job_minutes)
            && ok(Key::RpsPerTask, self.rps_per_task)
            && (!self.traffic || ok(Key::Tasks, self.ar_peak))
    }

    /// A copy with every number clamped into its input's range (NaN becomes the default) and every
    /// index into its table, the way the state itself would hold them. Values are not rounded, so a
    /// chart can sweep between steps.
    #[must_use]
    pub fn sanitized(self) -> CostInputs {
        use crate::catalog::ids::{INSTANCE_OPTS, REGION_OPTS};
        CostInputs {
            util: clamp(Key::Util, self.util),
            tasks: clamp(Key::Tasks, self.tasks),
            cpu: clamp(Key::Cpu, self.cpu),
            mem: clamp(Key::Mem, self.mem),
            storage: clamp(Key::Storage, self.storage),
            rps: clamp(Key::Rps, self.rps),
            req_ms: clamp(Key::ReqMs, self.req_ms),
            resp_kb: clamp(Key::RespKb, self.resp_kb),
            lambda_mb: clamp(Key::LambdaMb, self.lambda_mb),
            hours: clamp(Key::Hours, self.hours),
            region: self.region.min(REGION_OPTS.len() - 1),
            instance: self.instance.min(INSTANCE_OPTS.len() - 1),
            clusters: clamp(Key::Clusters, self.clusters),
            target_capacity: clamp(Key::TargetCapacity, self.target_capacity),
            spot_overhead: clamp(Key::SpotOverhead, self.spot_overhead),
            nat_gb: clamp(Key::NatGb, self.nat_gb),
            deploys: clamp(Key::Deploys, self.deploys),
            bake_min: clamp(Key::BakeMin, self.bake_min),
            azs: clamp(Key::Azs, self.azs),
            job_minutes: clamp(Key::JobMinutes, self.job_minutes),
            rps_per_task: clamp(Key::RpsPerTask, self.rps_per_task),
            ..self
        }
        .follow_traffic()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Val;

    #[test]
    fn reads_the_state() {
        let mut s = State::default();
        s.set(Key::Util, Val::Num(75.0));
        s.set(Key::Windows, Val::Flag(true));
        s.set(Key::Instance, Val::Choice(0));
        s.set(Key::JobMinutes, Val::Num(20.0));
        let i = CostInputs::from_state(&s);
        assert_eq!(i.util, 75.0);
        assert!(i.windows);
        assert_eq!(i.instance, 0);
        assert_eq!(i.job_minutes, 20.0);
        assert_eq!(i.hours, 730.0);
        assert_eq!(i.tasks, 4.0);
        assert_eq!(CostInputs::default().instance, 2);
    }

    #[test]
    fn sweeps_copy_and_sanitize_clamps() {
        let i = CostInputs::default();
        assert_eq!(i.with_util(20.0).util, 20.0);
        assert_eq!(i.with_tasks(9.0).tasks, 9.0);
        assert_eq!(i.with_rps(3.5).rps, 3.5);
        let bad = CostInputs { util: f64::NAN, tasks: -3.0, cpu: 99.0, hours: f64::INFINITY, region: 77, instance: 99, ..i };
        let s = bad.sanitized();
        assert_eq!(s.util, 50.0);
        assert_eq!(s.tasks, 1.0);
        assert_eq!(s.cpu, 16.0);
        assert_eq!(s.hours, 744.0);
        assert_eq!(s.region, crate::catalog::ids::REGION_OPTS.len() - 1);
        assert_eq!(s.instance, 16);
        assert_eq!(i.sanitized(), i);
        assert!(i.is_sanitized());
        assert!(!bad.is_sanitized());
        assert!(s.is_sanitized());
    }
}
