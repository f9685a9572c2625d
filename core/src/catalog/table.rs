//! The rate table: every scalar rate's text id, label, unit, kind and sourced quotes by region, and
//! what a [`RateRef`] means in words (its id, label, unit and quotes, per-instance rates included).
//!
//! A rate has a stable text id (`fargate.vcpu.x86`, `ec2.ondemand.m5.large`, ...) because ids travel in
//! exported overrides and show up as provenance next to each line of a bill. Its values are
//! [`Quote`]s: one per region where a source gives one, each with its own grade, source and date. A
//! rate may have no quote at all for a region; the model then reports it missing instead of guessing.
//! Some rates exist with no quote anywhere (Windows EC2 prices, Windows Fargate Savings Plan rates):
//! their ids are still real so that a user can supply them as overrides.

use std::borrow::Cow;

use super::ids::{INSTANCE_OPTS, REGION_OPTS};
use super::rate_ids::{InstanceRate, Rate, RateKind, RateRef, RATE_COUNT};
use super::sources::Grade;
use super::types::{Absence, Quote, ValueKind};

/// When this catalog was compiled (`YYYY-MM-DD`, `as_of` in `rates.toml`). Each value also carries the date its source was read,
/// which can be earlier.
pub const CATALOG_AS_OF: &str = include!(concat!(env!("OUT_DIR"), "/catalog_as_of.rs"));

/// The definition of a scalar rate (one record of `core/data/catalog/rates.toml`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateDef {
    /// The rate, equal to this entry's position in [`SCALAR_RATES`].
    pub key: Rate,
    /// Stable text id, used in exported overrides.
    pub id: &'static str,
    /// Human label.
    pub label: &'static str,
    /// Unit of the value, in words (`USD per vCPU-hour`).
    pub unit: &'static str,
    /// What kind of number it is.
    pub kind: ValueKind,
}

/// The definition of a kind of per-instance rate (an `instance_rate` record of `rates.toml`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InstanceRateDef {
    /// The kind, equal to this entry's position in [`INSTANCE_RATES`].
    pub key: InstanceRate,
    /// The start of the text id; the instance type follows it (`ec2.ondemand.` + `m5.large`).
    pub prefix: &'static str,
    /// Label after `EC2 <type>, `.
    pub label: &'static str,
    /// Unit of the value, in words.
    pub unit: &'static str,
    /// What kind of number it is.
    pub kind: ValueKind,
}

/// Every scalar rate. Entry `i` has `key as usize == i`.
pub static SCALAR_RATES: &[RateDef] = include!(concat!(env!("OUT_DIR"), "/catalog_scalar_rates.rs"));

/// Every kind of per-instance rate. Entry `i` has `key as usize == i`.
pub static INSTANCE_RATES: &[InstanceRateDef] = include!(concat!(env!("OUT_DIR"), "/catalog_instance_rates.rs"));

/// The sourced values of every rate, by [`RateRef::index`], from `core/data/catalog/quotes/*.toml`.
static QUOTES: [&[Quote]; RATE_COUNT] = include!(concat!(env!("OUT_DIR"), "/catalog_quotes.rs"));

/// Where each rate is known not to be offered, by [`RateRef::index`] (`not_offered` in the quote files).
static ABSENT: [&[Absence]; RATE_COUNT] = include!(concat!(env!("OUT_DIR"), "/catalog_absent.rs"));

impl InstanceRate {
    /// The start of the text id of this kind of rate; the instance type follows it.
    pub fn prefix(self) -> &'static str {
        INSTANCE_RATES[self as usize].prefix
    }

    /// What this kind of rate is, in words ("Linux on-demand").
    pub fn label(self) -> &'static str {
        INSTANCE_RATES[self as usize].label
    }
}

