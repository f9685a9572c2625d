//! ECS task definitions and services (JSON or YAML), read into input values.
//!
//! Accepted shapes: a registered task definition (`family`, `containerDefinitions`, …), the output
//! of `aws ecs describe-task-definition` (`{"taskDefinition": {…}}`), a service as given to
//! `create-service` or as `describe-services` returns it (`{"services": […]}`, `{"service": {…}}`),
//! for the desired count and DAEMON scheduling. Several documents may be combined (a task
//! definition and its service).
//!
//! Mapping: task-level `cpu` (units, 1024 = 1 vCPU) and `memory` (MiB) win, else the containers'
//! values summed; `runtimePlatform` gives Windows and Arm; a GPU in `resourceRequirements` gives
//! GPUs; `privileged`, host volumes, added Linux capabilities, devices and host networking give
//! privileged; `ephemeralStorage.sizeInGiB` gives storage; FireLens gives log routing; a DAEMON
//! service gives per-host agents; `desiredCount` gives the task count.

use serde::Deserialize;

use super::map_or::MapOr;
use super::fields::{num, Collector};
use super::quantity::{ecs_gib, ecs_vcpu, Scalar};
use super::{ImportError, Reading};
use crate::params::Key;

/// One document: a task definition, a wrapper of one, or a service (all fields optional).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Doc {
    #[serde(flatten)]
    def: TaskDef,
    #[serde(flatten)]
    service_fields: Service,
    task_definition: Option<DefOrArn>,
    services: Option<Vec<Service>>,
    service: Option<Service>,
}

