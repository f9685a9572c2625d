//! The whole input state of the playground, and the one way to turn raw text into a valid value.
//!
//! [`State`] holds one [`Val`] per [`Key`], always valid for that key's [`Kind`]: numbers are finite,
//! inside their range and rounded to their decimals; choices index an existing option. Raw text from
//! the URL or from a typed control goes through [`parse_value`], which clamps or rejects it and says
//! why, so the page can show a notice instead of a blank or a NaN.

use crate::params::{
    Advice, Arch, EksSupport, Key, Kind, Mode, Ops, Param, Pricing, Scale, Workload, KEY_COUNT, PARAMS,
};

/// One input value.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    /// A flag.
    Flag(bool),
    /// Index into the choice's options.
    Choice(usize),
    /// A finite number inside the input's range.
    Num(f64),
    /// Bits over the set's options (or over [`Key`] indices for a key set).
    Set(u128),
    /// A short token.
    Token(String),
}

impl Val {
    /// The default value of an input.
    pub fn default_for(p: &Param) -> Val {
        match p.kind {
            Kind::Flag { default } => Val::Flag(default),
            Kind::Choice { default, .. } => Val::Choice(default),
            Kind::Number { default, .. } => Val::Num(default),
            Kind::Set { .. } | Kind::KeySet => Val::Set(0),
            Kind::Token { .. } | Kind::Rates { .. } => Val::Token(String::new()),
        }
    }
}

/// Why a raw value was changed or refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Adjust {
    /// Not one of `1`, `0`, `true`, `false`.
    NotAFlag,
    /// Not one of the choice's ids.
    UnknownOption,
    /// Not a number at all.
    NotANumber,
    /// NaN or infinite.
    NotFinite,
    /// Below the minimum; the minimum was used.
    BelowMin,
    /// Above the maximum; the maximum was used.
    AboveMax,
    /// Rounded to the input's precision.
    Rounded,
    /// Some items of a set were not known and were dropped.
    UnknownItems(Vec<String>),
    /// Not a valid token.
    BadToken,
    /// Empty value.
    Empty,
    /// Longer than any valid value; refused without reading it.
    TooLong,
}

/// Result of reading one raw value.
#[derive(Debug, Clone, PartialEq)]
pub enum Parsed {
    /// Valid as given.
    Ok(Val),
    /// Usable after a change, which the user must be told about.
    Adjusted(Val, Adjust),
    /// Not usable; the current value stays.
    Rejected(Adjust),
}

/// Longest raw value ever read. Anything longer is refused outright.
pub const MAX_RAW_LEN: usize = 4096;

fn round_to(v: f64, decimals: u32) -> f64 {
    let f = 10f64.powi(decimals as i32);
    (v * f).round() / f
}

/// Reads a raw value for one input: the shared parser of the URL and of typed controls.
pub fn parse_value(p: &Param, raw: &str) -> Parsed {
    if raw.len() > MAX_RAW_LEN {
        return Parsed::Rejected(Adjust::TooLong);
    }
    let s = raw.trim();
    if s.is_empty() && !matches!(p.kind, Kind::Set { .. } | Kind::KeySet | Kind::Token { .. } | Kind::Rates { .. }) {
        return Parsed::Rejected(Adjust::Empty);
    }
    match p.kind {
        Kind::Flag { .. } => match s.to_ascii_lowercase().as_str() {
            "1" | "true" => Parsed::Ok(Val::Flag(true)),
            "0" | "false" => Parsed::Ok(Val::Flag(false)),
            _ => Parsed::Rejected(Adjust::NotAFlag),
        },
        Kind::Choice { options, .. } => {
            match options.iter().position(|o| o.id == s || o.id.eq_ignore_ascii_case(s)) {
                Some(i) => Parsed::Ok(Val::Choice(i)),
                None => Parsed::Rejected(Adjust::UnknownOption),
            }
        }
        Kind::Number { .. } => match s.parse::<f64>() {
            Err(_) => Parsed::Rejected(Adjust::NotANumber),
            Ok(v) => check_number(p, v),
        },
        Kind::Set { options } => {
            parse_list(s, |item| options.iter().position(|o| o.id.eq_ignore_ascii_case(item)))
        }
        Kind::KeySet => parse_list(s, |item| Key::from_name(item).map(Key::index)),
        Kind::Rates { max_len } => {
            let ok = s.len() <= max_len
                && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-._@:,".contains(&b));
            if ok {
                Parsed::Ok(Val::Token(s.to_string()))
            } else {
                Parsed::Rejected(Adjust::BadToken)
            }
        }
        Kind::Token { max_len, path } => {
            let ok = s.len() <= max_len
                && s.bytes().all(|b| {
                    b.is_ascii_lowercase()
                        || b.is_ascii_digit()
                        || b == b'-'
                        || (path && (b.is_ascii_uppercase() || b"._~/:@+".contains(&b)))
                });
            if ok {
                Parsed::Ok(Val::Token(s.to_string()))
            } else {
                Parsed::Rejected(Adjust::BadToken)
            }
        }
    }
}

