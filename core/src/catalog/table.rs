//! The rate table: every scalar rate's text id, label, unit, kind and sourced quotes by region, and
//! what a [`RateRef`] means in words (its id, label, unit and quotes, per-instance rates included).
//!
//! A rate has a stable text id (`fargate.vcpu.x86`, `ec2.ondemand.m5.large`, ...) because ids travel in
//! exported overrides and show up as provenance next to each line of a bill. Its values are
//! [`Quote`]s: one per region where a source gives one, each with its own grade, source and date. A
//! rate may have no quote at all for a region; the model then reports it missing instead of guessing.
//! Some rates exist with no quote anywhere (Windows EC2 prices, Windows Fargate Savings Plan rates):
//! their ids are still real so that a user can supply them as overrides.

use std::borrow::Cow;

use super::ids::{INSTANCE_OPTS, REGION_OPTS};
use super::instances::INSTANCES;
use super::rate_ids::{InstanceRate, Rate, RateKind, RateRef};
use super::sources::Grade;
use super::types::{Quote, ValueKind};

/// When this catalog was compiled (`YYYY-MM-DD`). Each value also carries the date its source was read,
/// which can be earlier.
pub const CATALOG_AS_OF: &str = "2026-11-22";

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

impl RateRef {
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
        self.value_kind().check(v).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::sources::source;
    use crate::catalog::rate_ids::SCALAR_COUNT;

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
