//! Words for the cards: reasons, traps, what would change the answer, exam key versus today.
//!
//! [`explain`] runs after [`super::decide`] and may allocate: it is computed once per change of the
//! decision facts (the shell memoizes it), never per slider step. Everything it says is derived from
//! the rules, the flow, the plans and the dated facts; no scenario has hand-written output.

use super::dated::{self, DatedFact};
use super::flips::{Change, Neighbours};
use super::flow::wants_instances;
use super::plan::{plan, BatchCompute, Capacity, Deploy, DeployVia, Extra, Plan};
use super::rules::Rule;
use super::sources::{source, Source};
use super::text::{about, why_step, About};
use super::traps::{self, Trap};
use super::{decide, Decision, Facts, Status, Step};
use crate::params::{Advice, Key};
use crate::platform::{Platform as P, Platform, PlatformSet};

/// A rule that excludes a platform, ready to show.
#[derive(Debug, Clone)]
pub struct RuleHit {
    /// The rule.
    pub rule: &'static Rule,
    /// Its source.
    pub source: &'static Source,
}

/// A way to change the answer, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct FlipText {
    /// The changes in words, e.g. "tick “Needs Kubernetes”".
    pub text: String,
    /// The changes as URL pairs, e.g. `k8s=1`.
    pub query: String,
    /// The changes, to apply from the page.
    pub changes: Vec<Change>,
    /// The new top pick.
    pub top: Option<Platform>,
}

/// Where the exam answer key and today's advice differ.
#[derive(Debug, Clone)]
pub struct Diff {
    /// What differs ("Top pick", "Deployment", "Service mesh", …).
    pub aspect: &'static str,
    /// The exam key's answer.
    pub exam: String,
    /// Today's advice.
    pub current: String,
    /// The dated fact behind the difference.
    pub fact: &'static DatedFact,
}

impl Diff {
    /// The source of the dated fact.
    pub fn source(&self) -> &'static Source {
        source(self.fact.source)
    }
}

