//! Deep links: the whole [`State`] lives in the URL query string.
//!
//! [`parse_query`] never fails: unknown keys, repeated keys and bad values are ignored or clamped, and
//! each produces a [`Notice`] in plain words. [`to_query`] writes only the inputs that differ from their
//! defaults, in table order, so links stay short and a query read back gives the same state.

use crate::format::trimmed;
use crate::params::{Key, Kind, PARAMS};
use crate::state::{Adjust, State, Val};

/// A visible message about an input that was ignored or changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The key as given (shortened and cleaned for display), or empty for a notice about the query.
    pub key: String,
    /// What was done and why.
    pub text: String,
}

/// At most this many `key=value` pairs are read from one query.
pub const MAX_PAIRS: usize = 200;
/// At most this many notices are listed one by one; the rest are counted.
pub const MAX_NOTICES: usize = 12;

/// Shortens and cleans user text for display in a notice.
pub fn shown(raw: &str) -> String {
    let mut out = String::new();
    for (i, c) in raw.chars().enumerate() {
        if i == 40 {
            out.push('…');
            break;
        }
        out.push(if c.is_control() { '\u{fffd}' } else { c });
    }
    out
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Decodes `application/x-www-form-urlencoded` text (`+` is a space, `%XX` a byte).
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                match (hex(b[i + 1]), hex(b[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push(h * 16 + l);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Describes what happened to a value, for a notice.
pub fn describe(k: Key, raw: &str, why: &Adjust, kept: &State) -> String {
    let p = k.param();
    let name = p.name;
    let v = shown(raw.trim());
    let now = value_text(k, kept);
    match why {
        Adjust::NotAFlag => format!("“{name}={v}” is not 1, 0, true or false; kept {now}."),
        Adjust::UnknownOption => {
            let ids = match p.kind {
                Kind::Choice { options, .. } if options.len() <= 8 => {
                    options.iter().map(|o| o.id).collect::<Vec<_>>().join(", ")
                }
                _ => "the listed options".to_string(),
            };
            format!("“{name}={v}” is not one of {ids}; kept {now}.")
        }
        Adjust::NotANumber => format!("“{name}={v}” is not a number; kept {now}."),
        Adjust::NotFinite => format!("“{name}={v}” is not a finite number; kept {now}."),
        Adjust::BelowMin => format!("“{name}={v}” is below the minimum; used {now}."),
        Adjust::AboveMax => format!("“{name}={v}” is above the maximum; used {now}."),
        Adjust::Rounded => format!("“{name}={v}” was rounded to {now}."),
        Adjust::UnknownItems(items) => {
            let list = items.iter().take(5).map(|i| shown(i)).collect::<Vec<_>>().join(", ");
            let more = if items.len() > 5 { format!(" and {} more", items.len() - 5) } else { String::new() };
            format!("“{name}” has unknown items ({list}{more}); they were ignored.")
        }
        Adjust::BadToken if matches!(p.kind, Kind::Rates { .. }) => {
            format!("“{name}” is not a list of price overrides (rate-id@region:value, comma-separated); ignored.")
        }
        Adjust::BadToken if matches!(p.kind, Kind::Token { path: true, .. }) => {
            format!("“{name}={v}” is not a path to a file on this site; ignored.")
        }
        Adjust::BadToken => format!("“{name}={v}” is not a valid id; ignored."),
        Adjust::Empty => format!("“{name}” has no value; kept {now}."),
        Adjust::TooLong => format!("“{name}” has a value of {} characters, far too long; kept {now}.", raw.len()),
    }
}

/// The value of `k` as it appears in a URL, or `(empty)`.
fn value_text(k: Key, s: &State) -> String {
    let v = encode_value(k, s);
    if v.is_empty() {
        "(empty)".to_string()
    } else {
        v
    }
}

/// The URL text of one value.
pub fn encode_value(k: Key, s: &State) -> String {
    let p = k.param();
    match (p.kind, s.get(k)) {
        (Kind::Flag { .. }, Val::Flag(b)) => if *b { "1" } else { "0" }.to_string(),
        (Kind::Choice { .. }, Val::Choice(_)) => s.choice_id(k).to_string(),
        (Kind::Number { decimals, .. }, Val::Num(n)) => trimmed(*n, decimals as usize),
        (Kind::Set { options }, Val::Set(b)) => options
            .iter()
            .enumerate()
            .filter(|(i, _)| b & (1 << i) != 0)
            .map(|(_, o)| o.id)
            .collect::<Vec<_>>()
            .join(","),
        (Kind::KeySet, Val::Set(b)) => PARAMS
            .iter()
            .filter(|q| b & (1 << q.key.index()) != 0)
            .map(|q| q.name)
            .collect::<Vec<_>>()
            .join(","),
        (Kind::Token { .. } | Kind::Rates { .. }, Val::Token(t)) => t.clone(),
        _ => String::new(),
    }
}

/// Reads a query string (with or without the leading `?`) into a state, with a notice for every
/// key or value that was ignored or changed.
pub fn parse_query(query: &str) -> (State, Vec<Notice>) {
    let mut state = State::default();
    let mut notices = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    let query = query.split('#').next().unwrap_or("");

    let mut last: Vec<Option<(String, String)>> = vec![None; PARAMS.len()];
    let mut count = vec![0usize; PARAMS.len()];
    let mut unknown: Vec<String> = Vec::new();
    let mut skipped = 0usize;
    for (n, pair) in query.split('&').filter(|p| !p.is_empty()).enumerate() {
        if n >= MAX_PAIRS {
            skipped += 1;
            continue;
        }
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        if k.len() > 64 {
            unknown.push(decode(&k[..k.floor_char_boundary_compat(64)]));
            continue;
        }
        let key = decode(k);
        match Key::from_name(key.trim()) {
            Some(key_id) => {
                count[key_id.index()] += 1;
                last[key_id.index()] = Some((key, decode(v)));
            }
            None => unknown.push(key),
        }
    }

    for p in PARAMS {
        let i = p.key.index();
        if let Some((name, raw)) = &last[i] {
            if count[i] > 1 {
                notices.push(Notice {
                    key: p.name.to_string(),
                    text: format!("“{}” appeared {} times; the last value was used.", p.name, count[i]),
                });
            }
            if let Some(why) = state.set_raw(p.key, raw) {
                let text = describe(p.key, raw, &why, &state);
                notices.push(Notice { key: shown(name), text });
            }
        }
    }
    for k in &unknown {
        notices.push(Notice {
            key: shown(k),
            text: if k.trim().is_empty() {
                "A parameter with no name was ignored.".to_string()
            } else {
                format!("“{}” is not a key this page knows; it was ignored.", shown(k))
            },
        });
    }
    if skipped > 0 {
        notices.push(Notice {
            key: String::new(),
            text: format!("The link has more than {MAX_PAIRS} parameters; the last {skipped} were ignored."),
        });
    }
    (state, cap_notices(notices))
}

/// Keeps the first notices and counts the rest, so a hostile link cannot flood the page.
pub fn cap_notices(mut notices: Vec<Notice>) -> Vec<Notice> {
    if notices.len() > MAX_NOTICES {
        let rest = notices.len() - (MAX_NOTICES - 1);
        notices.truncate(MAX_NOTICES - 1);
        notices.push(Notice { key: String::new(), text: format!("… and {rest} more problems with this link were fixed or ignored.") });
    }
    notices
}

/// Writes the state as a query string (no leading `?`): only the inputs that differ from their
/// defaults, in table order.
pub fn to_query(s: &State) -> String {
    let mut out = String::new();
    for p in PARAMS {
        if s.is_default(p.key) {
            continue;
        }
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(p.name);
        out.push('=');
        out.push_str(&encode_value(p.key, s));
    }
    out
}

trait FloorCharBoundary {
    fn floor_char_boundary_compat(&self, i: usize) -> usize;
}

impl FloorCharBoundary for str {
    fn floor_char_boundary_compat(&self, mut i: usize) -> usize {
        if i >= self.len() {
            return self.len();
        }
        while !self.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::{Ops, Workload};

    #[test]
    fn empty_query_is_the_default_state() {
        let (s, n) = parse_query("");
        assert_eq!(s, State::default());
        assert!(n.is_empty());
        assert_eq!(to_query(&s), "");
    }

    #[test]
    fn reads_the_documented_keys() {
        let (s, n) = parse_query("?workload=batch&ops=minimal&gpu=1&job_minutes=20&advice=exam");
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(s.workload(), Workload::Batch);
        assert_eq!(s.ops(), Ops::Minimal);
        assert!(s.flag(Key::Gpu));
        assert_eq!(s.num(Key::JobMinutes), 20.0);
        assert_eq!(to_query(&s), "workload=batch&ops=minimal&gpu=1&job_minutes=20&advice=exam");
    }

    #[test]
    fn bad_input_is_ignored_or_clamped_with_a_notice() {
        let (s, n) = parse_query("util=500&gpu=maybe&nope=1&tasks=2&tasks=3&ops=");
        assert_eq!(s.num(Key::Util), 100.0);
        assert!(!s.flag(Key::Gpu));
        assert_eq!(s.num(Key::Tasks), 3.0);
        let texts: Vec<_> = n.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(n.len(), 5, "{texts:?}");
        assert!(texts.iter().any(|t| t.contains("util=500") && t.contains("used 100")));
        assert!(texts.iter().any(|t| t.contains("gpu=maybe")));
        assert!(texts.iter().any(|t| t.contains("nope")));
        assert!(texts.iter().any(|t| t.contains("appeared 2 times")));
        assert!(texts.iter().any(|t| t.contains("“ops” has no value")));
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(decode("a%20b+c%2Cd%"), "a b c,d%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%C3%A9"), "é");
        let (s, n) = parse_query("lock=gpu%2Cops");
        assert!(n.is_empty());
        assert!(s.is_locked(Key::Gpu) && s.is_locked(Key::Ops));
    }

    #[test]
    fn hostile_values_never_break() {
        let long = "9".repeat(20_000);
        let q = format!("util={long}&tasks=1e308&cpu=-1e-300&mem=%00&{long}=1&%FF%FE=2&&=&q=..%2F");
        let (s, n) = parse_query(&q);
        assert!(s.num(Key::Util) <= 100.0);
        assert_eq!(s.num(Key::Tasks), 1000.0);
        assert_eq!(s.num(Key::Cpu), 0.25);
        assert!(!n.is_empty() && n.len() <= MAX_NOTICES);
        for notice in &n {
            assert!(notice.text.chars().count() < 300, "{}", notice.text);
            assert!(!notice.text.chars().any(char::is_control));
        }
    }

    #[test]
    fn too_many_pairs_are_cut() {
        let q = (0..300).map(|i| format!("x{i}=1")).collect::<Vec<_>>().join("&");
        let (_, n) = parse_query(&q);
        assert_eq!(n.len(), MAX_NOTICES);
        assert!(n.last().unwrap().text.contains("more problems"));
    }
}
