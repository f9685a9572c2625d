//! EC2 instance types the EC2-backed options can run on: shape and network limits.
//!
//! One row per entry of [`INSTANCE_OPTS`](super::ids::INSTANCE_OPTS), in the same order, so an instance is
//! addressed by the same index everywhere (the `instance` input, the rates, the packing); both are
//! generated from the same records of `core/data/catalog/instances.toml`. The shape (vCPU, memory,
//! GPUs) decides how many tasks fit; the network limits decide how many `awsvpc` tasks or EKS pods fit
//! whatever the shape. Prices are rates like any other (`ec2.ondemand.<type>`, ...), quoted by Region
//! in `core/data/catalog/quotes/`.

use crate::params::Arch;

/// Shape and limits of one EC2 instance type.
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
}

/// Every instance type, in [`INSTANCE_OPTS`](super::ids::INSTANCE_OPTS) order. Shapes from KARP-IT (P);
/// network limits from VPC-CNI (P).
pub static INSTANCES: &[Instance] = include!(concat!(env!("OUT_DIR"), "/catalog_instances.rs"));

/// The instance at index `i` of [`INSTANCE_OPTS`](super::ids::INSTANCE_OPTS) (clamped to the table).
pub fn instance(i: usize) -> &'static Instance {
    &INSTANCES[i.min(INSTANCES.len() - 1)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::ids::{INSTANCE_COUNT, INSTANCE_OPTS};

    #[test]
    fn rows_follow_the_instance_options() {
        assert_eq!(INSTANCES.len(), INSTANCE_OPTS.len());
        assert_eq!(INSTANCE_COUNT, 17);
        for (row, opt) in INSTANCES.iter().zip(INSTANCE_OPTS) {
            assert_eq!(row.id, opt.id);
            let arm = opt.label.contains("Arm");
            assert_eq!(row.arch == Arch::Arm, arm, "{}", row.id);
            assert!(row.vcpu > 0.0 && row.mem_gib > 0.0 && row.max_enis >= 2, "{}", row.id);
            // The EKS max-pods figure follows from the ENI limit: at least one pod per secondary ENI.
            assert!(row.max_pods > row.max_enis, "{}", row.id);
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
