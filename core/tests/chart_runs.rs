//! Runs: two options that trade places again and again are listed once, and every crossover is
//! still accounted for exactly once.

mod common {
    pub mod chart;
}

use berth_core::view::charts::{listed, ChartView, RUN_GAP, RUN_MIN};
use common::chart::page_for;
use proptest::prelude::*;

fn pair(a: &str, b: &str) -> (String, String) {
    if a <= b { (a.into(), b.into()) } else { (b.into(), a.into()) }
}

fn check(c: &ChartView, q: &str) -> Result<(), TestCaseError> {
    // Every crossover is numbered on its own or belongs to exactly one run of its own pair.
    for (i, x) in c.crossovers.iter().enumerate() {
        prop_assert!(x.number.is_some() != x.run.is_some(), "{}: crossover {i} (query {q})", c.id);
        if let Some(r) = x.run {
            let run = &c.runs[r];
            prop_assert_eq!(pair(&x.a, &x.b), pair(&run.a, &run.b), "{}: crossover {} in the wrong run (query {})", c.id, i, q);
        }
    }
    for (r, run) in c.runs.iter().enumerate() {
        let members: Vec<_> = c.crossovers.iter().filter(|x| x.run == Some(r)).collect();
        prop_assert!(run.count >= RUN_MIN && run.count == members.len(), "{}: run {r} counts {} of {} (query {q})", c.id, run.count, members.len());
        prop_assert_eq!(&c.crossovers[run.first], members[0]);
        prop_assert_eq!(&run.from, &members[0].at);
        prop_assert_eq!(&run.to, &members[members.len() - 1].at);
        prop_assert!(run.x0 <= run.x1 && run.x0 >= c.geometry.plot.left - 1.0 && run.x1 <= c.geometry.plot.right + 1.0);
        prop_assert!(run.text.contains(&format!("trade places {} times", run.count)), "{}", run.text);
    }
    // Per pair, crossings split where they lie more than RUN_GAP of the plot apart; a stretch of
    // RUN_MIN or more is exactly one run, a shorter one stands alone.
    let gap = RUN_GAP * (c.geometry.plot.right - c.geometry.plot.left);
    let mut pairs: Vec<(String, String)> = c.crossovers.iter().map(|x| pair(&x.a, &x.b)).collect();
    pairs.sort();
    pairs.dedup();
    for k in pairs {
        let all: Vec<_> = c.crossovers.iter().filter(|x| pair(&x.a, &x.b) == k).collect();
        let mut stretch: Vec<_> = Vec::new();
        for (i, x) in all.iter().enumerate() {
            stretch.push(*x);
            let ends = all.get(i + 1).is_none_or(|next| next.x - x.x > gap);
            if ends {
                if stretch.len() >= RUN_MIN {
                    let r = stretch[0].run;
                    prop_assert!(r.is_some() && stretch.iter().all(|y| y.run == r), "{}: {:?} zigzags {} times outside one run (query {})", c.id, k, stretch.len(), q);
                    prop_assert_eq!(c.runs[r.unwrap()].count, stretch.len());
                } else {
                    prop_assert!(stretch.iter().all(|y| y.run.is_none()), "{}: {:?} has a run of {} (query {})", c.id, k, stretch.len(), q);
                }
                stretch.clear();
            }
        }
    }
    // The list reads 1, 2, 3… with runs in place of their first crossing, in axis order.
    let numbers: Vec<usize> = listed(&c.crossovers, &c.runs).map(|(x, r)| r.map_or_else(|| x.number.unwrap(), |r| r.number)).collect();
    prop_assert_eq!(numbers.clone(), (1..=numbers.len()).collect::<Vec<_>>(), "{} (query {})", c.id, q);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_crossover_is_listed_once(rps in 0.0f64..2_000.0, tasks in 1u32..400, util in 1u32..100, steady: bool, spot: bool, narrow: bool) {
        let q = format!("rps={rps:.1}&tasks={tasks}&util={util}&steady={}&pricing={}", u8::from(steady), if spot { "spot" } else { "on-demand" });
        let p = page_for(&q, narrow);
        for c in &p.charts {
            check(c, &q)?;
        }
    }
}

#[test]
fn a_zigzag_of_stepped_costs_reads_as_one_run() {
    // ECS on EC2 steps up with every instance it adds and crosses EKS on Fargate dozens of times.
    let q = "tasks=48&util=87&rps=658.2";
    let p = page_for(q, false);
    let tasks = p.charts.iter().find(|c| c.id == "chart-tasks").unwrap();
    check(tasks, q).unwrap();
    assert!(tasks.crossovers.len() > 30, "the zigzag is there: {}", tasks.crossovers.len());
    let listed = listed(&tasks.crossovers, &tasks.runs).count();
    assert!(listed <= 12, "listed {listed} items for {} crossovers", tasks.crossovers.len());
    let run = tasks.runs.iter().max_by_key(|r| r.count).unwrap();
    assert!(run.text.contains("ECS on EC2") && run.text.contains("EKS on Fargate"), "{}", run.text);
    assert!(run.text.contains("is the cheaper of the two"), "{}", run.text);
    // The stray first crossing at a couple of tasks is far from the zigzag: it stands alone.
    assert!(run.from.parse::<f64>().unwrap() > 20.0, "{}", run.text);
    // The description read by screen readers follows the list, not every crossing.
    assert!(tasks.desc.matches("becomes cheaper").count() < listed, "{}", tasks.desc);
}
