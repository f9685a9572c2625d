//! The overrides' export format (`berth-rate-overrides`, version 1): writing it, and reading it back.
//!
//! Import is strict: a file with any unknown rate, unknown region, negative or out-of-range value,
//! repeated entry or unexpected field is refused as a whole, with every problem listed, because a
//! half-applied price sheet would silently mislead.
//!
//! Writing is the serde type [`Export`]. Reading goes through serde too, but into [`OverridesFile`],
//! which takes any JSON in (objects as their members in order, values as what the checks need to
//! know, nesting at most [`MAX_DEPTH`] deep) so that nothing stops at the first problem: the checks
//! after reading list every unknown field, wrong type, unknown rate or bad value at once. That is why
//! this format does not use `deny_unknown_fields`: it would report only the first unknown field.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::ids::REGION_OPTS;
use super::overrides::{BadValue, Overrides};
use super::rate_ids::RateRef;
use super::table::CATALOG_AS_OF;
use crate::document::DocError;

/// Identifies the export format.
pub const FORMAT: &str = "berth-rate-overrides";
/// The only format version so far.
pub const VERSION: u32 = 1;
/// Most entries read from one file.
pub const MAX_ENTRIES: usize = 2000;
/// Deepest nesting of lists and objects read from one file (the format itself needs 3).
pub const MAX_DEPTH: u8 = 32;

/// The export document, as written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Export {
    /// Always [`FORMAT`].
    pub format: &'static str,
    /// Always [`VERSION`].
    pub version: u32,
    /// The date of the catalog the overrides were made against.
    pub catalog_as_of: &'static str,
    /// One entry per override.
    pub overrides: Vec<ExportEntry>,
}

/// One override in the export document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportEntry {
    /// The rate id.
    pub rate: String,
    /// The Region id; absent for every Region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<&'static str>,
    /// The value in the rate's unit.
    pub value: f64,
    /// The unit, for the reader of the file (ignored on import).
    pub unit: &'static str,
}

/// A JSON value as the import sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum Loose {
    /// A string.
    Str(String),
    /// A number.
    Num(f64),
    /// A list, each item as an object's members (`None`: the item is not an object).
    List(Vec<Members>),
    /// Anything else, named for the notice (`null`, a boolean, an object).
    Other(&'static str),
}

/// An object's members in the order written, repeats kept; `None` when the value is not an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Members(pub Option<Vec<(String, Loose)>>);

/// An overrides file as read by serde, before any check: the top-level object's members.
#[derive(Debug, Clone, PartialEq)]
pub struct OverridesFile(pub Members);

impl<'de> Deserialize<'de> for OverridesFile {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        MembersSeed(MAX_DEPTH).deserialize(d).map(OverridesFile)
    }
}

fn too_deep<E: de::Error>() -> E {
    E::custom(format_args!("lists and objects nested more than {MAX_DEPTH} deep"))
}

#[derive(Clone, Copy)]
struct LooseSeed(u8);
#[derive(Clone, Copy)]
struct MembersSeed(u8);

