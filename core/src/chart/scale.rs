//! The linear map from axis values or costs to pixels, and back (for the pointer readout).

/// A linear map from a domain `[d0, d1]` (axis values or costs) to a range `[r0, r1]` (pixels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinearScale {
    /// Domain start.
    pub d0: f64,
    /// Domain end.
    pub d1: f64,
    /// Range start (pixels), where `d0` lands.
    pub r0: f64,
    /// Range end (pixels), where `d1` lands.
    pub r1: f64,
}

impl LinearScale {
    /// A scale from `[d0, d1]` onto `[r0, r1]`.
    pub fn new(d0: f64, d1: f64, r0: f64, r1: f64) -> Self {
        LinearScale { d0, d1, r0, r1 }
    }

    /// Domain value to range. An empty domain maps everything to the middle of the range.
    pub fn map(&self, v: f64) -> f64 {
        let dd = self.d1 - self.d0;
        if dd == 0.0 {
            (self.r0 + self.r1) / 2.0
        } else {
            self.r0 + (v - self.d0) * ((self.r1 - self.r0) / dd)
        }
    }

    /// Range value back to the domain. An empty range maps everything to the middle of the domain.
    pub fn invert(&self, r: f64) -> f64 {
        let dr = self.r1 - self.r0;
        if dr == 0.0 {
            (self.d0 + self.d1) / 2.0
        } else {
            self.d0 + (r - self.r0) * ((self.d1 - self.d0) / dr)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_maps_and_inverts() {
        let s = LinearScale::new(0.0, 100.0, 50.0, 550.0);
        assert_eq!(s.map(50.0), 300.0);
        assert_eq!(s.invert(300.0), 50.0);
        let flat = LinearScale::new(3.0, 3.0, 0.0, 10.0);
        assert_eq!(flat.map(7.0), 5.0);
        let empty = LinearScale::new(0.0, 10.0, 4.0, 4.0);
        assert_eq!(empty.invert(4.0), 5.0);
    }
}
