//! Monthly cost of every platform, as a total for charts and as an itemized bill for people.
//!
//! Why it is shaped this way:
//! - One code path, two outputs. Each platform's cost is written once (the private `model` module
//!   dispatches to one file per platform family: `fargate`, `ec2`, `eks`, `app_runner`, `lambda`,
//!   `batch`, `anywhere`, and `lines` for the line items),
//!   generic over a private `Sink` trait. [`totals`] runs it with a sink that only adds numbers: no strings, no allocation, fast
//!   enough to run thousands of times per slider move. [`breakdown`] runs the very same code with a sink
//!   that also keeps each line's wording, rates and notes. The two can therefore never disagree.
//! - Rates come resolved ([`Rates`]): one region, overrides applied, read by index. A rate the region
//!   lacks stops the platform with [`NotCosted::MissingRate`] instead of a guess, and a platform that
//!   cannot run the workload at all says why ([`NotViable`]).
//! - Compute and line items are kept apart. A line item is tied to the input that switches it on
//!   ([`Line::toggle`]); [`Totals::compute`] is the cost without any of them.
//! - The deployment pattern is the decision engine's call, so it comes in as [`DeployOverhead`].
//!
//! Where to start: [`CostInputs::from_state`], then [`totals`] or [`breakdown`] for each
//! [`Platform`]; [`commit::commitments`] and [`commit::spot`] for the commitments panel; [`money`]
//! for rounding to cents ([`crate::format`] writes the figures).

mod anywhere;
mod app_runner;
mod batch;
pub mod capacity;
pub mod commit;
mod context;
mod ec2;
mod eks;
mod fargate;
mod inputs;
mod lambda;
mod lines;
mod model;
pub mod money;

pub use inputs::CostInputs;
pub use lines::alb_lcus;
pub use money::cents;

use crate::catalog::ids::{INSTANCE_OPTS, REGION_OPTS};
use crate::catalog::{RateRef, Rates};
use crate::params::{Key, Pricing};
use crate::platform::Platform;

/// How the chosen deployment pattern affects capacity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DeployOverhead {
    /// Blue/green, canary and linear deployments run the old and the new revision side by side for
    /// the bake time of every deployment. A rolling update does not.
    pub doubles_capacity: bool,
}

impl DeployOverhead {
    /// A rolling update: no second copy of the service.
    pub const ROLLING: DeployOverhead = DeployOverhead { doubles_capacity: false };
    /// Blue/green, canary or linear: both revisions run during the bake time.
    pub const SIDE_BY_SIDE: DeployOverhead = DeployOverhead { doubles_capacity: true };
}

/// A monthly cost in USD.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Totals {
    /// Everything, enabled line items included.
    pub monthly: f64,
    /// Compute alone: no line item that an input switches on.
    pub compute: f64,
}

/// A need some platforms cannot meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// GPU accelerators.
    Gpu,
    /// Privileged containers or host access.
    Privileged,
    /// Windows containers.
    Windows,
}

/// Why a platform cannot run the workload as described.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NotViable {
    /// A Lambda invocation cannot run longer than 15 minutes.
    JobTooLongForLambda {
        /// The job length asked for, in minutes.
        minutes: f64,
    },
    /// The platform does not offer this at all.
    Unsupported {
        /// The platform.
        platform: Platform,
        /// What it lacks.
        need: Need,
    },
    /// GPUs are needed and the chosen instance type has none.
    InstanceLacksGpu {
        /// Index into `INSTANCE_OPTS`.
        instance: usize,
    },
    /// One task needs more than the chosen instance type can give it.
    TaskTooLargeForInstance {
        /// Index into `INSTANCE_OPTS`.
        instance: usize,
    },
    /// One task is larger than the platform's largest size.
    TaskTooLarge {
        /// The platform.
        platform: Platform,
    },
}

/// Why a platform has no cost.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NotCosted {
    /// A rate the cost needs has no value in this region; the user can supply one as an override.
    MissingRate {
        /// The rate.
        rate: RateRef,
        /// Region index into `REGION_OPTS`.
        region: usize,
    },
    /// The platform cannot run the workload.
    NotViable(NotViable),
}

impl std::fmt::Display for NotCosted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            NotCosted::MissingRate { rate, region } => {
                let r = REGION_OPTS.get(region).map_or("?", |o| o.id);
                write!(f, "missing rate {} for region {r}", rate.id())?;
                match rate.absence(region) {
                    Some(a) => write!(f, " (not offered there: {}; source {}, {})", a.reason, a.source, a.as_of),
                    None => Ok(()),
                }
            }
            NotCosted::NotViable(v) => write!(f, "not viable: {v}"),
        }
    }
}

