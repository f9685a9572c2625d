//! "Nice" ticks and domains: steps of 1, 2 or 5 × 10^k, kept symbolic so tick values carry no
//! float noise, and domains widened so their ends are ticks.

/// A tick step `m × 10^e` with `m` in {1, 2, 5}, kept symbolic so tick values carry no float noise.
#[derive(Debug, Clone, Copy)]
pub(super) struct Step {
    pub(super) m: i64,
    pub(super) e: i32,
}

impl Step {
    /// `i × m × 10^e`, as the nearest `f64` to that decimal number (an integer times or divided by an
    /// exact power of ten), so 3 × 0.1 is 0.3, not 0.30000000000000004.
    pub(super) fn times(self, i: i64) -> f64 {
        let n = i.saturating_mul(self.m) as f64;
        if self.e >= 0 {
            n * pow10(self.e)
        } else {
            n / pow10(-self.e)
        }
    }

    pub(super) fn value(self) -> f64 {
        self.times(1)
    }

    /// The next larger step: 1 → 2 → 5 → 10.
    fn next(self) -> Step {
        match self.m {
            1 => Step { m: 2, e: self.e },
            2 => Step { m: 5, e: self.e },
            _ => Step { m: 1, e: self.e.saturating_add(1) },
        }
    }
}

/// 10^e, exact up to 10^22.
fn pow10(e: i32) -> f64 {
    const EXACT: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
        1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    usize::try_from(e).ok().and_then(|i| EXACT.get(i).copied()).unwrap_or_else(|| 10f64.powi(e))
}

/// The smallest 1/2/5 × 10^k step that cuts `[lo, hi]` into at most `max_count` intervals.
fn tick_step(lo: f64, hi: f64, max_count: usize, whole: bool) -> Option<Step> {
    let span = hi - lo;
    if !(span > 0.0 && span.is_finite()) {
        return None;
    }
    let n = max_count.max(1) as f64;
    let e0 = (span / n).log10().floor();
    if !e0.is_finite() {
        return None;
    }
    let e0 = e0 as i32;
    let first = if whole { (e0 - 1).max(0) } else { e0 - 1 };
    // log10 may be off by one near powers of ten: try the decade below and above as well.
    for e in first..=first + 3 {
        for m in [1, 2, 5] {
            let st = Step { m, e };
            // Slack for rounding, including what the magnitude of the bounds costs.
            let slack = 1e-9 * n + 4.0 * f64::EPSILON * lo.abs().max(hi.abs()) / st.value();
            if span / st.value() <= n + slack {
                return Some(st);
            }
        }
    }
    None
}

/// "Nice" tick values for `[lo, hi]`: multiples of a 1, 2 or 5 × 10^k step, increasing, inside the
/// domain, at most `max_count + 1` of them, and without float noise (0.3, never 0.30000000000000004).
///
/// The step is the smallest that cuts the domain into at most `max_count` intervals, so the ticks
/// cover the domain: the first is less than a step from `lo`, the last less than a step from `hi`,
/// and both ends are ticks when the domain came from [`nice_domain`]. The order of `lo` and `hi` does
/// not matter; `lo == hi` gives one tick and a non-finite bound gives none.
pub fn nice_ticks(lo: f64, hi: f64, max_count: usize) -> Vec<f64> {
    ticks_with(lo, hi, max_count, false)
}

/// Like [`nice_ticks`], but whole numbers only (steps of at least 1): for the task axis.
pub fn integer_ticks(lo: f64, hi: f64, max_count: usize) -> Vec<f64> {
    ticks_with(lo, hi, max_count, true)
}

