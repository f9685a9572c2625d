//! Helpers shared by the cost tests.

use berth_core::cost::CostInputs;
use berth_core::params::Arch;

/// The default inputs with every line item off (no ALB, NAT, public IPv4, egress or deployments),
/// no free tier, Linux on x86: a bill holds only what a test prices.
pub fn bare() -> CostInputs {
    CostInputs {
        alb: false,
        nat: false,
        ipv4: false,
        egress: false,
        deploys: 0.0,
        free_tier: false,
        windows: false,
        arch: Arch::X86,
        ..CostInputs::default()
    }
}
