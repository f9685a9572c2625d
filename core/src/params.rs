//! Every input of the playground, defined once.
//!
//! A [`Param`] is the single source of truth for one input: its URL key, its label and help text, its
//! kind (flag, choice, number, set, token), its range and its default. The URL parser ([`crate::url`]),
//! the controls the shell draws and the models that read [`crate::state::State`] all go through this
//! table, so a key, a range or a default can only ever be changed in one place.
//!
//! The key names are a public contract: course material links to them. Never rename one.

use crate::catalog::ids::{DEFAULT_INSTANCE, INSTANCE_OPTS, REGION_OPTS};
pub use crate::opt::Opt;

/// Where a control is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    /// What the workload is and how much the team wants to operate.
    Workload,
    /// Hard needs that can rule platforms out.
    Needs,
    /// Pricing and capacity preferences that feed the decision.
    Capacity,
    /// Deployment and rollout needs.
    Delivery,
    /// Operational extras (logging, discovery, scaling, images, placement).
    Operations,
    /// Usage of the cost model: utilization, task count and size.
    Usage,
    /// Request traffic.
    Traffic,
    /// Pricing model, region and instance.
    Pricing,
    /// Line items people forget.
    LineItems,
    /// How the page is shown (embed, study mode, locks). Not a workload fact.
    View,
}

/// How a number control is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slider {
    /// Lowest slider position.
    pub min: f64,
    /// Highest slider position (the typed number may go further, up to the param's max).
    pub max: f64,
    /// Slider step.
    pub step: f64,
}

/// The kind of an input, with its range and default.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// A boolean: `1`/`0`/`true`/`false`.
    Flag { default: bool },
    /// One of a fixed list of ids.
    Choice { options: &'static [Opt], default: usize },
    /// A number, clamped to `[min, max]` and rounded to `decimals`.
    Number {
        min: f64,
        max: f64,
        default: f64,
        decimals: u32,
        unit: &'static str,
        slider: Option<Slider>,
    },
    /// A comma-separated subset of `options` (empty by default).
    Set { options: &'static [Opt] },
    /// A comma-separated subset of the input keys themselves.
    KeySet,
    /// A short identifier (`[a-z0-9-]`, at most `max_len` characters), checked where it is used; or,
    /// with `path`, a path or URL (`A-Za-z0-9` and `-._~/:@+`), whose origin is checked where it is used.
    Token { max_len: usize, path: bool },
    /// Rate overrides carried by a link: `rate-id@region:value` items, comma-separated (`region` is a
    /// Region id or `all`), at most `max_len` characters. Each item is checked against the catalog
    /// where it is used (`catalog::overrides_link`).
    Rates { max_len: usize },
}

macro_rules! keys {
    ($($variant:ident),+ $(,)?) => {
        /// Every input key, in the order of [`PARAMS`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Key { $($variant),+ }

        impl Key {
            /// All keys, in table order.
            pub const ALL: &'static [Key] = &[$(Key::$variant),+];
        }
    };
}

keys!(
    // decision facts
    Workload,
    Ops,
    K8s,
    Gpu,
    Privileged,
    Daemonset,
    Windows,
    BlockStorage,
    Hybrid,
    CodeOnly,
    Interruptible,
    Steady,
    ScaleToZero,
    ZeroDowntimeRollback,
    GradualRollout,
    LogRouting,
    ServiceDiscovery,
    Mesh,
    QueueScaling,
    ImageCleanup,
    ImageScanning,
    PackForCost,
    SpreadForAvailability,
    PlacementStrategy,
    LowestCost,
    CrossVpc,
    MixedPlatforms,
    JobMinutes,
    Advice,
    // cost inputs
    Util,
    Tasks,
    Cpu,
    Mem,
    Storage,
    Rps,
    ReqMs,
    RespKb,
    LambdaMb,
    FreeTier,
    Hours,
    Region,
    Arch,
    Pricing,
    Instance,
    Clusters,
    EksSupport,
    Autoscale,
    TargetCapacity,
    SpotOverhead,
    Alb,
    Nat,
    NatGb,
    Ipv4,
    Egress,
    Deploys,
    BakeMin,
    Azs,
    // Appended after the other cost inputs (issue 16).
    Scale,
    RpsPerTask,
    // view
    Mode,
    Q,
    Embed,
    Panels,
    Lock,
    Pack,
    Rates,
);

/// Decimals `rps` keeps: enough that a monthly request count (up to 744 hours) survives the trip
/// through req/s and back to the whole request, so AWS's examples, stated per month, fit a link.
pub const RPS_DECIMALS: u32 = 8;

/// Number of keys.
pub const KEY_COUNT: usize = Key::ALL.len();

impl Key {
    /// The table entry of this key.
    pub fn param(self) -> &'static Param {
        &PARAMS[self as usize]
    }

    /// The URL key.
    pub fn name(self) -> &'static str {
        self.param().name
    }

    /// Looks a key up by its URL name.
    pub fn from_name(name: &str) -> Option<Key> {
        PARAMS.iter().find(|p| p.name == name).map(|p| p.key)
    }

    /// Position of the key in [`PARAMS`], also its bit in a [`Kind::KeySet`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// One input of the playground.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Param {
    /// The key, equal to this entry's position in [`PARAMS`].
    pub key: Key,
    /// URL key and `data-key` attribute.
    pub name: &'static str,
    /// Short label for the control.
    pub label: &'static str,
    /// One line of help, in plain words.
    pub help: &'static str,
    /// Where the control is drawn.
    pub group: Group,
    /// Kind, range and default.
    pub kind: Kind,
}

