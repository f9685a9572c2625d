//! The catalog's leaf types and their limits: a sourced value ([`Quote`]), a Region where a rate is
//! not offered ([`Absence`]), what kind of number a rate is ([`ValueKind`]) and the bounds every value, from the catalog or from a user, must respect.
//!
//! Nothing here knows a rate, a region or an instance, so every other catalog module can use it.

use super::sources::Grade;

/// One sourced value of a rate in one region (or in every region).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quote {
    /// Region id from `REGION_OPTS`, or `"*"` when the source quotes one figure for every region.
    pub region: &'static str,
    /// The value, in the rate's unit.
    pub value: f64,
    /// How directly AWS backs it.
    pub grade: Grade,
    /// Source id from [`super::sources::SOURCES`].
    pub source: &'static str,
    /// When the value was read or last confirmed (`YYYY-MM-DD` or `YYYY-MM`).
    pub as_of: &'static str,
    /// How the value was derived, when it is not copied as is (empty otherwise).
    pub note: &'static str,
}

impl Quote {
    /// A quote with no derivation note.
    pub const fn new(region: &'static str, value: f64, grade: Grade, source: &'static str, as_of: &'static str) -> Quote {
        Quote { region, value, grade, source, as_of, note: "" }
    }

    /// The same quote with a derivation note.
    pub const fn with_note(self, note: &'static str) -> Quote {
        Quote { note, ..self }
    }

    /// Whether this quote applies to the region with id `region`.
    pub fn covers(&self, region: &str) -> bool {
        self.region == "*" || self.region == region
    }
}

/// A rate the catalog knows is not offered in one Region (the service or the option does not exist
/// there), as opposed to a rate with no sourced figure yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Absence {
    /// Region id from `REGION_OPTS`.
    pub region: &'static str,
    /// Why, in a few words of our own.
    pub reason: &'static str,
    /// Source id from [`super::sources::SOURCES`].
    pub source: &'static str,
    /// When this was read (`YYYY-MM-DD` or `YYYY-MM`).
    pub as_of: &'static str,
}

/// What kind of number a rate is, which bounds what an override may set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// US dollars per unit: any finite value ≥ 0.
    Price,
    /// A share in percent: 0 to 100.
    Percent,
    /// A plain quantity (GB, requests, seconds): any finite value ≥ 0.
    Quantity,
}

/// The largest price an override may set, in dollars per unit. No AWS rate comes near it; the
/// bound keeps every monthly total finite (1000 tasks × 16 vCPU × 744 h × this is about 1.2e13).
pub const MAX_PRICE: f64 = 1e6;
/// The largest quantity (free-tier allowance, GB, requests) an override may set.
pub const MAX_QUANTITY: f64 = 1e12;

/// Why a value cannot be used for a rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadValue {
    /// NaN or infinite.
    NotFinite,
    /// Below zero.
    Negative,
    /// A percentage above 100.
    OverHundredPercent,
    /// Larger than any real rate ([`MAX_PRICE`] dollars or [`MAX_QUANTITY`] units): a typo, and
    /// a value that would overflow the monthly totals.
    TooLarge,
    /// The region index is not one of `REGION_OPTS`.
    UnknownRegion,
}

impl BadValue {
    /// Plain words.
    pub fn text(self) -> &'static str {
        match self {
            BadValue::NotFinite => "is not a finite number",
            BadValue::Negative => "is negative",
            BadValue::OverHundredPercent => "is a percentage above 100",
            BadValue::TooLarge => "is larger than any real rate (at most $1,000,000 per unit, or 10^12 for a quantity)",
            BadValue::UnknownRegion => "names a region the catalog does not know",
        }
    }
}

impl ValueKind {
    /// Checks `v` against the bounds of this kind of number.
    pub fn check(self, v: f64) -> Result<(), BadValue> {
        if !v.is_finite() {
            Err(BadValue::NotFinite)
        } else if v < 0.0 {
            Err(BadValue::Negative)
        } else if self == ValueKind::Percent && v > 100.0 {
            Err(BadValue::OverHundredPercent)
        } else if (self == ValueKind::Price && v > MAX_PRICE) || v > MAX_QUANTITY {
            Err(BadValue::TooLarge)
        } else {
            Ok(())
        }
    }
}
