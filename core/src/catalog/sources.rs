//! Where every figure in the catalog comes from, and how much to trust it.
//!
//! A rate is only as good as its source, so the catalog never stores a bare number: each value names a
//! [`Source`] from [`SOURCES`] and carries a [`Grade`]. The grade is about provenance, the as-of date on
//! the value is about age; the page shows both so a reader can judge a figure at a glance. Sources are a
//! flat table with short ids (like `FG-PAGE`) because the same page backs many rates.

/// How directly a figure is backed by AWS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Grade {
    /// AWS's own words or data: a pricing page, a documentation page, an API model, an AWS-owned
    /// repository, or a verbatim copy of one of these.
    P,
    /// A value from the AWS Price List, read through a third party's transcription.
    PL,
    /// Only seen in secondary (third-party) material: plausible, not authoritative.
    S,
    /// Not a fact: a modelling choice of this project, shown so the user can override it.
    Assumption,
}

impl Grade {
    /// Short code shown next to a value.
    pub fn code(self) -> &'static str {
        match self {
            Grade::P => "P",
            Grade::PL => "PL",
            Grade::S => "S",
            Grade::Assumption => "Assumption",
        }
    }

    /// One line explaining the grade.
    pub fn meaning(self) -> &'static str {
        match self {
            Grade::P => "Published by AWS (a page, document, API model or AWS repository, or an exact copy of one).",
            Grade::PL => "An AWS Price List value read through a third-party transcription.",
            Grade::S => "Seen only in third-party material; plausible but not confirmed by AWS.",
            Grade::Assumption => "A modelling assumption of this playground, not a published price. Override it with your own figure.",
        }
    }
}

/// One source of figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// Short id, referenced by catalog values.
    pub id: &'static str,
    /// What the source is, in a few words.
    pub title: &'static str,
    /// Where to read it.
    pub url: &'static str,
    /// When the project read it (`YYYY-MM-DD`, or `YYYY-MM` when only the month is known).
    pub seen: &'static str,
}

/// Every source the catalog cites, from `core/data/catalog/sources.toml`.
pub static SOURCES: &[Source] = include!(concat!(env!("OUT_DIR"), "/catalog_sources.rs"));

/// Looks a source up by id.
pub fn source(id: &str) -> Option<&'static Source> {
    SOURCES.iter().find(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_dates_well_formed() {
        for (i, a) in SOURCES.iter().enumerate() {
            assert!(SOURCES[i + 1..].iter().all(|b| b.id != a.id), "duplicate source {}", a.id);
            let d = a.seen.as_bytes();
            assert!(d.len() == 7 || d.len() == 10, "{}: {}", a.id, a.seen);
            assert!(d[..4].iter().all(u8::is_ascii_digit) && d[4] == b'-', "{}", a.id);
            assert!(a.url.is_empty() || a.url.starts_with("https://"), "{}", a.id);
        }
        assert_eq!(source("FG-PAGE").map(|s| s.id), Some("FG-PAGE"));
        assert!(source("nope").is_none());
    }
}
