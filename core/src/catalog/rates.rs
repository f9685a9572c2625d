//! Every rate the cost model uses, as data, and the resolved view of one region.
//!
//! A rate has a stable text id (`fargate.vcpu.x86`, `ec2.ondemand.m5.large`, ...) because ids travel in
//! exported overrides and show up as provenance next to each line of a bill. Its values are
//! [`Quote`]s: one per region where a source gives one, each with its own grade, source and date. A
//! rate may have no quote at all for a region; the model then reports it missing instead of guessing.
//! Some rates exist with no quote anywhere (Windows EC2 prices, Windows Fargate Savings Plan rates):
//! their ids are still real so that a user can supply them as overrides.
//!
//! The model never looks rates up by text. [`Rates::resolve`] turns the catalog and the user's
//! [`Overrides`] into one flat array for one region, once per change of region or override, and the
//! model reads it by [`RateRef`] index thousands of times per slider move.

use std::borrow::Cow;

use super::ids::{INSTANCE_OPTS, REGION_OPTS};
use super::instances::{INSTANCES, INSTANCE_COUNT};
use super::overrides::Overrides;
use super::sources::Grade;

/// One sourced value of a rate in one region (or in every region).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quote {
    /// Region id from `REGION_OPTS`, or `"*"` when the source quotes one figure for every region.
    pub region: &'static str,
    /// The value, in the rate's unit.
    pub value: f64,
    /// How directly AWS backs it.
    pub grade: Grade,
    /// Source id from [`super::sources::SOURCES`].
    pub source: &'static str,
    /// When the value was read or last confirmed (`YYYY-MM-DD` or `YYYY-MM`).
    pub as_of: &'static str,
    /// How the value was derived, when it is not copied as is (empty otherwise).
    pub note: &'static str,
}

impl Quote {
    /// A quote with no derivation note.
    pub const fn new(region: &'static str, value: f64, grade: Grade, source: &'static str, as_of: &'static str) -> Quote {
        Quote { region, value, grade, source, as_of, note: "" }
    }

    /// The same quote with a derivation note.
    pub const fn with_note(self, note: &'static str) -> Quote {
        Quote { note, ..self }
    }

    /// Whether this quote applies to the region with id `region`.
    pub fn covers(&self, region: &str) -> bool {
        self.region == "*" || self.region == region
    }
}

/// What kind of number a rate is, which bounds what an override may set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// US dollars per unit: any finite value ≥ 0.
    Price,
    /// A share in percent: 0 to 100.
    Percent,
    /// A plain quantity (GB, requests, seconds): any finite value ≥ 0.
    Quantity,
}

macro_rules! scalar_rates {
    ($($variant:ident),+ $(,)?) => {
        /// Rates that are one number per region (instance prices are addressed through [`RateRef::ec2`]).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rate { $($variant),+ }

        impl Rate {
            /// Every scalar rate, in [`SCALAR_RATES`] order.
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

    fn prefix(self) -> &'static str {
        match self {
            InstanceRate::OnDemand => "ec2.ondemand.",
            InstanceRate::OnDemandWindows => "ec2.ondemand-windows.",
            InstanceRate::SpotSaving => "ec2.spot-saving.",
        }
    }
}

/// Total number of rates: the scalar ones plus one per instance type and [`InstanceRate`].
pub const RATE_COUNT: usize = SCALAR_COUNT + InstanceRate::ALL.len() * INSTANCE_COUNT;

/// The definition of a scalar rate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateDef {
    /// The rate, equal to this entry's position in [`SCALAR_RATES`].
    pub key: Rate,
    /// Stable text id, used in exported overrides.
    pub id: &'static str,
    /// Human label.
    pub label: &'static str,
    /// Unit of the value, in words (`USD per vCPU-hour`).
    pub unit: &'static str,
    /// What kind of number it is.
    pub kind: ValueKind,
    /// Sourced values by region.
    pub quotes: &'static [Quote],
}

const fn def(key: Rate, id: &'static str, label: &'static str, unit: &'static str, kind: ValueKind, quotes: &'static [Quote]) -> RateDef {
    RateDef { key, id, label, unit, kind, quotes }
}

