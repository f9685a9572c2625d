//! Prints, for one query string, what the page shows for each option card and each crossover, as
//! JSON on one line. The end-to-end tests compare the real page in Chromium with this native run of
//! the same model, so a figure on screen is checked against the model, not against itself.
//!
//! Usage: `cargo run -q -p berth-core --example page -- 'util=70&tasks=12'`

use berth_core::catalog::json::Value;
use berth_core::decision::Facts;
use berth_core::model::Model;
use berth_core::view::{explanation, page};

fn main() {
    let query = std::env::args().nth(1).unwrap_or_default();
    let m = Model::from_query(&query);
    let e = explanation(&Facts::from_state(&m.state));
    let p = page(&m, &e);
    let cards = p
        .cards
        .iter()
        .map(|c| {
            Value::Obj(vec![
                ("platform".into(), Value::Str(c.platform.into())),
                ("status".into(), Value::Str(c.status.into())),
                ("monthly".into(), Value::Str(c.cost.monthly_usd.clone())),
                ("compute".into(), Value::Str(c.cost.compute_usd.clone())),
            ])
        })
        .collect();
    let crossovers = p
        .charts
        .iter()
        .flat_map(|ch| {
            ch.crossovers.iter().map(move |x| {
                Value::Obj(vec![
                    ("axis".into(), Value::Str(ch.axis.id().into())),
                    ("a".into(), Value::Str(x.a.clone())),
                    ("b".into(), Value::Str(x.b.clone())),
                    ("at".into(), Value::Str(x.at.clone())),
                ])
            })
        })
        .collect();
    let out = Value::Obj(vec![
        ("query".into(), Value::Str(p.query.clone())),
        ("platform".into(), Value::Str(p.recommendation.platform.into())),
        ("cards".into(), Value::Arr(cards)),
        ("crossovers".into(), Value::Arr(crossovers)),
    ]);
    println!("{}", out.to_json());
}
