//! Docker Compose files (YAML or JSON), read into input values.
//!
//! One service is read: the one asked for, else the first in the file (the others are listed, so
//! the panel can offer a choice). Mapping: `deploy.replicas` gives the task count and
//! `deploy.mode: global` per-host agents; `deploy.resources.limits` (else `reservations`) `cpus`
//! and `memory` (`512m`, `1G`: powers of 1024), or the older `cpus` and `mem_limit`, give the task
//! size; a device reservation with the `gpu` capability, or `gpus`, gives GPUs; `privileged`,
//! added capabilities and host networking or PID give privileged; `platform` gives Arm or Windows.

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;

use super::map_or::MapOr;
use super::ecs::host_capabilities;
use super::fields::{num, Collector};
use super::quantity::{compose_bytes, gib, Scalar};
use super::{ImportError, Reading};
use crate::params::Key;

/// A Compose file: only its services matter.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct File {
    services: Services,
}

/// The services in file order (a plain map would sort them).
#[derive(Debug, Default)]
struct Services(Vec<(String, MapOr<Service>)>);

impl<'de> Deserialize<'de> for Services {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Services;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a mapping of services")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Services, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<Scalar, MapOr<Service>>()? {
                    out.push((k.0, v));
                }
                Ok(Services(out))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Services, E> {
                Ok(Services::default())
            }
        }
        d.deserialize_map(V)
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Service {
    deploy: Option<Deploy>,
    cpus: Option<Scalar>,
    mem_limit: Option<Scalar>,
    mem_reservation: Option<Scalar>,
    gpus: Option<IgnoredAny>,
    privileged: Option<bool>,
    cap_add: Option<Vec<String>>,
    network_mode: Option<String>,
    pid: Option<String>,
    platform: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Deploy {
    replicas: Option<Scalar>,
    mode: Option<String>,
    resources: Option<ResourceSpec>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ResourceSpec {
    limits: Option<Amounts>,
    reservations: Option<Amounts>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Amounts {
    cpus: Option<Scalar>,
    memory: Option<Scalar>,
    devices: Option<Vec<Device>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Device {
    capabilities: Option<Vec<String>>,
    count: Option<Scalar>,
}

/// Reads a Compose text (the first document with services), service `pick` or the first one.
pub fn read(docs: &[MapOr<File>], pick: Option<&str>) -> Result<Reading, ImportError> {
    let mut c = Collector::default();
    let Some(file) = docs.iter().find_map(|d| match d {
        MapOr::Map(f) if !f.services.0.is_empty() => Some(f),
        _ => None,
    }) else {
        return Err(ImportError::Nothing(c.finish("Docker Compose file")));
    };
    let names: Vec<String> = file.services.0.iter().map(|(n, _)| n.clone()).collect();
    let chosen = pick.and_then(|p| names.iter().position(|n| n == p)).unwrap_or(0);
    for (i, (name, s)) in file.services.0.iter().enumerate() {
        if i != chosen {
            c.ignore(format!("services.{name}"), "one service at a time; choose it to read it instead");
            continue;
        }
        match s {
            MapOr::Map(s) => service(&mut c, s, &format!("services.{name}")),
            MapOr::Other => c.ignore(format!("services.{name}"), "not a mapping"),
        }
    }
    let mut r = c.finish("Docker Compose file");
    r.service = names.get(chosen).cloned();
    r.services = names;
    Ok(r)
}

fn service(c: &mut Collector, s: &Service, at: &str) {
    let deploy = s.deploy.as_ref();
    if let Some(n) = deploy.and_then(|d| d.replicas.as_ref()) {
        match n.number() {
            Some(v) => c.number(Key::Tasks, v, format!("{at}.deploy.replicas: {}", n.text())),
            None => c.ignore(format!("{at}.deploy.replicas: {}", n.text()), "not a number (a variable?)"),
        }
    }
    if let Some(m) = deploy.and_then(|d| d.mode.as_deref()) {
        if m.trim().eq_ignore_ascii_case("global") {
            c.flag(Key::Daemonset, true, format!("{at}.deploy.mode: {m}"));
        }
    }
    let res = deploy.and_then(|d| d.resources.as_ref());
    let limits = res.and_then(|r| r.limits.as_ref());
    let reservations = res.and_then(|r| r.reservations.as_ref());
    let pick = |f: fn(&Amounts) -> Option<&Scalar>| {
        limits.and_then(f).map(|s| (s, "deploy.resources.limits")).or_else(|| reservations.and_then(f).map(|s| (s, "deploy.resources.reservations")))
    };

    let cpus = pick(|a| a.cpus.as_ref()).map(|(v, from)| (v, format!("{from}.cpus"))).or_else(|| s.cpus.as_ref().map(|v| (v, "cpus".to_string())));
    if let Some((v, from)) = cpus {
        match v.number() {
            Some(n) if n > 0.0 => c.number(Key::Cpu, n, format!("{at}.{from}: {}", v.text())),
            _ => c.ignore(format!("{at}.{from}: {}", v.text()), "not a CPU count above zero (a variable?)"),
        }
    }
    let mem = pick(|a| a.memory.as_ref())
        .map(|(v, from)| (v, format!("{from}.memory")))
        .or_else(|| s.mem_limit.as_ref().map(|v| (v, "mem_limit".to_string())))
        .or_else(|| s.mem_reservation.as_ref().map(|v| (v, "mem_reservation".to_string())));
    if let Some((v, from)) = mem {
        match compose_bytes(v.text()).map(gib) {
            Some(g) if g > 0.0 => c.number(Key::Mem, g, format!("{at}.{from}: {} = {} GiB", v.text(), num(g))),
            _ => c.ignore(format!("{at}.{from}: {}", v.text()), "not a size such as 512m or 1G (a variable?)"),
        }
    }

    for (j, d) in reservations.and_then(|r| r.devices.as_ref()).into_iter().flatten().enumerate() {
        let caps = d.capabilities.as_deref().unwrap_or_default();
        let count = d.count.as_ref().map(|n| format!(", count {}", n.text())).unwrap_or_default();
        if caps.iter().any(|k| k.trim().eq_ignore_ascii_case("gpu")) {
            c.flag(Key::Gpu, true, format!("{at}.deploy.resources.reservations.devices[{j}]: capabilities {}{count}", caps.join(", ")));
        } else {
            c.ignore(format!("{at}.deploy.resources.reservations.devices[{j}]: capabilities {}", caps.join(", ")), "not a GPU");
        }
    }
    if s.gpus.is_some() {
        c.flag(Key::Gpu, true, format!("{at}.gpus"));
    }
    if s.privileged == Some(true) {
        c.flag(Key::Privileged, true, format!("{at}.privileged: true"));
    }
    let host = host_capabilities(s.cap_add.as_deref().unwrap_or_default());
    if !host.is_empty() {
        c.flag(Key::Privileged, true, format!("{at}.cap_add: {}", host.join(", ")));
    }
    for (what, mode) in [("network_mode", &s.network_mode), ("pid", &s.pid)] {
        if let Some(m) = mode.as_deref().filter(|m| m.trim().eq_ignore_ascii_case("host")) {
            c.flag(Key::Privileged, true, format!("{at}.{what}: {m}"));
        }
    }
    if let Some(p) = s.platform.as_deref() {
        let lower = p.trim().to_ascii_lowercase();
        let mut parts = lower.split('/');
        let (os, arch) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        let here = format!("{at}.platform: {p}");
        c.flag(Key::Windows, os == "windows", here.clone());
        match arch {
            "arm64" | "arm" => c.choice(Key::Arch, "arm", here),
            "amd64" => c.choice(Key::Arch, "x86", here),
            _ => c.ignore(here, "no architecture this page knows"),
        }
    }
}
