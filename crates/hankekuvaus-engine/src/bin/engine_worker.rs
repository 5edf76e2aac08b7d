//! The engine worker: Trunk builds it from the app's `index.html` (`data-type="worker"`) as
//! a wasm binary of its own, which the page starts when it is first given a large file.

fn main() {
    hankekuvaus_engine::serve();
}
