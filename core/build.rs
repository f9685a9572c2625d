//! Build script: turns the project's data files (`core/data/`) into Rust statics in `OUT_DIR`, which
//! the crate `include!`s, so the first frame has them with no fetch and no parser in the wasm.
//!
//! One function per data set, each in its own file under `core/build/`. A data file that breaks its
//! documented schema (DEVELOPERS.md: "The catalog as data", "Rewording a rule, a trap or a dated fact") fails the build with every problem listed.

#[path = "build/catalog.rs"]
mod catalog;
#[path = "build/prose.rs"]
mod prose;

fn main() {
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-changed=build.rs");
    let data = std::path::PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("data");
    catalog::generate(&data.join("catalog"), &out);
    prose::generate(&data.join("decision"), &out);
}
