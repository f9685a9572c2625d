//! What each platform is, in the project's own words: a one-line summary, what it is good at, what
//! you still operate, and what to watch out for. Cards show these beside the reasons that depend on
//! the facts, so the learner always sees the platform as a whole and not only the rule that fired.

use super::flow::{wants_ec2, windows_spot};
use super::{Facts, Step};
use crate::params::{Advice, Key, Ops};
use crate::platform::Platform as P;
use crate::platform::Platform;

/// Fixed description of a platform.
#[derive(Debug, Clone, Copy)]
pub struct About {
    /// One line: what it is.
    pub summary: &'static str,
    /// What it is best at.
    pub good_for: &'static str,
    /// What you still run yourself.
    pub you_operate: &'static str,
    /// The main catch.
    pub watch_out: &'static str,
}

/// The description of platform `p`.
pub fn about(p: Platform) -> About {
    match p {
        P::EcsFargate => About {
            summary: "AWS's own orchestrator with serverless capacity: you describe tasks, AWS finds and patches the machines.",
            good_for: "Web services, APIs, workers and jobs when nobody wants to look after hosts; spiky or uneven load.",
            you_operate: "Task definitions, services, networking and scaling policies. No hosts.",
            watch_out: "No GPUs, privileged containers or per-host agents, and a higher unit price than well-filled EC2 at sustained load.",
        },
        P::EcsEc2 => About {
            summary: "ECS scheduling tasks onto EC2 instances, either an Auto Scaling group behind a capacity provider or ECS Managed Instances that AWS provisions and patches.",
            good_for: "GPUs, privileged or host-level needs, particular instance types, and cost at sustained scale with Savings Plans, Reserved Instances or Spot.",
            you_operate: "With capacity providers: AMIs, patching, instance scaling and packing. With ECS Managed Instances, AWS does most of that for a management fee.",
            watch_out: "Idle instances bill whether or not tasks run; poor packing wastes capacity.",
        },
        P::EksEc2 => About {
            summary: "Managed Kubernetes control plane with worker nodes on EC2 (managed node groups, Karpenter or EKS Auto Mode).",
            good_for: "Teams that need the Kubernetes API, Helm, operators and CRDs, or portability, plus GPUs and DaemonSets.",
            you_operate: "Kubernetes upgrades, add-ons and (unless Auto Mode) the nodes.",
            watch_out: "A per-cluster hourly fee and a steeper learning curve than ECS; pointless for a small app with no Kubernetes need.",
        },
        P::EksFargate => About {
            summary: "Kubernetes pods that match a Fargate profile run on serverless capacity, each in its own micro-VM.",
            good_for: "Kubernetes teams who want no nodes to manage and strong isolation per pod.",
            you_operate: "Kubernetes objects and profiles. No nodes.",
            watch_out: "No DaemonSets, privileged pods, GPUs, Windows, Spot or EBS volumes; pods are rounded up to Fargate sizes after 256 MB is added for Kubernetes components.",
        },
        P::AppRunner => About {
            summary: "Fully managed web apps from an image or a source repository: build, TLS, load balancing and scaling included.",
            good_for: "Simple web apps and APIs for teams with no infrastructure knowledge (the classic exam answer).",
            you_operate: "Almost nothing: a service and its settings.",
            watch_out: "Closed to new customers since 30 April 2026, and it keeps at least one provisioned instance, so it never bills zero while running.",
        },
        P::EcsExpress => About {
            summary: "A single ECS call that turns an image into a running HTTPS service: Fargate tasks, a load balancer, certificate, scaling and logs.",
            good_for: "Web apps and APIs with the least setup, in your own account and VPC, where everything it creates can later be tuned as plain ECS.",
            you_operate: "The image and a few settings; the resources it creates are yours to change.",
            watch_out: "It creates a load balancer that bills by the hour, and it is for HTTP services only.",
        },
        P::Batch => About {
            summary: "Job queues and compute environments that start Fargate or EC2 capacity for finite jobs and stop it when the queue is empty.",
            good_for: "ETL, rendering, simulations, ML training and other finite, parallel jobs, with Spot for the cheapest runs.",
            you_operate: "Job definitions, queues and compute environments. No fee of its own.",
            watch_out: "Jobs can wait minutes to start; it is not for services or per-request work. Spot jobs need retries.",
        },
        P::Lambda => About {
            summary: "Functions packaged as container images, run per event and billed per request and per millisecond.",
            good_for: "Short event-driven work and spiky APIs that should cost nothing when idle.",
            you_operate: "Code, configuration and concurrency limits.",
            watch_out: "Each invocation stops at 15 minutes; no GPUs, Windows or block volumes; cost rises steeply at sustained high traffic.",
        },
        P::EcsAnywhere => About {
            summary: "ECS managing containers on your own servers, registered as external instances.",
            good_for: "Work that must stay on premises (data residency, latency, existing hardware) but be run with the same ECS tooling.",
            you_operate: "The servers, their OS and network; AWS runs the control plane.",
            watch_out: "A fee per managed instance-hour on top of your own hardware; no load balancer integration or Fargate features.",
        },
        P::EksAnywhere => About {
            summary: "AWS's Kubernetes distribution for your own data centre, with optional paid support.",
            good_for: "Kubernetes workloads that must stay on premises or in disconnected sites.",
            you_operate: "The whole cluster: hardware, control plane, upgrades.",
            watch_out: "You run the control plane yourself; support subscriptions are extra.",
        },
    }
}

