//! Reading the app's JSON documents through serde: the one error a reader gives when the text is not
//! JSON or not the shape of its format, whoever parsed it (the browser's `JSON.parse` and
//! `serde_wasm_bindgen` in the app, `serde_json` in the native tests). The core never parses JSON
//! text itself; its formats are serde types, and the meaning checks run on what was read.

/// Why a document could not be read as its format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocError {
    /// The text is not JSON (the parser's words).
    NotJson(String),
    /// JSON, but not the format's shape: a missing, mistyped or unknown field (serde's words).
    Shape(String),
}

impl std::fmt::Display for DocError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DocError::NotJson(e) => write!(f, "it is not valid JSON ({})", clip(e)),
            DocError::Shape(e) => write!(f, "it does not match the format ({})", clip(e)),
        }
    }
}

/// Most characters of a parser's message shown: serde quotes the value it did not expect, which
/// may be megabytes of the user's text.
pub const MAX_MESSAGE: usize = 160;

/// The message cut to [`MAX_MESSAGE`] characters, control characters replaced.
fn clip(e: &str) -> String {
    let mut out: String = e.chars().take(MAX_MESSAGE).map(|c| if c.is_control() { '\u{fffd}' } else { c }).collect();
    if e.chars().nth(MAX_MESSAGE).is_some() {
        out.push('…');
    }
    out
}

/// Reads `text` with `serde_json`, as the app reads it with the browser's parser (tests only).
#[cfg(test)]
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, DocError> {
    serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => DocError::Shape(e.to_string()),
        _ => DocError::NotJson(e.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_cut_and_cleaned() {
        let long = DocError::Shape(format!("invalid type: string \"{}\"", "x\n".repeat(10_000)));
        let text = long.to_string();
        assert!(text.chars().count() < MAX_MESSAGE + 40, "{text}");
        assert!(!text.contains('\n') && text.ends_with("…)"));
        assert_eq!(DocError::NotJson("EOF".into()).to_string(), "it is not valid JSON (EOF)");
    }
}
