//! Parses every seed many times and prints the throughput: a quick look without criterion.
//! `cargo run --release -p hankekuvaus --example profile`; `PROFILE_ROUNDS=20` sets the number
//! of rounds (200 by default), e.g. for a run under callgrind.
fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/seeds");
    let mut files: Vec<Vec<u8>> = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        files.push(std::fs::read(e.unwrap().path()).unwrap());
    }
    let total: usize = files.iter().map(Vec::len).sum();
    let rounds: usize = std::env::var("PROFILE_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(200);
    let start = std::time::Instant::now();
    for _ in 0..rounds {
        for f in &files {
            std::hint::black_box(hankekuvaus::parse(f, "x.txt").unwrap());
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!("{:.1} MB/s", (total * rounds) as f64 / secs / 1e6);
}
