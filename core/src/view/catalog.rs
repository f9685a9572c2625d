//! The pricing catalog panel: every rate for one region, with provenance and the user's overrides.
//!
//! Each row says where the figure in use comes from. When the user overrode a rate, the row keeps the
//! catalog's own figure beside the override so the change is never hidden, and names the scope of the
//! override (this region or every region) so that resetting it removes the right one.

use crate::catalog::ids::REGION_OPTS;
use crate::catalog::{Quote, RateRef};
use crate::catalog::sources::source;
use crate::catalog::{Overrides, CATALOG_AS_OF};
use crate::model::Action;
use crate::format::trimmed;

use super::cards::SourceView;

/// One rate as the catalog panel lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct RateRow {
    /// Stable rate id (`data-rate`).
    pub id: String,
    /// The rate.
    pub rate: RateRef,
    /// Human label.
    pub label: String,
    /// The value in use, as plain number text (empty when there is none for this region).
    pub value: String,
    /// Unit in words.
    pub unit: &'static str,
    /// Where the catalog's figure applies: a region id, "every region", or empty when none.
    pub region: String,
    /// As-of date of the catalog's figure (empty when there is none).
    pub as_of: &'static str,
    /// The catalog's source.
    pub source: SourceView,
    /// Evidence grade code ("P", "PL", "S", "Assumption"; empty when there is no figure).
    pub grade: &'static str,
    /// What the grade means.
    pub grade_meaning: &'static str,
    /// How the figure was derived, when it is not copied as is.
    pub note: &'static str,
    /// Whether an override is in use.
    pub overridden: bool,
    /// The scope of the override in use: `Some(Some(region))` for this region, `Some(None)` for every
    /// region, `None` when not overridden.
    pub override_scope: Option<Option<usize>>,
    /// The catalog's own figure (empty when the catalog has none for this region).
    pub original: String,
    /// Why AWS does not offer this in the region (empty unless the catalog says so); `source` and
    /// `as_of` then describe that record.
    pub not_offered: &'static str,
}

/// A region the switch offers.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionChoice {
    /// Index into `REGION_OPTS`.
    pub index: usize,
    /// Region id.
    pub id: &'static str,
    /// "Europe (Ireland), 23 of 106 rates sourced".
    pub label: String,
    /// Whether it is the region shown.
    pub selected: bool,
}

/// The catalog panel.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogView {
    /// When the catalog was compiled (`data-as-of`).
    pub as_of: &'static str,
    /// Index of the region shown.
    pub region: usize,
    /// Id of the region shown.
    pub region_id: &'static str,
    /// The regions, with how many rates each has a sourced figure for.
    pub regions: Vec<RegionChoice>,
    /// Every rate.
    pub rows: Vec<RateRow>,
    /// Rates with a figure in this region (catalog or override).
    pub priced: usize,
    /// Number of overrides stored (every region).
    pub overrides: usize,
    /// Rates AWS does not offer in this region (with a sourced record).
    pub not_offered: usize,
    /// What has no sourced figure in this region and is not known to be absent, in words, grouped:
    /// one entry per region-wide rate, one per kind of per-instance rate ("EC2 Linux on-demand: 16
    /// of 17 instance types"). Never filled from another region.
    pub gaps: Vec<String>,
}

/// How many rates have a sourced figure in region `region`.
pub fn sourced_count(region: usize) -> usize {
    RateRef::all().filter(|r| r.quote(region).is_some()).count()
}

fn quote_region(q: &Quote) -> String {
    if q.region == "*" {
        "every region".to_string()
    } else {
        q.region.to_string()
    }
}

/// The row of one rate in `region`.
pub fn row(rate: RateRef, region: usize, overrides: &Overrides) -> RateRow {
    let quote = rate.quote(region);
    let scope = if overrides.get(rate, Some(region)).is_some() {
        Some(Some(region))
    } else if overrides.get(rate, None).is_some() {
        Some(None)
    } else {
        None
    };
    let original = quote.map(|q| trimmed(q.value, 10)).unwrap_or_default();
    let value = match overrides.value_for(rate, region) {
        Some(v) => trimmed(v, 10),
        None => original.clone(),
    };
    let absent = if quote.is_none() { rate.absence(region) } else { None };
    let src = quote.map(|q| q.source).or(absent.map(|a| a.source)).and_then(source);
    RateRow {
        id: rate.id().into_owned(),
        rate,
        label: rate.label().into_owned(),
        value,
        unit: rate.unit(),
        region: quote.map(quote_region).unwrap_or_default(),
        as_of: quote.map(|q| q.as_of).or(absent.map(|a| a.as_of)).unwrap_or(""),
        source: SourceView {
            title: src.map(|s| s.title).unwrap_or("").to_string(),
            url: src.map(|s| s.url).unwrap_or("").to_string(),
        },
        grade: quote.map(|q| q.grade.code()).unwrap_or(""),
        grade_meaning: quote.map(|q| q.grade.meaning()).unwrap_or(""),
        note: quote.map(|q| q.note).unwrap_or(""),
        overridden: scope.is_some(),
        override_scope: scope,
        original,
        not_offered: absent.map_or("", |a| a.reason),
    }
}

