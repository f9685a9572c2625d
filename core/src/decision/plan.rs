//! How to run a chosen platform: capacity, deployment pattern and operational extras.
//!
//! A [`Plan`] exists for every platform, not only the top pick, so each card can say how that
//! option would be run. The choices depend on the facts and on what the platform supports (Spot
//! only where there is Spot, placement strategies only on ECS with EC2 hosts, KEDA on Kubernetes
//! and Application Auto Scaling on ECS), and on whether the answer follows the exam key or today's
//! AWS advice (CodeDeploy or native ECS deployments, App Mesh or its successors).

use super::Facts;
use crate::params::{Advice, Key, Workload};
use crate::platform::Platform as P;
use crate::platform::Platform;

/// How compute is bought.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Capacity {
    /// Pay as you go.
    OnDemand,
    /// EC2 Spot Instances.
    Spot,
    /// Fargate Spot.
    FargateSpot,
    /// Savings Plans (or Reserved Instances for EC2).
    SavingsPlan,
}

impl Capacity {
    /// The `data-capacity` id.
    pub fn id(self) -> &'static str {
        match self {
            Capacity::OnDemand => "on-demand",
            Capacity::Spot => "spot",
            Capacity::FargateSpot => "fargate-spot",
            Capacity::SavingsPlan => "savings-plan",
        }
    }

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            Capacity::OnDemand => "On-demand",
            Capacity::Spot => "EC2 Spot",
            Capacity::FargateSpot => "Fargate Spot",
            Capacity::SavingsPlan => "Savings Plan",
        }
    }
}

/// Deployment pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Deploy {
    /// Replace tasks a few at a time (the ECS and Kubernetes default).
    Rolling,
    /// Stand up the new revision beside the old and switch traffic at once, with instant rollback.
    BlueGreen,
    /// Shift a small share of traffic first, then the rest.
    Canary,
    /// Shift traffic in equal steps.
    Linear,
    /// Replace everything at once.
    AllAtOnce,
}

impl Deploy {
    /// The `data-deploy` id.
    pub fn id(self) -> &'static str {
        match self {
            Deploy::Rolling => "rolling",
            Deploy::BlueGreen => "blue-green",
            Deploy::Canary => "canary",
            Deploy::Linear => "linear",
            Deploy::AllAtOnce => "all-at-once",
        }
    }

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            Deploy::Rolling => "Rolling update",
            Deploy::BlueGreen => "Blue/green",
            Deploy::Canary => "Canary",
            Deploy::Linear => "Linear",
            Deploy::AllAtOnce => "All at once",
        }
    }

    /// Whether the pattern runs both revisions side by side while it bakes (a cost overhead).
    pub fn runs_both_revisions(self) -> bool {
        matches!(self, Deploy::BlueGreen | Deploy::Canary | Deploy::Linear)
    }
}

/// What carries out the deployment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeployVia {
    /// The ECS deployment controller itself (rolling, and since 2025 blue/green, canary, linear).
    EcsNative,
    /// AWS CodeDeploy with two target groups behind a load balancer (the exam answer key).
    CodeDeploy,
    /// A Kubernetes Deployment (rolling) or a progressive-delivery controller such as Argo Rollouts.
    Kubernetes,
    /// A Lambda alias shifting traffic between versions, driven by CodeDeploy.
    LambdaAlias,
    /// The service deploys by itself; nothing to configure.
    Managed,
}

impl DeployVia {
    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            DeployVia::EcsNative => "the ECS deployment controller",
            DeployVia::CodeDeploy => "AWS CodeDeploy with two target groups",
            DeployVia::Kubernetes => "a Kubernetes rollout controller",
            DeployVia::LambdaAlias => "a Lambda alias shifted by CodeDeploy",
            DeployVia::Managed => "the service itself",
        }
    }
}

macro_rules! extras {
    ($($variant:ident = $id:literal : $label:literal),+ $(,)?) => {
        /// An operational extra.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Extra { $($variant),+ }

        impl Extra {
            /// Every extra, in the order `data-extras` lists them.
            pub const ALL: &'static [Extra] = &[$(Extra::$variant),+];

            /// The public id used in `data-extras`.
            pub fn id(self) -> &'static str {
                match self { $(Extra::$variant => $id),+ }
            }

            /// Human label.
            pub fn label(self) -> &'static str {
                match self { $(Extra::$variant => $label),+ }
            }
        }
    };
}