impl std::fmt::Display for NotViable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            NotViable::JobTooLongForLambda { minutes } => {
                write!(f, "job over 15 minutes ({}); a Lambda invocation stops at 15", crate::format::minutes(minutes))
            }
            NotViable::Unsupported { platform, need } => {
                let what = match need {
                    Need::Gpu => "GPUs",
                    Need::Privileged => "privileged containers or host access",
                    Need::Windows => "Windows containers",
                };
                write!(f, "{} does not offer {what}", platform.name())
            }
            NotViable::InstanceLacksGpu { instance } => {
                write!(f, "{} has no GPU; choose a GPU instance type", INSTANCE_OPTS[instance].id)
            }
            NotViable::TaskTooLargeForInstance { instance } => {
                write!(f, "one task does not fit on a {}; choose a larger instance type", INSTANCE_OPTS[instance].id)
            }
            NotViable::TaskTooLarge { platform } => {
                write!(f, "one task is larger than the largest size {} offers", platform.name())
            }
        }
    }
}

/// One line of a bill.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Stable id (`fargate-vcpu`, `alb-lcu`, ...), for tests and the DOM.
    pub id: &'static str,
    /// Short label.
    pub label: &'static str,
    /// The formula in plain words: quantities × rate, with units.
    pub detail: String,
    /// USD per month, full precision.
    pub amount: f64,
    /// The rates used, for provenance.
    pub rates: Vec<RateRef>,
    /// The input that switches this line on, or `None` for compute.
    pub toggle: Option<Key>,
}

/// The billed size of one task, after rounding up to a size the platform offers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sizing {
    /// vCPU asked for.
    pub asked_cpu: f64,
    /// GB asked for (with any overhead the platform adds, like EKS's 256 MB).
    pub asked_mem: f64,
    /// vCPU billed.
    pub billed_cpu: f64,
    /// GB billed.
    pub billed_mem: f64,
}

/// Which limit decides how many tasks fit on one instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Binding {
    /// vCPU.
    Cpu,
    /// Memory.
    Memory,
    /// Network interfaces (ECS `awsvpc` tasks).
    NetworkInterfaces,
    /// The EKS per-node pod limit.
    Pods,
    /// GPUs (one per task).
    Gpus,
}

impl Binding {
    /// Plain words.
    pub fn text(self) -> &'static str {
        match self {
            Binding::Cpu => "vCPU",
            Binding::Memory => "memory",
            Binding::NetworkInterfaces => "network interfaces",
            Binding::Pods => "the pod limit",
            Binding::Gpus => "GPUs",
        }
    }
}

/// How tasks were placed on EC2 instances.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Packing {
    /// Index into `INSTANCE_OPTS`.
    pub instance: usize,
    /// Tasks one instance holds.
    pub tasks_per_instance: u32,
    /// The limit that decides it.
    pub binding: Binding,
    /// Instances needed for the peak task count.
    pub peak_instances: u32,
    /// Fewest instances kept running.
    pub min_instances: u32,
    /// Average instances running over the month.
    pub avg_instances: f64,
}

/// An itemized monthly bill.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    /// The platform.
    pub platform: Platform,
    /// The pricing model actually applied (it can fall back to on-demand; a note says why).
    pub pricing: Pricing,
    /// The lines, compute first.
    pub lines: Vec<Line>,
    /// Sizing, packing and caveats, in plain words.
    pub notes: Vec<String>,
    /// The billed task size, for the platforms that round sizes.
    pub sizing: Option<Sizing>,
    /// The instance packing, for the EC2-backed platforms.
    pub packing: Option<Packing>,
    /// Sum of every line.
    pub monthly: f64,
    /// Sum of the compute lines.
    pub compute: f64,
}

impl Breakdown {
    /// The totals of this bill.
    pub fn totals(&self) -> Totals {
        Totals { monthly: self.monthly, compute: self.compute }
    }
}

/// Where the shared cost code writes its results.
pub(crate) trait Sink {
    /// A line of the bill. `detail` is only called by sinks that keep wording.
    fn line(&mut self, id: LineId, toggle: Option<Key>, amount: f64, rates: &[RateRef], detail: impl FnOnce() -> String);
    /// A note. Only called by sinks that keep wording.
    fn note(&mut self, text: impl FnOnce() -> String);
    /// The pricing model actually applied.
    fn pricing(&mut self, _p: Pricing) {}
    /// The billed task size.
    fn sizing(&mut self, _s: Sizing) {}
    /// The instance packing.
    fn packing(&mut self, _p: Packing) {}
}

/// Every kind of line, with its stable id and label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineId {
    FargateVcpu,
    FargateMemory,
    FargateLicence,
    FargateStorage,
    Ec2Instances,
    SpotOverhead,
    ControlPlane,
    AppRunnerProvisioned,
    AppRunnerVcpu,
    AppRunnerMemory,
    LambdaRequests,
    LambdaDuration,
    AnywhereFee,
    EksAnywhereSubscription,
    AlbHours,
    AlbLcu,
    AlbIpv4,
    NatHours,
    NatData,
    Ipv4,
    Egress,
    Deploy,
}

