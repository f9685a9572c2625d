//! The line items people forget, each tied to the input that switches it on: the load balancer, NAT
//! gateways, public IPv4 addresses, data transfer out and the deployment overhead of running two
//! revisions side by side. On your own servers none of them is an AWS charge.

use super::app_runner::APP_RUNNER_MIN_SIZE;
use super::context::{Cx, Res, Usage};
use crate::format::{price, qty};
use super::{CostInputs, DeployOverhead, LineId, Sink};
use crate::catalog::Rate;
use crate::params::Key;
use crate::platform::Platform;

/// Load Balancer Capacity Units used in an hour: the largest of the four dimensions an ALB is billed
/// on (ELB-LCU): 25 new connections per second, 3,000 active connections, 1 GB processed per hour for
/// EC2, container or IP targets (0.4 GB for Lambda targets), and 1,000 rule evaluations per second.
pub fn alb_lcus(new_connections_per_s: f64, active_connections: f64, gb_per_hour: f64, rule_evaluations_per_s: f64, lambda_targets: bool) -> f64 {
    let gb_per_lcu = if lambda_targets { 0.4 } else { 1.0 };
    (new_connections_per_s / 25.0)
        .max(active_connections / 3000.0)
        .max(gb_per_hour / gb_per_lcu)
        .max(rule_evaluations_per_s / 1000.0)
        .max(0.0)
}

/// Gigabytes a month the responses make (1 GB = 10^9 bytes, as in AWS's ALB example).
fn response_gb_per_hour(i: &CostInputs) -> f64 {
    i.rps * i.resp_kb * 3600.0 / 1e6
}

fn alb<S: Sink>(cx: Cx, p: Platform, toggle: Option<Key>, s: &mut S) -> Res<()> {
    let i = cx.i;
    let hour = cx.need(Rate::AlbHour)?;
    let lcu_rate = cx.need(Rate::AlbLcu)?;
    let per_conn = cx.need(Rate::AlbRequestsPerConnection)?.max(1.0);
    let conn_s = cx.need(Rate::AlbConnectionSeconds)?;
    let ip = cx.need(Rate::Ipv4Hour)?;
    let new_conn = i.rps / per_conn;
    let active = new_conn * conn_s;
    let gbh = response_gb_per_hour(i);
    let lambda = p == Platform::Lambda;
    let lcu = alb_lcus(new_conn, active, gbh, 0.0, lambda);
    s.line(LineId::AlbHours, toggle, i.hours * hour, &[Rate::AlbHour.into()], || {
        format!("1 load balancer × {} h × {} per ALB-hour", qty(i.hours), price(hour))
    });
    s.line(
        LineId::AlbLcu,
        toggle,
        lcu * i.hours * lcu_rate,
        &[Rate::AlbLcu.into(), Rate::AlbRequestsPerConnection.into(), Rate::AlbConnectionSeconds.into()],
        || {
            format!(
                "{} LCU (largest of: {} new connections/s ÷ 25, {} active connections ÷ 3,000, {} GB/h processed ÷ {}) × {} h × {} per LCU-hour",
                qty(lcu),
                qty(new_conn),
                qty(active),
                qty(gbh),
                if lambda { "0.4" } else { "1" },
                qty(i.hours),
                price(lcu_rate)
            )
        },
    );
    let azs = cx.azs();
    s.line(LineId::AlbIpv4, toggle, azs * i.hours * ip, &[Rate::Ipv4Hour.into()], || {
        format!("{} addresses (one per Availability Zone) × {} h × {} per address-hour", qty(azs), qty(i.hours), price(ip))
    });
    if toggle.is_none() {
        s.note(|| "Express Mode creates an Application Load Balancer for the service, so it is part of the cost whatever the ALB switch says.".into());
    }
    Ok(())
}

/// Data transfer out tiers in GB a month, after the free allowance: first 10 TB, next 40 TB, next
/// 100 TB, then the rest (1 TB = 1,024 GB as on AWS's price list).
const DTO_TIERS: [(f64, Rate); 4] = [
    (10.0 * 1024.0, Rate::DtoTier1),
    (40.0 * 1024.0, Rate::DtoTier2),
    (100.0 * 1024.0, Rate::DtoTier3),
    (f64::INFINITY, Rate::DtoTier4),
];

