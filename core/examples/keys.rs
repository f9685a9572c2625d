//! Prints the URL keys as a Markdown table, straight from the one table of inputs
//! (`berth_core::params::PARAMS`). The README's key table is this output; a test keeps them equal.
//!
//! `cargo run -q -p berth-core --example keys`

fn main() {
    print!("{}", berth_core::params::markdown_table());
}
