//! Dated AWS changes: what moved since the exam answer keys were written.
//!
//! The exam-prep material teaches answers that were right when it was written. AWS has changed
//! since (App Runner closed to new customers, App Mesh reached end of support, ECS gained native
//! blue/green, canary and linear deployments, Express Mode and Managed Instances arrived). Each change
//! is data with a date and a source, so cards can show the exam answer and today's advice side by side
//! and say exactly what changed and when.

use super::sources::SourceId;

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
        id: "ecs-service-connect",
        date: "2022-11-27",
        title: "ECS Service Connect",
        text: "ECS gained Service Connect: name-based discovery plus retries, timeouts and traffic metrics between ECS services, built on Cloud Map namespaces, with no mesh to run.",
        date_on_aws_page: false,
        source: SourceId::ServiceConnect,
    },
    DatedFact {
        id: "eks-auto-mode",
        date: "2024-12-01",
        title: "EKS Auto Mode",
        text: "EKS can run the nodes for you: AWS picks, scales, patches and replaces the EC2 instances (GPUs included) for a management fee on top of EC2.",
        date_on_aws_page: false,
        source: SourceId::EksAutoMode,
    },
    DatedFact {
        id: "eks-hybrid-nodes",
        date: "2024-12-01",
        title: "EKS Hybrid Nodes",
        text: "Your own Linux servers can join an EKS cluster whose control plane AWS runs, billed per vCPU-hour, as long as they stay connected to the Region.",
        date_on_aws_page: false,
        source: SourceId::EksHybridNodes,
    },
    DatedFact {
        id: "ecs-native-blue-green",
        date: "2025-07-17",
        title: "Native blue/green in ECS",
        text: "The ECS deployment controller itself can run blue/green deployments, with a bake time, lifecycle hooks and instant rollback; CodeDeploy is no longer required.",
        date_on_aws_page: false,
        source: SourceId::EcsBlueGreen,
    },
    DatedFact {
        id: "ecs-managed-instances",
        date: "2025-09-30",
        title: "ECS Managed Instances",
        text: "ECS can run tasks on EC2 instances that AWS provisions, scales and patches, GPU instances included, for a management fee on top of the instance price.",
        date_on_aws_page: false,
        source: SourceId::EcsManagedInstances,
    },
    DatedFact {
        id: "ecs-native-canary-linear",
        date: "2025-10-30",
        title: "Native canary and linear in ECS",
        text: "The ECS deployment controller shifts traffic in canary or linear steps by itself, with alarms and automatic rollback.",
        date_on_aws_page: false,
        source: SourceId::EcsCanaryLinear,
    },
    DatedFact {
        id: "ecs-express-mode",
        date: "2025-11-21",
        title: "ECS Express Mode",
        text: "One call turns a container image into a running HTTPS service on Fargate, with load balancer, certificate, scaling and logs, all ordinary resources in your account.",
        date_on_aws_page: false,
        source: SourceId::EcsExpress,
    },
    DatedFact {
        id: "app-runner-closed",
        date: "2026-04-30",
        title: "App Runner closed to new customers",
        text: "App Runner stopped accepting new customers; existing customers keep their services. AWS recommends ECS Express Mode for new web apps.",
        date_on_aws_page: true,
        source: SourceId::AppRunnerAvailability,
    },
    DatedFact {
        id: "app-mesh-end-of-support",
        date: "2026-09-30",
        title: "App Mesh end of support",
        text: "AWS App Mesh reached end of support; its console and resources are no longer available. AWS points ECS users to Service Connect and EKS users to Amazon VPC Lattice.",
        date_on_aws_page: true,
        source: SourceId::AppMeshEos,
    },
];

/// A fact that is not a change but corrects a common exam belief.
pub static APP_RUNNER_NEVER_ZERO: DatedFact = DatedFact {
    id: "app-runner-min-provisioned",
    date: "2026-11-22",
    title: "App Runner never bills zero while running",
    text: "A running App Runner service keeps at least one provisioned instance and pays for its memory; only pausing the service stops compute charges.",
    date_on_aws_page: true,
        source: SourceId::AppRunnerPricing,
};

/// Another standing fact the exam key predates: AWS Batch now recommends Fargate compute environments
/// for most jobs, so interruptible jobs land on Fargate Spot rather than EC2 Spot Instances.
pub static BATCH_FARGATE_FIRST: DatedFact = DatedFact {
    id: "batch-fargate-first",
    date: "2026-12-04",
    title: "AWS Batch recommends Fargate for most jobs",
    text: "AWS Batch advises Fargate compute environments unless jobs need more than 16 vCPUs or 120 GiB, a GPU, a custom AMI or very high throughput; retryable jobs then use Fargate Spot, which takes Linux jobs on x86 or Arm.",
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