impl RateRef {
    /// The stable text id.
    pub fn id(self) -> Cow<'static, str> {
        match self.kind() {
            RateKind::Scalar(r) => Cow::Borrowed(SCALAR_RATES[r as usize].id),
            RateKind::Instance(k, i) => Cow::Owned(format!("{}{}", k.prefix(), INSTANCE_OPTS[i].id)),
        }
    }

    /// Looks a rate up by its text id.
    pub fn from_id(id: &str) -> Option<RateRef> {
        if let Some(d) = SCALAR_RATES.iter().find(|d| d.id == id) {
            return Some(RateRef::scalar(d.key));
        }
        InstanceRate::ALL.iter().find_map(|&k| {
            let rest = id.strip_prefix(k.prefix())?;
            let i = INSTANCE_OPTS.iter().position(|o| o.id == rest)?;
            Some(RateRef::ec2(k, i))
        })
    }

    /// Human label.
    pub fn label(self) -> Cow<'static, str> {
        match self.kind() {
            RateKind::Scalar(r) => Cow::Borrowed(SCALAR_RATES[r as usize].label),
            RateKind::Instance(k, i) => Cow::Owned(format!("EC2 {}, {}", INSTANCE_OPTS[i].id, INSTANCE_RATES[k as usize].label)),
        }
    }

    /// Unit of the value, in words.
    pub fn unit(self) -> &'static str {
        match self.kind() {
            RateKind::Scalar(r) => SCALAR_RATES[r as usize].unit,
            RateKind::Instance(k, _) => INSTANCE_RATES[k as usize].unit,
        }
    }

    /// What kind of number the rate is.
    pub fn value_kind(self) -> ValueKind {
        match self.kind() {
            RateKind::Scalar(r) => SCALAR_RATES[r as usize].kind,
            RateKind::Instance(k, _) => INSTANCE_RATES[k as usize].kind,
        }
    }

    /// Every sourced value of the rate.
    pub fn quotes(self) -> &'static [Quote] {
        QUOTES[self.index()]
    }

    /// Whether the catalog knows this rate is not offered in region `region` (an index into
    /// `REGION_OPTS`), and why.
    pub fn absence(self, region: usize) -> Option<&'static Absence> {
        let id = REGION_OPTS.get(region)?.id;
        ABSENT[self.index()].iter().find(|a| a.region == id)
    }

    /// The quote that applies in region `region` (an index into `REGION_OPTS`), if the catalog has one.
    pub fn quote(self, region: usize) -> Option<&'static Quote> {
        let id = REGION_OPTS.get(region)?.id;
        let qs = self.quotes();
        qs.iter().find(|q| q.region == id).or_else(|| qs.iter().find(|q| q.region == "*"))
    }

    /// Whether `v` is an acceptable value for this rate.
    pub fn accepts(self, v: f64) -> bool {
        self.value_kind().check(v).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::sources::source;
    use crate::catalog::ids::INSTANCE_COUNT;
    use crate::catalog::rate_ids::SCALAR_COUNT;

    #[test]
    fn table_order_matches_keys() {
        assert_eq!(SCALAR_RATES.len(), SCALAR_COUNT);
        for (i, d) in SCALAR_RATES.iter().enumerate() {
            assert_eq!(d.key as usize, i, "{} is out of place", d.id);
        }
        assert_eq!(INSTANCE_RATES.len(), InstanceRate::ALL.len());
        for (i, d) in INSTANCE_RATES.iter().enumerate() {
            assert_eq!(d.key as usize, i, "{} is out of place", d.prefix);
        }
    }

    #[test]
    fn ids_are_unique_and_round_trip() {
        let ids: Vec<String> = RateRef::all().map(|r| r.id().into_owned()).collect();
        for (i, a) in ids.iter().enumerate() {
            assert!(ids[i + 1..].iter().all(|b| b != a), "duplicate id {a}");
            assert!(a.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b)), "{a}");
            assert_eq!(RateRef::from_id(a), RateRef::from_index(i));
        }
        assert_eq!(RateRef::from_id("nope"), None);
        assert_eq!(RateRef::from_id("ec2.ondemand.m9.huge"), None);
        assert_eq!(RateRef::ec2(InstanceRate::OnDemand, 2).id(), "ec2.ondemand.m5.large");
    }

    #[test]
    fn every_quote_is_well_formed() {
        for r in RateRef::all() {
            for q in r.quotes() {
                assert!(q.region == "*" || REGION_OPTS.iter().any(|o| o.id == q.region), "{}: {}", r.id(), q.region);
                assert!(r.accepts(q.value), "{}: {}", r.id(), q.value);
                assert!(source(q.source).is_some(), "{}: {}", r.id(), q.source);
                assert!(q.as_of.len() == 7 || q.as_of.len() == 10, "{}", r.id());
                assert_eq!(q.grade == Grade::Assumption, q.source == "BERTH", "{}", r.id());
                if q.grade == Grade::Assumption {
                    assert!(!q.note.is_empty(), "assumption without a note: {}", r.id());
                }
            }
            let regions: Vec<_> = r.quotes().iter().map(|q| q.region).collect();
            for (i, a) in regions.iter().enumerate() {
                assert!(!regions[i + 1..].contains(a), "{} quotes {a} twice", r.id());
            }
        }
    }

    #[test]
    fn percent_rates_reject_values_over_100() {
        assert!(RateRef::from(Rate::Ec2Sp1yDiscount).accepts(100.0));
        assert!(!RateRef::from(Rate::Ec2Sp1yDiscount).accepts(100.5));
        assert!(RateRef::from(Rate::AlbHour).accepts(250.0));
        assert!(!RateRef::from(Rate::AlbHour).accepts(-0.01));
        assert!(!RateRef::from(Rate::AlbHour).accepts(f64::NAN));
        assert!(!RateRef::from(Rate::AlbHour).accepts(f64::INFINITY));
        assert!(!RateRef::from(Rate::AlbHour).accepts(1e308));
    }
    #[test]
    fn every_instance_has_a_sourced_price_and_spot_savings_stay_below_100() {
        for i in 0..INSTANCE_COUNT {
            let od = RateRef::ec2(InstanceRate::OnDemand, i);
            assert!(!od.quotes().is_empty(), "{}", od.id());
            for k in InstanceRate::ALL {
                for q in RateRef::ec2(k, i).quotes() {
                    assert!(REGION_OPTS.iter().any(|r| r.id == q.region), "{} {}", od.id(), q.region);
                    assert!(q.value > 0.0);
                }
            }
            for q in RateRef::ec2(InstanceRate::SpotSaving, i).quotes() {
                assert!(q.value < 100.0);
            }
        }
    }

    #[test]
    fn instance_rates_read_as_before() {
        let m5 = |k| RateRef::ec2(k, 2);
        assert_eq!(m5(InstanceRate::OnDemand).label(), "EC2 m5.large, Linux on-demand");
        assert_eq!(m5(InstanceRate::OnDemandWindows).label(), "EC2 m5.large, Windows on-demand");
        assert_eq!(m5(InstanceRate::SpotSaving).label(), "EC2 m5.large, Spot saving");
        assert_eq!(m5(InstanceRate::OnDemand).unit(), "USD per instance-hour");
        assert_eq!(m5(InstanceRate::SpotSaving).unit(), "percent off on-demand");
        assert_eq!(m5(InstanceRate::SpotSaving).value_kind(), ValueKind::Percent);
        assert_eq!(m5(InstanceRate::OnDemandWindows).value_kind(), ValueKind::Price);
        assert_eq!(InstanceRate::SpotSaving.prefix(), "ec2.spot-saving.");
        // What a Region does not offer is a sourced record, never also quoted there.
        let mut absences = 0;
        for r in RateRef::all() {
            for (g, o) in REGION_OPTS.iter().enumerate() {
                if let Some(a) = r.absence(g) {
                    absences += 1;
                    assert!(source(a.source).is_some() && !a.reason.is_empty() && !a.as_of.is_empty(), "{}", r.id());
                    assert!(r.quotes().iter().all(|q| q.region != o.id), "{} quoted and absent", r.id());
                }
            }
        }
        assert!(absences > 0);
    }
}
