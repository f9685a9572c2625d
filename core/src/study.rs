//! Study mode: exam-style scenarios, answered against the decision engine.
//!
//! Each [`Scenario`] is a short story in the project's own words, the decision facts it encodes (a
//! query string over the decision keys, read with the ordinary URL parser) and three or four answer
//! choices, plausible distractors included. The expected answer is never stored: it is the engine's
//! top pick for the scenario's facts under the learner's advice setting (exam answer key or today's
//! AWS advice), computed when the answer is revealed. Where the two advices differ, the verdict shows
//! both.
//!
//! [`Progress`] is what the browser keeps between visits: the scenarios answered, with the choice and
//! whether it was right. Its JSON form is versioned (`{"v":1,...}`) and read strictly; the shell
//! keeps anything unreadable aside instead of dropping it.

use crate::catalog::json::Value;
use crate::decision::explain::Diff;
use crate::decision::{decide, explain, Decision, Explanation, Facts};
use crate::params::{Advice, Key};
use crate::platform::{Platform as P, Platform};
use crate::state::{State, Val};
use crate::url::parse_query;

/// Local-storage key of the study progress.
pub const STORAGE_KEY: &str = "berth.study.v1";

/// Version of the progress JSON this build reads and writes.
pub const PROGRESS_VERSION: f64 = 1.0;

/// One exam-style scenario.
#[derive(Debug)]
pub struct Scenario {
    /// Stable id (`[a-z0-9-]`, at most 48 characters): the `q=` of a deep link.
    pub id: &'static str,
    /// Short title for the list.
    pub title: &'static str,
    /// The scenario, two to four sentences.
    pub text: &'static str,
    /// The decision facts, as a query string over the decision keys (no `advice`).
    pub facts: &'static str,
    /// The answer choices, in the order shown.
    pub choices: &'static [Platform],
}

impl Scenario {
    /// The input state of this scenario under `advice` (every other input at its default).
    pub fn state(&self, advice: Advice) -> State {
        let (mut s, _) = parse_query(self.facts);
        let _ = s.set(Key::Advice, Val::Choice(advice as usize));
        s
    }

    /// The decision facts under `advice`.
    pub fn facts(&self, advice: Advice) -> Facts {
        Facts::from_state(&self.state(advice))
    }

    /// The engine's decision under `advice`.
    pub fn decision(&self, advice: Advice) -> Decision {
        decide(&self.facts(advice))
    }

    /// The engine's answer under `advice`: the top pick.
    pub fn expected(&self, advice: Advice) -> Option<Platform> {
        self.decision(advice).top
    }

    /// Whether the exam answer key and today's advice differ for this scenario: another top pick, or
    /// a difference in how it is run (deployment, mesh, discovery, who runs the nodes).
    pub fn differs(&self) -> bool {
        !diffs(&explain(&self.decision(Advice::Current))).is_empty()
    }
}

