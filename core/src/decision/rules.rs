//! Hard constraints: each rule names the options a need rules out, and why.
//!
//! A rule is data: an id (stable, shown on cards and usable in course material), the platforms it
//! excludes, a one-line reason in the project's own words, the source it comes from and a predicate
//! over the facts. The table is small and evaluated in order; a platform can be excluded by several
//! rules and the cards list all of them, because each is something the learner should know.

use super::sources::SourceId;
use super::Facts;
use crate::params::{Advice, Key, Workload};
use crate::platform::{Platform as P, PlatformSet, PLATFORM_COUNT};

/// A hard constraint.
#[derive(Debug)]
pub struct Rule {
    /// Stable id.
    pub id: &'static str,
    /// Short title.
    pub title: &'static str,
    /// Platforms excluded when the rule applies.
    pub excludes: PlatformSet,
    /// One line: why, in plain words.
    pub reason: &'static str,
    /// Where the fact comes from.
    pub source: SourceId,
    /// Whether the rule applies to these facts.
    pub applies: fn(&Facts) -> bool,
}

const FARGATE_BACKED: PlatformSet =
    PlatformSet::of(&[P::EcsFargate, P::EksFargate, P::AppRunner, P::EcsExpress, P::Lambda]);
const NOT_ANYWHERE: PlatformSet = PlatformSet::of(&[
    P::EcsFargate,
    P::EcsEc2,
    P::EksEc2,
    P::EksFargate,
    P::AppRunner,
    P::EcsExpress,
    P::Batch,
    P::Lambda,
]);