impl LineId {
    fn id(self) -> &'static str {
        match self {
            LineId::FargateVcpu => "fargate-vcpu",
            LineId::FargateMemory => "fargate-memory",
            LineId::FargateLicence => "fargate-windows-licence",
            LineId::FargateStorage => "fargate-storage",
            LineId::Ec2Instances => "ec2-instances",
            LineId::SpotOverhead => "spot-overhead",
            LineId::ControlPlane => "eks-control-plane",
            LineId::AppRunnerProvisioned => "apprunner-provisioned",
            LineId::AppRunnerVcpu => "apprunner-active-vcpu",
            LineId::AppRunnerMemory => "apprunner-active-memory",
            LineId::LambdaRequests => "lambda-requests",
            LineId::LambdaDuration => "lambda-duration",
            LineId::AnywhereFee => "ecs-anywhere-fee",
            LineId::EksAnywhereSubscription => "eks-anywhere-subscription",
            LineId::AlbHours => "alb-hours",
            LineId::AlbLcu => "alb-lcu",
            LineId::AlbIpv4 => "alb-ipv4",
            LineId::NatHours => "nat-hours",
            LineId::NatData => "nat-data",
            LineId::Ipv4 => "public-ipv4",
            LineId::Egress => "data-transfer-out",
            LineId::Deploy => "deployment-overhead",
        }
    }

    fn label(self) -> &'static str {
        match self {
            LineId::FargateVcpu => "Fargate vCPU",
            LineId::FargateMemory => "Fargate memory",
            LineId::FargateLicence => "Windows OS licence",
            LineId::FargateStorage => "Ephemeral storage above 20 GB",
            LineId::Ec2Instances => "EC2 instances",
            LineId::SpotOverhead => "Spot interruption overhead",
            LineId::ControlPlane => "EKS control plane",
            LineId::AppRunnerProvisioned => "Provisioned (idle) memory",
            LineId::AppRunnerVcpu => "Active vCPU",
            LineId::AppRunnerMemory => "Active memory",
            LineId::LambdaRequests => "Requests",
            LineId::LambdaDuration => "Duration (GB-seconds)",
            LineId::AnywhereFee => "ECS Anywhere instance fee",
            LineId::EksAnywhereSubscription => "EKS Anywhere Enterprise Subscription (optional)",
            LineId::AlbHours => "Load balancer hours",
            LineId::AlbLcu => "Load balancer capacity units",
            LineId::AlbIpv4 => "Load balancer public IPv4",
            LineId::NatHours => "NAT gateway hours",
            LineId::NatData => "NAT gateway data processed",
            LineId::Ipv4 => "Public IPv4 addresses",
            LineId::Egress => "Data transfer out",
            LineId::Deploy => "Deployment overhead",
        }
    }
}

/// Adds numbers only.
#[derive(Default)]
struct TotalsSink(Totals);

impl Sink for TotalsSink {
    #[inline]
    fn line(&mut self, _id: LineId, toggle: Option<Key>, amount: f64, _rates: &[RateRef], _detail: impl FnOnce() -> String) {
        self.0.monthly += amount;
        if toggle.is_none() {
            self.0.compute += amount;
        }
    }

    #[inline]
    fn note(&mut self, _text: impl FnOnce() -> String) {}
}

/// Keeps everything.
struct BreakdownSink(Breakdown);

impl Sink for BreakdownSink {
    fn line(&mut self, id: LineId, toggle: Option<Key>, amount: f64, rates: &[RateRef], detail: impl FnOnce() -> String) {
        self.0.monthly += amount;
        if toggle.is_none() {
            self.0.compute += amount;
        }
        self.0.lines.push(Line { id: id.id(), label: id.label(), detail: detail(), amount, rates: rates.to_vec(), toggle });
    }

    fn note(&mut self, text: impl FnOnce() -> String) {
        self.0.notes.push(text());
    }

    fn pricing(&mut self, p: Pricing) {
        self.0.pricing = p;
    }

    fn sizing(&mut self, s: Sizing) {
        self.0.sizing = Some(s);
    }

    fn packing(&mut self, p: Packing) {
        self.0.packing = Some(p);
    }
}

/// The monthly cost of platform `p` bought with `pricing`: the number charts and rankings use.
/// Allocation-free; shares its code with [`breakdown`].
pub fn totals(p: Platform, pricing: Pricing, inp: &CostInputs, rates: &Rates, deploy: DeployOverhead) -> Result<Totals, NotCosted> {
    let mut s = TotalsSink::default();
    if inp.is_sanitized() {
        model::run(p, pricing, inp, rates, deploy, &mut s)?;
    } else {
        model::run(p, pricing, &inp.sanitized(), rates, deploy, &mut s)?;
    }
    Ok(s.0)
}

/// The itemized monthly bill of platform `p` bought with `pricing`, for display.
pub fn breakdown(p: Platform, pricing: Pricing, inp: &CostInputs, rates: &Rates, deploy: DeployOverhead) -> Result<Breakdown, NotCosted> {
    let mut s = BreakdownSink(Breakdown {
        platform: p,
        pricing,
        lines: Vec::new(),
        notes: Vec::new(),
        sizing: None,
        packing: None,
        monthly: 0.0,
        compute: 0.0,
    });
    model::run(p, pricing, &inp.sanitized(), rates, deploy, &mut s)?;
    Ok(s.0)
}
