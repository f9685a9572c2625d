//! The rule inventory: every rule the five exam-prep lessons state in their decision flows, tables,
//! "common mistakes" lists and quizzes, each paraphrased in the project's own words, with the ids that
//! implement it (rules, traps, dated facts, plan extras) or the reason it does not apply to a platform
//! decision. Where a rule decides something, a deep link checks that the engine gives the lesson's answer
//! (with `advice=exam` where the lesson's answer is the exam key's and AWS has changed since).
//!
//! Lessons: 000 orchestration patterns and the five-step flow, 001 orchestration at professional level
//! (a preview), 002 ECS, EKS and Fargate with examples, 003 the containers concept page, 004 ECS, EKS
//! and ECR key facts.

use berth_core::decision::plan::Extra;
use berth_core::decision::{dated, decide, rules, traps, Facts};
use berth_core::platform::Platform;
use berth_core::url::parse_query;

/// One rule a lesson states.
struct LessonRule {
    /// Lesson file number.
    lesson: &'static str,
    /// Where in the lesson: flow, table, mistake, quiz or fact.
    part: &'static str,
    /// The rule, in the project's words.
    says: &'static str,
    /// Ids that implement it: rule, trap, dated-fact or extra ids.
    ids: &'static [&'static str],
    /// A deep link and the expected answer: the platform id, then capacity, deployment or extra ids that
    /// must be part of the plan. Empty when the rule is not a decision.
    check: (&'static str, &'static str),
    /// Why it does not apply, when `ids` is empty.
    not_applicable: &'static str,
}

const fn r(
    lesson: &'static str,
    part: &'static str,
    says: &'static str,
    ids: &'static [&'static str],
    check: (&'static str, &'static str),
) -> LessonRule {
    LessonRule { lesson, part, says, ids, check, not_applicable: "" }
}

const fn na(lesson: &'static str, part: &'static str, says: &'static str, why: &'static str) -> LessonRule {
    LessonRule { lesson, part, says, ids: &[], check: ("", ""), not_applicable: why }
}

const NONE: (&str, &str) = ("", "");

