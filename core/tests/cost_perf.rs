//! Speed of the cost model: `totals` runs thousands of times per slider move.
//!
//! Timing assertions only bind in optimized builds (`cargo test --release`), where the budgets apply
//! (under 1 µs per call; under 100 µs for every platform plus the three chart sweeps); a debug build
//! only checks that the measurement runs and prints it.

use std::hint::black_box;
use std::time::Instant;

use berth_core::catalog::Rates;
use berth_core::chart::{sample, trace};
use berth_core::cost::{totals, CostInputs, DeployOverhead};
use berth_core::params::Pricing;
use berth_core::platform::Platform;

fn busy_inputs() -> CostInputs {
    CostInputs { alb: true, nat: true, ipv4: true, egress: true, deploys: 20.0, ..CostInputs::default() }
}

/// One full refresh as the page does it: every platform once, then the three charts, traced and
/// sampled by the chart module itself (utilization 0-100 % and traffic 0-1,000 req/s traced exactly,
/// the task axis sampled at every whole count from 1 to 20, the default chart range). Returns the
/// number of chart points kept.
fn full_refresh(inp: &CostInputs, rates: &Rates) -> usize {
    let d = DeployOverhead::SIDE_BY_SIDE;
    let mut evals = 0;
    for p in Platform::ALL {
        let cost = |i: CostInputs| totals(p, Pricing::OnDemand, &i, rates, d).map_or(f64::NAN, |t| t.monthly);
        black_box(cost(*inp));
        let util = trace(|x| cost(inp.with_util(x)), 0.0, 100.0);
        let tasks = sample(|n| cost(inp.with_tasks(f64::from(n))), 1, 20);
        let rps = trace(|x| cost(inp.with_rps(x)), 0.0, 1000.0);
        evals += 1 + util.len() + tasks.len() + rps.len();
        black_box((util, tasks, rps));
    }
    evals
}

#[test]
fn totals_is_fast() {
    let rates = Rates::catalog(0);
    let inp = busy_inputs();
    let calls = 200_000u32;
    let start = Instant::now();
    let mut acc = 0.0;
    for k in 0..calls {
        let p = Platform::ALL[(k % 10) as usize];
        let i = black_box(inp).with_util(f64::from(k % 101));
        acc += totals(p, Pricing::OnDemand, &i, black_box(&rates), DeployOverhead::SIDE_BY_SIDE).map_or(0.0, |t| t.monthly);
    }
    let per_call = start.elapsed().as_nanos() as f64 / f64::from(calls);
    black_box(acc);
    println!("totals(): {per_call:.0} ns per call");
    if !cfg!(debug_assertions) {
        assert!(per_call < 1000.0, "{per_call} ns per call");
    }
}

#[test]
fn a_full_refresh_fits_the_budget() {
    let rates = Rates::catalog(0);
    let inp = busy_inputs();
    // Warm up, then take the best of several runs to keep scheduler noise out.
    let points = full_refresh(&inp, &rates);
    let best = (0..50)
        .map(|_| {
            let start = Instant::now();
            black_box(full_refresh(black_box(&inp), &rates));
            start.elapsed().as_micros()
        })
        .min()
        .unwrap_or(0);
    println!("all platforms and three sweeps ({points} chart points): {best} µs");
    if !cfg!(debug_assertions) {
        assert!(best < 100, "{best} µs");
    }
}