const fn q(region: &'static str, value: f64, grade: Grade, source: &'static str, as_of: &'static str) -> Quote {
    Quote::new(region, value, grade, source, as_of)
}

/// A Fargate us-east-1 rate from the pricing page's per-second figure, kept hourly.
const fn fg_sec(per_second: f64) -> Quote {
    q("us-east-1", per_second * 3600.0, Grade::P, "FG-PAGE", "2026-09")
}

/// A Fargate on-demand rate from the Price List (FG-SEC, AmazonECS published 2026-09-11).
const fn fg_pl(region: &'static str, value: f64) -> Quote {
    q(region, value, Grade::PL, "FG-SEC", "2026-09-11")
}

/// A Fargate Compute Savings Plans rate (FG-SEC, AWSComputeSavingsPlan published 2026-09-25).
const fn fg_sp(value: f64) -> Quote {
    q("us-east-1", value, Grade::PL, "FG-SEC", "2026-09-25")
}

/// A Fargate Spot rate (FG-SEC, read from the Spot price feed on 2026-09-28; secondary only).
const fn fg_spot(region: &'static str, value: f64) -> Quote {
    q(region, value, Grade::S, "FG-SEC", "2026-09-28")
}

const fn assume(value: f64, note: &'static str) -> Quote {
    q("*", value, Grade::Assumption, "BERTH", "2026-11-22").with_note(note)
}

const PER_SECOND: &str = "AWS's per-second rate × 3600, so AWS's worked examples reproduce to the cent";

use Grade::{P, PL, S};
use Rate as R;
use ValueKind::{Percent, Price, Quantity};

