//! Every number the page writes as text: money, quantities, percentages, durations, chart ticks,
//! URL values and data attributes. One module, so a figure reads the same on a card, in a chart
//! readout, in the CSV export and in a link.
//!
//! Two rules hold for every function here:
//! - **Rounding**: to the last shown decimal, halves away from zero, judged on the decimal value a
//!   person typed or a bill prints. Binary floats store many such halves just below the half (2.675
//!   is 2.67499999…), so a fraction within 1e-7 of a unit below one half counts as a half: 2.675 →
//!   "2.68", 1.005 → "1.01", -0.125 → "-0.13". This is the rule AWS's printed bills follow (each
//!   line to the cent, halves up), and [`round`] gives the same value as a number.
//! - **A missing value** (not finite: NaN or infinite) is written as [`MISSING`], "—", alone: never
//!   "NaN", "inf", "n/a" or a made-up zero. A text that is empty on purpose (a card with no monthly
//!   figure has an empty `data-monthly-usd`) is not a missing number and stays empty.
//!
//! A rounded zero is never written with a sign ("0.00", never "-0.00"). Thousands are grouped
//! with commas in texts for reading ([`usd`], [`qty`]) and never in texts read back by a program
//! ([`fixed`], [`trimmed`], [`usd_plain`]: URL values, data attributes, CSV amounts).

/// Written instead of a number that is not finite.
pub const MISSING: &str = "—";

/// The largest scaled value whose integer part is exact in an `f64` (2^53).
const EXACT: f64 = 9_007_199_254_740_992.0;

/// 10^d, exact for every `d` used here (up to 22).
fn pow10(d: usize) -> f64 {
    10f64.powi(d as i32)
}

/// `|x|` × 10^`decimals` rounded by the module's rule, or `None` when that is too large to be an
/// exact integer (then the digits past the 16th are noise either way).
fn scaled(x: f64, decimals: usize) -> Option<u64> {
    let y = x.abs() * pow10(decimals);
    if !y.is_finite() || y >= EXACT {
        return None;
    }
    let f = y.floor();
    let r = if y - f >= 0.5 - 1e-7 { f + 1.0 } else { f };
    Some(r as u64)
}

/// `x` rounded to `decimals` decimals by the module's rule, as a number (halves away from zero);
/// a rounded zero is `0.0`, never `-0.0`. Not finite is returned as it is.
pub fn round(x: f64, decimals: usize) -> f64 {
    match scaled(x, decimals) {
        Some(r) if x.is_finite() => {
            let v = r as f64 / pow10(decimals);
            if x < 0.0 && v != 0.0 {
                -v
            } else {
                v
            }
        }
        _ => x,
    }
}

/// `x` with exactly `decimals` decimals: "3.10", "-3.10", "0.00" (never "-0.00"); [`MISSING`] when
/// not finite. No thousands separators.
pub fn fixed(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return MISSING.to_string();
    }
    let digits = match scaled(x, decimals) {
        Some(r) => {
            let unit = 10u64.pow(decimals as u32);
            let (int, frac) = (r / unit, r % unit);
            if decimals == 0 {
                int.to_string()
            } else {
                format!("{int}.{frac:0decimals$}")
            }
        }
        None => format!("{:.decimals$}", x.abs()),
    };
    if x < 0.0 && digits.bytes().any(|c| c.is_ascii_digit() && c != b'0') {
        format!("-{digits}")
    } else {
        digits
    }
}

