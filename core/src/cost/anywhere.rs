//! ECS Anywhere and EKS Anywhere: containers on your own servers, where AWS bills only a fee per
//! server or an optional subscription per cluster.

use super::context::{require, Cx, Res, Usage};
use super::ec2::fits;
use crate::format::{price, qty};
use super::{LineId, Sink};
use crate::catalog::instances::instance;
use crate::catalog::Rate;
use crate::params::Pricing;
use crate::platform::Platform;

/// ECS Anywhere: a fee per registered server, the servers estimated by packing the tasks.
pub(super) fn ecs<S: Sink>(cx: Cx, pricing: Pricing, s: &mut S) -> Res<Usage> {
    require(Platform::EcsAnywhere, cx.i)?;
    let i = cx.i;
    let idx = i.instance;
    let inst = instance(idx);
    let per = fits(inst.vcpu, i.cpu).min(fits(inst.mem_gib, i.mem)).max(1);
    let servers = (i.tasks / f64::from(per) - 1e-9).ceil().max(1.0);
    let v = cx.need(Rate::EcsAnywhereInstance)?;
    if pricing != Pricing::OnDemand {
        s.pricing(Pricing::OnDemand);
        s.note(|| "The ECS Anywhere fee has no Spot or Savings Plan price.".into());
    }
    s.line(LineId::AnywhereFee, None, servers * i.hours * v, &[Rate::EcsAnywhereInstance.into()], || {
        format!("{} server(s) × {} h × {} per managed instance-hour", qty(servers), qty(i.hours), price(v))
    });
    s.note(move || {
        format!(
            "Server count estimated by packing the tasks onto servers the size of a {} ({} per server); registered servers pay the fee whether busy or idle.",
            inst.id, per
        )
    });
    s.note(|| "Your own hardware, power, network and operations are not included.".into());
    Ok(Usage::OnPremises)
}

/// EKS Anywhere: the optional Enterprise Subscription per cluster.
pub(super) fn eks<S: Sink>(cx: Cx, pricing: Pricing, s: &mut S) -> Res<Usage> {
    require(Platform::EksAnywhere, cx.i)?;
    let i = cx.i;
    let rate = if pricing == Pricing::Savings3y { Rate::EksAnywhereSub3y } else { Rate::EksAnywhereSub1y };
    let v = cx.need(rate)?;
    if pricing == Pricing::Spot {
        s.pricing(Pricing::OnDemand);
        s.note(|| "EKS Anywhere has no Spot price.".into());
    }
    s.note(|| "The subscription term follows the pricing model: 3 years with the 3-year Savings Plan choice, 1 year otherwise.".into());
    s.line(LineId::EksAnywhereSubscription, None, i.clusters * v / 12.0, &[rate.into()], || {
        let term = if rate == Rate::EksAnywhereSub3y { "3-year" } else { "1-year" };
        format!("{} cluster(s) × {} per cluster-year ({term} term) ÷ 12 months", qty(i.clusters), price(v))
    });
    s.note(|| "EKS Anywhere itself is open source and free; the Enterprise Subscription is optional and buys AWS support. Set its rate to 0 to leave it out.".into());
    s.note(|| "There is no control-plane fee: you run the control plane on your own servers. Your hardware, power, network and operations are not included.".into());
    Ok(Usage::OnPremises)
}
