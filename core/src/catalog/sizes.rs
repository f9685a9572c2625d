//! The task sizes AWS accepts, and rounding a request up to the nearest one.
//!
//! Fargate and App Runner do not bill what a task asks for: they bill the smallest valid CPU and memory
//! pair that holds it. Getting this rounding right is what makes the waste visible (a 4 vCPU task with
//! 2 GB pays for 8 GB), so the tables are data here, copied from AWS's API model and user guides, and
//! the rounding walks them in order of size.

/// Memory choices for one CPU size, in GB.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MemChoice {
    /// An explicit list, ascending.
    List(&'static [f64]),
    /// Every `step` from `min` to `max` inclusive.
    Range { min: f64, max: f64, step: f64 },
}

/// One CPU size and the memory it can be paired with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SizeTier {
    /// vCPU.
    pub cpu: f64,
    /// Memory choices in GB.
    pub mem: MemChoice,
}

const EPS: f64 = 1e-9;

impl SizeTier {
    /// The smallest memory choice of this tier that holds `mem` GB, if any.
    pub fn round_up(&self, mem: f64) -> Option<f64> {
        match self.mem {
            MemChoice::List(l) => l.iter().copied().find(|&m| m + EPS >= mem),
            MemChoice::Range { min, max, step } => {
                if mem <= min + EPS {
                    Some(min)
                } else if mem > max + EPS {
                    None
                } else {
                    let k = ((mem - min) / step - EPS).ceil();
                    Some((min + k * step).min(max))
                }
            }
        }
    }

    /// Smallest and largest memory choice, in GB.
    pub fn mem_bounds(&self) -> (f64, f64) {
        match self.mem {
            MemChoice::List(l) => (l[0], l[l.len() - 1]),
            MemChoice::Range { min, max, .. } => (min, max),
        }
    }
}

/// A valid size: the billed vCPU and memory.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    /// vCPU billed.
    pub cpu: f64,
    /// GB billed.
    pub mem: f64,
}

/// The smallest size in `tiers` (ascending CPU) that holds `cpu` vCPU and `mem` GB, if one does.
/// Walking CPU sizes upwards gives the cheapest fit, because a larger CPU size never allows less memory.
pub fn round_up(tiers: &[SizeTier], cpu: f64, mem: f64) -> Option<Size> {
    tiers
        .iter()
        .filter(|t| t.cpu + EPS >= cpu)
        .find_map(|t| t.round_up(mem).map(|m| Size { cpu: t.cpu, mem: m }))
}

/// Fargate task sizes for Amazon ECS (Linux platform 1.4.0 or later), from the ECS API model
/// (ECS-API, P). EKS pods use the same table (EKS-UG, P). The 32 vCPU size seen on a copy of the pricing
/// page is left out until the API model lists it.
pub static FARGATE_SIZES: &[SizeTier] = &FARGATE_SIZES_ARRAY;

const FARGATE_SIZES_ARRAY: [SizeTier; 7] = [
    SizeTier { cpu: 0.25, mem: MemChoice::List(&[0.5, 1.0, 2.0]) },
    SizeTier { cpu: 0.5, mem: MemChoice::Range { min: 1.0, max: 4.0, step: 1.0 } },
    SizeTier { cpu: 1.0, mem: MemChoice::Range { min: 2.0, max: 8.0, step: 1.0 } },
    SizeTier { cpu: 2.0, mem: MemChoice::Range { min: 4.0, max: 16.0, step: 1.0 } },
    SizeTier { cpu: 4.0, mem: MemChoice::Range { min: 8.0, max: 30.0, step: 1.0 } },
    SizeTier { cpu: 8.0, mem: MemChoice::Range { min: 16.0, max: 60.0, step: 4.0 } },
    SizeTier { cpu: 16.0, mem: MemChoice::Range { min: 32.0, max: 120.0, step: 8.0 } },
];

/// Fargate sizes for Windows tasks: 1, 2 or 4 vCPU only, with the Linux memory choices of those sizes
/// (ECS developer guide, task CPU and memory; the API model adds that Windows cannot go below 1 vCPU).
pub static FARGATE_WINDOWS_SIZES: &[SizeTier] = {
    let (_, rest) = FARGATE_SIZES_ARRAY.split_at(2);
    let (windows, _) = rest.split_at(3);
    windows
};

/// Memory Fargate adds to every EKS pod for the kubelet, kube-proxy and containerd, in GB (EKS-UG, P).
pub const EKS_FARGATE_POD_OVERHEAD_GB: f64 = 0.25;

