//! Which rates exist and how they are addressed: the scalar [`Rate`]s, the per-instance-type
//! [`InstanceRate`] kinds, and [`RateRef`], one index over both that every rate array uses.
//!
//! The variants are generated from `core/data/catalog/rates.toml` by the build script. Only arithmetic
//! on indices lives here; the text ids, labels, units and quotes are the rate table's (`table`), which
//! builds on this module.

use super::ids::INSTANCE_COUNT;

// `Rate` and `InstanceRate`, one variant per record of `core/data/catalog/rates.toml`, in its order.
include!(concat!(env!("OUT_DIR"), "/catalog_rate_ids.rs"));

/// Number of scalar rates.
pub const SCALAR_COUNT: usize = Rate::ALL.len();

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
