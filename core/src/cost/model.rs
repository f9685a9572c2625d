//! The cost of each platform, written once against a [`Sink`]: one match arm per platform, each
//! calling that platform's own file, then the line items.
//!
//! Every function below takes sanitized inputs and resolved rates and reports lines to the sink.
//! Wording is built inside closures that the totals sink never calls, so the hot path does arithmetic
//! only. The costs are continuous and piecewise linear in utilization and request rate (the chart
//! module relies on it to find crossovers exactly), and step only with the task count where another
//! instance is needed.
//!
//! Utilization follows the definition: the peak task count runs for `util` % of the month and
//! nothing runs otherwise. Usage-billed capacity (Fargate, App Runner's active instances, an EC2 fleet
//! that follows demand) therefore averages `util` % of the peak, on top of whatever floor it keeps.
//!
//! Adding a platform: its variant and [`crate::platform::Caps`] in `platform.rs`, its own file here
//! (starting with `require`), and one arm below.

use super::context::{Cx, Res, Usage};
use crate::format::qty;
use super::{anywhere, app_runner, batch, ec2, eks, fargate, lambda, lines, CostInputs, DeployOverhead, Sink};
use crate::catalog::Rates;
use crate::params::Pricing;
use crate::platform::Platform;

pub(crate) fn run<S: Sink>(p: Platform, pricing: Pricing, i: &CostInputs, r: &Rates, deploy: DeployOverhead, s: &mut S) -> Res<()> {
    let cx = Cx { i, r };
    s.pricing(pricing);
    let usage = match p {
        Platform::EcsFargate => fargate::ecs(cx, pricing, s)?,
        Platform::EcsExpress => app_runner::express(cx, pricing, s)?,
        Platform::EksFargate => eks::on_fargate(cx, pricing, s)?,
        Platform::EcsEc2 => ec2::ecs(cx, pricing, s)?,
        Platform::EksEc2 => eks::on_ec2(cx, pricing, s)?,
        Platform::Batch => batch::batch(cx, pricing, s)?,
        Platform::AppRunner => app_runner::app_runner(cx, pricing, s)?,
        Platform::Lambda => lambda::lambda(cx, pricing, s)?,
        Platform::EcsAnywhere => anywhere::ecs(cx, pricing, s)?,
        Platform::EksAnywhere => anywhere::eks(cx, pricing, s)?,
    };
    if i.traffic && matches!(usage, Usage::Tasks { .. } | Usage::Instances { .. }) {
        s.note(|| {
            format!(
                "Capacity follows traffic: {} req/s at {} req/s per task and {}% utilization needs a peak of {} task(s).",
                qty(i.rps),
                qty(i.rps_per_task),
                qty(i.util),
                qty(i.tasks)
            )
        });
    }
    lines::extras(cx, p, usage, deploy, s)
}
