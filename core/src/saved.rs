//! Named scenarios saved in the browser, with a versioned JSON schema.
//!
//! The stored document is `{"v":1,"scenarios":[{"name":…,"query":…,"saved_at":…},…]}`, the serde
//! type [`Document`]. Reading is strict: anything else (not JSON, another version, an unknown field,
//! a missing or mistyped field, a repeated name) refuses the whole document, so the shell can keep
//! the text aside and say so instead of dropping part of it. The parser is the caller's (see
//! [`crate::document`]); [`Saved::from_document`] then checks the meaning. Each query is read back
//! through the URL parser, so a scenario saved by an older build loads as valid inputs; the names of
//! scenarios whose query had to be adjusted are reported.

use serde::{Deserialize, Serialize};

use crate::document::DocError;
use crate::url::{parse_query, to_query};

/// The schema version this build writes and reads.
pub const VERSION: u32 = 1;
/// Most scenarios kept.
pub const MAX_SCENARIOS: usize = 200;
/// Longest name, in characters.
pub const MAX_NAME: usize = 80;
/// File name of the export.
pub const FILE_NAME: &str = "berth-scenarios.json";

/// One saved scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// The user's name for it.
    pub name: String,
    /// The canonical query string of its inputs.
    pub query: String,
    /// When it was saved (ISO 8601 text from the browser).
    pub saved_at: String,
}

/// The stored and exported document: `{"v":1,"scenarios":[…]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// The schema version, [`VERSION`].
    pub v: u32,
    /// The scenarios, in the order saved.
    pub scenarios: Vec<Scenario>,
}

/// Every saved scenario, in the order saved.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Saved {
    /// The scenarios.
    pub scenarios: Vec<Scenario>,
}

/// Why a scenario could not be saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The name is empty.
    EmptyName,
    /// The name is longer than [`MAX_NAME`].
    NameTooLong,
    /// Already [`MAX_SCENARIOS`] scenarios.
    Full,
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::EmptyName => write!(f, "Give the scenario a name to save it."),
            SaveError::NameTooLong => {
                write!(f, "Scenario names can be at most {MAX_NAME} characters.")
            }
            SaveError::Full => write!(f, "At most {MAX_SCENARIOS} scenarios can be saved; delete one first."),
        }
    }
}

/// Why a stored or imported document could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// Not JSON, or not the shape of [`Document`].
    Doc(DocError),
    /// Another version of the format.
    Version(u32),
    /// A name that is empty, too long or not as saved (`entry` counts from 1).
    BadName { entry: usize },
    /// The same name twice.
    DuplicateName(String),
    /// More than [`MAX_SCENARIOS`] scenarios.
    TooMany,
}

impl From<DocError> for ReadError {
    fn from(e: DocError) -> Self {
        ReadError::Doc(e)
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Doc(e) => e.fmt(f),
            ReadError::Version(v) => write!(f, "it is version {v} of the format and this build reads version {VERSION}"),
            ReadError::BadName { entry } => write!(f, "scenario {entry} has no valid \"name\""),
            ReadError::DuplicateName(n) => {
                write!(f, "the name \"{}\" appears twice", crate::url::shown(n))
            }
            ReadError::TooMany => write!(f, "it has more than {MAX_SCENARIOS} scenarios"),
        }
    }
}

/// A document read back, with the names of scenarios whose query was adjusted on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The scenarios.
    pub saved: Saved,
    /// Names of the scenarios whose query the URL parser changed (unknown keys, clamped values).
    pub adjusted: Vec<String>,
}

fn clean_name(name: &str) -> Result<String, SaveError> {
    let n: String = name.trim().chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if n.is_empty() {
        Err(SaveError::EmptyName)
    } else if n.chars().count() > MAX_NAME {
        Err(SaveError::NameTooLong)
    } else {
        Ok(n)
    }
}

