//! The list an import builds: one value per input key, with the path to it in words, and what was
//! ignored and why.
//!
//! The readers ([`super::ecs`], [`super::k8s`], [`super::compose`]) only say what they found;
//! this is where a number is rounded to its input's precision (from `params.rs`, the one
//! definition of each input), a second value for the same key is reconciled, and the ignored list
//! is kept short.

use super::{Field, Ignored, Reading};
use crate::params::{Key, Kind};
use crate::format::trimmed;

/// At most this many ignored items are listed one by one; the rest are counted.
pub const MAX_IGNORED: usize = 40;

/// Collects what a reader found.
#[derive(Debug, Default)]
pub struct Collector {
    fields: Vec<(Key, Field)>,
    ignored: Vec<Ignored>,
    more_ignored: usize,
}

impl Collector {
    /// A number for `key`, rounded to the input's decimals. A second number for the same key is
    /// ignored (the first one found wins, and the list says so).
    pub fn number(&mut self, key: Key, v: f64, path: impl Into<String>) {
        let path = path.into();
        if !v.is_finite() {
            self.ignore(path, "not a finite number");
            return;
        }
        let decimals = match key.param().kind {
            Kind::Number { decimals, .. } => decimals,
            _ => 2,
        };
        self.put(key, trimmed(v, decimals as usize), path);
    }

    /// A flag for `key`. Several sources may agree; when they disagree, "on" wins, since one
    /// container that needs a GPU (or host access) is enough for the whole task.
    pub fn flag(&mut self, key: Key, on: bool, path: impl Into<String>) {
        let value = if on { "1" } else { "0" };
        let path = path.into();
        if let Some(i) = self.fields.iter().position(|(k, _)| *k == key) {
            let f = &mut self.fields[i].1;
            if f.value == value {
                return;
            }
            if on {
                let old = std::mem::replace(f, Field { key: key.name().into(), value: value.into(), path: path.clone() });
                self.ignore(old.path, format!("{} is on because of {}", key.name(), path));
            } else {
                let why = format!("{} stays on (set by {})", key.name(), f.path);
                self.ignore(path, why);
            }
            return;
        }
        self.put(key, value.into(), path);
    }

    /// An option id for a choice `key`.
    pub fn choice(&mut self, key: Key, id: &str, path: impl Into<String>) {
        self.put(key, id.into(), path.into());
    }

    /// Something that sets no input.
    pub fn ignore(&mut self, path: impl Into<String>, why: impl Into<String>) {
        if self.ignored.len() < MAX_IGNORED {
            self.ignored.push(Ignored { path: path.into(), why: why.into() });
        } else {
            self.more_ignored += 1;
        }
    }

    /// Whether `key` already has a value.
    pub fn has(&self, key: Key) -> bool {
        self.fields.iter().any(|(k, _)| *k == key)
    }

    fn put(&mut self, key: Key, value: String, path: String) {
        if let Some((_, f)) = self.fields.iter().find(|(k, _)| *k == key) {
            if f.value != value {
                let why = format!("{} was already read as {} from {}", key.name(), f.value, f.path);
                self.ignore(path, why);
            }
            return;
        }
        self.fields.push((key, Field { key: key.name().into(), value, path }));
    }

    /// The finished reading.
    pub fn finish(mut self, format: &str) -> Reading {
        if self.more_ignored > 0 {
            self.ignored.push(Ignored { path: String::new(), why: format!("… and {} more items ignored", self.more_ignored) });
        }
        Reading {
            format: format.into(),
            fields: self.fields.into_iter().map(|(_, f)| f).collect(),
            ignored: self.ignored,
            ..Reading::default()
        }
    }
}

/// A number for the path words: at most three decimals, no trailing zeros.
pub fn num(v: f64) -> String {
    trimmed(v, 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_to_the_input_and_keeps_the_first_value() {
        let mut c = Collector::default();
        c.number(Key::Mem, 1e9 / 1073741824.0, "a");
        c.number(Key::Mem, 4.0, "b");
        c.flag(Key::Gpu, false, "c");
        c.flag(Key::Gpu, true, "d");
        c.flag(Key::Gpu, false, "e");
        c.number(Key::Cpu, f64::NAN, "f");
        let r = c.finish("test");
        let got: Vec<_> = r.fields.iter().map(|f| (f.key.as_str(), f.value.as_str(), f.path.as_str())).collect();
        assert_eq!(got, [("mem", "0.93", "a"), ("gpu", "1", "d")]);
        assert_eq!(r.ignored.len(), 4, "{:?}", r.ignored);
    }

    #[test]
    fn caps_the_ignored_list() {
        let mut c = Collector::default();
        for i in 0..100 {
            c.ignore(format!("x{i}"), "no");
        }
        let r = c.finish("test");
        assert_eq!(r.ignored.len(), MAX_IGNORED + 1);
        assert!(r.ignored.last().unwrap().why.contains("60 more"));
    }
}
