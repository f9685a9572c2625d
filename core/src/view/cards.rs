//! The option cards, as text and attributes ready to render: one card per platform, its status
//! (the rules', or "does not fit" when its task cannot run as set up), reasons, rules, traps, plan,
//! the changes that would move it, and its cost.
//!
//! Words come from the decision's [`Explanation`]; money comes from [`super::costs::Costs`] through
//! [`super::bill`]. Cards are ordered the way a reader compares them: the pick first, then the
//! viable options from cheapest to dearest, then what the rules ruled out. The pieces cards share
//! with the recommendation and study mode live in [`super::parts`], the recommendation in
//! [`super::recommendation`].

use crate::catalog::ids::INSTANCE_OPTS;
use crate::decision::explain::CardText;
use crate::decision::{Explanation, Status};
use crate::params::Key;
use crate::platform::Platform;
use crate::state::{State, Val};
use crate::url::to_query;

use super::costs::{fitting_instance, shown_status, Costs};
use super::parts::decision_source;

pub use super::bill::{cost_view, CostView, LineView, RateView};
pub use super::parts::{DiffView, LinkView, NoteView, RuleView, SourceView, TrapView};
pub use super::recommendation::{recommendation, RecView};
pub(crate) use super::parts::{diff_view, link, links, trap_view};

/// One option card.
#[derive(Debug, Clone, PartialEq)]
pub struct CardView {
    /// Platform id (`data-platform`).
    pub platform: &'static str,
    /// Name.
    pub name: &'static str,
    /// `data-status`.
    pub status: &'static str,
    /// Status in words.
    pub status_label: &'static str,
    /// One line: what it is.
    pub summary: &'static str,
    /// Good for.
    pub good_for: &'static str,
    /// What you operate.
    pub you_operate: &'static str,
    /// The catch.
    pub watch_out: &'static str,
    /// Why this status.
    pub reasons: Vec<String>,
    /// Rules against it.
    pub rules: Vec<RuleView>,
    /// Traps on this card.
    pub traps: Vec<TrapView>,
    /// How it would be run.
    pub plan_lines: Vec<String>,
    /// Changes that would make it the pick (or viable).
    pub changes: Vec<LinkView>,
    /// Heading for `changes`.
    pub changes_title: &'static str,
    /// Exam key versus today.
    pub diffs: Vec<DiffView>,
    /// Dated notes.
    pub notes: Vec<NoteView>,
    /// Cost.
    pub cost: CostView,
}


/// The link that makes a task fit by choosing the cheapest instance type it fits on, if one does.
fn fit_link(state: &State, p: Platform, costs: &Costs) -> Option<LinkView> {
    let k = fitting_instance(p, state, costs)?;
    let mut s = state.clone();
    let set = vec![(Key::Instance, Val::Choice(k))];
    let _ = s.set(Key::Instance, Val::Choice(k));
    Some(LinkView {
        text: format!("Choose {} as the EC2 instance type", INSTANCE_OPTS[k].id),
        result: "→ one task fits (the cheapest type that fits)".to_string(),
        query: to_query(&s),
        set,
    })
}

fn status_label(s: Status) -> &'static str {
    match s {
        Status::Recommended => "Recommended",
        Status::Viable => "Viable",
        Status::RuledOut => "Ruled out",
    }
}

/// The card of one platform.
pub fn card(state: &State, c: &CardText, costs: &Costs) -> CardView {
    let status = shown_status(c.platform, c.status, costs);
    let cost = cost_view(c.platform, costs);
    if status != c.status {
        // Allowed by the rules, but the task cannot run as set up: one status, one reason, the fix.
        let fix = fit_link(state, c.platform, costs);
        let mut reasons: Vec<String> =
            cost.problem.iter().map(|why| format!("Allowed by the rules, but it cannot run as set up. {why}")).collect();
        if fix.is_none() {
            reasons.push("No instance type or size on offer holds one task this large: lower the vCPU or memory per task.".into());
        }
        return CardView {
            status: status.id(),
            status_label: "Does not fit",
            reasons,
            rules: Vec::new(),
            plan_lines: Vec::new(),
            changes: fix.into_iter().collect(),
            changes_title: "What would make it fit",
            ..rules_card(state, c, cost)
        };
    }
    rules_card(state, c, cost)
}

