//! Entry point of the Import panel's web worker (see `berth::import_worker`): Trunk builds this
//! into a wasm of its own, loaded only when the panel opens.

fn main() {
    berth::import_worker::serve();
}