const fn flag(key: Key, name: &'static str, group: Group, label: &'static str, help: &'static str) -> Param {
    Param { key, name, label, help, group, kind: Kind::Flag { default: false } }
}

const fn choice(
    key: Key,
    name: &'static str,
    group: Group,
    label: &'static str,
    help: &'static str,
    options: &'static [Opt],
    default: usize,
) -> Param {
    Param { key, name, label, help, group, kind: Kind::Choice { options, default } }
}

#[allow(clippy::too_many_arguments)]
const fn number(
    key: Key,
    name: &'static str,
    group: Group,
    label: &'static str,
    help: &'static str,
    (min, max, default): (f64, f64, f64),
    decimals: u32,
    unit: &'static str,
    slider: Option<Slider>,
) -> Param {
    Param { key, name, label, help, group, kind: Kind::Number { min, max, default, decimals, unit, slider } }
}

const fn slider(min: f64, max: f64, step: f64) -> Option<Slider> {
    Some(Slider { min, max, step })
}

/// `workload` options.
pub const WORKLOAD_OPTS: &[Opt] = &[
    Opt::new("service", "Long-running service or API"),
    Opt::new("batch", "Finite batch jobs"),
    Opt::new("queue", "Queue or stream workers"),
    Opt::new("function", "Short event-driven functions"),
];

/// `ops` options.
pub const OPS_OPTS: &[Opt] = &[
    Opt::new("minimal", "As little as possible"),
    Opt::new("balanced", "Some, where it pays off"),
    Opt::new("full", "Full control of the hosts"),
];

/// `advice` options.
pub const ADVICE_OPTS: &[Opt] = &[
    Opt::new("exam", "The exam answer key"),
    Opt::new("current", "Today's AWS advice"),
];

/// `arch` options.
pub const ARCH_OPTS: &[Opt] = &[Opt::new("x86", "x86 (Intel/AMD)"), Opt::new("arm", "Arm (Graviton)")];

/// `pricing` options.
pub const PRICING_OPTS: &[Opt] = &[
    Opt::new("on-demand", "On-demand"),
    Opt::new("savings-1y", "Savings Plan, 1 year"),
    Opt::new("savings-3y", "Savings Plan, 3 years"),
    Opt::new("spot", "Spot"),
];

