//! Tick labels stay inside the chart: at every slider setting, no x label runs past either edge.

use berth_core::chart::LABEL_CHAR_PX;
use berth_core::decision::Facts;
use berth_core::model::Model;
use berth_core::view::{charts::WIDTH, explanation, page};
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
    fn x_tick_labels_fit_the_chart(rps in 0.0f64..100_000.0, tasks in 1u32..500, util in 1u32..100, steady: bool) {
        let q = format!("rps={rps:.1}&tasks={tasks}&util={util}&steady={}", u8::from(steady));
        let m = Model::from_query(&q);
        let p = page(&m, &explanation(&Facts::from_state(&m.state)));
        for c in &p.charts {
            for t in &c.geometry.x_ticks {
                let (lo, hi) = extent(&t.label, t.px, t.anchor.id());
                prop_assert!(lo >= 0.0 && hi <= WIDTH, "{}: {:?} spans {lo}..{hi} (query {q})", c.id, t.label);
            }
        }
    }
}

#[test]
fn the_last_traffic_label_is_aligned_inward() {
    let m = Model::from_query("");
    let p = page(&m, &explanation(&Facts::from_state(&m.state)));
    let traffic = p.charts.iter().find(|c| c.id == "chart-rps").expect("traffic chart");
    let last = traffic.geometry.x_ticks.last().unwrap();
    assert!(last.label.ends_with("req/s"), "{}", last.label);
    assert_eq!(last.anchor.id(), "end");
}
