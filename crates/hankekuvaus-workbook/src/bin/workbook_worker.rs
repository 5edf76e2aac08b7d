//! The workbook worker: Trunk builds it from the app's `index.html` (`data-type="worker"`,
//! with a loader shim) as a second wasm binary, which the page starts on the first
//! "Download workbook" click.

fn main() {
    hankekuvaus_workbook::serve();
}
