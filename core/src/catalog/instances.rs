//! EC2 instance types the EC2-backed options can run on: shape, network limits and prices.
//!
//! One row per entry of [`INSTANCE_OPTS`](super::ids::INSTANCE_OPTS), in the same order, so an instance is addressed by the same
//! index everywhere (the `instance` input, the rates, the packing). The shape (vCPU, memory, GPUs)
//! decides how many tasks fit; the network limits decide how many `awsvpc` tasks or EKS pods fit
//! whatever the shape; the prices live here as catalog [`Quote`]s so they carry their own source and
//! date like every other rate.

use super::types::Quote;
use super::sources::Grade;
use crate::params::Arch;

/// Shape, limits and prices of one EC2 instance type.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Instance {
    /// The instance type, equal to `INSTANCE_OPTS[i].id`.
    pub id: &'static str,
    /// CPU architecture.
    pub arch: Arch,
    /// vCPUs.
    pub vcpu: f64,
    /// Installed memory in GiB.
    pub mem_gib: f64,
    /// NVIDIA GPUs.
    pub gpus: u32,
    /// Most network interfaces the instance takes (primary included). Source: VPC-CNI (P).
    pub max_enis: u32,
    /// Most pods the EKS AMI allows with the VPC CNI (`ENIs × (IPv4 per ENI − 1) + 2`). Source: VPC-CNI (P).
    pub max_pods: u32,
    /// Linux on-demand price per instance-hour, by region.
    pub on_demand: &'static [Quote],
    /// AWS Spot Instance Advisor average saving against on-demand, in percent, by region.
    pub spot_saving: &'static [Quote],
}

const fn od(value: f64) -> Quote {
    Quote::new("us-east-1", value, Grade::PL, "KARP-PRICE", "2026-07-20")
}

const fn sv(region: &'static str, pct: f64) -> Quote {
    Quote::new(region, pct, Grade::P, "SPOT-ADV", "2025-07-28")
}

/// Spot savings for the seven catalog regions, in `REGION_OPTS` order (`None` where the advisor lists none).
macro_rules! spot {
    ($a:expr, $b:expr, $c:expr, $d:expr, $e:expr, $f:expr, $g:expr) => {
        &[
            sv("us-east-1", $a),
            sv("eu-west-1", $b),
            sv("eu-central-1", $c),
            sv("eu-north-1", $d),
            sv("ap-south-1", $e),
            sv("ap-northeast-1", $f),
            sv("ap-southeast-1", $g),
        ]
    };
}

#[allow(clippy::too_many_arguments)]
const fn inst(
    id: &'static str,
    arch: Arch,
    vcpu: f64,
    mem_gib: f64,
    gpus: u32,
    max_enis: u32,
    max_pods: u32,
    on_demand: &'static [Quote],
    spot_saving: &'static [Quote],
) -> Instance {
    Instance { id, arch, vcpu, mem_gib, gpus, max_enis, max_pods, on_demand, spot_saving }
}

use Arch::{Arm, X86};