/// The line items an input switches on (and the load balancer Express Mode always has), priced from
/// what the platform's compute left in `usage`.
pub(super) fn extras<S: Sink>(cx: Cx, p: Platform, usage: Usage, deploy: DeployOverhead, s: &mut S) -> Res<()> {
    let i = cx.i;
    if let Usage::OnPremises = usage {
        if i.alb || i.nat || i.ipv4 || i.egress || (i.deploys > 0.0 && i.bake_min > 0.0) {
            s.note(|| "Load balancer, NAT, public IPv4, data transfer and deployment line items are not AWS charges on your own servers.".into());
        }
        return Ok(());
    }
    let hours = i.hours;

    // Load balancer.
    let takes_alb = matches!(p, Platform::EcsFargate | Platform::EcsEc2 | Platform::EksEc2 | Platform::EksFargate | Platform::Lambda);
    if p == Platform::EcsExpress {
        alb(cx, p, None, s)?;
    } else if i.alb && takes_alb {
        alb(cx, p, Some(Key::Alb), s)?;
    } else if i.alb {
        s.note(|| match p {
            Platform::AppRunner => "App Runner balances its own traffic: no ALB is added.".into(),
            _ => "Batch jobs serve no traffic: no ALB is added.".into(),
        });
    }

    // NAT gateways.
    if i.nat {
        let h = cx.need(Rate::NatHour)?;
        let g = cx.need(Rate::NatGb)?;
        let azs = cx.azs();
        s.line(LineId::NatHours, Some(Key::Nat), azs * hours * h, &[Rate::NatHour.into()], || {
            format!("{} gateways (one per Availability Zone) × {} h × {} per gateway-hour", qty(azs), qty(hours), price(h))
        });
        s.line(LineId::NatData, Some(Key::Nat), i.nat_gb * g, &[Rate::NatGb.into()], || {
            format!("{} GB × {} per GB processed", qty(i.nat_gb), price(g))
        });
        s.note(|| "Traffic that leaves AWS through a NAT gateway also pays data transfer out.".into());
    }

    // Public IPv4 on tasks or instances.
    if i.ipv4 {
        let count = match usage {
            Usage::Tasks { avg_tasks, .. } => Some((avg_tasks, "tasks running on average")),
            Usage::Instances { avg_instances, .. } => Some((avg_instances, "instances running on average")),
            Usage::AppRunner { .. } | Usage::Requests | Usage::OnPremises => None,
        };
        match count {
            Some((n, what)) => {
                let ip = cx.need(Rate::Ipv4Hour)?;
                s.line(LineId::Ipv4, Some(Key::Ipv4), n * hours * ip, &[Rate::Ipv4Hour.into()], || {
                    format!("{} {what} × {} h × {} per address-hour", qty(n), qty(hours), price(ip))
                });
            }
            None => s.note(|| format!("{} does not put public IPv4 addresses on your compute.", p.name())),
        }
    }

    // Data transfer out.
    if i.egress {
        let free = cx.need(Rate::DtoFreeGb)?;
        let gb = response_gb_per_hour(i) * hours;
        let mut left = (gb - free).max(0.0);
        let mut amount = 0.0;
        let mut parts: [Option<(f64, f64)>; 4] = [None; 4];
        for (k, (size, rate)) in DTO_TIERS.into_iter().enumerate() {
            if left <= 0.0 && k > 0 {
                break;
            }
            let v = cx.need(rate)?;
            let take = left.min(size);
            amount += take * v;
            parts[k] = Some((take, v));
            left -= take;
        }
        let n = parts.iter().filter(|x| x.is_some()).count();
        let rates_used = [Rate::DtoFreeGb.into(), Rate::DtoTier1.into(), Rate::DtoTier2.into(), Rate::DtoTier3.into(), Rate::DtoTier4.into()];
        s.line(LineId::Egress, Some(Key::Egress), amount, &rates_used[..=n], || {
            let billed: Vec<String> = parts.iter().flatten().map(|(t, v)| format!("{} GB × {}", qty(*t), price(*v))).collect();
            format!(
                "{} req/s × {} KB × 3,600 s × {} h = {} GB − {} GB free, billed {}",
                qty(i.rps),
                qty(i.resp_kb),
                qty(hours),
                qty(gb),
                qty(free),
                billed.join(" + ")
            )
        });
    }

    // Deployment overhead.
    if i.deploys > 0.0 && i.bake_min > 0.0 {
        let side_hours = (i.deploys * i.bake_min / 60.0).min(hours);
        let side_text = move || format!("{} deployments × {} min = {} h side by side", qty(i.deploys), qty(i.bake_min), qty(side_hours));
        match usage {
            _ if p == Platform::Batch => s.note(|| "Batch jobs are submitted, not deployed: no deployment overhead.".into()),
            Usage::AppRunner { avg_active, mem_gb, gb_rate, rate } => {
                let n = avg_active.max(APP_RUNNER_MIN_SIZE);
                s.line(LineId::Deploy, Some(Key::Deploys), side_hours * n * mem_gb * gb_rate, &[rate], || {
                    format!("{} × {} extra provisioned instance(s) × {} GB × {} per GB-hour", side_text(), qty(n), qty(mem_gb), price(gb_rate))
                });
                s.note(|| "App Runner doubles its provisioned instances during every deployment, whatever the pattern.".into());
            }
            Usage::Tasks { avg_tasks, task_hourly, rates } if deploy.doubles_capacity => {
                s.line(LineId::Deploy, Some(Key::Deploys), side_hours * avg_tasks * task_hourly, &rates, || {
                    format!("{} × {} second-revision tasks × {} per task-hour", side_text(), qty(avg_tasks), price(task_hourly))
                });
            }
            Usage::Instances { instance_hourly, tasks_per_instance, rate, .. } if deploy.doubles_capacity => {
                let extra = cx.avg_tasks() / tasks_per_instance;
                s.line(LineId::Deploy, Some(Key::Deploys), side_hours * extra * instance_hourly, &[rate], || {
                    format!(
                        "{} × {} instance(s) of room for the second revision ({} tasks ÷ {} per instance) × {} per instance-hour",
                        side_text(),
                        qty(extra),
                        qty(cx.avg_tasks()),
                        qty(tasks_per_instance),
                        price(instance_hourly)
                    )
                });
            }
            Usage::Requests => s.note(|| "Lambda shifts traffic between versions without running a second copy: no deployment overhead.".into()),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lcu_takes_the_largest_dimension() {
        assert!((alb_lcus(1.0, 120.0, 1.08, 250.0, false) - 1.08).abs() < 1e-12);
        assert!((alb_lcus(100.0, 0.0, 0.0, 0.0, false) - 4.0).abs() < 1e-12);
        assert!((alb_lcus(0.0, 0.0, 0.4, 0.0, true) - 1.0).abs() < 1e-12);
        assert_eq!(alb_lcus(0.0, 0.0, 0.0, 0.0, false), 0.0);
    }
}
