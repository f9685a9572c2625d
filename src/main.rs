//! Binary entry point: Trunk builds this into the page's wasm module.

fn main() {
    berth::run();
}
