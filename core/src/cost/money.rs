//! Rounding and wording of money and quantities.
//!
//! The model keeps full precision everywhere; only display rounds. AWS's printed examples round each
//! line to the cent and then add the rounded lines, so [`cents`] rounds halves up the way a bill does,
//! with a guard against binary fractions that sit just below a half (2.675 is stored as 2.67499…).

/// Rounds dollars to cents, halves away from zero. Not finite gives 0.
pub fn cents(x: f64) -> f64 {
    if !x.is_finite() {
        return 0.0;
    }
    let y = x.abs() * 100.0;
    let f = y.floor();
    let r = if y - f >= 0.5 - 1e-7 { f + 1.0 } else { f };
    let v = r / 100.0;
    if x < 0.0 && v != 0.0 {
        -v
    } else {
        v
    }
}

fn group(int: u64) -> String {
    let digits = int.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Dollars to the cent with thousands separators: `$1,234.56`, `-$3.10`. Not finite gives `n/a`.
pub fn usd(x: f64) -> String {
    if !x.is_finite() {
        return "n/a".into();
    }
    let c = (cents(x).abs() * 100.0).round() as u64;
    let sign = if x < 0.0 && c > 0 { "-" } else { "" };
    format!("{sign}${}.{:02}", group(c / 100), c % 100)
}

/// A quantity for a formula: thousands separators, at most `decimals` decimals, trailing zeros trimmed.
pub fn qty_dp(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "n/a".into();
    }
    let text = format!("{:.*}", decimals, x.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let frac = frac.trim_end_matches('0');
    let int: u64 = int.parse().unwrap_or(0);
    let sign = if x < 0.0 && (int > 0 || !frac.is_empty()) { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{}", group(int))
    } else {
        format!("{sign}{}.{frac}", group(int))
    }
}

/// A quantity for a formula, with as many decimals as make sense for its size.
pub fn qty(x: f64) -> String {
    let a = x.abs();
    let decimals = if a == 0.0 || a >= 100.0 {
        2
    } else if a >= 1.0 {
        3
    } else {
        // Enough decimals for four significant digits.
        (3 - a.log10().floor() as i32).clamp(2, 12) as usize
    };
    qty_dp(x, decimals)
}

/// A unit price: `$0.0404784`, `$24,000`; up to ten decimals, trailing zeros trimmed.
pub fn price(x: f64) -> String {
    format!("${}", qty_dp(x, 10))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cents_round_like_a_bill() {
        assert_eq!(cents(1.01196), 1.01);
        assert_eq!(cents(0.0277), 0.03);
        assert_eq!(cents(2.675), 2.68);
        assert_eq!(cents(1.005), 1.01);
        assert_eq!(cents(-1.005), -1.01);
        assert_eq!(cents(0.004), 0.0);
        assert_eq!(cents(-0.004), 0.0);
        assert_eq!(cents(f64::NAN), 0.0);
    }

    #[test]
    fn usd_formats() {
        assert_eq!(usd(1234.564), "$1,234.56");
        assert_eq!(usd(0.0), "$0.00");
        assert_eq!(usd(-3.1), "-$3.10");
        assert_eq!(usd(-0.001), "$0.00");
        assert_eq!(usd(1_000_000.0), "$1,000,000.00");
        assert_eq!(usd(999.999), "$1,000.00");
        assert_eq!(usd(f64::INFINITY), "n/a");
    }

    #[test]
    fn quantities_and_prices() {
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
        assert_eq!(qty_dp(f64::NAN, 2), "n/a");
    }
}