/// Every scalar rate. Entry `i` has `key as usize == i`.
pub static SCALAR_RATES: &[RateDef] = &[
    // The Price List's hourly figures are $0.04048 (vCPU) and $0.004445 (GB); the page's per-second rates
    // give $0.0404784 and $0.004446. AWS's examples use the per-second rates, so us-east-1 does too.
    def(R::FargateVcpuX86, "fargate.vcpu.x86", "Fargate vCPU, Linux/x86", "USD per vCPU-hour", Price, &[
        fg_sec(0.000011244).with_note(PER_SECOND),
        fg_pl("eu-west-1", 0.04048),
        fg_pl("eu-central-1", 0.04656),
        fg_pl("eu-north-1", 0.0445),
        fg_pl("ap-south-1", 0.04256),
        fg_pl("ap-northeast-1", 0.05056),
        fg_pl("ap-southeast-1", 0.05056),
    ]),
    def(R::FargateGbX86, "fargate.gb.x86", "Fargate memory, Linux/x86", "USD per GB-hour", Price, &[
        fg_sec(0.000001235).with_note(PER_SECOND),
        fg_pl("eu-west-1", 0.004445),
        fg_pl("eu-central-1", 0.00511),
        fg_pl("eu-north-1", 0.0049),
        fg_pl("ap-south-1", 0.004655),
        fg_pl("ap-northeast-1", 0.00553),
        fg_pl("ap-southeast-1", 0.00553),
    ]),
    // Price List cross-check: $0.03238 per vCPU-hour and $0.00356 per GB-hour.
    def(R::FargateVcpuArm, "fargate.vcpu.arm", "Fargate vCPU, Linux/Arm", "USD per vCPU-hour", Price, &[
        fg_sec(0.0000089944).with_note(PER_SECOND),
        fg_pl("ap-south-1", 0.02383),
    ]),
    def(R::FargateGbArm, "fargate.gb.arm", "Fargate memory, Linux/Arm", "USD per GB-hour", Price, &[
        fg_sec(0.0000009889).with_note(PER_SECOND),
        fg_pl("ap-south-1", 0.00261),
    ]),
    // A secondary source reports much lower Windows Price List figures; the page's worked example is
    // AWS-published, so it wins here.
    def(R::FargateVcpuWindows, "fargate.vcpu.windows", "Fargate vCPU, Windows/x86", "USD per vCPU-hour", Price, &[
        fg_sec(0.0000254167).with_note(PER_SECOND),
    ]),
    def(R::FargateGbWindows, "fargate.gb.windows", "Fargate memory, Windows/x86", "USD per GB-hour", Price, &[
        fg_sec(0.0000027778).with_note(PER_SECOND),
    ]),
    def(R::FargateWindowsLicence, "fargate.licence.windows", "Fargate Windows OS licence", "USD per vCPU-hour", Price, &[
        fg_sec(0.0000127778).with_note(PER_SECOND),
    ]),
    // Price List cross-check: $0.000111 per GB-hour.
    def(R::FargateStorage, "fargate.storage", "Fargate ephemeral storage above 20 GB", "USD per GB-hour", Price, &[
        fg_sec(0.0000000308).with_note(PER_SECOND),
    ]),
    def(R::FargateSpotVcpuX86, "fargate.spot.vcpu.x86", "Fargate Spot vCPU, Linux/x86", "USD per vCPU-hour", Price, &[
        fg_spot("us-east-1", 0.01288871),
        fg_spot("eu-west-1", 0.01224056),
    ]),
    def(R::FargateSpotGbX86, "fargate.spot.gb.x86", "Fargate Spot memory, Linux/x86", "USD per GB-hour", Price, &[
        fg_spot("us-east-1", 0.00141527),
        fg_spot("eu-west-1", 0.0013441),
    ]),
    def(R::FargateSpotVcpuArm, "fargate.spot.vcpu.arm", "Fargate Spot vCPU, Linux/Arm", "USD per vCPU-hour", Price, &[
        fg_spot("us-east-1", 0.01030969),
    ]),
    def(R::FargateSpotGbArm, "fargate.spot.gb.arm", "Fargate Spot memory, Linux/Arm", "USD per GB-hour", Price, &[
        fg_spot("us-east-1", 0.00113349),
    ]),
    def(R::FargateSp1yVcpuX86, "fargate.sp1y.vcpu.x86", "Fargate vCPU, Compute Savings Plan 1 year no upfront, x86", "USD per vCPU-hour", Price, &[fg_sp(0.032384)]),
    def(R::FargateSp1yGbX86, "fargate.sp1y.gb.x86", "Fargate memory, Compute Savings Plan 1 year no upfront, x86", "USD per GB-hour", Price, &[fg_sp(0.003556)]),
    def(R::FargateSp1yVcpuArm, "fargate.sp1y.vcpu.arm", "Fargate vCPU, Compute Savings Plan 1 year no upfront, Arm", "USD per vCPU-hour", Price, &[fg_sp(0.0255)]),
    def(R::FargateSp1yGbArm, "fargate.sp1y.gb.arm", "Fargate memory, Compute Savings Plan 1 year no upfront, Arm", "USD per GB-hour", Price, &[fg_sp(0.0028)]),
    def(R::FargateSp1yVcpuWindows, "fargate.sp1y.vcpu.windows", "Fargate vCPU, Compute Savings Plan 1 year no upfront, Windows", "USD per vCPU-hour", Price, &[]),
    def(R::FargateSp1yGbWindows, "fargate.sp1y.gb.windows", "Fargate memory, Compute Savings Plan 1 year no upfront, Windows", "USD per GB-hour", Price, &[]),
    def(R::FargateSp3yVcpuX86, "fargate.sp3y.vcpu.x86", "Fargate vCPU, Compute Savings Plan 3 years no upfront, x86", "USD per vCPU-hour", Price, &[fg_sp(0.022264)]),
    def(R::FargateSp3yGbX86, "fargate.sp3y.gb.x86", "Fargate memory, Compute Savings Plan 3 years no upfront, x86", "USD per GB-hour", Price, &[fg_sp(0.00244475)]),
    def(R::FargateSp3yVcpuArm, "fargate.sp3y.vcpu.arm", "Fargate vCPU, Compute Savings Plan 3 years no upfront, Arm", "USD per vCPU-hour", Price, &[fg_sp(0.01749)]),
    def(R::FargateSp3yGbArm, "fargate.sp3y.gb.arm", "Fargate memory, Compute Savings Plan 3 years no upfront, Arm", "USD per GB-hour", Price, &[fg_sp(0.00192)]),
    def(R::FargateSp3yVcpuWindows, "fargate.sp3y.vcpu.windows", "Fargate vCPU, Compute Savings Plan 3 years no upfront, Windows", "USD per vCPU-hour", Price, &[]),
    def(R::FargateSp3yGbWindows, "fargate.sp3y.gb.windows", "Fargate memory, Compute Savings Plan 3 years no upfront, Windows", "USD per GB-hour", Price, &[]),
    def(R::Ec2Sp1yDiscount, "ec2.sp1y.discount", "EC2 Compute Savings Plan discount, 1 year no upfront", "percent off on-demand", Percent, &[
        assume(20.0, "No sourced per-instance Savings Plan rate: assumed equal to the Price List discount of Fargate's 1-year no-upfront Compute Savings Plan (FG-SEC). Enter your own."),
    ]),
    def(R::Ec2Sp3yDiscount, "ec2.sp3y.discount", "EC2 Compute Savings Plan discount, 3 years no upfront", "percent off on-demand", Percent, &[
        assume(45.0, "No sourced per-instance Savings Plan rate: assumed equal to the Price List discount of Fargate's 3-year no-upfront Compute Savings Plan (FG-SEC). Enter your own."),
    ]),
    def(R::EcsReservedMemory, "ecs.reserved-memory", "Memory an ECS container instance keeps from tasks", "percent of installed memory", Percent, &[
        assume(2.5, "Extrapolated from AWS's m4.large example (8192 MiB installed, 7985 MiB registered: 2.5 % less, ECS-MEM) to every instance size."),
    ]),
    def(R::EksClusterStandard, "eks.cluster.standard", "EKS control plane, standard support", "USD per cluster-hour", Price, &[
        q("*", 0.10, P, "EKS-Q", "2026-09-29").with_note("The pricing page quotes one figure with no region qualifier."),
    ]),
    def(R::EksClusterExtended, "eks.cluster.extended", "EKS control plane, extended support", "USD per cluster-hour", Price, &[
        q("*", 0.60, P, "EKS-Q", "2026-09-29").with_note("Standard $0.10 plus the $0.50 extended-support surcharge; one figure with no region qualifier."),
    ]),
    def(R::AppRunnerVcpu, "apprunner.vcpu", "App Runner active vCPU", "USD per vCPU-hour", Price, &[
        q("us-east-1", 0.064, P, "AR-PAGE", "2026-09"),
    ]),
    def(R::AppRunnerGb, "apprunner.gb", "App Runner memory (provisioned or active)", "USD per GB-hour", Price, &[
        q("us-east-1", 0.007, P, "AR-PAGE", "2026-09"),
        q("eu-west-1", 0.007, P, "AR-PAGE", "2026-09").with_note("The page lists Ireland with N. Virginia, Ohio and Oregon at this memory rate."),
        q("ap-northeast-1", 0.009, P, "AR-PAGE", "2026-09"),
        q("ap-southeast-1", 0.00885, PL, "AR-PL", "2024-01-01"),
    ]),
    def(R::LambdaRequests, "lambda.requests", "Lambda requests", "USD per million requests", Price, &[
        q("us-east-1", 0.20, P, "LAM-PAGE", "2026-09"),
    ]),
    def(R::LambdaGbsX86Tier1, "lambda.gbs.x86.tier1", "Lambda duration, x86, first 6 billion GB-seconds a month", "USD per GB-second", Price, &[
        q("us-east-1", 0.0000166667, P, "LAM-PAGE", "2026-09"),
    ]),
    def(R::LambdaGbsX86Tier2, "lambda.gbs.x86.tier2", "Lambda duration, x86, next 9 billion GB-seconds", "USD per GB-second", Price, &[
        q("us-east-1", 0.000015, PL, "LAM-TIER", "2026-09"),
    ]),
    def(R::LambdaGbsX86Tier3, "lambda.gbs.x86.tier3", "Lambda duration, x86, over 15 billion GB-seconds", "USD per GB-second", Price, &[
        q("us-east-1", 0.0000133334, PL, "LAM-TIER", "2026-09"),
    ]),
    def(R::LambdaGbsArmTier1, "lambda.gbs.arm.tier1", "Lambda duration, Arm, first 7.5 billion GB-seconds a month", "USD per GB-second", Price, &[
        q("us-east-1", 0.0000133334, P, "LAM-PAGE", "2026-09"),
    ]),
    def(R::LambdaGbsArmTier2, "lambda.gbs.arm.tier2", "Lambda duration, Arm, next 11.25 billion GB-seconds", "USD per GB-second", Price, &[
        q("us-east-1", 0.0000120001, PL, "LAM-TIER", "2026-09"),
    ]),
    def(R::LambdaGbsArmTier3, "lambda.gbs.arm.tier3", "Lambda duration, Arm, over 18.75 billion GB-seconds", "USD per GB-second", Price, &[
        q("us-east-1", 0.0000106667, PL, "LAM-TIER", "2026-09"),
    ]),
    def(R::LambdaFreeRequests, "lambda.free.requests", "Lambda free tier requests", "requests per month", Quantity, &[
        q("*", 1_000_000.0, P, "LAM-PAGE", "2026-09").with_note("The free tier is per account, not per region."),
    ]),
    def(R::LambdaFreeGbs, "lambda.free.gbs", "Lambda free tier duration", "GB-seconds per month", Quantity, &[
        q("*", 400_000.0, P, "LAM-PAGE", "2026-09").with_note("The free tier is per account, not per region."),
    ]),
    def(R::EcsAnywhereInstance, "ecsanywhere.instance", "ECS Anywhere managed instance", "USD per instance-hour", Price, &[
        q("us-east-1", 0.01025, P, "ECS-AE", "2026-09-20"),
    ]),
    def(R::EksAnywhereSub1y, "eksanywhere.subscription.1y", "EKS Anywhere Enterprise Subscription, 1-year term", "USD per cluster-year", Price, &[
        q("*", 24_000.0, S, "EKSA-SEC", "2026-11-22"),
    ]),
    def(R::EksAnywhereSub3y, "eksanywhere.subscription.3y", "EKS Anywhere Enterprise Subscription, 3-year term", "USD per cluster-year", Price, &[
        q("*", 18_000.0, S, "EKSA-SEC", "2026-11-22"),
    ]),
    def(R::AlbHour, "alb.hour", "Application Load Balancer", "USD per ALB-hour", Price, &[
        q("us-east-1", 0.0225, PL, "ELB-SEC", "2026-09"),
    ]),
    def(R::AlbLcu, "alb.lcu", "Application Load Balancer capacity unit", "USD per LCU-hour", Price, &[
        q("us-east-1", 0.008, PL, "ELB-SEC", "2026-09"),
    ]),
    def(R::AlbRequestsPerConnection, "alb.requests-per-connection", "Requests carried by one new client connection", "requests per connection", Quantity, &[
        assume(5.0, "The traffic inputs give requests, not connections. Assumed ratio taken from AWS's own ALB example (5 requests per second over 1 new connection per second)."),
    ]),
    def(R::AlbConnectionSeconds, "alb.connection-seconds", "How long a client connection stays open", "seconds", Quantity, &[
        assume(120.0, "Assumed lifetime taken from AWS's own ALB example (connections lasting 2 minutes)."),
    ]),
    def(R::NatHour, "nat.hour", "NAT gateway", "USD per NAT gateway-hour", Price, &[
        q("us-east-1", 0.045, P, "VPC-AE", "2026-09-20"),
    ]),
    def(R::NatGb, "nat.gb", "NAT gateway data processed", "USD per GB", Price, &[
        q("us-east-1", 0.045, P, "VPC-AE", "2026-09-20"),
    ]),
    def(R::Ipv4Hour, "ipv4.hour", "Public IPv4 address", "USD per address-hour", Price, &[
        q("*", 0.005, P, "IPV4", "2026-09").with_note("Announced as one charge for all public IPv4 addresses, with no regional price list."),
    ]),
    def(R::DtoFreeGb, "dto.free-gb", "Free data transfer out to the internet", "GB per month", Quantity, &[
        q("*", 100.0, P, "DTO", "2026-09").with_note("Aggregated across services and regions; set 0 if other workloads use it up."),
    ]),
    def(R::DtoTier1, "dto.tier1", "Data transfer out, first 10 TB a month", "USD per GB", Price, &[
        q("us-east-1", 0.09, P, "DTO", "2026-09"),
    ]),
    def(R::DtoTier2, "dto.tier2", "Data transfer out, next 40 TB a month", "USD per GB", Price, &[
        q("us-east-1", 0.085, P, "DTO-TIER", "2026-09"),
    ]),
    def(R::DtoTier3, "dto.tier3", "Data transfer out, next 100 TB a month", "USD per GB", Price, &[
        q("us-east-1", 0.07, P, "DTO-TIER", "2026-09"),
    ]),
    def(R::DtoTier4, "dto.tier4", "Data transfer out, over 150 TB a month", "USD per GB", Price, &[
        q("us-east-1", 0.05, P, "DTO-TIER", "2026-09"),
    ]),
];

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

    /// The stable text id.
    pub fn id(self) -> Cow<'static, str> {
        match self.kind() {
            RateKind::Scalar(r) => Cow::Borrowed(SCALAR_RATES[r as usize].id),
            RateKind::Instance(k, i) => Cow::Owned(format!("{}{}", k.prefix(), INSTANCE_OPTS[i].id)),
        }
    }

    /// Looks a rate up by its text id.
    pub fn from_id(id: &str) -> Option<RateRef> {
        if let Some(d) = SCALAR_RATES.iter().find(|d| d.id == id) {
            return Some(RateRef::scalar(d.key));
        }
        InstanceRate::ALL.iter().find_map(|&k| {
            let rest = id.strip_prefix(k.prefix())?;
            let i = INSTANCE_OPTS.iter().position(|o| o.id == rest)?;
            Some(RateRef::ec2(k, i))
        })
    }

    /// Human label.
    pub fn label(self) -> Cow<'static, str> {
        match self.kind() {
            RateKind::Scalar(r) => Cow::Borrowed(SCALAR_RATES[r as usize].label),
            RateKind::Instance(k, i) => {
                let name = INSTANCE_OPTS[i].id;
                Cow::Owned(match k {
                    InstanceRate::OnDemand => format!("EC2 {name}, Linux on-demand"),
                    InstanceRate::OnDemandWindows => format!("EC2 {name}, Windows on-demand"),
                    InstanceRate::SpotSaving => format!("EC2 {name}, Spot saving"),
                })
            }
        }
    }

    /// Unit of the value, in words.
    pub fn unit(self) -> &'static str {
        match self.kind() {
            RateKind::Scalar(r) => SCALAR_RATES[r as usize].unit,
            RateKind::Instance(InstanceRate::SpotSaving, _) => "percent off on-demand",
            RateKind::Instance(..) => "USD per instance-hour",
        }
    }

    /// What kind of number the rate is.
    pub fn value_kind(self) -> ValueKind {
        match self.kind() {
            RateKind::Scalar(r) => SCALAR_RATES[r as usize].kind,
            RateKind::Instance(InstanceRate::SpotSaving, _) => ValueKind::Percent,
            RateKind::Instance(..) => ValueKind::Price,
        }
    }

    /// Every sourced value of the rate.
    pub fn quotes(self) -> &'static [Quote] {
        match self.kind() {
            RateKind::Scalar(r) => SCALAR_RATES[r as usize].quotes,
            RateKind::Instance(InstanceRate::OnDemand, i) => INSTANCES[i].on_demand,
            RateKind::Instance(InstanceRate::OnDemandWindows, _) => &[],
            RateKind::Instance(InstanceRate::SpotSaving, i) => INSTANCES[i].spot_saving,
        }
    }

    /// The quote that applies in region `region` (an index into `REGION_OPTS`), if the catalog has one.
    pub fn quote(self, region: usize) -> Option<&'static Quote> {
        let id = REGION_OPTS.get(region)?.id;
        let qs = self.quotes();
        qs.iter().find(|q| q.region == id).or_else(|| qs.iter().find(|q| q.region == "*"))
    }

    /// Whether `v` is an acceptable value for this rate.
    pub fn accepts(self, v: f64) -> bool {
        let max = match self.value_kind() {
            ValueKind::Percent => 100.0,
            ValueKind::Price => super::overrides::MAX_PRICE,
            ValueKind::Quantity => super::overrides::MAX_QUANTITY,
        };
        v.is_finite() && (0.0..=max).contains(&v)
    }
}

