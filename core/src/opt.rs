//! [`Opt`]: one option of a choice or set input, an id for the URL and the DOM and a label for people.
//!
//! A leaf: the inputs table (`params`) and the catalog's Region and instance lists both build on it,
//! so neither needs the other for the type.

/// One option of a choice or set input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Opt {
    /// The value used in the URL and the DOM.
    pub id: &'static str,
    /// Human label.
    pub label: &'static str,
}

impl Opt {
    /// A new option.
    pub const fn new(id: &'static str, label: &'static str) -> Self {
        Self { id, label }
    }
}
