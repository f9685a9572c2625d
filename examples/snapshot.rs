//! Prints the app's first frame as HTML (see `berth::snapshot`). The release build's post-build
//! step runs it and puts the result into `index.html`.

fn main() {
    print!("{}", berth::snapshot::first_frame());
}
