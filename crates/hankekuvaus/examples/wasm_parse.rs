//! The parser over the five seeds as a bare WebAssembly module, to time in a JavaScript
//! engine and to compare two builds of the parser in one process.
//!
//! No wasm-bindgen: the module exports plain functions and imports nothing, so Node (V8,
//! the engine of Chromium) loads it as it is. `benches/wasm_parse.mjs` times it, and with
//! two modules alternates their windows, which is steadier than separate runs:
//!
//! ```text
//! cargo build -p hankekuvaus --example wasm_parse --release --target wasm32-unknown-unknown
//! node crates/hankekuvaus/benches/wasm_parse.mjs base.wasm target/wasm32-unknown-unknown/release/examples/wasm_parse.wasm
//! ```

/// The seeds, built into the module so that it needs no file access.
const SEEDS: [&[u8]; 5] = [
    include_bytes!("../../../testdata/seeds/000_2f4bdf7767fd6a31.txt"),
    include_bytes!("../../../testdata/seeds/001_d1fd5f1036f524e3.txt"),
    include_bytes!("../../../testdata/seeds/002_42d1ac510dc6f05e.txt"),
    include_bytes!("../../../testdata/seeds/003_c113c283eaad9dcd.txt"),
    include_bytes!("../../../testdata/seeds/004_c583bbdf69c07adf.txt"),
];

/// The seeds' size in bytes.
#[no_mangle]
pub extern "C" fn seed_bytes() -> u32 {
    SEEDS.iter().map(|s| s.len() as u32).sum()
}

/// Parses every seed `rounds` times; returns how many parses gave a document.
#[no_mangle]
pub extern "C" fn parse_seeds(rounds: u32) -> u32 {
    let mut documents = 0;
    for _ in 0..rounds {
        for seed in SEEDS {
            let parsed = hankekuvaus::parse(std::hint::black_box(seed), "seed.txt");
            documents += u32::from(std::hint::black_box(&parsed).is_ok());
        }
    }
    documents
}