/// Where a resolved value came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Origin {
    /// The catalog's quote.
    Catalog(&'static Quote),
    /// A user override.
    Override,
}

/// The rates of one region with the user's overrides applied: what the cost model reads.
#[derive(Debug, Clone, PartialEq)]
pub struct Rates {
    region: usize,
    vals: [f64; RATE_COUNT],
    have: [bool; RATE_COUNT],
    overridden: [bool; RATE_COUNT],
}

impl Rates {
    /// Resolves every rate for region `region` (index into `REGION_OPTS`, clamped), overrides first.
    pub fn resolve(region: usize, overrides: &Overrides) -> Rates {
        let region = region.min(REGION_OPTS.len() - 1);
        let mut r = Rates { region, vals: [0.0; RATE_COUNT], have: [false; RATE_COUNT], overridden: [false; RATE_COUNT] };
        for rate in RateRef::all() {
            let i = rate.index();
            if let Some(v) = overrides.value_for(rate, region) {
                r.vals[i] = v;
                r.have[i] = true;
                r.overridden[i] = true;
            } else if let Some(q) = rate.quote(region) {
                r.vals[i] = q.value;
                r.have[i] = true;
            }
        }
        r
    }

    /// The catalog's rates for `region` with no override.
    pub fn catalog(region: usize) -> Rates {
        Rates::resolve(region, &Overrides::default())
    }

