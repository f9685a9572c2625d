//! Where every figure in the catalog comes from, and how much to trust it.
//!
//! A rate is only as good as its source, so the catalog never stores a bare number: each value names a
//! [`Source`] from [`SOURCES`] and carries a [`Grade`]. The grade is about provenance, the as-of date on
//! the value is about age; the page shows both so a reader can judge a figure at a glance. Sources are a
//! flat table with short ids (like `FG-PAGE`) because the same page backs many rates.

/// How directly a figure is backed by AWS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Grade {
    /// AWS's own words or data: a pricing page, a documentation page, an API model, an AWS-owned
    /// repository, or a verbatim copy of one of these.
    P,
    /// A value from the AWS Price List, read through a third party's transcription.
    PL,
    /// Only seen in secondary (third-party) material: plausible, not authoritative.
    S,
    /// Not a fact: a modelling choice of this project, shown so the user can override it.
    Assumption,
}

impl Grade {
    /// Short code shown next to a value.
    pub fn code(self) -> &'static str {
        match self {
            Grade::P => "P",
            Grade::PL => "PL",
            Grade::S => "S",
            Grade::Assumption => "Assumption",
        }
    }

    /// One line explaining the grade.
    pub fn meaning(self) -> &'static str {
        match self {
            Grade::P => "Published by AWS (a page, document, API model or AWS repository, or an exact copy of one).",
            Grade::PL => "An AWS Price List value read through a third-party transcription.",
            Grade::S => "Seen only in third-party material; plausible but not confirmed by AWS.",
            Grade::Assumption => "A modelling assumption of this playground, not a published price. Override it with your own figure.",
        }
    }
}

/// One source of figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// Short id, referenced by catalog values.
    pub id: &'static str,
    /// What the source is, in a few words.
    pub title: &'static str,
    /// Where to read it.
    pub url: &'static str,
    /// When the project read it (`YYYY-MM-DD`, or `YYYY-MM` when only the month is known).
    pub seen: &'static str,
}

const fn src(id: &'static str, title: &'static str, url: &'static str, seen: &'static str) -> Source {
    Source { id, title, url, seen }
}