/// Everything a card says about one platform.
#[derive(Debug, Clone)]
pub struct CardText {
    /// The platform.
    pub platform: Platform,
    /// Recommended, viable or ruled out.
    pub status: Status,
    /// Fixed description.
    pub about: About,
    /// Why this status, in plain words.
    pub reasons: Vec<String>,
    /// The rules that exclude it.
    pub rules: Vec<RuleHit>,
    /// Traps that belong on this card.
    pub traps: Vec<&'static Trap>,
    /// How it would be run.
    pub plan: Plan,
    /// The plan in words (capacity, deployment, each extra).
    pub plan_lines: Vec<String>,
    /// What would make it the pick (or, when ruled out, viable); for the pick, what would change it.
    pub changes: Vec<FlipText>,
    /// Exam key versus today on this card.
    pub diffs: Vec<Diff>,
    /// Other dated notes (e.g. ECS Managed Instances on the ECS on EC2 card).
    pub notes: Vec<(String, &'static DatedFact)>,
}

/// The whole explanation of a decision.
#[derive(Debug, Clone)]
pub struct Explanation {
    /// The decision explained.
    pub decision: Decision,
    /// The same facts decided under the other advice.
    pub other: Decision,
    /// One line: the recommendation as a whole.
    pub headline: String,
    /// Why the top pick, step by step.
    pub reasons: Vec<String>,
    /// Traps the recommendation avoids.
    pub traps: Vec<&'static Trap>,
    /// The smallest changes that flip the top pick.
    pub flips: Vec<FlipText>,
    /// Exam key versus today for the question as a whole.
    pub diffs: Vec<Diff>,
    /// One card per platform, in [`Platform::ALL`] order.
    pub cards: Vec<CardText>,
    /// Set when nothing is viable: why, in words.
    pub none_fits: Option<String>,
}

fn flip_text(changes: &[Change], top: Option<Platform>) -> FlipText {
    let words: Vec<String> = changes.iter().map(|c| c.describe()).collect();
    FlipText {
        text: words.join(" and "),
        query: changes.iter().map(|c| c.query()).collect::<Vec<_>>().join("&"),
        changes: changes.to_vec(),
        top,
    }
}

fn capacity_line(p: Platform, pl: &Plan, f: &Facts) -> Option<String> {
    let c = pl.capacity?;
    Some(match c {
        Capacity::FargateSpot => "Capacity: Fargate Spot, up to 70 % off for work that tolerates interruption (Linux tasks on ECS, x86 or Arm).".to_string(),
        Capacity::Spot => "Capacity: EC2 Spot Instances, the deepest discount, for work that can be interrupted and retried.".to_string(),
        Capacity::SavingsPlan => match p {
            P::EcsFargate | P::EksFargate | P::EcsExpress | P::Lambda => {
                "Capacity: a Compute Savings Plan; it covers Fargate and Lambda as well as EC2, so a steady baseline costs less without choosing instances.".to_string()
            }
            P::Batch if pl.batch_compute == Some(BatchCompute::Fargate) => {
                "Capacity: a Compute Savings Plan covers the Fargate jobs underneath.".to_string()
            }
            _ => "Capacity: Savings Plans or Reserved Instances for the steady 24/7 baseline (Compute Savings Plans also cover Fargate and Lambda).".to_string(),
        },
        Capacity::OnDemand => {
            if f.has(Key::Interruptible) {
                match p {
                    P::EksFargate => "Capacity: on-demand. EKS on Fargate has no Spot; EC2 nodes with Spot would be the way to save.".to_string(),
                    P::Lambda | P::AppRunner => "Capacity: on-demand; there is no Spot for this service.".to_string(),
                    P::EcsExpress => "Capacity: on-demand Fargate as Express Mode sets it up; a Fargate Spot strategy can be added to the service afterwards.".to_string(),
                    _ if f.has(Key::Windows) => "Capacity: on-demand. Fargate Spot runs Linux tasks only (x86 or Arm), never Windows; EC2 Spot is the way to save on Windows.".to_string(),
                    _ => "Capacity: on-demand.".to_string(),
                }
            } else if f.has(Key::Steady) && p == P::AppRunner {
                "Capacity: on-demand. Savings Plans do not cover App Runner.".to_string()
            } else {
                "Capacity: on-demand; nothing here is steady enough to commit to or tolerant enough for Spot.".to_string()
            }
        }
    })
}

fn deploy_line(p: Platform, pl: &Plan) -> Option<String> {
    let d = pl.deploy?;
    let via = pl.deploy_via.map(DeployVia::label).unwrap_or("the platform");
    Some(match (d, p) {
        (Deploy::Rolling, P::AppRunner) => "Deployment: App Runner rolls out new versions itself and keeps serving the old one until the new one is healthy.".to_string(),
        (Deploy::Rolling, P::EcsAnywhere) => "Deployment: rolling updates; ECS Anywhere services have no load balancer integration for blue/green.".to_string(),
        (Deploy::Rolling, _) => format!("Deployment: rolling update by {via}, the default; it keeps the service up but is not blue/green."),
        (Deploy::BlueGreen, _) => format!("Deployment: blue/green by {via}: the new revision runs beside the old, traffic switches at once and rolls back at once."),
        (Deploy::Canary, P::EcsExpress) => "Deployment: canary, as Express Mode sets it up: a small share of traffic first with short bake times, rolled back by an alarm on errors.".to_string(),
        (Deploy::Canary, _) => format!("Deployment: canary by {via}: a small share of traffic first, the rest after a bake time; linear steps are the gentler alternative."),
        (Deploy::Linear, _) => format!("Deployment: linear by {via}: traffic shifts in equal steps."),
        (Deploy::AllAtOnce, _) => "Deployment: all at once; a new version takes every request as soon as it is published.".to_string(),
    })
}

fn extra_line(e: Extra, p: Platform) -> String {
    let why = match e {
        Extra::FirelensSidecar => "a FireLens sidecar (Fluent Bit) routes logs to any destination without code changes",
        Extra::FargateLogRouter => "Fargate's built-in Fluent Bit router ships pod logs; no DaemonSet, no sidecar needed",
        Extra::FluentBitDaemonset => "a Fluent Bit DaemonSet collects logs from every node",
        Extra::ServiceConnect => "Service Connect gives name-based discovery with retries and traffic metrics between ECS services",
        Extra::CloudMap => "Cloud Map registers tasks under stable names so callers never track IP addresses",
        Extra::AppMesh => "App Mesh (the exam key's mesh): Envoy sidecars for traffic control and mTLS",
        Extra::VpcLattice => "VPC Lattice connects services across VPCs and accounts, and between ECS, EKS and Lambda, with auth policies and no sidecars",
        Extra::SqsAppAutoscaling => "Application Auto Scaling tracks the queue backlog per task and sets the desired count",
        Extra::Keda => "KEDA scales pods on queue depth and other event sources",
        Extra::EcrLifecycle => "an ECR lifecycle policy expires untagged and old images",
        Extra::EcrScanning => "ECR scans images on push (enhanced scanning uses Amazon Inspector)",
        Extra::Binpack => "binpack fills each instance before the next, so fewer instances run",
        Extra::Spread => "spread places tasks evenly across Availability Zones",
    };
    let _ = p;
    format!("{}: {}.", e.label(), why)
}

fn plan_lines(p: Platform, pl: &Plan, f: &Facts) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(bc) = pl.batch_compute {
        out.push(match bc {
            BatchCompute::Ec2 => "Compute: EC2 compute environments (GPUs, privileged jobs or host access need them).".to_string(),
            BatchCompute::Fargate => "Compute: Fargate compute environments, nothing to manage.".to_string(),
        });
    }
    out.extend(capacity_line(p, pl, f));
    out.extend(deploy_line(p, pl));
    out.extend(pl.extras.iter().map(|e| extra_line(e, p)));
    if f.has(Key::LogRouting) && matches!(p, P::AppRunner | P::Lambda | P::Batch) {
        out.push("Logs: this service writes to CloudWatch Logs; route them on from there with subscription filters.".to_string());
    }
    if f.has(Key::SpreadForAvailability) && !wants_instances(f) && matches!(p, P::EcsFargate | P::EcsExpress) {
        out.push("Spread: nothing to set; ECS already places a service's Fargate tasks across the Availability Zones of its subnets.".to_string());
    }
    if f.has(Key::PlacementStrategy) && p == P::EcsEc2 {
        out.push("Placement: name the strategy in the service (binpack to save instances, spread over zones or instances for availability, random for no preference).".to_string());
    }
    if (wants_instances(f) || f.has(Key::SpreadForAvailability)) && p == P::EksEc2 {
        out.push("Placement: ECS strategies don't exist here; Kubernetes topology spread constraints and Karpenter consolidation do the same jobs.".to_string());
    }
    out
}

