//! Every Region's catalog coverage: the Regions the playground promises, each rate quoted, known not
//! to be offered, or listed as a gap in `tests/data/region_gaps.txt`, and no Region priced from another.
//!
//! The gap list is the honest record of what could not be sourced yet: a rate that gains a quote (or a
//! not-offered record) must leave the list, and a new gap must be added to it, so it never drifts.

use berth_core::catalog::ids::REGION_OPTS;
use berth_core::catalog::RateRef;

const GAPS: &str = include_str!("data/region_gaps.txt");

/// The Regions issue 18 asks for, and the seven that came before in their old order (links name them).
const PROMISED: [&str; 17] = [
    "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "sa-east-1", "eu-west-1", "eu-west-2", "eu-west-3",
    "eu-central-1", "eu-north-1", "eu-south-1", "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-southeast-1",
    "ap-southeast-2",
];
const BEFORE: [&str; 7] = ["us-east-1", "eu-west-1", "eu-central-1", "eu-north-1", "ap-south-1", "ap-northeast-1", "ap-southeast-1"];

fn gaps() -> Vec<String> {
    let mut out = Vec::new();
    for (g, o) in REGION_OPTS.iter().enumerate() {
        for r in RateRef::all() {
            if r.quote(g).is_none() && r.absence(g).is_none() {
                out.push(format!("{} {}", o.id, r.id()));
            }
        }
    }
    out
}

#[test]
fn every_promised_region_is_selectable_and_old_ids_keep_their_place() {
    let ids: Vec<&str> = REGION_OPTS.iter().map(|o| o.id).collect();
    for p in PROMISED {
        assert!(ids.contains(&p), "{p} is not selectable");
    }
    assert_eq!(&ids[..BEFORE.len()], &BEFORE[..], "existing Regions keep their order (the first is the default)");
}

#[test]
fn no_region_is_priced_with_another_regions_figure() {
    for (g, o) in REGION_OPTS.iter().enumerate() {
        for r in RateRef::all() {
            if let Some(q) = r.quote(g) {
                assert!(q.region == o.id || q.region == "*", "{} in {} uses {}'s figure", r.id(), o.id, q.region);
                assert!(!q.source.is_empty() && (q.as_of.len() == 7 || q.as_of.len() == 10), "{} {}", r.id(), o.id);
                assert!(!r.unit().is_empty());
            }
        }
    }
}

#[test]
fn every_rate_is_quoted_not_offered_or_a_listed_gap() {
    let listed: Vec<&str> = GAPS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
    let actual = gaps();
    let new: Vec<&String> = actual.iter().filter(|g| !listed.contains(&g.as_str())).collect();
    let closed: Vec<&&str> = listed.iter().filter(|l| !actual.iter().any(|g| g == *l)).collect();
    assert!(
        new.is_empty() && closed.is_empty(),
        "update core/tests/data/region_gaps.txt.\nNew gaps (no quote, no not_offered):\n{}\nNo longer gaps:\n{}",
        new.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n"),
        closed.iter().map(|s| **s).collect::<Vec<_>>().join("\n")
    );
}