/// `x` with at most `decimals` decimals, trailing zeros dropped: "2.5", "40", "0.0404784".
pub fn trimmed(x: f64, decimals: usize) -> String {
    let s = fixed(x, decimals);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Commas between the thousands of the integer part of a plain decimal text: "-1234.5" →
/// "-1,234.5". Any other text is returned as it is.
pub fn grouped(s: &str) -> String {
    let (sign, rest) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = rest.split_once('.').map_or((rest, None), |(i, f)| (i, Some(f)));
    if int.is_empty() || !int.bytes().all(|c| c.is_ascii_digit()) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// Dollars to the cent, grouped: "$1,234.56", "-$3.10", "$0.00"; [`MISSING`] when not finite.
pub fn usd(x: f64) -> String {
    signed_dollars(x, grouped(&fixed(x.abs(), 2)))
}

/// Dollars to the cent as a program reads them: "1234.56", "-3.10" (data attributes, CSV).
pub fn usd_plain(x: f64) -> String {
    fixed(x, 2)
}

/// A cost tick label: "$0", "$250", "$1.5k", "$12k", "$1.2M", "$0.05".
pub fn usd_tick(x: f64) -> String {
    signed_dollars(x, compact(x.abs()))
}

/// "$" before the digits of `|x|`, "-$" when `x` is negative and the digits are not zero.
fn signed_dollars(x: f64, digits: String) -> String {
    if !x.is_finite() {
        return MISSING.to_string();
    }
    if x < 0.0 && digits.bytes().any(|c| c.is_ascii_digit() && c != b'0') {
        format!("-${digits}")
    } else {
        format!("${digits}")
    }
}

/// A quantity for a formula: grouped, at most `decimals` decimals, trailing zeros dropped.
pub fn qty_dp(x: f64, decimals: usize) -> String {
    grouped(&trimmed(x, decimals))
}

/// A quantity for a formula, with as many decimals as make sense for its size (four significant
/// digits below 1): "1,460", "1.08", "0.0001235".
pub fn qty(x: f64) -> String {
    let a = x.abs();
    let decimals = if a == 0.0 || a >= 100.0 {
        2
    } else if a >= 1.0 {
        3
    } else {
        (3 - a.log10().floor() as i32).clamp(2, 12) as usize
    };
    qty_dp(x, decimals)
}

/// A unit price: "$0.0404784", "$24,000"; up to ten decimals, trailing zeros dropped.
pub fn price(x: f64) -> String {
    if !x.is_finite() {
        return MISSING.to_string();
    }
    format!("${}", qty_dp(x, 10))
}

/// A percentage with at most `decimals` decimals: "12.5 %", "40 %".
pub fn percent(x: f64, decimals: usize) -> String {
    unit(trimmed(x, decimals), "%")
}

/// A duration in minutes, as precise as [`qty`]: "20 min", "1,440 min", "15.5 min".
pub fn minutes(m: f64) -> String {
    unit(qty(m), "min")
}

/// A duration in months, to a tenth: "7.5 months", "1 month".
pub fn months(m: f64) -> String {
    let n = trimmed(m, 1);
    let word = if n == "1" { "month" } else { "months" };
    unit(n, word)
}

/// A number and its unit, or [`MISSING`] alone.
fn unit(n: String, unit: &str) -> String {
    if n == MISSING {
        n
    } else {
        format!("{n} {unit}")
    }
}

/// A short number for ticks: "250", "1.5k", "12k", "1.2M", "3B", "0.005" (two decimals of its
/// unit, four below 1).
pub fn compact(x: f64) -> String {
    const UNITS: [(f64, &str); 4] = [(1.0, ""), (1e3, "k"), (1e6, "M"), (1e9, "B")];
    if !x.is_finite() {
        return MISSING.to_string();
    }
    let a = x.abs();
    let mut u = UNITS.iter().rposition(|&(d, _)| a >= d).unwrap_or(0);
    loop {
        let (d, suffix) = UNITS[u];
        let decimals = if u == 0 && a < 1.0 { 4 } else { 2 };
        let text = trimmed(x / d, decimals);
        // 999.999 rounds to "1000": say "1k" instead.
        if text.trim_start_matches('-') == "1000" && u + 1 < UNITS.len() {
            u += 1;
            continue;
        }
        return format!("{text}{suffix}");
    }
}

/// A monthly request count in words: "950,400 requests a month", "35.2 million requests a month",
/// "2.63 billion requests a month" (three significant figures from a million up).
pub fn requests_a_month(n: f64) -> String {
    if !n.is_finite() {
        return MISSING.to_string();
    }
    let a = n.abs();
    if a >= 1e9 {
        format!("{} billion requests a month", sig3(n / 1e9))
    } else if a >= 1e6 {
        format!("{} million requests a month", sig3(n / 1e6))
    } else {
        let whole = grouped(&fixed(n, 0));
        let unit = if whole == "1" { "request" } else { "requests" };
        format!("{whole} {unit} a month")
    }
}

/// Three significant digits (whole numbers from 100 up), grouped: "38.2", "0.0123", "1,235".
pub fn sig3(x: f64) -> String {
    if x == 0.0 {
        return "0".to_string();
    }
    let e = x.abs().log10().floor();
    let decimals = (2.0 - e).clamp(0.0, 12.0) as usize;
    grouped(&trimmed(x, decimals))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn halves_round_away_from_zero() {
        assert_eq!(fixed(2.675, 2), "2.68");
        assert_eq!(fixed(1.005, 2), "1.01");
        assert_eq!(fixed(-1.005, 2), "-1.01");
        assert_eq!(fixed(0.125, 2), "0.13");
        assert_eq!(fixed(2.5, 0), "3");
        assert_eq!(fixed(78.125, 1), "78.1");
        assert_eq!(fixed(-0.004, 2), "0.00");
        assert_eq!(round(2.675, 2), 2.68);
        assert_eq!(round(-0.004, 2).to_bits(), 0.0f64.to_bits());
        assert!(fixed(1e300, 2).ends_with("0.00") && !fixed(1e300, 2).contains('e'));
    }

    #[test]
    fn a_missing_value_is_one_dash() {
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            for text in [fixed(x, 2), trimmed(x, 2), usd(x), usd_plain(x), usd_tick(x), qty(x), price(x), percent(x, 1), minutes(x), months(x), compact(x), sig3(x)] {
                assert_eq!(text, MISSING);
            }
        }
        assert!(round(f64::NAN, 2).is_nan());
    }

    #[test]
    fn money() {
        assert_eq!(usd(1234.564), "$1,234.56");
        assert_eq!(usd(1234.567), "$1,234.57");
        assert_eq!(usd(0.0), "$0.00");
        assert_eq!(usd(-3.1), "-$3.10");
        assert_eq!(usd(-0.001), "$0.00");
        assert_eq!(usd(1_000_000.0), "$1,000,000.00");
        assert_eq!(usd(999.999), "$1,000.00");
        assert_eq!(usd_plain(1234.5), "1234.50");
        assert_eq!(usd_plain(-0.001), "0.00");
        let t: Vec<String> = [0.0, 250.0, 1500.0, 12000.0, 1.2e6, 0.05, 999.999, 2.5e9, -3.0].map(usd_tick).into();
        assert_eq!(t, ["$0", "$250", "$1.5k", "$12k", "$1.2M", "$0.05", "$1k", "$2.5B", "-$3"]);
    }

    #[test]
    fn quantities_percentages_and_durations() {
        assert_eq!(qty(1460.0), "1,460");
        assert_eq!(qty(540_000.0), "540,000");
        assert_eq!(qty(1.08), "1.08");
        assert_eq!(qty(0.04), "0.04");
        assert_eq!(qty(0.000123456), "0.0001235");
        assert_eq!(qty(2.5), "2.5");
        assert_eq!(qty(0.0), "0");
        assert_eq!(qty(-12.5), "-12.5");
        assert_eq!(price(0.000011244 * 3600.0), "$0.0404784");
        assert_eq!(price(0.096), "$0.096");
        assert_eq!(price(24_000.0), "$24,000");
        assert_eq!(price(0.0000166667), "$0.0000166667");
        assert_eq!(trimmed(-0.0001, 2), "0");
        assert_eq!(trimmed(12.0, 6), "12");
        assert_eq!(percent(12.5, 1), "12.5 %");
        assert_eq!(percent(40.0, 2), "40 %");
        assert_eq!(minutes(1440.0), "1,440 min");
        assert_eq!(months(7.46), "7.5 months");
        assert_eq!(months(1.0), "1 month");
        assert_eq!(compact(999.999), "1k");
        assert_eq!(sig3(1234.6), "1,235");
        assert_eq!(sig3(0.012345), "0.0123");
        assert_eq!(grouped("-1234567.25"), "-1,234,567.25");
        assert_eq!(grouped(MISSING), MISSING);
    }

    proptest! {
        /// A text read back is the value within half a unit of its last decimal; halves go away
        /// from zero; zeros carry no sign; grouping only adds commas.
        #[test]
        fn texts_read_back_to_the_rounded_value(k in -10_000_000i64..10_000_000, d in 0usize..7, x in -1e9f64..1e9) {
            let unit = 10f64.powi(d as i32);
            let half = (k as f64 + 0.5 * k.signum() as f64) / unit;
            let away = k + k.signum();
            let want = if away < 0 { format!("-{}", fixed(-away as f64 / unit, d)) } else { fixed(away as f64 / unit, d) };
            if k != 0 {
                prop_assert_eq!(fixed(half, d), want);
            }
            let text = fixed(x, d);
            let back: f64 = text.parse().unwrap();
            prop_assert!((back - x).abs() <= 0.5 / unit + 1e-9 * x.abs().max(1.0), "{} gave {}", x, text);
            prop_assert!(!text.starts_with("-0") || text.bytes().any(|c| (b'1'..=b'9').contains(&c)), "{}", text);
            prop_assert_eq!(grouped(&text).replace(',', ""), text.clone());
            prop_assert_eq!(usd(x).replace([',', '$'], ""), fixed(x, 2));
            prop_assert_eq!(trimmed(x, d).parse::<f64>().unwrap(), back);
            prop_assert_eq!(round(x, d), if back == 0.0 { 0.0 } else { back });
        }
    }
}