/// Ephemeral storage included with every Fargate task or pod, in GB (FG-PAGE, P).
pub const FARGATE_FREE_STORAGE_GB: f64 = 20.0;

/// App Runner instance sizes, from the CDK `Memory` enum (AR-CDK, P) within the API's CPU and memory
/// patterns. Two pairings (2 GB and 12 GB) were only partly legible in the copy read.
pub static APP_RUNNER_SIZES: &[SizeTier] = &[
    SizeTier { cpu: 0.25, mem: MemChoice::List(&[0.5, 1.0]) },
    SizeTier { cpu: 0.5, mem: MemChoice::List(&[1.0]) },
    SizeTier { cpu: 1.0, mem: MemChoice::List(&[2.0, 3.0, 4.0]) },
    SizeTier { cpu: 2.0, mem: MemChoice::List(&[4.0, 6.0]) },
    SizeTier { cpu: 4.0, mem: MemChoice::List(&[8.0, 10.0, 12.0]) },
];

#[cfg(test)]
mod tests {
    use super::*;

    fn fg(cpu: f64, mem: f64) -> Option<(f64, f64)> {
        round_up(FARGATE_SIZES, cpu, mem).map(|s| (s.cpu, s.mem))
    }

    #[test]
    fn fargate_rounding() {
        assert_eq!(fg(0.25, 0.5), Some((0.25, 0.5)));
        assert_eq!(fg(0.25, 0.6), Some((0.25, 1.0)));
        assert_eq!(fg(0.25, 3.0), Some((0.5, 3.0)));
        assert_eq!(fg(1.0, 2.0), Some((1.0, 2.0)));
        assert_eq!(fg(1.0, 2.5), Some((1.0, 3.0)));
        assert_eq!(fg(1.0, 8.25), Some((2.0, 9.0)));
        assert_eq!(fg(4.0, 2.0), Some((4.0, 8.0)));
        assert_eq!(fg(3.0, 1.0), Some((4.0, 8.0)));
        assert_eq!(fg(4.0, 31.0), Some((8.0, 32.0)));
        assert_eq!(fg(8.0, 17.0), Some((8.0, 20.0)));
        assert_eq!(fg(8.0, 61.0), Some((16.0, 64.0)));
        assert_eq!(fg(16.0, 120.0), Some((16.0, 120.0)));
        assert_eq!(fg(16.0, 120.25), None);
        assert_eq!(fg(16.5, 1.0), None);
    }

    #[test]
    fn windows_sizes_are_one_two_or_four_vcpu() {
        let cpus: Vec<f64> = FARGATE_WINDOWS_SIZES.iter().map(|t| t.cpu).collect();
        assert_eq!(cpus, [1.0, 2.0, 4.0]);
        let w = |c, m| round_up(FARGATE_WINDOWS_SIZES, c, m).map(|s| (s.cpu, s.mem));
        assert_eq!(w(0.25, 0.5), Some((1.0, 2.0)));
        assert_eq!(w(4.0, 30.0), Some((4.0, 30.0)));
        assert_eq!(w(8.0, 16.0), None);
    }

    #[test]
    fn app_runner_rounding() {
        let ar = |c, m| round_up(APP_RUNNER_SIZES, c, m).map(|s| (s.cpu, s.mem));
        assert_eq!(ar(1.0, 2.0), Some((1.0, 2.0)));
        assert_eq!(ar(0.25, 2.0), Some((1.0, 2.0)));
        assert_eq!(ar(2.0, 5.0), Some((2.0, 6.0)));
        assert_eq!(ar(2.0, 7.0), Some((4.0, 8.0)));
        assert_eq!(ar(4.0, 12.5), None);
        assert_eq!(ar(8.0, 1.0), None);
    }

    #[test]
    fn tiers_are_ascending_and_bounds_consistent() {
        for tiers in [FARGATE_SIZES, APP_RUNNER_SIZES] {
            for w in tiers.windows(2) {
                assert!(w[0].cpu < w[1].cpu);
                assert!(w[0].mem_bounds().0 <= w[1].mem_bounds().0);
            }
            for t in tiers {
                let (lo, hi) = t.mem_bounds();
                assert_eq!(t.round_up(lo), Some(lo));
                assert_eq!(t.round_up(hi), Some(hi));
                assert_eq!(t.round_up(hi + 0.01), None);
            }
        }
    }
}
