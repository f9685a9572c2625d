//! The overrides' export format (`berth-rate-overrides`, version 1): writing it, and reading it back.
//!
//! Import is strict: a file with any unknown rate, unknown region, negative or out-of-range value,
//! repeated entry or unexpected field is refused as a whole, with every problem listed, because a
//! half-applied price sheet would silently mislead.

use super::ids::REGION_OPTS;
use super::json::Value;
use super::overrides::{BadValue, Overrides};
use super::rate_ids::RateRef;
use super::table::CATALOG_AS_OF;

/// Identifies the export format.
pub const FORMAT: &str = "berth-rate-overrides";
/// The only format version so far.
pub const VERSION: f64 = 1.0;
/// Most entries read from one file.
pub const MAX_ENTRIES: usize = 2000;

impl Overrides {
    /// The export document.
    pub fn to_value(&self) -> Value {
        let items = self
            .iter()
            .map(|e| {
                let mut m = vec![("rate".to_string(), Value::Str(e.rate.id().into_owned()))];
                if let Some(r) = e.region {
                    m.push(("region".to_string(), Value::Str(REGION_OPTS[r].id.to_string())));
                }
                m.push(("value".to_string(), Value::Num(e.value)));
                m.push(("unit".to_string(), Value::Str(e.rate.unit().to_string())));
                Value::Obj(m)
            })
            .collect();
        Value::Obj(vec![
            ("format".into(), Value::Str(FORMAT.into())),
            ("version".into(), Value::Num(VERSION)),
            ("catalog_as_of".into(), Value::Str(CATALOG_AS_OF.into())),
            ("overrides".into(), Value::Arr(items)),
        ])
    }

    /// The export document as indented JSON text.
    pub fn to_json(&self) -> String {
        self.to_value().to_json_pretty()
    }

    /// Reads an exported document. Any problem refuses the whole file and every problem is listed.
    pub fn from_json(text: &str) -> Result<Overrides, Vec<ImportIssue>> {
        let doc = Value::parse(text).map_err(|e| vec![ImportIssue::NotJson(e.to_string())])?;
        Overrides::from_value(&doc)
    }

    /// Reads an export document already parsed.
    pub fn from_value(doc: &Value) -> Result<Overrides, Vec<ImportIssue>> {
        let Some(members) = doc.as_object() else {
            return Err(vec![ImportIssue::NotAnObject]);
        };
        let mut issues = Vec::new();
        let mut items = None;
        for (k, v) in members {
            match k.as_str() {
                "format" => {
                    if v.as_str() != Some(FORMAT) {
                        issues.push(ImportIssue::WrongFormat);
                    }
                }
                "version" => {
                    if v.as_f64() != Some(VERSION) {
                        issues.push(ImportIssue::UnsupportedVersion);
                    }
                }
                "catalog_as_of" => {
                    if v.as_str().is_none() {
                        issues.push(ImportIssue::BadField { entry: None, field: k.clone(), expected: "a string" });
                    }
                }
                "overrides" => match v.as_array() {
                    Some(a) if items.is_none() => items = Some(a),
                    Some(_) => issues.push(ImportIssue::Repeated { entry: None, field: k.clone() }),
                    None => issues.push(ImportIssue::BadField { entry: None, field: k.clone(), expected: "an array" }),
                },
                _ => issues.push(ImportIssue::UnknownField { entry: None, field: k.clone() }),
            }
        }
        let Some(items) = items else {
            if !issues.iter().any(|i| matches!(i, ImportIssue::BadField { .. })) {
                issues.push(ImportIssue::MissingOverrides);
            }
            return Err(issues);
        };
        if items.len() > MAX_ENTRIES {
            issues.push(ImportIssue::TooMany);
            return Err(issues);
        }
        let mut out = Overrides::new();
        for (n, item) in items.iter().enumerate() {
            if let Err(mut found) = read_entry(n, item, &mut out) {
                issues.append(&mut found);
            }
        }
        if issues.is_empty() {
            Ok(out)
        } else {
            Err(issues)
        }
    }
}