impl Saved {
    /// Saves the inputs of `query` under `name`, replacing a scenario of the same name.
    pub fn save(&mut self, name: &str, query: &str, saved_at: &str) -> Result<(), SaveError> {
        let name = clean_name(name)?;
        let query = to_query(&parse_query(query).0);
        let s = Scenario { name, query, saved_at: saved_at.to_string() };
        let full = self.scenarios.len() >= MAX_SCENARIOS;
        match self.scenarios.iter_mut().find(|x| x.name == s.name) {
            Some(old) => *old = s,
            None if full => return Err(SaveError::Full),
            None => self.scenarios.push(s),
        }
        Ok(())
    }

    /// Deletes the scenario called `name`; returns whether there was one.
    pub fn delete(&mut self, name: &str) -> bool {
        let before = self.scenarios.len();
        self.scenarios.retain(|s| s.name != name);
        self.scenarios.len() != before
    }

    /// The scenario called `name`.
    pub fn get(&self, name: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.name == name)
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.scenarios.is_empty()
    }

    /// The document to store or export.
    pub fn document(&self) -> Document {
        Document { v: VERSION, scenarios: self.scenarios.clone() }
    }

    /// Checks a document read by serde; see the module documentation.
    pub fn from_document(doc: Document) -> Result<Loaded, ReadError> {
        if doc.v != VERSION {
            return Err(ReadError::Version(doc.v));
        }
        if doc.scenarios.len() > MAX_SCENARIOS {
            return Err(ReadError::TooMany);
        }
        let mut out = Loaded { saved: Saved::default(), adjusted: Vec::new() };
        for (i, Scenario { name, query, saved_at }) in doc.scenarios.into_iter().enumerate() {
            if clean_name(&name).ok().as_ref() != Some(&name) {
                return Err(ReadError::BadName { entry: i + 1 });
            }
            if out.saved.get(&name).is_some() {
                return Err(ReadError::DuplicateName(name));
            }
            let (state, notices) = parse_query(&query);
            if !notices.is_empty() {
                out.adjusted.push(name.clone());
            }
            out.saved.scenarios.push(Scenario { name, query: to_query(&state), saved_at });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::from_json;

    fn read(text: &str) -> Result<Loaded, ReadError> {
        Saved::from_document(from_json::<Document>(text)?)
    }

    #[test]
    fn save_replace_delete_and_round_trip() {
        let mut s = Saved::default();
        s.save("GPU inference", "gpu=1&ops=minimal&util=80", "2026-11-29T10:00:00.000Z").unwrap();
        s.save("  Batch, nightly \"big\" ", "workload=batch", "2026-11-29T10:01:00.000Z").unwrap();
        assert_eq!(s.scenarios.len(), 2);
        assert_eq!(s.scenarios[1].name, "Batch, nightly \"big\"");
        s.save("GPU inference", "gpu=1", "2026-11-29T11:00:00.000Z").unwrap();
        assert_eq!(s.scenarios.len(), 2);
        assert_eq!(s.get("GPU inference").unwrap().query, "gpu=1");
        assert_eq!(s.save(" ", "", "t"), Err(SaveError::EmptyName));
        assert_eq!(s.save(&"x".repeat(MAX_NAME + 1), "", "t"), Err(SaveError::NameTooLong));
        let doc = s.document();
        for text in [serde_json::to_string(&doc).unwrap(), serde_json::to_string_pretty(&doc).unwrap()] {
            let back = read(&text).unwrap();
            assert_eq!(back.saved, s);
            assert!(back.adjusted.is_empty());
        }
        let compact = serde_json::to_string(&doc).unwrap();
        assert!(compact.starts_with("{\"v\":1,\"scenarios\":["), "{compact}");
        assert!(s.delete("GPU inference"));
        assert!(!s.delete("GPU inference"));
        assert_eq!(s.scenarios.len(), 1);
    }

    #[test]
    fn saved_queries_are_canonical() {
        let mut s = Saved::default();
        s.save("a", "util=80&gpu=true&nope=1&tasks=99999", "t").unwrap();
        assert_eq!(s.scenarios[0].query, "gpu=1&util=80&tasks=1000");
    }

    #[test]
    fn queries_are_revalidated_on_load() {
        let text = r#"{"v":1,"scenarios":[{"name":"old","query":"util=250&colour=red","saved_at":"2025-01-01"},{"name":"ok","query":"gpu=1","saved_at":"x"}]}"#;
        let l = read(text).unwrap();
        assert_eq!(l.adjusted, vec!["old".to_string()]);
        assert_eq!(l.saved.get("old").unwrap().query, "util=100");
        assert_eq!(l.saved.get("ok").unwrap().query, "gpu=1");
    }

    #[test]
    fn anything_unexpected_refuses_the_whole_document() {
        let bad = |t: &str| read(t).unwrap_err();
        let shape = |t: &str| match bad(t) {
            ReadError::Doc(DocError::Shape(why)) => why,
            other => panic!("{t}: {other:?}"),
        };
        assert!(matches!(bad("not json"), ReadError::Doc(DocError::NotJson(_))));
        assert!(matches!(bad("{"), ReadError::Doc(DocError::NotJson(_))));
        assert!(shape("[]").contains("expected struct Document"));
        assert!(shape("null").contains("invalid type"));
        assert!(shape(r#"{"scenarios":[]}"#).contains("missing field `v`"));
        assert_eq!(bad(r#"{"v":2,"scenarios":[]}"#), ReadError::Version(2));
        assert!(shape(r#"{"v":"1","scenarios":[]}"#).contains("invalid type"));
        assert!(shape(r#"{"v":1}"#).contains("missing field `scenarios`"));
        assert!(shape(r#"{"v":1,"scenarios":{}}"#).contains("invalid type"));
        assert!(shape(r#"{"v":1,"scenarios":[],"x":1}"#).contains("unknown field `x`"));
        assert!(shape(r#"{"v":1,"v":1,"scenarios":[]}"#).contains("duplicate field `v`"));
        assert!(shape(r#"{"v":1,"scenarios":[{"name":"a","query":""}]}"#).contains("missing field `saved_at`"));
        assert!(shape(r#"{"v":1,"scenarios":[{"name":"a","query":1,"saved_at":""}]}"#).contains("invalid type"));
        assert_eq!(bad(r#"{"v":1,"scenarios":[{"name":" ","query":"","saved_at":""}]}"#), ReadError::BadName { entry: 1 });
        assert_eq!(bad(r#"{"v":1,"scenarios":[{"name":" a","query":"","saved_at":""}]}"#), ReadError::BadName { entry: 1 });
        assert!(shape(r#"{"v":1,"scenarios":[7]}"#).contains("invalid type"));
        assert_eq!(
            bad(r#"{"v":1,"scenarios":[{"name":"a","query":"","saved_at":""},{"name":"a","query":"","saved_at":""}]}"#),
            ReadError::DuplicateName("a".into())
        );
        assert!(shape(r#"{"v":1,"scenarios":[{"name":"a","query":"","saved_at":"","extra":1}]}"#).contains("unknown field `extra`"));
        let one = r#"{"name":"n","query":"","saved_at":""}"#;
        let many: Vec<String> = (0..=MAX_SCENARIOS).map(|i| one.replace("\"n\"", &format!("\"n{i}\""))).collect();
        assert_eq!(bad(&format!(r#"{{"v":1,"scenarios":[{}]}}"#, many.join(","))), ReadError::TooMany);
        for e in [bad("[]"), bad(r#"{"v":2,"scenarios":[]}"#), ReadError::BadName { entry: 2 }, ReadError::TooMany] {
            assert!(!e.to_string().is_empty());
        }
        assert_eq!(read(r#"{"v":1,"scenarios":[]}"#).unwrap().saved, Saved::default());
    }
}