/// The card's reasons, each said once on the card: a rule's reason is listed with its title and
/// source under the rules, so it is not repeated as a plain reason; and "Good for" is in the
/// card's details, so "Allowed by every rule." is not followed by it again.
fn said_once(c: &CardText) -> Vec<String> {
    c.reasons
        .iter()
        .filter(|r| !c.rules.iter().any(|h| r.ends_with(h.rule.reason)))
        .map(|r| match r.strip_suffix(c.about.good_for) {
            Some(head) if !c.about.good_for.is_empty() && !head.trim().is_empty() => head.trim_end().to_string(),
            _ => r.clone(),
        })
        .collect()
}

/// The card as the rules see it, with its cost.
fn rules_card(state: &State, c: &CardText, cost: CostView) -> CardView {
    let about = c.about;
    CardView {
        platform: c.platform.id(),
        name: c.platform.name(),
        status: c.status.id(),
        status_label: status_label(c.status),
        summary: about.summary,
        good_for: about.good_for,
        you_operate: about.you_operate,
        watch_out: about.watch_out,
        reasons: said_once(c),
        rules: c
            .rules
            .iter()
            .map(|h| RuleView {
                id: h.rule.id,
                title: h.rule.title,
                reason: h.rule.reason,
                source: SourceView { title: h.source.title.into(), url: h.source.url.into() },
            })
            .collect(),
        traps: c.traps.iter().map(|t| trap_view(t)).collect(),
        plan_lines: if c.status == Status::RuledOut { Vec::new() } else { c.plan_lines.clone() },
        changes: links(state, &c.changes),
        changes_title: match c.status {
            Status::Recommended => "What would change the answer",
            Status::Viable => "What would make it the pick",
            Status::RuledOut => "What would bring it back",
        },
        diffs: c.diffs.iter().map(diff_view).collect(),
        notes: c
            .notes
            .iter()
            .map(|(t, f)| NoteView { text: t.clone(), date: f.date, source: decision_source(f.source) })
            .collect(),
        cost,
    }
}

/// The cards, ordered: the pick, the viable options by cost, then the ruled-out ones.
pub fn cards(state: &State, e: &Explanation, costs: &Costs) -> Vec<CardView> {
    let mut order: Vec<&CardText> = e.cards.iter().collect();
    let key = |c: &CardText| -> (u8, f64, usize) {
        let status = match shown_status(c.platform, c.status, costs) {
            Status::Recommended => 0,
            Status::Viable => 1,
            Status::RuledOut => 2,
        };
        let cost = match c.status {
            Status::Viable => costs.monthly(c.platform).unwrap_or(f64::INFINITY),
            _ => 0.0,
        };
        (status, cost, c.platform.index())
    };
    crate::sort::sort_by(&mut order, |a, b| {
        let (ka, kb) = (key(a), key(b));
        ka.0.cmp(&kb.0).then(ka.1.total_cmp(&kb.1)).then(ka.2.cmp(&kb.2))
    });
    order.into_iter().map(|c| card(state, c, costs)).collect()
}

