//! Pixel rounding and compact SVG path text: rounded to 0.1 px, collinear points dropped, written
//! by hand because paths hold thousands of numbers and are rebuilt on every input event.

use super::Point;

/// Rounds to 0.1 px.
pub(super) fn px(v: f64) -> f64 {
    if v.is_finite() {
        (v * 10.0).round() / 10.0 + 0.0
    } else {
        0.0
    }
}

/// Writes tenths of a pixel as compact text: 123 → "12.3", 120 → "12", -5 → "-0.5". (By hand:
/// paths hold thousands of numbers and this runs on every input event.)
fn push_tenths(out: &mut String, t: i64) {
    if t < 0 {
        out.push('-');
    }
    let a = t.unsigned_abs();
    let (int, frac) = (a / 10, a % 10);
    let mut buf = [0u8; 24];
    let mut i = buf.len() - 2;
    let mut n = int;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if frac != 0 {
        buf[buf.len() - 2] = b'.';
        buf[buf.len() - 1] = b'0' + frac as u8;
    }
    let end = if frac != 0 { buf.len() } else { buf.len() - 2 };
    // Only ASCII digits and '.' were written.
    out.push_str(std::str::from_utf8(&buf[i..end]).unwrap_or_default());
}

/// A compact SVG path through pixel points: rounded to 0.1 px, repeated and collinear points
/// dropped, `H`/`V` for horizontal and vertical runs.
pub(super) fn path_d(points: impl IntoIterator<Item = Point>) -> String {
    let mut pts: Vec<(i64, i64)> = Vec::new();
    for (x, y) in points {
        if !(x.is_finite() && y.is_finite()) {
            continue;
        }
        let p = ((x * 10.0).round() as i64, (y * 10.0).round() as i64);
        if pts.last() == Some(&p) {
            continue;
        }
        if let [.., a, b] = pts[..] {
            let (d1, d2) = ((b.0 - a.0, b.1 - a.1), (p.0 - b.0, p.1 - b.1));
            let cross = i128::from(d1.0) * i128::from(d2.1) - i128::from(d1.1) * i128::from(d2.0);
            let dot = i128::from(d1.0) * i128::from(d2.0) + i128::from(d1.1) * i128::from(d2.1);
            if cross == 0 && dot > 0 {
                pts.pop();
            }
        }
        pts.push(p);
    }
    let mut d = String::with_capacity(pts.len() * 12);
    for (i, &(x, y)) in pts.iter().enumerate() {
        let prev = if i == 0 { None } else { Some(pts[i - 1]) };
        match prev {
            Some((_, py)) if py == y => {
                d.push('H');
                push_tenths(&mut d, x);
            }
            Some((px, _)) if px == x => {
                d.push('V');
                push_tenths(&mut d, y);
            }
            _ => {
                d.push(if prev.is_none() { 'M' } else { 'L' });
                push_tenths(&mut d, x);
                d.push(' ');
                push_tenths(&mut d, y);
            }
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        assert_eq!(
            path_d([(0.0, 0.0), (10.04, 0.0), (20.0, 0.0), (20.0, 5.55), (30.0, 15.55)]),
            "M0 0H20V5.6L30 15.6"
        );
        assert_eq!(path_d([(1.0, 1.0), (1.0, 1.0)]), "M1 1");
        assert_eq!(path_d(std::iter::empty()), "");
        assert_eq!(path_d([(0.0, 0.0), (10.0, 0.0), (5.0, 0.0)]), "M0 0H10H5");
        assert_eq!(path_d([(-0.5, 0.04), (-0.5, 3.0)]), "M-0.5 0V3");
        assert_eq!(path_d([(-1234.56, 99999.94), (1e15, -0.04)]), "M-1234.6 99999.9L1000000000000000 0");
    }
}
