//! Traps: the wrong answers that look right, and when each one bites.
//!
//! Exam questions are built around them ("least operational overhead" with a GPU, DaemonSet logging
//! on EKS on Fargate, Fargate at 24/7 high utilization…). Each trap is data: an id, a title, the
//! explanation in the project's own words, the cards it belongs on, when it applies, and a source.

use super::flow::wants_instances;
use super::plan::wide_network;
use super::sources::SourceId;
use super::Facts;
use crate::params::{Advice, Key, Ops, Workload};
use crate::platform::{Platform as P, Platform, PlatformSet};

/// A tempting wrong answer.
#[derive(Debug)]
pub struct Trap {
    /// Stable id.
    pub id: &'static str,
    /// Short title.
    pub title: &'static str,
    /// The explanation: what looks right, why it is wrong here, what to do instead.
    pub text: &'static str,
    /// Cards the trap belongs on. [`PlatformSet::ALL`] means the question as a whole (shown with the
    /// recommendation).
    pub cards: PlatformSet,
    /// When the trap applies.
    pub applies: fn(&Facts) -> bool,
    /// Where the underlying fact comes from.
    pub source: SourceId,
}

const FARGATE: PlatformSet = PlatformSet::of(&[P::EcsFargate, P::EksFargate]);
const EKS: PlatformSet = PlatformSet::of(&[P::EksEc2, P::EksFargate]);
const ECS_REGIONAL: PlatformSet = PlatformSet::of(&[P::EcsFargate, P::EcsEc2, P::EcsExpress]);

fn host_needs(f: &Facts) -> bool {
    f.has(Key::Gpu) || f.has(Key::Privileged) || f.has(Key::Daemonset) || wants_instances(f)
}

