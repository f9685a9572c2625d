//! The rates of one Region with the user's overrides applied: what the cost model reads.
//!
//! The model never looks rates up by text. [`Rates::resolve`] turns the catalog and the user's
//! [`Overrides`] into one flat array for one Region, once per change of Region or override, and the
//! model reads it by [`RateRef`] index thousands of times per slider move.

use super::ids::REGION_OPTS;
use super::overrides::Overrides;
use super::rate_ids::{RateRef, RATE_COUNT};
use super::types::Quote;

/// Where a resolved value came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Origin {
    /// The catalog's quote.
    Catalog(&'static Quote),
    /// A user override.
    Override,
}

/// The rates of one region with the user's overrides applied: what the cost model reads.
#[derive(Debug, Clone, PartialEq)]
pub struct Rates {
    region: usize,
    vals: [f64; RATE_COUNT],
    have: [bool; RATE_COUNT],
    overridden: [bool; RATE_COUNT],
}

impl Rates {
    /// Resolves every rate for region `region` (index into `REGION_OPTS`, clamped), overrides first.
    pub fn resolve(region: usize, overrides: &Overrides) -> Rates {
        let region = region.min(REGION_OPTS.len() - 1);
        let mut r = Rates { region, vals: [0.0; RATE_COUNT], have: [false; RATE_COUNT], overridden: [false; RATE_COUNT] };
        for rate in RateRef::all() {
            let i = rate.index();
            if let Some(v) = overrides.value_for(rate, region) {
                r.vals[i] = v;
                r.have[i] = true;
                r.overridden[i] = true;
            } else if let Some(q) = rate.quote(region) {
                r.vals[i] = q.value;
                r.have[i] = true;
            }
        }
        r
    }

    /// The catalog's rates for `region` with no override.
    pub fn catalog(region: usize) -> Rates {
        Rates::resolve(region, &Overrides::default())
    }

    /// Index of the region these rates are for.
    pub fn region(&self) -> usize {
        self.region
    }

    /// The value of a rate, if the catalog or an override gives one for this region.
    #[inline]
    pub fn get(&self, rate: impl Into<RateRef>) -> Option<f64> {
        let i = rate.into().index();
        self.have[i].then_some(self.vals[i])
    }

    /// Whether the user overrode this rate.
    pub fn is_overridden(&self, rate: impl Into<RateRef>) -> bool {
        self.overridden[rate.into().index()]
    }

    /// Where the value of a rate came from (`None` when there is no value).
    pub fn origin(&self, rate: impl Into<RateRef>) -> Option<Origin> {
        let rate = rate.into();
        let i = rate.index();
        if !self.have[i] {
            None
        } else if self.overridden[i] {
            Some(Origin::Override)
        } else {
            rate.quote(self.region).map(Origin::Catalog)
        }
    }

    /// Every overridden rate.
    pub fn overridden(&self) -> impl Iterator<Item = RateRef> + '_ {
        RateRef::all().filter(|r| self.overridden[r.index()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::rate_ids::{InstanceRate, Rate};

    #[test]
    fn per_second_fargate_rates_match_the_price_list_within_a_hundredth_of_a_cent() {
        let r = Rates::catalog(0);
        let near = |a: f64, b: f64| (a - b).abs() < 0.00001;
        assert!(near(r.get(Rate::FargateVcpuX86).unwrap(), 0.04048));
        assert!(near(r.get(Rate::FargateGbX86).unwrap(), 0.004445));
        assert!(near(r.get(Rate::FargateVcpuArm).unwrap(), 0.03238));
        assert!(near(r.get(Rate::FargateGbArm).unwrap(), 0.00356));
        assert!(near(r.get(Rate::FargateStorage).unwrap(), 0.000111));
        assert!(near(r.get(Rate::FargateWindowsLicence).unwrap(), 0.046));
    }

    #[test]
    fn us_east_1_has_a_value_for_every_rate_with_any_quote() {
        let r = Rates::catalog(0);
        for rate in RateRef::all() {
            if !rate.quotes().is_empty() {
                assert!(r.get(rate).is_some(), "{}", rate.id());
                assert!(matches!(r.origin(rate), Some(Origin::Catalog(_))));
            }
        }
        assert_eq!(r.get(RateRef::ec2(InstanceRate::OnDemand, 2)), Some(0.096));
        assert_eq!(r.get(RateRef::ec2(InstanceRate::OnDemandWindows, 2)), None);
    }

    #[test]
    fn other_regions_only_have_what_is_sourced() {
        let eu = Rates::catalog(1);
        assert_eq!(eu.region(), 1);
        assert_eq!(eu.get(Rate::FargateVcpuX86), Some(0.04048));
        assert_eq!(eu.get(Rate::AlbHour), None);
        assert_eq!(eu.get(Rate::EksClusterStandard), Some(0.10));
        assert_eq!(eu.get(RateRef::ec2(InstanceRate::OnDemand, 2)), None);
        assert_eq!(eu.get(RateRef::ec2(InstanceRate::SpotSaving, 2)), Some(57.0));
        assert_eq!(Rates::catalog(99).region(), REGION_OPTS.len() - 1);
    }
}
