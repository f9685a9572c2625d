//! The cost part of a card or of the recommendation: the monthly figure, its lines and, for each
//! line, the rates behind it with their grade, date and source (or the user's override).

use crate::catalog::sources::source as rate_source;
use crate::catalog::Origin;
use crate::format::{trimmed, usd, usd_plain};
use crate::platform::Platform;

use super::costs::Costs;
use super::parts::SourceView;

/// Provenance of a rate used by a line.
#[derive(Debug, Clone, PartialEq)]
pub struct RateView {
    /// Rate id.
    pub id: String,
    /// Label.
    pub label: String,
    /// Value and unit as text.
    pub value: String,
    /// "P", "PL", "S", "Assumption" or "Override".
    pub grade: &'static str,
    /// As-of date of the value.
    pub as_of: &'static str,
    /// Source.
    pub source: SourceView,
    /// The user overrode it.
    pub overridden: bool,
}

/// One line of a bill.
#[derive(Debug, Clone, PartialEq)]
pub struct LineView {
    /// Stable line id.
    pub id: &'static str,
    /// Label.
    pub label: &'static str,
    /// Formula in words.
    pub detail: String,
    /// Amount as money text.
    pub amount: String,
    /// Amount in dollars with two decimals (for export).
    pub amount_usd: String,
    /// Billed quantity in `unit` (amount ÷ rate), for lines priced by one rate in dollars; else empty.
    pub quantity: String,
    /// What `quantity` counts (`vCPU-hour`), empty when `quantity` is.
    pub unit: String,
    /// Dollars per `unit`, empty when `quantity` is.
    pub rate: String,
    /// A line item switched on by an input (not compute).
    pub line_item: bool,
    /// The rates used.
    pub rates: Vec<RateView>,
}

/// The cost part of a card or of the recommendation.
#[derive(Debug, Clone, PartialEq)]
pub struct CostView {
    /// `data-monthly-usd`: dollars a month with two decimals, empty when not costed.
    pub monthly_usd: String,
    /// `data-compute-usd`: the same without line items, empty when not costed.
    pub compute_usd: String,
    /// "$123.45 a month", or why there is no figure.
    pub headline: String,
    /// "of which compute $100.00" when line items are on.
    pub sub: String,
    /// Why the figure is missing, if it is.
    pub problem: Option<String>,
    /// Position among the costed viable options (1 = cheapest).
    pub rank: Option<usize>,
    /// The pricing model applied.
    pub pricing: String,
    /// The lines.
    pub lines: Vec<LineView>,
    /// Sizing, packing and caveats.
    pub notes: Vec<String>,
}


fn rate_view(r: crate::catalog::RateRef, rates: &crate::catalog::Rates) -> RateView {
    let value = rates.get(r).map(|v| format!("{} {}", trimmed(v, 10), r.unit())).unwrap_or_default();
    match rates.origin(r) {
        Some(Origin::Override) => RateView {
            id: r.id().into_owned(),
            label: r.label().into_owned(),
            value,
            grade: "Override",
            as_of: "",
            source: SourceView { title: "Your override (stored in this browser)".into(), url: String::new() },
            overridden: true,
        },
        Some(Origin::Catalog(q)) => {
            let s = rate_source(q.source);
            RateView {
                id: r.id().into_owned(),
                label: r.label().into_owned(),
                value,
                grade: q.grade.code(),
                as_of: q.as_of,
                source: SourceView {
                    title: s.map(|s| s.title).unwrap_or(q.source).to_string(),
                    url: s.map(|s| s.url).unwrap_or("").to_string(),
                },
                overridden: false,
            }
        }
        None => RateView {
            id: r.id().into_owned(),
            label: r.label().into_owned(),
            value: "no value for this region".into(),
            grade: "",
            as_of: "",
            source: SourceView { title: String::new(), url: String::new() },
            overridden: false,
        },
    }
}

/// Quantity, unit and rate of a line priced by exactly one dollar rate: the quantity is the amount
/// divided by the rate, which is what the bill counts.
fn single_rate(l: &crate::cost::Line, rates: &crate::catalog::Rates) -> Option<(String, &'static str, String)> {
    let [r] = l.rates.as_slice() else { return None };
    if r.value_kind() != crate::catalog::ValueKind::Price {
        return None;
    }
    let v = rates.get(*r).filter(|v| *v > 0.0 && v.is_finite())?;
    let unit = r.unit().strip_prefix("USD per ")?;
    let q = l.amount / v;
    q.is_finite().then(|| (trimmed(q, 6), unit, trimmed(v, 10)))
}

/// The cost view of one platform.
pub fn cost_view(p: Platform, costs: &Costs) -> CostView {
    let c = &costs.per_platform[p.index()];
    match &c.result {
        Ok(b) => {
            let line_items = b.monthly - b.compute;
            CostView {
                monthly_usd: usd_plain(b.monthly),
                compute_usd: usd_plain(b.compute),
                headline: format!("{} a month", usd(b.monthly)),
                sub: if line_items.abs() >= 0.005 {
                    format!("compute {} + line items {}", usd(b.compute), usd(line_items))
                } else {
                    String::new()
                },
                problem: None,
                rank: costs.rank[p.index()],
                pricing: b.pricing.label().to_string(),
                lines: b
                    .lines
                    .iter()
                    .map(|l| {
                        let (quantity, unit, rate) = single_rate(l, &costs.rates).unwrap_or_default();
                        LineView {
                        id: l.id,
                        label: l.label,
                        detail: l.detail.clone(),
                        amount: usd(l.amount),
                        amount_usd: usd_plain(l.amount),
                        quantity,
                        unit: unit.to_string(),
                        rate,
                        line_item: l.toggle.is_some(),
                        rates: l.rates.iter().map(|r| rate_view(*r, &costs.rates)).collect(),
                    }})
                    .collect(),
                notes: c.notes.iter().cloned().chain(b.notes.iter().cloned()).collect(),
            }
        }
        Err(why) => CostView {
            monthly_usd: String::new(),
            compute_usd: String::new(),
            headline: "No monthly figure".to_string(),
            sub: String::new(),
            problem: Some(why.clone()),
            rank: None,
            pricing: String::new(),
            lines: Vec::new(),
            notes: c.notes.clone(),
        },
    }
}