/// Every trap, most important first.
pub static TRAPS: &[Trap] = &[
    Trap {
        id: "least-ops-but-host-needs",
        title: "“Least operational overhead” does not mean Fargate here",
        text: "Minimal operations usually points to Fargate, but Fargate exposes no host: no GPUs, no privileged containers, no per-host agents, no instances to place or pack tasks on. The need wins, so the answer moves to EC2 capacity; ECS Managed Instances keep the patching and scaling on AWS's side.",
        cards: PlatformSet::ALL,
        applies: |f| f.ops == Ops::Minimal && host_needs(f),
        source: SourceId::FargateTaskDefs,
    },
    Trap {
        id: "eks-fargate-no-daemonsets",
        title: "No DaemonSets on EKS on Fargate",
        text: "There are no nodes to run a DaemonSet on. Logging on EKS on Fargate goes through Fargate's built-in Fluent Bit log router (or a sidecar), and node agents need EC2 nodes.",
        cards: EKS,
        applies: |f| f.has(Key::K8s) && (f.has(Key::Daemonset) || f.has(Key::LogRouting)),
        source: SourceId::EksFargateLogging,
    },
    Trap {
        id: "fargate-not-always-cheaper",
        title: "Fargate is not always cheaper",
        text: "Per-second billing wins for spiky or part-time load. Running 24/7 at high utilization, committed EC2 capacity (Savings Plans, Reserved Instances) on well-packed hosts usually costs less; the crossover chart shows where for your numbers.",
        cards: PlatformSet::ALL,
        applies: |f| f.has(Key::Steady),
        source: SourceId::SeedFlow,
    },
    Trap {
        id: "lambda-15-minutes",
        title: "Lambda stops at 15 minutes",
        text: "Every Lambda invocation is cut off at 15 minutes, so a job that takes longer needs Batch, ECS or EKS, however event-driven it is.",
        cards: PlatformSet::ALL,
        applies: Facts::over_lambda_limit,
        source: SourceId::LambdaLimits,
    },
    Trap {
        id: "rolling-is-not-blue-green",
        title: "A rolling update is not blue/green",
        text: "ECS replaces tasks gradually by default. That keeps the service up but cannot roll back instantly; zero-downtime with immediate rollback needs a blue/green deployment (native in ECS since 2025; CodeDeploy in the exam key).",
        cards: PlatformSet::ALL,
        applies: |f| f.has(Key::ZeroDowntimeRollback),
        source: SourceId::EcsBlueGreen,
    },
    Trap {
        id: "app-runner-never-zero",
        title: "App Runner does not scale to zero",
        text: "App Runner always keeps at least one provisioned instance and bills its memory while the service runs; only pausing the service brings compute to zero. For a true zero while idle, use Lambda.",
        cards: PlatformSet::ALL,
        applies: |f| f.has(Key::ScaleToZero),
        source: SourceId::AppRunnerPricing,
    },
    Trap {
        id: "hybrid-not-lift-to-ec2",
        title: "Moving to EC2 breaks the on-premises requirement",
        text: "If the work must stay on your own servers, migrating it to EC2 misses the point. The Anywhere options keep your hardware and still give one AWS control plane.",
        cards: PlatformSet::ALL,
        applies: |f| f.has(Key::Hybrid),
        source: SourceId::EcsAnywhere,
    },
    Trap {
        id: "ecs-and-eks-not-interchangeable",
        title: "ECS and EKS are not interchangeable",
        text: "EKS adds a per-cluster hourly fee and Kubernetes upgrades to run. Unless the Kubernetes API itself is needed, ECS is the simpler and cheaper answer for the same containers.",
        cards: PlatformSet(PlatformSet::ALL.0 & !EKS.0),
        applies: |f| !f.has(Key::K8s) && !f.has(Key::Hybrid),
        source: SourceId::EksPricing,
    },
    Trap {
        id: "eks-fee-without-k8s",
        title: "A control-plane fee for nothing",
        text: "Each EKS cluster bills by the hour whatever runs on it; without a Kubernetes need that fee buys nothing ECS doesn't give for free.",
        cards: EKS,
        applies: |f| !f.has(Key::K8s),
        source: SourceId::EksPricing,
    },
    Trap {
        id: "ecs-does-not-read-queues",
        title: "ECS doesn't watch your queue",
        text: "An ECS service does not scale on queue depth by itself. Give Application Auto Scaling a backlog-per-task target (metric math over the queue depth and the running task count) to track; KEDA does this on Kubernetes.",
        cards: PlatformSet::ALL,
        applies: |f| f.has(Key::QueueScaling) || f.workload == Workload::Queue,
        source: SourceId::SqsScaling,
    },
    Trap {
        id: "app-mesh-ended",
        title: "App Mesh is gone",
        text: "The exam key still names App Mesh for service-to-service traffic control, but its support ended on 30 September 2026. ECS Service Connect and Amazon VPC Lattice now cover those needs.",
        cards: PlatformSet::ALL,
        applies: |f| f.has(Key::Mesh),
        source: SourceId::AppMeshEos,
    },
    Trap {
        id: "spot-can-stop",
        title: "Spot can be taken back",
        text: "Spot and Fargate Spot capacity can be reclaimed with a two-minute warning. Make jobs retryable and checkpointed, and keep an on-demand base for services that must stay up.",
        cards: PlatformSet::ALL,
        applies: |f| f.has(Key::Interruptible),
        source: SourceId::FargateSpot,
    },
    Trap {
        id: "ecr-lifecycle-not-custom-code",
        title: "No custom clean-up code",
        text: "Old and untagged images are expired by an ECR lifecycle policy; a scheduled Lambda or an S3 rule is the wrong tool.",
        cards: PlatformSet::ALL,
        applies: |f| f.has(Key::ImageCleanup),
        source: SourceId::EcrLifecycle,
    },
    Trap {
        id: "fargate-no-host-placement",
        title: "Placement strategies need EC2 hosts",
        text: "binpack, spread and random choose among instances. Fargate has no instances to choose, so asking for a strategy, or for tasks packed onto few instances, means EC2 capacity.",
        cards: FARGATE.union(PlatformSet::of(&[P::EcsEc2, P::EcsExpress])),
        applies: wants_instances,
        source: SourceId::EcsPlacement,
    },
    Trap {
        id: "fargate-spreads-by-itself",
        title: "Fargate already spreads across zones",
        text: "Spreading for availability needs no strategy and no hosts on Fargate: ECS places a service's Fargate tasks across the Availability Zones of its subnets by itself. The spread strategy is for EC2 instances.",
        cards: PlatformSet::of(&[P::EcsFargate, P::EcsExpress]),
        applies: |f| f.has(Key::SpreadForAvailability) && !wants_instances(f),
        source: SourceId::EcsTaskPlacement,
    },
    Trap {
        id: "fargate-spot-linux-only",
        title: "Fargate Spot is Linux only",
        text: "Fargate Spot takes Linux tasks, x86 or Arm, and nothing else. Windows tasks on Fargate, and Windows Batch jobs, pay the on-demand rate; when the price matters most, run them on EC2 Windows instances bought as Spot.",
        cards: PlatformSet::ALL,
        applies: |f| f.has(Key::Interruptible) && f.has(Key::Windows),
        source: SourceId::FargateSpotArch,
    },
    Trap {
        id: "eks-fargate-no-spot",
        title: "No Spot on EKS on Fargate",
        text: "Fargate Spot is an ECS capacity provider; pods on EKS Fargate profiles always pay the on-demand rate. Interruptible pods are cheapest on EC2 Spot nodes (a Spot managed node group, Karpenter or Auto Mode).",
        cards: EKS,
        applies: |f| f.has(Key::Interruptible) && f.has(Key::K8s),
        source: SourceId::EksFargate,
    },
    Trap {
        id: "app-mesh-not-across-vpcs",
        title: "Not App Mesh across VPCs or platforms",
        text: "For calls between VPCs or accounts, or between ECS, EKS and Lambda, App Mesh is wrong in the exam key as well as today: it is retired (30 September 2026) and never spanned Lambda. VPC Lattice connects such services with auth policies and no sidecars.",
        cards: PlatformSet::ALL,
        applies: wide_network,
        source: SourceId::VpcLattice,
    },
    Trap {
        id: "service-connect-one-namespace",
        title: "Service Connect stays inside one namespace",
        text: "Service Connect links ECS services that share a Cloud Map namespace; EKS pods and Lambda functions cannot join it, and other VPCs need routing you build yourself. Calls that leave that circle go through VPC Lattice.",
        cards: ECS_REGIONAL,
        applies: wide_network,
        source: SourceId::ServiceConnect,
    },
    Trap {
        id: "code-only-is-not-fargate",
        title: "Fargate still needs infrastructure configuration",
        text: "A team that just wants to ship an image gets little from plain Fargate: task definitions, load balancer, certificates and scaling are still theirs. A fully managed front door (App Runner in the exam key, ECS Express Mode today) does that work.",
        cards: ECS_REGIONAL.union(PlatformSet::of(&[P::AppRunner])),
        applies: |f| f.has(Key::CodeOnly) && f.workload == Workload::Service,
        source: SourceId::EcsExpress,
    },
    Trap {
        id: "exam-vs-today",
        title: "The exam key is not today's advice",
        text: "Several exam answers describe AWS as it was: App Runner for code-only apps, CodeDeploy for ECS blue/green, App Mesh for a mesh. Switch “Answer for” to compare.",
        cards: PlatformSet::ALL,
        applies: |f| f.advice == Advice::Exam,
        source: SourceId::AppRunnerAvailability,
    },
];

