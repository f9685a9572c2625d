//! Real-world-shaped task definitions, manifests and compose files (tests/fixtures/import/), each
//! with the inputs it must give: the fields read, and the query the page ends up with.

use berth_core::import::apply::plan;
use berth_core::import::{read, ImportError, Reading, Request};
use berth_core::state::State;

fn reading(name: &str, service: Option<&str>) -> Reading {
    let path = format!("{}/tests/fixtures/import/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    read(&Request { text, service: service.map(String::from) }).unwrap_or_else(|e| panic!("{name}: {}", e.text()))
}

/// The fields as `key=value`, sorted, and the query applied on the defaults.
fn check(name: &str, service: Option<&str>, fields: &str, query: &str) -> Reading {
    let r = reading(name, service);
    let mut got: Vec<String> = r.fields.iter().map(|f| format!("{}={}", f.key, f.value)).collect();
    got.sort();
    let mut want: Vec<&str> = fields.split(' ').collect();
    want.sort();
    assert_eq!(got, want, "{name}: {:#?}", r.fields);
    assert_eq!(plan(&State::default(), &r).query, query, "{name}");
    for f in &r.fields {
        assert!(!f.path.is_empty(), "{name}: {} has no path", f.key);
    }
    r
}

fn path_of<'a>(r: &'a Reading, key: &str) -> &'a str {
    &r.fields.iter().find(|f| f.key == key).unwrap().path
}

#[test]
fn ecs_registered_task_definition_with_a_gpu() {
    let r = check("ecs-registered-gpu.json", None, "cpu=4 mem=16 gpu=1", "gpu=1&cpu=4&mem=16");
    assert_eq!(path_of(&r, "gpu"), "containerDefinitions[0].resourceRequirements: GPU 1 (train)");
    assert_eq!(path_of(&r, "cpu"), "cpu: 4096 = 4 vCPU");
    assert!(r.ignored.iter().any(|i| i.path.starts_with("requiresCompatibilities")));
}

#[test]
fn ecs_describe_output_sums_containers_and_reads_the_platform() {
    let r = check(
        "ecs-describe-windows.json",
        None,
        "cpu=1.5 mem=2.5 windows=1 arch=x86 storage=30 log_routing=1",
        "windows=1&log_routing=1&cpu=1.5&mem=2.5&storage=30",
    );
    assert_eq!(path_of(&r, "cpu"), "taskDefinition.containerDefinitions[*].cpu summed: 1024 + 512 units = 1.5 vCPU");
    assert_eq!(path_of(&r, "log_routing"), "taskDefinition.containerDefinitions[1].firelensConfiguration (log-router)");
}

#[test]
fn ecs_task_and_daemon_service_in_one_stream() {
    let r = check(
        "ecs-daemon-agent.yaml",
        None,
        "cpu=0.25 mem=0.5 privileged=1 log_routing=1 windows=0 arch=arm daemonset=1",
        "privileged=1&daemonset=1&log_routing=1&cpu=0.25&mem=0.5&arch=arm",
    );
    assert_eq!(path_of(&r, "daemonset"), "document 2: schedulingStrategy: DAEMON (service node-agent)");
    assert_eq!(path_of(&r, "privileged"), "document 1: volumes[0].host.sourcePath: /var/run/docker.sock (volume docker-sock)");
}

#[test]
fn ecs_describe_services_gives_the_desired_count() {
    check("ecs-describe-services.json", None, "tasks=12 daemonset=0", "tasks=12");
}

#[test]
fn kubernetes_deployment_with_gpu_init_container_and_arm_selector() {
    let r = check(
        "k8s-deployment-gpu.yaml",
        None,
        "k8s=1 tasks=6 cpu=2 mem=6.93 storage=40 gpu=1 windows=0 arch=arm",
        "k8s=1&gpu=1&tasks=6&cpu=2&mem=6.93&storage=40&arch=arm",
    );
    assert_eq!(
        path_of(&r, "cpu"),
        "document 1, Deployment inference: spec.template.spec.containers[*].resources summed: cpu 1500m (requests) + 500m (limits) = 2 vCPU"
    );
    assert!(path_of(&r, "gpu").contains("containers[0].resources.limits: nvidia.com/gpu 1"));
    assert!(r.ignored.iter().any(|i| i.path.contains("Service inference")));
}

