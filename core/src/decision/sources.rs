//! Where the decision facts come from.
//!
//! Every rule, trap and dated change points at one of these sources: an AWS documentation page or
//! announcement, or the exam-preparation lessons the playground's decision flow is built from. The
//! `seen` date is when the project last checked the page.

/// A source id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceId {
    /// The exam-prep lessons' five-step decision flow and common mistakes.
    SeedFlow,
    /// Amazon ECS GPU workloads.
    EcsGpu,
    /// Task definition differences for Fargate.
    FargateTaskDefs,
    /// EKS on Fargate considerations.
    EksFargate,
    /// EKS on Fargate logging.
    EksFargateLogging,
    /// Windows containers on Fargate.
    FargateWindows,
    /// EBS volumes with ECS.
    EcsEbs,
    /// Lambda quotas.
    LambdaLimits,
    /// ECS Express Mode.
    EcsExpress,
    /// AWS Batch.
    Batch,
    /// App Runner availability change.
    AppRunnerAvailability,
    /// App Runner pricing (provisioned instances).
    AppRunnerPricing,
    /// ECS Anywhere.
    EcsAnywhere,
    /// EKS pricing.
    EksPricing,
    /// Scaling on SQS backlog.
    SqsScaling,
    /// App Mesh end of support.
    AppMeshEos,
    /// Fargate capacity providers (Fargate Spot).
    FargateSpot,
    /// ECR lifecycle policies.
    EcrLifecycle,
    /// ECR image scanning.
    EcrScanning,
    /// ECS task placement strategies.
    EcsPlacement,
    /// ECS native blue/green deployments.
    EcsBlueGreen,
    /// ECS native canary and linear deployments.
    EcsCanaryLinear,
    /// ECS Managed Instances.
    EcsManagedInstances,
    /// ECS Service Connect.
    ServiceConnect,
    /// Amazon VPC Lattice with ECS.
    VpcLatticeEcs,
    /// EKS Auto Mode.
    EksAutoMode,
    /// EKS Hybrid Nodes.
    EksHybridNodes,
    /// FireLens.
    FireLens,
    /// Savings Plans.
    SavingsPlans,
    /// ECS service options (daemon scheduling on Fargate).
    EcsServiceOptions,
    /// ECS Express Mode canary updates.
    EcsExpressUpdates,
    /// App Mesh to Service Connect migration.
    AppMeshMigration,
    /// How ECS places tasks (Fargate tasks spread across zones; strategies are for EC2 instances).
    EcsTaskPlacement,
    /// ECS capacity provider strategy (Fargate Spot for Linux x86 and Arm tasks).
    FargateSpotArch,
    /// AWS Batch: when to use Fargate.
    BatchFargate,
    /// AWS Batch runtime platform (Windows jobs on Fargate, no Fargate Spot for them).
    BatchRuntimePlatform,
    /// Amazon VPC Lattice.
    VpcLattice,
    /// Amazon EKS with VPC Lattice (cross-cluster connectivity).
    EksVpcLattice,
    /// AWS Cloud Map.
    CloudMap,
}

/// A source.
#[derive(Debug, Clone, Copy)]
pub struct Source {
    /// Id.
    pub id: SourceId,
    /// Title.
    pub title: &'static str,
    /// Address; empty for the exam-prep lessons, which are not public.
    pub url: &'static str,
    /// When the project last checked it.
    pub seen: &'static str,
}

// The table itself is data: `core/data/decision/prose.json`, turned into Rust by `core/build/prose.rs`.
include!(concat!(env!("OUT_DIR"), "/decision_sources.rs"));

/// The source with id `id`.
pub fn source(id: SourceId) -> &'static Source {
    SOURCES.iter().find(|s| s.id == id).unwrap_or(&SOURCES[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_source_is_https_and_dated() {
        for s in SOURCES {
            assert!(s.url.starts_with("https://") || (s.id == SourceId::SeedFlow && s.url.is_empty()), "{:?}", s.id);
            assert_eq!(s.seen.len(), 10);
            assert_eq!(source(s.id).url, s.url);
        }
    }
}
