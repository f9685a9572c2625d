//! The five-step flow that chooses among what the rules left viable.
//!
//! It follows the decision flow the exam-prep material teaches (Kubernetes? batch? least operations?
//! EC2-only needs? otherwise Fargate), with two additions the inputs make possible: a step 0 for
//! work that must stay on your own servers, and short event-driven functions going to Lambda. Where
//! the exam answer key and today's AWS advice part ways (App Runner, scale to zero), the step looks at
//! [`Advice`]. If a step's choice is not viable, the flow moves on; if nothing matches, the first
//! viable option in [`PREFERENCE`] order wins, so the engine always answers when anything is viable.

use super::{Facts, Step};
use crate::params::{Advice, Key, Ops, Workload};
use crate::platform::{Platform as P, Platform, PlatformSet};

/// Fallback order: the simplest general-purpose options first.
pub const PREFERENCE: [Platform; 10] = [
    P::EcsFargate,
    P::EcsEc2,
    P::EksEc2,
    P::EksFargate,
    P::EcsExpress,
    P::AppRunner,
    P::Lambda,
    P::Batch,
    P::EcsAnywhere,
    P::EksAnywhere,
];

/// Whether a fact pushes towards EC2 hosts in step 4 (GPU, privileged, per-host agents, instances to
/// place or pack tasks on, full control, cost at sustained scale, or Spot for Windows).
pub fn wants_ec2(f: &Facts) -> bool {
    f.has(Key::Gpu)
        || f.has(Key::Privileged)
        || f.has(Key::Daemonset)
        || wants_instances(f)
        || f.ops == Ops::Full
        || (f.has(Key::Steady) && (f.ops != Ops::Minimal || f.has(Key::LowestCost)))
        || windows_spot(f)
}

/// Whether the question asks for instances to place tasks on: a placement strategy, or packing tasks
/// onto as few instances as possible.
pub fn wants_instances(f: &Facts) -> bool {
    f.has(Key::PlacementStrategy) || f.has(Key::PackForCost)
}

/// Whether interruptible Windows work must be as cheap as possible: only EC2 Spot gives it a Spot price.
pub fn windows_spot(f: &Facts) -> bool {
    f.has(Key::Windows) && f.has(Key::Interruptible) && f.has(Key::LowestCost)
}

/// Whether the lowest price outranks the least operations (steady load that must be cheapest).
fn cost_first(f: &Facts) -> bool {
    f.has(Key::LowestCost) && f.has(Key::Steady)
}

/// Chooses the top pick among `viable`, and the step that chose it.
pub fn choose(f: &Facts, viable: PlatformSet) -> (Option<Platform>, Step) {
    let pick = |p: Platform| viable.contains(p).then_some(p);

    // Step 0: your own servers.
    if f.has(Key::Hybrid) {
        let p = if f.has(Key::K8s) { P::EksAnywhere } else { P::EcsAnywhere };
        if let Some(p) = pick(p).or_else(|| pick(P::EcsAnywhere)).or_else(|| pick(P::EksAnywhere)) {
            return (Some(p), Step::Hybrid);
        }
    }

    // Step 1: Kubernetes.
    if f.has(Key::K8s) {
        let serverless_first = f.ops == Ops::Minimal;
        let order = if serverless_first { [P::EksFargate, P::EksEc2] } else { [P::EksEc2, P::EksFargate] };
        if let Some(p) = order.into_iter().find_map(pick) {
            return (Some(p), Step::Kubernetes);
        }
    }

    // Step 2: finite jobs, or short event-driven functions.
    if f.workload == Workload::Batch {
        if let Some(p) = pick(P::Batch) {
            return (Some(p), Step::Batch);
        }
    }
    if f.workload == Workload::Function {
        if let Some(p) = pick(P::Lambda) {
            return (Some(p), Step::Function);
        }
    }

    // Step 3: least operations (code-only web apps, scale to zero, or simply minimal ops).
    if f.workload == Workload::Service {
        if f.has(Key::ScaleToZero) {
            let p = match f.advice {
                Advice::Exam => pick(P::AppRunner),
                // App Runner keeps a provisioned instance; Lambda is the option that truly idles at zero.
                Advice::Current => pick(P::Lambda),
            };
            if let Some(p) = p {
                return (Some(p), Step::ScaleToZero);
            }
        }
        if f.has(Key::CodeOnly) {
            let p = match f.advice {
                Advice::Exam => pick(P::AppRunner).or_else(|| pick(P::EcsExpress)),
                Advice::Current => pick(P::EcsExpress),
            };
            if let Some(p) = p {
                return (Some(p), Step::CodeOnly);
            }
        }
    }
    if (f.ops == Ops::Minimal || f.has(Key::CodeOnly)) && !cost_first(f) {
        if let Some(p) = pick(P::EcsFargate) {
            return (Some(p), Step::LeastOps);
        }
    }

    // Step 4: needs only EC2 hosts meet, or cost at sustained scale.
    if wants_ec2(f) {
        if let Some(p) = pick(P::EcsEc2) {
            return (Some(p), Step::Ec2Needs);
        }
    }

    // Otherwise: ECS on Fargate.
    if let Some(p) = pick(P::EcsFargate) {
        return (Some(p), Step::Default);
    }
    (PREFERENCE.into_iter().find_map(pick), Step::Fallback)
}
