//! AWS Batch: no fee of its own; it starts Fargate tasks, or EC2 instances that scale with the jobs
//! and down to zero when they need GPUs or privileged containers.

use super::context::{require, Cx, Res, Usage};
use super::{ec2, fargate, Sink};
use crate::params::Pricing;
use crate::platform::Platform;

/// The compute Batch starts for the jobs.
pub(super) fn batch<S: Sink>(cx: Cx, pricing: Pricing, s: &mut S) -> Res<Usage> {
    let i = cx.i;
    require(Platform::Batch, i)?;
    s.note(|| "AWS Batch adds no fee of its own: the bill is the compute it starts for the jobs.".into());
    if i.gpu || i.privileged {
        s.note(|| "GPU or privileged jobs need EC2 compute environments; they scale with the jobs and down to zero.".into());
        ec2::fleet(cx, pricing, ec2::Orch::Ecs { awsvpc: false }, ec2::Scale::FromZero, s)
    } else {
        fargate::tasks(cx, Platform::Batch, pricing, s)
    }
}