    /// Index of the region these rates are for.
    pub fn region(&self) -> usize {
        self.region
    }

    /// The value of a rate, if the catalog or an override gives one for this region.
    #[inline]
    pub fn get(&self, rate: impl Into<RateRef>) -> Option<f64> {
        let i = rate.into().index();
        self.have[i].then_some(self.vals[i])
    }

    /// Whether the user overrode this rate.
    pub fn is_overridden(&self, rate: impl Into<RateRef>) -> bool {
        self.overridden[rate.into().index()]
    }

    /// Where the value of a rate came from (`None` when there is no value).
    pub fn origin(&self, rate: impl Into<RateRef>) -> Option<Origin> {
        let rate = rate.into();
        let i = rate.index();
        if !self.have[i] {
            None
        } else if self.overridden[i] {
            Some(Origin::Override)
        } else {
            rate.quote(self.region).map(Origin::Catalog)
        }
    }

    /// Every overridden rate.
    pub fn overridden(&self) -> impl Iterator<Item = RateRef> + '_ {
        RateRef::all().filter(|r| self.overridden[r.index()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::sources::source;

    #[test]
    fn table_order_matches_keys() {
        assert_eq!(SCALAR_RATES.len(), SCALAR_COUNT);
        for (i, d) in SCALAR_RATES.iter().enumerate() {
            assert_eq!(d.key as usize, i, "{} is out of place", d.id);
        }
    }

    #[test]
    fn ids_are_unique_and_round_trip() {
        let ids: Vec<String> = RateRef::all().map(|r| r.id().into_owned()).collect();
        for (i, a) in ids.iter().enumerate() {
            assert!(ids[i + 1..].iter().all(|b| b != a), "duplicate id {a}");
            assert!(a.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b)), "{a}");
            assert_eq!(RateRef::from_id(a), RateRef::from_index(i));
        }
        assert_eq!(RateRef::from_id("nope"), None);
        assert_eq!(RateRef::from_id("ec2.ondemand.m9.huge"), None);
        assert_eq!(RateRef::ec2(InstanceRate::OnDemand, 2).id(), "ec2.ondemand.m5.large");
    }