extras!(
    FirelensSidecar = "firelens-sidecar": "FireLens log router sidecar",
    FargateLogRouter = "fargate-log-router": "Fargate's built-in Fluent Bit log router",
    FluentBitDaemonset = "fluent-bit-daemonset": "Fluent Bit DaemonSet on the nodes",
    ServiceConnect = "service-connect": "ECS Service Connect",
    CloudMap = "cloud-map": "AWS Cloud Map",
    AppMesh = "app-mesh": "AWS App Mesh",
    VpcLattice = "vpc-lattice": "Amazon VPC Lattice",
    SqsAppAutoscaling = "sqs-app-autoscaling": "Application Auto Scaling on queue backlog",
    Keda = "keda": "KEDA",
    EcrLifecycle = "ecr-lifecycle": "ECR lifecycle policy",
    EcrScanning = "ecr-scanning": "ECR image scanning",
    Binpack = "binpack": "binpack placement",
    Spread = "spread": "spread placement",
);

/// A set of extras, as bits over [`Extra::ALL`] positions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ExtraSet(pub u32);

impl ExtraSet {
    /// Adds an extra.
    pub fn insert(&mut self, e: Extra) {
        self.0 |= 1 << e as u32;
    }

    /// Whether the set holds `e`.
    pub fn contains(self, e: Extra) -> bool {
        self.0 & (1 << e as u32) != 0
    }

    /// The extras, in [`Extra::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = Extra> {
        Extra::ALL.iter().copied().filter(move |e| self.contains(*e))
    }

    /// The space-separated ids, as in `data-extras`.
    pub fn ids(self) -> String {
        self.iter().map(Extra::id).collect::<Vec<_>>().join(" ")
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// Where AWS Batch runs its jobs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BatchCompute {
    /// Fargate (or Fargate Spot) compute environments.
    Fargate,
    /// EC2 (or EC2 Spot) compute environments.
    Ec2,
}

/// How to run one platform for these facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    /// The platform.
    pub platform: Platform,
    /// How to buy the compute; `None` where it does not apply (your own servers).
    pub capacity: Option<Capacity>,
    /// Deployment pattern; `None` where it does not apply (batch jobs).
    pub deploy: Option<Deploy>,
    /// What carries out the deployment.
    pub deploy_via: Option<DeployVia>,
    /// Operational extras.
    pub extras: ExtraSet,
    /// For AWS Batch: the compute underneath.
    pub batch_compute: Option<BatchCompute>,
}

/// Where AWS Batch runs these jobs. EC2 when the jobs need what Fargate lacks (GPUs, host access,
/// instances to pack); Windows jobs run only on Fargate. For long (over 15 minutes) interruptible jobs
/// the exam key expects an EC2 Spot compute environment, while AWS today recommends Fargate (and so
/// Fargate Spot) unless the jobs need EC2; short ones get Fargate Spot in both.
pub fn batch_compute(f: &Facts) -> BatchCompute {
    let needs_ec2 = f.has(Key::Gpu) || f.has(Key::Privileged) || f.has(Key::Daemonset) || f.has(Key::PackForCost);
    let exam_spot = f.has(Key::Interruptible) && f.advice == Advice::Exam && f.over_lambda_limit();
    if !f.has(Key::Windows) && (needs_ec2 || exam_spot) {
        BatchCompute::Ec2
    } else {
        BatchCompute::Fargate
    }
}

fn capacity(p: Platform, f: &Facts) -> Option<Capacity> {
    let fargate_like = match p {
        P::EcsFargate | P::EcsExpress => true,
        P::Batch => batch_compute(f) == BatchCompute::Fargate,
        _ => false,
    };
    match p {
        P::EcsAnywhere | P::EksAnywhere => None,
        _ if f.has(Key::Interruptible) => Some(match p {
            // Fargate Spot: ECS (and Batch) only, Linux only (x86 and Arm).
            _ if fargate_like && !f.has(Key::Windows) && p != P::EcsExpress => Capacity::FargateSpot,
            P::EcsEc2 | P::EksEc2 => Capacity::Spot,
            P::Batch if batch_compute(f) == BatchCompute::Ec2 => Capacity::Spot,
            _ => {
                if f.has(Key::Steady) && p != P::AppRunner {
                    Capacity::SavingsPlan
                } else {
                    Capacity::OnDemand
                }
            }
        }),
        // Compute Savings Plans cover EC2, Fargate and Lambda; App Runner is not covered.
        _ if f.has(Key::Steady) && p != P::AppRunner => Some(Capacity::SavingsPlan),
        _ => Some(Capacity::OnDemand),
    }
}

