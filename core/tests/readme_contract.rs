//! The README documents public contracts (URL keys, DOM attributes, storage keys); these tests keep
//! it equal to the code, so course material that follows the README keeps working.

use std::fs;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn readme() -> String {
    fs::read_to_string(root().join("README.md")).expect("README.md")
}

#[test]
fn the_key_table_is_generated_from_the_params_table() {
    let text = readme();
    let start = text.find("<!-- keys:begin").expect("keys:begin marker");
    let start = start + text[start..].find("-->").unwrap() + 3;
    let end = text.find("<!-- keys:end -->").expect("keys:end marker");
    let table = text[start..end].trim();
    assert_eq!(
        table,
        berth_core::params::markdown_table().trim(),
        "README key table is stale: regenerate it with `cargo run -q -p berth-core --example keys`"
    );
}

fn sources(dir: &Path, out: &mut Vec<String>) {
    for e in fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(fs::read_to_string(&p).unwrap());
        }
    }
}

#[test]
fn every_test_id_in_the_shell_is_documented() {
    let text = readme();
    let mut files = Vec::new();
    sources(&root().join("src"), &mut files);
    let mut ids = Vec::new();
    for f in &files {
        for (i, _) in f.match_indices("data-testid") {
            let rest = &f[i + "data-testid".len()..];
            let rest = rest.trim_start_matches(['=', ' ', '"', ',']);
            let id: String = rest.chars().take_while(|c| c.is_ascii_lowercase() || *c == '-').collect();
            if !id.is_empty() {
                ids.push(id);
            }
        }
    }
    ids.sort();
    ids.dedup();
    assert!(ids.len() >= 15, "{ids:?}");
    for id in ids {
        assert!(text.contains(&format!("[data-testid=\"{id}\"]")), "data-testid=\"{id}\" is not in the README's DOM contract");
    }
}

#[test]
fn every_storage_key_is_documented() {
    let text = readme();
    let mut files = Vec::new();
    sources(&root().join("src"), &mut files);
    sources(&root().join("core/src"), &mut files);
    for f in &files {
        for (i, _) in f.match_indices("\"berth.") {
            let key: String = f[i + 1..].chars().take_while(|c| *c != '"').collect();
            if key.ends_with('.') {
                continue;
            }
            assert!(text.contains(&format!("`{key}`")), "storage key {key} is not in the README");
        }
    }
}