    #[test]
    fn every_quote_is_well_formed() {
        for r in RateRef::all() {
            for q in r.quotes() {
                assert!(q.region == "*" || REGION_OPTS.iter().any(|o| o.id == q.region), "{}: {}", r.id(), q.region);
                assert!(r.accepts(q.value), "{}: {}", r.id(), q.value);
                assert!(source(q.source).is_some(), "{}: {}", r.id(), q.source);
                assert!(q.as_of.len() == 7 || q.as_of.len() == 10, "{}", r.id());
                assert_eq!(q.grade == Grade::Assumption, q.source == "BERTH", "{}", r.id());
                if q.grade == Grade::Assumption {
                    assert!(!q.note.is_empty(), "assumption without a note: {}", r.id());
                }
            }
            let regions: Vec<_> = r.quotes().iter().map(|q| q.region).collect();
            for (i, a) in regions.iter().enumerate() {
                assert!(!regions[i + 1..].contains(a), "{} quotes {a} twice", r.id());
            }
        }
    }

    #[test]
    fn per_second_fargate_rates_match_the_price_list_within_a_hundredth_of_a_cent() {
        let r = Rates::catalog(0);
        let near = |a: f64, b: f64| (a - b).abs() < 0.00001;
        assert!(near(r.get(Rate::FargateVcpuX86).unwrap(), 0.04048));
        assert!(near(r.get(Rate::FargateGbX86).unwrap(), 0.004445));
        assert!(near(r.get(Rate::FargateVcpuArm).unwrap(), 0.03238));
        assert!(near(r.get(Rate::FargateGbArm).unwrap(), 0.00356));
        assert!(near(r.get(Rate::FargateStorage).unwrap(), 0.000111));
        assert!(near(r.get(Rate::FargateWindowsLicence).unwrap(), 0.046));
    }