/// Every study scenario, in the order the list shows them.
pub static SCENARIOS: &[Scenario] = &[
    Scenario {
        id: "gpu-least-ops",
        title: "Inference on GPUs with a small team",
        text: "A three-person team serves an image-recognition model that needs GPU accelerators. They want to spend as little time as possible on servers and patching. Where should the containers run?",
        facts: "gpu=1&ops=minimal",
        choices: &[P::EcsFargate, P::EcsEc2, P::Lambda, P::EksFargate],
    },
    Scenario {
        id: "gpu-kubernetes",
        title: "GPU pods on an existing Kubernetes platform",
        text: "The platform team runs everything through Helm charts and wants no nodes to look after. A new recommendation model must run on GPUs. Which option fits?",
        facts: "k8s=1&gpu=1&ops=minimal",
        choices: &[P::EksFargate, P::EksEc2, P::EcsEc2],
    },
    Scenario {
        id: "eks-fargate-daemonset",
        title: "A security agent on every Kubernetes node",
        text: "A company standardised on Kubernetes and prefers serverless pods. Compliance now requires a runtime security agent on every host, deployed as a DaemonSet. Where should the cluster's workloads run?",
        facts: "k8s=1&ops=minimal&daemonset=1",
        choices: &[P::EksFargate, P::EksEc2, P::EcsFargate],
    },
    Scenario {
        id: "eks-fargate-windows",
        title: "Windows pods without managing nodes",
        text: "A .NET Framework service ships as a Windows Server image. The team uses Kubernetes everywhere and would rather not manage nodes. Which option can actually run it?",
        facts: "k8s=1&ops=minimal&windows=1",
        choices: &[P::EksFargate, P::EksEc2, P::Lambda, P::EcsExpress],
    },
    Scenario {
        id: "eks-fargate-ebs",
        title: "A stateful Kubernetes app on EBS",
        text: "A Kubernetes-based search index keeps its data on EBS volumes. The team wants as little node work as possible. Which option supports the volumes?",
        facts: "k8s=1&ops=minimal&block_storage=1",
        choices: &[P::EksFargate, P::EksEc2, P::Lambda],
    },
    Scenario {
        id: "helm-portability",
        title: "Helm charts and a second cloud",
        text: "An ISV deploys its product with Helm charts and operators, and must be able to move it to another cloud later. The team is comfortable running worker nodes. What should it run on?",
        facts: "k8s=1",
        choices: &[P::EcsEc2, P::EksEc2, P::EcsFargate, P::EksFargate],
    },
    Scenario {
        id: "kubernetes-no-nodes",
        title: "Kubernetes API, no nodes",
        text: "Developers already write Kubernetes manifests. Operations wants zero node patching and no capacity planning. Which option fits best?",
        facts: "k8s=1&ops=minimal",
        choices: &[P::EksEc2, P::EksFargate, P::EcsFargate],
    },
    Scenario {
        id: "small-api-least-ops",
        title: "A small API with the least operations",
        text: "A startup runs a containerised REST API with spiky traffic. Nobody on the team wants to manage instances, and there is no Kubernetes requirement. Which option should they choose?",
        facts: "ops=minimal",
        choices: &[P::EcsEc2, P::EcsFargate, P::EksEc2, P::Lambda],
    },
    Scenario {
        id: "windows-service",
        title: "A Windows container service",
        text: "A line-of-business web app runs in a Windows Server container. There is no Kubernetes requirement and the team wants a managed platform. Which option runs it?",
        facts: "windows=1",
        choices: &[P::EcsFargate, P::EksFargate, P::Lambda, P::AppRunner],
    },
    Scenario {
        id: "windows-kubernetes",
        title: "Windows workloads in a Kubernetes shop",
        text: "A Kubernetes team inherits a Windows container service. They want it in the same cluster tooling as everything else. Where does it run?",
        facts: "windows=1&k8s=1",
        choices: &[P::EksFargate, P::EksEc2, P::EcsFargate],
    },
    Scenario {
        id: "windows-batch",
        title: "Nightly Windows jobs",
        text: "Every night a Windows-only tool converts a few thousand documents, each in about half an hour. The jobs can be retried if they stop. What should schedule them?",
        facts: "workload=batch&windows=1&interruptible=1&job_minutes=30",
        choices: &[P::Lambda, P::Batch, P::EcsFargate, P::EksFargate],
    },
    Scenario {
        id: "twenty-minute-jobs",
        title: "Jobs of twenty minutes each",
        text: "A data team runs hundreds of independent jobs every night, each taking about 20 minutes. They want jobs queued and compute started for them. What is the right service?",
        facts: "workload=batch&job_minutes=20",
        choices: &[P::Lambda, P::Batch, P::EcsFargate, P::AppRunner],
    },
    Scenario {
        id: "thumbnail-events",
        title: "A thumbnail for every upload",
        text: "Each time a photo lands in a bucket, a small function makes three thumbnails in a couple of seconds. Uploads come in bursts with long quiet periods. What should run the code?",
        facts: "workload=function&job_minutes=0.05",
        choices: &[P::Lambda, P::EcsFargate, P::Batch],
    },
    Scenario {
        id: "half-hour-event-handler",
        title: "An event handler that runs for half an hour",
        text: "A message triggers a reconciliation that can take up to 30 minutes. The team first wrote it as a function. Where should it run instead?",
        facts: "workload=function&job_minutes=30",
        choices: &[P::Lambda, P::Batch, P::EcsFargate, P::AppRunner],
    },
    Scenario {
        id: "fourteen-minute-function",
        title: "Just under the limit",
        text: "A report is built when an order batch closes; it always finishes in 14 minutes or less. The team wants nothing running between events. What fits?",
        facts: "workload=function&job_minutes=14",
        choices: &[P::Lambda, P::Batch, P::EcsFargate],
    },
    Scenario {
        id: "transcoding-spot",
        title: "Cheap video transcoding",
        text: "A media site transcodes uploaded videos in jobs of about 90 minutes. A job that stops can start again from the beginning, and cost matters most. How should it run?",
        facts: "workload=batch&job_minutes=90&interruptible=1",
        choices: &[P::Lambda, P::Batch, P::EcsEc2, P::EcsFargate],
    },
    Scenario {
        id: "gpu-training-spot",
        title: "GPU training that can be interrupted",
        text: "Researchers train models on GPUs in jobs of several hours, with checkpoints so a stopped job resumes. They want the lowest compute bill. Which service should run the jobs?",
        facts: "workload=batch&gpu=1&interruptible=1&job_minutes=240",
        choices: &[P::Batch, P::EcsFargate, P::Lambda, P::EksFargate],
    },
    Scenario {
        id: "on-premises-ecs",
        title: "Containers on servers the company owns",
        text: "A factory must keep its containers on servers inside the plant for latency and data rules. The team already uses ECS in the cloud and wants the same API. What should they use?",
        facts: "hybrid=1",
        choices: &[P::EcsAnywhere, P::EksAnywhere, P::EcsEc2, P::EcsFargate],
    },
    Scenario {
        id: "on-premises-kubernetes",
        title: "Kubernetes in the company's data center",
        text: "A bank runs Kubernetes in its own data center and wants AWS-supported tooling for it. The servers must stay on premises. Which option is built for this?",
        facts: "hybrid=1&k8s=1",
        choices: &[P::EcsAnywhere, P::EksAnywhere, P::EksEc2],
    },
    Scenario {
        id: "on-premises-gpu",
        title: "GPU servers in a lab",
        text: "A university already owns GPU servers in its lab and wants to run containers on them, managed from AWS. No Kubernetes is involved. What fits?",
        facts: "hybrid=1&gpu=1",
        choices: &[P::EcsAnywhere, P::EcsEc2, P::Batch],
    },
    Scenario {
        id: "code-only-web-app",
        title: "Just deploy the web app",
        text: "Developers have a container image for a web app and want a public HTTPS endpoint. They do not want to configure load balancers, clusters or scaling. What is the answer?",
        facts: "code_only=1&ops=minimal",
        choices: &[P::AppRunner, P::EcsExpress, P::EcsFargate, P::Lambda],
    },
    Scenario {
        id: "code-only-canary",
        title: "A simple web app with careful releases",
        text: "A small team wants to hand over an image and get a running web service. New versions should reach a small share of users first. What should they use?",
        facts: "code_only=1&ops=minimal&gradual_rollout=1",
        choices: &[P::AppRunner, P::EcsExpress, P::EksFargate],
    },
    Scenario {
        id: "scale-to-zero-site",
        title: "An internal tool used twice a week",
        text: "An internal web tool gets traffic for an hour on Mondays and Thursdays. The owner wants compute costs near nothing the rest of the time and no servers to manage. What fits?",
        facts: "scale_to_zero=1&ops=minimal",
        choices: &[P::AppRunner, P::Lambda, P::EcsFargate, P::EcsEc2],
    },
    Scenario {
        id: "scale-to-zero-prototype",
        title: "A prototype that sleeps at night",
        text: "A prototype web API should cost nothing while nobody uses it. The team is happy to adapt code but does not want infrastructure. Which option?",
        facts: "scale_to_zero=1",
        choices: &[P::AppRunner, P::Lambda, P::EcsExpress, P::EcsFargate],
    },
    Scenario {
        id: "steady-high-utilization",
        title: "Busy around the clock",
        text: "A pricing service runs 24 hours a day at high, predictable load. The team is fine managing instances if it lowers the bill. How should it run?",
        facts: "steady=1",
        choices: &[P::EcsFargate, P::EcsEc2, P::Lambda, P::EcsExpress],
    },
    Scenario {
        id: "steady-least-ops",
        title: "Steady load, no servers",
        text: "A checkout API runs steadily all day and night. The team will not manage instances, but finance wants a discount for the committed baseline. What is the best fit?",
        facts: "steady=1&ops=minimal",
        choices: &[P::EcsFargate, P::EcsEc2, P::Lambda],
    },
    Scenario {
        id: "interruptible-service",
        title: "A stateless service that can be interrupted",
        text: "A stateless rendering service handles retries well and can lose a task with two minutes' warning. The team wants to save on compute without running hosts. Where should it run?",
        facts: "interruptible=1&ops=minimal",
        choices: &[P::EcsFargate, P::EcsEc2, P::AppRunner, P::Lambda],
    },
    Scenario {
        id: "interruptible-kubernetes-pods",
        title: "Interruptible pods, no nodes",
        text: "A Kubernetes team runs stateless workers that tolerate interruption and wants no nodes to manage. They hope to use Spot pricing. Which option do they end up on?",
        facts: "k8s=1&ops=minimal&interruptible=1",
        choices: &[P::EksFargate, P::EksEc2, P::EcsFargate],
    },
    Scenario {
        id: "interruptible-windows",
        title: "Windows tasks that tolerate interruption",
        text: "A Windows container service can handle losing tasks. The team hopes to cut costs with spare capacity and no hosts. Which option runs it?",
        facts: "windows=1&interruptible=1",
        choices: &[P::EcsFargate, P::EksFargate, P::Lambda],
    },
    Scenario {
        id: "blue-green-rollback",
        title: "Zero downtime and instant rollback",
        text: "A payments API must never drop requests during a release and must go back to the old version at once if alarms fire. There is no Kubernetes requirement. Where should it run?",
        facts: "zero_downtime_rollback=1",
        choices: &[P::EcsFargate, P::Lambda, P::EcsEc2, P::EksEc2],
    },
    Scenario {
        id: "blue-green-on-instances",
        title: "Blue/green on instances the team controls",
        text: "An API runs on instances the team tunes itself. Releases must switch all traffic at once and roll back instantly. Which platform?",
        facts: "zero_downtime_rollback=1&ops=full",
        choices: &[P::EcsFargate, P::EcsEc2, P::EksEc2],
    },
    Scenario {
        id: "canary-rollout",
        title: "Ten percent first",
        text: "Product wants each release to reach a small share of traffic, be checked against alarms, then reach everyone. The service is a container API with no special host needs. Where does it run?",
        facts: "gradual_rollout=1",
        choices: &[P::EcsFargate, P::Lambda, P::EksFargate, P::EcsEc2],
    },
    Scenario {
        id: "mesh-mtls",
        title: "Encrypted calls and retries between services",
        text: "Twelve microservices on ECS need encrypted service-to-service traffic, retries and per-call metrics. The team wants nothing extra to operate. Which option runs them?",
        facts: "mesh=1&ops=minimal",
        choices: &[P::EcsFargate, P::EcsEc2, P::EksEc2],
    },
    Scenario {
        id: "mesh-kubernetes",
        title: "Traffic control across Kubernetes services",
        text: "A Kubernetes platform needs fine-grained routing between services and to services in other accounts. The team runs its own nodes. Which option?",
        facts: "mesh=1&k8s=1",
        choices: &[P::EksEc2, P::EksFargate, P::EcsFargate],
    },
    Scenario {
        id: "service-discovery",
        title: "Calling services by name",
        text: "Services keep moving to new IP addresses as tasks restart, and callers break. The team wants them to find each other by name, without hosts to manage. Which option?",
        facts: "service_discovery=1&ops=minimal",
        choices: &[P::EcsFargate, P::EcsEc2, P::EcsExpress],
    },
    Scenario {
        id: "log-routing-ecs",
        title: "Logs to three destinations",
        text: "Container logs must go to S3 for archiving, to OpenSearch for search and to a third-party monitoring tool. The tasks run without managed hosts. Which option?",
        facts: "log_routing=1&ops=minimal",
        choices: &[P::EcsFargate, P::EcsEc2, P::Lambda],
    },
    Scenario {
        id: "log-routing-kubernetes-nodes",
        title: "Node agents and central logs on Kubernetes",
        text: "A Kubernetes team wants minimal work but must run a log collector on every node and ship logs to several places. Where should the pods run?",
        facts: "k8s=1&ops=minimal&daemonset=1&log_routing=1",
        choices: &[P::EksFargate, P::EksEc2, P::EcsFargate],
    },
    Scenario {
        id: "log-routing-fargate-pods",
        title: "Central logs from serverless pods",
        text: "Kubernetes pods run without nodes to manage, and logs must reach a central store. No per-node agent is required. Which option keeps the serverless pods?",
        facts: "k8s=1&ops=minimal&log_routing=1",
        choices: &[P::EksFargate, P::EksEc2, P::EcsEc2],
    },
    Scenario {
        id: "queue-workers",
        title: "Workers that follow the queue",
        text: "Workers read orders from an SQS queue. At peak the backlog grows for minutes while CPU stays low, so CPU scaling reacts too late. Where should the workers run?",
        facts: "workload=queue&queue_scaling=1&ops=minimal",
        choices: &[P::EcsFargate, P::Lambda, P::AppRunner, P::EcsExpress],
    },
    Scenario {
        id: "queue-workers-kubernetes",
        title: "Queue workers on Kubernetes",
        text: "A Kubernetes team drains a queue with worker pods and wants them to scale on queue depth. They run their own nodes. What fits?",
        facts: "workload=queue&queue_scaling=1&k8s=1",
        choices: &[P::EksEc2, P::EcsFargate, P::Lambda],
    },
    Scenario {
        id: "queue-workers-spot",
        title: "Cheap, interruptible queue workers",
        text: "Image-processing workers pull from a queue; a message that is not finished returns to the queue. The team wants low cost and no hosts. Which option?",
        facts: "workload=queue&interruptible=1&queue_scaling=1&ops=minimal",
        choices: &[P::EcsFargate, P::AppRunner, P::Batch, P::EcsEc2],
    },
    Scenario {
        id: "registry-hygiene",
        title: "A registry full of old images",
        text: "Thousands of untagged images fill the registry, and security wants every pushed image checked for known vulnerabilities. The services themselves are simple APIs. Where do they run?",
        facts: "image_cleanup=1&image_scanning=1&ops=minimal",
        choices: &[P::EcsFargate, P::EcsEc2, P::EksFargate],
    },
    Scenario {
        id: "binpack-instances",
        title: "Fewer instances, fuller hosts",
        text: "A team runs its own EC2 fleet for tuning reasons and wants each instance filled before another starts. Which option gives them that control?",
        facts: "ops=full&pack_for_cost=1",
        choices: &[P::EcsFargate, P::EcsEc2, P::EksFargate],
    },
    Scenario {
        id: "spread-across-zones",
        title: "Survive the loss of a zone",
        text: "A team that manages its own instances wants tasks spread evenly over zones and hosts, so one failure takes out little. Which option?",
        facts: "ops=full&spread_for_availability=1",
        choices: &[P::EcsFargate, P::EcsEc2, P::Lambda],
    },
    Scenario {
        id: "privileged-containers",
        title: "Privileged mode and host volumes",
        text: "A network appliance container needs privileged mode and a host path mounted. There is no Kubernetes requirement. Where can it run?",
        facts: "privileged=1",
        choices: &[P::EcsFargate, P::EcsEc2, P::EksFargate, P::Lambda],
    },
    Scenario {
        id: "ecs-daemon-agent",
        title: "One agent per instance on ECS",
        text: "An ECS team must run a monitoring agent once on every host. The rest of the service is an ordinary API. Which option?",
        facts: "daemonset=1",
        choices: &[P::EcsFargate, P::EcsEc2, P::AppRunner],
    },
    Scenario {
        id: "ebs-on-ecs",
        title: "Block storage without hosts",
        text: "A reporting service needs a fast EBS volume for its working files. The team does not want to manage instances or Kubernetes. Which option?",
        facts: "block_storage=1&ops=minimal",
        choices: &[P::EcsFargate, P::Lambda, P::EksFargate, P::EcsEc2],
    },
    Scenario {
        id: "full-control-hosts",
        title: "A team that wants the hosts",
        text: "A team needs to pick the AMI, tune the kernel settings and choose exact instance types. There is no Kubernetes requirement. Which option?",
        facts: "ops=full",
        choices: &[P::EcsFargate, P::EcsEc2, P::AppRunner],
    },
    Scenario {
        id: "placement-strategy-choice",
        title: "Choosing how tasks are placed",
        text: "An operations team wants to decide for itself how ECS places each task on its hosts, by zone and by instance. Which option lets them choose a placement strategy?",
        facts: "placement_strategy=1",
        choices: &[P::EcsFargate, P::EcsEc2, P::EcsExpress, P::Lambda],
    },
    Scenario {
        id: "binpack-default-ops",
        title: "Fewest instances for a fleet of tasks",
        text: "Finance asks that tasks fill each server before another one starts, to keep the instance bill small. Nothing else about the service is special. Where should it run?",
        facts: "pack_for_cost=1",
        choices: &[P::EcsFargate, P::EcsEc2, P::EksFargate],
    },
    Scenario {
        id: "binpack-small-team",
        title: "Packing tasks with a two-person team",
        text: "A two-person team wants as little to run as possible. The cost review still insists that tasks be packed onto as few instances as they can be. Which option meets both as well as possible?",
        facts: "pack_for_cost=1&ops=minimal",
        choices: &[P::EcsFargate, P::EcsEc2, P::AppRunner, P::Lambda],
    },
    Scenario {
        id: "spread-fargate-default",
        title: "Zones for a stateless API",
        text: "A stateless API must keep answering if one Availability Zone fails. The team has no wish to run servers. Where should it run?",
        facts: "spread_for_availability=1&ops=minimal",
        choices: &[P::EcsFargate, P::EcsEc2, P::EksEc2],
    },
    Scenario {
        id: "spread-and-binpack",
        title: "Spread across zones, packed within each",
        text: "Tasks should be spread over three Availability Zones and, inside each zone, packed onto as few instances as possible. Which option can do both?",
        facts: "spread_for_availability=1&pack_for_cost=1",
        choices: &[P::EcsFargate, P::EcsEc2, P::Lambda],
    },
    Scenario {
        id: "placement-kubernetes-rules",
        title: "Kubernetes pods placed by rule",
        text: "A Helm-based platform must control which nodes each pod lands on. The team would rather not manage nodes at all. Which option fits?",
        facts: "k8s=1&ops=minimal&placement_strategy=1",
        choices: &[P::EksFargate, P::EksEc2, P::EcsEc2],
    },
    Scenario {
        id: "windows-spot-cheapest",
        title: "Cheapest interruptible Windows workers",
        text: "A render farm runs Windows Server containers that pull frames from a queue and can be stopped at any time. The only goal is the lowest possible price. Where should they run?",
        facts: "workload=queue&windows=1&interruptible=1&lowest_cost=1",
        choices: &[P::EcsFargate, P::EcsEc2, P::Batch, P::Lambda],
    },
    Scenario {
        id: "windows-spot-least-ops",
        title: "Windows on Spot with a small team",
        text: "A small team runs Windows Server tasks that are safe to interrupt. They want little to operate, but the budget demands Spot prices. Which option gives them Spot?",
        facts: "windows=1&interruptible=1&lowest_cost=1&ops=minimal",
        choices: &[P::EcsFargate, P::EcsEc2, P::EksFargate],
    },
    Scenario {
        id: "windows-batch-cheapest",
        title: "Windows batch jobs at the lowest price",
        text: "Nightly Windows jobs can be retried when they are interrupted. The lowest possible price matters more than anything else. Which option should run them?",
        facts: "workload=batch&windows=1&interruptible=1&lowest_cost=1",
        choices: &[P::Batch, P::EcsEc2, P::Lambda, P::EcsFargate],
    },
    Scenario {
        id: "linux-spot-cheapest",
        title: "Cheapest interruptible Linux workers",
        text: "Linux workers pull jobs from a queue and can lose a task at any moment without harm. The price should be as low as possible, with no servers to patch. Where should they run?",
        facts: "workload=queue&interruptible=1&lowest_cost=1",
        choices: &[P::EcsFargate, P::EksFargate, P::Lambda],
    },
    Scenario {
        id: "eks-pods-spot-cheapest",
        title: "Spot pods on Kubernetes",
        text: "A Kubernetes team runs retryable data-processing pods and hoped to avoid nodes entirely. Cost now comes first, and the pods can be interrupted. Which option fits?",
        facts: "workload=queue&k8s=1&ops=minimal&interruptible=1&lowest_cost=1",
        choices: &[P::EksFargate, P::EksEc2, P::EcsFargate],
    },
    Scenario {
        id: "steady-cheapest-small-team",
        title: "Steady load, small team, lowest bill",
        text: "A service runs flat out all day and all night. The team is small, but management has made the lowest bill the first goal. Which option should they pick?",
        facts: "steady=1&ops=minimal&lowest_cost=1",
        choices: &[P::EcsFargate, P::EcsEc2, P::Lambda],
    },
    Scenario {
        id: "batch-long-spot",
        title: "Four-hour simulations on Spot",
        text: "Risk simulations run for about four hours each and restart from a checkpoint when interrupted. The bank wants the cheapest capacity for them. Where should they run?",
        facts: "workload=batch&interruptible=1&job_minutes=240",
        choices: &[P::Batch, P::Lambda, P::EksFargate, P::EcsExpress],
    },
    Scenario {
        id: "batch-short-spot",
        title: "Short retryable jobs without servers",
        text: "Each job converts a document in about five minutes and can simply run again if it is stopped. The team wants the lowest cost and no servers. Which option fits?",
        facts: "workload=batch&interruptible=1&job_minutes=5&ops=minimal",
        choices: &[P::Batch, P::Lambda, P::EcsEc2],
    },
    Scenario {
        id: "cross-vpc-discovery",
        title: "Services spread over three VPCs",
        text: "Three teams each own a VPC, and their services must call one another by name without anyone peering networks by hand. A new ordering service joins them. Where should it run?",
        facts: "cross_vpc=1&service_discovery=1",
        choices: &[P::EcsFargate, P::EcsAnywhere, P::EksEc2],
    },
    Scenario {
        id: "cross-account-traffic",
        title: "Traffic rules across accounts",
        text: "Services in four AWS accounts need retries, auth policies and traffic shifting between them. The containers themselves have no special needs. Where should a new one run?",
        facts: "cross_vpc=1&mesh=1",
        choices: &[P::EcsFargate, P::EksEc2, P::EcsAnywhere],
    },
    Scenario {
        id: "ecs-calls-eks",
        title: "ECS services and EKS pods together",
        text: "A company runs its older services on EKS and its new ones on ECS, and they must call each other with retries and access control. Where should the next new service run?",
        facts: "mixed_platforms=1&mesh=1",
        choices: &[P::EcsFargate, P::EksEc2, P::Lambda],
    },
    Scenario {
        id: "eks-calls-lambda",
        title: "Pods calling functions in another VPC",
        text: "Pods on an EKS cluster call Lambda functions and ECS services that live in two other VPCs. The team runs everything through Helm. Where should the new pods run?",
        facts: "k8s=1&mixed_platforms=1&cross_vpc=1",
        choices: &[P::EksEc2, P::EcsFargate, P::EcsEc2],
    },
    Scenario {
        id: "lambda-calls-services",
        title: "Event handlers calling services",
        text: "Short event handlers must call services that run on ECS and on EKS. Each handler finishes in seconds. Where should the handlers run?",
        facts: "workload=function&job_minutes=0.5&mixed_platforms=1",
        choices: &[P::Lambda, P::EcsFargate, P::Batch],
    },
    Scenario {
        id: "pack-queue-workers",
        title: "Queue workers packed tightly",
        text: "Workers drain a queue around the clock and must scale with its depth. The platform team wants them packed onto as few instances as possible. Which option fits?",
        facts: "workload=queue&queue_scaling=1&pack_for_cost=1",
        choices: &[P::EcsFargate, P::EcsEc2, P::Lambda],
    },
    Scenario {
        id: "spread-gpu-inference",
        title: "GPU inference across zones",
        text: "An inference service needs GPU instances and must keep serving if one Availability Zone fails. Which option fits?",
        facts: "gpu=1&spread_for_availability=1",
        choices: &[P::EcsFargate, P::EcsEc2, P::Lambda],
    },
    Scenario {
        id: "code-only-spread",
        title: "A hand-over app that must survive a zone outage",
        text: "Developers only want to hand over an image, and the app must survive the loss of an Availability Zone. They have never set up a load balancer. Which option fits?",
        facts: "code_only=1&spread_for_availability=1",
        choices: &[P::AppRunner, P::EcsExpress, P::EcsEc2],
    },
    Scenario {
        id: "full-control-spot",
        title: "Full control and the deepest discount",
        text: "The team wants full control of its hosts and the deepest Spot discount for a stateless service that tolerates interruptions. Where should it run?",
        facts: "ops=full&interruptible=1&lowest_cost=1",
        choices: &[P::EcsFargate, P::EcsEc2, P::AppRunner],
    },
    Scenario {
        id: "cross-account-queue",
        title: "Workers calling another account",
        text: "Queue workers in one account call an internal pricing service in another account's VPC. They scale with the queue's depth. Where should the workers run?",
        facts: "workload=queue&queue_scaling=1&cross_vpc=1",
        choices: &[P::EcsFargate, P::AppRunner, P::EksFargate],
    },
    Scenario {
        id: "windows-steady-cheapest",
        title: "A busy Windows service on a budget",
        text: "A Windows Server service runs at high load around the clock, and the lowest bill matters most. Where should it run?",
        facts: "windows=1&steady=1&lowest_cost=1",
        choices: &[P::EcsFargate, P::EcsEc2, P::EksFargate],
    },
    Scenario {
        id: "batch-placed-by-rule",
        title: "Jobs placed by the team's own rule",
        text: "Finite jobs must land on instances chosen by a placement rule the team controls, such as one job per host. Which option allows that?",
        facts: "workload=batch&placement_strategy=1",
        choices: &[P::Batch, P::EcsEc2, P::EcsFargate],
    },
    Scenario {
        id: "cheapest-webhook",
        title: "The cheapest webhook handler",
        text: "A webhook handler runs for a second or two, a few thousand times a day. It must cost as little as possible. Where should it run?",
        facts: "workload=function&lowest_cost=1",
        choices: &[P::Lambda, P::EcsFargate, P::EcsEc2],
    },
    Scenario {
        id: "blue-green-packed",
        title: "Blue/green on tightly packed instances",
        text: "Releases must switch traffic at once and roll back at once. The instances must also stay tightly packed to save money. Where should the service run?",
        facts: "zero_downtime_rollback=1&pack_for_cost=1",
        choices: &[P::EcsFargate, P::EcsEc2, P::AppRunner],
    },
    Scenario {
        id: "canary-cross-vpc",
        title: "Canary releases for callers in other VPCs",
        text: "A payments API sends a tenth of its traffic to each new version first. Its callers live in other VPCs and accounts. Where should it run?",
        facts: "gradual_rollout=1&cross_vpc=1",
        choices: &[P::EcsFargate, P::Lambda, P::EcsAnywhere],
    },
    Scenario {
        id: "mesh-kubernetes-cross-vpc",
        title: "Mutual auth between clusters in two VPCs",
        text: "Kubernetes services in two VPCs need authenticated calls and retries between them. The team keeps full Kubernetes tooling. Where should they run?",
        facts: "k8s=1&mesh=1&cross_vpc=1",
        choices: &[P::EksEc2, P::EcsFargate, P::EcsAnywhere],
    },
    Scenario {
        id: "windows-pods-spot",
        title: "Interruptible Windows pods on a budget",
        text: "Windows pods on Kubernetes can be interrupted and retried. Cost comes first. Where should they run?",
        facts: "k8s=1&windows=1&interruptible=1&lowest_cost=1",
        choices: &[P::EksEc2, P::EksFargate, P::EcsFargate],
    },
    Scenario {
        id: "pack-kubernetes-nodes",
        title: "Pods packed onto few nodes",
        text: "A Kubernetes platform wants pods packed onto as few nodes as possible to save money. Where should they run?",
        facts: "k8s=1&pack_for_cost=1",
        choices: &[P::EksEc2, P::EksFargate, P::EcsEc2],
    },
];