fn advice_name(d: &Decision) -> String {
    d.top.map(|p| p.name().to_string()).unwrap_or_else(|| "no option fits".to_string())
}

/// The dated fact that explains why two advices pick different platforms.
fn top_fact(exam: &Decision, current: &Decision) -> &'static DatedFact {
    if exam.step == Step::ScaleToZero {
        return &dated::APP_RUNNER_NEVER_ZERO;
    }
    let id = if exam.top == Some(P::AppRunner) || current.top == Some(P::AppRunner) {
        "app-runner-closed"
    } else if current.top == Some(P::EcsExpress) {
        "ecs-express-mode"
    } else {
        "app-runner-closed"
    };
    dated::fact(id).unwrap_or(&dated::APP_RUNNER_NEVER_ZERO)
}

fn deploy_words(pl: &Plan) -> String {
    match (pl.deploy, pl.deploy_via) {
        (Some(d), Some(v)) => format!("{} by {}", d.label(), v.label()),
        (Some(d), None) => d.label().to_string(),
        _ => "not applicable".to_string(),
    }
}

fn extras_words(pl: &Plan, filter: &[Extra]) -> String {
    let names: Vec<&str> = pl.extras.iter().filter(|e| filter.contains(e)).map(Extra::label).collect();
    if names.is_empty() {
        "nothing extra".to_string()
    } else {
        names.join(" + ")
    }
}