#[cfg(test)]
#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::explain::ALSO_VIABLE;
    use crate::view::tests::page_for;
    use crate::view::Page;

    fn card<'a>(p: &'a Page, id: &str) -> &'a CardView {
        p.cards.iter().find(|c| c.platform == id).unwrap()
    }

    fn every_link(p: &Page) -> Vec<&LinkView> {
        p.recommendation.flips.iter().chain(p.cards.iter().flat_map(|c| &c.changes)).collect()
    }

    #[test]
    fn a_task_that_does_not_fit_has_one_status_and_its_fix() {
        let p = page_for("cpu=0.3&mem=100");
        for id in ["ecs-ec2", "eks-ec2"] {
            let c = card(&p, id);
            assert_eq!((c.status, c.status_label), ("ruled-out", "Does not fit"), "{id}");
            assert!(c.cost.monthly_usd.is_empty());
            assert!(c.reasons.iter().all(|r| !r.contains("Allowed by every rule")), "{:?}", c.reasons);
            // 100 GB fits no instance type of the catalog: no link, but the way out in words.
            assert!(c.changes.is_empty() && c.reasons.iter().any(|r| r.contains("lower the vCPU or memory")));
            // 12 GB fits a larger type: the link chooses it.
            let c = card(&page_for("cpu=0.3&mem=12"), id).clone();
            assert_eq!(c.status, "ruled-out");
            let [fix] = c.changes.as_slice() else { panic!("{id}: {:?}", c.changes) };
            assert_eq!(fix.set[0].0, Key::Instance);
            // The fix makes it fit: viable again, with a figure.
            let fixed = page_for(&fix.query);
            let after = card(&fixed, id);
            assert_eq!(after.status, "viable", "{}", fix.query);
            assert!(!after.cost.monthly_usd.is_empty());
        }
        let also = p.recommendation.reasons.iter().find(|r| r.starts_with(ALSO_VIABLE)).unwrap();
        assert!(!also.contains("ECS on EC2") && !also.contains("EKS on EC2"), "{also}");
        // Ruled-out cards come after every viable one.
        let first_out = p.cards.iter().position(|c| c.status == "ruled-out").unwrap();
        assert!(p.cards[first_out..].iter().all(|c| c.status == "ruled-out"));
        // Where it fits, nothing changes.
        assert_eq!(card(&page_for(""), "ecs-ec2").status, "viable");
    }

    #[test]
    fn answers_name_rates_in_words_and_offer_no_dead_end() {
        let p = page_for("k8s=1&gpu=1&windows=1");
        let problems: Vec<&String> = p
            .cards
            .iter()
            .filter_map(|c| c.cost.problem.as_ref())
            .chain(p.recommendation.cost.problem.iter())
            .chain(p.commitments.platforms.iter().flat_map(|b| &b.notes))
            .collect();
        for why in &problems {
            assert!(!why.contains("missing rate") && !why.contains("ec2.") && !why.contains("us-east-1"), "{why}");
        }
        assert!(problems.iter().any(|w| w.contains("Windows on-demand") && w.contains("US East (N. Virginia)")), "{problems:?}");
        for l in every_link(&p) {
            assert!(!l.result.contains("nothing fits"), "{}: {}", l.text, l.result);
        }
    }

    #[test]
    fn a_lesson_offers_no_change_to_a_locked_input() {
        let p = page_for("embed=1&panels=cards,chart-util&lock=gpu,ops&gpu=1&ops=minimal");
        let links = every_link(&p);
        assert!(!links.is_empty(), "unlocked changes are still offered");
        for l in links {
            assert!(l.set.iter().all(|(k, _)| !matches!(k, Key::Gpu | Key::Ops)), "{}", l.text);
        }
        // Without the lock the same change is offered.
        let open = page_for("gpu=1&ops=minimal");
        assert!(every_link(&open).iter().any(|l| l.set.iter().any(|(k, _)| *k == Key::Gpu)));
    }

    #[test]
    fn a_card_says_each_thing_once() {
        let p = page_for("tasks=20&util=70");
        for c in &p.cards {
            for r in &c.reasons {
                assert!(c.rules.iter().all(|rule| !r.contains(rule.reason)), "{}: {r}", c.platform);
                assert!(!r.contains(c.good_for), "{}: {r}", c.platform);
            }
        }
        let runner = card(&p, "app-runner");
        assert_eq!(runner.status, "ruled-out");
        assert!(runner.reasons.is_empty() && runner.rules.len() == 1, "{:?}", runner.reasons);
        assert!(card(&p, "lambda").reasons.iter().any(|r| r == "Allowed by every rule."));
    }
}
