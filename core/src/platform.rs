//! The ten ways to run containers that the playground compares.
//!
//! The ids are a public contract: they appear in the URL, in `data-platform` attributes and in course
//! material. Never rename one.

/// A way to run containers on AWS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Platform {
    /// Amazon ECS with AWS Fargate capacity.
    EcsFargate,
    /// Amazon ECS on EC2 instances (capacity providers, or ECS Managed Instances).
    EcsEc2,
    /// Amazon EKS on EC2 nodes (managed node groups, Karpenter or Auto Mode).
    EksEc2,
    /// Amazon EKS with Fargate profiles.
    EksFargate,
    /// AWS App Runner.
    AppRunner,
    /// Amazon ECS Express Mode.
    EcsExpress,
    /// AWS Batch.
    Batch,
    /// AWS Lambda (container images).
    Lambda,
    /// Amazon ECS Anywhere (your own servers).
    EcsAnywhere,
    /// Amazon EKS Anywhere (your own servers).
    EksAnywhere,
}

/// Number of platforms.
pub const PLATFORM_COUNT: usize = 10;

impl Platform {
    /// Every platform, in the order cards are listed before ranking.
    pub const ALL: [Platform; PLATFORM_COUNT] = [
        Platform::EcsFargate,
        Platform::EcsEc2,
        Platform::EksEc2,
        Platform::EksFargate,
        Platform::AppRunner,
        Platform::EcsExpress,
        Platform::Batch,
        Platform::Lambda,
        Platform::EcsAnywhere,
        Platform::EksAnywhere,
    ];

    /// The public id.
    pub fn id(self) -> &'static str {
        match self {
            Platform::EcsFargate => "ecs-fargate",
            Platform::EcsEc2 => "ecs-ec2",
            Platform::EksEc2 => "eks-ec2",
            Platform::EksFargate => "eks-fargate",
            Platform::AppRunner => "app-runner",
            Platform::EcsExpress => "ecs-express",
            Platform::Batch => "batch",
            Platform::Lambda => "lambda",
            Platform::EcsAnywhere => "ecs-anywhere",
            Platform::EksAnywhere => "eks-anywhere",
        }
    }

    /// The name shown on cards.
    pub fn name(self) -> &'static str {
        match self {
            Platform::EcsFargate => "ECS on Fargate",
            Platform::EcsEc2 => "ECS on EC2",
            Platform::EksEc2 => "EKS on EC2 nodes",
            Platform::EksFargate => "EKS on Fargate",
            Platform::AppRunner => "App Runner",
            Platform::EcsExpress => "ECS Express Mode",
            Platform::Batch => "AWS Batch",
            Platform::Lambda => "Lambda",
            Platform::EcsAnywhere => "ECS Anywhere",
            Platform::EksAnywhere => "EKS Anywhere",
        }
    }

    /// Looks a platform up by id.
    pub fn from_id(id: &str) -> Option<Platform> {
        Platform::ALL.into_iter().find(|p| p.id() == id)
    }

    /// Position in [`Platform::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// What the platform can offer a workload. Declared here, once per platform, so the cost model
    /// and anything else that asks reads the same answer.
    pub const fn caps(self) -> Caps {
        const ALL: Caps = Caps { gpu: true, privileged: true, windows: true, spot: true };
        const LINUX_ONLY: Caps = Caps { gpu: false, privileged: false, windows: false, spot: false };
        match self {
            // Fargate: no GPU, no privileged containers; Windows tasks; Fargate Spot.
            Platform::EcsFargate => Caps { gpu: false, privileged: false, windows: true, spot: true },
            // Express Mode runs on regular Fargate capacity: Fargate's limits, no Spot.
            Platform::EcsExpress => Caps { gpu: false, privileged: false, windows: true, spot: false },
            // EKS pods on Fargate: Linux only, and no Fargate Spot.
            Platform::EksFargate => LINUX_ONLY,
            // EC2 capacity (Batch falls back to it for GPU and privileged jobs) offers everything.
            Platform::EcsEc2 | Platform::EksEc2 | Platform::Batch => ALL,
            Platform::AppRunner | Platform::Lambda => LINUX_ONLY,
            // Your own servers: whatever they have; no Spot market.
            Platform::EcsAnywhere | Platform::EksAnywhere => Caps { spot: false, ..ALL },
        }
    }

    /// Whether the orchestrator is Kubernetes.
    pub fn is_kubernetes(self) -> bool {
        matches!(self, Platform::EksEc2 | Platform::EksFargate | Platform::EksAnywhere)
    }

    /// Whether the orchestrator is Amazon ECS (including Express Mode and Anywhere).
    pub fn is_ecs(self) -> bool {
        matches!(self, Platform::EcsFargate | Platform::EcsEc2 | Platform::EcsExpress | Platform::EcsAnywhere)
    }
}

/// What a platform can offer a workload: the needs it can meet and whether it has a Spot price.
/// A need a platform lacks makes it not viable for a workload that has that need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caps {
    /// GPU accelerators.
    pub gpu: bool,
    /// Privileged containers or host access.
    pub privileged: bool,
    /// Windows containers.
    pub windows: bool,
    /// Spot capacity at a Spot price (otherwise a Spot request is costed on-demand, with a note).
    pub spot: bool,
}

/// A set of platforms, as bits over [`Platform::index`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct PlatformSet(pub u16);

impl PlatformSet {
    /// No platform.
    pub const EMPTY: PlatformSet = PlatformSet(0);
    /// Every platform.
    pub const ALL: PlatformSet = PlatformSet((1 << PLATFORM_COUNT) - 1);

    /// A set of the given platforms.
    pub const fn of(ps: &[Platform]) -> PlatformSet {
        let mut bits = 0u16;
        let mut i = 0;
        while i < ps.len() {
            bits |= 1 << ps[i] as u16;
            i += 1;
        }
        PlatformSet(bits)
    }

    /// Whether `p` is in the set.
    pub fn contains(self, p: Platform) -> bool {
        self.0 & (1 << p.index()) != 0
    }

    /// Adds `p`.
    pub fn insert(&mut self, p: Platform) {
        self.0 |= 1 << p.index();
    }

    /// Removes every platform of `other`.
    pub fn remove_all(&mut self, other: PlatformSet) {
        self.0 &= !other.0;
    }

    /// Union.
    pub const fn union(self, other: PlatformSet) -> PlatformSet {
        PlatformSet(self.0 | other.0)
    }

    /// Intersection.
    pub const fn intersect(self, other: PlatformSet) -> PlatformSet {
        PlatformSet(self.0 & other.0)
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The platforms in the set, in [`Platform::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = Platform> {
        Platform::ALL.into_iter().filter(move |p| self.contains(*p))
    }

    /// Number of platforms in the set.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_are_unique() {
        for (i, p) in Platform::ALL.into_iter().enumerate() {
            assert_eq!(p.index(), i);
            assert_eq!(Platform::from_id(p.id()), Some(p));
        }
        let set = PlatformSet::of(&[Platform::Lambda, Platform::Batch]);
        assert_eq!(set.iter().collect::<Vec<_>>(), vec![Platform::Batch, Platform::Lambda]);
        assert_eq!(PlatformSet::ALL.len(), PLATFORM_COUNT);
    }
}
