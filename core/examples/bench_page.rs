use berth_core::decision::Facts;
use berth_core::model::Model;
use berth_core::view::{explanation, page};
use std::time::Instant;
fn main() {
    let q = std::env::args().nth(1).unwrap_or_default();
    let m = Model::from_query(&q);
    let e = explanation(&Facts::from_state(&m.state));
    let n = 200;
    let t = Instant::now();
    for _ in 0..n { std::hint::black_box(page(&m, &e)); }
    println!("page: {:?}/iter", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..20 { std::hint::black_box(explanation(&Facts::from_state(&m.state))); }
    println!("explanation: {:?}/iter", t.elapsed() / 20);
    let d = &e.decision;
    let t = Instant::now();
    for _ in 0..n { std::hint::black_box(berth_core::view::costs::costs(&m.state, d, &m.overrides)); }
    println!("costs: {:?}/iter", t.elapsed() / n);
    let c = berth_core::view::costs::costs(&m.state, d, &m.overrides);
    for a in berth_core::chart::Axis::ALL {
        let t = Instant::now();
        for _ in 0..n { std::hint::black_box(berth_core::view::charts::chart(a, &m.state, d, &c)); }
        println!("chart {:?}: {:?}/iter", a, t.elapsed() / n);
    }
}
