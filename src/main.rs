//! Hankekatselin, the web app's entry point.
fn main() {}
