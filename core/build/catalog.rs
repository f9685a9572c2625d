//! The pricing catalog as data: reads `core/data/catalog/*.toml`, checks every record against the
//! schema in DEVELOPERS.md ("The catalog as data") and writes the Rust statics the `catalog` module
//! includes. Every problem found is listed, then the build fails; nothing half-valid is generated.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    source: Vec<SourceRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceRow {
    id: String,
    title: String,
    url: String,
    seen: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionsFile {
    region: Vec<RegionRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionRow {
    id: String,
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InstancesFile {
    default: String,
    instance: Vec<InstanceRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InstanceRow {
    id: String,
    arch: String,
    vcpu: f64,
    mem_gib: f64,
    #[serde(default)]
    gpus: u32,
    #[serde(default)]
    gpu: String,
    max_enis: u32,
    max_pods: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RatesFile {
    as_of: String,
    rate: Vec<RateRow>,
    instance_rate: Vec<InstanceRateRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RateRow {
    key: String,
    id: String,
    label: String,
    unit: String,
    kind: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InstanceRateRow {
    key: String,
    doc: String,
    prefix: String,
    label: String,
    unit: String,
    kind: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuotesFile {
    region: String,
    #[serde(default)]
    quotes: Vec<QuoteRow>,
    #[serde(default)]
    not_offered: Vec<AbsentRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuoteRow {
    rate: String,
    value: Option<f64>,
    per_second: Option<f64>,
    grade: String,
    source: String,
    as_of: String,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AbsentRow {
    rate: String,
    reason: String,
    source: String,
    as_of: String,
}

/// What one rate may be set to, by its `kind`.
fn bounds(kind: &str) -> Option<(&'static str, f64)> {
    match kind {
        "price" => Some(("Price", 1e6)),
        "percent" => Some(("Percent", 100.0)),
        "quantity" => Some(("Quantity", 1e12)),
        _ => None,
    }
}

fn grade(g: &str) -> Option<&'static str> {
    match g {
        "P" => Some("P"),
        "PL" => Some("PL"),
        "S" => Some("S"),
        "Assumption" => Some("Assumption"),
        _ => None,
    }
}

fn is_date(d: &str) -> bool {
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (b.len() == 7 || b.len() == 10) && digits(0..4) && b[4] == b'-' && digits(5..7) && (b.len() == 7 || (b[7] == b'-' && digits(8..10)))
}

fn is_rust_ident(k: &str) -> bool {
    k.starts_with(|c: char| c.is_ascii_uppercase()) && k.chars().all(|c| c.is_ascii_alphanumeric())
}

fn is_rate_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b))
}

/// A number as a Rust literal that reads back to exactly the same `f64`.
fn lit(v: f64) -> String {
    let s = format!("{v:?}");
    if s.contains(['.', 'e']) {
        s
    } else {
        format!("{s}.0")
    }
}

fn read<T: for<'de> Deserialize<'de>>(path: &Path, errors: &mut Vec<String>) -> Option<T> {
    println!("cargo:rerun-if-changed={}", path.display());
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            errors.push(format!("{}: cannot read: {e}", path.display()));
            return None;
        }
    };
    match toml::from_str(&text) {
        Ok(v) => Some(v),
        Err(e) => {
            errors.push(format!("{}: {e}", path.display()));
            None
        }
    }
}

/// Reads, checks and generates the catalog. `dir` is `core/data/catalog`; the files go to `out`.
/// On any problem the build stops with every problem listed.
pub fn generate(dir: &Path, out: &Path) {
    match build(dir) {
        Ok(files) => {
            for (name, text) in files {
                let path = out.join(name);
                if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                    std::fs::write(&path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
                }
            }
        }
        Err(errors) => {
            eprintln!("\nThe catalog data in core/data/catalog breaks its schema (see DEVELOPERS.md, \"The catalog as data\"):");
            for e in errors {
                eprintln!("  - {e}");
            }
            eprintln!();
            std::process::exit(1);
        }
    }
}

/// Reads and checks the catalog in `dir`: the generated files (name, Rust text), or every problem.
pub fn build(dir: &Path) -> Result<Vec<(&'static str, String)>, Vec<String>> {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut errors = Vec::new();
    let sources: Option<SourcesFile> = read(&dir.join("sources.toml"), &mut errors);
    let regions: Option<RegionsFile> = read(&dir.join("regions.toml"), &mut errors);
    let instances: Option<InstancesFile> = read(&dir.join("instances.toml"), &mut errors);
    let rates: Option<RatesFile> = read(&dir.join("rates.toml"), &mut errors);
    let mut quote_files = Vec::new();
    let qdir = dir.join("quotes");
    println!("cargo:rerun-if-changed={}", qdir.display());
    let mut names: Vec<_> = match std::fs::read_dir(&qdir) {
        Ok(d) => d.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "toml")).collect(),
        Err(e) => {
            errors.push(format!("{}: cannot list: {e}", qdir.display()));
            Vec::new()
        }
    };
    names.sort();
    let present: HashSet<String> = names.iter().filter_map(|p| p.file_stem()).map(|n| n.to_string_lossy().into_owned()).collect();
    for path in names {
        if let Some(f) = read::<QuotesFile>(&path, &mut errors) {
            quote_files.push((path, f));
        }
    }
    let (Some(sources), Some(regions), Some(instances), Some(rates)) = (sources, regions, instances, rates) else {
        return Err(errors);
    };
    for r in &regions.region {
        if !present.contains(&r.id) {
            errors.push(format!("quotes/{}.toml is missing: every Region in regions.toml has a quotes file (it may list only what is not offered)", r.id));
        }
    }
    let files = check_and_write(&sources, &regions, &instances, &rates, &quote_files, &mut errors);
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(errors)
    }
}