static INVENTORY: &[LessonRule] = &[
    // 000: the five-step flow.
    r("000", "flow", "Step 1: the Kubernetes API or an existing Kubernetes investment means EKS, on EC2 nodes for control", &["k8s-needs-eks"], ("k8s=1", "eks-ec2")),
    r("000", "flow", "Step 1: Kubernetes without nodes to manage means EKS with Fargate profiles", &["k8s-needs-eks"], ("k8s=1&ops=minimal", "eks-fargate")),
    r("000", "flow", "Step 2: finite batch jobs, not a long-running service, go to AWS Batch", &["batch-is-for-jobs"], ("workload=batch", "batch")),
    r("000", "flow", "Step 3: no infrastructure at all for a web app means App Runner in the exam key", &["code-only-is-not-fargate", "app-runner-closed"], ("code_only=1&ops=minimal&advice=exam", "app-runner")),
    r("000", "flow", "Step 3: least operations with more control over networking means ECS on Fargate", &["least-ops-but-host-needs"], ("ops=minimal", "ecs-fargate")),
    r("000", "flow", "Step 4: GPUs need ECS on EC2 with a capacity provider", &["gpu-needs-ec2"], ("gpu=1", "ecs-ec2")),
    r("000", "flow", "Step 4: privileged containers need ECS on EC2", &["privileged-needs-ec2"], ("privileged=1", "ecs-ec2")),
    r("000", "flow", "Step 4: sustained scale bought with reservations means ECS on EC2", &["fargate-not-always-cheaper"], ("steady=1", "ecs-ec2 savings-plan")),
    r("000", "flow", "Step 4, no: everything else runs on ECS on Fargate", &["ecs-and-eks-not-interchangeable"], ("", "ecs-fargate")),
    r("000", "flow", "Step 5: zero downtime with fast rollback is blue/green (CodeDeploy in the exam key)", &["rolling-is-not-blue-green", "ecs-native-blue-green"], ("zero_downtime_rollback=1&advice=exam", "ecs-fargate blue-green")),
    r("000", "flow", "Step 5: validating a traffic shift is a canary or linear deployment", &["ecs-native-canary-linear"], ("gradual_rollout=1&advice=exam", "ecs-fargate canary")),
    r("000", "flow", "Step 5: cross-cutting concerns without code changes go in a sidecar (FireLens for logs)", &["firelens-sidecar"], ("log_routing=1", "ecs-fargate firelens-sidecar")),
    r("000", "flow", "Step 5: service-to-service traffic control is a mesh (App Mesh in the exam key)", &["app-mesh", "app-mesh-ended", "app-mesh-end-of-support"], ("mesh=1&advice=exam", "ecs-fargate app-mesh")),
    r("000", "flow", "Step 5: queue-driven scaling is SQS with Application Auto Scaling", &["sqs-app-autoscaling", "ecs-does-not-read-queues"], ("workload=queue&queue_scaling=1", "ecs-fargate sqs-app-autoscaling")),
    // 000: facts and exam tips.
    r("000", "fact", "Fargate bills running tasks per second with no idle instances; EC2 bills instances whether or not tasks fill them", &["fargate-not-always-cheaper"], NONE),
    r("000", "fact", "'Minimize operational overhead' points to Fargate or App Runner, unless a need only hosts meet", &["least-ops-but-host-needs"], ("ops=minimal&gpu=1", "ecs-ec2")),
    r("000", "fact", "The per-cluster EKS fee makes ECS the cheaper answer for small workloads without a Kubernetes need", &["eks-fee-without-k8s", "ecs-and-eks-not-interchangeable"], ("ops=minimal", "ecs-fargate")),
    r("000", "fact", "Fargate, and EKS Fargate profiles, run no DaemonSets or privileged containers, and Fargate has no GPUs", &["daemon-needs-hosts", "privileged-needs-ec2", "gpu-needs-ec2"], ("daemonset=1", "ecs-ec2")),
    r("000", "fact", "Persistent volumes on EKS Fargate are EFS only, never EBS", &["ebs-support"], ("k8s=1&ops=minimal&block_storage=1", "eks-ec2")),
    r("000", "fact", "Windows containers on Fargate have extra limits (no Fargate Spot among them)", &["windows-support", "fargate-spot-linux-only"], ("windows=1&interruptible=1&lowest_cost=1", "ecs-ec2 spot")),
    r("000", "fact", "Batch on Spot must retry interrupted jobs", &["spot-can-stop"], ("workload=batch&interruptible=1", "batch fargate-spot")),
    r("000", "fact", "FireLens routes ECS logs to several destinations", &["firelens-sidecar"], ("log_routing=1", "ecs-fargate firelens-sidecar")),
    r("000", "fact", "VPC Lattice is the newer answer for east-west traffic, above all across VPCs", &["vpc-lattice", "app-mesh-not-across-vpcs"], ("cross_vpc=1&mesh=1&advice=exam", "ecs-fargate vpc-lattice")),
    r("000", "fact", "Service Connect is the light answer for discovery between ECS services", &["service-connect", "ecs-service-connect", "service-connect-one-namespace"], ("service_discovery=1", "ecs-fargate service-connect")),
    r("000", "fact", "ECS does not read queue depth itself; Application Auto Scaling does", &["ecs-does-not-read-queues"], ("queue_scaling=1", "ecs-fargate sqs-app-autoscaling")),
    r("000", "fact", "App Runner scaling to zero (the lesson's claim; AWS keeps one provisioned instance, so today's answer is Lambda)", &["app-runner-never-zero", "app-runner-min-provisioned"], ("scale_to_zero=1&advice=exam", "app-runner")),
    r("000", "fact", "Fargate services do not scale to zero by themselves", &["app-runner-never-zero"], ("scale_to_zero=1", "lambda")),
    // 000: common mistakes.
    r("000", "mistake", "ECS and EKS are not interchangeable: pick EKS only for a Kubernetes need", &["ecs-and-eks-not-interchangeable", "eks-fee-without-k8s"], ("", "ecs-fargate")),
    r("000", "mistake", "Fargate is not always cheaper: 24/7 high utilization favours committed EC2", &["fargate-not-always-cheaper"], ("steady=1", "ecs-ec2")),
    r("000", "mistake", "Updating an ECS service is a rolling update, not blue/green", &["rolling-is-not-blue-green"], ("zero_downtime_rollback=1", "ecs-fargate blue-green")),
    r("000", "mistake", "EKS Fargate profiles do not run DaemonSets: logging goes through a sidecar or Fargate's log router", &["eks-fargate-no-daemonsets", "fargate-log-router"], ("k8s=1&ops=minimal&log_routing=1", "eks-fargate fargate-log-router")),
    r("000", "mistake", "App Runner is not just simpler Fargate: Fargate still needs task definitions, load balancer and TLS", &["code-only-is-not-fargate"], ("code_only=1&advice=exam", "app-runner")),
    r("000", "mistake", "ECR storage is billed, so old images are expired by a lifecycle policy", &["ecr-lifecycle-not-custom-code", "ecr-lifecycle"], ("image_cleanup=1", "ecs-fargate ecr-lifecycle")),
    // 001: a preview of the professional-level lesson.
    na("001", "fact", "ECS resources form a hierarchy of cluster, task definition, task and service", "Vocabulary, not a platform choice."),
    r("001", "fact", "Hybrid sites extend ECS or EKS with ECS Anywhere and EKS Anywhere", &["hybrid-needs-anywhere", "anywhere-needs-own-servers"], ("hybrid=1", "ecs-anywhere")),
    // 002: ECS, EKS and Fargate with examples.
    r("002", "table", "ECS for AWS-native apps, EKS for Kubernetes workloads, Fargate for serverless containers", &["k8s-needs-eks"], ("k8s=1", "eks-ec2")),
    r("002", "fact", "Cloud Map registers services under names so callers stop using IP addresses", &["cloud-map"], ("service_discovery=1&advice=exam", "ecs-fargate cloud-map")),
    r("002", "fact", "Fargate Spot cuts the cost of fault-tolerant work", &["spot-can-stop"], ("interruptible=1", "ecs-fargate fargate-spot")),
    r("002", "fact", "Savings Plans cut the cost of predictable work", &["fargate-not-always-cheaper"], ("steady=1&ops=minimal", "ecs-fargate savings-plan")),
    r("002", "mistake", "Hard-coded endpoints break when tasks move: use service discovery", &["cloud-map", "service-connect"], ("service_discovery=1", "ecs-fargate service-connect")),
    na("002", "fact", "Fargate requires awsvpc networking, one network interface per task", "Every Fargate answer uses it; it decides nothing between platforms."),
    na("002", "mistake", "Give tasks memory headroom over their observed peak", "Task sizing: the cost inputs cpu and mem, not a decision rule."),
    na("002", "mistake", "Define container and load balancer health checks", "Configuration of whatever platform is chosen."),
    na("002", "mistake", "Use awsvpc rather than bridge networking", "Configuration of whatever platform is chosen."),
    na("002", "mistake", "Keep secrets in Secrets Manager or Parameter Store, never in task definitions", "Security hygiene on every platform."),
    na("002", "mistake", "Configure a log driver so logs go somewhere", "Every platform writes to CloudWatch Logs; routing elsewhere is the log_routing rule."),
    na("002", "mistake", "Set deployment percentages and the circuit breaker", "Deployment tuning; the deployment pattern itself comes from the delivery rules."),
    na("002", "mistake", "Scale EC2 clusters with capacity providers, not by hand", "How the ECS on EC2 answer is run: its plan always names a capacity provider."),
    na("002", "fact", "Each awsvpc task uses one network interface, bounded per instance", "Capacity planning on EC2, not a platform choice."),
    na("002", "fact", "Scheduled scaling follows predictable daily patterns", "A scaling policy available on every option."),
    // 003: the containers concept page.
    r("003", "table", "The quickest container web service is App Runner (exam key)", &["app-runner-closed"], ("code_only=1&ops=minimal&advice=exam", "app-runner")),
    r("003", "table", "GPUs, a custom OS or high density mean ECS on EC2", &["gpu-needs-ec2", "privileged-needs-ec2", "binpack-needs-instances"], ("pack_for_cost=1", "ecs-ec2 binpack")),
    r("003", "table", "Short-lived event-driven work is Lambda", &["lambda-15-minutes"], ("workload=function", "lambda")),
    r("003", "table", "Serverless containers with no node operations: Fargate on ECS or EKS", &["least-ops-but-host-needs"], ("k8s=1&ops=minimal", "eks-fargate")),
    r("003", "quiz", "Cutting the cost of batch containers: Fargate Spot or EC2 Spot capacity", &["spot-can-stop", "batch-fargate-first"], ("workload=batch&interruptible=1&job_minutes=240&advice=exam", "batch spot")),
    r("003", "quiz", "GPU inference containers run on ECS on EC2", &["gpu-needs-ec2"], ("gpu=1&ops=minimal", "ecs-ec2")),
    r("003", "quiz", "Kubernetes teams that must stay portable use EKS", &["k8s-needs-eks"], ("k8s=1", "eks-ec2")),
    r("003", "quiz", "Automatic vulnerability scanning of images is ECR scanning", &["ecr-scanning"], ("image_scanning=1", "ecs-fargate ecr-scanning")),
    na("003", "quiz", "Deploying on every commit: App Runner or ECS with CodePipeline", "CI/CD tooling; the code-only rule covers the App Runner half."),
    r("003", "fact", "'Without managing servers' plus containers means Fargate", &["least-ops-but-host-needs"], ("ops=minimal", "ecs-fargate")),
    // 004: ECS, EKS and ECR key facts.
    r("004", "fact", "ECS has no control-plane fee; each EKS cluster pays one by the hour", &["eks-fee-without-k8s"], NONE),
    r("004", "table", "Fargate for least operations; EC2 for GPUs, custom AMIs or kernels, Spot fleets and per-host tuning", &["privileged-needs-ec2", "gpu-needs-ec2"], ("privileged=1&ops=minimal", "ecs-ec2")),
    r("004", "table", "Maximum cost optimization: EC2 Spot together with Fargate Spot", &["spot-can-stop", "fargate-spot-linux-only", "eks-fargate-no-spot"], ("interruptible=1&lowest_cost=1", "ecs-fargate fargate-spot")),
    r("004", "table", "On-premises servers plus AWS APIs: ECS Anywhere or EKS Anywhere", &["hybrid-needs-anywhere", "hybrid-not-lift-to-ec2"], ("hybrid=1&k8s=1", "eks-anywhere")),
    r("004", "table", "GPU machine learning runs on EC2 GPU instances under ECS or EKS", &["gpu-needs-ec2"], ("gpu=1&k8s=1", "eks-ec2")),
    r("004", "fact", "'Least operational overhead' gives way to GPUs or kernel modules: Fargate exposes no host", &["least-ops-but-host-needs"], ("gpu=1&ops=minimal", "ecs-ec2")),
    r("004", "table", "ECR lifecycle policies expire untagged and old images", &["ecr-lifecycle", "ecr-lifecycle-not-custom-code"], ("image_cleanup=1", "ecs-fargate ecr-lifecycle")),
    r("004", "table", "ECR scans images on push (basic, or enhanced with Inspector)", &["ecr-scanning"], ("image_scanning=1", "ecs-fargate ecr-scanning")),
    na("004", "table", "ECR encrypts images, replicates across Regions and shares across accounts", "Registry features with no platform decision behind them."),
    r("004", "table", "binpack fills each instance first to use the fewest instances", &["binpack", "binpack-needs-instances", "fargate-no-host-placement"], ("pack_for_cost=1", "ecs-ec2 binpack")),
    r("004", "table", "spread distributes tasks over zones and instances for availability", &["spread", "fargate-spreads-by-itself"], ("spread_for_availability=1&ops=full", "ecs-ec2 spread")),
    r("004", "table", "random places tasks with no preference", &["placement-needs-ec2"], ("placement_strategy=1", "ecs-ec2")),
    r("004", "table", "Placement strategies exist for the EC2 launch type only", &["placement-needs-ec2", "fargate-no-host-placement"], ("placement_strategy=1&ops=minimal", "ecs-ec2")),
    r("004", "table", "Fargate Spot is much cheaper for interruption-tolerant tasks", &["spot-can-stop", "fargate-spot-linux-only"], ("interruptible=1", "ecs-fargate fargate-spot")),
    r("004", "table", "EC2 Auto Scaling groups with Spot Instances give the deepest savings", &["spot-can-stop"], ("interruptible=1&ops=full", "ecs-ec2 spot")),
    r("004", "fact", "Cloud Map gives containers DNS and API discovery by name", &["cloud-map"], ("service_discovery=1&advice=exam", "ecs-fargate cloud-map")),
    r("004", "fact", "App Mesh adds richer traffic control (retired since 30 September 2026)", &["app-mesh", "app-mesh-end-of-support"], ("mesh=1&advice=exam", "ecs-fargate app-mesh")),
    r("004", "fact", "Cheapest batch containers: Fargate Spot, or EC2 Spot with binpack", &["batch-fargate-first", "binpack-needs-instances"], ("workload=batch&interruptible=1&pack_for_cost=1", "batch spot")),
    na("004", "fact", "The task role is for the application's calls, the execution role for pulling images and writing logs", "IAM configuration on every ECS option."),
    na("004", "fact", "A task needing its own security group and IP points to awsvpc, as on Fargate", "Networking mode of whatever platform is chosen."),
    r("004", "fact", "Work that must stay on premises uses the Anywhere options, not a move to EC2", &["hybrid-not-lift-to-ec2"], ("hybrid=1", "ecs-anywhere")),
    na("004", "fact", "Outposts runs ECS or EKS on AWS racks for disconnected or low-latency sites", "Outposts is not one of the options the playground models."),
    r("004", "quiz", "Finding microservices by a stable name: Cloud Map", &["cloud-map"], ("service_discovery=1&advice=exam", "ecs-fargate cloud-map")),
    r("004", "quiz", "Packing ECS-on-EC2 tasks onto the fewest instances: binpack", &["binpack"], ("ops=full&pack_for_cost=1", "ecs-ec2 binpack")),
    r("004", "quiz", "A fault-tolerant batch job on Fargate costs least on Fargate Spot", &["spot-can-stop"], ("workload=batch&interruptible=1&advice=exam", "batch fargate-spot")),
    r("004", "quiz", "Untagged images inflating storage: an ECR lifecycle policy", &["ecr-lifecycle-not-custom-code"], ("image_cleanup=1", "ecs-fargate ecr-lifecycle")),
];