    #[test]
    fn us_east_1_has_a_value_for_every_rate_with_any_quote() {
        let r = Rates::catalog(0);
        for rate in RateRef::all() {
            if !rate.quotes().is_empty() {
                assert!(r.get(rate).is_some(), "{}", rate.id());
                assert!(matches!(r.origin(rate), Some(Origin::Catalog(_))));
            }
        }
        assert_eq!(r.get(RateRef::ec2(InstanceRate::OnDemand, 2)), Some(0.096));
        assert_eq!(r.get(RateRef::ec2(InstanceRate::OnDemandWindows, 2)), None);
    }

    #[test]
    fn other_regions_only_have_what_is_sourced() {
        let eu = Rates::catalog(1);
        assert_eq!(eu.region(), 1);
        assert_eq!(eu.get(Rate::FargateVcpuX86), Some(0.04048));
        assert_eq!(eu.get(Rate::AlbHour), None);
        assert_eq!(eu.get(Rate::EksClusterStandard), Some(0.10));
        assert_eq!(eu.get(RateRef::ec2(InstanceRate::OnDemand, 2)), None);
        assert_eq!(eu.get(RateRef::ec2(InstanceRate::SpotSaving, 2)), Some(57.0));
        assert_eq!(Rates::catalog(99).region(), REGION_OPTS.len() - 1);
    }

    #[test]
    fn percent_rates_reject_values_over_100() {
        assert!(RateRef::from(Rate::Ec2Sp1yDiscount).accepts(100.0));
        assert!(!RateRef::from(Rate::Ec2Sp1yDiscount).accepts(100.5));
        assert!(RateRef::from(Rate::AlbHour).accepts(250.0));
        assert!(!RateRef::from(Rate::AlbHour).accepts(-0.01));
        assert!(!RateRef::from(Rate::AlbHour).accepts(f64::NAN));
        assert!(!RateRef::from(Rate::AlbHour).accepts(f64::INFINITY));
        assert!(!RateRef::from(Rate::AlbHour).accepts(1e308));
    }
}
