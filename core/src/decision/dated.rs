//! Dated AWS changes: what moved since the exam answer keys were written.
//!
//! The exam-prep material teaches answers that were right when it was written. AWS has changed
//! since (App Runner closed to new customers, App Mesh reached end of support, ECS gained native
//! blue/green, canary and linear deployments, Express Mode and Managed Instances arrived). Each change
//! is data with a date and a source, so cards can show the exam answer and today's advice side by side
//! and say exactly what changed and when.

use super::sources::SourceId;
use super::prose::dated as W;

/// One dated change.
#[derive(Debug)]
pub struct DatedFact {
    /// Stable id.
    pub id: &'static str,
    /// ISO date the change took effect.
    pub date: &'static str,
    /// Short title.
    pub title: &'static str,
    /// What changed, in the project's own words.
    pub text: &'static str,
    /// Where it is stated.
    pub source: SourceId,
    /// How sure the date is: `true` when an AWS page states it, `false` when it comes from reports of
    /// AWS's announcement.
    pub date_on_aws_page: bool,
}

/// Every dated change, oldest first.
pub static DATED: &[DatedFact] = &[
    DatedFact {
        id: W::ECS_SERVICE_CONNECT.id,
        date: "2022-11-27",
        title: W::ECS_SERVICE_CONNECT.title,
        text: W::ECS_SERVICE_CONNECT.text,
        date_on_aws_page: false,
        source: SourceId::ServiceConnect,
    },
    DatedFact {
        id: W::EKS_AUTO_MODE.id,
        date: "2024-12-01",
        title: W::EKS_AUTO_MODE.title,
        text: W::EKS_AUTO_MODE.text,
        date_on_aws_page: false,
        source: SourceId::EksAutoMode,
    },
    DatedFact {
        id: W::EKS_HYBRID_NODES.id,
        date: "2024-12-01",
        title: W::EKS_HYBRID_NODES.title,
        text: W::EKS_HYBRID_NODES.text,
        date_on_aws_page: false,
        source: SourceId::EksHybridNodes,
    },
    DatedFact {
        id: W::ECS_NATIVE_BLUE_GREEN.id,
        date: "2025-07-17",
        title: W::ECS_NATIVE_BLUE_GREEN.title,
        text: W::ECS_NATIVE_BLUE_GREEN.text,
        date_on_aws_page: false,
        source: SourceId::EcsBlueGreen,
    },
    DatedFact {
        id: W::ECS_MANAGED_INSTANCES.id,
        date: "2025-09-30",
        title: W::ECS_MANAGED_INSTANCES.title,
        text: W::ECS_MANAGED_INSTANCES.text,
        date_on_aws_page: false,
        source: SourceId::EcsManagedInstances,
    },
    DatedFact {
        id: W::ECS_NATIVE_CANARY_LINEAR.id,
        date: "2025-10-30",
        title: W::ECS_NATIVE_CANARY_LINEAR.title,
        text: W::ECS_NATIVE_CANARY_LINEAR.text,
        date_on_aws_page: false,
        source: SourceId::EcsCanaryLinear,
    },
    DatedFact {
        id: W::ECS_EXPRESS_MODE.id,
        date: "2025-11-21",
        title: W::ECS_EXPRESS_MODE.title,
        text: W::ECS_EXPRESS_MODE.text,
        date_on_aws_page: false,
        source: SourceId::EcsExpress,
    },
    DatedFact {
        id: W::APP_RUNNER_CLOSED.id,
        date: "2026-04-30",
        title: W::APP_RUNNER_CLOSED.title,
        text: W::APP_RUNNER_CLOSED.text,
        date_on_aws_page: true,
        source: SourceId::AppRunnerAvailability,
    },
    DatedFact {
        id: W::APP_MESH_END_OF_SUPPORT.id,
        date: "2026-09-30",
        title: W::APP_MESH_END_OF_SUPPORT.title,
        text: W::APP_MESH_END_OF_SUPPORT.text,
        date_on_aws_page: true,
        source: SourceId::AppMeshEos,
    },
];

/// A fact that is not a change but corrects a common exam belief.
pub static APP_RUNNER_NEVER_ZERO: DatedFact = DatedFact {
    id: W::APP_RUNNER_MIN_PROVISIONED.id,
    date: "2026-11-22",
    title: W::APP_RUNNER_MIN_PROVISIONED.title,
    text: W::APP_RUNNER_MIN_PROVISIONED.text,
    date_on_aws_page: true,
        source: SourceId::AppRunnerPricing,
};

/// Another standing fact the exam key predates: AWS Batch now recommends Fargate compute environments
/// for most jobs, so interruptible jobs land on Fargate Spot rather than EC2 Spot Instances.
pub static BATCH_FARGATE_FIRST: DatedFact = DatedFact {
    id: W::BATCH_FARGATE_FIRST.id,
    date: "2026-12-04",
    title: W::BATCH_FARGATE_FIRST.title,
    text: W::BATCH_FARGATE_FIRST.text,
    date_on_aws_page: true,
    source: SourceId::BatchFargate,
};

/// Looks a dated fact up by id.
pub fn fact(id: &str) -> Option<&'static DatedFact> {
    DATED
        .iter()
        .find(|d| d.id == id)
        .or((APP_RUNNER_NEVER_ZERO.id == id).then_some(&APP_RUNNER_NEVER_ZERO))
        .or((BATCH_FARGATE_FIRST.id == id).then_some(&BATCH_FARGATE_FIRST))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_iso_and_ordered() {
        for w in DATED.windows(2) {
            assert!(w[0].date <= w[1].date, "{} after {}", w[0].id, w[1].id);
        }
        for d in DATED {
            let b = d.date.as_bytes();
            assert!(d.date.len() == 10 && b[4] == b'-' && b[7] == b'-', "{}", d.id);
        }
        assert_eq!(fact("app-runner-closed").unwrap().date, "2026-04-30");
        assert_eq!(fact("app-mesh-end-of-support").unwrap().date, "2026-09-30");
    }
}