/// The gaps of region `region`: rates with neither a figure (catalog or `*`) nor a not-offered record.
pub fn gaps(region: usize) -> Vec<String> {
    use crate::catalog::ids::INSTANCE_COUNT;
    use crate::catalog::rate_ids::RateKind;
    use crate::catalog::InstanceRate;
    let missing = |r: &RateRef| r.quote(region).is_none() && r.absence(region).is_none();
    let mut out: Vec<String> = RateRef::all()
        .filter(|r| matches!(r.kind(), RateKind::Scalar(_)) && missing(r))
        .map(|r| r.label().into_owned())
        .collect();
    for k in InstanceRate::ALL {
        let n = (0..INSTANCE_COUNT).filter(|&i| missing(&RateRef::ec2(k, i))).count();
        if n > 0 {
            let label = k.label();
            out.push(format!("EC2 {label}: {n} of {INSTANCE_COUNT} instance types"));
        }
    }
    out
}

/// The catalog panel for region `region` (index into `REGION_OPTS`, clamped).
pub fn catalog(region: usize, overrides: &Overrides) -> CatalogView {
    let region = region.min(REGION_OPTS.len() - 1);
    let total = RateRef::all().count();
    let rows: Vec<RateRow> = RateRef::all().map(|r| row(r, region, overrides)).collect();
    CatalogView {
        as_of: CATALOG_AS_OF,
        region,
        region_id: REGION_OPTS[region].id,
        regions: REGION_OPTS
            .iter()
            .enumerate()
            .map(|(i, o)| RegionChoice {
                index: i,
                id: o.id,
                label: format!("{} ({}), {} of {total} rates sourced", o.label, o.id, sourced_count(i)),
                selected: i == region,
            })
            .collect(),
        priced: rows.iter().filter(|r| !r.value.is_empty()).count(),
        not_offered: rows.iter().filter(|r| !r.not_offered.is_empty()).count(),
        gaps: gaps(region),
        rows,
        overrides: overrides.len(),
    }
}

/// What typing `raw` into a rate's box does: empty text removes the override in use (if any),
/// anything else sets an override for the region shown (the model refuses what is not a valid value,
/// with a notice).
pub fn typed(row: &RateRow, region: usize, raw: &str) -> Option<Action> {
    if raw.trim().is_empty() {
        row.override_scope.map(|scope| Action::ClearOverride(row.rate, scope))
    } else {
        Some(Action::SetOverride(row.rate, Some(region), raw.to_string()))
    }
}

