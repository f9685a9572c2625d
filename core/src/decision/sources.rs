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

macro_rules! sources {
    ($($id:ident => $title:literal, $url:literal, $seen:literal;)+) => {
        /// Every source.
        pub static SOURCES: &[Source] = &[$(Source { id: SourceId::$id, title: $title, url: $url, seen: $seen }),+];
    };
}

sources! {
    SeedFlow => "Exam-prep lessons on ECS, EKS, Fargate, App Runner and Batch (the decision flow and exam answer keys the playground teaches)", "", "2026-11-22";
    EcsGpu => "Amazon ECS task definitions for GPU workloads", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-gpu.html", "2026-11-22";
    FargateTaskDefs => "Amazon ECS task definition differences for Fargate", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html", "2026-11-22";
    EksFargate => "AWS Fargate considerations for Amazon EKS", "https://docs.aws.amazon.com/eks/latest/userguide/fargate.html", "2026-11-22";
    EksFargateLogging => "Fargate logging for Amazon EKS", "https://docs.aws.amazon.com/eks/latest/userguide/fargate-logging.html", "2026-11-22";
    FargateWindows => "Windows containers on Fargate for Amazon ECS", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-windows-fargate.html", "2026-11-22";
    EcsEbs => "Use Amazon EBS volumes with Amazon ECS", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ebs-volumes.html", "2026-11-22";
    LambdaLimits => "Lambda quotas", "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html", "2026-11-22";
    EcsExpress => "Amazon ECS Express Mode: what it creates", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/express-service-work.html", "2026-11-22";
    Batch => "What is AWS Batch?", "https://docs.aws.amazon.com/batch/latest/userguide/what-is-batch.html", "2026-11-22";
    AppRunnerAvailability => "AWS App Runner availability change", "https://docs.aws.amazon.com/apprunner/latest/dg/apprunner-availability-change.html", "2026-11-22";
    AppRunnerPricing => "App Runner AutoScalingConfiguration (MinSize provisioned instances)", "https://docs.aws.amazon.com/apprunner/latest/api/API_AutoScalingConfiguration.html", "2026-11-22";
    EcsAnywhere => "Amazon ECS Anywhere: external instances", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-anywhere.html", "2026-11-22";
    EksPricing => "Amazon EKS pricing", "https://aws.amazon.com/eks/pricing/", "2026-11-22";
    SqsScaling => "Target tracking with metric math: Amazon SQS backlog per task", "https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking-metric-math.html", "2026-11-22";
    AppMeshEos => "AWS App Mesh end of support", "https://docs.aws.amazon.com/app-mesh/latest/userguide/what-is-app-mesh.html", "2026-11-22";
    FargateSpot => "Amazon ECS clusters for Fargate (Fargate Spot)", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html", "2026-11-22";
    EcrLifecycle => "Amazon ECR lifecycle policies", "https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html", "2026-11-22";
    EcrScanning => "Scan images for software vulnerabilities in Amazon ECR", "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html", "2026-11-22";
    EcsPlacement => "Amazon ECS task placement strategies", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-strategies.html", "2026-11-22";
    EcsBlueGreen => "Amazon ECS blue/green deployments", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-blue-green.html", "2026-11-22";
    EcsCanaryLinear => "Amazon ECS linear and canary deployments", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-linear.html", "2026-11-22";
    EcsManagedInstances => "Amazon ECS Managed Instances", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ManagedInstances.html", "2026-11-22";
    ServiceConnect => "Amazon ECS Service Connect", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect.html", "2026-11-22";
    VpcLatticeEcs => "Amazon ECS services with Amazon VPC Lattice", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-vpc-lattice-create-service.html", "2026-11-22";
    EksAutoMode => "Amazon EKS Auto Mode", "https://docs.aws.amazon.com/eks/latest/userguide/automode.html", "2026-11-22";
    EksHybridNodes => "Amazon EKS Hybrid Nodes", "https://docs.aws.amazon.com/eks/latest/userguide/hybrid-nodes-overview.html", "2026-11-22";
    FireLens => "Amazon ECS custom log routing (FireLens)", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html", "2026-11-22";
    SavingsPlans => "What are Savings Plans?", "https://docs.aws.amazon.com/savingsplans/latest/userguide/what-is-savings-plans.html", "2026-11-22";
    EcsServiceOptions => "Amazon ECS service parameters (DAEMON strategy not on Fargate)", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_service-options.html", "2026-11-22";
    EcsExpressUpdates => "Amazon ECS Express Mode service updates (canary by default)", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/express-service-update-full.html", "2026-11-22";
    AppMeshMigration => "Migrating from AWS App Mesh to Amazon ECS Service Connect", "https://aws.amazon.com/blogs/containers/migrating-from-aws-app-mesh-to-amazon-ecs-service-connect", "2026-11-22";
    EcsTaskPlacement => "How Amazon ECS places tasks on container instances", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement.html", "2026-12-04";
    FargateSpotArch => "Amazon ECS CapacityProviderStrategyItem (Fargate Spot for Linux X86_64 and ARM64 tasks)", "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html", "2026-12-04";
    BatchFargate => "AWS Batch on AWS Fargate: when to use Fargate", "https://docs.aws.amazon.com/batch/latest/userguide/when-to-use-fargate.html", "2026-12-04";
    BatchRuntimePlatform => "AWS Batch RuntimePlatform (Windows jobs on Fargate; no Fargate Spot for them)", "https://docs.aws.amazon.com/batch/latest/APIReference/API_RuntimePlatform.html", "2026-12-04";
    VpcLattice => "What is Amazon VPC Lattice?", "https://docs.aws.amazon.com/vpc-lattice/latest/ug/what-is-vpc-lattice.html", "2026-12-04";
    EksVpcLattice => "Amazon EKS: cross-cluster connectivity with Amazon VPC Lattice", "https://docs.aws.amazon.com/eks/latest/userguide/integration-vpc-lattice.html", "2026-12-04";
    CloudMap => "What is AWS Cloud Map?", "https://docs.aws.amazon.com/cloud-map/latest/dg/what-is-cloud-map.html", "2026-12-04";
}

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
