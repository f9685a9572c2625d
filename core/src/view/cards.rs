//! The recommendation and the option cards, as text and attributes ready to render.
//!
//! Words come from the decision's [`Explanation`]; money comes from [`super::costs::Costs`]. Cards are
//! ordered the way a reader compares them: the pick first, then the viable options from cheapest to
//! dearest, then what the rules ruled out.

use crate::catalog::Origin;
use crate::catalog::sources::source as rate_source;
use crate::format::{trimmed, usd, usd_plain};
use crate::decision::explain::{also_viable, CardText, Diff, FlipText, ALSO_VIABLE};
use crate::decision::sources::{source, SourceId};
use crate::decision::traps::Trap;
use crate::decision::{Explanation, Status};
use crate::params::{Key, Pricing};
use crate::platform::Platform;
use crate::state::{State, Val};
use crate::url::to_query;

use super::costs::{fitting_instance, Costs};
use crate::catalog::ids::INSTANCE_OPTS;
use crate::cost::NotCosted;

/// A source, ready to link.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceView {
    /// Title.
    pub title: String,
    /// Address (empty when the source is not public).
    pub url: String,
}

/// A link that applies a change of inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkView {
    /// What to do, in words.
    pub text: String,
    /// The result, in words ("→ EKS on EC2 nodes").
    pub result: String,
    /// The whole query string after the change (for opening in a new tab).
    pub query: String,
    /// The inputs to set, in order.
    pub set: Vec<(Key, Val)>,
}

/// A trap, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct TrapView {
    /// Stable id.
    pub id: &'static str,
    /// Title.
    pub title: &'static str,
    /// Explanation.
    pub text: &'static str,
    /// Where the fact comes from.
    pub source: SourceView,
}

/// The exam answer and today's advice side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct DiffView {
    /// What differs.
    pub aspect: &'static str,
    /// The exam key's answer.
    pub exam: String,
    /// Today's advice.
    pub current: String,
    /// The dated change behind it: "30 April 2026: App Runner closed to new customers".
    pub fact_title: String,
    /// ISO date of the change.
    pub fact_date: &'static str,
    /// What changed.
    pub fact_text: &'static str,
    /// Whether the date is on an AWS page (else from reports of the announcement).
    pub date_on_aws_page: bool,
    /// Where it is stated.
    pub source: SourceView,
}

/// A rule that rules an option out.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleView {
    /// Stable rule id.
    pub id: &'static str,
    /// Title.
    pub title: &'static str,
    /// Why.
    pub reason: &'static str,
    /// Where it comes from.
    pub source: SourceView,
}

/// Provenance of a rate used by a line.
#[derive(Debug, Clone, PartialEq)]
pub struct RateView {
    /// Rate id.
    pub id: String,
    /// Label.
    pub label: String,
    /// Value and unit as text.
    pub value: String,
    /// "P", "PL", "S", "Assumption" or "Override".
    pub grade: &'static str,
    /// As-of date of the value.
    pub as_of: &'static str,
    /// Source.
    pub source: SourceView,
    /// The user overrode it.
    pub overridden: bool,
}

/// One line of a bill.
#[derive(Debug, Clone, PartialEq)]
pub struct LineView {
    /// Stable line id.
    pub id: &'static str,
    /// Label.
    pub label: &'static str,
    /// Formula in words.
    pub detail: String,
    /// Amount as money text.
    pub amount: String,
    /// Amount in dollars with two decimals (for export).
    pub amount_usd: String,
    /// Billed quantity in `unit` (amount ÷ rate), for lines priced by one rate in dollars; else empty.
    pub quantity: String,
    /// What `quantity` counts (`vCPU-hour`), empty when `quantity` is.
    pub unit: String,
    /// Dollars per `unit`, empty when `quantity` is.
    pub rate: String,
    /// A line item switched on by an input (not compute).
    pub line_item: bool,
    /// The rates used.
    pub rates: Vec<RateView>,
}

/// A dated note on a card.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteView {
    /// The note.
    pub text: String,
    /// ISO date.
    pub date: &'static str,
    /// Source.
    pub source: SourceView,
}

