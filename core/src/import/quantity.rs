//! Sizes as the three formats write them, converted to the playground's units.
//!
//! Kubernetes quantities (`500m` CPU, `1Gi` or `1G` memory, `1e3`), Compose sizes (`512m`, `1G`,
//! `1gb`: powers of 1024, any case) and ECS values (`1024` CPU units or `1 vCPU`, `2048` MiB or
//! `2 GB`). This is mapping, not parsing: the file was already parsed by serde; these turn one
//! scalar's text into a number. [`Scalar`] accepts a YAML or JSON scalar of any type as text,
//! since the same field is a string in one file and a number in the next.

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

/// A scalar read as text, whatever its YAML or JSON type (`500m`, `0.5`, `2`, `"1024"`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scalar(pub String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a number or a string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.trim().to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
                Ok(Scalar(String::new()))
            }
        }
        d.deserialize_any(V)
    }
}

impl Scalar {
    /// The text as written (trimmed).
    pub fn text(&self) -> &str {
        &self.0
    }

    /// The text as a plain finite number.
    pub fn number(&self) -> Option<f64> {
        self.0.parse::<f64>().ok().filter(|v| v.is_finite())
    }
}

/// Splits `text` into its number and what follows (`"1.5Gi"` → `(1.5, "Gi")`). The number may
/// have a sign, a fraction and, when followed by a digit, an exponent (`1e3`).
fn split_number(text: &str) -> Option<(f64, &str)> {
    let b = text.as_bytes();
    let mut end = 0;
    while end < b.len() && (b[end].is_ascii_digit() || b[end] == b'.' || (end == 0 && matches!(b[end], b'+' | b'-'))) {
        end += 1;
    }
    if end + 1 < b.len() && matches!(b[end], b'e' | b'E') {
        let mut e = end + 1;
        if matches!(b[e], b'+' | b'-') {
            e += 1;
        }
        if e < b.len() && b[e].is_ascii_digit() {
            while e < b.len() && b[e].is_ascii_digit() {
                e += 1;
            }
            end = e;
        }
    }
    let v = text[..end].parse::<f64>().ok().filter(|v| v.is_finite())?;
    Some((v, text[end..].trim()))
}

/// A Kubernetes quantity in base units (cores for CPU, bytes for memory): `500m` → 0.5,
/// `1Gi` → 2³⁰, `1G` → 10⁹, `1e3` → 1000. `None` for an unknown suffix.
pub fn k8s(text: &str) -> Option<f64> {
    let (v, suffix) = split_number(text.trim())?;
    let f = match suffix {
        "" => 1.0,
        "n" => 1e-9,
        "u" => 1e-6,
        "m" => 1e-3,
        "k" => 1e3,
        "M" => 1e6,
        "G" => 1e9,
        "T" => 1e12,
        "P" => 1e15,
        "E" => 1e18,
        "Ki" => 1024.0,
        "Mi" => 1024f64.powi(2),
        "Gi" => 1024f64.powi(3),
        "Ti" => 1024f64.powi(4),
        "Pi" => 1024f64.powi(5),
        "Ei" => 1024f64.powi(6),
        _ => return None,
    };
    Some(v * f).filter(|v| v.is_finite())
}

/// A Compose size in bytes: a plain number is bytes; `k`, `m`, `g`, `t` with an optional `b`,
/// in any case, are powers of 1024 (`1G` and `1gb` are both 2³⁰).
pub fn compose_bytes(text: &str) -> Option<f64> {
    let (v, suffix) = split_number(text.trim())?;
    let s = suffix.to_ascii_lowercase();
    let f = match s.strip_suffix('b').unwrap_or(&s) {
        "" => 1.0,
        "k" => 1024.0,
        "m" => 1024f64.powi(2),
        "g" => 1024f64.powi(3),
        "t" => 1024f64.powi(4),
        _ => return None,
    };
    Some(v * f).filter(|v| v.is_finite())
}

/// An ECS CPU value in vCPU: CPU units (`1024` is one vCPU) or `1 vCPU`.
pub fn ecs_vcpu(text: &str) -> Option<f64> {
    let (v, suffix) = split_number(text.trim())?;
    match suffix.to_ascii_lowercase().as_str() {
        "" => Some(v / 1024.0),
        "vcpu" => Some(v),
        _ => None,
    }
}

/// An ECS memory value in GiB: MiB (`2048`) or `2 GB` (which ECS reads as GiB).
pub fn ecs_gib(text: &str) -> Option<f64> {
    let (v, suffix) = split_number(text.trim())?;
    match suffix.to_ascii_lowercase().as_str() {
        "" | "mib" | "mb" => Some(v / 1024.0),
        "gb" | "gib" => Some(v),
        _ => None,
    }
}

/// Bytes in GiB.
pub fn gib(bytes: f64) -> f64 {
    bytes / 1024f64.powi(3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kubernetes_quantities() {
        assert_eq!(k8s("500m"), Some(0.5));
        assert_eq!(k8s("2"), Some(2.0));
        assert_eq!(k8s("0.25"), Some(0.25));
        assert_eq!(k8s("1Gi"), Some(1073741824.0));
        assert_eq!(k8s("512Mi"), Some(536870912.0));
        assert_eq!(k8s("1G"), Some(1e9));
        assert_eq!(k8s("128974848"), Some(128974848.0));
        assert_eq!(k8s("129e6"), Some(129e6));
        assert_eq!(k8s("1E"), Some(1e18));
        assert!((k8s("100u").unwrap() - 1e-4).abs() < 1e-12);
        assert_eq!(k8s("12Zi"), None);
        assert_eq!(k8s("Gi"), None);
        assert_eq!(k8s(""), None);
        assert_eq!(k8s("1e999"), None);
    }

    #[test]
    fn compose_sizes() {
        assert_eq!(compose_bytes("1G").map(gib), Some(1.0));
        assert_eq!(compose_bytes("1gb").map(gib), Some(1.0));
        assert_eq!(compose_bytes("512m").map(gib), Some(0.5));
        assert_eq!(compose_bytes("512MB").map(gib), Some(0.5));
        assert_eq!(compose_bytes("1048576k").map(gib), Some(1.0));
        assert_eq!(compose_bytes("1073741824"), Some(1073741824.0));
        assert_eq!(compose_bytes("1 GiB"), None);
        assert_eq!(compose_bytes("lots"), None);
    }

    #[test]
    fn ecs_values() {
        assert_eq!(ecs_vcpu("1024"), Some(1.0));
        assert_eq!(ecs_vcpu("256"), Some(0.25));
        assert_eq!(ecs_vcpu("2 vCPU"), Some(2.0));
        assert_eq!(ecs_vcpu(".5 vcpu"), Some(0.5));
        assert_eq!(ecs_vcpu("2 cores"), None);
        assert_eq!(ecs_gib("2048"), Some(2.0));
        assert_eq!(ecs_gib("4 GB"), Some(4.0));
        assert_eq!(ecs_gib("4 TB"), None);
    }
}