/// Clamps and rounds a number for input `p`, saying what changed.
pub fn check_number(p: &Param, v: f64) -> Parsed {
    let Kind::Number { min, max, decimals, .. } = p.kind else {
        return Parsed::Rejected(Adjust::NotANumber);
    };
    if !v.is_finite() {
        return Parsed::Rejected(Adjust::NotFinite);
    }
    if v < min {
        return Parsed::Adjusted(Val::Num(min), Adjust::BelowMin);
    }
    if v > max {
        return Parsed::Adjusted(Val::Num(max), Adjust::AboveMax);
    }
    let r = round_to(v, decimals).clamp(min, max);
    if r == v {
        Parsed::Ok(Val::Num(if r == 0.0 { 0.0 } else { r }))
    } else {
        Parsed::Adjusted(Val::Num(r), Adjust::Rounded)
    }
}

fn parse_list(s: &str, find: impl Fn(&str) -> Option<usize>) -> Parsed {
    let mut bits = 0u128;
    let mut unknown = Vec::new();
    for item in s.split(',').map(str::trim).filter(|i| !i.is_empty()) {
        match find(item) {
            Some(i) if i < 128 => bits |= 1 << i,
            _ => unknown.push(item.to_string()),
        }
    }
    if unknown.is_empty() {
        Parsed::Ok(Val::Set(bits))
    } else {
        Parsed::Adjusted(Val::Set(bits), Adjust::UnknownItems(unknown))
    }
}

/// The playground's inputs: one valid value per key.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    vals: [Val; KEY_COUNT],
}

impl Default for State {
    fn default() -> Self {
        Self { vals: std::array::from_fn(|i| Val::default_for(&PARAMS[i])) }
    }
}

impl State {
    /// The value of `k`.
    pub fn get(&self, k: Key) -> &Val {
        &self.vals[k.index()]
    }

    /// Sets `k` to a typed value, clamping it like a raw value would be. Returns what was changed,
    /// if anything; a refused value leaves the state as it was.
    pub fn set(&mut self, k: Key, v: Val) -> Option<Adjust> {
        let p = k.param();
        let parsed = match (p.kind, v) {
            (Kind::Flag { .. }, v @ Val::Flag(_)) => Parsed::Ok(v),
            (Kind::Choice { options, .. }, Val::Choice(i)) if i < options.len() => Parsed::Ok(Val::Choice(i)),
            (Kind::Number { .. }, Val::Num(n)) => check_number(p, n),
            (Kind::Set { options }, Val::Set(b)) => {
                let mask = if options.len() >= 128 { u128::MAX } else { (1u128 << options.len()) - 1 };
                Parsed::Ok(Val::Set(b & mask))
            }
            (Kind::KeySet, Val::Set(b)) => Parsed::Ok(Val::Set(b & ((1u128 << KEY_COUNT) - 1))),
            (Kind::Token { .. } | Kind::Rates { .. }, Val::Token(t)) => parse_value(p, &t),
            _ => Parsed::Rejected(Adjust::UnknownOption),
        };
        match parsed {
            Parsed::Ok(v) => {
                self.vals[k.index()] = v;
                None
            }
            Parsed::Adjusted(v, why) => {
                self.vals[k.index()] = v;
                Some(why)
            }
            Parsed::Rejected(why) => Some(why),
        }
    }

