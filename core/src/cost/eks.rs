//! Amazon EKS: the control plane every cluster pays for, on top of its nodes (EC2) or pods (Fargate).

use super::context::{require, Cx, Res, Usage};
use crate::format::{price, qty};
use super::{ec2, fargate, LineId, Sink};
use crate::catalog::Rate;
use crate::params::{EksSupport, Pricing};
use crate::platform::Platform;

/// EKS on EC2 nodes: the node fleet, then the control plane.
pub(super) fn on_ec2<S: Sink>(cx: Cx, pricing: Pricing, s: &mut S) -> Res<Usage> {
    let u = ec2::fleet(cx, pricing, ec2::Orch::Eks, ec2::Scale::of(cx.i), s)?;
    control_plane(cx, s)?;
    Ok(u)
}

/// EKS with Fargate profiles: the pods on Fargate, then the control plane.
pub(super) fn on_fargate<S: Sink>(cx: Cx, pricing: Pricing, s: &mut S) -> Res<Usage> {
    require(Platform::EksFargate, cx.i)?;
    let u = fargate::tasks(cx, Platform::EksFargate, pricing, s)?;
    control_plane(cx, s)?;
    Ok(u)
}

fn control_plane<S: Sink>(cx: Cx, s: &mut S) -> Res<()> {
    let i = cx.i;
    let rate = match i.eks_support {
        EksSupport::Standard => Rate::EksClusterStandard,
        EksSupport::Extended => Rate::EksClusterExtended,
    };
    let v = cx.need(rate)?;
    s.line(LineId::ControlPlane, None, i.clusters * i.hours * v, &[rate.into()], || {
        let tier = if i.eks_support == EksSupport::Standard { "standard" } else { "extended" };
        format!("{} cluster(s) × {} h × {} per cluster-hour ({tier} support)", qty(i.clusters), qty(i.hours), price(v))
    });
    Ok(())
}
