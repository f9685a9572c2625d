//! The user's own rates: negotiated discounts, prices of regions the catalog lacks, newer prices.
//!
//! An override replaces one rate, either in one region or in every region (a region-specific override
//! wins over an every-region one). Overrides are plain data so the shell can persist them and the user
//! can export them as JSON and import them elsewhere (`overrides_json`, which builds on this module).

use super::ids::REGION_OPTS;
use super::rate_ids::RateRef;
pub use super::types::BadValue;

/// One override.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Override {
    /// The rate replaced.
    pub rate: RateRef,
    /// The region it applies to (index into `REGION_OPTS`), or `None` for every region.
    pub region: Option<usize>,
    /// The value, in the rate's unit.
    pub value: f64,
}

/// A set of overrides, at most one per rate and region.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Overrides {
    entries: Vec<Override>,
}

impl Overrides {
    /// No override.
    pub fn new() -> Overrides {
        Overrides::default()
    }

    /// Sets (or replaces) an override. A refused value leaves the set as it was.
    pub fn set(&mut self, rate: RateRef, region: Option<usize>, value: f64) -> Result<(), BadValue> {
        rate.value_kind().check(value)?;
        if region.is_some_and(|r| r >= REGION_OPTS.len()) {
            return Err(BadValue::UnknownRegion);
        }
        let value = if value == 0.0 { 0.0 } else { value };
        match self.entries.binary_search_by_key(&(rate, region), |e| (e.rate, e.region)) {
            Ok(i) => self.entries[i].value = value,
            Err(i) => self.entries.insert(i, Override { rate, region, value }),
        }
        Ok(())
    }

    /// Removes an override; returns whether there was one.
    pub fn remove(&mut self, rate: RateRef, region: Option<usize>) -> bool {
        match self.entries.binary_search_by_key(&(rate, region), |e| (e.rate, e.region)) {
            Ok(i) => {
                self.entries.remove(i);
                true
            }
            Err(_) => false,
        }
    }

    /// Removes every override.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// The override set exactly for this rate and region scope.
    pub fn get(&self, rate: RateRef, region: Option<usize>) -> Option<f64> {
        self.entries
            .binary_search_by_key(&(rate, region), |e| (e.rate, e.region))
            .ok()
            .map(|i| self.entries[i].value)
    }

    /// The value that applies to `rate` in `region`: the region's own override, else an every-region one.
    pub fn value_for(&self, rate: RateRef, region: usize) -> Option<f64> {
        self.get(rate, Some(region)).or_else(|| self.get(rate, None))
    }

    /// Every override, ordered by rate then region.
    pub fn iter(&self) -> impl Iterator<Item = &Override> {
        self.entries.iter()
    }

    /// Number of overrides.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::rate_ids::{InstanceRate, Rate};
    use crate::catalog::resolved::Rates;

    #[test]
    fn set_get_remove_and_scope() {
        let mut o = Overrides::new();
        let alb = RateRef::from(Rate::AlbHour);
        assert_eq!(o.set(alb, None, 0.02), Ok(()));
        assert_eq!(o.set(alb, Some(1), 0.0252), Ok(()));
        assert_eq!(o.value_for(alb, 0), Some(0.02));
        assert_eq!(o.value_for(alb, 1), Some(0.0252));
        assert_eq!(o.set(alb, None, -1.0), Err(BadValue::Negative));
        assert_eq!(o.set(alb, None, f64::NAN), Err(BadValue::NotFinite));
        assert_eq!(o.set(alb, Some(99), 1.0), Err(BadValue::UnknownRegion));
        assert_eq!(o.set(Rate::Ec2Sp1yDiscount.into(), None, 101.0), Err(BadValue::OverHundredPercent));
        assert_eq!(o.set(alb, None, 2e6), Err(BadValue::TooLarge));
        assert_eq!(o.len(), 2);
        assert!(o.remove(alb, None));
        assert!(!o.remove(alb, None));
        assert_eq!(o.value_for(alb, 0), None);
        o.clear();
        assert!(o.is_empty());
    }

    #[test]
    fn resolve_marks_overrides() {
        let mut o = Overrides::new();
        let m5 = RateRef::ec2(InstanceRate::OnDemand, 2);
        o.set(m5, Some(1), 0.107).unwrap();
        o.set(Rate::AlbHour.into(), None, 0.03).unwrap();
        let eu = Rates::resolve(1, &o);
        assert_eq!(eu.get(m5), Some(0.107));
        assert!(eu.is_overridden(m5));
        assert_eq!(eu.get(Rate::AlbHour), Some(0.03));
        let us = Rates::resolve(0, &o);
        assert_eq!(us.get(m5), Some(0.096));
        assert!(!us.is_overridden(m5));
        assert_eq!(us.overridden().count(), 1);
    }
}