/// `taskDefinition`: the definition itself, or (in a service) its ARN.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum DefOrArn {
    Def(Box<TaskDef>),
    Arn(#[allow(dead_code)] Scalar),
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct TaskDef {
    cpu: Option<Scalar>,
    memory: Option<Scalar>,
    container_definitions: Option<Vec<Container>>,
    runtime_platform: Option<RuntimePlatform>,
    ephemeral_storage: Option<EphemeralStorage>,
    volumes: Option<Vec<Volume>>,
    network_mode: Option<String>,
    pid_mode: Option<String>,
    requires_compatibilities: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Container {
    name: Option<String>,
    cpu: Option<Scalar>,
    memory: Option<Scalar>,
    memory_reservation: Option<Scalar>,
    resource_requirements: Option<Vec<Requirement>>,
    privileged: Option<bool>,
    linux_parameters: Option<LinuxParameters>,
    firelens_configuration: Option<serde::de::IgnoredAny>,
    log_configuration: Option<LogConfiguration>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Requirement {
    #[serde(rename = "type")]
    kind: String,
    value: Scalar,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct LinuxParameters {
    capabilities: Option<Capabilities>,
    devices: Option<Vec<serde::de::IgnoredAny>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Capabilities {
    pub(super) add: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct LogConfiguration {
    log_driver: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct RuntimePlatform {
    cpu_architecture: Option<String>,
    operating_system_family: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct EphemeralStorage {
    size_in_gi_b: Option<Scalar>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Volume {
    name: Option<String>,
    host: Option<Host>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Host {
    source_path: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Service {
    service_name: Option<String>,
    desired_count: Option<Scalar>,
    scheduling_strategy: Option<String>,
}

/// Capabilities Fargate allows adding; any other one needs host-level access.
pub(super) const FARGATE_CAPABILITIES: &[&str] = &["SYS_PTRACE"];

/// The added capabilities that need more than Fargate allows.
pub(super) fn host_capabilities(add: &[String]) -> Vec<&str> {
    add.iter().map(|c| c.trim()).filter(|c| !FARGATE_CAPABILITIES.iter().any(|f| c.eq_ignore_ascii_case(f))).collect()
}

/// Reads the documents of an ECS text.
pub fn read(docs: &[MapOr<Doc>]) -> Result<Reading, ImportError> {
    let mut c = Collector::default();
    let many = docs.len() > 1;
    for (i, doc) in docs.iter().enumerate() {
        let at = if many { format!("document {}: ", i + 1) } else { String::new() };
        let MapOr::Map(doc) = doc else {
            c.ignore(format!("document {}", i + 1), "not a mapping");
            continue;
        };
        match &doc.task_definition {
            Some(DefOrArn::Def(def)) => task_def(&mut c, def, &format!("{at}taskDefinition.")),
            Some(DefOrArn::Arn(_)) => c.ignore(format!("{at}taskDefinition"), "a reference to a task definition; paste the definition itself to read its sizes"),
            None => {}
        }
        if doc.def.container_definitions.is_some() {
            task_def(&mut c, &doc.def, &at);
        }
        service(&mut c, &doc.service_fields, &at);
        if let Some(s) = &doc.service {
            service(&mut c, s, &format!("{at}service."));
        }
        for (j, s) in doc.services.iter().flatten().enumerate() {
            service(&mut c, s, &format!("{at}services[{j}]."));
        }
    }
    Ok(c.finish("ECS task definition"))
}

fn task_def(c: &mut Collector, def: &TaskDef, at: &str) {
    let containers = def.container_definitions.as_deref().unwrap_or_default();
    let label = |i: usize| format!("{at}containerDefinitions[{i}]");

    // CPU: the task's, else the containers' summed.
    match def.cpu.as_ref().map(|s| (s, ecs_vcpu(s.text()))) {
        Some((s, Some(v))) if v > 0.0 => c.number(Key::Cpu, v, format!("{at}cpu: {} = {} vCPU", s.text(), num(v))),
        Some((s, _)) => c.ignore(format!("{at}cpu: {}", s.text()), "not CPU units or a vCPU count"),
        None => {
            let parts: Vec<(f64, String)> = containers
                .iter()
                .filter_map(|k| k.cpu.as_ref().and_then(|s| ecs_vcpu(s.text()).map(|v| (v, s.text().to_string()))))
                .filter(|(v, _)| *v > 0.0)
                .collect();
            if !parts.is_empty() {
                let total: f64 = parts.iter().map(|p| p.0).sum();
                let list = parts.iter().map(|p| p.1.as_str()).collect::<Vec<_>>().join(" + ");
                c.number(Key::Cpu, total, format!("{at}containerDefinitions[*].cpu summed: {list} units = {} vCPU", num(total)));
            }
        }
    }

    // Memory: the task's, else each container's hard limit (or its reservation) summed.
    match def.memory.as_ref().map(|s| (s, ecs_gib(s.text()))) {
        Some((s, Some(v))) if v > 0.0 => c.number(Key::Mem, v, format!("{at}memory: {} MiB = {} GiB", s.text(), num(v))),
        Some((s, _)) => c.ignore(format!("{at}memory: {}", s.text()), "not a size in MiB or GB"),
        None => {
            let parts: Vec<(f64, String)> = containers
                .iter()
                .filter_map(|k| {
                    let s = k.memory.as_ref().or(k.memory_reservation.as_ref())?;
                    ecs_gib(s.text()).map(|v| (v, s.text().to_string()))
                })
                .filter(|(v, _)| *v > 0.0)
                .collect();
            if !parts.is_empty() {
                let total: f64 = parts.iter().map(|p| p.0).sum();
                let list = parts.iter().map(|p| p.1.as_str()).collect::<Vec<_>>().join(" + ");
                c.number(Key::Mem, total, format!("{at}containerDefinitions[*].memory summed: {list} MiB = {} GiB", num(total)));
            }
        }
    }

    if let Some(rp) = &def.runtime_platform {
        if let Some(os) = rp.operating_system_family.as_deref() {
            let windows = os.trim().to_ascii_uppercase().starts_with("WINDOWS");
            c.flag(Key::Windows, windows, format!("{at}runtimePlatform.operatingSystemFamily: {os}"));
        }
        match rp.cpu_architecture.as_deref().map(|a| (a, a.trim().to_ascii_uppercase())) {
            Some((a, u)) if u == "ARM64" => c.choice(Key::Arch, "arm", format!("{at}runtimePlatform.cpuArchitecture: {a}")),
            Some((a, u)) if u == "X86_64" => c.choice(Key::Arch, "x86", format!("{at}runtimePlatform.cpuArchitecture: {a}")),
            Some((a, _)) => c.ignore(format!("{at}runtimePlatform.cpuArchitecture: {a}"), "not ARM64 or X86_64"),
            None => {}
        }
    }

    if let Some(size) = def.ephemeral_storage.as_ref().and_then(|e| e.size_in_gi_b.as_ref()) {
        match size.number() {
            Some(v) => c.number(Key::Storage, v, format!("{at}ephemeralStorage.sizeInGiB: {}", size.text())),
            None => c.ignore(format!("{at}ephemeralStorage.sizeInGiB: {}", size.text()), "not a number"),
        }
    }

    for (i, v) in def.volumes.iter().flatten().enumerate() {
        if let Some(p) = v.host.as_ref().and_then(|h| h.source_path.as_deref()) {
            let name = v.name.as_deref().unwrap_or("");
            c.flag(Key::Privileged, true, format!("{at}volumes[{i}].host.sourcePath: {p} (volume {name})"));
        }
    }
    for (what, mode) in [("networkMode", &def.network_mode), ("pidMode", &def.pid_mode)] {
        if let Some(m) = mode.as_deref().filter(|m| m.trim().eq_ignore_ascii_case("host")) {
            c.flag(Key::Privileged, true, format!("{at}{what}: {m}"));
        }
    }
    if let Some(compat) = &def.requires_compatibilities {
        c.ignore(format!("{at}requiresCompatibilities: {}", compat.join(", ")), "where it runs today; Berth compares every platform");
    }

    for (i, k) in containers.iter().enumerate() {
        let here = label(i);
        let name = k.name.as_deref().map(|n| format!(" ({n})")).unwrap_or_default();
        for r in k.resource_requirements.iter().flatten() {
            if r.kind.eq_ignore_ascii_case("GPU") {
                match r.value.number() {
                    Some(n) if n > 0.0 => c.flag(Key::Gpu, true, format!("{here}.resourceRequirements: GPU {}{name}", r.value.text())),
                    _ => c.ignore(format!("{here}.resourceRequirements: GPU {}", r.value.text()), "not a GPU count above zero"),
                }
            } else {
                c.ignore(format!("{here}.resourceRequirements: {} {}", r.kind, r.value.text()), "no input for this resource");
            }
        }
        if k.privileged == Some(true) {
            c.flag(Key::Privileged, true, format!("{here}.privileged: true{name}"));
        }
        if let Some(lp) = &k.linux_parameters {
            let added = lp.capabilities.as_ref().and_then(|c| c.add.as_deref()).unwrap_or_default();
            let host = host_capabilities(added);
            if !host.is_empty() {
                c.flag(Key::Privileged, true, format!("{here}.linuxParameters.capabilities.add: {}{name}", host.join(", ")));
            } else if !added.is_empty() {
                c.ignore(format!("{here}.linuxParameters.capabilities.add: {}", added.join(", ")), "Fargate allows this capability");
            }
            if lp.devices.as_ref().is_some_and(|d| !d.is_empty()) {
                c.flag(Key::Privileged, true, format!("{here}.linuxParameters.devices: host devices{name}"));
            }
        }
        if k.firelens_configuration.is_some() {
            c.flag(Key::LogRouting, true, format!("{here}.firelensConfiguration{name}"));
        }
        if let Some(d) = k.log_configuration.as_ref().and_then(|l| l.log_driver.as_deref()) {
            if d.trim().eq_ignore_ascii_case("awsfirelens") {
                c.flag(Key::LogRouting, true, format!("{here}.logConfiguration.logDriver: {d}{name}"));
            }
        }
    }
}

fn service(c: &mut Collector, s: &Service, at: &str) {
    let name = s.service_name.as_deref().map(|n| format!(" (service {n})")).unwrap_or_default();
    if let Some(n) = &s.desired_count {
        match n.number() {
            Some(v) => c.number(Key::Tasks, v, format!("{at}desiredCount: {}{name}", n.text())),
            None => c.ignore(format!("{at}desiredCount: {}", n.text()), "not a number"),
        }
    }
    if let Some(st) = s.scheduling_strategy.as_deref() {
        let daemon = st.trim().eq_ignore_ascii_case("DAEMON");
        c.flag(Key::Daemonset, daemon, format!("{at}schedulingStrategy: {st}{name}"));
    }
}