/// The cost part of a card or of the recommendation.
#[derive(Debug, Clone, PartialEq)]
pub struct CostView {
    /// `data-monthly-usd`: dollars a month with two decimals, empty when not costed.
    pub monthly_usd: String,
    /// `data-compute-usd`: the same without line items, empty when not costed.
    pub compute_usd: String,
    /// "$123.45 a month", or why there is no figure.
    pub headline: String,
    /// "of which compute $100.00" when line items are on.
    pub sub: String,
    /// Why the figure is missing, if it is.
    pub problem: Option<String>,
    /// Position among the costed viable options (1 = cheapest).
    pub rank: Option<usize>,
    /// The pricing model applied.
    pub pricing: String,
    /// The lines.
    pub lines: Vec<LineView>,
    /// Sizing, packing and caveats.
    pub notes: Vec<String>,
}

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

/// The recommendation panel.
#[derive(Debug, Clone, PartialEq)]
pub struct RecView {
    /// `data-platform` (empty when nothing fits).
    pub platform: &'static str,
    /// `data-capacity` (empty when not applicable).
    pub capacity: &'static str,
    /// `data-deploy` (empty when not applicable).
    pub deploy: &'static str,
    /// `data-extras`.
    pub extras: String,
    /// The answer in one line.
    pub headline: String,
    /// "Exam answer key" or "Today's AWS advice".
    pub advice_label: &'static str,
    /// Why, step by step.
    pub reasons: Vec<String>,
    /// How to run it.
    pub plan_lines: Vec<String>,
    /// Traps avoided.
    pub traps: Vec<TrapView>,
    /// What would change the answer.
    pub flips: Vec<LinkView>,
    /// Exam key versus today.
    pub diffs: Vec<DiffView>,
    /// Set when nothing fits.
    pub none_fits: Option<String>,
    /// Cost of the pick.
    pub cost: CostView,
    /// When the advised capacity differs from the pricing the costs use: a link to price it so.
    pub pricing_hint: Option<LinkView>,
}

fn decision_source(id: SourceId) -> SourceView {
    let s = source(id);
    SourceView { title: s.title.to_string(), url: s.url.to_string() }
}

pub(crate) fn trap_view(t: &Trap) -> TrapView {
    TrapView { id: t.id, title: t.title, text: t.text, source: decision_source(t.source) }
}

