//! Which rates exist and how they are addressed: the scalar [`Rate`]s, the per-instance-type
//! [`InstanceRate`] kinds, and [`RateRef`], one index over both that every rate array uses.
//!
//! Only arithmetic on indices lives here; the text ids, labels, units and quotes are the rate table's
//! (`table`), which builds on this module.

use super::instances::INSTANCE_COUNT;

macro_rules! scalar_rates {
    ($($variant:ident),+ $(,)?) => {
        /// Rates that are one number per region (instance prices are addressed through [`RateRef::ec2`]).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rate { $($variant),+ }

        impl Rate {
            /// Every scalar rate, in declaration order (the order of the rate table).
            pub const ALL: &'static [Rate] = &[$(Rate::$variant),+];
        }
    };
}

scalar_rates!(
    FargateVcpuX86,
    FargateGbX86,
    FargateVcpuArm,
    FargateGbArm,
    FargateVcpuWindows,
    FargateGbWindows,
    FargateWindowsLicence,
    FargateStorage,
    FargateSpotVcpuX86,
    FargateSpotGbX86,
    FargateSpotVcpuArm,
    FargateSpotGbArm,
    FargateSp1yVcpuX86,
    FargateSp1yGbX86,
    FargateSp1yVcpuArm,
    FargateSp1yGbArm,
    FargateSp1yVcpuWindows,
    FargateSp1yGbWindows,
    FargateSp3yVcpuX86,
    FargateSp3yGbX86,
    FargateSp3yVcpuArm,
    FargateSp3yGbArm,
    FargateSp3yVcpuWindows,
    FargateSp3yGbWindows,
    Ec2Sp1yDiscount,
    Ec2Sp3yDiscount,
    EcsReservedMemory,
    EksClusterStandard,
    EksClusterExtended,
    AppRunnerVcpu,
    AppRunnerGb,
    LambdaRequests,
    LambdaGbsX86Tier1,
    LambdaGbsX86Tier2,
    LambdaGbsX86Tier3,
    LambdaGbsArmTier1,
    LambdaGbsArmTier2,
    LambdaGbsArmTier3,
    LambdaFreeRequests,
    LambdaFreeGbs,
    EcsAnywhereInstance,
    EksAnywhereSub1y,
    EksAnywhereSub3y,
    AlbHour,
    AlbLcu,
    AlbRequestsPerConnection,
    AlbConnectionSeconds,
    NatHour,
    NatGb,
    Ipv4Hour,
    DtoFreeGb,
    DtoTier1,
    DtoTier2,
    DtoTier3,
    DtoTier4,
);

/// Number of scalar rates.
pub const SCALAR_COUNT: usize = Rate::ALL.len();

/// Per-instance-type rates: one rate per kind and instance type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum InstanceRate {
    /// Linux on-demand price per instance-hour.
    OnDemand,
    /// Windows (licence included) on-demand price per instance-hour. No quotes yet: override to use.
    OnDemandWindows,
    /// Average Spot saving against on-demand, in percent.
    SpotSaving,
}

impl InstanceRate {
    /// Every kind, in index order.
    pub const ALL: [InstanceRate; 3] = [InstanceRate::OnDemand, InstanceRate::OnDemandWindows, InstanceRate::SpotSaving];

    /// The start of the text id of this kind of rate; the instance type follows it.
    pub fn prefix(self) -> &'static str {
        match self {
            InstanceRate::OnDemand => "ec2.ondemand.",
            InstanceRate::OnDemandWindows => "ec2.ondemand-windows.",
            InstanceRate::SpotSaving => "ec2.spot-saving.",
        }
    }
}

/// Total number of rates: the scalar ones plus one per instance type and [`InstanceRate`].
pub const RATE_COUNT: usize = SCALAR_COUNT + InstanceRate::ALL.len() * INSTANCE_COUNT;

/// A rate, scalar or per instance type: an index into every rate array.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RateRef(u16);

impl From<Rate> for RateRef {
    fn from(r: Rate) -> RateRef {
        RateRef(r as u16)
    }
}

/// What a [`RateRef`] points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateKind {
    /// A scalar rate.
    Scalar(Rate),
    /// A per-instance rate: the kind and the index into `INSTANCE_OPTS`.
    Instance(InstanceRate, usize),
}

impl RateRef {
    /// A scalar rate.
    pub const fn scalar(r: Rate) -> RateRef {
        RateRef(r as u16)
    }

    /// A per-instance rate (the instance index is clamped to the table).
    pub const fn ec2(kind: InstanceRate, instance: usize) -> RateRef {
        let i = if instance < INSTANCE_COUNT { instance } else { INSTANCE_COUNT - 1 };
        RateRef((SCALAR_COUNT + kind as usize * INSTANCE_COUNT + i) as u16)
    }

    /// Position in every rate array, below [`RATE_COUNT`].
    pub const fn index(self) -> usize {
        self.0 as usize
    }

    /// The rate at `index`, if any.
    pub fn from_index(index: usize) -> Option<RateRef> {
        (index < RATE_COUNT).then_some(RateRef(index as u16))
    }

    /// Every rate, scalar ones first.
    pub fn all() -> impl Iterator<Item = RateRef> {
        (0..RATE_COUNT).map(|i| RateRef(i as u16))
    }

    /// What this rate points at.
    pub fn kind(self) -> RateKind {
        let i = self.index();
        if i < SCALAR_COUNT {
            RateKind::Scalar(Rate::ALL[i])
        } else {
            let j = i - SCALAR_COUNT;
            RateKind::Instance(InstanceRate::ALL[j / INSTANCE_COUNT], j % INSTANCE_COUNT)
        }
    }
}
