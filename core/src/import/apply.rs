//! Applying what an import read, through the one definition of each input.
//!
//! [`plan`] never sets a value itself: it writes the current inputs as a query string with the
//! imported keys replaced, and reads that back with the URL parser. So an imported value gets
//! exactly the range, rounding and notice a link would ("“cpu=32” is above the maximum; used
//! 16."), and the shell applies it with the same `LoadQuery` action as a link, which also makes
//! undo a `LoadQuery` of the query from before.

use super::{Ignored, Reading};
use crate::params::{Group, Key};
use crate::state::State;
use crate::url::{encode_value, parse_query, to_query};

/// One input as the import set it.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    /// URL key.
    pub key: String,
    /// The value now in the input (after clamping), as URL text.
    pub value: String,
    /// Where it came from in the file, in words.
    pub path: String,
    /// The URL parser's notice, when the value was clamped or refused.
    pub note: Option<String>,
}

/// What applying a reading does.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The query string to load (every current input, with the imported ones replaced).
    pub query: String,
    /// The inputs set, in the order read.
    pub applied: Vec<Applied>,
    /// Fields that were read but cannot be applied here (a locked input), with why.
    pub skipped: Vec<Ignored>,
}

/// Keeps a value to URL-safe characters (the readers only produce numbers and ids; this is a
/// guard, not a codec).
fn url_safe(v: &str) -> String {
    v.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')).take(64).collect()
}

/// Plans applying `reading` on top of `state`.
pub fn plan(state: &State, reading: &Reading) -> Plan {
    let mut base = state.clone();
    let mut pairs = Vec::new();
    let mut skipped = Vec::new();
    for f in &reading.fields {
        match Key::from_name(&f.key) {
            Some(k) if k.param().group == Group::View => {
                skipped.push(Ignored { path: f.path.clone(), why: format!("“{}” is a view setting, not a workload fact", f.key) })
            }
            Some(k) if state.is_locked(k) => skipped.push(Ignored {
                path: f.path.clone(),
                why: format!("“{}” is fixed by this lesson and cannot be changed here", k.param().label),
            }),
            Some(k) if !pairs.iter().any(|(p, _)| *p == k) => {
                base.reset(k);
                pairs.push((k, f));
            }
            Some(_) => {}
            None => skipped.push(Ignored { path: f.path.clone(), why: format!("“{}” is not an input of this page", f.key) }),
        }
    }
    let mut query = to_query(&base);
    for (k, f) in &pairs {
        if !query.is_empty() {
            query.push('&');
        }
        query.push_str(k.name());
        query.push('=');
        query.push_str(&url_safe(&f.value));
    }
    let (after, notices) = parse_query(&query);
    let applied = pairs
        .iter()
        .map(|(k, f)| Applied {
            key: k.name().to_string(),
            value: encode_value(*k, &after),
            path: f.path.clone(),
            note: notices.iter().find(|n| n.key == k.name()).map(|n| n.text.clone()),
        })
        .collect();
    Plan { query: to_query(&after), applied, skipped }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::Field;

    fn field(key: &str, value: &str) -> Field {
        Field { key: key.into(), value: value.into(), path: format!("{key} in the file") }
    }

    #[test]
    fn clamps_like_a_link_and_keeps_the_other_inputs() {
        let (state, _) = parse_query("gpu=1&tasks=7&region=eu-west-1");
        let reading = Reading { fields: vec![field("cpu", "32"), field("mem", "4"), field("tasks", "0")], ..Reading::default() };
        let p = plan(&state, &reading);
        assert_eq!(p.query, "gpu=1&tasks=1&cpu=16&mem=4&region=eu-west-1");
        let cpu = &p.applied[0];
        assert_eq!((cpu.value.as_str(), cpu.note.as_deref().unwrap_or("")), ("16", "“cpu=32” is above the maximum; used 16."));
        assert_eq!(p.applied[1].note, None);
        assert!(p.applied[2].note.as_deref().unwrap_or("").contains("below the minimum"));
    }

    #[test]
    fn locked_and_view_inputs_are_not_touched() {
        let (state, _) = parse_query("lock=cpu&cpu=2");
        let reading = Reading { fields: vec![field("cpu", "4"), field("mode", "study"), field("nope", "1"), field("gpu", "1")], ..Reading::default() };
        let p = plan(&state, &reading);
        assert_eq!(p.query, "gpu=1&cpu=2&lock=cpu");
        assert_eq!(p.applied.len(), 1);
        assert_eq!(p.skipped.len(), 3);
        assert!(p.skipped[0].why.contains("fixed by this lesson"));
    }

    #[test]
    fn hostile_values_cannot_inject_keys() {
        let reading = Reading { fields: vec![field("cpu", "2&gpu=1#x")], ..Reading::default() };
        let p = plan(&State::default(), &reading);
        assert!(!p.query.contains("gpu"), "{}", p.query);
    }
}
