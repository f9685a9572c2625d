//! Rate overrides carried by a link (`rates=`), so that whoever opens a shared link sees the prices
//! the sender saw. The text is short and readable: `rate-id@region:value` items, comma-separated,
//! where `region` is a Region id or `all` (every Region), for example
//! `fargate.vcpu.x86@us-east-1:0.05,alb.hour@all:0.03`. Reading never fails: an item that names an
//! unknown rate or Region, or a value the catalog would refuse, is left out and named in a problem.

use super::ids::REGION_OPTS;
use super::overrides::Overrides;
use super::rate_ids::RateRef;
use crate::format::trimmed;

/// The most items a link carries; more are left out (and said).
pub const MAX_ITEMS: usize = 64;

/// The `rates=` text of a set of overrides (empty for none), in the set's order.
pub fn encode(o: &Overrides) -> String {
    o.iter()
        .map(|e| {
            let region = e.region.and_then(|r| REGION_OPTS.get(r)).map_or("all", |r| r.id);
            format!("{}@{}:{}", e.rate.id(), region, trimmed(e.value, 12))
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// Reads a `rates=` text: the overrides it carries, and one sentence per item left out.
pub fn decode(text: &str) -> (Overrides, Vec<String>) {
    let mut out = Overrides::new();
    let mut problems = Vec::new();
    let items: Vec<&str> = text.split(',').map(str::trim).filter(|i| !i.is_empty()).collect();
    if items.len() > MAX_ITEMS {
        problems.push(format!("only the first {MAX_ITEMS} of {} price overrides were read", items.len()));
    }
    for item in items.into_iter().take(MAX_ITEMS) {
        if let Err(why) = read_item(item, &mut out) {
            problems.push(format!("“{}” {why}", crate::url::shown(item)));
        }
    }
    (out, problems)
}

fn read_item(item: &str, out: &mut Overrides) -> Result<(), String> {
    let (rate, rest) = item.split_once('@').ok_or("is not rate-id@region:value")?;
    let (region, value) = rest.split_once(':').ok_or("is not rate-id@region:value")?;
    let rate = RateRef::from_id(rate).ok_or("names no rate of the catalog")?;
    let region = match region {
        "all" => None,
        id => Some(REGION_OPTS.iter().position(|r| r.id == id).ok_or("names no Region of the catalog")?),
    };
    let value: f64 = value.parse().map_err(|_| "has no number for its value".to_string())?;
    out.set(rate, region, value).map_err(|bad| format!("{}: the value {}", "was not used", bad.text()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_survives_the_trip_through_a_link() {
        let mut o = Overrides::new();
        let fargate = RateRef::from_id("fargate.vcpu.x86").unwrap();
        let alb = RateRef::from_id("alb.hour").unwrap();
        o.set(fargate, Some(0), 0.05).unwrap();
        o.set(alb, None, 0.0225).unwrap();
        o.set(RateRef::from_id("ec2.ondemand.m5.large").unwrap(), Some(1), 0.1234567).unwrap();
        let text = encode(&o);
        assert_eq!(text, "fargate.vcpu.x86@us-east-1:0.05,alb.hour@all:0.0225,ec2.ondemand.m5.large@eu-west-1:0.1234567");
        let (back, problems) = decode(&text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(back, o);
        assert_eq!(encode(&Overrides::new()), "");
    }

    #[test]
    fn bad_items_are_left_out_and_named() {
        let (o, problems) =
            decode("alb.hour@all:0.03,nope@all:1,alb.lcu@mars-1:1,alb.lcu@all:lots,alb.lcu@all:-1,garbage,,");
        assert_eq!(o.len(), 1);
        assert_eq!(problems.len(), 5, "{problems:?}");
        assert!(problems[0].contains("names no rate"));
        assert!(problems[1].contains("names no Region"));
        assert!(problems[2].contains("no number"));
        assert!(problems[3].contains("negative"));
        assert!(problems[4].contains("rate-id@region:value"));
        let many = vec!["alb.hour@all:1"; MAX_ITEMS + 5].join(",");
        let (o, problems) = decode(&many);
        assert_eq!(o.len(), 1);
        assert_eq!(problems.len(), 1);
    }
}