/// Why the flow picked `p` at `step`, in plain words. Each reason starts with the name of the question
/// that decided it ("Kubernetes:", "Host needs:"), never a step number: the page does not show the
/// flow's numbered steps.
pub fn why_step(p: Platform, step: Step, f: &Facts) -> String {
    match step {
        Step::Hybrid => format!(
            "On premises: the work must stay on your own servers, so the choice is between the Anywhere options; {} matches {}.",
            p.name(),
            if f.has(Key::K8s) { "the Kubernetes need" } else { "ECS's simpler model" }
        ),
        Step::Kubernetes => {
            if p == P::EksFargate {
                "Kubernetes: it is required, and with minimal operations and nothing that needs a node, Fargate profiles remove node management.".to_string()
            } else if f.ops == Ops::Minimal {
                "Kubernetes: it is required; Fargate profiles can't meet every need here, so the pods run on EC2 nodes (EKS Auto Mode can manage them).".to_string()
            } else {
                "Kubernetes: it is required, so EKS; managed EC2 node groups give full control of the nodes.".to_string()
            }
        }
        Step::Batch => "Batch jobs: the work is finite jobs, which is what AWS Batch queues, schedules and scales to zero between runs.".to_string(),
        Step::Function => "Event functions: short event-driven work fits Lambda: billed per request and per millisecond, nothing when idle.".to_string(),
        Step::ScaleToZero => match f.advice {
            Advice::Exam => "Scale to zero: the exam key pairs scale to zero with App Runner for low-traffic web apps.".to_string(),
            Advice::Current => "Scale to zero: the service must cost nothing while idle; Lambda bills per request, while App Runner keeps a provisioned instance and Fargate services need at least one task to answer requests.".to_string(),
        },
        Step::CodeOnly => match (p, f.advice) {
            (P::AppRunner, _) => "Code only: deploy an image or source with no infrastructure configuration: the exam key's App Runner.".to_string(),
            _ => "Code only: deploy an image with no infrastructure configuration; ECS Express Mode creates the service, load balancer, certificate and scaling for you.".to_string(),
        },
        Step::LeastOps => {
            "Least operations: the team wants the least to run and nothing needs a host, so serverless capacity: ECS on Fargate.".to_string()
        }
        Step::Ec2Needs => {
            let mut why = Vec::new();
            if f.has(Key::Gpu) {
                why.push("GPUs");
            }
            if f.has(Key::Privileged) {
                why.push("privileged or host access");
            }
            if f.has(Key::Daemonset) {
                why.push("per-host agents");
            }
            if f.has(Key::PlacementStrategy) {
                why.push("a task placement strategy, which only EC2 instances offer");
            }
            if f.has(Key::PackForCost) {
                why.push("packing tasks onto as few instances as possible");
            }
            if f.ops == Ops::Full {
                why.push("full control of the instances");
            }
            if f.has(Key::Steady) && (f.ops != Ops::Minimal || f.has(Key::LowestCost)) {
                why.push("sustained 24/7 load, where committed EC2 capacity is cheapest");
            }
            if windows_spot(f) {
                why.push("a Spot price for Windows tasks, which Fargate Spot does not give");
            }
            if why.is_empty() || !wants_ec2(f) {
                why.push("needs only EC2 hosts meet");
            }
            format!("Host needs: {} point to EC2 capacity, so ECS on EC2 with a capacity provider.", join_words(&why))
        }
        Step::Default => "No host needs: nothing needs a host, Kubernetes or a special model, so the default is ECS on Fargate.".to_string(),
        Step::Fallback => format!(
            "The flow's own choice is ruled out here, so the first viable option in the usual order of preference is {}.",
            p.name()
        ),
    }
}

/// Joins words as "a, b and c".
pub fn join_words(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [a] => (*a).to_string(),
        [rest @ .., last] => format!("{} and {}", rest.join(", "), last),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_platform_is_described() {
        for p in P::ALL {
            let a = about(p);
            assert!(!a.summary.is_empty() && !a.good_for.is_empty() && !a.watch_out.is_empty());
        }
        assert_eq!(join_words(&["a", "b", "c"]), "a, b and c");
    }

    #[test]
    fn reasons_name_their_question_not_a_step_number() {
        use super::Step as S;
        let f = Facts::default();
        for step in [S::Hybrid, S::Kubernetes, S::Batch, S::Function, S::ScaleToZero, S::CodeOnly, S::LeastOps, S::Ec2Needs, S::Default, S::Fallback] {
            for p in P::ALL {
                let why = why_step(p, step, &f);
                assert!(!why.contains("Step"), "{why}");
            }
        }
    }
}
