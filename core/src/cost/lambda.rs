//! AWS Lambda with container images: requests and tiered GB-seconds, with the free tier.

use super::context::{require, Cx, Res, Usage};
use crate::format::{price, qty};
use super::{LineId, NotCosted, NotViable, Sink};
use crate::catalog::Rate;
use crate::params::{Arch, Pricing};
use crate::platform::Platform;

/// Lambda's duration tiers: (GB-seconds in the tier, rate), in order; the last tier is open-ended
/// (LAM-TIER, PL). x86: 6 billion, then 9 billion; Arm: 7.5 billion, then 11.25 billion.
fn lambda_tiers(arch: Arch) -> [(f64, Rate); 3] {
    match arch {
        Arch::X86 => [(6e9, Rate::LambdaGbsX86Tier1), (9e9, Rate::LambdaGbsX86Tier2), (f64::INFINITY, Rate::LambdaGbsX86Tier3)],
        Arch::Arm => [(7.5e9, Rate::LambdaGbsArmTier1), (11.25e9, Rate::LambdaGbsArmTier2), (f64::INFINITY, Rate::LambdaGbsArmTier3)],
    }
}

/// Lambda: requests and GB-seconds, after the free tier when it is on. A job longer than an
/// invocation may run is not viable.
pub(super) fn lambda<S: Sink>(cx: Cx, pricing: Pricing, s: &mut S) -> Res<Usage> {
    let i = cx.i;
    if i.job_minutes > 15.0 {
        return Err(NotCosted::NotViable(NotViable::JobTooLongForLambda { minutes: i.job_minutes }));
    }
    require(Platform::Lambda, i)?;
    match pricing {
        Pricing::OnDemand => {}
        Pricing::Spot => {
            s.note(|| "Lambda has no Spot pricing: costed on-demand.".into());
            s.pricing(Pricing::OnDemand);
        }
        Pricing::Savings1y | Pricing::Savings3y => {
            s.note(|| "Compute Savings Plans can cover Lambda duration, but no sourced rate is in the catalog: costed on-demand.".into());
            s.pricing(Pricing::OnDemand);
        }
    }
    let requests = i.rps * 3600.0 * i.hours;
    let gb = i.lambda_mb / 1024.0;
    let gbs = requests * (i.req_ms / 1000.0) * gb;
    let (free_req, free_gbs) = if i.free_tier {
        (cx.need(Rate::LambdaFreeRequests)?, cx.need(Rate::LambdaFreeGbs)?)
    } else {
        (0.0, 0.0)
    };
    let bill_req = (requests - free_req).max(0.0);
    let bill_gbs = (gbs - free_gbs).max(0.0);

    let rr = cx.need(Rate::LambdaRequests)?;
    s.line(LineId::LambdaRequests, None, bill_req / 1e6 * rr, &[Rate::LambdaRequests.into()], || {
        let mut t = format!("{} req/s × 3,600 s × {} h = {} requests", qty(i.rps), qty(i.hours), qty(requests));
        if i.free_tier {
            t.push_str(&format!(" − {} free = {}", qty(free_req), qty(bill_req)));
        }
        t.push_str(&format!(" × {} per million", price(rr)));
        t
    });

    let tiers = lambda_tiers(i.arch);
    let mut left = bill_gbs;
    let mut amount = 0.0;
    let mut used: [Option<(f64, Rate, f64)>; 3] = [None; 3];
    for (k, (size, rate)) in tiers.into_iter().enumerate() {
        if left <= 0.0 && k > 0 {
            break;
        }
        let v = cx.need(rate)?;
        let take = left.min(size);
        amount += take * v;
        used[k] = Some((take, rate, v));
        left -= take;
    }
    let rates_used = [tiers[0].1.into(), tiers[1].1.into(), tiers[2].1.into()];
    let n = used.iter().filter(|x| x.is_some()).count().max(1);
    s.line(LineId::LambdaDuration, None, amount, &rates_used[..n], || {
        let mut t = format!(
            "{} requests × {} ms × {} MB ÷ 1,024 = {} GB-seconds",
            qty(requests),
            qty(i.req_ms),
            qty(i.lambda_mb),
            qty(gbs)
        );
        if i.free_tier {
            t.push_str(&format!(" − {} free = {}", qty(free_gbs), qty(bill_gbs)));
        }
        let parts: Vec<String> = used.iter().flatten().map(|(take, _, v)| format!("{} × {}", qty(*take), price(*v))).collect();
        t.push_str(&format!(", billed {} per GB-second", parts.join(" + ")));
        t
    });
    if i.free_tier {
        s.note(|| "The free tier (1 million requests and 400,000 GB-seconds a month) is per account: other functions share it.".into());
    }
    Ok(Usage::Requests)
}
