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
//!
//! The messages are serde types: the shell turns them into plain objects with
//! `serde_wasm_bindgen::to_value` and posts those.

use serde::Serialize;

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

/// The `berth:resize` message: `{"type":"berth:resize","height":<px>}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Resize {
    /// Always `berth:resize`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The content height in whole CSS pixels, rounded up (0 when unknown).
    pub height: u32,
}

/// The `berth:resize` message for a content height.
pub fn resize_message(height: f64) -> Resize {
    // `as` saturates: heights beyond u32 become u32::MAX, NaN becomes 0.
    let h = if height.is_finite() && height > 0.0 { height.ceil() as u32 } else { 0 };
    Resize { kind: "berth:resize", height: h }
}

/// The recommendation in a `berth:state` message: public ids, empty text when there is none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recommendation {
    /// The recommended platform's id.
    pub platform: &'static str,
    /// The capacity option's id.
    pub capacity: &'static str,
    /// The deployment option's id.
    pub deploy: &'static str,
    /// The ids of the extras the plan adds.
    pub extras: Vec<&'static str>,
}

/// The `berth:state` message: the inputs as a canonical query and what they recommend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StateMessage {
    /// Always `berth:state`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The canonical query string of the inputs.
    pub query: String,
    /// What the inputs recommend.
    pub recommendation: Recommendation,
    /// `exam` or `current`.
    pub advice: &'static str,
}

/// The `berth:state` message for a state and its decision.
pub fn state_message(s: &State, d: &Decision) -> StateMessage {
    let plan = d.top_plan();
    StateMessage {
        kind: "berth:state",
        query: to_query(s),
        recommendation: Recommendation {
            platform: d.top.map(Platform::id).unwrap_or(""),
            capacity: plan.and_then(|p| p.capacity).map(|c| c.id()).unwrap_or(""),
            deploy: plan.and_then(|p| p.deploy).map(|c| c.id()).unwrap_or(""),
            extras: plan.map(|p| p.extras.iter().map(|e| e.id()).collect()).unwrap_or_default(),
        },
        advice: s.advice().id(),
    }
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
    fn messages_read_as_today() {
        // Written by the release before serde (tests/fixtures/formats/messages.jsonl).
        let (s, _) = parse_query("gpu=1&ops=minimal&log_routing=1");
        let m = serde_json::to_string(&state_message(&s, &decide_state(&s))).unwrap();
        assert_eq!(
            m,
            r#"{"type":"berth:state","query":"ops=minimal&gpu=1&log_routing=1","recommendation":{"platform":"ecs-ec2","capacity":"on-demand","deploy":"rolling","extras":["firelens-sidecar"]},"advice":"current"}"#
        );
        let r = |h: f64| serde_json::to_string(&resize_message(h)).unwrap();
        assert_eq!(r(812.3), r#"{"type":"berth:resize","height":813}"#);
        assert_eq!(r(f64::NAN), r#"{"type":"berth:resize","height":0}"#);
        assert_eq!(r(-5.0), r#"{"type":"berth:resize","height":0}"#);
        assert_eq!(r(1e9), r#"{"type":"berth:resize","height":1000000000}"#);
        assert_eq!(resize_message(f64::INFINITY).height, 0);
        assert_eq!(resize_message(1e12).height, u32::MAX);
    }
}
