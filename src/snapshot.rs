//! The first frame as static HTML, rendered natively at build time.
//!
//! The release build puts it into `index.html` (see `tools/postbuild.mjs`), so a first visit sees
//! the recommendation and the cards as soon as the page and its styles have arrived, instead of
//! after the whole wasm module. It is the app's own first render: the same [`App`](crate::App)
//! with no query, no storage and no frame (natively every browser call in [`crate::web`] finds
//! no window). The page shows it only when the app would draw exactly that (no query string and
//! nothing of Berth's in local storage) and keeps it `inert` until the app has started. Yew
//! empties the `<body>` when it mounts and draws its first render in the same task, so the
//! browser never paints a frame between the snapshot and the app.

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake};
use std::thread::{self, Thread};

use crate::App;

/// The app's first frame on a first visit, as HTML (no hydration markers).
pub fn first_frame() -> String {
    block_on(yew::LocalServerRenderer::<App>::new().hydratable(false).render())
}

/// Runs a future to completion on this thread. Yew renders synchronously off the browser, so
/// this never waits in practice; it parks only if a future says it is pending.
fn block_on<F: Future>(f: F) -> F::Output {
    struct Unpark(Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Arc::new(Unpark(thread::current())).into();
    let mut cx = Context::from_waker(&waker);
    let mut f = pin!(f);
    loop {
        match f.as_mut().poll(&mut cx) {
            Poll::Ready(v) => return v,
            Poll::Pending => thread::park(),
        }
    }
}

#[cfg(test)]
mod tests {
    use berth_core::decision::Facts;
    use berth_core::model::Model;
    use berth_core::view;

    use super::first_frame;

    fn escaped(text: &str) -> String {
        text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
    }

    #[test]
    fn the_snapshot_is_the_first_frame_of_a_first_visit() {
        let html = first_frame();
        let m = Model::from_query("");
        let page = view::page(&m, &view::explanation(&Facts::from_state(&m.state)));
        assert!(html.starts_with(r#"<div class="app">"#), "{}", &html[..80]);
        // The engine's answer and every option card, with the figures the app shows.
        assert!(html.contains(&escaped(&page.recommendation.headline)), "{}", page.recommendation.headline);
        assert!(html.contains(&escaped(&page.recommendation.cost.headline)), "{}", page.recommendation.cost.headline);
        assert_eq!(html.matches(r#"data-testid="option-card""#).count(), page.cards.len());
        for card in &page.cards {
            assert!(html.contains(&format!(r#"data-platform="{}""#, card.platform)), "{}", card.platform);
            assert!(html.contains(&escaped(&card.cost.headline)), "{}", card.cost.headline);
        }
        // The first render only: the rest of the page is pending, and its place is held.
        assert_eq!(html.matches(r#"aria-busy="true""#).count(), 1);
        assert!(html.contains(r#"class="layout__pending""#));
        assert!(!html.contains(r#"data-testid="chart""#));
        // The header's menus are closed summaries: what they hide comes with the rest of the page.
        for menu in ["embed", "saved"] {
            assert!(html.contains(&format!(r#"data-testid="{menu}""#)), "{menu}");
        }
        assert!(html.contains("Embed in a lesson") && html.contains("Saved scenarios (0)"));
        for inner in ["embed-code", "copy-embed", "save-name", "export-saved", "import-saved"] {
            assert!(!html.contains(&format!(r#"data-testid="{inner}""#)), "{inner}");
        }
        // Plain HTML: no hydration markers, no script, no notice.
        assert!(!html.contains("<!--") && !html.contains("<script"));
        assert!(!html.contains(r#"data-testid="notice""#));
    }

    #[test]
    fn every_stored_key_starts_with_the_prefix_the_snapshot_gate_looks_for() {
        // The snapshot is shown only when no key with this prefix is in local storage (its gate,
        // SNAPSHOT_GATE in tools/postbuild.mjs): anything the app reads at start must carry it.
        for key in [crate::store::OVERRIDES_KEY, crate::store::STUDY_KEY, crate::components::saved_menu::SCENARIOS_KEY] {
            assert!(key.starts_with("berth."), "{key}");
        }
    }
}
