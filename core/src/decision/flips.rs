//! "What would change the answer": the smallest changes of inputs that flip a decision.
//!
//! Nothing here is written by hand per scenario. The engine is re-run for every single-input change
//! (each flag toggled, each other workload and ops value, a job length on the other side of Lambda's
//! limit); the changes whose decision differs are the answer. When no single change reaches a
//! platform, pairs of changes are tried. [`super::decide`] allocates nothing, so this stays cheap.

use super::{decide, Decision, Facts, FLAG_KEYS};
use crate::params::{Key, Ops, Workload};
use crate::platform::Platform;
use crate::state::Val;

/// One change of one input.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Change {
    /// Turn a flag on or off.
    Flag(Key, bool),
    /// Switch the workload kind.
    Workload(Workload),
    /// Switch the operations appetite.
    Ops(Ops),
    /// Set the job length.
    JobMinutes(f64),
}

impl Change {
    /// The input this change touches.
    pub fn key(self) -> Key {
        match self {
            Change::Flag(k, _) => k,
            Change::Workload(_) => Key::Workload,
            Change::Ops(_) => Key::Ops,
            Change::JobMinutes(_) => Key::JobMinutes,
        }
    }

    /// The new value, typed as the input state holds it.
    pub fn value(self) -> Val {
        match self {
            Change::Flag(_, on) => Val::Flag(on),
            Change::Workload(w) => Val::Choice(w as usize),
            Change::Ops(o) => Val::Choice(o as usize),
            Change::JobMinutes(m) => Val::Num(m),
        }
    }

    /// Applies the change to facts.
    pub fn apply(self, f: &Facts) -> Facts {
        let mut f = *f;
        match self {
            Change::Flag(k, on) => f.set(k, on),
            Change::Workload(w) => f.workload = w,
            Change::Ops(o) => f.ops = o,
            Change::JobMinutes(m) => f.job_minutes = m,
        }
        f
    }

    /// The change in plain words, e.g. "tick “Needs GPUs”".
    pub fn describe(self) -> String {
        let label = self.key().param().label;
        match self {
            Change::Flag(_, true) => format!("tick “{label}”"),
            Change::Flag(_, false) => format!("untick “{label}”"),
            Change::Workload(w) => format!("make the workload “{}”", w.label()),
            Change::Ops(o) => format!("set the operations appetite to “{}”", o.label()),
            Change::JobMinutes(m) if m > 15.0 => format!("let jobs run longer than 15 minutes ({})", crate::format::minutes(m)),
            Change::JobMinutes(m) => format!("keep jobs within 15 minutes ({})", crate::format::minutes(m)),
        }
    }

    /// The change as a URL pair, e.g. `gpu=1`.
    pub fn query(self) -> String {
        let v = match self {
            Change::Flag(_, on) => if on { "1" } else { "0" }.to_string(),
            Change::Workload(w) => w.id().to_string(),
            Change::Ops(o) => o.id().to_string(),
            Change::JobMinutes(m) => crate::format::trimmed(m, 2),
        };
        format!("{}={}", self.key().name(), v)
    }
}

/// Every single-input change from `f`, in the order they are shown: hard needs first.
pub fn candidates(f: &Facts) -> Vec<Change> {
    let mut out = Vec::with_capacity(32);
    for k in FLAG_KEYS {
        out.push(Change::Flag(k, !f.has(k)));
    }
    for w in Workload::ALL {
        if *w != f.workload {
            out.push(Change::Workload(*w));
        }
    }
    for o in Ops::ALL {
        if *o != f.ops {
            out.push(Change::Ops(*o));
        }
    }
    out.push(Change::JobMinutes(if f.over_lambda_limit() { 10.0 } else { 20.0 }));
    out
}

/// One way to flip a decision: one or two changes and the new top pick.
#[derive(Debug, Clone, PartialEq)]
pub struct Flip {
    /// The changes, applied together.
    pub changes: Vec<Change>,
    /// The top pick after the changes.
    pub top: Option<Platform>,
}

/// The decisions after every single change, computed once and shared by all the questions below.
#[derive(Debug, Clone)]
pub struct Neighbours {
    base: Decision,
    singles: Vec<(Change, Decision)>,
}

impl Neighbours {
    /// Runs the engine for every single change of `base`'s facts.
    pub fn of(base: &Decision) -> Neighbours {
        let singles = candidates(&base.facts).into_iter().map(|c| (c, decide(&c.apply(&base.facts)))).collect();
        Neighbours { base: *base, singles }
    }

    /// The single changes that flip the top pick, each with the new top.
    pub fn top_flips(&self) -> Vec<Flip> {
        self.singles
            .iter()
            .filter(|(_, d)| d.top != self.base.top)
            .map(|(c, d)| Flip { changes: vec![*c], top: d.top })
            .collect()
    }

    /// The smallest sets of changes (one, else two) that make `p` the top pick. Empty if even two
    /// changes cannot.
    pub fn flips_to(&self, p: Platform) -> Vec<Flip> {
        let singles: Vec<Flip> = self
            .singles
            .iter()
            .filter(|(_, d)| d.top == Some(p))
            .map(|(c, _)| Flip { changes: vec![*c], top: Some(p) })
            .collect();
        if !singles.is_empty() || self.base.top == Some(p) {
            return singles;
        }
        let mut pairs = Vec::new();
        for (i, (a, _)) in self.singles.iter().enumerate() {
            for (b, _) in &self.singles[i + 1..] {
                if a.key() == b.key() {
                    continue;
                }
                let f = b.apply(&a.apply(&self.base.facts));
                if decide(&f).top == Some(p) {
                    pairs.push(Flip { changes: vec![*a, *b], top: Some(p) });
                }
            }
        }
        pairs
    }

    /// The single changes that would make `p` viable (lift every rule against it), if any.
    pub fn unblocks(&self, p: Platform) -> Vec<Change> {
        self.singles.iter().filter(|(_, d)| d.viable.contains(p)).map(|(c, _)| *c).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::decide;
    use crate::platform::Platform as P;

    #[test]
    fn every_reported_flip_really_flips() {
        let base = decide(&Facts::default().with(Key::Gpu, true));
        let n = Neighbours::of(&base);
        let flips = n.top_flips();
        assert!(!flips.is_empty());
        for fl in &flips {
            let f = fl.changes.iter().fold(base.facts, |f, c| c.apply(&f));
            assert_eq!(decide(&f).top, fl.top);
            assert_ne!(fl.top, base.top);
        }
        // Unticking the GPU need brings Fargate back.
        assert!(flips.iter().any(|fl| fl.changes == vec![Change::Flag(Key::Gpu, false)] && fl.top == Some(P::EcsFargate)));
    }

    #[test]
    fn pairs_are_tried_when_no_single_change_reaches() {
        let base = decide(&Facts::default());
        let n = Neighbours::of(&base);
        // EKS Anywhere needs both on-premises servers and Kubernetes.
        let flips = n.flips_to(P::EksAnywhere);
        assert!(flips.iter().any(|f| f.changes.len() == 2
            && f.changes.contains(&Change::Flag(Key::Hybrid, true))
            && f.changes.contains(&Change::Flag(Key::K8s, true))));
    }

    #[test]
    fn change_words_and_queries() {
        assert_eq!(Change::Flag(Key::Gpu, true).query(), "gpu=1");
        assert_eq!(Change::Workload(Workload::Batch).query(), "workload=batch");
        assert_eq!(Change::JobMinutes(20.0).query(), "job_minutes=20");
        assert!(Change::Flag(Key::Gpu, true).describe().contains("Needs GPUs"));
    }
}
