//! The decision engine: from what a workload needs to how to run it.
//!
//! It works in two passes, kept apart on purpose:
//! - [`decide`] is the hot path. It reads the decision facts, applies the hard-constraint [`rules`],
//!   walks the five-step [`flow`] over what is left and returns a small `Copy` value. It allocates
//!   nothing, so "what would change the answer" ([`flips`]) can re-run it dozens of times per frame.
//! - [`explain`] turns a [`Decision`] into words for the cards: reasons, traps, the smallest input
//!   changes that flip the answer, and where the exam answer key and today's AWS advice differ.
//!
//! Every rule, trap and dated change is data with an id, a reason in the project's own words and a
//! source ([`sources`]); the words and the sources live in `core/data/decision/prose.json` ([`prose`]).
//! The cost model plugs in later: it ranks what this engine leaves viable.

pub mod dated;
pub mod explain;
pub mod flips;
pub mod flow;
pub mod plan;
pub mod prose;
pub mod rules;
pub mod sources;
pub mod text;
pub mod traps;

pub use explain::{explain, CardText, Explanation};
pub use plan::{plan, Plan};

use crate::params::{Advice, Key, Ops, Workload};
use crate::platform::{Platform, PlatformSet, PLATFORM_COUNT};
use crate::state::State;

/// The decision facts: the workload inputs, packed so that copies and comparisons are cheap.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Facts {
    /// What the workload does.
    pub workload: Workload,
    /// How much the team wants to operate.
    pub ops: Ops,
    /// Exam answer key or today's advice.
    pub advice: Advice,
    /// Typical job or invocation length, minutes.
    pub job_minutes: f64,
    flags: u128,
}

/// Every boolean decision input, in table order.
pub const FLAG_KEYS: [Key; 25] = [
    Key::K8s,
    Key::Gpu,
    Key::Privileged,
    Key::Daemonset,
    Key::Windows,
    Key::BlockStorage,
    Key::Hybrid,
    Key::CodeOnly,
    Key::Interruptible,
    Key::Steady,
    Key::ScaleToZero,
    Key::ZeroDowntimeRollback,
    Key::GradualRollout,
    Key::LogRouting,
    Key::ServiceDiscovery,
    Key::Mesh,
    Key::QueueScaling,
    Key::ImageCleanup,
    Key::ImageScanning,
    Key::PackForCost,
    Key::SpreadForAvailability,
    Key::PlacementStrategy,
    Key::LowestCost,
    Key::CrossVpc,
    Key::MixedPlatforms,
];

/// Every key the decision engine reads. Any other key cannot change a decision.
pub const DECISION_KEYS: [Key; 29] = [
    Key::Workload,
    Key::Ops,
    Key::K8s,
    Key::Gpu,
    Key::Privileged,
    Key::Daemonset,
    Key::Windows,
    Key::BlockStorage,
    Key::Hybrid,
    Key::CodeOnly,
    Key::Interruptible,
    Key::Steady,
    Key::ScaleToZero,
    Key::ZeroDowntimeRollback,
    Key::GradualRollout,
    Key::LogRouting,
    Key::ServiceDiscovery,
    Key::Mesh,
    Key::QueueScaling,
    Key::ImageCleanup,
    Key::ImageScanning,
    Key::PackForCost,
    Key::SpreadForAvailability,
    Key::PlacementStrategy,
    Key::LowestCost,
    Key::CrossVpc,
    Key::MixedPlatforms,
    Key::JobMinutes,
    Key::Advice,
];

impl Default for Facts {
    fn default() -> Self {
        Facts::from_state(&State::default())
    }
}

impl Facts {
    /// Reads the decision facts out of the input state.
    pub fn from_state(s: &State) -> Facts {
        let mut flags = 0u128;
        for k in FLAG_KEYS {
            if s.flag(k) {
                flags |= 1 << k.index();
            }
        }
        Facts {
            workload: s.workload(),
            ops: s.ops(),
            advice: s.advice(),
            job_minutes: s.num(Key::JobMinutes),
            flags,
        }
    }

