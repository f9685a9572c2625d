//! Kubernetes manifests (YAML or JSON, one or several documents, `kind: List`), read into input
//! values.
//!
//! Workloads: Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob and Pod. The first
//! workload that is not a DaemonSet sizes the task (else the first DaemonSet): its containers'
//! requests (else limits) summed, or the largest init container if that is more, since the pod
//! needs that much to start; `replicas` (a Job's `parallelism`) gives the task count. Every
//! workload can set the needs: GPU resources (`nvidia.com/gpu` and any other `…gpu…`
//! resource), privileged containers, added capabilities, `hostPath`, `hostNetwork` and `hostPID`,
//! Windows or Arm node selectors, a DaemonSet, a StatefulSet's volume claims (block storage), and
//! a Job or CronJob (batch). Any manifest sets `k8s=1`.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::map_or::MapOr;
use super::ecs::{host_capabilities, Capabilities};
use super::fields::{num, Collector};
use super::quantity::{gib, k8s as quantity, Scalar};
use super::{ImportError, Reading};
use crate::params::Key;

/// One manifest document (or one item of a `List`).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Doc {
    kind: Option<Scalar>,
    metadata: Option<Metadata>,
    spec: Option<Spec>,
    items: Option<Vec<MapOr<Doc>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Metadata {
    name: Option<Scalar>,
}