/// `eks_support` options.
pub const EKS_SUPPORT_OPTS: &[Opt] =
    &[Opt::new("standard", "Standard support"), Opt::new("extended", "Extended support")];

/// `scale` options: whether the peak task count is an input or follows traffic.
pub const SCALE_OPTS: &[Opt] = &[
    Opt::new("fixed", "Fixed: the peak task count is an input"),
    Opt::new("traffic", "Follows traffic: the peak comes from the request rate"),
];

/// `mode` options.
pub const MODE_OPTS: &[Opt] = &[Opt::new("explore", "Explore"), Opt::new("study", "Study"), Opt::new("check", "Check a pack")];

/// `panels` options: the panels an embed can show.
pub const PANEL_OPTS: &[Opt] = &[
    Opt::new("inputs", "Inputs"),
    Opt::new("cards", "Recommendation and option cards"),
    Opt::new("costs", "Cost inputs and breakdown"),
    Opt::new("chart-util", "Cost against utilization"),
    Opt::new("chart-tasks", "Cost against task count"),
    Opt::new("chart-rps", "Cost against traffic"),
    Opt::new("commitments", "Commitments and Spot"),
    Opt::new("catalog", "Pricing catalog"),
    // Appended, so the bits of the earlier panels keep their places.
    Opt::new("rec", "The recommendation alone"),
];

use Group as G;
use Key as K;