/// Every rule, in the order cards list them.
pub static RULES: &[Rule] = &[
    Rule {
        id: "hybrid-needs-anywhere",
        title: "Must run on your own servers",
        excludes: NOT_ANYWHERE,
        reason: "Only ECS Anywhere and EKS Anywhere schedule containers on servers you already own; every other option runs in an AWS Region.",
        source: SourceId::EcsAnywhere,
        applies: |f| f.has(Key::Hybrid),
    },
    Rule {
        id: "anywhere-needs-own-servers",
        title: "No on-premises requirement",
        excludes: PlatformSet::of(&[P::EcsAnywhere, P::EksAnywhere]),
        reason: "The Anywhere options exist to manage hardware you run yourself; without that need you would be buying, racking and patching servers for nothing.",
        source: SourceId::EcsAnywhere,
        applies: |f| !f.has(Key::Hybrid),
    },
    Rule {
        id: "k8s-needs-eks",
        title: "Needs the Kubernetes API",
        excludes: PlatformSet::of(&[P::EcsFargate, P::EcsEc2, P::EcsExpress, P::EcsAnywhere, P::AppRunner, P::Lambda]),
        reason: "ECS, App Runner and Lambda have their own APIs: Helm charts, operators, CRDs and kubectl only work against a Kubernetes control plane.",
        source: SourceId::SeedFlow,
        applies: |f| f.has(Key::K8s),
    },
    Rule {
        id: "gpu-needs-ec2",
        title: "Needs GPUs",
        excludes: FARGATE_BACKED,
        reason: "Fargate (on ECS or EKS), App Runner, Express Mode and Lambda offer no GPU accelerators; GPUs need EC2 capacity, which AWS can still manage for you.",
        source: SourceId::EcsGpu,
        applies: |f| f.has(Key::Gpu),
    },
    Rule {
        id: "privileged-needs-ec2",
        title: "Privileged or host access",
        excludes: FARGATE_BACKED,
        reason: "Serverless compute hides the host: no privileged containers, no host volumes, no kernel modules and no custom AMI.",
        source: SourceId::FargateTaskDefs,
        applies: |f| f.has(Key::Privileged),
    },
    Rule {
        id: "daemon-needs-hosts",
        title: "Per-host agents",
        excludes: PlatformSet::of(&[P::EcsFargate, P::EksFargate, P::AppRunner, P::EcsExpress, P::Lambda, P::Batch]),
        reason: "A DaemonSet or ECS daemon service needs hosts you can see; Fargate, App Runner, Express Mode, Lambda and Batch jobs give you none.",
        source: SourceId::EksFargate,
        applies: |f| f.has(Key::Daemonset),
    },
    Rule {
        id: "windows-support",
        title: "Windows containers",
        excludes: PlatformSet::of(&[P::EksFargate, P::AppRunner, P::EcsExpress, P::Lambda, P::EksAnywhere]),
        reason: "Windows containers run on ECS (Fargate, EC2 or Anywhere), EKS Windows nodes and Batch on Fargate; EKS on Fargate, App Runner, Express Mode, Lambda and EKS Anywhere run Linux only.",
        source: SourceId::FargateWindows,
        applies: |f| f.has(Key::Windows),
    },
    Rule {
        id: "ebs-support",
        title: "EBS block volumes",
        excludes: PlatformSet::of(&[P::EksFargate, P::AppRunner, P::Lambda]),
        reason: "EKS on Fargate pods cannot mount EBS (only EFS), and App Runner and Lambda keep no block volume of yours; ECS tasks (Fargate included, one volume per task) and EKS nodes can.",
        source: SourceId::EcsEbs,
        applies: |f| f.has(Key::BlockStorage),
    },
    Rule {
        id: "lambda-15-minutes",
        title: "Runs longer than 15 minutes",
        excludes: PlatformSet::of(&[P::Lambda]),
        reason: "A Lambda invocation is stopped at 15 minutes, so longer jobs need a container platform (Lambda Managed Instances stretch some async work to 90 minutes, on EC2 you pay for).",
        source: SourceId::LambdaLimits,
        applies: |f| f.over_lambda_limit(),
    },
    Rule {
        id: "web-apps-only",
        title: "Not a web service",
        excludes: PlatformSet::of(&[P::AppRunner, P::EcsExpress]),
        reason: "App Runner and Express Mode run HTTP services behind their own load balancer; jobs, queue workers and event handlers don't fit.",
        source: SourceId::EcsExpress,
        applies: |f| f.workload != Workload::Service,
    },
    Rule {
        id: "batch-is-for-jobs",
        title: "Long-running or per-event work",
        excludes: PlatformSet::of(&[P::Batch]),
        reason: "AWS Batch queues finite jobs and starts them in minutes; it does not keep a service up or answer individual events quickly.",
        source: SourceId::Batch,
        applies: |f| matches!(f.workload, Workload::Service | Workload::Function),
    },
    Rule {
        id: "placement-needs-ec2",
        title: "Task placement strategy",
        excludes: FARGATE_BACKED.union(PlatformSet::of(&[P::Batch])),
        reason: "Placement strategies (binpack, spread, random) choose among EC2 container instances; Fargate, Express Mode, App Runner and Lambda have none to choose, and Batch places its jobs itself.",
        source: SourceId::EcsTaskPlacement,
        applies: |f| f.has(Key::PlacementStrategy),
    },
    Rule {
        id: "binpack-needs-instances",
        title: "Pack tasks onto few instances",
        excludes: FARGATE_BACKED,
        reason: "Filling each instance before the next saves money only where you pay per instance; Fargate-backed options bill per task and have no instances to fill.",
        source: SourceId::EcsPlacement,
        applies: |f| f.has(Key::PackForCost),
    },
    Rule {
        id: "fargate-spot-linux-only",
        title: "Cheapest interruptible Windows",
        excludes: PlatformSet::of(&[P::EcsFargate, P::Batch]),
        reason: "Fargate Spot takes Linux tasks only (x86 or Arm), so Windows on Fargate, and Windows Batch jobs, which run only on Fargate, pay the full rate; EC2 Spot is the cheap way to run them.",
        source: SourceId::FargateSpotArch,
        applies: |f| f.has(Key::Interruptible) && f.has(Key::LowestCost) && f.has(Key::Windows),
    },
    Rule {
        id: "eks-fargate-no-spot",
        title: "Cheapest interruptible pods",
        excludes: PlatformSet::of(&[P::EksFargate]),
        reason: "EKS on Fargate offers no Spot capacity, so interruptible pods that must be cheapest run on EC2 nodes bought as Spot.",
        source: SourceId::EksFargate,
        applies: |f| f.has(Key::Interruptible) && f.has(Key::LowestCost),
    },
    Rule {
        id: "app-runner-closed",
        title: "App Runner closed to new customers",
        excludes: PlatformSet::of(&[P::AppRunner]),
        reason: "Since 30 April 2026 App Runner takes no new customers; AWS points new web apps to ECS Express Mode. Existing customers may keep their services.",
        source: SourceId::AppRunnerAvailability,
        applies: |f| f.advice == Advice::Current,
    },
];

/// Applies every rule: the viable set, and for each platform the rules that exclude it.
pub fn apply(f: &Facts) -> (PlatformSet, [u64; PLATFORM_COUNT]) {
    let mut viable = PlatformSet::ALL;
    let mut by = [0u64; PLATFORM_COUNT];
    for (i, r) in RULES.iter().enumerate() {
        if (r.applies)(f) {
            viable.remove_all(r.excludes);
            for p in r.excludes.iter() {
                by[p.index()] |= 1 << i;
            }
        }
    }
    (viable, by)
}

