//! Money as an amount: dollars rounded to cents the way a bill rounds them.
//!
//! The model keeps full precision everywhere; only display rounds. AWS's printed examples round each
//! line to the cent and then add the rounded lines, so [`cents`] rounds halves away from zero (the
//! one rounding rule of [`crate::format`], which writes every figure as text, the cost formulas'
//! quantities and prices included).

/// Rounds dollars to cents, halves away from zero (2.675 is 2.68 although it is stored as
/// 2.67499…). Not finite gives 0.
pub fn cents(x: f64) -> f64 {
    if x.is_finite() {
        crate::format::round(x, 2)
    } else {
        0.0
    }
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
}