/// The table of every input. Entry `i` has `key as usize == i`.
pub static PARAMS: &[Param] = &[
    choice(K::Workload, "workload", G::Workload, "Workload", "What the containers do: serve requests, run finite jobs, drain a queue, or react to events.", WORKLOAD_OPTS, 0),
    choice(K::Ops, "ops", G::Workload, "Operations appetite", "How much infrastructure the team is willing to run and patch itself.", OPS_OPTS, 1),
    flag(K::K8s, "k8s", G::Needs, "Needs Kubernetes", "The Kubernetes API, Helm charts, operators or CRDs, an existing Kubernetes investment, or portability to other clouds."),
    flag(K::Gpu, "gpu", G::Needs, "Needs GPUs", "Containers need GPU accelerators (ML training or inference, rendering)."),
    flag(K::Privileged, "privileged", G::Needs, "Privileged or host access", "Privileged containers, host volumes, custom kernel modules or a custom AMI."),
    flag(K::Daemonset, "daemonset", G::Needs, "Per-host agents (DaemonSet)", "An agent must run once on every host (monitoring, security, log collection)."),
    flag(K::Windows, "windows", G::Needs, "Windows containers", "The containers are Windows Server images."),
    flag(K::BlockStorage, "block_storage", G::Needs, "EBS block storage", "Stateful data kept on Amazon EBS block volumes."),
    flag(K::Hybrid, "hybrid", G::Needs, "On-premises servers", "Must run on servers you already own, managed through AWS APIs."),
    flag(K::CodeOnly, "code_only", G::Needs, "Code or image only", "Deploy an image or source code with no infrastructure configuration at all."),
    flag(K::Interruptible, "interruptible", G::Capacity, "Tolerates interruption", "Work can be stopped with two minutes' warning and retried."),
    flag(K::Steady, "steady", G::Capacity, "Steady 24/7 load", "Runs around the clock at sustained high utilization."),
    flag(K::ScaleToZero, "scale_to_zero", G::Capacity, "Scale to zero", "Pay nothing for compute while there is no traffic."),
    flag(K::ZeroDowntimeRollback, "zero_downtime_rollback", G::Delivery, "Zero-downtime, instant rollback", "Releases must not drop traffic and must roll back at once."),
    flag(K::GradualRollout, "gradual_rollout", G::Delivery, "Gradual rollout", "Shift a small share of traffic first and validate before the rest."),
    flag(K::LogRouting, "log_routing", G::Operations, "Route logs", "Send container logs to several destinations (S3, OpenSearch, a third party)."),
    flag(K::ServiceDiscovery, "service_discovery", G::Operations, "Service discovery", "Services find each other by name instead of by IP address."),
    flag(K::Mesh, "mesh", G::Operations, "Service mesh features", "Fine-grained service-to-service traffic control, mTLS, retries."),
    flag(K::QueueScaling, "queue_scaling", G::Operations, "Scale on queue depth", "Scale workers on the backlog of a queue rather than on CPU."),
    flag(K::ImageCleanup, "image_cleanup", G::Operations, "Expire old images", "Old and untagged images pile up in the registry."),
    flag(K::ImageScanning, "image_scanning", G::Operations, "Scan images", "Check images for known vulnerabilities automatically."),
    flag(K::PackForCost, "pack_for_cost", G::Operations, "Pack tasks for cost", "Fill each host before starting the next one."),
    flag(K::SpreadForAvailability, "spread_for_availability", G::Operations, "Spread for availability", "Spread tasks evenly across Availability Zones and hosts."),
    flag(K::PlacementStrategy, "placement_strategy", G::Operations, "Choose task placement", "Tasks must be placed on instances by a strategy you pick (binpack, spread over instances, random)."),
    flag(K::LowestCost, "lowest_cost", G::Capacity, "Lowest price first", "The cheapest compute wins, even if that means running hosts (Spot for interruptible work, commitments for steady load)."),
    flag(K::CrossVpc, "cross_vpc", G::Operations, "Across VPCs or accounts", "Services in several VPCs or AWS accounts must call each other."),
    flag(K::MixedPlatforms, "mixed_platforms", G::Operations, "ECS, EKS and Lambda together", "Calls cross between ECS services, EKS pods and Lambda functions."),
    number(K::JobMinutes, "job_minutes", G::Workload, "Job or invocation length", "Typical duration of one job or invocation.", (0.0, 10080.0, 1.0), 2, "min", slider(0.0, 120.0, 1.0)),
    choice(K::Advice, "advice", G::Workload, "Answer for", "The answer an exam key expects, or what AWS advises today.", ADVICE_OPTS, 1),
    number(K::Util, "util", G::Usage, "Utilization", "Share of the billing period the peak task count is actually needed (average running tasks = util × tasks).", (0.0, 100.0, 50.0), 2, "%", slider(0.0, 100.0, 0.5)),
    number(K::Tasks, "tasks", G::Usage, "Peak tasks", "Peak number of tasks (or pods, or instances) running at once.", (1.0, 1000.0, 4.0), 0, "tasks", slider(1.0, 200.0, 1.0)),
    number(K::Cpu, "cpu", G::Usage, "vCPU per task", "vCPU each task requests.", (0.25, 16.0, 1.0), 2, "vCPU", slider(0.25, 16.0, 0.25)),
    number(K::Mem, "mem", G::Usage, "Memory per task", "Memory each task requests.", (0.5, 120.0, 2.0), 2, "GiB", slider(0.5, 120.0, 0.5)),
    number(K::Storage, "storage", G::Usage, "Ephemeral storage per task", "Ephemeral storage each task needs (Fargate includes 20 GiB).", (20.0, 200.0, 20.0), 0, "GiB", slider(20.0, 200.0, 1.0)),
    number(K::Rps, "rps", G::Traffic, "Requests per second", "Average request rate over the month.", (0.0, 100_000.0, 10.0), RPS_DECIMALS, "req/s", slider(0.0, 1000.0, 1.0)),
    number(K::ReqMs, "req_ms", G::Traffic, "Request duration", "Average time to serve one request (billed duration on Lambda).", (1.0, 900_000.0, 100.0), 0, "ms", slider(1.0, 5000.0, 1.0)),
    number(K::RespKb, "resp_kb", G::Traffic, "Response size", "Average response size sent back to clients.", (0.0, 10_240.0, 20.0), 2, "KB", slider(0.0, 1024.0, 1.0)),
    number(K::LambdaMb, "lambda_mb", G::Traffic, "Lambda memory", "Memory configured for the Lambda function (CPU scales with it).", (128.0, 10_240.0, 512.0), 0, "MB", slider(128.0, 10_240.0, 64.0)),
    flag(K::FreeTier, "free_tier", G::Traffic, "Lambda free tier", "Apply Lambda's monthly free requests and GB-seconds."),
    number(K::Hours, "hours", G::Pricing, "Hours per month", "Billing hours in the month (AWS examples use 730).", (1.0, 744.0, 730.0), 2, "h", slider(1.0, 744.0, 1.0)),
    choice(K::Region, "region", G::Pricing, "Region", "AWS Region whose rates are used.", REGION_OPTS, 0),
    choice(K::Arch, "arch", G::Pricing, "CPU architecture", "x86 or Arm (Graviton) for Fargate, Lambda and the EC2 instance suggestion.", ARCH_OPTS, 0),
    choice(K::Pricing, "pricing", G::Pricing, "Pricing model", "How the compute is bought.", PRICING_OPTS, 0),
    choice(K::Instance, "instance", G::Pricing, "EC2 instance type", "Instance type for the EC2-backed options.", INSTANCE_OPTS, DEFAULT_INSTANCE),
    number(K::Clusters, "clusters", G::Pricing, "EKS clusters", "Number of EKS clusters (each pays the control-plane fee).", (1.0, 100.0, 1.0), 0, "clusters", slider(1.0, 20.0, 1.0)),
    choice(K::EksSupport, "eks_support", G::Pricing, "EKS version support", "Standard support, or extended support for an older Kubernetes version.", EKS_SUPPORT_OPTS, 0),
    flag(K::Autoscale, "autoscale", G::Pricing, "EC2 capacity follows demand", "A capacity provider scales instances with the tasks, instead of a fleet sized for the peak."),
    number(K::TargetCapacity, "target_capacity", G::Pricing, "Target capacity", "How full the capacity provider keeps the instances when it scales.", (1.0, 100.0, 100.0), 0, "%", slider(1.0, 100.0, 1.0)),
    number(K::SpotOverhead, "spot_overhead", G::Pricing, "Spot interruption overhead", "Extra compute redone or idle because of interruptions.", (0.0, 100.0, 10.0), 1, "%", slider(0.0, 50.0, 1.0)),
    flag(K::Alb, "alb", G::LineItems, "Application Load Balancer", "An ALB in front of the service: hourly fee plus LCUs."),
    flag(K::Nat, "nat", G::LineItems, "NAT gateways", "One NAT gateway per Availability Zone for outbound traffic from private subnets."),
    number(K::NatGb, "nat_gb", G::LineItems, "Data through NAT", "Gigabytes a month sent through the NAT gateways (image pulls, outbound API calls).", (0.0, 1_000_000.0, 50.0), 2, "GB/month", slider(0.0, 2000.0, 10.0)),
    flag(K::Ipv4, "ipv4", G::LineItems, "Public IPv4 addresses", "A public IPv4 address on every task or instance."),
    flag(K::Egress, "egress", G::LineItems, "Data transfer out", "Responses sent to the internet, beyond the free 100 GB a month."),
    number(K::Deploys, "deploys", G::LineItems, "Deployments per month", "Releases a month; blue/green, canary and linear run both revisions while they bake.", (0.0, 1000.0, 0.0), 0, "per month", slider(0.0, 100.0, 1.0)),
    number(K::BakeMin, "bake_min", G::LineItems, "Bake time", "How long both revisions run side by side during one deployment.", (0.0, 1440.0, 15.0), 0, "min", slider(0.0, 240.0, 5.0)),
    number(K::Azs, "azs", G::LineItems, "Availability Zones", "Zones the service spans: at least one instance and one NAT gateway in each.", (2.0, 6.0, 2.0), 0, "AZs", slider(2.0, 6.0, 1.0)),
    choice(K::Scale, "scale", G::Traffic, "Capacity", "Fixed: the peak task count is what you set. Traffic: the peak is the fewest tasks whose average (util × peak) serves the request rate at rps_per_task each.", SCALE_OPTS, 0),
    number(K::RpsPerTask, "rps_per_task", G::Traffic, "Requests per second per task", "What one task (or pod) serves at its target load, used when capacity follows traffic.", (0.1, 10_000.0, 25.0), 2, "req/s", slider(1.0, 500.0, 1.0)),
    choice(K::Mode, "mode", G::View, "Mode", "Explore the playground, study exam-style scenarios, or check a scenario pack against the engine.", MODE_OPTS, 0),
    Param { key: K::Q, name: "q", label: "Scenario", help: "One study scenario, by id.", group: G::View, kind: Kind::Token { max_len: 48, path: false } },
    flag(K::Embed, "embed", G::View, "Embedded", "Compact view without page chrome, for course material."),
    Param { key: K::Panels, name: "panels", label: "Panels", help: "Which panels an embedded view shows (all when empty).", group: G::View, kind: Kind::Set { options: PANEL_OPTS } },
    Param { key: K::Lock, name: "lock", label: "Locked inputs", help: "Inputs a lesson fixes so the learner cannot change them.", group: G::View, kind: Kind::KeySet },
    Param { key: K::Pack, name: "pack", label: "Scenario pack", help: "A course author's scenario pack (JSON) on this site, studied instead of the built-in scenarios (`mode=study`) or checked against the engine (`mode=check`).", group: G::View, kind: Kind::Token { max_len: 512, path: true } },
    Param { key: K::Rates, name: "rates", label: "Price overrides", help: "Rate overrides a link carries (Copy link with overrides): they apply while the link is open and are not saved.", group: G::View, kind: Kind::Rates { max_len: 4000 } },
];

