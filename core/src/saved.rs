//! Named scenarios saved in the browser, with a versioned JSON schema.
//!
//! The stored document is `{"v":1,"scenarios":[{"name":…,"query":…,"saved_at":…},…]}`. Reading is
//! strict: anything else (not JSON, another version, an unknown field, a missing or mistyped field, a
//! repeated name) refuses the whole document, so the shell can keep the text aside and say so instead
//! of dropping part of it. Each query is read back through the URL parser, so a scenario saved by an
//! older build loads as valid inputs; the names of scenarios whose query had to be adjusted are
//! reported.

use crate::catalog::json::Value;
use crate::url::{parse_query, to_query};

/// The schema version this build writes and reads.
pub const VERSION: f64 = 1.0;
/// Most scenarios kept.
pub const MAX_SCENARIOS: usize = 200;
/// Longest name, in characters.
pub const MAX_NAME: usize = 80;
/// File name of the export.
pub const FILE_NAME: &str = "berth-scenarios.json";

/// One saved scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scenario {
    /// The user's name for it.
    pub name: String,
    /// The canonical query string of its inputs.
    pub query: String,
    /// When it was saved (ISO 8601 text from the browser).
    pub saved_at: String,
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
            SaveError::NameTooLong => write!(f, "Scenario names can be at most {MAX_NAME} characters."),
            SaveError::Full => write!(f, "At most {MAX_SCENARIOS} scenarios can be saved; delete one first."),
        }
    }
}

/// Why a stored or imported document could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// Not JSON (the reader's message).
    NotJson(String),
    /// Not an object with `v` and `scenarios`.
    NotAnObject,
    /// `v` is missing or another version.
    Version(Option<f64>),
    /// A field at the top level or in a scenario that the schema does not have.
    UnknownField(String),
    /// A field missing or of the wrong type (`entry` counts from 1; 0 is the document).
    BadField { entry: usize, field: &'static str },
    /// The same name twice.
    DuplicateName(String),
    /// More than [`MAX_SCENARIOS`] scenarios.
    TooMany,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::NotJson(e) => write!(f, "it is not valid JSON ({e})"),
            ReadError::NotAnObject => write!(f, "it is not an object with \"v\" and \"scenarios\""),
            ReadError::Version(Some(v)) => write!(f, "it is version {} of the format and this build reads version {VERSION}", crate::format::trimmed(*v, 3)),
            ReadError::Version(None) => write!(f, "it has no version \"v\""),
            ReadError::UnknownField(k) => write!(f, "the field \"{}\" is not part of the format", crate::url::shown(k)),
            ReadError::BadField { entry: 0, field } => write!(f, "\"{field}\" is missing or of the wrong type"),
            ReadError::BadField { entry, field } => write!(f, "scenario {entry} has no valid \"{field}\""),
            ReadError::DuplicateName(n) => write!(f, "the name \"{}\" appears twice", crate::url::shown(n)),
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

    /// The document.
    pub fn to_value(&self) -> Value {
        Value::Obj(vec![
            ("v".into(), Value::Num(VERSION)),
            (
                "scenarios".into(),
                Value::Arr(
                    self.scenarios
                        .iter()
                        .map(|s| {
                            Value::Obj(vec![
                                ("name".into(), Value::Str(s.name.clone())),
                                ("query".into(), Value::Str(s.query.clone())),
                                ("saved_at".into(), Value::Str(s.saved_at.clone())),
                            ])
                        })
                        .collect(),
                ),
            ),
        ])
    }

    /// Compact JSON, for local storage.
    pub fn to_json(&self) -> String {
        self.to_value().to_json()
    }

    /// Indented JSON, for the export file.
    pub fn to_json_pretty(&self) -> String {
        self.to_value().to_json_pretty()
    }

    /// Reads a document strictly; see the module documentation.
    pub fn from_json(text: &str) -> Result<Loaded, ReadError> {
        let doc = Value::parse(text).map_err(|e| ReadError::NotJson(e.to_string()))?;
        let members = doc.as_object().ok_or(ReadError::NotAnObject)?;
        let (mut v, mut list) = (None, None);
        for (k, val) in members {
            match k.as_str() {
                "v" if v.is_none() => v = Some(val.as_f64()),
                "scenarios" if list.is_none() => list = Some(val.as_array().ok_or(ReadError::BadField { entry: 0, field: "scenarios" })?),
                _ => return Err(ReadError::UnknownField(k.clone())),
            }
        }
        match v {
            Some(Some(x)) if x == VERSION => {}
            Some(x) => return Err(ReadError::Version(x)),
            None => return Err(ReadError::Version(None)),
        }
        let list = list.ok_or(ReadError::BadField { entry: 0, field: "scenarios" })?;
        if list.len() > MAX_SCENARIOS {
            return Err(ReadError::TooMany);
        }
        let mut out = Loaded { saved: Saved::default(), adjusted: Vec::new() };
        for (i, item) in list.iter().enumerate() {
            let entry = i + 1;
            let fields = item.as_object().ok_or(ReadError::BadField { entry, field: "name" })?;
            let (mut name, mut query, mut at) = (None, None, None);
            for (k, val) in fields {
                let slot = match k.as_str() {
                    "name" if name.is_none() => &mut name,
                    "query" if query.is_none() => &mut query,
                    "saved_at" if at.is_none() => &mut at,
                    _ => return Err(ReadError::UnknownField(k.clone())),
                };
                *slot = Some(val.as_str().ok_or(ReadError::BadField { entry, field: field_name(k) })?.to_string());
            }
            let name = name.ok_or(ReadError::BadField { entry, field: "name" })?;
            let query = query.ok_or(ReadError::BadField { entry, field: "query" })?;
            let at = at.ok_or(ReadError::BadField { entry, field: "saved_at" })?;
            let clean = clean_name(&name).map_err(|_| ReadError::BadField { entry, field: "name" })?;
            if clean != name {
                return Err(ReadError::BadField { entry, field: "name" });
            }
            if out.saved.get(&name).is_some() {
                return Err(ReadError::DuplicateName(name));
            }
            let (state, notices) = parse_query(&query);
            let canonical = to_query(&state);
            if !notices.is_empty() {
                out.adjusted.push(name.clone());
            }
            out.saved.scenarios.push(Scenario { name, query: canonical, saved_at: at });
        }
        Ok(out)
    }
}