fn plan_diffs(exam: &Plan, current: &Plan) -> Vec<Diff> {
    let mut out = Vec::new();
    if exam.deploy_via != current.deploy_via || exam.deploy != current.deploy {
        let canary = matches!(current.deploy, Some(Deploy::Canary | Deploy::Linear));
        let id = if canary { "ecs-native-canary-linear" } else { "ecs-native-blue-green" };
        if let Some(fact) = dated::fact(id) {
            out.push(Diff { aspect: "Deployment", exam: deploy_words(exam), current: deploy_words(current), fact });
        }
    }
    let mesh = [Extra::AppMesh, Extra::ServiceConnect, Extra::VpcLattice];
    let exam_mesh = exam.extras.contains(Extra::AppMesh);
    if exam_mesh != current.extras.contains(Extra::AppMesh) {
        if let Some(fact) = dated::fact("app-mesh-end-of-support") {
            out.push(Diff { aspect: "Service mesh", exam: extras_words(exam, &mesh), current: extras_words(current, &mesh), fact });
        }
    }
    if exam.batch_compute != current.batch_compute {
        let words = |pl: &Plan| match (pl.batch_compute, pl.capacity) {
            (Some(BatchCompute::Ec2), Some(Capacity::Spot)) => "EC2 Spot compute environment, jobs retried on interruption".to_string(),
            (Some(BatchCompute::Fargate), Some(Capacity::FargateSpot)) => "Fargate Spot compute environment, jobs retried on interruption".to_string(),
            (Some(BatchCompute::Ec2), _) => "EC2 compute environment".to_string(),
            _ => "Fargate compute environment".to_string(),
        };
        out.push(Diff { aspect: "Batch compute", exam: words(exam), current: words(current), fact: &dated::BATCH_FARGATE_FIRST });
    }
    let disc = [Extra::CloudMap, Extra::ServiceConnect];
    if !exam_mesh
        && exam.extras.contains(Extra::CloudMap) != current.extras.contains(Extra::CloudMap)
        && current.extras.contains(Extra::ServiceConnect)
    {
        if let Some(fact) = dated::fact("ecs-service-connect") {
            out.push(Diff { aspect: "Service discovery", exam: extras_words(exam, &disc), current: extras_words(current, &disc), fact });
        }
    }
    out
}

fn status_words(d: &Decision, p: Platform) -> String {
    match d.status(p) {
        Status::Recommended => "the recommended answer".to_string(),
        Status::Viable => "a viable alternative".to_string(),
        Status::RuledOut => {
            let titles: Vec<&str> = d.rules_against(p).map(|r| r.title).collect();
            format!("ruled out ({})", titles.join("; "))
        }
    }
}

fn card_diffs(p: Platform, exam: &Decision, current: &Decision) -> Vec<Diff> {
    let mut out = Vec::new();
    if exam.status(p) != current.status(p) {
        let fact = match p {
            P::AppRunner => dated::fact("app-runner-closed"),
            P::EcsExpress => dated::fact("ecs-express-mode"),
            P::Lambda if exam.step == Step::ScaleToZero => Some(&dated::APP_RUNNER_NEVER_ZERO),
            _ => Some(top_fact(exam, current)),
        };
        if let Some(fact) = fact {
            out.push(Diff { aspect: "Status", exam: status_words(exam, p), current: status_words(current, p), fact });
        }
    }
    out.extend(plan_diffs(&plan(p, &exam.facts), &plan(p, &current.facts)));
    if p == P::EksEc2 {
        if let Some(fact) = dated::fact("eks-auto-mode") {
            out.push(Diff {
                aspect: "Who runs the nodes",
                exam: "You do: managed node groups still need AMI updates, Kubernetes upgrades and scaling.".to_string(),
                current: "EKS Auto Mode can do it for you: AWS chooses, scales, patches and replaces the nodes, GPUs included, for a management fee.".to_string(),
                fact,
            });
        }
    }
    if p == P::EksAnywhere {
        if let Some(fact) = dated::fact("eks-hybrid-nodes") {
            out.push(Diff {
                aspect: "Kubernetes on your own servers",
                exam: "EKS Anywhere: you run the whole cluster on your hardware.".to_string(),
                current: "EKS Anywhere for disconnected sites; EKS Hybrid Nodes when your Linux servers stay connected and AWS should run the control plane.".to_string(),
                fact,
            });
        }
    }
    if p == P::EcsEc2 {
        if let Some(fact) = dated::fact("ecs-managed-instances") {
            out.push(Diff {
                aspect: "Who runs the instances",
                exam: "You do: AMIs, patching and an Auto Scaling group behind a capacity provider.".to_string(),
                current: "ECS Managed Instances can do it for you: AWS provisions, scales and patches the EC2 instances, GPUs included, for a management fee.".to_string(),
                fact,
            });
        }
    }
    out
}