/// Typed views of the choice inputs. Each `ALL` lists the variants in option order.
macro_rules! choice_enum {
    ($(#[$meta:meta])* $name:ident, $opts:ident, [$($variant:ident),+ $(,)?]) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every variant, in option order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The URL id.
            pub fn id(self) -> &'static str {
                $opts[self as usize].id
            }

            /// The human label.
            pub fn label(self) -> &'static str {
                $opts[self as usize].label
            }

            /// The variant at option index `i` (clamped).
            pub fn from_index(i: usize) -> Self {
                Self::ALL[i.min(Self::ALL.len() - 1)]
            }

            /// Looks a variant up by URL id.
            pub fn from_id(id: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.id() == id)
            }
        }
    };
}

choice_enum!(
    /// What the workload does.
    Workload, WORKLOAD_OPTS, [Service, Batch, Queue, Function]
);
choice_enum!(
    /// How much infrastructure the team wants to operate.
    Ops, OPS_OPTS, [Minimal, Balanced, Full]
);
choice_enum!(
    /// Exam answer key or today's advice.
    Advice, ADVICE_OPTS, [Exam, Current]
);
choice_enum!(
    /// CPU architecture.
    Arch, ARCH_OPTS, [X86, Arm]
);
choice_enum!(
    /// How compute is bought.
    Pricing, PRICING_OPTS, [OnDemand, Savings1y, Savings3y, Spot]
);
choice_enum!(
    /// EKS version support tier.
    EksSupport, EKS_SUPPORT_OPTS, [Standard, Extended]
);
choice_enum!(
    /// Whether the peak task count is an input or follows traffic.
    Scale, SCALE_OPTS, [Fixed, Traffic]
);
choice_enum!(
    /// Explore or study.
    Mode, MODE_OPTS, [Explore, Study, Check]
);

