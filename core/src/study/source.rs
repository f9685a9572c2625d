//! Where a pack may come from: the page's own origin only. A `pack=` value is a relative path, or an
//! absolute URL on the page's origin; anything else (another site, a protocol-relative `//host`,
//! another scheme) is refused here, before the shell makes any request.

/// The file the built-in scenarios are shipped in, beside the page (`dist/scenarios.json`).
pub const BUILTIN_PATH: &str = "./scenarios.json";

/// The URL to fetch for a `pack=` value on a page served from `origin` (`https://example.edu`), or
/// why it is refused.
pub fn pack_url(value: &str, origin: &str) -> Result<String, String> {
    let v = value.trim();
    let refuse = || Err(format!("“{}” is not on this site, and a pack is only read from the site that serves the page", crate::url::shown(v)));
    if v.is_empty() {
        return Err("the pack path is empty".into());
    }
    if v.starts_with("//") || v.contains('\\') || v.bytes().any(|b| b.is_ascii_control() || b == b' ') {
        return refuse();
    }
    let scheme_end = v.find(':');
    let first_slash = v.find('/').unwrap_or(v.len());
    match scheme_end {
        Some(i) if i < first_slash => {
            // Absolute: scheme, host and port must be the page's own, followed by a path.
            let o = origin.trim_end_matches('/');
            let same = !o.is_empty()
                && o != "null"
                && v.len() > o.len()
                && v[..o.len()].eq_ignore_ascii_case(o)
                && v.as_bytes()[o.len()] == b'/';
            if same {
                Ok(v.to_string())
            } else {
                refuse()
            }
        }
        _ => Ok(v.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const O: &str = "https://example.edu";

    #[test]
    fn relative_and_same_origin_paths_pass() {
        for v in ["week3.json", "./packs/week3.json", "../packs/w.json", "/courses/aws/packs/w.json", "packs/a:b.json"] {
            assert_eq!(pack_url(v, O).as_deref(), Ok(v), "{v}");
        }
        assert!(pack_url("https://example.edu/p.json", O).is_ok());
        assert!(pack_url("HTTPS://EXAMPLE.EDU/p.json", O).is_ok());
    }

    #[test]
    fn other_origins_are_refused() {
        for v in [
            "https://evil.example/p.json",
            "https://example.edu.evil.example/p.json",
            "https://example.edu:8443/p.json",
            "http://example.edu/p.json",
            "//evil.example/p.json",
            "\\\\evil.example/p.json",
            "javascript:alert(1)",
            "data:application/json,{}",
            "blob:https://example.edu/x",
            "https://example.edu",
            "",
        ] {
            assert!(pack_url(v, O).is_err(), "{v}");
        }
        assert!(pack_url("https://example.edu/p.json", "null").is_err());
    }
}
