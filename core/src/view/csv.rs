//! The cost table as CSV: every option card's bill, line by line, with a total per card.
//!
//! The rows come from the same [`CardView`]s the page shows, so the export can never disagree with
//! the cards: each total is the card's `data-monthly-usd`. Fields are quoted as RFC 4180 says (a
//! field with a comma, a double quote or a line break is wrapped in double quotes, and quotes inside
//! are doubled) and records end with CRLF.

use super::CardView;

/// File name of the export.
pub const FILE_NAME: &str = "berth-costs.csv";
/// Media type of the export.
pub const MIME: &str = "text/csv;charset=utf-8";

/// The header record.
pub const HEADER: [&str; 11] = [
    "Platform",
    "Platform id",
    "Status",
    "Pricing",
    "Line item",
    "Line id",
    "Quantity",
    "Unit",
    "Rate (USD per unit)",
    "Monthly USD",
    "Formula or note",
];

/// One field, quoted when it must be.
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn record(out: &mut String, fields: &[&str]) {
    let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// The CSV text for the cards, in the order shown.
pub fn costs_csv(cards: &[CardView]) -> String {
    let mut out = String::new();
    record(&mut out, &HEADER);
    for c in cards {
        let cost = &c.cost;
        for l in &cost.lines {
            record(
                &mut out,
                &[c.name, c.platform, c.status, &cost.pricing, l.label, l.id, &l.quantity, &l.unit, &l.rate, &l.amount_usd, &l.detail],
            );
        }
        let note = cost.problem.as_deref().unwrap_or("");
        record(&mut out, &[c.name, c.platform, c.status, &cost.pricing, "Total", "total", "", "", "", &cost.monthly_usd, note]);
    }
    out
}

/// Splits CSV text into records of fields (RFC 4180), for tests and round trips.
pub fn parse(text: &str) -> Result<Vec<Vec<String>>, String> {
    let mut records = Vec::new();
    let mut rec = Vec::new();
    let mut f = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    f.push('"');
                }
                '"' => quoted = false,
                _ => f.push(c),
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            '"' => return Err("a quote inside an unquoted field".into()),
            ',' => {
                rec.push(std::mem::take(&mut f));
                at_start = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {
                chars.next();
                rec.push(std::mem::take(&mut f));
                records.push(std::mem::take(&mut rec));
                at_start = true;
            }
            _ => {
                f.push(c);
                at_start = false;
            }
        }
    }
    if quoted {
        return Err("an unterminated quoted field".into());
    }
    if !f.is_empty() || !rec.is_empty() {
        rec.push(f);
        records.push(rec);
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::Facts;
    use crate::model::Model;
    use crate::view::{explanation, page};

    fn cards(q: &str) -> Vec<CardView> {
        let m = Model::from_query(q);
        page(&m, &explanation(&Facts::from_state(&m.state))).cards
    }

    #[test]
    fn quoting_follows_rfc_4180() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        let mut out = String::new();
        record(&mut out, &["a,b", "\"q\"", "", "x\r\ny"]);
        assert_eq!(out, "\"a,b\",\"\"\"q\"\"\",,\"x\r\ny\"\r\n");
        assert_eq!(parse(&out).unwrap(), vec![vec!["a,b", "\"q\"", "", "x\r\ny"]]);
        assert!(parse("a\"b").is_err());
        assert!(parse("\"open").is_err());
    }

    #[test]
    fn one_row_per_line_and_totals_equal_the_cards() {
        for q in ["", "alb=1&nat=1&ipv4=1&egress=1&deploys=20", "gpu=1&ops=minimal", "pricing=spot&k8s=1", "region=eu-north-1"] {
            let cards = cards(q);
            let text = costs_csv(&cards);
            assert!(text.ends_with("\r\n"));
            let rows = parse(&text).unwrap();
            assert_eq!(rows[0], HEADER.to_vec(), "{q}");
            assert!(rows.iter().all(|r| r.len() == HEADER.len()), "{q}");
            let lines: usize = cards.iter().map(|c| c.cost.lines.len()).sum();
            assert_eq!(rows.len(), 1 + lines + cards.len(), "{q}");
            for c in &cards {
                let mine: Vec<&Vec<String>> = rows.iter().filter(|r| r[1] == c.platform).collect();
                let total = mine.last().unwrap();
                assert_eq!(total[4], "Total");
                assert_eq!(total[9], c.cost.monthly_usd, "{q} {}", c.platform);
                assert_eq!(total[2], c.status);
                if c.cost.monthly_usd.is_empty() {
                    assert!(!total[10].is_empty(), "an uncosted card says why: {q} {}", c.platform);
                    continue;
                }
                // The rounded lines add up to the total within a cent per line.
                let sum: f64 = mine[..mine.len() - 1].iter().map(|r| r[9].parse::<f64>().unwrap()).sum();
                let want: f64 = c.cost.monthly_usd.parse().unwrap();
                assert!((sum - want).abs() <= 0.005 * mine.len() as f64 + 1e-9, "{q} {}: {sum} vs {want}", c.platform);
                for r in &mine[..mine.len() - 1] {
                    // Where a quantity is given, quantity × rate is the amount.
                    if !r[6].is_empty() {
                        let (qty, rate, amt): (f64, f64, f64) = (r[6].parse().unwrap(), r[8].parse().unwrap(), r[9].parse().unwrap());
                        assert!((qty * rate - amt).abs() <= 0.006 + amt.abs() * 1e-6, "{q} {r:?}");
                        assert!(!r[7].is_empty());
                    }
                    assert!(!r.iter().any(|f| f.contains("NaN") || f.contains("inf")), "{r:?}");
                }
            }
        }
    }

    #[test]
    fn fargate_vcpu_line_has_its_quantity() {
        let cards = cards("");
        let text = costs_csv(&cards);
        let rows = parse(&text).unwrap();
        let vcpu = rows.iter().find(|r| r[1] == "ecs-fargate" && r[5] == "fargate-vcpu").unwrap();
        assert_eq!(vcpu[7], "vCPU-hour");
        // 4 tasks × 1 vCPU × 730 h × 50 % = 1460 vCPU-hours.
        assert_eq!(vcpu[6], "1460");
    }
}
