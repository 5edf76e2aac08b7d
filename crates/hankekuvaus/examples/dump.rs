//! Prints the JSON of one file: `cargo run -p hankekuvaus --example dump FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: dump FILE");
    let bytes = std::fs::read(&path).expect("readable file");
    match hankekuvaus::parse(&bytes, &path) {
        Ok(doc) => print!("{}", hankekuvaus::export::document_json(&doc)),
        Err(e) => eprintln!("{}: {}", e.code, e.message),
    }
}