fn field_name(k: &str) -> &'static str {
    match k {
        "name" => "name",
        "query" => "query",
        _ => "saved_at",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        for text in [s.to_json(), s.to_json_pretty()] {
            let back = Saved::from_json(&text).unwrap();
            assert_eq!(back.saved, s);
            assert!(back.adjusted.is_empty());
        }
        assert!(s.to_json().starts_with("{\"v\":1,\"scenarios\":["), "{}", s.to_json());
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
        let l = Saved::from_json(text).unwrap();
        assert_eq!(l.adjusted, vec!["old".to_string()]);
        assert_eq!(l.saved.get("old").unwrap().query, "util=100");
        assert_eq!(l.saved.get("ok").unwrap().query, "gpu=1");
    }

    #[test]
    fn anything_unexpected_refuses_the_whole_document() {
        let bad = |t: &str| Saved::from_json(t).unwrap_err();
        assert!(matches!(bad("not json"), ReadError::NotJson(_)));
        assert!(matches!(bad("{"), ReadError::NotJson(_)));
        assert_eq!(bad("[]"), ReadError::NotAnObject);
        assert_eq!(bad(r#"{"scenarios":[]}"#), ReadError::Version(None));
        assert_eq!(bad(r#"{"v":2,"scenarios":[]}"#), ReadError::Version(Some(2.0)));
        assert_eq!(bad(r#"{"v":"1","scenarios":[]}"#), ReadError::Version(None));
        assert_eq!(bad(r#"{"v":1}"#), ReadError::BadField { entry: 0, field: "scenarios" });
        assert_eq!(bad(r#"{"v":1,"scenarios":{}}"#), ReadError::BadField { entry: 0, field: "scenarios" });
        assert_eq!(bad(r#"{"v":1,"scenarios":[],"x":1}"#), ReadError::UnknownField("x".into()));
        assert_eq!(bad(r#"{"v":1,"v":1,"scenarios":[]}"#), ReadError::UnknownField("v".into()));
        assert_eq!(bad(r#"{"v":1,"scenarios":[{"name":"a","query":""}]}"#), ReadError::BadField { entry: 1, field: "saved_at" });
        assert_eq!(bad(r#"{"v":1,"scenarios":[{"name":"a","query":1,"saved_at":""}]}"#), ReadError::BadField { entry: 1, field: "query" });
        assert_eq!(bad(r#"{"v":1,"scenarios":[{"name":" ","query":"","saved_at":""}]}"#), ReadError::BadField { entry: 1, field: "name" });
        assert_eq!(bad(r#"{"v":1,"scenarios":[7]}"#), ReadError::BadField { entry: 1, field: "name" });
        assert_eq!(
            bad(r#"{"v":1,"scenarios":[{"name":"a","query":"","saved_at":""},{"name":"a","query":"","saved_at":""}]}"#),
            ReadError::DuplicateName("a".into())
        );
        assert_eq!(bad(r#"{"v":1,"scenarios":[{"name":"a","query":"","saved_at":"","extra":1}]}"#), ReadError::UnknownField("extra".into()));
        let many = format!(r#"{{"v":1,"scenarios":[{}]}}"#, vec!["1"; MAX_SCENARIOS + 1].join(","));
        assert_eq!(bad(&many), ReadError::TooMany);
        for e in [bad("[]"), bad(r#"{"v":2,"scenarios":[]}"#), ReadError::BadField { entry: 2, field: "name" }] {
            assert!(!e.to_string().is_empty());
        }
        assert_eq!(Saved::from_json(r#"{"v":1,"scenarios":[]}"#).unwrap().saved, Saved::default());
    }
}
