//! Prints, for one query string, what the page shows for each option card and each crossover, as
//! JSON on one line. The end-to-end tests compare the real page in Chromium with this native run of
//! the same model, so a figure on screen is checked against the model, not against itself.
//!
//! Usage: `cargo run -q -p berth-core --example page -- 'util=70&tasks=12'`

use berth_core::decision::Facts;
use berth_core::model::Model;
use berth_core::view::{explanation, page};
use serde_json::{json, Value};

fn main() {
    let query = std::env::args().nth(1).unwrap_or_default();
    let m = Model::from_query(&query);
    let e = explanation(&Facts::from_state(&m.state));
    let p = page(&m, &e);
    let cards: Vec<Value> = p
        .cards
        .iter()
        .map(|c| json!({"platform": c.platform, "status": c.status, "monthly": c.cost.monthly_usd, "compute": c.cost.compute_usd}))
        .collect();
    let crossovers: Vec<Value> = p
        .charts
        .iter()
        .flat_map(|ch| ch.crossovers.iter().map(move |x| json!({"axis": ch.axis.id(), "a": x.a, "b": x.b, "at": x.at})))
        .collect();
    let out = json!({"query": p.query, "platform": p.recommendation.platform, "cards": cards, "crossovers": crossovers});
    println!("{out}");
}