/// The traps the recommendation avoids: those about the question as a whole, and those that belong
/// on the top pick's card.
pub fn for_recommendation(f: &Facts, top: Option<Platform>) -> Vec<&'static Trap> {
    TRAPS
        .iter()
        .filter(|t| (t.applies)(f) && (t.cards == PlatformSet::ALL || top.is_some_and(|p| t.cards.contains(p))))
        .collect()
}

/// The traps that belong on the card of platform `p` specifically.
pub fn for_card(f: &Facts, p: Platform) -> Vec<&'static Trap> {
    TRAPS.iter().filter(|t| (t.applies)(f) && t.cards != PlatformSet::ALL && t.cards.contains(p)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_unique() {
        for (i, a) in TRAPS.iter().enumerate() {
            assert!(TRAPS[i + 1..].iter().all(|b| b.id != a.id), "{}", a.id);
        }
    }

    #[test]
    fn gpu_with_least_ops_has_its_trap() {
        let f = Facts { ops: Ops::Minimal, ..Facts::default() }.with(Key::Gpu, true);
        let first = for_recommendation(&f, Some(P::EcsEc2))[0];
        assert_eq!(first.id, "least-ops-but-host-needs");
    }

    #[test]
    fn default_facts_still_have_a_trap_to_show() {
        assert!(!for_recommendation(&Facts::default(), Some(P::EcsFargate)).is_empty());
    }
}
