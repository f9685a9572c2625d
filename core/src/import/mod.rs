//! Import: turns a pasted ECS task definition, Kubernetes manifest or Docker Compose file into
//! values for the playground's inputs.
//!
//! Reading ([`read`]) is pure and typed: the text is parsed with serde (YAML and JSON both through
//! `serde-saphyr`, under a tight budget against alias bombs and deep nesting) into structs that
//! name only the fields we map; everything else is skipped. Each format has its own file
//! ([`ecs`], [`k8s`], [`compose`]); [`detect`] decides which one a text is; [`fields`] collects
//! what was read, with the path to each value in words, and what was ignored and why.
//! Applying ([`apply`]) never sets an input directly: it builds a query string and lets the URL
//! parser clamp it, so an import obeys the same ranges and notices as a link.
//!
//! The shell runs [`read`] in a web worker (its own wasm, loaded when the Import panel opens), so
//! the parser costs nothing on the first load and a huge paste never blocks the page; only
//! [`apply`] and the types below are in the page's wasm. The request and the reading cross between
//! the page and the worker as the plain objects `serde_wasm_bindgen` makes of them (the derives below).

pub mod apply;
pub mod compose;
pub mod detect;
pub mod ecs;
pub mod fields;
pub mod k8s;
pub mod map_or;
pub mod quantity;

use serde::{Deserialize, Serialize};

/// The largest text read, in bytes. Real task definitions, manifests and compose files are a few
/// KB; anything past this is refused before it is parsed.
pub const MAX_BYTES: usize = 512 * 1024;

/// What is to be read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    /// The pasted or loaded text.
    pub text: String,
    /// For a Compose file with several services: the one to read (the first when `None`).
    pub service: Option<String>,
}

/// One input read from the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// The URL key of the input (see `params.rs`).
    pub key: String,
    /// The value, as URL text (already rounded to the input's precision; the URL parser clamps it).
    pub value: String,
    /// Where in the file it came from, in words: `containerDefinitions[0].resourceRequirements: GPU 1`.
    pub path: String,
}

/// Something in the file that sets no input, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ignored {
    /// Where in the file.
    pub path: String,
    /// Why it was not used.
    pub why: String,
}

/// What a file gave.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    /// The format, in words ("ECS task definition", "Kubernetes manifest", "Docker Compose file").
    pub format: String,
    /// The inputs read, at most one per key, in the order found.
    pub fields: Vec<Field>,
    /// What was skipped, and why (capped; the last entry counts the rest).
    pub ignored: Vec<Ignored>,
    /// A Compose file's services, in file order (empty for other formats).
    pub services: Vec<String>,
    /// The Compose service that was read.
    pub service: Option<String>,
}

/// Why nothing could be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// The text is empty.
    Empty,
    /// Larger than [`MAX_BYTES`].
    TooBig {
        /// Its size in bytes.
        bytes: usize,
    },
    /// Not text: control bytes or undecodable content.
    Binary,
    /// Not valid YAML or JSON, or over the parser's budget; the parser's message, shortened.
    Invalid(String),
    /// Valid YAML or JSON, but none of the three formats.
    Unrecognized,
    /// One of the formats, but nothing in it maps to an input.
    Nothing(Reading),
}

impl ImportError {
    /// The error in plain words, for `[data-testid="import-error"]`.
    pub fn text(&self) -> String {
        match self {
            ImportError::Empty => "Nothing to read: paste a task definition, a manifest or a compose file, or choose a file.".into(),
            ImportError::TooBig { bytes } => format!(
                "This text is {} KB; the import reads at most {} KB. Paste only the task definition, manifest or compose file you mean.",
                bytes.div_ceil(1024),
                MAX_BYTES / 1024
            ),
            ImportError::Binary => "This is not text (it holds control bytes or undecodable data). Paste or choose a YAML or JSON file.".into(),
            ImportError::Invalid(why) => format!("This is not valid YAML or JSON: {why}"),
            ImportError::Unrecognized => "This is YAML or JSON, but not an ECS task definition or service, a Kubernetes manifest, or a Compose file.".into(),
            ImportError::Nothing(r) => format!("This {} has nothing that sets an input (see what was ignored below).", r.format),
        }
    }
}

/// Reads a text into input values. Never panics; refuses what is too big, binary or not one of
/// the formats.
pub fn read(req: &Request) -> Result<Reading, ImportError> {
    let text = req.text.strip_prefix('\u{feff}').unwrap_or(&req.text);
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooBig { bytes: text.len() });
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if looks_binary(text) {
        return Err(ImportError::Binary);
    }
    let reading = detect::read_text(text, req.service.as_deref())?;
    if reading.fields.is_empty() {
        return Err(ImportError::Nothing(reading));
    }
    Ok(reading)
}

/// Control characters other than tab, newline and carriage return, or replacement characters
/// (what a binary file read as text is full of), in more than a trace.
fn looks_binary(text: &str) -> bool {
    let bad = text
        .chars()
        .filter(|&c| c == '\u{fffd}' || c == '\0' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r')))
        .count();
    text.contains('\0') || bad * 100 > text.chars().count().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(text: &str) -> Request {
        Request { text: text.into(), service: None }
    }

    #[test]
    fn refuses_empty_big_and_binary_text() {
        assert_eq!(read(&req("  \n")), Err(ImportError::Empty));
        assert!(matches!(read(&req(&"a".repeat(MAX_BYTES + 1))), Err(ImportError::TooBig { .. })));
        assert_eq!(read(&req("kind: Pod\0\0\0")), Err(ImportError::Binary));
        assert_eq!(read(&req("\u{fffd}\u{fffd}PNG\u{1a}\u{fffd}")), Err(ImportError::Binary));
        for e in [ImportError::Empty, ImportError::TooBig { bytes: 10 << 20 }, ImportError::Binary, ImportError::Unrecognized] {
            assert!(!e.text().is_empty());
        }
        assert!(ImportError::TooBig { bytes: 10 << 20 }.text().contains("10240 KB"));
    }
}