/// Every source the catalog cites.
pub static SOURCES: &[Source] = &[
    src("FG-PAGE", "AWS Fargate pricing page: per-second rates and worked examples (verbatim copy)", "https://aws.amazon.com/fargate/pricing/", "2026-09"),
    src("FG-SEC", "Research note on Fargate pricing regimes citing the AWS Price List (AmazonECS 2026-09-11, AWSComputeSavingsPlan 2026-09-25) and the Fargate Spot price feed (2026-09-28)", "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonECS/current/index.json", "2026-09-28"),
    src("ECS-API", "Amazon ECS API model (RegisterTaskDefinition cpu/memory combinations), botocore 1.43.11", "https://github.com/boto/botocore/tree/develop/botocore/data/ecs/2014-11-13", "2026-09"),
    src("ECS-AE", "Transcription of the Amazon ECS pricing page (ECS Anywhere fee)", "https://aws.amazon.com/ecs/pricing/", "2026-09-20"),
    src("ECS-MEM", "Amazon ECS developer guide: reserving container instance memory (m4.large registers 7985 MiB of 8 GiB)", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/memory-management.html", "2026-11-22"),
    src("ECS-ENI", "Amazon ECS developer guide: awsvpc tasks each take a network interface; the instance's primary interface counts against the limit", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-instance-eni.html", "2026-11-22"),
    src("EKS-Q", "Quotes of the Amazon EKS pricing page (control plane, standard and extended support)", "https://aws.amazon.com/eks/pricing/", "2026-09-29"),
    src("EKS-UG", "Amazon EKS user guide: Fargate pod configuration (+256 MB, round up to a Fargate size)", "https://github.com/awsdocs/amazon-eks-user-guide/blob/4d52b4d05e3478582e7d10a73cbd9ba9194dd5f7/latest/ug/nodes/fargate-pod-configuration.adoc", "2026-09"),
    src("EKS-AMI", "Amazon EKS AMI bootstrap script: kube-reserved memory 11 MiB per pod + 255 MiB, CPU share per core, 100 MiB eviction threshold", "https://github.com/awslabs/amazon-eks-ami/blob/main/templates/al2/runtime/bootstrap.sh", "2026-11-22"),
    src("VPC-CNI", "Amazon VPC CNI plugin: per-instance ENI limits (pkg/vpc/vpc_ip_resource_limit.go) and max pods (misc/eni-max-pods.txt), repository HEAD b5218838 of 2026-08-20", "https://github.com/aws/amazon-vpc-cni-k8s/blob/master/pkg/vpc/vpc_ip_resource_limit.go", "2026-11-22"),
    src("KARP-PRICE", "Karpenter's generated on-demand price table for us-east-1 (generated 2026-07-20 from the AWS pricing API)", "https://github.com/aws/karpenter-provider-aws/blob/main/pkg/providers/pricing/zz_generated.pricing_aws.go", "2026-11-22"),
    src("KARP-IT", "Karpenter instance-type reference (vCPU, memory, GPUs from EC2 DescribeInstanceTypes)", "https://github.com/aws/karpenter-provider-aws/blob/main/website/content/en/docs/reference/instance-types.md", "2026-07-11"),
    src("SPOT-ADV", "AWS Spot Instance Advisor data feed (average saving versus on-demand, interruption band), verbatim copy in alexei-led/spotinfo committed 2025-07-28", "https://spot-bid-advisor.s3.amazonaws.com/spot-advisor-data.json", "2025-07-28"),
    src("LAM-PAGE", "AWS Lambda pricing page and its worked examples (verbatim copy)", "https://aws.amazon.com/lambda/pricing/", "2026-09"),
    src("LAM-TIER", "Lambda offer-file transcription (duration tiers, us-east-1)", "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSLambda/current/us-east-1/index.json", "2026-09"),
    src("LAM-Q", "AWS Lambda developer guide: quotas (900 s maximum timeout)", "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html", "2026-09"),
    src("AR-PAGE", "AWS App Runner pricing page, localized AWS copies (FR/JP)", "https://aws.amazon.com/apprunner/pricing/", "2026-09"),
    src("AR-PL", "AWS Price List CSV for App Runner (labofsahil/aws-pricing-dataset, EffectiveDate 2024-01-01)", "https://huggingface.co/datasets/labofsahil/aws-pricing-dataset", "2026-09"),
    src("AR-API", "AWS App Runner API model (MinSize at least 1; memory billed for every provisioned instance; provisioned instances double during deployments)", "https://docs.aws.amazon.com/apprunner/latest/api/API_CreateAutoScalingConfiguration.html", "2026-09"),
    src("AR-CDK", "AWS CDK App Runner Memory enum (valid CPU and memory pairings)", "https://docs.aws.amazon.com/cdk/api/v2/docs/@aws-cdk_aws-apprunner-alpha.Memory.html", "2026-09"),
    src("ELB-SEC", "Copies of the Elastic Load Balancing price list for us-east-1 (USE1-LoadBalancerUsage, USE1-LCUUsage)", "https://aws.amazon.com/elasticloadbalancing/pricing/", "2026-09"),
    src("ELB-LCU", "Copy of AWS's Load Balancer Capacity Unit definition (new connections, active connections, processed bytes, rule evaluations)", "https://aws.amazon.com/elasticloadbalancing/pricing/", "2026-09"),
    src("VPC-AE", "Transcription of the Amazon VPC pricing page example (NAT gateway hour and GB processed)", "https://aws.amazon.com/vpc/pricing/", "2026-09-20"),
    src("IPV4", "AWS News Blog: public IPv4 address charge of $0.005 per IP per hour from 2024-02-01", "https://aws.amazon.com/blogs/aws/new-aws-public-ipv4-address-charge-public-ip-insights/", "2026-09"),
    src("DTO", "AWS re:Post expert answer and global network FAQ: 100 GB a month free data transfer out, $0.09/GB for the first 10 TB", "https://repost.aws/questions/QUAT1NfOeZSAK5z8KXXO9jgA", "2026-09"),
    src("DTO-TIER", "Older copy of an AWS pricing page listing the data transfer out tiers ($0.09, $0.085, $0.07, $0.05 per GB)", "https://aws.amazon.com/ec2/pricing/on-demand/", "2026-09"),
    src("SP-PAGE", "AWS Savings Plans pages: Compute Savings Plans cover EC2, Fargate and Lambda", "https://aws.amazon.com/savingsplans/", "2026-09"),
    src("BATCH", "AWS Batch pricing text: no additional charge; pay for the EC2 or Fargate resources", "https://aws.amazon.com/batch/pricing/", "2026-09"),
    src("EKSA-DOC", "EKS Anywhere documentation: open source and free to use; the Enterprise Subscription is optional and adds AWS support", "https://anywhere.eks.amazonaws.com/docs/overview/", "2026-11-22"),
    src("EKSA-SEC", "Secondary course text quoting the EKS Anywhere pricing page: $24,000 per cluster for a 1-year term, $18,000 per cluster per year for a 3-year term", "https://aws.amazon.com/eks/eks-anywhere/pricing/", "2026-11-22"),
    src("BERTH", "Modelling assumption of this playground (see the note on the value)", "", "2026-11-22"),
];

/// Looks a source up by id.
pub fn source(id: &str) -> Option<&'static Source> {
    SOURCES.iter().find(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_dates_well_formed() {
        for (i, a) in SOURCES.iter().enumerate() {
            assert!(SOURCES[i + 1..].iter().all(|b| b.id != a.id), "duplicate source {}", a.id);
            let d = a.seen.as_bytes();
            assert!(d.len() == 7 || d.len() == 10, "{}: {}", a.id, a.seen);
            assert!(d[..4].iter().all(u8::is_ascii_digit) && d[4] == b'-', "{}", a.id);
            assert!(a.url.is_empty() || a.url.starts_with("https://"), "{}", a.id);
        }
        assert_eq!(source("FG-PAGE").map(|s| s.id), Some("FG-PAGE"));
        assert!(source("nope").is_none());
    }
}