/// Where the exam answer key and today's advice differ for an explained decision: the differences of
/// the question as a whole (top pick, deployment, mesh, discovery), then those of the top pick's card
/// (who runs the nodes or instances), each aspect once.
pub fn diffs(e: &Explanation) -> Vec<Diff> {
    let mut out = e.diffs.clone();
    if let Some(top) = e.decision.top {
        for d in &e.cards[top.index()].diffs {
            if d.aspect != "Status" && out.iter().all(|o| o.aspect != d.aspect) {
                out.push(d.clone());
            }
        }
    }
    out
}

/// The scenario with this id.
pub fn scenario(id: &str) -> Option<&'static Scenario> {
    SCENARIOS.iter().find(|s| s.id == id)
}

/// Position of the scenario with this id in [`SCENARIOS`].
pub fn position(id: &str) -> Option<usize> {
    SCENARIOS.iter().position(|s| s.id == id)
}

/// The scenario a `q=` value opens, and a message when the value names no scenario (the first one is
/// opened instead).
pub fn current(q: &str) -> (&'static Scenario, Option<String>) {
    match scenario(q) {
        Some(s) => (s, None),
        None if q.is_empty() => (&SCENARIOS[0], None),
        None => (&SCENARIOS[0], Some(format!("There is no study scenario “{}”; the first one is shown instead.", crate::url::shown(q)))),
    }
}