#[test]
fn kubernetes_daemonset_is_privileged_and_clamped() {
    let r = reading("k8s-daemonset-hostpath.yaml", None);
    let p = plan(&State::default(), &r);
    assert_eq!(p.query, "k8s=1&privileged=1&daemonset=1&cpu=0.25&mem=0.5");
    let cpu = p.applied.iter().find(|a| a.key == "cpu").unwrap();
    assert_eq!(cpu.note.as_deref(), Some("“cpu=0.1” is below the minimum; used 0.25."));
    assert_eq!(r.fields.iter().find(|f| f.key == "privileged").unwrap().path, "DaemonSet log-agent: spec.template.spec.containers[0].securityContext.privileged: true (agent)");
}

#[test]
fn kubernetes_list_with_a_statefulset() {
    let r = check("k8s-list-statefulset.json", None, "k8s=1 tasks=3 cpu=2 mem=4 block_storage=1", "k8s=1&block_storage=1&tasks=3&cpu=2&mem=4");
    assert!(r.ignored.iter().any(|i| i.path.contains("items[1]") && i.path.contains("ConfigMap")), "{:?}", r.ignored);
}

#[test]
fn kubernetes_cronjob_on_windows_is_batch() {
    check("k8s-cronjob-windows.yaml", None, "k8s=1 workload=batch cpu=2 mem=3 windows=1", "workload=batch&k8s=1&windows=1&cpu=2&mem=3");
}

#[test]
fn kubernetes_job_sizes_the_task_and_the_pod_adds_only_needs() {
    let r = check("k8s-job-and-pod.yaml", None, "k8s=1 tasks=20 workload=batch cpu=4 mem=16 gpu=1", "workload=batch&k8s=1&gpu=1&tasks=20&cpu=4&mem=16");
    assert!(r.ignored.iter().any(|i| i.path.contains("Pod debug: resources and replicas")));
}

#[test]
fn compose_first_service_by_default_and_any_service_on_request() {
    let r = check("compose-web.yaml", None, "tasks=4 cpu=0.5 mem=1 windows=0 arch=arm", "cpu=0.5&mem=1&arch=arm");
    assert_eq!(r.services, ["web", "worker", "db"]);
    assert_eq!(r.service.as_deref(), Some("web"));
    assert_eq!(path_of(&r, "mem"), "services.web.deploy.resources.limits.memory: 1G = 1 GiB");
    let w = check("compose-web.yaml", Some("worker"), "daemonset=1 cpu=2 mem=3 gpu=1 privileged=1", "gpu=1&privileged=1&daemonset=1&cpu=2&mem=3");
    assert_eq!(w.service.as_deref(), Some("worker"));
    assert!(matches!(
        read(&Request { text: std::fs::read_to_string(format!("{}/tests/fixtures/import/compose-web.yaml", env!("CARGO_MANIFEST_DIR"))).unwrap(), service: Some("db".into()) }),
        Err(ImportError::Nothing(_))
    ));
}

#[test]
fn compose_legacy_keys_in_json() {
    let r = check("compose-legacy.json", None, "cpu=1.5 mem=2 privileged=1 windows=0 arch=x86", "privileged=1&cpu=1.5");
    assert_eq!(path_of(&r, "cpu"), "services.app.cpus: 1.5");
    assert_eq!(path_of(&r, "mem"), "services.app.mem_limit: 2048m = 2 GiB");
    assert_eq!(path_of(&r, "privileged"), "services.app.cap_add: NET_ADMIN");
}