/// Looks a rule up by id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::Facts;

    fn facts(keys: &[Key]) -> Facts {
        keys.iter().fold(Facts::default(), |f, k| f.with(*k, true))
    }

    fn excluded(f: &Facts, p: P) -> Vec<&'static str> {
        let (_, by) = apply(f);
        RULES.iter().enumerate().filter(|(i, _)| by[p.index()] & (1 << i) != 0).map(|(_, r)| r.id).collect()
    }

    #[test]
    fn ids_are_unique_and_fit_the_mask() {
        assert!(RULES.len() <= 64);
        for (i, a) in RULES.iter().enumerate() {
            assert!(RULES[i + 1..].iter().all(|b| b.id != a.id), "{}", a.id);
            assert!(a.reason.len() < 240, "{} reason is too long for one line", a.id);
        }
    }

    #[test]
    fn gpu_rules_out_every_fargate_backed_option() {
        let f = facts(&[Key::Gpu]);
        for p in [P::EcsFargate, P::EksFargate, P::AppRunner, P::EcsExpress, P::Lambda] {
            assert!(excluded(&f, p).contains(&"gpu-needs-ec2"), "{p:?}");
        }
        for p in [P::EcsEc2, P::EksEc2] {
            assert!(excluded(&f, p).is_empty(), "{p:?}");
        }
    }

    #[test]
    fn privileged_and_daemonset_need_hosts() {
        let f = facts(&[Key::Privileged]);
        assert!(excluded(&f, P::EcsFargate).contains(&"privileged-needs-ec2"));
        assert!(excluded(&f, P::EksFargate).contains(&"privileged-needs-ec2"));
        assert!(excluded(&f, P::EcsEc2).is_empty());
        let f = facts(&[Key::Daemonset]);
        for p in [P::EcsFargate, P::EksFargate, P::AppRunner, P::EcsExpress, P::Lambda] {
            assert!(excluded(&f, p).contains(&"daemon-needs-hosts"), "{p:?}");
        }
        assert!(excluded(&f, P::EksEc2).is_empty());
    }

    #[test]
    fn eks_fargate_limits() {
        for (k, id) in [
            (Key::Daemonset, "daemon-needs-hosts"),
            (Key::Privileged, "privileged-needs-ec2"),
            (Key::Gpu, "gpu-needs-ec2"),
            (Key::Windows, "windows-support"),
            (Key::BlockStorage, "ebs-support"),
        ] {
            let f = facts(&[k, Key::K8s]);
            assert!(excluded(&f, P::EksFargate).contains(&id), "{k:?}");
            assert!(!excluded(&f, P::EksEc2).contains(&id), "{k:?}");
        }
    }

    #[test]
    fn long_jobs_rule_out_lambda_only() {
        let mut f = Facts { job_minutes: 20.0, ..Facts::default() };
        assert_eq!(excluded(&f, P::Lambda), vec!["lambda-15-minutes"]);
        f.job_minutes = 15.0;
        assert!(excluded(&f, P::Lambda).is_empty());
    }

    #[test]
    fn windows_rules_out_eks_fargate_and_lambda() {
        let f = facts(&[Key::Windows]);
        assert!(excluded(&f, P::EksFargate).contains(&"windows-support"));
        assert!(excluded(&f, P::Lambda).contains(&"windows-support"));
        assert!(!excluded(&f, P::EcsFargate).contains(&"windows-support"));
        assert!(!excluded(&f, P::EksEc2).contains(&"windows-support"));
    }

    #[test]
    fn hybrid_points_to_anywhere() {
        let (viable, _) = apply(&facts(&[Key::Hybrid]));
        assert_eq!(viable, PlatformSet::of(&[P::EcsAnywhere, P::EksAnywhere]));
        let (viable, _) = apply(&facts(&[Key::Hybrid, Key::K8s]));
        assert_eq!(viable, PlatformSet::of(&[P::EksAnywhere]));
        let (viable, _) = apply(&Facts::default());
        assert!(!viable.contains(P::EcsAnywhere) && !viable.contains(P::EksAnywhere));
    }

    #[test]
    fn app_runner_is_closed_only_in_current_advice() {
        let mut f = Facts::default();
        assert!(excluded(&f, P::AppRunner).contains(&"app-runner-closed"));
        f.advice = Advice::Exam;
        assert!(!excluded(&f, P::AppRunner).contains(&"app-runner-closed"));
    }
}