/// One revealed answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// Scenario id.
    pub id: String,
    /// What the learner chose.
    pub chosen: Platform,
    /// The engine's answer when it was revealed.
    pub expected: Platform,
    /// Whether the choice was the engine's answer.
    pub correct: bool,
    /// The advice the answer was judged under.
    pub advice: Advice,
}

/// Answers the scenario: judges `chosen` against the engine under `advice`. `None` when the engine
/// has no answer (nothing fits) or `chosen` is not one of the scenario's choices.
pub fn judge(s: &Scenario, chosen: Platform, advice: Advice) -> Option<Answer> {
    if !s.choices.contains(&chosen) {
        return None;
    }
    let expected = s.expected(advice)?;
    Some(Answer { id: s.id.to_string(), chosen, expected, correct: chosen == expected, advice })
}

/// Answered and correct counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Score {
    /// Scenarios answered.
    pub answered: usize,
    /// Of which right.
    pub correct: usize,
}

/// The learner's progress: one answer per scenario (the latest), oldest first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Progress {
    answers: Vec<Answer>,
}

/// Whether a text is a valid scenario id (`[a-z0-9-]`, 1 to 48 characters).
pub fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 48 && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl Progress {
    /// Records an answer, replacing an earlier answer to the same scenario.
    pub fn record(&mut self, a: Answer) {
        self.answers.retain(|o| o.id != a.id);
        self.answers.push(a);
    }

    /// The answer to scenario `id`, if any.
    pub fn answer(&self, id: &str) -> Option<&Answer> {
        self.answers.iter().find(|a| a.id == id)
    }

    /// Forgets the answer to scenario `id` (to try it again).
    pub fn forget(&mut self, id: &str) {
        self.answers.retain(|a| a.id != id);
    }

    /// Forgets every answer.
    pub fn clear(&mut self) {
        self.answers.clear();
    }

    /// Whether nothing was answered.
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }

    /// Every answer, oldest first.
    pub fn answers(&self) -> &[Answer] {
        &self.answers
    }

    /// The score over the scenarios this build knows.
    pub fn score(&self) -> Score {
        let known = self.answers.iter().filter(|a| scenario(&a.id).is_some());
        let (answered, correct) = known.fold((0, 0), |(n, c), a| (n + 1, c + usize::from(a.correct)));
        Score { answered, correct }
    }

    /// The versioned JSON form: `{"v":1,"answers":[{"id":…,"chosen":…,"expected":…,"correct":…,"advice":…}]}`.
    pub fn to_json(&self) -> String {
        let answers = self
            .answers
            .iter()
            .map(|a| {
                Value::Obj(vec![
                    ("id".into(), Value::Str(a.id.clone())),
                    ("chosen".into(), Value::Str(a.chosen.id().into())),
                    ("expected".into(), Value::Str(a.expected.id().into())),
                    ("correct".into(), Value::Bool(a.correct)),
                    ("advice".into(), Value::Str(a.advice.id().into())),
                ])
            })
            .collect();
        Value::Obj(vec![("v".into(), Value::Num(PROGRESS_VERSION)), ("answers".into(), Value::Arr(answers))]).to_json()
    }

    /// Reads the JSON form strictly: the version must be 1, every member known and of the right type,
    /// ids valid and not repeated, platforms and advice known, and `correct` must agree with
    /// `chosen == expected`. Anything else is an error saying what was wrong (the caller keeps the
    /// text aside; nothing is silently dropped).
    pub fn from_json(text: &str) -> Result<Progress, String> {
        let v = Value::parse(text).map_err(|e| format!("not JSON: {e}"))?;
        let top = v.as_object().ok_or_else(|| format!("expected an object, found {}", v.type_name()))?;
        expect_members(top, &["v", "answers"], "the document")?;
        match v.get("v").and_then(Value::as_f64) {
            Some(n) if n == PROGRESS_VERSION => {}
            Some(n) => return Err(format!("version {n} is not the version this build reads (1)")),
            None => return Err("the version \"v\" is missing or not a number".into()),
        }
        let list = v.get("answers").and_then(Value::as_array).ok_or("\"answers\" is missing or not an array")?;
        let mut p = Progress::default();
        for (i, item) in list.iter().enumerate() {
            let what = format!("answer {}", i + 1);
            let members = item.as_object().ok_or_else(|| format!("{what} is {}, not an object", item.type_name()))?;
            expect_members(members, &["id", "chosen", "expected", "correct", "advice"], &what)?;
            let str_of = |k: &str| item.get(k).and_then(Value::as_str).ok_or_else(|| format!("{what}: \"{k}\" is not a string"));
            let id = str_of("id")?;
            if !valid_id(id) {
                return Err(format!("{what}: \"{}\" is not a scenario id", crate::url::shown(id)));
            }
            if p.answer(id).is_some() {
                return Err(format!("{what}: scenario \"{id}\" is answered twice"));
            }
            let platform = |k: &str| -> Result<Platform, String> {
                let s = str_of(k)?;
                Platform::from_id(s).ok_or_else(|| format!("{what}: \"{}\" is not a platform id", crate::url::shown(s)))
            };
            let chosen = platform("chosen")?;
            let expected = platform("expected")?;
            let correct = match item.get("correct") {
                Some(Value::Bool(b)) => *b,
                _ => return Err(format!("{what}: \"correct\" is not true or false")),
            };
            if correct != (chosen == expected) {
                return Err(format!("{what}: \"correct\" disagrees with the chosen and expected answers"));
            }
            let advice = Advice::from_id(str_of("advice")?).ok_or_else(|| format!("{what}: \"advice\" is not exam or current"))?;
            p.answers.push(Answer { id: id.to_string(), chosen, expected, correct, advice });
        }
        Ok(p)
    }
}

