//! The small views that cards, the recommendation and study mode share: a source to link, a
//! "what would change" link, a trap, an exam-versus-today difference, a rule and a dated note.

use crate::decision::explain::{Diff, FlipText};
use crate::decision::sources::{source, SourceId};
use crate::decision::traps::Trap;
use crate::params::Key;
use crate::state::{State, Val};
use crate::url::to_query;

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


pub(crate) fn decision_source(id: SourceId) -> SourceView {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_dates() {
        assert_eq!(long_date("2026-04-30"), "30 April 2026");
        assert_eq!(long_date("2026-13-01"), "2026-13-01");
        assert_eq!(long_date("bad"), "bad");
    }
}
