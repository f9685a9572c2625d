//! Native timing of one full evaluation, for `./dev bench` (issue 5): the decision, every
//! platform's cost, and the three crossover sweeps (utilization, tasks, traffic), as the page does
//! them on a slider move. Prints JSON: medians in microseconds over many runs, and the cost of one
//! `totals` call in nanoseconds (the charts call it thousands of times per slider move).
//!
//! `cargo run --release -q -p berth-core --example bench_eval -- [query] [runs]`

use std::hint::black_box;
use std::time::Instant;

use berth_core::catalog::Rates;
use berth_core::chart::{pair_crossings, Axis, Series};
use berth_core::cost::{totals, CostInputs, DeployOverhead};
use berth_core::decision::{decide, Facts, Status};
use berth_core::model::Model;
use berth_core::params::{Key, Pricing};
use berth_core::platform::Platform;
use berth_core::view::{charts, costs, explanation, page, sweep};

fn median_us(runs: usize, mut f: impl FnMut()) -> f64 {
    for _ in 0..runs.min(50) {
        f();
    }
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t[t.len() / 2]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let q = args.next().unwrap_or_else(|| "steady=1&alb=1&nat=1".into());
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(2000);
    let m = Model::from_query(&q);
    let facts = Facts::from_state(&m.state);

    // The evaluation proper: numbers only (the view model's words, bills and SVG geometry are
    // measured separately below as "view_model_us").
    let evaluation = median_us(runs, || {
        let d = decide(black_box(&facts));
        let base = CostInputs::from_state(&m.state);
        let rates = Rates::resolve(m.state.choice(Key::Region), &m.overrides);
        let pricing = m.state.pricing();
        let priced: Vec<(Platform, CostInputs, _)> = Platform::ALL
            .into_iter()
            .filter_map(|p| {
                let (inp, deploy, _) = costs::inputs_for(p, &base, &d, &rates);
                totals(p, pricing, &inp, &rates, deploy).ok()?;
                Some((p, inp, deploy))
            })
            .collect();
        for axis in Axis::ALL {
            let (lo, hi) = charts::domain(axis, &m.state);
            let series: Vec<Series> = priced
                .iter()
                .filter(|(p, _, _)| d.status(*p) != Status::RuledOut)
                .map(|&(p, inp, deploy)| sweep::series(p.id().into(), String::new(), p, pricing, &inp, &rates, deploy, axis, (lo, hi)))
                .collect();
            black_box(pair_crossings(axis, &series));
        }
    });
    let decision = median_us(runs, || {
        black_box(decide(black_box(&facts)));
    });
    let d = decide(&facts);
    let cost = median_us(runs, || {
        black_box(costs::costs(&m.state, &d, &m.overrides));
    });
    let c = costs::costs(&m.state, &d, &m.overrides);
    let sweeps: Vec<String> = Axis::ALL
        .iter()
        .map(|&a| format!("\"{}\":{:.2}", a.key().name(), median_us(runs, || {
            black_box(charts::chart(a, &m.state, &d, &c, charts::WIDE));
        })))
        .collect();
    let e = explanation(&facts);
    let view = median_us(runs / 4 + 1, || {
        black_box(page(&m, &e));
    });
    let full = median_us(runs / 4 + 1, || {
        let d = decide(black_box(&facts));
        let c = costs::costs(&m.state, &d, &m.overrides);
        for a in Axis::ALL {
            black_box(charts::chart(a, &m.state, &d, &c, charts::WIDE));
        }
    });
    // One `totals` call, averaged over every platform and 101 utilizations, with every line item on.
    let busy = CostInputs { alb: true, nat: true, ipv4: true, egress: true, deploys: 20.0, ..CostInputs::default() };
    let rates0 = Rates::catalog(0);
    let calls = 10_100u32;
    let totals_ns = median_us(runs / 100 + 5, || {
        let mut acc = 0.0;
        for k in 0..calls {
            let p = Platform::ALL[(k % 10) as usize];
            let i = black_box(busy).with_util(f64::from(k % 101));
            acc += totals(p, Pricing::OnDemand, &i, black_box(&rates0), DeployOverhead::SIDE_BY_SIDE).map_or(0.0, |t| t.monthly);
        }
        black_box(acc);
    }) * 1000.0
        / f64::from(calls);
    let series: usize = Axis::ALL.iter().map(|&a| charts::chart(a, &m.state, &d, &c, charts::WIDE).legend.len()).max().unwrap_or(0);
    println!(
        "{{\"query\":{:?},\"runs\":{runs},\"series\":{series},\"evaluation_us\":{evaluation:.2},\"decision_us\":{decision:.2},\"costs_us\":{cost:.2},\"sweeps_us\":{{{}}},\"with_bills_and_geometry_us\":{full:.2},\"view_model_us\":{view:.2},\"totals_ns\":{totals_ns:.1}}}",
        q,
        sweeps.join(",")
    );
}