impl<'de> DeserializeSeed<'de> for LooseSeed {
    type Value = Loose;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Loose, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for LooseSeed {
    type Value = Loose;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Loose, E> {
        Ok(Loose::Other("a boolean"))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Loose, E> {
        Ok(Loose::Num(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Loose, E> {
        Ok(Loose::Num(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Loose, E> {
        Ok(Loose::Num(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Loose, E> {
        Ok(Loose::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Loose, E> {
        Ok(Loose::Str(v))
    }
    fn visit_unit<E>(self) -> Result<Loose, E> {
        Ok(Loose::Other("null"))
    }
    fn visit_none<E>(self) -> Result<Loose, E> {
        Ok(Loose::Other("null"))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Loose, D::Error> {
        self.deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Loose, A::Error> {
        let inner = MembersSeed(self.0.checked_sub(1).ok_or_else(too_deep)?);
        let mut items = Vec::new();
        while let Some(m) = seq.next_element_seed(inner)? {
            items.push(m);
        }
        Ok(Loose::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Loose, A::Error> {
        let inner = LooseSeed(self.0.checked_sub(1).ok_or_else(too_deep)?);
        while map.next_key::<de::IgnoredAny>()?.is_some() {
            map.next_value_seed(inner)?;
        }
        Ok(Loose::Other("an object"))
    }
}

impl<'de> DeserializeSeed<'de> for MembersSeed {
    type Value = Members;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Members, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for MembersSeed {
    type Value = Members;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Members, E> {
        Ok(Members(None))
    }
    fn visit_i64<E>(self, _: i64) -> Result<Members, E> {
        Ok(Members(None))
    }
    fn visit_u64<E>(self, _: u64) -> Result<Members, E> {
        Ok(Members(None))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Members, E> {
        Ok(Members(None))
    }
    fn visit_str<E>(self, _: &str) -> Result<Members, E> {
        Ok(Members(None))
    }
    fn visit_unit<E>(self) -> Result<Members, E> {
        Ok(Members(None))
    }
    fn visit_none<E>(self) -> Result<Members, E> {
        Ok(Members(None))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Members, D::Error> {
        self.deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Members, A::Error> {
        LooseSeed(self.0).visit_seq(seq).map(|_| Members(None))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members, A::Error> {
        let inner = LooseSeed(self.0.checked_sub(1).ok_or_else(too_deep)?);
        let mut out = Vec::new();
        while let Some(k) = map.next_key::<String>()? {
            out.push((k, map.next_value_seed(inner)?));
        }
        Ok(Members(Some(out)))
    }
}

impl Overrides {
    /// The export document.
    pub fn export(&self) -> Export {
        let overrides = self
            .iter()
            .map(|e| ExportEntry { rate: e.rate.id().into_owned(), region: e.region.map(|r| REGION_OPTS[r].id), value: e.value, unit: e.rate.unit() })
            .collect();
        Export { format: FORMAT, version: VERSION, catalog_as_of: CATALOG_AS_OF, overrides }
    }

    /// Checks a file as serde read it (or why it could not). Any problem refuses the whole file
    /// and every problem is listed.
    pub fn import(file: Result<OverridesFile, DocError>) -> Result<Overrides, Vec<ImportIssue>> {
        let OverridesFile(Members(members)) = file.map_err(|e| vec![e.into()])?;
        let Some(members) = members else {
            return Err(vec![ImportIssue::NotAnObject]);
        };
        let mut issues = Vec::new();
        let mut items = None;
        for (k, v) in &members {
            match k.as_str() {
                "format" => {
                    if !matches!(v, Loose::Str(f) if f == FORMAT) {
                        issues.push(ImportIssue::WrongFormat);
                    }
                }
                "version" => {
                    if *v != Loose::Num(f64::from(VERSION)) {
                        issues.push(ImportIssue::UnsupportedVersion);
                    }
                }
                "catalog_as_of" => {
                    if !matches!(v, Loose::Str(_)) {
                        issues.push(ImportIssue::BadField { entry: None, field: k.clone(), expected: "a string" });
                    }
                }
                "overrides" => match v {
                    Loose::List(a) if items.is_none() => items = Some(a),
                    Loose::List(_) => issues.push(ImportIssue::Repeated { entry: None, field: k.clone() }),
                    _ => issues.push(ImportIssue::BadField { entry: None, field: k.clone(), expected: "an array" }),
                },
                _ => issues.push(ImportIssue::UnknownField { entry: None, field: shorten(k) }),
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

fn read_entry(n: usize, item: &Members, out: &mut Overrides) -> Result<(), Vec<ImportIssue>> {
    let Some(members) = &item.0 else {
        return Err(vec![ImportIssue::EntryNotAnObject { entry: n }]);
    };
    let mut issues = Vec::new();
    let (mut rate, mut region, mut value) = (None, None, None);
    let mut seen: Vec<&str> = Vec::new();
    let string = |k: &String| ImportIssue::BadField { entry: Some(n), field: k.clone(), expected: "a string" };
    for (k, v) in members {
        if seen.contains(&k.as_str()) {
            issues.push(ImportIssue::Repeated { entry: Some(n), field: shorten(k) });
            continue;
        }
        seen.push(k);
        match (k.as_str(), v) {
            ("rate", Loose::Str(id)) => match RateRef::from_id(id) {
                Some(r) => rate = Some(r),
                None => issues.push(ImportIssue::UnknownRate { entry: n, id: shorten(id) }),
            },
            ("region", Loose::Str(id)) => match REGION_OPTS.iter().position(|o| o.id == id) {
                Some(i) => region = Some(i),
                None => issues.push(ImportIssue::UnknownRegion { entry: n, id: shorten(id) }),
            },
            ("value", Loose::Num(x)) => value = Some(*x),
            ("value", _) => issues.push(ImportIssue::BadField { entry: Some(n), field: k.clone(), expected: "a number" }),
            ("unit" | "label" | "note", Loose::Str(_)) => {}
            ("rate" | "region" | "unit" | "label" | "note", _) => issues.push(string(k)),
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
    /// JSON the reader could not take in (nested too deeply; serde's words).
    Shape(String),
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
            ImportIssue::NotJson(e) => {
                write!(f, "The file is not valid JSON ({}).", crate::url::shown(e))
            }
            ImportIssue::Shape(e) => {
                write!(f, "The file could not be read ({}).", crate::url::shown(e))
            }
            ImportIssue::NotAnObject => write!(f, "The file must be a JSON object with an \"overrides\" list."),
            ImportIssue::WrongFormat => write!(f, "The \"format\" field must be \"{FORMAT}\"."),
            ImportIssue::UnsupportedVersion => write!(f, "Only version {VERSION} of the override format can be read."),
            ImportIssue::MissingOverrides => write!(f, "The file has no \"overrides\" list."),
            ImportIssue::TooMany => write!(f, "The file has more than {MAX_ENTRIES} overrides."),
            ImportIssue::UnknownField { entry, field } => write!(f, "In {}, the field \"{field}\" is not part of the format.", at(entry)),
            ImportIssue::Repeated { entry, field } => {
                write!(f, "In {}, the field \"{field}\" appears twice.", at(entry))
            }
            ImportIssue::BadField { entry, field, expected } => write!(f, "In {}, \"{field}\" must be {expected}.", at(entry)),
            ImportIssue::EntryNotAnObject { entry } => {
                write!(f, "Entry {} is not an object.", entry + 1)
            }
            ImportIssue::MissingField { entry, field } => {
                write!(f, "Entry {} has no \"{field}\".", entry + 1)
            }
            ImportIssue::UnknownRate { entry, id } => {
                write!(f, "Entry {}: the catalog has no rate \"{id}\".", entry + 1)
            }
            ImportIssue::UnknownRegion { entry, id } => write!(f, "Entry {}: the catalog has no region \"{id}\".", entry + 1),
            ImportIssue::BadValue { entry, id, why } => write!(f, "Entry {}: the value for \"{id}\" {}.", entry + 1, why.text()),
            ImportIssue::Duplicate { entry, id } => write!(f, "Entry {}: \"{id}\" is already overridden for that region.", entry + 1),
        }
    }
}

impl From<DocError> for ImportIssue {
    fn from(e: DocError) -> Self {
        match e {
            DocError::NotJson(e) => ImportIssue::NotJson(e),
            DocError::Shape(e) => ImportIssue::Shape(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::rate_ids::{InstanceRate, Rate};
    use crate::document::from_json;

    fn import(text: &str) -> Result<Overrides, Vec<ImportIssue>> {
        Overrides::import(from_json(text))
    }

    fn export(o: &Overrides) -> String {
        serde_json::to_string_pretty(&o.export()).unwrap()
    }

    #[test]
    fn export_reads_back() {
        let mut o = Overrides::new();
        o.set(RateRef::ec2(InstanceRate::OnDemandWindows, 2), Some(0), 0.188).unwrap();
        o.set(Rate::FargateVcpuX86.into(), None, 0.0000112 * 3600.0).unwrap();
        o.set(Rate::DtoFreeGb.into(), None, 0.0).unwrap();
        let text = export(&o);
        assert!(text.contains("\"format\": \"berth-rate-overrides\""), "{text}");
        assert!(text.contains("ec2.ondemand-windows.m5.large"));
        assert_eq!(import(&text), Ok(o));
        assert_eq!(import(&export(&Overrides::new())), Ok(Overrides::new()));
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
        let issues = import(text).unwrap_err();
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
        let one = |t: &str| import(t).unwrap_err();
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
        assert!(import(r#"{"overrides": [{"rate": "alb.hour", "value": 0}]}"#).is_ok());
        // Types the format does not expect are named, every one of them.
        let issues = one(r#"{"overrides": [{"rate": 1, "value": true, "unit": null, "note": {"a": [1]}}], "catalog_as_of": []}"#);
        assert_eq!(issues.len(), 5, "{issues:#?}");
        // Nesting beyond MAX_DEPTH is refused without recursing through it.
        let deep = format!(r#"{{"overrides": [{{"note": {}1{}}}]}}"#, "[".repeat(100), "]".repeat(100));
        assert!(matches!(one(&deep).as_slice(), [ImportIssue::Shape(_)] | [ImportIssue::NotJson(_)]));
        let deep = format!(r#"{{"overrides": [{{"note": {}1{}}}]}}"#, "[".repeat(40), "]".repeat(40));
        assert!(matches!(one(&deep).as_slice(), [ImportIssue::Shape(w)] if w.contains("nested")), "{:?}", one(&deep));
    }
}