fn read_entry(n: usize, item: &Value, out: &mut Overrides) -> Result<(), Vec<ImportIssue>> {
    let Some(members) = item.as_object() else {
        return Err(vec![ImportIssue::EntryNotAnObject { entry: n }]);
    };
    let mut issues = Vec::new();
    let (mut rate, mut region, mut value) = (None, None, None);
    let mut seen: Vec<&str> = Vec::new();
    for (k, v) in members {
        if seen.contains(&k.as_str()) {
            issues.push(ImportIssue::Repeated { entry: Some(n), field: k.clone() });
            continue;
        }
        seen.push(k);
        match k.as_str() {
            "rate" => match v.as_str() {
                Some(id) => match RateRef::from_id(id) {
                    Some(r) => rate = Some(r),
                    None => issues.push(ImportIssue::UnknownRate { entry: n, id: shorten(id) }),
                },
                None => issues.push(ImportIssue::BadField { entry: Some(n), field: k.clone(), expected: "a string" }),
            },
            "region" => match v.as_str() {
                Some(id) => match REGION_OPTS.iter().position(|o| o.id == id) {
                    Some(i) => region = Some(i),
                    None => issues.push(ImportIssue::UnknownRegion { entry: n, id: shorten(id) }),
                },
                None => issues.push(ImportIssue::BadField { entry: Some(n), field: k.clone(), expected: "a string" }),
            },
            "value" => match v.as_f64() {
                Some(x) => value = Some(x),
                None => issues.push(ImportIssue::BadField { entry: Some(n), field: k.clone(), expected: "a number" }),
            },
            "unit" | "label" | "note" => {
                if v.as_str().is_none() {
                    issues.push(ImportIssue::BadField { entry: Some(n), field: k.clone(), expected: "a string" });
                }
            }
            _ => issues.push(ImportIssue::UnknownField { entry: Some(n), field: shorten(k) }),
        }
    }
    if !seen.contains(&"rate") {
        issues.push(ImportIssue::MissingField { entry: n, field: "rate" });
    }
    if !seen.contains(&"value") {
        issues.push(ImportIssue::MissingField { entry: n, field: "value" });
    }
    if let (Some(rate), Some(value), true) = (rate, value, issues.is_empty()) {
        if out.get(rate, region).is_some() {
            issues.push(ImportIssue::Duplicate { entry: n, id: rate.id().into_owned() });
        } else if let Err(why) = out.set(rate, region, value) {
            issues.push(ImportIssue::BadValue { entry: n, id: rate.id().into_owned(), why });
        }
    }
    if issues.is_empty() {
        Ok(())
    } else {
        Err(issues)
    }
}

fn shorten(s: &str) -> String {
    crate::url::shown(s)
}