/// The action that resets a rate to the catalog's figure.
pub fn reset(row: &RateRow) -> Option<Action> {
    row.override_scope.map(|scope| Action::ClearOverride(row.rate, scope))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{InstanceRate, Rate};
    use crate::model::{update, Model};

    #[test]
    fn lists_every_rate_with_provenance() {
        let v = catalog(0, &Overrides::new());
        assert_eq!(v.as_of, CATALOG_AS_OF);
        assert_eq!(v.rows.len(), RateRef::all().count());
        assert_eq!(v.region_id, "us-east-1");
        let alb = v.rows.iter().find(|r| r.id == "alb.hour").unwrap();
        assert!(!alb.value.is_empty() && alb.value.parse::<f64>().unwrap() > 0.0);
        assert!(alb.source.url.starts_with("https://"), "{alb:?}");
        assert!(!alb.grade.is_empty() && !alb.as_of.is_empty());
        assert!(!alb.overridden && alb.original == alb.value);
        let eks = v.rows.iter().find(|r| r.id == "eks.cluster.standard").unwrap();
        assert_eq!(eks.region, "every region");
        // A rate with no quote has no figure but is still listed, so it can be supplied.
        let win = v.rows.iter().find(|r| r.id == "ec2.ondemand-windows.m5.large").unwrap();
        assert!(win.value.is_empty() && win.grade.is_empty() && win.source.title.is_empty());
        assert!(v.priced < v.rows.len());
        for r in &v.rows {
            assert!(!r.value.contains("NaN") && !r.value.contains("inf"), "{}", r.id);
        }
    }

    #[test]
    fn other_regions_show_only_what_is_sourced() {
        let eu = catalog(1, &Overrides::new());
        assert_eq!(eu.region_id, "eu-west-1");
        assert!(eu.regions[1].selected && !eu.regions[0].selected);
        assert!(eu.priced < catalog(0, &Overrides::new()).priced);
        assert!(eu.rows.iter().find(|r| r.id == "alb.hour").unwrap().value.is_empty());
        assert_eq!(eu.rows.iter().find(|r| r.id == "fargate.vcpu.x86").unwrap().value, "0.04048");
        assert!(eu.regions[0].label.contains(&format!("{} of {}", sourced_count(0), eu.rows.len())));
        assert_eq!(catalog(99, &Overrides::new()).region, REGION_OPTS.len() - 1);
    }

    #[test]
    fn overrides_are_marked_with_the_original_and_reset_by_scope() {
        let mut m = Model::default();
        let v = catalog(0, &m.overrides);
        let alb = v.rows.iter().find(|r| r.id == "alb.hour").unwrap().clone();
        update(&mut m, typed(&alb, 0, "0.03").unwrap());
        let row = super::row(alb.rate, 0, &m.overrides);
        assert!(row.overridden);
        assert_eq!(row.value, "0.03");
        assert_eq!(row.original, alb.original);
        assert_eq!(row.override_scope, Some(Some(0)));
        // Not a number: a notice, nothing stored, never NaN.
        update(&mut m, typed(&row, 0, "cheap").unwrap());
        assert_eq!(super::row(alb.rate, 0, &m.overrides).value, "0.03");
        assert!(m.notices.last().unwrap().text.contains("not a number"));
        update(&mut m, typed(&row, 0, "NaN").unwrap());
        assert_eq!(super::row(alb.rate, 0, &m.overrides).value, "0.03");
        assert!(m.notices.last().unwrap().text.contains("finite"));
        // Empty text or reset removes it.
        update(&mut m, typed(&row, 0, " ").unwrap());
        assert!(m.overrides.is_empty());
        assert_eq!(typed(&super::row(alb.rate, 0, &m.overrides), 0, ""), None);
        // An every-region override is reset in its own scope.
        let m5 = RateRef::ec2(InstanceRate::OnDemand, 2);
        m.overrides.set(m5, None, 0.08).unwrap();
        let r = super::row(m5, 3, &m.overrides);
        assert_eq!(r.override_scope, Some(None));
        assert!(r.original.is_empty(), "eu-north-1 has no sourced m5.large price");
        update(&mut m, reset(&r).unwrap());
        assert!(m.overrides.is_empty());
        assert_eq!(reset(&super::row(Rate::AlbHour.into(), 0, &m.overrides)), None);
    }

    #[test]
    fn percent_rates_refuse_over_100() {
        let mut m = Model::default();
        let r = super::row(Rate::Ec2Sp1yDiscount.into(), 0, &m.overrides);
        assert_eq!(r.grade, "Assumption");
        assert!(!r.note.is_empty());
        update(&mut m, typed(&r, 0, "150").unwrap());
        assert!(m.overrides.is_empty());
        assert!(m.notices.last().unwrap().text.contains("above 100"));
    }

    #[test]
    fn a_region_names_what_it_lacks_and_what_is_not_offered_there() {
        let at = |id: &str| REGION_OPTS.iter().position(|o| o.id == id).unwrap();
        let v = catalog(at("us-west-1"), &Overrides::new());
        let ar = v.rows.iter().find(|r| r.id == "apprunner.vcpu").unwrap();
        assert!(ar.value.is_empty() && ar.not_offered.contains("App Runner"), "{ar:?}");
        assert!(ar.source.url.starts_with("https://") && !ar.as_of.is_empty());
        assert!(v.not_offered >= 2);
        // Gaps never list what is known not to be offered, and name every kind of missing figure.
        assert!(v.gaps.iter().all(|g| !g.starts_with("App Runner")), "{:?}", v.gaps);
        assert!(v.gaps.iter().any(|g| g.starts_with("EC2 Linux on-demand: ")), "{:?}", v.gaps);
        assert!(v.gaps.iter().any(|g| g == "Application Load Balancer"), "{:?}", v.gaps);
        // us-east-1 lacks only the figures no source gives yet.
        let home = catalog(0, &Overrides::new());
        assert_eq!(home.not_offered, 0);
        assert!(home.gaps.iter().all(|g| g.contains("Windows")), "{:?}", home.gaps);
    }
}
