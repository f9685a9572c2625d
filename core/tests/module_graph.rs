//! The house has no import circle (issue 14): in the core (`core/src`) and in the shell (`src`), the
//! modules' `use` arrows (`crate::…`, `super::…`, followed through a parent's `pub use`
//! re-exports) form no cycle. Test modules are left out; `berth_core::` paths cross crates and
//! cannot close a circle. A file is a module (`mod.rs` and `lib.rs` are their folder's).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Module = Vec<String>;

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn modules(root: &Path) -> BTreeMap<Module, String> {
    let mut files = Vec::new();
    rs_files(root, &mut files);
    let mut out = BTreeMap::new();
    for f in files {
        let rel = f.strip_prefix(root).unwrap().with_extension("");
        let mut m: Module = rel.iter().map(|s| s.to_string_lossy().into_owned()).collect();
        if m.first().is_some_and(|s| s == "bin") {
            continue;
        }
        if matches!(m.last().map(String::as_str), Some("mod" | "lib" | "main")) {
            m.pop();
        }
        out.insert(m, code(&std::fs::read_to_string(&f).unwrap()));
    }
    out
}

/// The text without its test module and comments.
fn code(text: &str) -> String {
    let end = text
        .match_indices("#[cfg(test)]\n")
        .find(|(i, m)| text[i + m.len()..].lines().next().is_some_and(|l| l.contains("mod ")))
        .map_or(text.len(), |(i, _)| i);
    text[..end].lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every path starting with `crate`, `super` or `self`, with one level of `{…}` groups expanded.
fn paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let b = code.as_bytes();
    let mut i = 0;
    while i < code.len() {
        if !code.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let start = ["crate::", "super::", "self::"].iter().find(|h| code[i..].starts_with(**h));
        let boundary = i == 0 || !is_ident(b[i - 1] as char);
        let Some(h) = start.filter(|_| boundary) else {
            i += 1;
            continue;
        };
        let mut base = vec![h.trim_end_matches(':').to_string()];
        let mut j = i + h.len();
        loop {
            let k = code[j..].find(|c: char| !is_ident(c)).map_or(code.len(), |k| j + k);
            if k > j {
                base.push(code[j..k].to_string());
            }
            if code[k..].starts_with("::{") {
                let close = code[k..].find('}').map_or(code.len(), |c| k + c);
                for g in code[k + 3..close].split(',') {
                    let g = g.split(" as ").next().unwrap_or("").trim();
                    if !g.is_empty() && !g.contains('{') {
                        out.push(base.iter().cloned().chain(g.split("::").map(str::to_string)).collect());
                    }
                }
                j = close;
                break;
            } else if code[k..].starts_with("::") && k > j {
                j = k + 2;
            } else {
                out.push(base);
                j = k;
                break;
            }
        }
        i = j.max(i + 1);
    }
    out
}

/// `pub use sub::Name` in a module: Name is `sub`'s item.
fn reexports(mods: &BTreeMap<Module, String>) -> BTreeMap<(Module, String), Module> {
    let mut out = BTreeMap::new();
    for (m, code) in mods {
        for line in code.split(';') {
            let Some(rest) = line.trim().strip_prefix("pub use ") else { continue };
            let Some((sub, names)) = rest.split_once("::") else { continue };
            let mut target = m.clone();
            target.push(sub.to_string());
            if !mods.contains_key(&target) {
                continue;
            }
            for n in names.trim_matches(|c| c == '{' || c == '}').split(',') {
                let n = n.rsplit(" as ").next().unwrap_or("").rsplit("::").next().unwrap_or("").trim();
                if !n.is_empty() {
                    out.insert((m.clone(), n.to_string()), target.clone());
                }
            }
        }
    }
    out
}

fn edges(mods: &BTreeMap<Module, String>) -> BTreeMap<Module, BTreeSet<Module>> {
    let re = reexports(mods);
    let mut out: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (m, code) in mods {
        for p in paths(code) {
            let mut target: Module = if p[0] == "crate" { Vec::new() } else { m.clone() };
            let mut rest = &p[if p[0] == "crate" { 1 } else { 0 }..];
            while let Some(s) = rest.first().filter(|s| *s == "super" || *s == "self") {
                if s == "super" {
                    target.pop();
                }
                rest = &rest[1..];
            }
            for seg in rest {
                let mut next = target.clone();
                next.push(seg.clone());
                if mods.contains_key(&next) {
                    target = next;
                } else {
                    let mut t = target.clone();
                    while let Some(inner) = re.get(&(t.clone(), seg.clone())) {
                        t = inner.clone();
                    }
                    target = t;
                    break;
                }
            }
            if target != *m && !target.is_empty() {
                out.entry(m.clone()).or_default().insert(target);
            }
        }
    }
    out
}

/// The strongly connected components with more than one module (Tarjan).
fn cycles(g: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<String>> {
    struct T<'a> {
        g: &'a BTreeMap<Module, BTreeSet<Module>>,
        index: BTreeMap<&'a Module, usize>,
        low: BTreeMap<&'a Module, usize>,
        stack: Vec<&'a Module>,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(t: &mut T<'a>, v: &'a Module) {
        let n = t.index.len();
        t.index.insert(v, n);
        t.low.insert(v, n);
        t.stack.push(v);
        for w in t.g.get(v).into_iter().flatten() {
            if !t.index.contains_key(w) {
                visit(t, w);
                let lw = t.low[w];
                let lv = t.low.get_mut(v).unwrap();
                *lv = (*lv).min(lw);
            } else if t.stack.contains(&w) {
                let iw = t.index[w];
                let lv = t.low.get_mut(v).unwrap();
                *lv = (*lv).min(iw);
            }
        }
        if t.low[v] == t.index[v] {
            let mut comp = Vec::new();
            while let Some(w) = t.stack.pop() {
                comp.push(w.join("::"));
                if w == v {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                t.out.push(comp);
            }
        }
    }
    let mut t = T { g, index: BTreeMap::new(), low: BTreeMap::new(), stack: Vec::new(), out: Vec::new() };
    for v in g.keys() {
        if !t.index.contains_key(v) {
            visit(&mut t, v);
        }
    }
    t.out.sort();
    t.out
}

fn circles(dir: &str) -> Vec<Vec<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    cycles(&edges(&modules(&root)))
}

#[test]
fn the_core_has_no_import_circle() {
    assert_eq!(circles("src"), Vec::<Vec<String>>::new());
}

#[test]
fn the_shell_has_no_import_circle() {
    assert_eq!(circles("../src"), Vec::<Vec<String>>::new());
}

#[test]
fn the_checker_sees_a_circle() {
    let mut mods = BTreeMap::new();
    mods.insert(vec!["a".to_string()], "use crate::b::{X, c::Y};".to_string());
    mods.insert(vec!["b".to_string()], "pub use c::Y;\npub struct X;".to_string());
    mods.insert(vec!["b".to_string(), "c".to_string()], "fn f() { super::super::a::g() }".to_string());
    assert_eq!(cycles(&edges(&mods)), vec![vec!["a".to_string(), "b::c".to_string()]]);
}
