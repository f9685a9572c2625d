//! Traps: the wrong answers that look right, and when each one bites.
//!
//! Exam questions are built around them ("least operational overhead" with a GPU, DaemonSet logging
//! on EKS on Fargate, Fargate at 24/7 high utilization…). Each trap is data: an id, a title, the
//! explanation in the project's own words, the cards it belongs on, when it applies, and a source.

use super::flow::wants_instances;
use super::plan::wide_network;
use super::prose::trap as W;
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
        id: W::LEAST_OPS_BUT_HOST_NEEDS.id,
        title: W::LEAST_OPS_BUT_HOST_NEEDS.title,
        text: W::LEAST_OPS_BUT_HOST_NEEDS.text,
        cards: PlatformSet::ALL,
        applies: |f| f.ops == Ops::Minimal && host_needs(f),
        source: SourceId::FargateTaskDefs,
    },
    Trap {
        id: W::EKS_FARGATE_NO_DAEMONSETS.id,
        title: W::EKS_FARGATE_NO_DAEMONSETS.title,
        text: W::EKS_FARGATE_NO_DAEMONSETS.text,
        cards: EKS,
        applies: |f| f.has(Key::K8s) && (f.has(Key::Daemonset) || f.has(Key::LogRouting)),
        source: SourceId::EksFargateLogging,
    },
    Trap {
        id: W::FARGATE_NOT_ALWAYS_CHEAPER.id,
        title: W::FARGATE_NOT_ALWAYS_CHEAPER.title,
        text: W::FARGATE_NOT_ALWAYS_CHEAPER.text,
        cards: PlatformSet::ALL,
        applies: |f| f.has(Key::Steady),
        source: SourceId::SeedFlow,
    },
    Trap {
        id: W::LAMBDA_15_MINUTES.id,
        title: W::LAMBDA_15_MINUTES.title,
        text: W::LAMBDA_15_MINUTES.text,
        cards: PlatformSet::ALL,
        applies: Facts::over_lambda_limit,
        source: SourceId::LambdaLimits,
    },
    Trap {
        id: W::ROLLING_IS_NOT_BLUE_GREEN.id,
        title: W::ROLLING_IS_NOT_BLUE_GREEN.title,
        text: W::ROLLING_IS_NOT_BLUE_GREEN.text,
        cards: PlatformSet::ALL,
        applies: |f| f.has(Key::ZeroDowntimeRollback),
        source: SourceId::EcsBlueGreen,
    },
    Trap {
        id: W::APP_RUNNER_NEVER_ZERO.id,
        title: W::APP_RUNNER_NEVER_ZERO.title,
        text: W::APP_RUNNER_NEVER_ZERO.text,
        cards: PlatformSet::ALL,
        applies: |f| f.has(Key::ScaleToZero),
        source: SourceId::AppRunnerPricing,
    },
    Trap {
        id: W::HYBRID_NOT_LIFT_TO_EC2.id,
        title: W::HYBRID_NOT_LIFT_TO_EC2.title,
        text: W::HYBRID_NOT_LIFT_TO_EC2.text,
        cards: PlatformSet::ALL,
        applies: |f| f.has(Key::Hybrid),
        source: SourceId::EcsAnywhere,
    },
    Trap {
        id: W::ECS_AND_EKS_NOT_INTERCHANGEABLE.id,
        title: W::ECS_AND_EKS_NOT_INTERCHANGEABLE.title,
        text: W::ECS_AND_EKS_NOT_INTERCHANGEABLE.text,
        cards: PlatformSet(PlatformSet::ALL.0 & !EKS.0),
        applies: |f| !f.has(Key::K8s) && !f.has(Key::Hybrid),
        source: SourceId::EksPricing,
    },
    Trap {
        id: W::EKS_FEE_WITHOUT_K8S.id,
        title: W::EKS_FEE_WITHOUT_K8S.title,
        text: W::EKS_FEE_WITHOUT_K8S.text,
        cards: EKS,
        applies: |f| !f.has(Key::K8s),
        source: SourceId::EksPricing,
    },
    Trap {
        id: W::ECS_DOES_NOT_READ_QUEUES.id,
        title: W::ECS_DOES_NOT_READ_QUEUES.title,
        text: W::ECS_DOES_NOT_READ_QUEUES.text,
        cards: PlatformSet::ALL,
        applies: |f| f.has(Key::QueueScaling) || f.workload == Workload::Queue,
        source: SourceId::SqsScaling,
    },
    Trap {
        id: W::APP_MESH_ENDED.id,
        title: W::APP_MESH_ENDED.title,
        text: W::APP_MESH_ENDED.text,
        cards: PlatformSet::ALL,
        applies: |f| f.has(Key::Mesh),
        source: SourceId::AppMeshEos,
    },
    Trap {
        id: W::SPOT_CAN_STOP.id,
        title: W::SPOT_CAN_STOP.title,
        text: W::SPOT_CAN_STOP.text,
        cards: PlatformSet::ALL,
        applies: |f| f.has(Key::Interruptible),
        source: SourceId::FargateSpot,
    },
    Trap {
        id: W::ECR_LIFECYCLE_NOT_CUSTOM_CODE.id,
        title: W::ECR_LIFECYCLE_NOT_CUSTOM_CODE.title,
        text: W::ECR_LIFECYCLE_NOT_CUSTOM_CODE.text,
        cards: PlatformSet::ALL,
        applies: |f| f.has(Key::ImageCleanup),
        source: SourceId::EcrLifecycle,
    },
    Trap {
        id: W::FARGATE_NO_HOST_PLACEMENT.id,
        title: W::FARGATE_NO_HOST_PLACEMENT.title,
        text: W::FARGATE_NO_HOST_PLACEMENT.text,
        cards: FARGATE.union(PlatformSet::of(&[P::EcsEc2, P::EcsExpress])),
        applies: wants_instances,
        source: SourceId::EcsPlacement,
    },
    Trap {
        id: W::FARGATE_SPREADS_BY_ITSELF.id,
        title: W::FARGATE_SPREADS_BY_ITSELF.title,
        text: W::FARGATE_SPREADS_BY_ITSELF.text,
        cards: PlatformSet::of(&[P::EcsFargate, P::EcsExpress]),
        applies: |f| f.has(Key::SpreadForAvailability) && !wants_instances(f),
        source: SourceId::EcsTaskPlacement,
    },
    Trap {
        id: W::FARGATE_SPOT_LINUX_ONLY.id,
        title: W::FARGATE_SPOT_LINUX_ONLY.title,
        text: W::FARGATE_SPOT_LINUX_ONLY.text,
        cards: PlatformSet::ALL,
        applies: |f| f.has(Key::Interruptible) && f.has(Key::Windows),
        source: SourceId::FargateSpotArch,
    },
    Trap {
        id: W::EKS_FARGATE_NO_SPOT.id,
        title: W::EKS_FARGATE_NO_SPOT.title,
        text: W::EKS_FARGATE_NO_SPOT.text,
        cards: EKS,
        applies: |f| f.has(Key::Interruptible) && f.has(Key::K8s),
        source: SourceId::EksFargate,
    },
    Trap {
        id: W::APP_MESH_NOT_ACROSS_VPCS.id,
        title: W::APP_MESH_NOT_ACROSS_VPCS.title,
        text: W::APP_MESH_NOT_ACROSS_VPCS.text,
        cards: PlatformSet::ALL,
        applies: wide_network,
        source: SourceId::VpcLattice,
    },
    Trap {
        id: W::SERVICE_CONNECT_ONE_NAMESPACE.id,
        title: W::SERVICE_CONNECT_ONE_NAMESPACE.title,
        text: W::SERVICE_CONNECT_ONE_NAMESPACE.text,
        cards: ECS_REGIONAL,
        applies: wide_network,
        source: SourceId::ServiceConnect,
    },
    Trap {
        id: W::CODE_ONLY_IS_NOT_FARGATE.id,
        title: W::CODE_ONLY_IS_NOT_FARGATE.title,
        text: W::CODE_ONLY_IS_NOT_FARGATE.text,
        cards: ECS_REGIONAL.union(PlatformSet::of(&[P::AppRunner])),
        applies: |f| f.has(Key::CodeOnly) && f.workload == Workload::Service,
        source: SourceId::EcsExpress,
    },
    Trap {
        id: W::EXAM_VS_TODAY.id,
        title: W::EXAM_VS_TODAY.title,
        text: W::EXAM_VS_TODAY.text,
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