    /// Sets `k` from raw text (a typed control or a URL value).
    pub fn set_raw(&mut self, k: Key, raw: &str) -> Option<Adjust> {
        match parse_value(k.param(), raw) {
            Parsed::Ok(v) => {
                self.vals[k.index()] = v;
                None
            }
            Parsed::Adjusted(v, why) => {
                self.vals[k.index()] = v;
                Some(why)
            }
            Parsed::Rejected(why) => Some(why),
        }
    }

    /// Puts `k` back to its default.
    pub fn reset(&mut self, k: Key) {
        self.vals[k.index()] = Val::default_for(k.param());
    }

    /// Whether `k` holds its default.
    pub fn is_default(&self, k: Key) -> bool {
        self.vals[k.index()] == Val::default_for(k.param())
    }

    /// A flag's value (false for any other kind).
    pub fn flag(&self, k: Key) -> bool {
        matches!(self.get(k), Val::Flag(true))
    }

    /// A number's value (0 for any other kind).
    pub fn num(&self, k: Key) -> f64 {
        match self.get(k) {
            Val::Num(n) => *n,
            _ => 0.0,
        }
    }

    /// A choice's option index (0 for any other kind).
    pub fn choice(&self, k: Key) -> usize {
        match self.get(k) {
            Val::Choice(i) => *i,
            _ => 0,
        }
    }