pub(super) fn ticks_with(lo: f64, hi: f64, max_count: usize, whole: bool) -> Vec<f64> {
    if !lo.is_finite() || !hi.is_finite() {
        return Vec::new();
    }
    let (mut lo, mut hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
    if whole {
        lo = lo.ceil();
        hi = hi.floor();
        if lo > hi {
            return Vec::new();
        }
    }
    if lo == hi {
        return vec![lo];
    }
    let Some(st) = tick_step(lo, hi, max_count, whole) else {
        return vec![lo, hi];
    };
    let sv = st.value();
    // Rounding slack in units of steps: relative, plus what the magnitude of the bounds costs.
    let slack = 1e-9 + 4.0 * f64::EPSILON * lo.abs().max(hi.abs()) / sv;
    let i0 = (lo / sv - slack).ceil();
    let i1 = (hi / sv + slack).floor();
    if !(i0.is_finite() && i1.is_finite()) || i1 < i0 {
        return Vec::new();
    }
    let count = ((i1 - i0) as usize).min(max_count.max(1)) + 1;
    let mut out: Vec<f64> = Vec::with_capacity(count);
    for k in 0..count {
        // Within 1e-9 of a step outside the domain means "on the boundary": clamp.
        let v = st.times(i0 as i64 + k as i64).clamp(lo, hi);
        if out.last().is_none_or(|&last| v > last) {
            out.push(v);
        }
    }
    out
}

/// Extends `[lo, hi]` outwards to multiples of a tick step such that [`nice_ticks`] with the same
/// `max_count` puts its first and last ticks exactly on the ends. For a cost axis pass `lo = 0`.
///
/// The smallest such step is used (1, 2 or 5 × 10^k, as for ticks). `lo == hi` is widened to
/// include 0 (or to `[0, 1]` when both are 0); non-finite bounds give `[0, 1]`. With
/// `max_count = 1` a domain on both sides of 0 cannot have ticks on both ends; it is extended to
/// the nearest multiples of the first step. Never returns NaN; bounds that would overflow are left
/// as they are.
pub fn nice_domain(lo: f64, hi: f64, max_count: usize) -> (f64, f64) {
    if !lo.is_finite() || !hi.is_finite() {
        return (0.0, 1.0);
    }
    let (mut lo, mut hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
    if lo == hi {
        if lo == 0.0 {
            hi = 1.0;
        } else if lo > 0.0 {
            lo = 0.0;
        } else {
            hi = 0.0;
        }
    }
    let Some(first) = tick_step(lo, hi, max_count, false) else {
        return (lo, hi);
    };
    let snap = |st: Step| {
        let sv = st.value();
        let mut i = (lo / sv).floor() as i64;
        if st.times(i) > lo {
            i -= 1;
        }
        if st.times(i + 1) <= lo {
            i += 1;
        }
        let mut j = (hi / sv).ceil() as i64;
        if st.times(j) < hi {
            j += 1;
        }
        if st.times(j - 1) >= hi {
            j -= 1;
        }
        let (nlo, nhi) = (st.times(i), st.times(j));
        (nlo.is_finite() && nhi.is_finite()).then_some((nlo, nhi))
    };
    let on = |v: f64, st: Step| st.times((v / st.value()).round() as i64) == v;
    let mut st = first;
    for _ in 0..32 {
        let Some((nlo, nhi)) = snap(st) else {
            break;
        };
        if tick_step(nlo, nhi, max_count, false).is_some_and(|t| on(nlo, t) && on(nhi, t)) {
            return (nlo, nhi);
        }
        st = st.next();
    }
    snap(first).unwrap_or((lo, hi))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_domain() {
        assert_eq!(nice_ticks(0.0, 100.0, 5), vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(nice_ticks(0.0, 1.0, 10), vec![0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]);
        assert_eq!(nice_ticks(0.1, 0.35, 5), vec![0.1, 0.15, 0.2, 0.25, 0.3, 0.35]);
        assert_eq!(nice_ticks(3.0, 3.0, 5), vec![3.0]);
        assert_eq!(nice_ticks(10.0, 0.0, 2), vec![0.0, 5.0, 10.0]);
        assert!(nice_ticks(f64::NAN, 1.0, 5).is_empty());
        assert_eq!(nice_ticks(-7.0, 7.0, 4), vec![-5.0, 0.0, 5.0]);
        assert_eq!(integer_ticks(1.0, 4.0, 10), vec![1.0, 2.0, 3.0, 4.0]);
        assert_eq!(integer_ticks(1.0, 200.0, 5), vec![50.0, 100.0, 150.0, 200.0]);
        assert_eq!(nice_domain(0.0, 1234.0, 5), (0.0, 1500.0));
        assert_eq!(nice_domain(0.0, 1234.0, 8), (0.0, 1400.0));
        assert_eq!(nice_domain(0.0, 0.0, 5), (0.0, 1.0));
        assert_eq!(nice_domain(0.0, 0.27, 5), (0.0, 0.3));
        assert_eq!(nice_domain(7.0, 7.0, 5), (0.0, 8.0));
    }
}