/// The URL keys as a Markdown table (key, accepted values, default, meaning), for the README.
/// Generated from [`PARAMS`], so the documentation cannot drift from the parser.
pub fn markdown_table() -> String {
    fn num(v: f64) -> String {
        format!("{v}")
    }
    let mut out = String::from("| Key | Values | Default | Meaning |\n|---|---|---|---|\n");
    for p in PARAMS {
        let (values, default) = match p.kind {
            Kind::Flag { default } => ("`1`/`0`/`true`/`false`".to_string(), if default { "`1`" } else { "`0`" }.to_string()),
            Kind::Choice { options, default } => (
                options.iter().map(|o| format!("`{}`", o.id)).collect::<Vec<_>>().join(" \\| "),
                format!("`{}`", options[default].id),
            ),
            Kind::Number { min, max, default, decimals, unit, .. } => {
                let unit = if unit.is_empty() { String::new() } else { format!(" {unit}") };
                let step = if decimals == 0 { "whole numbers".to_string() } else { format!("{decimals} decimal(s)") };
                (format!("{}–{}{unit}, {step}", num(min), num(max)), format!("`{}`", num(default)))
            }
            Kind::Set { options } => (
                format!("comma-separated: {}", options.iter().map(|o| format!("`{}`", o.id)).collect::<Vec<_>>().join(", ")),
                "all".to_string(),
            ),
            Kind::KeySet => ("comma-separated input keys".to_string(), "none".to_string()),
            Kind::Token { max_len, path: false } => (format!("an id, `a-z0-9-`, at most {max_len} characters"), "none".to_string()),
            Kind::Token { max_len, path: true } => (format!("a path on this site, at most {max_len} characters"), "none".to_string()),
            Kind::Rates { max_len } => (format!("comma-separated `rate-id@region:value` (region `all` for every Region), at most {max_len} characters"), "none".to_string()),
        };
        out.push_str(&format!("| `{}` | {} | {} | {} |\n", p.name, values, default, p.help.replace('|', "\\|")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_order_matches_keys() {
        assert_eq!(PARAMS.len(), KEY_COUNT);
        for (i, p) in PARAMS.iter().enumerate() {
            assert_eq!(p.key as usize, i, "{} is out of place", p.name);
        }
    }

    #[test]
    fn names_are_unique_and_url_safe() {
        for (i, a) in PARAMS.iter().enumerate() {
            assert!(a.name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'));
            for b in &PARAMS[i + 1..] {
                assert_ne!(a.name, b.name);
            }
            assert_eq!(Key::from_name(a.name), Some(a.key));
        }
        const { assert!(KEY_COUNT <= 128, "KeySet bits must fit in a u128") };
    }

    #[test]
    fn defaults_are_in_range_and_options_unique() {
        for p in PARAMS {
            match p.kind {
                Kind::Number { min, max, default, slider, .. } => {
                    assert!(min <= default && default <= max, "{}", p.name);
                    if let Some(s) = slider {
                        assert!(s.min >= min && s.max <= max && s.step > 0.0, "{}", p.name);
                    }
                }
                Kind::Choice { options, default } => {
                    assert!(default < options.len(), "{}", p.name);
                    for (i, a) in options.iter().enumerate() {
                        assert!(!a.id.contains(','));
                        assert!(options[i + 1..].iter().all(|b| b.id != a.id), "{}", p.name);
                    }
                }
                Kind::Set { options } => assert!(options.len() <= 128),
                Kind::Flag { .. } | Kind::KeySet | Kind::Token { .. } | Kind::Rates { .. } => {}
            }
        }
    }

    #[test]
    fn choice_enums_match_their_options() {
        assert_eq!(Workload::ALL.len(), WORKLOAD_OPTS.len());
        assert_eq!(Ops::ALL.len(), OPS_OPTS.len());
        assert_eq!(Advice::ALL.len(), ADVICE_OPTS.len());
        assert_eq!(Arch::ALL.len(), ARCH_OPTS.len());
        assert_eq!(Pricing::ALL.len(), PRICING_OPTS.len());
        assert_eq!(EksSupport::ALL.len(), EKS_SUPPORT_OPTS.len());
        assert_eq!(Mode::ALL.len(), MODE_OPTS.len());
        assert_eq!(Scale::ALL.len(), SCALE_OPTS.len());
        assert_eq!(Workload::from_id("queue"), Some(Workload::Queue));
        assert_eq!(Pricing::Savings3y.id(), "savings-3y");
    }
}