/// The fields of a workload's spec and of a pod spec in one struct (a Pod's `spec` is a pod
/// spec; the others hold one under `template` or `jobTemplate`).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Spec {
    replicas: Option<Scalar>,
    parallelism: Option<Scalar>,
    template: Option<Template>,
    job_template: Option<Template>,
    volume_claim_templates: Option<Vec<serde::de::IgnoredAny>>,
    containers: Option<Vec<Container>>,
    init_containers: Option<Vec<Container>>,
    node_selector: Option<BTreeMap<String, Scalar>>,
    host_network: Option<bool>,
    #[serde(rename = "hostPID")]
    host_pid: Option<bool>,
    volumes: Option<Vec<Volume>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Template {
    spec: Option<Box<Spec>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Container {
    name: Option<Scalar>,
    resources: Option<Resources>,
    security_context: Option<SecurityContext>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Resources {
    requests: Option<BTreeMap<String, Scalar>>,
    limits: Option<BTreeMap<String, Scalar>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SecurityContext {
    privileged: Option<bool>,
    capabilities: Option<Capabilities>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Volume {
    name: Option<Scalar>,
    host_path: Option<HostPath>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct HostPath {
    path: Option<Scalar>,
}

const WORKLOADS: &[&str] = &["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod"];

/// A workload found in the text: where, its kind and name, and its pod spec.
struct Workload<'a> {
    at: String,
    kind: &'a str,
    name: String,
    spec: &'a Spec,
    pod: Option<(&'a Spec, &'static str)>,
}

/// Walks documents and `List` items, collecting workloads and ignoring the rest.
fn walk<'a>(docs: &'a [MapOr<Doc>], prefix: Option<&str>, c: &mut Collector, out: &mut Vec<Workload<'a>>, depth: usize) {
    for (i, d) in docs.iter().enumerate() {
        let at = match prefix {
            None if docs.len() > 1 => format!("document {}", i + 1),
            None => String::new(),
            Some(p) => format!("{p}items[{i}]"),
        };
        let MapOr::Map(doc) = d else {
            c.ignore(at, "not a mapping");
            continue;
        };
        let kind = doc.kind.as_ref().map(Scalar::text).unwrap_or("");
        let name = doc.metadata.as_ref().and_then(|m| m.name.as_ref()).map(|n| n.text().to_string()).unwrap_or_default();
        if let Some(items) = &doc.items {
            if depth < 4 {
                let p = if at.is_empty() { String::new() } else { format!("{at}.") };
                walk(items, Some(&p), c, out, depth + 1);
            }
            continue;
        }
        let Some(spec) = doc.spec.as_ref().filter(|_| WORKLOADS.contains(&kind)) else {
            let sep = if at.is_empty() { "" } else { ", " };
            c.ignore(format!("{at}{sep}{kind} {name}").trim().to_string(), "not a workload; nothing in it sizes or constrains the containers");
            continue;
        };
        let pod = match kind {
            "Pod" => Some((spec, "spec")),
            "CronJob" => spec
                .job_template
                .as_ref()
                .and_then(|t| t.spec.as_deref())
                .and_then(|s| s.template.as_ref())
                .and_then(|t| t.spec.as_deref())
                .map(|s| (s, "spec.jobTemplate.spec.template.spec")),
            _ => spec.template.as_ref().and_then(|t| t.spec.as_deref()).map(|s| (s, "spec.template.spec")),
        };
        out.push(Workload { at, kind, name, spec, pod });
    }
}

/// Reads the documents of a Kubernetes text.
pub fn read(docs: &[MapOr<Doc>]) -> Result<Reading, ImportError> {
    let mut c = Collector::default();
    let mut found = Vec::new();
    walk(docs, None, &mut c, &mut found, 0);
    c.flag(Key::K8s, true, "a Kubernetes manifest (apiVersion and kind)");
    let main = found.iter().position(|w| w.kind != "DaemonSet").or(if found.is_empty() { None } else { Some(0) });
    for (i, w) in found.iter().enumerate() {
        let label = format!("{}{} {}", if w.at.is_empty() { String::new() } else { format!("{}, ", w.at) }, w.kind, w.name);
        let label = label.trim().to_string();
        if Some(i) == main {
            size(&mut c, w, &label);
        } else if let Some(m) = main {
            c.ignore(format!("{label}: resources and replicas"), format!("the task is sized from {} {}; one workload at a time", found[m].kind, found[m].name));
        }
        needs(&mut c, w, &label);
    }
    Ok(c.finish("Kubernetes manifest"))
}

/// Sizes the task from one workload.
fn size(c: &mut Collector, w: &Workload, label: &str) {
    let replicas = if w.kind == "Job" { (&w.spec.parallelism, "parallelism") } else { (&w.spec.replicas, "replicas") };
    if let Some(n) = replicas.0 {
        match n.number() {
            Some(v) => c.number(Key::Tasks, v, format!("{label}: spec.{}: {}", replicas.1, n.text())),
            None => c.ignore(format!("{label}: spec.{}: {}", replicas.1, n.text()), "not a number"),
        }
    }
    if matches!(w.kind, "Job" | "CronJob") {
        c.choice(Key::Workload, "batch", format!("{label}: kind {}", w.kind));
    }
    let Some((pod, path)) = w.pod else {
        c.ignore(format!("{label}: spec"), "no pod template to read containers from");
        return;
    };
    for (res, key, unit, to) in [
        ("cpu", Key::Cpu, "vCPU", (|v| v) as fn(f64) -> f64),
        ("memory", Key::Mem, "GiB", gib as fn(f64) -> f64),
        ("ephemeral-storage", Key::Storage, "GiB", gib as fn(f64) -> f64),
    ] {
        let mut parts = Vec::new();
        let mut sum = 0.0;
        for (i, k) in pod.containers.iter().flatten().enumerate() {
            if let Some((v, text, from)) = amount(c, k, res, &format!("{label}: {path}.containers[{i}]")) {
                sum += v;
                parts.push(format!("{text} ({from})"));
            }
        }
        let mut best_init = None::<(f64, String)>;
        for (i, k) in pod.init_containers.iter().flatten().enumerate() {
            if let Some((v, text, from)) = amount(c, k, res, &format!("{label}: {path}.initContainers[{i}]")) {
                if v > best_init.as_ref().map_or(0.0, |b| b.0) {
                    best_init = Some((v, format!("{path}.initContainers[{i}].resources.{from}.{res}: {text}")));
                }
            }
        }
        match best_init {
            Some((v, words)) if v > sum => {
                c.number(key, to(v), format!("{label}: {words}, more than the containers' sum = {} {unit}", num(to(v))))
            }
            _ if !parts.is_empty() => {
                let words = if parts.len() == 1 {
                    format!("{path}.containers[0].resources: {res} {}", parts[0])
                } else {
                    format!("{path}.containers[*].resources summed: {res} {}", parts.join(" + "))
                };
                c.number(key, to(sum), format!("{label}: {words} = {} {unit}", num(to(sum))));
            }
            _ => {}
        }
    }
    if pod.containers.as_ref().is_some_and(|k| k.iter().all(|k| k.resources.is_none())) {
        c.ignore(format!("{label}: {path}.containers"), "no requests or limits; CPU and memory keep their values");
    }
}

/// One container's request (else limit) of a resource, in base units, with its text and source.
fn amount(c: &mut Collector, k: &Container, res: &str, at: &str) -> Option<(f64, String, &'static str)> {
    let r = k.resources.as_ref()?;
    let (s, from) = match (r.requests.as_ref().and_then(|m| m.get(res)), r.limits.as_ref().and_then(|m| m.get(res))) {
        (Some(s), _) => (s, "requests"),
        (None, Some(s)) => (s, "limits"),
        _ => return None,
    };
    match quantity(s.text()) {
        Some(v) if v >= 0.0 => Some((v, s.text().to_string(), from)),
        _ => {
            c.ignore(format!("{at}.resources.{from}.{res}: {}", s.text()), "not a Kubernetes quantity");
            None
        }
    }
}

/// The needs a workload shows, whichever workload it is.
fn needs(c: &mut Collector, w: &Workload, label: &str) {
    if w.kind == "DaemonSet" {
        c.flag(Key::Daemonset, true, format!("{label}: kind DaemonSet"));
    }
    if w.kind == "StatefulSet" && w.spec.volume_claim_templates.as_ref().is_some_and(|v| !v.is_empty()) {
        c.flag(Key::BlockStorage, true, format!("{label}: spec.volumeClaimTemplates"));
    }
    let Some((pod, path)) = w.pod else { return };
    let all = pod.containers.iter().flatten().map(|k| ("containers", k)).chain(pod.init_containers.iter().flatten().map(|k| ("initContainers", k)));
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for (list, k) in all {
        let i = *index.entry(list).and_modify(|i| *i += 1).or_insert(0);
        let here = format!("{label}: {path}.{list}[{i}]");
        let name = k.name.as_ref().map(|n| format!(" ({})", n.text())).unwrap_or_default();
        if let Some(r) = &k.resources {
            for (from, m) in [("limits", &r.limits), ("requests", &r.requests)] {
                for (res, q) in m.iter().flatten() {
                    if res.to_ascii_lowercase().contains("gpu") && quantity(q.text()).is_some_and(|v| v > 0.0) {
                        c.flag(Key::Gpu, true, format!("{here}.resources.{from}: {res} {}{name}", q.text()));
                    }
                }
            }
        }
        if let Some(sc) = &k.security_context {
            if sc.privileged == Some(true) {
                c.flag(Key::Privileged, true, format!("{here}.securityContext.privileged: true{name}"));
            }
            let added = sc.capabilities.as_ref().and_then(|c| c.add.as_deref()).unwrap_or_default();
            let host = host_capabilities(added);
            if !host.is_empty() {
                c.flag(Key::Privileged, true, format!("{here}.securityContext.capabilities.add: {}{name}", host.join(", ")));
            }
        }
    }
    for (what, on) in [("hostNetwork", pod.host_network), ("hostPID", pod.host_pid)] {
        if on == Some(true) {
            c.flag(Key::Privileged, true, format!("{label}: {path}.{what}: true"));
        }
    }
    for (i, v) in pod.volumes.iter().flatten().enumerate() {
        if let Some(h) = &v.host_path {
            let p = h.path.as_ref().map(Scalar::text).unwrap_or("");
            let name = v.name.as_ref().map(Scalar::text).unwrap_or("");
            c.flag(Key::Privileged, true, format!("{label}: {path}.volumes[{i}].hostPath: {p} (volume {name})"));
        }
    }
    for (k, v) in pod.node_selector.iter().flatten() {
        let v = v.text();
        let lower = v.to_ascii_lowercase();
        let here = format!("{label}: {path}.nodeSelector: {k}: {v}");
        match k.as_str() {
            "kubernetes.io/os" | "beta.kubernetes.io/os" => c.flag(Key::Windows, lower == "windows", here),
            "kubernetes.io/arch" | "beta.kubernetes.io/arch" => match lower.as_str() {
                "arm64" | "arm" => c.choice(Key::Arch, "arm", here),
                "amd64" => c.choice(Key::Arch, "x86", here),
                _ => c.ignore(here, "not arm64 or amd64"),
            },
            _ => c.ignore(here, "no input for this node label"),
        }
    }
}