/// Every instance type, in [`INSTANCE_OPTS`](super::ids::INSTANCE_OPTS) order. Shapes from KARP-IT (P); network limits from VPC-CNI
/// (P); on-demand prices from KARP-PRICE (PL, us-east-1 only); Spot savings from SPOT-ADV (P, 2025-07-28).
pub static INSTANCES: &[Instance] = &[
    inst("t3.medium", X86, 2.0, 4.0, 0, 3, 17, &[od(0.0416)], spot!(56.0, 56.0, 60.0, 60.0, 59.0, 66.0, 56.0)),
    inst("t4g.medium", Arm, 2.0, 4.0, 0, 3, 17, &[od(0.0336)], spot!(64.0, 55.0, 73.0, 67.0, 66.0, 68.0, 65.0)),
    inst("m5.large", X86, 2.0, 8.0, 0, 3, 29, &[od(0.096)], spot!(66.0, 57.0, 64.0, 71.0, 68.0, 66.0, 60.0)),
    inst("m5.xlarge", X86, 4.0, 16.0, 0, 4, 58, &[od(0.192)], spot!(66.0, 56.0, 70.0, 70.0, 68.0, 67.0, 71.0)),
    inst("m6i.large", X86, 2.0, 8.0, 0, 3, 29, &[od(0.096)], spot!(63.0, 54.0, 53.0, 69.0, 58.0, 64.0, 57.0)),
    inst("m6a.large", X86, 2.0, 8.0, 0, 3, 29, &[od(0.0864)], &[
        sv("us-east-1", 59.0),
        sv("eu-west-1", 53.0),
        sv("eu-central-1", 49.0),
        sv("ap-south-1", 55.0),
        sv("ap-northeast-1", 61.0),
        sv("ap-southeast-1", 54.0),
    ]),
    inst("m7i.large", X86, 2.0, 8.0, 0, 3, 29, &[od(0.1008)], spot!(68.0, 54.0, 56.0, 73.0, 54.0, 62.0, 60.0)),
    inst("m6g.large", Arm, 2.0, 8.0, 0, 3, 29, &[od(0.077)], spot!(60.0, 53.0, 66.0, 70.0, 55.0, 67.0, 69.0)),
    inst("m7g.large", Arm, 2.0, 8.0, 0, 3, 29, &[od(0.0816)], spot!(64.0, 53.0, 66.0, 69.0, 59.0, 64.0, 66.0)),
    inst("c6i.large", X86, 2.0, 4.0, 0, 3, 29, &[od(0.085)], spot!(63.0, 54.0, 67.0, 68.0, 65.0, 66.0, 54.0)),
    inst("c7i.large", X86, 2.0, 4.0, 0, 3, 29, &[od(0.08925)], spot!(66.0, 54.0, 74.0, 71.0, 69.0, 66.0, 57.0)),
    inst("c6g.large", Arm, 2.0, 4.0, 0, 3, 29, &[od(0.068)], spot!(59.0, 53.0, 57.0, 68.0, 56.0, 61.0, 51.0)),
    inst("c7g.large", Arm, 2.0, 4.0, 0, 3, 29, &[od(0.0725)], spot!(49.0, 52.0, 48.0, 68.0, 44.0, 64.0, 49.0)),
    inst("r6g.large", Arm, 2.0, 16.0, 0, 3, 29, &[od(0.1008)], spot!(70.0, 55.0, 63.0, 69.0, 58.0, 63.0, 65.0)),
    inst("g4dn.xlarge", X86, 4.0, 16.0, 1, 3, 29, &[od(0.526)], spot!(64.0, 54.0, 62.0, 65.0, 69.0, 67.0, 68.0)),
    inst("g5.xlarge", X86, 4.0, 16.0, 1, 4, 58, &[od(1.006)], &[
        sv("us-east-1", 59.0),
        sv("eu-west-1", 56.0),
        sv("eu-central-1", 59.0),
        sv("eu-north-1", 72.0),
        sv("ap-south-1", 69.0),
        sv("ap-northeast-1", 51.0),
    ]),
    inst("p3.2xlarge", X86, 8.0, 61.0, 1, 4, 58, &[od(3.06)], &[
        sv("us-east-1", 80.0),
        sv("eu-west-1", 56.0),
        sv("eu-central-1", 90.0),
        sv("ap-northeast-1", 69.0),
        sv("ap-southeast-1", 87.0),
    ]),
];

/// Number of instance types.
pub const INSTANCE_COUNT: usize = 17;

/// The instance at index `i` of [`INSTANCE_OPTS`](super::ids::INSTANCE_OPTS) (clamped to the table).
pub fn instance(i: usize) -> &'static Instance {
    &INSTANCES[i.min(INSTANCES.len() - 1)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::ids::{INSTANCE_OPTS, REGION_OPTS};

    #[test]
    fn rows_follow_the_instance_options() {
        assert_eq!(INSTANCES.len(), INSTANCE_OPTS.len());
        assert_eq!(INSTANCE_COUNT, INSTANCE_OPTS.len());
        for (row, opt) in INSTANCES.iter().zip(INSTANCE_OPTS) {
            assert_eq!(row.id, opt.id);
            let arm = opt.label.contains("Arm");
            assert_eq!(row.arch == Arm, arm, "{}", row.id);
            assert!(row.vcpu > 0.0 && row.mem_gib > 0.0 && row.max_enis >= 2, "{}", row.id);
            // The EKS max-pods figure follows from the ENI limit: at least one pod per secondary ENI.
            assert!(row.max_pods > row.max_enis, "{}", row.id);
            assert!(!row.on_demand.is_empty(), "{}", row.id);
            for q in row.on_demand.iter().chain(row.spot_saving) {
                assert!(REGION_OPTS.iter().any(|r| r.id == q.region), "{} {}", row.id, q.region);
                assert!(q.value > 0.0);
            }
            for q in row.spot_saving {
                assert!(q.value < 100.0);
            }
        }
        assert_eq!(instance(999).id, "p3.2xlarge");
    }

    #[test]
    fn labels_agree_with_shapes() {
        for (row, opt) in INSTANCES.iter().zip(INSTANCE_OPTS) {
            let shape = format!("{} vCPU, {} GiB", row.vcpu, row.mem_gib);
            assert!(opt.label.contains(&shape), "{}: {}", row.id, opt.label);
            assert_eq!(row.gpus > 0, opt.label.contains("NVIDIA"), "{}", row.id);
        }
    }
}
