//! Embedding in course material: the iframe snippet, and the messages posted to the host page.
//!
//! A lesson embeds the playground with `embed=1` (no page chrome), `panels=` (which panels show)
//! and `lock=` (inputs the learner cannot change). The embedded app talks to its host with
//! `postMessage`; the message shapes below are a public contract documented in the README, so a
//! learning platform can size the frame and record progress:
//!
//! - `{"type":"berth:resize","height":<px>}` whenever the content height changes;
//! - `{"type":"berth:state","query":"…","recommendation":{"platform":…,"capacity":…,"deploy":…,"extras":[…]},"advice":"exam|current"}`
//!   whenever the inputs change;
//! - `{"type":"berth:answer",…}` when a study answer is revealed (see [`crate::study`]).

use crate::catalog::json::Value;
use crate::decision::Decision;
use crate::params::{Key, PANEL_OPTS};
use crate::platform::Platform;
use crate::state::{State, Val};
use crate::url::to_query;

/// Prefix of every message type.
pub const MESSAGE_PREFIX: &str = "berth:";

/// What an embed snippet should contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EmbedOptions {
    /// Bits over [`PANEL_OPTS`]: the panels to show (0: all).
    pub panels: u128,
    /// Lock every decision input the lesson changed from its default.
    pub lock_changed: bool,
}

/// The query string of an embedded lesson for this state.
pub fn embed_query(s: &State, o: EmbedOptions) -> String {
    let mut e = s.clone();
    let _ = e.set(Key::Embed, Val::Flag(true));
    let _ = e.set(Key::Panels, Val::Set(o.panels));
    if o.lock_changed {
        let mut bits = s.bits(Key::Lock);
        for k in crate::decision::DECISION_KEYS {
            if !s.is_default(k) {
                bits |= 1 << k.index();
            }
        }
        let _ = e.set(Key::Lock, Val::Set(bits));
    }
    to_query(&e)
}

fn attr_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The HTML a course author pastes into a page: the iframe, and a few lines of script on the host
/// page that size the frame from the app's `berth:resize` messages.
pub fn snippet(base_url: &str, s: &State, o: EmbedOptions, title: &str) -> String {
    let src = format!("{base_url}?{}", embed_query(s, o));
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"720\" loading=\"lazy\" style=\"border:0;width:100%\"></iframe>\n\
<script>\n\
window.addEventListener('message', function (e) {{\n\
  var d = e.data;\n\
  if (!d || d.type !== 'berth:resize') return;\n\
  document.querySelectorAll('iframe').forEach(function (f) {{\n\
    if (f.contentWindow === e.source) f.style.height = d.height + 'px';\n\
  }});\n\
}});\n\
</script>",
        attr_escape(&src),
        attr_escape(title)
    )
}

/// The `berth:resize` message.
pub fn resize_message(height: f64) -> String {
    let h = if height.is_finite() && height > 0.0 { height.ceil() } else { 0.0 };
    Value::Obj(vec![("type".into(), Value::Str("berth:resize".into())), ("height".into(), Value::Num(h))]).to_json()
}

/// The `berth:state` message for a state and its decision.
pub fn state_message(s: &State, d: &Decision) -> String {
    let plan = d.top_plan();
    let extras = plan.map(|p| p.extras.iter().map(|e| Value::Str(e.id().into())).collect()).unwrap_or_default();
    let rec = Value::Obj(vec![
        ("platform".into(), Value::Str(d.top.map(Platform::id).unwrap_or("").into())),
        ("capacity".into(), Value::Str(plan.and_then(|p| p.capacity).map(|c| c.id()).unwrap_or("").into())),
        ("deploy".into(), Value::Str(plan.and_then(|p| p.deploy).map(|c| c.id()).unwrap_or("").into())),
        ("extras".into(), Value::Arr(extras)),
    ]);
    Value::Obj(vec![
        ("type".into(), Value::Str("berth:state".into())),
        ("query".into(), Value::Str(to_query(s))),
        ("recommendation".into(), rec),
        ("advice".into(), Value::Str(s.advice().id().into())),
    ])
    .to_json()
}

/// The ids of [`PANEL_OPTS`], for choosing panels.
pub fn panel_ids() -> impl Iterator<Item = (usize, &'static str, &'static str)> {
    PANEL_OPTS.iter().enumerate().map(|(i, o)| (i, o.id, o.label))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::decide_state;
    use crate::url::parse_query;

    #[test]
    fn embed_query_locks_what_the_lesson_set() {
        let (s, _) = parse_query("gpu=1&ops=minimal&util=70");
        let q = embed_query(&s, EmbedOptions { panels: 0b1010, lock_changed: true });
        assert_eq!(q, "ops=minimal&gpu=1&util=70&embed=1&panels=cards,chart-util&lock=ops,gpu");
        let (back, notices) = parse_query(&q);
        assert!(notices.is_empty());
        assert!(back.is_locked(Key::Gpu) && back.flag(Key::Embed));
    }

    #[test]
    fn snippet_escapes_and_sizes() {
        let (s, _) = parse_query("gpu=1");
        let html = snippet("https://example.org/berth/", &s, EmbedOptions::default(), "A \"GPU\" lesson");
        assert!(html.starts_with("<iframe src=\"https://example.org/berth/?gpu=1&amp;embed=1\""));
        assert!(html.contains("title=\"A &quot;GPU&quot; lesson\""));
        assert!(html.contains("berth:resize"));
    }

    #[test]
    fn messages_are_valid_json() {
        let (s, _) = parse_query("gpu=1&ops=minimal&log_routing=1");
        let m = state_message(&s, &decide_state(&s));
        let v = Value::parse(&m).unwrap();
        assert_eq!(v.get("type").and_then(Value::as_str), Some("berth:state"));
        let rec = v.get("recommendation").unwrap();
        assert_eq!(rec.get("platform").and_then(Value::as_str), Some("ecs-ec2"));
        assert_eq!(rec.get("extras").and_then(Value::as_array).map(<[Value]>::len), Some(1));
        let r = Value::parse(&resize_message(812.3)).unwrap();
        assert_eq!(r.get("height").and_then(Value::as_f64), Some(813.0));
        assert_eq!(Value::parse(&resize_message(f64::NAN)).unwrap().get("height").and_then(Value::as_f64), Some(0.0));
    }
}
