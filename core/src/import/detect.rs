//! Which format a text is, decided from its content, and the parser's limits.
//!
//! Every text goes through `serde-saphyr` (JSON is YAML too), as a stream of documents, first into
//! a [`Probe`] that only notes which top-level fields are there and of what shape, then into the
//! typed structs of the format found. The [`options`] budget keeps a hostile text cheap: a few
//! hundred thousand events, 48 levels of nesting, and alias expansion ("billion laughs") capped
//! long before it could take memory or time.

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use super::map_or::MapOr;
use super::quantity::Scalar;
use super::{compose, ecs, k8s, ImportError, Reading, MAX_BYTES};

/// The parser's options: merge keys on (Compose files use `<<: *defaults`), tight budgets.
pub fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = 48;
    budget.flow_nesting_limit = 48;
    budget.max_events = 300_000;
    budget.max_nodes = 150_000;
    budget.max_aliases = 2_000;
    budget.max_anchors = 2_000;
    budget.max_documents = 500;
    budget.max_total_scalar_bytes = 2 * MAX_BYTES;
    budget.max_recorded_anchor_events = 100_000;
    budget.max_recorded_anchor_bytes = 2 * MAX_BYTES;
    let mut o = serde_saphyr::Options::default();
    o.budget = Some(budget);
    o.alias_limits.max_total_replayed_events = 20_000;
    o.alias_limits.max_replay_stack_depth = 16;
    o.alias_limits.max_alias_expansions_per_anchor = 200;
    o
}

/// Parses every document of `text` as `T`.
pub fn documents<T: de::DeserializeOwned>(text: &str) -> Result<Vec<T>, ImportError> {
    serde_saphyr::from_multiple_with_options::<T>(text, options()).map_err(|e| {
        let msg = e.to_string();
        let first = msg.lines().find(|l| !l.trim().is_empty()).unwrap_or("unreadable");
        ImportError::Invalid(shorten(first))
    })
}

/// At most 160 characters, no control characters.
fn shorten(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == 160 {
            out.push('…');
            break;
        }
        out.push(if c.is_control() { ' ' } else { c });
    }
    out
}

/// The shape of a value: a list, a mapping or a scalar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A list.
    List,
    /// A mapping.
    Map,
    /// A scalar.
    Scalar,
}

impl<'de> Deserialize<'de> for Shape {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Shape;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Shape::Map)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Shape, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Shape::List)
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Shape, E> {
                Ok(Shape::Scalar)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Shape, E> {
                Ok(Shape::Scalar)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Shape, E> {
                Ok(Shape::Scalar)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Shape, E> {
                Ok(Shape::Scalar)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Shape, E> {
                Ok(Shape::Scalar)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Shape, E> {
                Ok(Shape::Scalar)
            }
        }
        d.deserialize_any(V)
    }
}

/// Which top-level fields a document has, to tell the formats apart.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Probe {
    api_version: Option<IgnoredAny>,
    kind: Option<Scalar>,
    container_definitions: Option<IgnoredAny>,
    task_definition: Option<Shape>,
    services: Option<Shape>,
    service: Option<Shape>,
    service_name: Option<IgnoredAny>,
    desired_count: Option<IgnoredAny>,
    scheduling_strategy: Option<IgnoredAny>,
}

/// The formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Ecs,
    K8s,
    Compose,
}

impl Probe {
    fn format(&self) -> Option<Format> {
        if self.api_version.is_some() && self.kind.is_some() {
            Some(Format::K8s)
        } else if self.services == Some(Shape::Map) {
            Some(Format::Compose)
        } else if self.container_definitions.is_some()
            || self.task_definition.is_some()
            || self.service_name.is_some()
            || self.desired_count.is_some()
            || self.scheduling_strategy.is_some()
            || self.services == Some(Shape::List)
            || self.service == Some(Shape::Map)
        {
            Some(Format::Ecs)
        } else {
            None
        }
    }
}

/// Reads a text of any of the formats (already checked for size and binary content).
pub fn read_text(text: &str, service: Option<&str>) -> Result<Reading, ImportError> {
    let probes = documents::<MapOr<Probe>>(text)?;
    let formats: Vec<Option<Format>> = probes
        .iter()
        .map(|p| match p {
            MapOr::Map(p) => p.format(),
            MapOr::Other => None,
        })
        .collect();
    match formats.iter().flatten().next() {
        Some(Format::K8s) => k8s::read(&documents::<MapOr<k8s::Doc>>(text)?),
        Some(Format::Compose) => compose::read(&documents::<MapOr<compose::File>>(text)?, service),
        Some(Format::Ecs) => ecs::read(&documents::<MapOr<ecs::Doc>>(text)?),
        None => Err(ImportError::Unrecognized),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budgets_stop_hostile_yaml() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..9 {
            bomb.push_str(&format!("{}: &{} [*{}, *{}, *{}, *{}, *{}, *{}, *{}, *{}, *{}, *{}]\n", (b'b' + i) as char, (b'b' + i) as char, (b'a' + i) as char, (b'a' + i) as char, (b'a' + i) as char, (b'a' + i) as char, (b'a' + i) as char, (b'a' + i) as char, (b'a' + i) as char, (b'a' + i) as char, (b'a' + i) as char, (b'a' + i) as char));
        }
        bomb.push_str("kind: Pod\napiVersion: v1\n");
        assert!(matches!(read_text(&bomb, None), Err(ImportError::Invalid(_))));
        let deep = format!("{}1{}", "[".repeat(5000), "]".repeat(5000));
        assert!(matches!(read_text(&deep, None), Err(ImportError::Invalid(_))));
        let deep_block: String = (0..200).map(|i| format!("{}k{i}:\n", " ".repeat(i))).collect();
        assert!(matches!(read_text(&deep_block, None), Err(ImportError::Invalid(_))));
    }

    #[test]
    fn unknown_documents_are_unrecognized() {
        assert_eq!(read_text("hello", None), Err(ImportError::Unrecognized));
        assert_eq!(read_text("[1, 2]", None), Err(ImportError::Unrecognized));
        assert_eq!(read_text("{\"name\": \"x\"}", None), Err(ImportError::Unrecognized));
        assert!(matches!(read_text("a: [1, 2", None), Err(ImportError::Invalid(_))));
        assert!(matches!(read_text("{\"containerDefinitions\": [", None), Err(ImportError::Invalid(_))));
    }
}