fn long_date(iso: &str) -> String {
    const MONTHS: [&str; 12] =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    let mut parts = iso.split('-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else { return iso.to_string() };
    let (Ok(m), Ok(d)) = (m.parse::<usize>(), d.parse::<u32>()) else { return iso.to_string() };
    match MONTHS.get(m.wrapping_sub(1)) {
        Some(name) => format!("{d} {name} {y}"),
        None => iso.to_string(),
    }
}

pub(crate) fn diff_view(d: &Diff) -> DiffView {
    DiffView {
        aspect: d.aspect,
        exam: d.exam.clone(),
        current: d.current.clone(),
        fact_title: format!("{}: {}", long_date(d.fact.date), d.fact.title),
        fact_date: d.fact.date,
        fact_text: d.fact.text,
        date_on_aws_page: d.fact.date_on_aws_page,
        source: decision_source(d.fact.source),
    }
}

/// Whether a flip is worth offering as a link here: it must lead to a viable option (a change to
/// "nothing fits" teaches nothing) and change no input the lesson locked (`lock=`): such a link
/// would do nothing the reader can see.
pub(crate) fn offered(state: &State, f: &FlipText) -> bool {
    f.top.is_some() && f.changes.iter().all(|c| !state.is_locked(c.key()))
}

/// The links of the flips worth offering (see [`offered`]).
pub(crate) fn links(state: &State, flips: &[FlipText]) -> Vec<LinkView> {
    flips.iter().filter(|f| offered(state, f)).map(|f| link(state, f)).collect()
}

pub(crate) fn link(state: &State, f: &FlipText) -> LinkView {
    let mut s = state.clone();
    let set: Vec<(Key, Val)> = f.changes.iter().map(|c| (c.key(), c.value())).collect();
    for (k, v) in &set {
        let _ = s.set(*k, v.clone());
    }
    let result = match f.top {
        Some(p) => format!("→ {}", p.name()),
        None => "→ nothing fits".to_string(),
    };
    let text = f.text.clone();
    // The flip texts are this crate's own sentences; upper-casing an ASCII first letter is all
    // they need, and it keeps the Unicode case tables out of the wasm.
    let mut text = text;
    if let Some(c) = text.get_mut(..1) {
        c.make_ascii_uppercase();
    }
    LinkView { text, result, query: to_query(&s), set }
}

fn rate_view(r: crate::catalog::RateRef, rates: &crate::catalog::Rates) -> RateView {
    let value = rates.get(r).map(|v| format!("{} {}", trimmed(v, 10), r.unit())).unwrap_or_default();
    match rates.origin(r) {
        Some(Origin::Override) => RateView {
            id: r.id().into_owned(),
            label: r.label().into_owned(),
            value,
            grade: "Override",
            as_of: "",
            source: SourceView { title: "Your override (stored in this browser)".into(), url: String::new() },
            overridden: true,
        },
        Some(Origin::Catalog(q)) => {
            let s = rate_source(q.source);
            RateView {
                id: r.id().into_owned(),
                label: r.label().into_owned(),
                value,
                grade: q.grade.code(),
                as_of: q.as_of,
                source: SourceView {
                    title: s.map(|s| s.title).unwrap_or(q.source).to_string(),
                    url: s.map(|s| s.url).unwrap_or("").to_string(),
                },
                overridden: false,
            }
        }
        None => RateView {
            id: r.id().into_owned(),
            label: r.label().into_owned(),
            value: "no value for this region".into(),
            grade: "",
            as_of: "",
            source: SourceView { title: String::new(), url: String::new() },
            overridden: false,
        },
    }
}

/// Quantity, unit and rate of a line priced by exactly one dollar rate: the quantity is the amount
/// divided by the rate, which is what the bill counts.
fn single_rate(l: &crate::cost::Line, rates: &crate::catalog::Rates) -> Option<(String, &'static str, String)> {
    let [r] = l.rates.as_slice() else { return None };
    if r.value_kind() != crate::catalog::ValueKind::Price {
        return None;
    }
    let v = rates.get(*r).filter(|v| *v > 0.0 && v.is_finite())?;
    let unit = r.unit().strip_prefix("USD per ")?;
    let q = l.amount / v;
    q.is_finite().then(|| (trimmed(q, 6), unit, trimmed(v, 10)))
}

/// The cost view of one platform.
pub fn cost_view(p: Platform, costs: &Costs) -> CostView {
    let c = &costs.per_platform[p.index()];
    match &c.result {
        Ok(b) => {
            let line_items = b.monthly - b.compute;
            CostView {
                monthly_usd: usd_plain(b.monthly),
                compute_usd: usd_plain(b.compute),
                headline: format!("{} a month", usd(b.monthly)),
                sub: if line_items.abs() >= 0.005 {
                    format!("compute {} + line items {}", usd(b.compute), usd(line_items))
                } else {
                    String::new()
                },
                problem: None,
                rank: costs.rank[p.index()],
                pricing: b.pricing.label().to_string(),
                lines: b
                    .lines
                    .iter()
                    .map(|l| {
                        let (quantity, unit, rate) = single_rate(l, &costs.rates).unwrap_or_default();
                        LineView {
                        id: l.id,
                        label: l.label,
                        detail: l.detail.clone(),
                        amount: usd(l.amount),
                        amount_usd: usd_plain(l.amount),
                        quantity,
                        unit: unit.to_string(),
                        rate,
                        line_item: l.toggle.is_some(),
                        rates: l.rates.iter().map(|r| rate_view(*r, &costs.rates)).collect(),
                    }})
                    .collect(),
                notes: c.notes.iter().cloned().chain(b.notes.iter().cloned()).collect(),
            }
        }
        Err(why) => CostView {
            monthly_usd: String::new(),
            compute_usd: String::new(),
            headline: "No monthly figure".to_string(),
            sub: String::new(),
            problem: Some(why.clone()),
            rank: None,
            pricing: String::new(),
            lines: Vec::new(),
            notes: c.notes.clone(),
        },
    }
}

/// The status a card shows: the rules' status, except that an option the rules allow but whose task
/// cannot run as set up (one task does not fit the chosen instance type, or is larger than the
/// platform's largest size) is shown as ruled out, so that its card, `data-status`, the
/// recommendation's "also viable" list and the charts (which draw only options with a figure) say
/// the same. The pick keeps its status: it is the rules' answer, and its cost says what to change.
pub fn shown_status(p: Platform, rules: Status, costs: &Costs) -> Status {
    let unfit = matches!(costs.per_platform[p.index()].error, Some(NotCosted::NotViable(_)));
    if rules == Status::Viable && unfit {
        Status::RuledOut
    } else {
        rules
    }
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
        reasons: c.reasons.clone(),
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

/// The recommendation panel.
pub fn recommendation(state: &State, e: &Explanation, costs: &Costs) -> RecView {
    let d = &e.decision;
    let plan = d.top_plan();
    let cost = match d.top {
        Some(p) => cost_view(p, costs),
        None => CostView {
            monthly_usd: String::new(),
            compute_usd: String::new(),
            headline: String::new(),
            sub: String::new(),
            problem: None,
            rank: None,
            pricing: String::new(),
            lines: Vec::new(),
            notes: Vec::new(),
        },
    };
    let pricing_hint = plan.and_then(|pl| {
        let want = match pl.capacity? {
            crate::decision::plan::Capacity::SavingsPlan => Pricing::Savings1y,
            crate::decision::plan::Capacity::Spot | crate::decision::plan::Capacity::FargateSpot => Pricing::Spot,
            crate::decision::plan::Capacity::OnDemand => Pricing::OnDemand,
        };
        let have = state.pricing();
        let same = have == want || (want == Pricing::Savings1y && have == Pricing::Savings3y);
        (!same).then(|| {
            let mut s = state.clone();
            let _ = s.set(Key::Pricing, Val::Choice(want as usize));
            LinkView {
                text: format!("Price it as advised ({})", want.label()),
                result: format!("costs are shown {}", have.label().to_ascii_lowercase()),
                query: to_query(&s),
                set: vec![(Key::Pricing, Val::Choice(want as usize))],
            }
        })
    });
    RecView {
        platform: d.top.map(Platform::id).unwrap_or(""),
        capacity: plan.and_then(|p| p.capacity).map(|c| c.id()).unwrap_or(""),
        deploy: plan.and_then(|p| p.deploy).map(|c| c.id()).unwrap_or(""),
        extras: plan.map(|p| p.extras.ids()).unwrap_or_default(),
        headline: e.headline.clone(),
        advice_label: match d.facts.advice {
            crate::params::Advice::Exam => "Exam answer key",
            crate::params::Advice::Current => "Today's AWS advice",
        },
        reasons: e
            .reasons
            .iter()
            .filter_map(|r| {
                if !r.starts_with(ALSO_VIABLE) {
                    return Some(r.clone());
                }
                // The same list without the options whose task cannot run as set up.
                let rest: Vec<&str> = d
                    .viable
                    .iter()
                    .filter(|p| Some(*p) != d.top && shown_status(*p, d.status(*p), costs) == Status::Viable)
                    .map(Platform::name)
                    .collect();
                (!rest.is_empty()).then(|| also_viable(&rest))
            })
            .collect(),
        plan_lines: d.top.map(|p| e.cards[p.index()].plan_lines.clone()).unwrap_or_default(),
        traps: e.traps.iter().map(|t| trap_view(t)).collect(),
        flips: links(state, &e.flips),
        diffs: e.diffs.iter().map(diff_view).collect(),
        none_fits: e.none_fits.clone(),
        cost,
        pricing_hint,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
    fn long_dates() {
        assert_eq!(long_date("2026-04-30"), "30 April 2026");
        assert_eq!(long_date("2026-13-01"), "2026-13-01");
        assert_eq!(long_date("bad"), "bad");
    }
}
