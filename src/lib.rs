//! # Berth: the Yew shell
//!
//! A thin layer over [`berth_core`]: the root component keeps the core's `Model` in a reducer,
//! builds the view model from it and renders it with small components (one per file under
//! [`components`]). Browser glue (URL, storage, clipboard, messages to a host page, the panic
//! screen) lives in [`web`]. Nothing here computes a cost, a rule or a crossover.

pub mod app;
pub mod store;
pub mod components;
pub mod import_worker;
#[cfg(not(target_arch = "wasm32"))]
pub mod snapshot;
pub mod study_loader;
pub mod web;

pub use app::App;

/// Starts the app in the page's `<body>`, with a panic screen instead of a frozen page.
pub fn run() {
    web::install_panic_screen();
    // Test hook: the end-to-end suite proves the panic screen on the real bundle with it.
    if web::search().split(['?', '&']).any(|kv| kv == "__panic=1") {
        panic!("a panic forced by the __panic=1 test hook");
    }
    // Yew empties the body first: a snapshot of the first frame the page may be showing goes
    // with it, in the same task as the app's own first render.
    yew::Renderer::<App>::new().render();
}