fn expect_members(members: &[(String, Value)], allowed: &[&str], what: &str) -> Result<(), String> {
    for (i, (k, _)) in members.iter().enumerate() {
        if !allowed.contains(&k.as_str()) {
            return Err(format!("{what} has an unknown member \"{}\"", crate::url::shown(k)));
        }
        if members[..i].iter().any(|(o, _)| o == k) {
            return Err(format!("{what} repeats the member \"{k}\""));
        }
    }
    for k in allowed {
        if !members.iter().any(|(m, _)| m == k) {
            return Err(format!("{what} lacks the member \"{k}\""));
        }
    }
    Ok(())
}

/// The `berth:answer` message posted to a host page when an answer is revealed.
pub fn answer_message(a: &Answer, score: Score) -> String {
    Value::Obj(vec![
        ("type".into(), Value::Str("berth:answer".into())),
        ("scenario".into(), Value::Str(a.id.clone())),
        ("chosen".into(), Value::Str(a.chosen.id().into())),
        ("expected".into(), Value::Str(a.expected.id().into())),
        ("correct".into(), Value::Bool(a.correct)),
        (
            "score".into(),
            Value::Obj(vec![
                ("answered".into(), Value::Num(score.answered as f64)),
                ("correct".into(), Value::Num(score.correct as f64)),
            ]),
        ),
        ("advice".into(), Value::Str(a.advice.id().into())),
    ])
    .to_json()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::DECISION_KEYS;

    #[test]
    fn at_least_forty_scenarios_with_unique_valid_ids() {
        assert!(SCENARIOS.len() >= 40, "{} scenarios", SCENARIOS.len());
        for (i, s) in SCENARIOS.iter().enumerate() {
            assert!(valid_id(s.id), "{}", s.id);
            assert!(SCENARIOS[i + 1..].iter().all(|o| o.id != s.id), "{} is repeated", s.id);
            assert!(!s.title.is_empty() && s.title.len() <= 60, "{}", s.id);
            let sentences = s.text.matches(['.', '?']).filter(|_| true).count();
            assert!((2..=4).contains(&sentences), "{}: {sentences} sentences", s.id);
        }
    }

    #[test]
    fn facts_parse_cleanly_over_decision_keys_only() {
        for s in SCENARIOS {
            let (_, notices) = parse_query(s.facts);
            assert!(notices.is_empty(), "{}: {notices:?}", s.id);
            for pair in s.facts.split('&') {
                let key = pair.split('=').next().unwrap();
                let k = Key::from_name(key).unwrap_or_else(|| panic!("{}: unknown key {key}", s.id));
                assert!(DECISION_KEYS.contains(&k) && k != Key::Advice, "{}: {key} is not a decision fact", s.id);
            }
        }
    }

    #[test]
    fn the_engine_answer_is_always_a_choice() {
        for s in SCENARIOS {
            assert!((3..=4).contains(&s.choices.len()), "{}", s.id);
            for (i, c) in s.choices.iter().enumerate() {
                assert!(!s.choices[i + 1..].contains(c), "{}: {c:?} twice", s.id);
            }
            for advice in Advice::ALL {
                let top = s.expected(*advice).unwrap_or_else(|| panic!("{}: nothing fits under {advice:?}", s.id));
                assert!(s.choices.contains(&top), "{} ({advice:?}): the engine answers {top:?}, not a choice", s.id);
                let a = judge(s, top, *advice).unwrap();
                assert!(a.correct);
                let wrong = s.choices.iter().find(|c| **c != top).unwrap();
                assert!(!judge(s, *wrong, *advice).unwrap().correct);
            }
        }
    }

    #[test]
    fn a_good_share_differs_between_exam_and_current() {
        let differs: Vec<&str> = SCENARIOS.iter().filter(|s| s.differs()).map(|s| s.id).collect();
        let top_differs: Vec<&str> = SCENARIOS
            .iter()
            .filter(|s| s.expected(Advice::Exam) != s.expected(Advice::Current))
            .map(|s| s.id)
            .collect();
        println!("differ ({}): {differs:?}\ntop pick differs ({}): {top_differs:?}", differs.len(), top_differs.len());
        assert!(differs.len() * 4 >= SCENARIOS.len(), "only {} of {} differ", differs.len(), SCENARIOS.len());
        assert!(top_differs.len() >= 4, "{top_differs:?}");
        for id in ["code-only-web-app", "scale-to-zero-site", "blue-green-rollback", "mesh-mtls"] {
            assert!(differs.contains(&id), "{id}");
        }
    }

    #[test]
    fn the_scenarios_cover_the_syllabus() {
        let all: String = SCENARIOS.iter().map(|s| format!("&{}", s.facts)).collect();
        for k in [
            "k8s", "gpu", "windows", "daemonset", "block_storage", "hybrid", "code_only", "interruptible", "steady",
            "scale_to_zero", "zero_downtime_rollback", "gradual_rollout", "log_routing", "mesh", "service_discovery",
            "queue_scaling", "image_cleanup", "image_scanning", "pack_for_cost", "spread_for_availability", "privileged",
        ] {
            assert!(all.contains(&format!("&{k}=1")), "no scenario uses {k}");
        }
        let over_limit = SCENARIOS.iter().any(|s| s.facts(Advice::Current).over_lambda_limit() && s.facts.contains("workload=function"));
        assert!(over_limit, "no scenario crosses Lambda's 15-minute limit");
        let tops: Vec<Platform> = SCENARIOS.iter().flat_map(|s| Advice::ALL.iter().filter_map(|a| s.expected(*a))).collect();
        for p in Platform::ALL {
            assert!(tops.contains(&p), "no scenario's answer is {p:?}");
        }
    }

    #[test]
    fn the_readme_lists_every_scenario_id() {
        let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
        let start = readme.find("Scenario ids:").expect("the README lists the scenario ids");
        let listed: Vec<&str> = readme[start..].split("\n\n").next().unwrap().split('`').skip(1).step_by(2).collect();
        let ids: Vec<&str> = SCENARIOS.iter().map(|s| s.id).collect();
        assert_eq!(listed, ids, "README's scenario id list is stale");
    }

    #[test]
    fn unknown_or_empty_q_opens_the_first_scenario() {
        assert_eq!(current("").0.id, SCENARIOS[0].id);
        assert!(current("").1.is_none());
        let (s, msg) = current("no-such-thing");
        assert_eq!(s.id, SCENARIOS[0].id);
        assert!(msg.unwrap().contains("no-such-thing"));
        assert_eq!(current("mesh-mtls").0.id, "mesh-mtls");
    }

    fn sample() -> Progress {
        let mut p = Progress::default();
        let s = scenario("gpu-least-ops").unwrap();
        p.record(judge(s, P::EcsFargate, Advice::Exam).unwrap());
        p.record(judge(scenario("code-only-web-app").unwrap(), P::EcsExpress, Advice::Current).unwrap());
        p
    }

    #[test]
    fn progress_records_the_latest_answer_and_scores() {
        let mut p = sample();
        assert_eq!(p.score(), Score { answered: 2, correct: 1 });
        p.record(judge(scenario("gpu-least-ops").unwrap(), P::EcsEc2, Advice::Exam).unwrap());
        assert_eq!(p.score(), Score { answered: 2, correct: 2 });
        assert_eq!(p.answers().last().unwrap().id, "gpu-least-ops");
        p.forget("gpu-least-ops");
        assert_eq!(p.score(), Score { answered: 1, correct: 1 });
        p.clear();
        assert!(p.is_empty());
    }

    #[test]
    fn progress_json_round_trips() {
        let p = sample();
        let text = p.to_json();
        assert!(text.starts_with("{\"v\":1,\"answers\":["), "{text}");
        assert_eq!(Progress::from_json(&text), Ok(p));
        assert_eq!(Progress::from_json("{\"v\":1,\"answers\":[]}"), Ok(Progress::default()));
    }

    #[test]
    fn progress_json_is_read_strictly() {
        let ok = sample().to_json();
        let bad = [
            "",
            "not json",
            "[]",
            "{\"answers\":[]}",
            "{\"v\":2,\"answers\":[]}",
            "{\"v\":\"1\",\"answers\":[]}",
            "{\"v\":1}",
            "{\"v\":1,\"answers\":{}}",
            "{\"v\":1,\"answers\":[],\"extra\":0}",
            "{\"v\":1,\"v\":1,\"answers\":[]}",
            "{\"v\":1,\"answers\":[1]}",
            "{\"v\":1,\"answers\":[{\"id\":\"Bad Id\",\"chosen\":\"lambda\",\"expected\":\"lambda\",\"correct\":true,\"advice\":\"exam\"}]}",
            "{\"v\":1,\"answers\":[{\"id\":\"a\",\"chosen\":\"heroku\",\"expected\":\"lambda\",\"correct\":false,\"advice\":\"exam\"}]}",
            "{\"v\":1,\"answers\":[{\"id\":\"a\",\"chosen\":\"lambda\",\"expected\":\"lambda\",\"correct\":false,\"advice\":\"exam\"}]}",
            "{\"v\":1,\"answers\":[{\"id\":\"a\",\"chosen\":\"lambda\",\"expected\":\"lambda\",\"correct\":true,\"advice\":\"later\"}]}",
            "{\"v\":1,\"answers\":[{\"id\":\"a\",\"chosen\":\"lambda\",\"expected\":\"lambda\",\"correct\":true}]}",
            "{\"v\":1,\"answers\":[{\"id\":\"a\",\"chosen\":\"lambda\",\"expected\":\"lambda\",\"correct\":1,\"advice\":\"exam\"}]}",
        ];
        for text in bad {
            assert!(Progress::from_json(text).is_err(), "accepted {text}");
        }
        let twice = ok.replace("\"answers\":[", "\"answers\":[{\"id\":\"gpu-least-ops\",\"chosen\":\"ecs-ec2\",\"expected\":\"ecs-ec2\",\"correct\":true,\"advice\":\"exam\"},");
        assert!(Progress::from_json(&twice).unwrap_err().contains("twice"));
        // An answer to a scenario this build does not know is kept, but not scored.
        let unknown = "{\"v\":1,\"answers\":[{\"id\":\"retired-one\",\"chosen\":\"lambda\",\"expected\":\"lambda\",\"correct\":true,\"advice\":\"exam\"}]}";
        let p = Progress::from_json(unknown).unwrap();
        assert_eq!(p.answers().len(), 1);
        assert_eq!(p.score(), Score::default());
    }

    #[test]
    fn the_answer_message_is_the_documented_shape() {
        let a = judge(scenario("code-only-web-app").unwrap(), P::AppRunner, Advice::Exam).unwrap();
        let m = Value::parse(&answer_message(&a, Score { answered: 3, correct: 2 })).unwrap();
        assert_eq!(m.get("type").and_then(Value::as_str), Some("berth:answer"));
        assert_eq!(m.get("scenario").and_then(Value::as_str), Some("code-only-web-app"));
        assert_eq!(m.get("chosen").and_then(Value::as_str), Some("app-runner"));
        assert_eq!(m.get("expected").and_then(Value::as_str), Some("app-runner"));
        assert_eq!(m.get("correct"), Some(&Value::Bool(true)));
        assert_eq!(m.get("advice").and_then(Value::as_str), Some("exam"));
        let score = m.get("score").unwrap();
        assert_eq!(score.get("answered").and_then(Value::as_f64), Some(3.0));
        assert_eq!(score.get("correct").and_then(Value::as_f64), Some(2.0));
    }
}