fn deploy(p: Platform, f: &Facts) -> (Option<Deploy>, Option<DeployVia>) {
    let zero = f.has(Key::ZeroDowntimeRollback);
    let gradual = f.has(Key::GradualRollout);
    let wanted = if gradual {
        Deploy::Canary
    } else if zero {
        Deploy::BlueGreen
    } else {
        Deploy::Rolling
    };
    let exam = f.advice == Advice::Exam;
    match p {
        P::Batch => (None, None),
        P::AppRunner => (Some(Deploy::Rolling), Some(DeployVia::Managed)),
        P::Lambda => {
            let d = if gradual {
                Deploy::Canary
            } else if zero {
                Deploy::BlueGreen
            } else {
                Deploy::AllAtOnce
            };
            (Some(d), Some(if d == Deploy::AllAtOnce { DeployVia::Managed } else { DeployVia::LambdaAlias }))
        }
        P::EcsAnywhere => (Some(Deploy::Rolling), Some(DeployVia::EcsNative)),
        P::EksEc2 | P::EksFargate | P::EksAnywhere => (Some(wanted), Some(DeployVia::Kubernetes)),
        // Express Mode sets up a canary deployment (a small share first, short bake times) by default.
        P::EcsExpress => {
            let d = if wanted == Deploy::Rolling { Deploy::Canary } else { wanted };
            (Some(d), Some(DeployVia::EcsNative))
        }
        P::EcsFargate | P::EcsEc2 => {
            if wanted == Deploy::Rolling {
                (Some(Deploy::Rolling), Some(DeployVia::EcsNative))
            } else {
                (Some(wanted), Some(if exam { DeployVia::CodeDeploy } else { DeployVia::EcsNative }))
            }
        }
    }
}

fn extras(p: Platform, f: &Facts) -> ExtraSet {
    let mut x = ExtraSet::default();
    let exam = f.advice == Advice::Exam;
    let ecs = p.is_ecs();
    let k8s = p.is_kubernetes();

    if f.has(Key::LogRouting) {
        match p {
            P::EcsFargate | P::EcsEc2 | P::EcsAnywhere | P::EcsExpress => x.insert(Extra::FirelensSidecar),
            P::EksFargate => x.insert(Extra::FargateLogRouter),
            P::EksEc2 | P::EksAnywhere => x.insert(Extra::FluentBitDaemonset),
            P::AppRunner | P::Lambda | P::Batch => {}
        }
    }
    // Across VPCs or accounts, or between ECS, EKS and Lambda: VPC Lattice in either advice (never App
    // Mesh, never a Service Connect namespace, which only ECS services join).
    let lattice = matches!(p, P::EcsFargate | P::EcsEc2 | P::EcsExpress | P::EksEc2 | P::EksFargate | P::Lambda);
    if wide_network(f) && lattice {
        x.insert(Extra::VpcLattice);
    } else if f.has(Key::ServiceDiscovery) {
        if ecs && p != P::EcsAnywhere {
            x.insert(if exam { Extra::CloudMap } else { Extra::ServiceConnect });
        } else if p == P::EcsAnywhere || p == P::Lambda {
            x.insert(Extra::CloudMap);
        }
    }
    if f.has(Key::Mesh) && !(wide_network(f) && lattice) {
        if exam && (ecs || k8s) && !wide_network(f) {
            x.insert(Extra::AppMesh);
        } else if ecs && p != P::EcsAnywhere {
            x.insert(Extra::ServiceConnect);
        } else if k8s || p == P::Lambda {
            x.insert(Extra::VpcLattice);
        }
    }
    if f.has(Key::QueueScaling) || f.workload == Workload::Queue {
        if k8s {
            x.insert(Extra::Keda);
        } else if ecs && p != P::EcsExpress {
            x.insert(Extra::SqsAppAutoscaling);
        }
    }
    if f.has(Key::ImageCleanup) {
        x.insert(Extra::EcrLifecycle);
    }
    if f.has(Key::ImageScanning) {
        x.insert(Extra::EcrScanning);
    }
    if p == P::EcsEc2 {
        if f.has(Key::PackForCost) {
            x.insert(Extra::Binpack);
        }
        if f.has(Key::SpreadForAvailability) {
            x.insert(Extra::Spread);
        }
    }
    x
}

/// Whether service-to-service calls cross VPCs or accounts, or cross between ECS, EKS and Lambda.
pub fn wide_network(f: &Facts) -> bool {
    f.has(Key::CrossVpc) || f.has(Key::MixedPlatforms)
}

/// The plan for platform `p` under facts `f`.
pub fn plan(p: Platform, f: &Facts) -> Plan {
    let (deploy, deploy_via) = deploy(p, f);
    Plan {
        platform: p,
        capacity: capacity(p, f),
        deploy,
        deploy_via,
        extras: extras(p, f),
        batch_compute: (p == P::Batch).then(|| batch_compute(f)),
    }
}
