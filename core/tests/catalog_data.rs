//! The catalog's data files (`core/data/catalog`) against the build script's checks: the real data
//! builds, and each kind of broken record fails with a message that names the file and the problem.

#[allow(dead_code)]
#[path = "../build/catalog.rs"]
mod catalog;

use std::path::{Path, PathBuf};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/catalog");

/// A copy of the real data in a fresh temporary folder, for one test to break.
fn copy(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("berth-catalog-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("quotes")).unwrap();
    for sub in ["", "quotes"] {
        for e in std::fs::read_dir(Path::new(DATA).join(sub)).unwrap() {
            let p = e.unwrap().path();
            if p.is_file() {
                std::fs::copy(&p, dir.join(sub).join(p.file_name().unwrap())).unwrap();
            }
        }
    }
    dir
}

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let p = dir.join(file);
    let text = std::fs::read_to_string(&p).unwrap();
    assert!(text.contains(from), "{file} has no {from:?}");
    std::fs::write(&p, text.replacen(from, to, 1)).unwrap();
}

fn errors(dir: &Path) -> Vec<String> {
    let e = catalog::build(dir).expect_err("the broken data must not build");
    let _ = std::fs::remove_dir_all(dir);
    e
}

fn has(errors: &[String], parts: &[&str]) -> bool {
    errors.iter().any(|e| parts.iter().all(|p| e.contains(p)))
}

#[test]
fn the_real_data_builds() {
    let files = catalog::build(Path::new(DATA)).unwrap_or_else(|e| panic!("{e:#?}"));
    assert!(files.iter().any(|(n, t)| *n == "catalog_quotes.rs" && t.contains("FG-PAGE")));
}

#[test]
fn a_quote_without_a_date_or_a_source_fails() {
    let dir = copy("date");
    edit(&dir, "quotes/us-east-1.toml", ", as_of = \"2026-09-20\"", "");
    let e = errors(&dir);
    assert!(has(&e, &["us-east-1.toml", "as_of"]), "{e:#?}");

    let dir = copy("source");
    edit(&dir, "quotes/eu-west-1.toml", "source = \"FG-SEC\"", "source = \"NOPE\"");
    let e = errors(&dir);
    assert!(has(&e, &["eu-west-1.toml", "source \"NOPE\" is not in sources.toml"]), "{e:#?}");
}

#[test]
fn a_rate_without_a_unit_fails() {
    let dir = copy("unit");
    edit(&dir, "rates.toml", "unit = \"USD per ALB-hour\"\n", "");
    let e = errors(&dir);
    assert!(has(&e, &["rates.toml", "unit"]), "{e:#?}");
}

#[test]
fn a_region_needs_its_quotes_file_and_a_quote_its_region() {
    let dir = copy("region");
    edit(&dir, "regions.toml", "[[region]]", "[[region]]\nid = \"xx-test-1\"\nname = \"Test\"\n\n[[region]]");
    let e = errors(&dir);
    assert!(has(&e, &["quotes/xx-test-1.toml is missing"]), "{e:#?}");

    let dir = copy("misnamed");
    edit(&dir, "quotes/eu-west-1.toml", "region = \"eu-west-1\"", "region = \"eu-central-1\"");
    let e = errors(&dir);
    assert!(has(&e, &["must be named eu-central-1.toml"]), "{e:#?}");
}

#[test]
fn values_out_of_range_and_unsourced_assumptions_fail() {
    let dir = copy("range");
    edit(&dir, "quotes/us-east-1.toml", "rate = \"ec2.spot-saving.t3.medium\", value = 56.0", "rate = \"ec2.spot-saving.t3.medium\", value = 156.0");
    let e = errors(&dir);
    assert!(has(&e, &["ec2.spot-saving.t3.medium", "outside"]), "{e:#?}");

    let dir = copy("assume");
    edit(&dir, "quotes/all-regions.toml", "grade = \"Assumption\", source = \"BERTH\"", "grade = \"P\", source = \"BERTH\"");
    let e = errors(&dir);
    assert!(has(&e, &["only an Assumption"]), "{e:#?}");
}

#[test]
fn a_region_can_say_what_is_not_offered() {
    let dir = copy("absent");
    std::fs::write(
        dir.join("quotes/us-east-2.toml"),
        std::fs::read_to_string(dir.join("quotes/us-east-2.toml")).unwrap()
            + "\nnot_offered = [\n  { rate = \"apprunner.*\", reason = \"Test: no App Runner here\", source = \"AR-PAGE\", as_of = \"2026-09\" },\n]\n",
    )
    .unwrap();
    let files = catalog::build(&dir).unwrap_or_else(|e| panic!("{e:#?}"));
    let absent = &files.iter().find(|(n, _)| *n == "catalog_absent.rs").unwrap().1;
    assert_eq!(absent.matches("Test: no App Runner here").count(), 2, "{absent}");

    // A rate cannot be quoted and not offered in the same Region.
    edit(&dir, "quotes/us-east-2.toml", "apprunner.*", "fargate.*");
    let e = errors(&dir);
    assert!(has(&e, &["both quoted and not offered"]), "{e:#?}");
}
