//! Hard constraints: each rule names the options a need rules out, and why.
//!
//! A rule is data: an id (stable, shown on cards and usable in course material), the platforms it
//! excludes, a one-line reason in the project's own words, the source it comes from and a predicate
//! over the facts. The table is small and evaluated in order; a platform can be excluded by several
//! rules and the cards list all of them, because each is something the learner should know.

use super::sources::SourceId;
use super::prose::rule as W;
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
        id: W::HYBRID_NEEDS_ANYWHERE.id,
        title: W::HYBRID_NEEDS_ANYWHERE.title,
        excludes: NOT_ANYWHERE,
        reason: W::HYBRID_NEEDS_ANYWHERE.text,
        source: SourceId::EcsAnywhere,
        applies: |f| f.has(Key::Hybrid),
    },
    Rule {
        id: W::ANYWHERE_NEEDS_OWN_SERVERS.id,
        title: W::ANYWHERE_NEEDS_OWN_SERVERS.title,
        excludes: PlatformSet::of(&[P::EcsAnywhere, P::EksAnywhere]),
        reason: W::ANYWHERE_NEEDS_OWN_SERVERS.text,
        source: SourceId::EcsAnywhere,
        applies: |f| !f.has(Key::Hybrid),
    },
    Rule {
        id: W::K8S_NEEDS_EKS.id,
        title: W::K8S_NEEDS_EKS.title,
        excludes: PlatformSet::of(&[P::EcsFargate, P::EcsEc2, P::EcsExpress, P::EcsAnywhere, P::AppRunner, P::Lambda]),
        reason: W::K8S_NEEDS_EKS.text,
        source: SourceId::SeedFlow,
        applies: |f| f.has(Key::K8s),
    },
    Rule {
        id: W::GPU_NEEDS_EC2.id,
        title: W::GPU_NEEDS_EC2.title,
        excludes: FARGATE_BACKED,
        reason: W::GPU_NEEDS_EC2.text,
        source: SourceId::EcsGpu,
        applies: |f| f.has(Key::Gpu),
    },
    Rule {
        id: W::PRIVILEGED_NEEDS_EC2.id,
        title: W::PRIVILEGED_NEEDS_EC2.title,
        excludes: FARGATE_BACKED,
        reason: W::PRIVILEGED_NEEDS_EC2.text,
        source: SourceId::FargateTaskDefs,
        applies: |f| f.has(Key::Privileged),
    },
    Rule {
        id: W::DAEMON_NEEDS_HOSTS.id,
        title: W::DAEMON_NEEDS_HOSTS.title,
        excludes: PlatformSet::of(&[P::EcsFargate, P::EksFargate, P::AppRunner, P::EcsExpress, P::Lambda, P::Batch]),
        reason: W::DAEMON_NEEDS_HOSTS.text,
        source: SourceId::EksFargate,
        applies: |f| f.has(Key::Daemonset),
    },
    Rule {
        id: W::WINDOWS_SUPPORT.id,
        title: W::WINDOWS_SUPPORT.title,
        excludes: PlatformSet::of(&[P::EksFargate, P::AppRunner, P::EcsExpress, P::Lambda, P::EksAnywhere]),
        reason: W::WINDOWS_SUPPORT.text,
        source: SourceId::FargateWindows,
        applies: |f| f.has(Key::Windows),
    },
    Rule {
        id: W::EBS_SUPPORT.id,
        title: W::EBS_SUPPORT.title,
        excludes: PlatformSet::of(&[P::EksFargate, P::AppRunner, P::Lambda]),
        reason: W::EBS_SUPPORT.text,
        source: SourceId::EcsEbs,
        applies: |f| f.has(Key::BlockStorage),
    },
    Rule {
        id: W::LAMBDA_15_MINUTES.id,
        title: W::LAMBDA_15_MINUTES.title,
        excludes: PlatformSet::of(&[P::Lambda]),
        reason: W::LAMBDA_15_MINUTES.text,
        source: SourceId::LambdaLimits,
        applies: |f| f.over_lambda_limit(),
    },
    Rule {
        id: W::WEB_APPS_ONLY.id,
        title: W::WEB_APPS_ONLY.title,
        excludes: PlatformSet::of(&[P::AppRunner, P::EcsExpress]),
        reason: W::WEB_APPS_ONLY.text,
        source: SourceId::EcsExpress,
        applies: |f| f.workload != Workload::Service,
    },
    Rule {
        id: W::BATCH_IS_FOR_JOBS.id,
        title: W::BATCH_IS_FOR_JOBS.title,
        excludes: PlatformSet::of(&[P::Batch]),
        reason: W::BATCH_IS_FOR_JOBS.text,
        source: SourceId::Batch,
        applies: |f| matches!(f.workload, Workload::Service | Workload::Function),
    },
    Rule {
        id: W::PLACEMENT_NEEDS_EC2.id,
        title: W::PLACEMENT_NEEDS_EC2.title,
        excludes: FARGATE_BACKED.union(PlatformSet::of(&[P::Batch])),
        reason: W::PLACEMENT_NEEDS_EC2.text,
        source: SourceId::EcsTaskPlacement,
        applies: |f| f.has(Key::PlacementStrategy),
    },
    Rule {
        id: W::BINPACK_NEEDS_INSTANCES.id,
        title: W::BINPACK_NEEDS_INSTANCES.title,
        excludes: FARGATE_BACKED,
        reason: W::BINPACK_NEEDS_INSTANCES.text,
        source: SourceId::EcsPlacement,
        applies: |f| f.has(Key::PackForCost),
    },
    Rule {
        id: W::FARGATE_SPOT_LINUX_ONLY.id,
        title: W::FARGATE_SPOT_LINUX_ONLY.title,
        excludes: PlatformSet::of(&[P::EcsFargate, P::Batch]),
        reason: W::FARGATE_SPOT_LINUX_ONLY.text,
        source: SourceId::FargateSpotArch,
        applies: |f| f.has(Key::Interruptible) && f.has(Key::LowestCost) && f.has(Key::Windows),
    },
    Rule {
        id: W::EKS_FARGATE_NO_SPOT.id,
        title: W::EKS_FARGATE_NO_SPOT.title,
        excludes: PlatformSet::of(&[P::EksFargate]),
        reason: W::EKS_FARGATE_NO_SPOT.text,
        source: SourceId::EksFargate,
        applies: |f| f.has(Key::Interruptible) && f.has(Key::LowestCost),
    },
    Rule {
        id: W::APP_RUNNER_CLOSED.id,
        title: W::APP_RUNNER_CLOSED.title,
        excludes: PlatformSet::of(&[P::AppRunner]),
        reason: W::APP_RUNNER_CLOSED.text,
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