    /// Whether boolean input `k` is on.
    pub fn has(&self, k: Key) -> bool {
        self.flags & (1 << k.index()) != 0
    }

    /// Turns boolean input `k` on or off.
    pub fn set(&mut self, k: Key, on: bool) {
        if on {
            self.flags |= 1 << k.index();
        } else {
            self.flags &= !(1 << k.index());
        }
    }

    /// The same facts with boolean input `k` on or off.
    pub fn with(mut self, k: Key, on: bool) -> Facts {
        self.set(k, on);
        self
    }

    /// Writes these facts back into an input state (other inputs untouched).
    pub fn write(&self, s: &mut State) {
        use crate::state::Val;
        for k in FLAG_KEYS {
            let _ = s.set(k, Val::Flag(self.has(k)));
        }
        let _ = s.set(Key::Workload, Val::Choice(self.workload as usize));
        let _ = s.set(Key::Ops, Val::Choice(self.ops as usize));
        let _ = s.set(Key::Advice, Val::Choice(self.advice as usize));
        let _ = s.set(Key::JobMinutes, Val::Num(self.job_minutes));
    }

    /// Whether the longest piece of work runs past Lambda's 15-minute limit.
    pub fn over_lambda_limit(&self) -> bool {
        self.job_minutes > 15.0
    }
}

/// A card's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// The top pick.
    Recommended,
    /// Allowed by every rule; an alternative.
    Viable,
    /// Excluded by at least one rule.
    RuledOut,
}

impl Status {
    /// The `data-status` value.
    pub fn id(self) -> &'static str {
        match self {
            Status::Recommended => "recommended",
            Status::Viable => "viable",
            Status::RuledOut => "ruled-out",
        }
    }
}

/// Which step of the flow chose the top pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// Step 0: the workload must stay on your own servers.
    Hybrid,
    /// Step 1: Kubernetes is required.
    Kubernetes,
    /// Step 2: finite batch jobs.
    Batch,
    /// Step 2: short event-driven functions.
    Function,
    /// Step 3: scale to zero when idle.
    ScaleToZero,
    /// Step 3: deploy code or an image with no infrastructure configuration.
    CodeOnly,
    /// Step 3: least operational overhead.
    LeastOps,
    /// Step 4: needs that only EC2 hosts meet, or cost at sustained scale.
    Ec2Needs,
    /// Step 4, no: the default.
    Default,
    /// The step's choice was ruled out; the first viable option in preference order.
    Fallback,
}

/// The outcome of the engine for one set of facts. Small and `Copy`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decision {
    /// The facts decided on.
    pub facts: Facts,
    /// Platforms no rule excludes.
    pub viable: PlatformSet,
    /// For each platform, bits over [`rules::RULES`] that exclude it.
    pub excluded_by: [u64; PLATFORM_COUNT],
    /// The top pick, if anything is viable.
    pub top: Option<Platform>,
    /// The step that chose the top pick.
    pub step: Step,
}

impl Decision {
    /// The status of platform `p`.
    pub fn status(&self, p: Platform) -> Status {
        if self.top == Some(p) {
            Status::Recommended
        } else if self.viable.contains(p) {
            Status::Viable
        } else {
            Status::RuledOut
        }
    }

    /// The rules that exclude `p`.
    pub fn rules_against(&self, p: Platform) -> impl Iterator<Item = &'static rules::Rule> {
        let bits = self.excluded_by[p.index()];
        rules::RULES.iter().enumerate().filter(move |(i, _)| bits & (1 << i) != 0).map(|(_, r)| r)
    }

    /// The plan (capacity, deployment, extras) of the top pick.
    pub fn top_plan(&self) -> Option<Plan> {
        self.top.map(|p| plan(p, &self.facts))
    }
}

/// Runs the engine: rules first, then the flow over what is left. Allocation-free.
pub fn decide(facts: &Facts) -> Decision {
    let (viable, excluded_by) = rules::apply(facts);
    let (top, step) = flow::choose(facts, viable);
    Decision { facts: *facts, viable, excluded_by, top, step }
}

/// Runs the engine on an input state.
pub fn decide_state(s: &State) -> Decision {
    decide(&Facts::from_state(s))
}
