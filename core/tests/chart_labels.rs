//! Tick labels stay inside the chart: at every slider setting, no label runs past an edge.

mod common {
    pub mod chart;
}

use berth_core::chart::LABEL_CHAR_PX;
use berth_core::view::charts::{marker_box, number_box, PLACED_NUMBERS};
use common::chart::page_for;
use proptest::prelude::*;

fn extent(label: &str, px: f64, anchor: &str) -> (f64, f64) {
    let w = label.chars().count() as f64 * LABEL_CHAR_PX;
    match anchor {
        "start" => (px, px + w),
        "end" => (px - w, px),
        _ => (px - w / 2.0, px + w / 2.0),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn tick_labels_fit_the_chart(rps in 0.0f64..100_000.0, tasks in 1u32..1000, util in 1u32..100, steady: bool, gpu: bool, narrow: bool) {
        let q = format!("rps={rps:.1}&tasks={tasks}&util={util}&steady={}&gpu={}", u8::from(steady), u8::from(gpu));
        let p = page_for(&q, narrow);
        for c in &p.charts {
            for t in &c.geometry.x_ticks {
                let (lo, hi) = extent(&t.label, t.px, t.anchor.id());
                prop_assert!(lo >= 0.0 && hi <= c.geometry.width, "{}: {:?} spans {lo}..{hi} (query {q})", c.id, t.label);
            }
            // Cost labels end 6 units left of the plot.
            let right = c.geometry.plot.left - 6.0;
            for t in &c.geometry.y_ticks {
                let (lo, _) = extent(&t.label, right, t.anchor.id());
                prop_assert!(lo >= 0.0, "{}: {:?} starts at {lo} (query {q})", c.id, t.label);
            }
        }
    }
}

fn overlap(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Crossing numbers never overlap one another nor cover a marker (they move to a free spot),
/// and run numbers (at the top of their bands) stay clear of them. Checked on charts with up to a
/// dozen numbered crossings outside runs.
fn numbers_stay_apart(q: &str, narrow: bool) -> Result<(), TestCaseError> {
    let p = page_for(q, narrow);
    for c in &p.charts {
        let singles: Vec<_> = c.crossovers.iter().filter(|x| x.run.is_none()).collect();
        if singles.len() > PLACED_NUMBERS {
            continue;
        }
        let mut boxes: Vec<(usize, _)> = singles.iter().map(|x| (x.number.unwrap(), number_box(x.number.unwrap(), x.label_x, x.label_y))).collect();
        boxes.extend(c.runs.iter().map(|r| (r.number, number_box(r.number, r.label_x, r.label_y))));
        for (i, (n, b)) in boxes.iter().enumerate() {
            prop_assert!(b.0 >= 0.0 && b.2 <= c.geometry.width && b.1 >= 0.0, "{}: number {n} at {b:?} (query {q})", c.id);
            for (m, o) in boxes.iter().skip(i + 1) {
                prop_assert!(!overlap(*b, *o), "{}: numbers {n} and {m} overlap (query {q})", c.id);
            }
            for x in &singles {
                prop_assert!(!overlap(*b, marker_box(x.x, x.y)), "{}: number {n} covers a marker (query {q})", c.id);
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn crossing_numbers_stay_apart(rps in 0.0f64..2_000.0, tasks in 1u32..200, util in 1u32..100, steady: bool, narrow: bool) {
        numbers_stay_apart(&format!("rps={rps:.1}&tasks={tasks}&util={util}&steady={}", u8::from(steady)), narrow)?;
    }
}

#[test]
fn a_run_number_moves_off_a_crossing_marker_at_the_top_of_its_band() {
    // Found by the property above: a crossing near the top of the task chart sat under a run's number.
    numbers_stay_apart("rps=509.0&tasks=1&util=83&steady=0", true).unwrap();
}

#[test]
fn the_last_traffic_label_is_aligned_inward() {
    for narrow in [false, true] {
        let p = page_for("", narrow);
        let traffic = p.charts.iter().find(|c| c.id == "chart-rps").expect("traffic chart");
        let last = traffic.geometry.x_ticks.last().unwrap();
        assert!(last.label.ends_with("req/s"), "{}", last.label);
        assert_eq!(last.anchor.id(), "end", "narrow: {narrow}");
    }
}