    /// A choice's option id.
    pub fn choice_id(&self, k: Key) -> &'static str {
        match k.param().kind {
            Kind::Choice { options, .. } => options[self.choice(k).min(options.len() - 1)].id,
            _ => "",
        }
    }

    /// A set's bits (0 for any other kind).
    pub fn bits(&self, k: Key) -> u128 {
        match self.get(k) {
            Val::Set(b) => *b,
            _ => 0,
        }
    }

    /// Whether a set input contains option `i`.
    pub fn has(&self, k: Key, i: usize) -> bool {
        i < 128 && self.bits(k) & (1 << i) != 0
    }

    /// A token's text (empty for any other kind).
    pub fn token(&self, k: Key) -> &str {
        match self.get(k) {
            Val::Token(t) => t,
            _ => "",
        }
    }

    /// `workload`.
    pub fn workload(&self) -> Workload {
        Workload::from_index(self.choice(Key::Workload))
    }

    /// `ops`.
    pub fn ops(&self) -> Ops {
        Ops::from_index(self.choice(Key::Ops))
    }

    /// `advice`.
    pub fn advice(&self) -> Advice {
        Advice::from_index(self.choice(Key::Advice))
    }

    /// `arch`.
    pub fn arch(&self) -> Arch {
        Arch::from_index(self.choice(Key::Arch))
    }

    /// `pricing`.
    pub fn pricing(&self) -> Pricing {
        Pricing::from_index(self.choice(Key::Pricing))
    }

    /// `eks_support`.
    pub fn eks_support(&self) -> EksSupport {
        EksSupport::from_index(self.choice(Key::EksSupport))
    }

    /// `scale`.
    pub fn scale(&self) -> Scale {
        Scale::from_index(self.choice(Key::Scale))
    }

    /// `mode`.
    pub fn mode(&self) -> Mode {
        Mode::from_index(self.choice(Key::Mode))
    }

    /// Whether `k` is locked by the `lock` input.
    pub fn is_locked(&self, k: Key) -> bool {
        self.has(Key::Lock, k.index())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_match_the_table() {
        let s = State::default();
        assert_eq!(s.workload(), Workload::Service);
        assert_eq!(s.ops(), Ops::Balanced);
        assert_eq!(s.advice(), Advice::Current);
        assert!(!s.flag(Key::Gpu));
        assert_eq!(s.num(Key::Hours), 730.0);
        assert_eq!(s.choice_id(Key::Instance), "m5.large");
        assert_eq!(s.choice_id(Key::Region), "us-east-1");
    }

    #[test]
    fn numbers_are_clamped_rounded_or_refused() {
        let util = Key::Util.param();
        assert_eq!(parse_value(util, "250"), Parsed::Adjusted(Val::Num(100.0), Adjust::AboveMax));
        assert_eq!(parse_value(util, "-3"), Parsed::Adjusted(Val::Num(0.0), Adjust::BelowMin));
        assert_eq!(parse_value(util, "NaN"), Parsed::Rejected(Adjust::NotFinite));
        assert_eq!(parse_value(util, "inf"), Parsed::Rejected(Adjust::NotFinite));
        assert_eq!(parse_value(util, "abc"), Parsed::Rejected(Adjust::NotANumber));
        assert_eq!(parse_value(util, "7.5e1"), Parsed::Ok(Val::Num(75.0)));
        assert_eq!(parse_value(util, "33.3333"), Parsed::Adjusted(Val::Num(33.33), Adjust::Rounded));
        assert_eq!(parse_value(Key::Tasks.param(), "4.0"), Parsed::Ok(Val::Num(4.0)));
        assert_eq!(parse_value(Key::Tasks.param(), "4.4"), Parsed::Adjusted(Val::Num(4.0), Adjust::Rounded));
        assert_eq!(parse_value(util, "-0"), Parsed::Ok(Val::Num(0.0)));
    }

    #[test]
    fn flags_and_choices() {
        let gpu = Key::Gpu.param();
        assert_eq!(parse_value(gpu, "TRUE"), Parsed::Ok(Val::Flag(true)));
        assert_eq!(parse_value(gpu, "0"), Parsed::Ok(Val::Flag(false)));
        assert_eq!(parse_value(gpu, "yes"), Parsed::Rejected(Adjust::NotAFlag));
        assert_eq!(parse_value(gpu, ""), Parsed::Rejected(Adjust::Empty));
        assert_eq!(parse_value(Key::Ops.param(), "minimal"), Parsed::Ok(Val::Choice(0)));
        assert_eq!(parse_value(Key::Ops.param(), "tiny"), Parsed::Rejected(Adjust::UnknownOption));
    }

    #[test]
    fn sets_keep_known_items() {
        let r = parse_value(Key::Lock.param(), "gpu,ops,nope");
        let expect = (1u128 << Key::Gpu.index()) | (1u128 << Key::Ops.index());
        assert_eq!(r, Parsed::Adjusted(Val::Set(expect), Adjust::UnknownItems(vec!["nope".into()])));
        let r = parse_value(Key::Panels.param(), "cards,chart-util");
        assert_eq!(r, Parsed::Ok(Val::Set(0b1010)));
    }

    #[test]
    fn tokens_are_checked() {
        let q = Key::Q.param();
        assert_eq!(parse_value(q, "gpu-least-ops"), Parsed::Ok(Val::Token("gpu-least-ops".into())));
        assert_eq!(parse_value(q, "<script>"), Parsed::Rejected(Adjust::BadToken));
        assert_eq!(parse_value(q, &"a".repeat(5000)), Parsed::Rejected(Adjust::TooLong));
        assert_eq!(parse_value(q, "Packs/W.json"), Parsed::Rejected(Adjust::BadToken));
        let pack = Key::Pack.param();
        for ok in ["packs/Week3.json", "https://example.edu/p.json", "../a_b~c@d+e.json"] {
            assert_eq!(parse_value(pack, ok), Parsed::Ok(Val::Token(ok.into())), "{ok}");
        }
        for bad in ["<script>", "a b.json", "p.json?x=1", "p.json#x", "a\\b", "a".repeat(513).as_str()] {
            assert_eq!(parse_value(pack, bad), Parsed::Rejected(Adjust::BadToken), "{bad}");
        }
    }

    #[test]
    fn typed_set_is_validated_like_raw() {
        let mut s = State::default();
        assert_eq!(s.set(Key::Util, Val::Num(f64::NAN)), Some(Adjust::NotFinite));
        assert_eq!(s.num(Key::Util), 50.0);
        assert_eq!(s.set(Key::Util, Val::Num(120.0)), Some(Adjust::AboveMax));
        assert_eq!(s.num(Key::Util), 100.0);
        assert_eq!(s.set(Key::Ops, Val::Choice(99)), Some(Adjust::UnknownOption));
        assert_eq!(s.set(Key::Gpu, Val::Num(1.0)), Some(Adjust::UnknownOption));
        assert!(!s.flag(Key::Gpu));
    }
}
