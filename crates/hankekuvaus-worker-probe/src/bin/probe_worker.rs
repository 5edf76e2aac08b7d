//! The worker binary: registers [`ParseWorker`] with the `serde-wasm-bindgen` codec.

use gloo_worker::Registrable;
use hankekuvaus_worker_probe::{ParseWorker, Swb};

fn main() {
    ParseWorker::registrar().encoding::<Swb>().register();
}