/// One problem found while importing overrides.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportIssue {
    /// The text is not JSON (the reader's message).
    NotJson(String),
    /// The document is not a JSON object.
    NotAnObject,
    /// `format` is not [`FORMAT`].
    WrongFormat,
    /// `version` is not one this build reads.
    UnsupportedVersion,
    /// There is no `overrides` array.
    MissingOverrides,
    /// More than [`MAX_ENTRIES`] entries.
    TooMany,
    /// A field this format does not have (`entry` is `None` at the top level).
    UnknownField { entry: Option<usize>, field: String },
    /// A field given twice.
    Repeated { entry: Option<usize>, field: String },
    /// A field of the wrong type.
    BadField { entry: Option<usize>, field: String, expected: &'static str },
    /// An entry that is not an object.
    EntryNotAnObject { entry: usize },
    /// An entry without a required field.
    MissingField { entry: usize, field: &'static str },
    /// A rate id the catalog does not have.
    UnknownRate { entry: usize, id: String },
    /// A region id the catalog does not have.
    UnknownRegion { entry: usize, id: String },
    /// A value the rate cannot take.
    BadValue { entry: usize, id: String, why: BadValue },
    /// A second override of the same rate and region.
    Duplicate { entry: usize, id: String },
}

impl std::fmt::Display for ImportIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let at = |e: &Option<usize>| e.map_or_else(|| "the file".to_string(), |n| format!("entry {}", n + 1));
        match self {
            ImportIssue::NotJson(e) => write!(f, "The file is not valid JSON ({e})."),
            ImportIssue::NotAnObject => write!(f, "The file must be a JSON object with an \"overrides\" list."),
            ImportIssue::WrongFormat => write!(f, "The \"format\" field must be \"{FORMAT}\"."),
            ImportIssue::UnsupportedVersion => write!(f, "Only version {VERSION} of the override format can be read."),
            ImportIssue::MissingOverrides => write!(f, "The file has no \"overrides\" list."),
            ImportIssue::TooMany => write!(f, "The file has more than {MAX_ENTRIES} overrides."),
            ImportIssue::UnknownField { entry, field } => write!(f, "In {}, the field \"{field}\" is not part of the format.", at(entry)),
            ImportIssue::Repeated { entry, field } => write!(f, "In {}, the field \"{field}\" appears twice.", at(entry)),
            ImportIssue::BadField { entry, field, expected } => write!(f, "In {}, \"{field}\" must be {expected}.", at(entry)),
            ImportIssue::EntryNotAnObject { entry } => write!(f, "Entry {} is not an object.", entry + 1),
            ImportIssue::MissingField { entry, field } => write!(f, "Entry {} has no \"{field}\".", entry + 1),
            ImportIssue::UnknownRate { entry, id } => write!(f, "Entry {}: the catalog has no rate \"{id}\".", entry + 1),
            ImportIssue::UnknownRegion { entry, id } => write!(f, "Entry {}: the catalog has no region \"{id}\".", entry + 1),
            ImportIssue::BadValue { entry, id, why } => write!(f, "Entry {}: the value for \"{id}\" {}.", entry + 1, why.text()),
            ImportIssue::Duplicate { entry, id } => write!(f, "Entry {}: \"{id}\" is already overridden for that region.", entry + 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::rate_ids::{InstanceRate, Rate};

    #[test]
    fn export_reads_back() {
        let mut o = Overrides::new();
        o.set(RateRef::ec2(InstanceRate::OnDemandWindows, 2), Some(0), 0.188).unwrap();
        o.set(Rate::FargateVcpuX86.into(), None, 0.0000112 * 3600.0).unwrap();
        o.set(Rate::DtoFreeGb.into(), None, 0.0).unwrap();
        let text = o.to_json();
        assert!(text.contains("\"format\": \"berth-rate-overrides\""), "{text}");
        assert!(text.contains("ec2.ondemand-windows.m5.large"));
        assert_eq!(Overrides::from_json(&text), Ok(o));
        assert_eq!(Overrides::from_json(&Overrides::new().to_json()), Ok(Overrides::new()));
    }

    #[test]
    fn import_is_strict_and_lists_every_problem() {
        let text = r#"{
          "format": "berth-rate-overrides", "version": 1, "extra": 1,
          "overrides": [
            {"rate": "alb.hour", "value": 0.02},
            {"rate": "alb.hour", "value": 0.03},
            {"rate": "nope.rate", "value": 1},
            {"rate": "nat.hour", "region": "mars-1", "value": 1},
            {"rate": "nat.gb", "value": -1},
            {"rate": "ec2.sp1y.discount", "value": 150},
            {"rate": "nat.gb", "value": "cheap"},
            {"rate": "nat.gb"},
            {"value": 3},
            {"rate": "ipv4.hour", "value": 1, "colour": "red"},
            {"rate": "ipv4.hour", "rate": "ipv4.hour", "value": 1},
            7
          ]}"#;
        let issues = Overrides::from_json(text).unwrap_err();
        let words: Vec<String> = issues.iter().map(ToString::to_string).collect();
        let has = |s: &str| words.iter().any(|w| w.contains(s));
        assert!(has("\"extra\" is not part"), "{words:#?}");
        assert!(has("Entry 2: \"alb.hour\" is already overridden"), "{words:#?}");
        assert!(has("no rate \"nope.rate\""));
        assert!(has("no region \"mars-1\""));
        assert!(has("is negative"));
        assert!(has("percentage above 100"));
        assert!(has("\"value\" must be a number"));
        assert!(has("Entry 8 has no \"value\""));
        assert!(has("Entry 9 has no \"rate\""));
        assert!(has("\"colour\" is not part"));
        assert!(has("\"rate\" appears twice"));
        assert!(has("Entry 12 is not an object"));
    }

    #[test]
    fn import_refuses_malformed_documents() {
        let one = |t: &str| Overrides::from_json(t).unwrap_err();
        assert!(matches!(one("{").as_slice(), [ImportIssue::NotJson(_)]));
        assert_eq!(one("[]"), vec![ImportIssue::NotAnObject]);
        assert_eq!(one("{}"), vec![ImportIssue::MissingOverrides]);
        assert_eq!(one(r#"{"overrides": {}}"#).len(), 1);
        assert!(one(r#"{"format": "x", "overrides": []}"#).contains(&ImportIssue::WrongFormat));
        assert!(one(r#"{"version": 2, "overrides": []}"#).contains(&ImportIssue::UnsupportedVersion));
        assert!(one(r#"{"overrides": [], "overrides": []}"#).iter().any(|i| matches!(i, ImportIssue::Repeated { .. })));
        assert!(one(r#"{"overrides": [{"rate": "alb.hour", "value": 1e999}]}"#).iter().any(|i| matches!(i, ImportIssue::NotJson(_))));
        let many = format!(r#"{{"overrides": [{}]}}"#, vec!["1"; MAX_ENTRIES + 1].join(","));
        assert!(one(&many).contains(&ImportIssue::TooMany));
        // A document with only the list is accepted.
        assert!(Overrides::from_json(r#"{"overrides": [{"rate": "alb.hour", "value": 0}]}"#).is_ok());
    }
}