fn card_reasons(p: Platform, d: &Decision, top_reason: &str) -> Vec<String> {
    match d.status(p) {
        Status::Recommended => vec![top_reason.to_string()],
        Status::RuledOut => d.rules_against(p).map(|r| format!("{}: {}", r.title, r.reason)).collect(),
        Status::Viable => {
            let mut v = vec![format!("Allowed by every rule. {}", about(p).good_for)];
            if let Some(top) = d.top {
                v.push(format!("Not the pick: {}", lower_first(&why_step(top, d.step, &d.facts))));
            }
            v
        }
    }
}

/// How the recommendation's list of the other viable options starts.
pub const ALSO_VIABLE: &str = "Also viable: ";

/// The recommendation's list of the other viable options, by name.
pub fn also_viable(names: &[&str]) -> String {
    format!("{ALSO_VIABLE}{}.", names.join(", "))
}

fn lower_first(s: &str) -> String {
    // The texts are this crate's own ASCII-initial sentences: the ASCII mapping is the Unicode one
    // here, and it keeps the Unicode case tables out of the wasm.
    let mut out = s.to_string();
    if let Some(f) = out.get_mut(..1) {
        f.make_ascii_lowercase();
    }
    out
}

/// Explains a decision: reasons, traps, flips and the exam-versus-today differences, for the
/// recommendation and for every card.
pub fn explain(d: &Decision) -> Explanation {
    let f = d.facts;
    let other_facts = Facts {
        advice: match f.advice {
            Advice::Exam => Advice::Current,
            Advice::Current => Advice::Exam,
        },
        ..f
    };
    let other = decide(&other_facts);
    let (exam, current) = match f.advice {
        Advice::Exam => (d, &other),
        Advice::Current => (&other, d),
    };

    let n = Neighbours::of(d);
    let top_reason = d.top.map(|p| why_step(p, d.step, &f)).unwrap_or_default();

    let mut reasons = Vec::new();
    if let Some(top) = d.top {
        reasons.push(top_reason.clone());
        reasons.push(about(top).summary.to_string());
        let rest: Vec<&str> = d.viable.iter().filter(|p| *p != top).map(Platform::name).collect();
        if !rest.is_empty() {
            reasons.push(also_viable(&rest));
        }
        let out = PlatformSet(PlatformSet::ALL.0 & !d.viable.0).len();
        if out > 0 {
            reasons.push(format!("{out} option{} ruled out by hard constraints, each naming its rule.", if out == 1 { " is" } else { "s are" }));
        }
    }

    let traps = traps::for_recommendation(&f, d.top);

    let flips: Vec<FlipText> = n.top_flips().iter().map(|fl| flip_text(&fl.changes, fl.top)).collect();

    let mut diffs = Vec::new();
    if exam.top != current.top {
        diffs.push(Diff {
            aspect: "Top pick",
            exam: advice_name(exam),
            current: advice_name(current),
            fact: top_fact(exam, current),
        });
    }
    if let (Some(pe), Some(pc)) = (exam.top, current.top) {
        if pe == pc {
            diffs.extend(plan_diffs(&plan(pe, &exam.facts), &plan(pc, &current.facts)));
        }
    }

    let cards = Platform::ALL
        .into_iter()
        .map(|p| {
            let pl = plan(p, &f);
            let status = d.status(p);
            let changes: Vec<FlipText> = match status {
                Status::Recommended => flips.clone(),
                Status::Viable => n.flips_to(p).iter().take(6).map(|fl| flip_text(&fl.changes, fl.top)).collect(),
                Status::RuledOut => {
                    let to_top: Vec<FlipText> =
                        n.flips_to(p).iter().take(6).map(|fl| flip_text(&fl.changes, fl.top)).collect();
                    if to_top.is_empty() {
                        n.unblocks(p)
                            .iter()
                            .take(6)
                            .map(|c| flip_text(&[*c], decide(&c.apply(&f)).top))
                            .collect()
                    } else {
                        to_top
                    }
                }
            };
            let mut notes = Vec::new();
            if p == P::AppRunner && f.advice == Advice::Exam {
                notes.push((
                    "Exam answer only: App Runner has taken no new customers since 30 April 2026.".to_string(),
                    dated::fact("app-runner-closed").unwrap_or(&dated::APP_RUNNER_NEVER_ZERO),
                ));
            }
            if p == P::AppRunner && f.has(Key::ScaleToZero) {
                notes.push((dated::APP_RUNNER_NEVER_ZERO.text.to_string(), &dated::APP_RUNNER_NEVER_ZERO));
            }
            CardText {
                platform: p,
                status,
                about: about(p),
                reasons: card_reasons(p, d, &top_reason),
                rules: d.rules_against(p).map(|r| RuleHit { rule: r, source: source(r.source) }).collect(),
                traps: traps::for_card(&f, p),
                plan_lines: plan_lines(p, &pl, &f),
                plan: pl,
                changes,
                diffs: card_diffs(p, exam, current),
                notes,
            }
        })
        .collect();

    let headline = match d.top_plan() {
        Some(pl) => {
            let mut h = pl.platform.name().to_string();
            if let Some(c) = pl.capacity {
                h.push_str(&format!(" · {}", c.label()));
            }
            if let Some(dp) = pl.deploy {
                h.push_str(&format!(" · {}", dp.label()));
            }
            h
        }
        None => "No option fits every need".to_string(),
    };

    let none_fits = d.top.is_none().then(|| {
        let mut rules: Vec<&str> = Vec::new();
        for p in Platform::ALL {
            for r in d.rules_against(p) {
                if !rules.contains(&r.title) {
                    rules.push(r.title);
                }
            }
        }
        format!(
            "Every option is ruled out by at least one need ({}). Relax one of them: the changes below show which.",
            rules.join("; ")
        )
    });

    Explanation { decision: *d, other, headline, reasons, traps, flips, diffs, cards, none_fits }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::decide;
    use crate::params::Ops;

    #[test]
    fn gpu_with_least_ops_explains_the_trap_and_the_rule() {
        let f = Facts { ops: Ops::Minimal, ..Facts::default() }.with(Key::Gpu, true);
        let e = explain(&decide(&f));
        assert_eq!(e.decision.top, Some(P::EcsEc2));
        assert_eq!(e.traps[0].id, "least-ops-but-host-needs");
        let fargate = &e.cards[P::EcsFargate.index()];
        assert_eq!(fargate.status, Status::RuledOut);
        assert!(fargate.rules.iter().any(|h| h.rule.id == "gpu-needs-ec2"));
        let ec2 = &e.cards[P::EcsEc2.index()];
        assert!(ec2.diffs.iter().any(|d| d.fact.id == "ecs-managed-instances"));
    }

    #[test]
    fn code_only_shows_exam_and_current_answers() {
        let f = Facts { ops: Ops::Minimal, advice: Advice::Exam, ..Facts::default() }.with(Key::CodeOnly, true);
        let e = explain(&decide(&f));
        assert_eq!(e.decision.top, Some(P::AppRunner));
        let diff = e.diffs.iter().find(|d| d.aspect == "Top pick").expect("top pick differs");
        assert_eq!(diff.exam, "App Runner");
        assert_eq!(diff.current, "ECS Express Mode");
        assert_eq!(diff.fact.date, "2026-04-30");

        let cur = explain(&decide(&Facts { advice: Advice::Current, ..f }));
        assert_eq!(cur.decision.top, Some(P::EcsExpress));
        let ar = &cur.cards[P::AppRunner.index()];
        assert_eq!(ar.status, Status::RuledOut);
        assert!(ar.diffs.iter().any(|d| d.aspect == "Status" && d.exam.contains("recommended")));
    }

    #[test]
    fn every_card_has_words() {
        let e = explain(&decide(&Facts::default()));
        assert_eq!(e.cards.len(), 10);
        for c in &e.cards {
            assert!(!c.reasons.is_empty(), "{:?}", c.platform);
        }
        assert!(!e.flips.is_empty());
        assert!(!e.traps.is_empty());
    }
}
