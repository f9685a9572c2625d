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
}

/// Every dated change, oldest first.
pub static DATED: &[DatedFact] = &[
    DatedFact {
        id: "ecs-service-connect",
        date: "2022-11-27",
        title: "ECS Service Connect",
        text: "ECS gained Service Connect: name-based discovery plus retries, timeouts and traffic metrics between ECS services, built on Cloud Map namespaces, with no mesh to run.",
        source: SourceId::ServiceConnect,
    },
    DatedFact {
        id: "ecs-vpc-lattice",
        date: "2024-11-18",
        title: "VPC Lattice for ECS",
        text: "ECS services can register with Amazon VPC Lattice directly, for service-to-service traffic across VPCs and accounts with auth policies.",
        source: SourceId::VpcLatticeEcs,
    },
    DatedFact {
        id: "ecs-native-blue-green",
        date: "2025-07-17",
        title: "Native blue/green in ECS",
        text: "The ECS deployment controller itself can run blue/green deployments, with a bake time, lifecycle hooks and instant rollback; CodeDeploy is no longer required.",
        source: SourceId::EcsBlueGreen,
    },
    DatedFact {
        id: "ecs-managed-instances",
        date: "2025-09-30",
        title: "ECS Managed Instances",
        text: "ECS can run tasks on EC2 instances that AWS provisions, scales and patches, GPU instances included, for a management fee on top of the instance price.",
        source: SourceId::EcsManagedInstances,
    },
    DatedFact {
        id: "ecs-native-canary-linear",
        date: "2025-10-30",
        title: "Native canary and linear in ECS",
        text: "The ECS deployment controller shifts traffic in canary or linear steps by itself, with alarms and automatic rollback.",
        source: SourceId::EcsCanaryLinear,
    },
    DatedFact {
        id: "ecs-express-mode",
        date: "2025-11-21",
        title: "ECS Express Mode",
        text: "One call turns a container image into a running HTTPS service on Fargate, with load balancer, certificate, scaling and logs, all ordinary resources in your account.",
        source: SourceId::EcsExpress,
    },
    DatedFact {
        id: "app-runner-closed",
        date: "2026-04-30",
        title: "App Runner closed to new customers",
        text: "App Runner stopped accepting new customers; existing customers keep their services. AWS recommends ECS Express Mode for new web apps.",
        source: SourceId::AppRunnerAvailability,
    },
    DatedFact {
        id: "app-mesh-end-of-support",
        date: "2026-09-30",
        title: "App Mesh end of support",
        text: "AWS App Mesh reached end of support. ECS Service Connect and Amazon VPC Lattice take over its traffic-control uses.",
        source: SourceId::AppMeshEos,
    },
];

/// A fact that is not a change but corrects a common exam belief.
pub static APP_RUNNER_NEVER_ZERO: DatedFact = DatedFact {
    id: "app-runner-min-provisioned",
    date: "2026-11-22",
    title: "App Runner never bills zero while running",
    text: "A running App Runner service keeps at least one provisioned instance and pays for its memory; only pausing the service stops compute charges.",
    source: SourceId::AppRunnerPricing,
};

/// Looks a dated fact up by id.
pub fn fact(id: &str) -> Option<&'static DatedFact> {
    DATED.iter().find(|d| d.id == id).or((APP_RUNNER_NEVER_ZERO.id == id).then_some(&APP_RUNNER_NEVER_ZERO))
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