fn known_ids() -> Vec<&'static str> {
    let mut ids: Vec<&str> = rules::RULES.iter().map(|r| r.id).collect();
    ids.extend(traps::TRAPS.iter().map(|t| t.id));
    ids.extend(dated::DATED.iter().map(|d| d.id));
    ids.extend([dated::APP_RUNNER_NEVER_ZERO.id, dated::BATCH_FARGATE_FIRST.id]);
    ids.extend(Extra::ALL.iter().map(|e| e.id()));
    ids
}

#[test]
fn every_lesson_rule_is_mapped_to_ids_that_exist_or_says_why_not() {
    let known = known_ids();
    let mut problems = Vec::new();
    for e in INVENTORY {
        if e.ids.is_empty() && e.not_applicable.is_empty() {
            problems.push(format!("{} {}: “{}” has neither ids nor a reason", e.lesson, e.part, e.says));
        }
        for id in e.ids {
            if !known.contains(id) {
                problems.push(format!("{} {}: “{}” names unknown id {id}", e.lesson, e.part, e.says));
            }
        }
    }
    for lesson in ["000", "001", "002", "003", "004"] {
        if !INVENTORY.iter().any(|e| e.lesson == lesson) {
            problems.push(format!("lesson {lesson} has no entry"));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_decision_rule_gets_the_lessons_answer() {
    let mut problems = Vec::new();
    for e in INVENTORY.iter().filter(|e| !e.check.1.is_empty()) {
        let (query, want) = e.check;
        let (state, notices) = parse_query(query);
        if !notices.is_empty() {
            problems.push(format!("{query}: {notices:?}"));
            continue;
        }
        let d = decide(&Facts::from_state(&state));
        let mut want = want.split_whitespace();
        let platform = want.next().unwrap_or("");
        let got = d.top.map(Platform::id).unwrap_or("");
        if got != platform {
            problems.push(format!("“{}” ({query}): expected {platform}, got {got}", e.says));
            continue;
        }
        let pl = d.top_plan().expect("a pick has a plan");
        let mut have: Vec<&str> = pl.extras.iter().map(Extra::id).collect();
        have.extend(pl.capacity.map(|c| c.id()));
        have.extend(pl.deploy.map(|c| c.id()));
        for w in want {
            if !have.contains(&w) {
                problems.push(format!("“{}” ({query}): expected {w} in the plan, got {have:?}", e.says));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_rule_and_trap_traces_back_to_a_lesson_or_says_it_is_today_only() {
    // Ids no lesson states: what the engine adds on its own (App Runner and Express Mode serve web apps
    // only; the exam key is not today's advice). Listed so that a new id cannot slip in without a
    // decision about where it comes from.
    const ENGINE_ONLY: &[&str] = &["web-apps-only", "exam-vs-today"];
    let mapped: Vec<&str> = INVENTORY.iter().flat_map(|e| e.ids.iter().copied()).collect();
    let missing: Vec<&str> = rules::RULES
        .iter()
        .map(|r| r.id)
        .chain(traps::TRAPS.iter().map(|t| t.id))
        .filter(|id| !mapped.contains(id) && !ENGINE_ONLY.contains(id))
        .collect();
    assert!(missing.is_empty(), "rules or traps no lesson entry names: {missing:?}");
}
