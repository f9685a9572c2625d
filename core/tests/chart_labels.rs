//! Tick labels stay inside the chart: at every slider setting, no label runs past an edge.

use berth_core::chart::LABEL_CHAR_PX;
use berth_core::decision::Facts;
use berth_core::model::{update, Action, Model};
use berth_core::view::{explanation, page};
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
        let mut m = Model::from_query(&q);
        update(&mut m, Action::SetNarrow(narrow));
        let p = page(&m, &explanation(&Facts::from_state(&m.state)));
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

#[test]
fn the_last_traffic_label_is_aligned_inward() {
    for narrow in [false, true] {
        let mut m = Model::from_query("");
        update(&mut m, Action::SetNarrow(narrow));
        let p = page(&m, &explanation(&Facts::from_state(&m.state)));
        let traffic = p.charts.iter().find(|c| c.id == "chart-rps").expect("traffic chart");
        let last = traffic.geometry.x_ticks.last().unwrap();
        assert!(last.label.ends_with("req/s"), "{}", last.label);
        assert_eq!(last.anchor.id(), "end", "narrow: {narrow}");
    }
}