/// One rate any quote may name: its index over all rates and its kind.
struct Known {
    index: usize,
    kind: String,
}

#[allow(clippy::too_many_lines)]
fn check_and_write(
    sources: &SourcesFile,
    regions: &RegionsFile,
    instances: &InstancesFile,
    rates: &RatesFile,
    quote_files: &[(std::path::PathBuf, QuotesFile)],
    errors: &mut Vec<String>,
) -> Vec<(&'static str, String)> {
    let mut err = |s: String| errors.push(s);

    // Sources.
    let mut source_ids = HashSet::new();
    for s in &sources.source {
        if !source_ids.insert(s.id.as_str()) {
            err(format!("sources.toml: source {} is listed twice", s.id));
        }
        if s.id.is_empty() || s.title.is_empty() {
            err(format!("sources.toml: source {:?} needs an id and a title", s.id));
        }
        if !is_date(&s.seen) {
            err(format!("sources.toml: source {}: seen {:?} is not YYYY-MM or YYYY-MM-DD", s.id, s.seen));
        }
        if !(s.url.is_empty() || s.url.starts_with("https://")) {
            err(format!("sources.toml: source {}: the url must start with https:// (or be empty for BERTH)", s.id));
        }
    }

    // Regions.
    let mut region_ids = HashSet::new();
    for r in &regions.region {
        if !region_ids.insert(r.id.as_str()) {
            err(format!("regions.toml: Region {} is listed twice", r.id));
        }
        if !is_rate_id(&r.id) || r.name.is_empty() {
            err(format!("regions.toml: Region {:?} needs a lower-case id and a name", r.id));
        }
    }
    if regions.region.is_empty() {
        err("regions.toml: no Region".into());
    }

    // Instances.
    let mut inst_ids = HashSet::new();
    for i in &instances.instance {
        let at = format!("instances.toml: {}", i.id);
        if !inst_ids.insert(i.id.as_str()) {
            err(format!("{at} is listed twice"));
        }
        if !matches!(i.arch.as_str(), "x86" | "arm") {
            err(format!("{at}: arch must be \"x86\" or \"arm\""));
        }
        if !(i.vcpu > 0.0 && i.vcpu.is_finite() && i.mem_gib > 0.0 && i.mem_gib.is_finite()) {
            err(format!("{at}: vcpu and mem_gib must be positive"));
        }
        if i.max_enis < 2 || i.max_pods <= i.max_enis {
            err(format!("{at}: max_enis must be at least 2 and max_pods above it"));
        }
        if (i.gpus > 0) == i.gpu.is_empty() {
            err(format!("{at}: gpus and gpu (the model) go together"));
        }
    }
    let default_instance = instances.instance.iter().position(|i| i.id == instances.default);
    if default_instance.is_none() {
        err(format!("instances.toml: default {:?} is not an instance", instances.default));
    }

    // Rates: scalar ones, then one per instance-rate kind and instance, as `RateRef` counts them.
    if !is_date(&rates.as_of) {
        err(format!("rates.toml: as_of {:?} is not a date", rates.as_of));
    }
    let mut known: BTreeMap<String, Known> = BTreeMap::new();
    let mut keys = HashSet::new();
    for r in &rates.rate {
        let at = format!("rates.toml: rate {}", r.id);
        if !is_rust_ident(&r.key) || !keys.insert(r.key.as_str()) {
            err(format!("{at}: key {:?} must be a unique CamelCase name", r.key));
        }
        if !is_rate_id(&r.id) {
            err(format!("{at}: the id may hold only a-z, 0-9, '.', '_' and '-'"));
        }
        if r.label.is_empty() || r.unit.is_empty() {
            err(format!("{at}: needs a label and a unit"));
        }
        if bounds(&r.kind).is_none() {
            err(format!("{at}: kind must be price, percent or quantity"));
        }
        let index = known.len();
        if known.insert(r.id.clone(), Known { index, kind: r.kind.clone() }).is_some() {
            err(format!("{at}: the id is used twice"));
        }
    }
    let mut ikeys = HashSet::new();
    for k in &rates.instance_rate {
        let at = format!("rates.toml: instance_rate {}", k.key);
        if !is_rust_ident(&k.key) || !ikeys.insert(k.key.as_str()) {
            err(format!("{at}: key must be a unique CamelCase name"));
        }
        if !is_rate_id(&k.prefix) || !k.prefix.ends_with('.') || k.label.is_empty() || k.unit.is_empty() || k.doc.is_empty() {
            err(format!("{at}: needs a doc, a label, a unit and an id prefix ending in '.'"));
        }
        if bounds(&k.kind).is_none() {
            err(format!("{at}: kind must be price, percent or quantity"));
        }
        for i in &instances.instance {
            let id = format!("{}{}", k.prefix, i.id);
            let index = known.len();
            if known.insert(id.clone(), Known { index, kind: k.kind.clone() }).is_some() {
                err(format!("{at}: the rate id {id} is used twice"));
            }
        }
    }
    let rate_count = known.len();

    // Quotes and absences, by rate index, in regions.toml order with the every-Region file first.
    let order = |region: &str| if region == "*" { 0 } else { 1 + regions.region.iter().position(|r| r.id == region).unwrap_or(usize::MAX - 1) };
    let mut files: Vec<&(std::path::PathBuf, QuotesFile)> = quote_files.iter().collect();
    files.sort_by_key(|(_, f)| order(&f.region));
    let mut quotes: Vec<Vec<String>> = vec![Vec::new(); rate_count];
    let mut absent: Vec<Vec<String>> = vec![Vec::new(); rate_count];
    for (path, f) in files {
        let file = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let at = format!("quotes/{file}");
        if f.region != "*" && !region_ids.contains(f.region.as_str()) {
            err(format!("{at}: Region {:?} is not in regions.toml", f.region));
            continue;
        }
        let expected = if f.region == "*" { "all-regions.toml".to_string() } else { format!("{}.toml", f.region) };
        if file != expected {
            err(format!("{at}: a file for Region {:?} must be named {expected}", f.region));
        }
        let mut here = HashSet::new();
        for (n, q) in f.quotes.iter().enumerate() {
            let at = format!("{at}: quote {} ({})", n + 1, q.rate);
            let Some(k) = known.get(&q.rate) else {
                err(format!("{at}: no rate has this id (rates.toml, or an instance-rate prefix and an instance id)"));
                continue;
            };
            if !here.insert(k.index) {
                err(format!("{at}: quoted twice for this Region"));
            }
            let value = match (q.value, q.per_second) {
                (Some(v), None) => v,
                (None, Some(ps)) => ps * 3600.0,
                _ => {
                    err(format!("{at}: give exactly one of value and per_second"));
                    continue;
                }
            };
            if let Some((_, max)) = bounds(&k.kind) {
                if !(value.is_finite() && (0.0..=max).contains(&value)) {
                    err(format!("{at}: value {value} is outside 0..={max} for a {} rate", k.kind));
                }
            }
            let Some(g) = grade(&q.grade) else {
                err(format!("{at}: grade must be P, PL, S or Assumption"));
                continue;
            };
            if !source_ids.contains(q.source.as_str()) {
                err(format!("{at}: source {:?} is not in sources.toml", q.source));
            }
            if !is_date(&q.as_of) {
                err(format!("{at}: as_of {:?} is not YYYY-MM or YYYY-MM-DD", q.as_of));
            }
            if (g == "Assumption") != (q.source == "BERTH") {
                err(format!("{at}: an Assumption cites the source BERTH, and only an Assumption does"));
            }
            if g == "Assumption" && q.note.is_empty() {
                err(format!("{at}: an Assumption needs a note saying what it assumes"));
            }
            quotes[k.index].push(format!(
                "Quote {{ region: {:?}, value: {}, grade: Grade::{g}, source: {:?}, as_of: {:?}, note: {:?} }}",
                f.region,
                lit(value),
                q.source,
                q.as_of,
                q.note
            ));
        }
        for (n, a) in f.not_offered.iter().enumerate() {
            let at = format!("{at}: not_offered {} ({})", n + 1, a.rate);
            let matched: Vec<usize> = match a.rate.strip_suffix('*') {
                Some(prefix) => known.iter().filter(|(id, _)| id.starts_with(prefix)).map(|(_, k)| k.index).collect(),
                None => known.get(&a.rate).map(|k| k.index).into_iter().collect(),
            };
            if matched.is_empty() {
                err(format!("{at}: names no rate"));
            }
            if a.reason.is_empty() || !source_ids.contains(a.source.as_str()) || !is_date(&a.as_of) {
                err(format!("{at}: needs a reason, a source from sources.toml and an as_of date"));
            }
            if f.region == "*" {
                err(format!("{at}: \"not offered\" belongs to one Region, not all-regions.toml"));
            }
            for i in matched {
                if here.contains(&i) {
                    err(format!("{at}: a rate cannot be both quoted and not offered in one Region"));
                }
                absent[i].push(format!(
                    "Absence {{ region: {:?}, reason: {:?}, source: {:?}, as_of: {:?} }}",
                    f.region, a.reason, a.source, a.as_of
                ));
            }
        }
    }

    // Generated Rust: each static is a slice of one struct literal per record.
    let mut g = Vec::new();
    let opt = |id: &str, label: &str| format!("Opt::new({id:?}, {label:?})");
    g.push(("catalog_regions.rs", slice(regions.region.iter().map(|r| opt(&r.id, &r.name)))));
    g.push((
        "catalog_instance_opts.rs",
        slice(instances.instance.iter().map(|i| {
            let arch = if i.arch == "arm" { "Arm" } else { "x86" };
            let gpu = if i.gpus > 0 { format!(", {} {}", i.gpus, i.gpu) } else { String::new() };
            opt(&i.id, &format!("{} ({arch}, {} vCPU, {} GiB{gpu})", i.id, i.vcpu, i.mem_gib))
        })),
    ));
    g.push(("catalog_default_instance.rs", default_instance.unwrap_or(0).to_string()));
    g.push((
        "catalog_instances.rs",
        slice(instances.instance.iter().map(|i| {
            let arch = if i.arch == "arm" { "Arm" } else { "X86" };
            format!(
                "Instance {{ id: {:?}, arch: Arch::{arch}, vcpu: {}, mem_gib: {}, gpus: {}, max_enis: {}, max_pods: {} }}",
                i.id,
                lit(i.vcpu),
                lit(i.mem_gib),
                i.gpus,
                i.max_enis,
                i.max_pods
            )
        })),
    ));
    g.push((
        "catalog_sources.rs",
        slice(sources.source.iter().map(|x| format!("Source {{ id: {:?}, title: {:?}, url: {:?}, seen: {:?} }}", x.id, x.title, x.url, x.seen))),
    ));

    let mut s = String::new();
    let _ = writeln!(s, "/// Rates that are one number per region (instance prices are addressed through [`RateRef::ec2`]).");
    let _ = writeln!(s, "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]\npub enum Rate {{");
    for r in &rates.rate {
        let _ = writeln!(s, "    /// {} ({}).\n    {},", r.label, r.unit, r.key);
    }
    let _ = writeln!(s, "}}\n\nimpl Rate {{\n    /// Every scalar rate, in the order of the rate table.\n    pub const ALL: &'static [Rate] = &[");
    for r in &rates.rate {
        let _ = writeln!(s, "        Rate::{},", r.key);
    }
    let _ = writeln!(s, "    ];\n}}\n");
    let _ = writeln!(s, "/// Per-instance-type rates: one rate per kind and instance type.");
    let _ = writeln!(s, "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]\npub enum InstanceRate {{");
    for k in &rates.instance_rate {
        let _ = writeln!(s, "    /// {}\n    {},", k.doc, k.key);
    }
    let _ = writeln!(s, "}}\n\nimpl InstanceRate {{\n    /// Every kind, in index order.\n    pub const ALL: [InstanceRate; {}] = [", rates.instance_rate.len());
    for k in &rates.instance_rate {
        let _ = writeln!(s, "        InstanceRate::{},", k.key);
    }
    let _ = writeln!(s, "    ];\n}}");
    g.push(("catalog_rate_ids.rs", s));

    let kind = |k: &str| bounds(k).map_or("Price", |b| b.0);
    g.push((
        "catalog_scalar_rates.rs",
        slice(rates.rate.iter().map(|r| {
            format!("RateDef {{ key: Rate::{}, id: {:?}, label: {:?}, unit: {:?}, kind: ValueKind::{} }}", r.key, r.id, r.label, r.unit, kind(&r.kind))
        })),
    ));
    g.push((
        "catalog_instance_rates.rs",
        slice(rates.instance_rate.iter().map(|k| {
            format!(
                "InstanceRateDef {{ key: InstanceRate::{}, prefix: {:?}, label: {:?}, unit: {:?}, kind: ValueKind::{} }}",
                k.key,
                k.prefix,
                k.label,
                k.unit,
                kind(&k.kind)
            )
        })),
    ));
    let table = |rows: &[Vec<String>]| {
        let mut s = String::from("[\n");
        for r in rows {
            if r.is_empty() {
                s.push_str("    &[],\n");
            } else {
                s.push_str("    &[\n");
                for q in r {
                    let _ = writeln!(s, "        {q},");
                }
                s.push_str("    ],\n");
            }
        }
        s.push(']');
        s
    };
    g.push(("catalog_quotes.rs", table(&quotes)));
    g.push(("catalog_absent.rs", table(&absent)));
    g.push(("catalog_as_of.rs", format!("{:?}", rates.as_of)));
    g
}

/// `&[` one item per line `]`: a static slice as Rust text.
fn slice(items: impl Iterator<Item = String>) -> String {
    let mut s = String::from("&[\n");
    for item in items {
        let _ = writeln!(s, "    {item},");
    }
    s.push(']');
    s
}
