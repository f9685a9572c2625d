//! Money and number texts of the charts: cost readouts, cost tick labels and the short number
//! forms the axis labels are built from.

/// Shown instead of a number that is not finite.
pub(super) const DASH: &str = "—";

/// A monthly cost for a readout or a table: "$1,234.56", "-$3.10".
pub fn usd(v: f64) -> String {
    if !v.is_finite() {
        return DASH.to_string();
    }
    let digits = grouped(&fixed(v.abs(), 2));
    if v < 0.0 && digits.bytes().any(|c| c.is_ascii_digit() && c != b'0') {
        format!("-${digits}")
    } else {
        format!("${digits}")
    }
}

/// A cost tick label: "$0", "$250", "$1.5k", "$12k", "$1.2M", "$0.05".
pub fn usd_tick(v: f64) -> String {
    if !v.is_finite() {
        return DASH.to_string();
    }
    let body = compact(v.abs());
    if v < 0.0 && body != "0" {
        format!("-${body}")
    } else {
        format!("${body}")
    }
}

/// `v` with exactly `decimals` decimals, never "-0".
pub(super) fn fixed(v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    match s.strip_prefix('-') {
        Some(rest) if rest.bytes().all(|c| c == b'0' || c == b'.') => rest.to_string(),
        _ => s,
    }
}

/// `v` with at most `decimals` decimals, trailing zeros dropped.
pub(super) fn trimmed(v: f64, decimals: usize) -> String {
    let s = fixed(v, decimals);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Thousands separators in the integer part of a plain decimal string.
pub(super) fn grouped(s: &str) -> String {
    let (sign, rest) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = rest.split_once('.').map_or((rest, ""), |(i, f)| (i, f));
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// A short number for ticks: "250", "1.5k", "12k", "1.2M", "3B", "0.005" (non-negative input).
pub(super) fn compact(v: f64) -> String {
    const UNITS: [(f64, &str); 4] = [(1.0, ""), (1e3, "k"), (1e6, "M"), (1e9, "B")];
    let mut u = UNITS.iter().rposition(|&(d, _)| v >= d).unwrap_or(0);
    loop {
        let (d, suffix) = UNITS[u];
        let decimals = if u == 0 && v < 1.0 { 4 } else { 2 };
        let text = trimmed(v / d, decimals);
        // 999.999 rounds to "1000": say "1k" instead.
        if text == "1000" && u + 1 < UNITS.len() {
            u += 1;
            continue;
        }
        return format!("{text}{suffix}");
    }
}

/// Three significant digits (whole numbers from 100 up), with thousands separators.
pub(super) fn sig3(v: f64) -> String {
    if v == 0.0 {
        return "0".to_string();
    }
    let e = v.abs().log10().floor();
    let decimals = (2.0 - e).clamp(0.0, 12.0) as usize;
    grouped(&trimmed(v, decimals))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        let t: Vec<String> = [0.0, 250.0, 1500.0, 12000.0, 1.2e6, 0.05, 999.999, 2.5e9].map(usd_tick).into();
        assert_eq!(t, ["$0", "$250", "$1.5k", "$12k", "$1.2M", "$0.05", "$1k", "$2.5B"]);
        assert_eq!(usd(1234.567), "$1,234.57");
        assert_eq!(usd(-0.001), "$0.00");
        assert_eq!(usd(-3.1), "-$3.10");
        assert_eq!(usd(f64::NAN), "—");
    }
}
