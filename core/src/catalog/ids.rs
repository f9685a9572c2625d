//! Ids of the regions and EC2 instance types the catalog knows, shared by the inputs table and the
//! rates. Kept apart from the rates so that the inputs table can name them without depending on prices.

use crate::opt::Opt;

/// Regions with at least some sourced rates. The first is the default and the only complete one.
pub const REGION_OPTS: &[Opt] = &[
    Opt::new("us-east-1", "US East (N. Virginia)"),
    Opt::new("eu-west-1", "Europe (Ireland)"),
    Opt::new("eu-central-1", "Europe (Frankfurt)"),
    Opt::new("eu-north-1", "Europe (Stockholm)"),
    Opt::new("ap-south-1", "Asia Pacific (Mumbai)"),
    Opt::new("ap-northeast-1", "Asia Pacific (Tokyo)"),
    Opt::new("ap-southeast-1", "Asia Pacific (Singapore)"),
];

/// EC2 instance types offered for the EC2-backed options.
pub const INSTANCE_OPTS: &[Opt] = &[
    Opt::new("t3.medium", "t3.medium (x86, 2 vCPU, 4 GiB)"),
    Opt::new("t4g.medium", "t4g.medium (Arm, 2 vCPU, 4 GiB)"),
    Opt::new("m5.large", "m5.large (x86, 2 vCPU, 8 GiB)"),
    Opt::new("m5.xlarge", "m5.xlarge (x86, 4 vCPU, 16 GiB)"),
    Opt::new("m6i.large", "m6i.large (x86, 2 vCPU, 8 GiB)"),
    Opt::new("m6a.large", "m6a.large (x86, 2 vCPU, 8 GiB)"),
    Opt::new("m7i.large", "m7i.large (x86, 2 vCPU, 8 GiB)"),
    Opt::new("m6g.large", "m6g.large (Arm, 2 vCPU, 8 GiB)"),
    Opt::new("m7g.large", "m7g.large (Arm, 2 vCPU, 8 GiB)"),
    Opt::new("c6i.large", "c6i.large (x86, 2 vCPU, 4 GiB)"),
    Opt::new("c7i.large", "c7i.large (x86, 2 vCPU, 4 GiB)"),
    Opt::new("c6g.large", "c6g.large (Arm, 2 vCPU, 4 GiB)"),
    Opt::new("c7g.large", "c7g.large (Arm, 2 vCPU, 4 GiB)"),
    Opt::new("r6g.large", "r6g.large (Arm, 2 vCPU, 16 GiB)"),
    Opt::new("g4dn.xlarge", "g4dn.xlarge (x86, 4 vCPU, 16 GiB, 1 NVIDIA T4)"),
    Opt::new("g5.xlarge", "g5.xlarge (x86, 4 vCPU, 16 GiB, 1 NVIDIA A10G)"),
    Opt::new("p3.2xlarge", "p3.2xlarge (x86, 8 vCPU, 61 GiB, 1 NVIDIA V100)"),
];

/// Index of the default instance type, m5.large.
pub const DEFAULT_INSTANCE: usize = 2;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_instance_is_m5_large() {
        assert_eq!(INSTANCE_OPTS[DEFAULT_INSTANCE].id, "m5.large");
        assert_eq!(REGION_OPTS[0].id, "us-east-1");
    }
}
