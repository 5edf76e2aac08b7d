//! Hankekatselin, the web app's entry point: mounts [`hankekatselin::app::App`] on `<body>`,
//! or with `?bench=parse` only measures the parser (see [`hankekatselin::parse_bench`]), with
//! `?bench=search` only the search ([`hankekatselin::search_bench`]).
fn main() {
    if hankekatselin::parse_bench::requested() {
        hankekatselin::parse_bench::run();
        return;
    }
    if hankekatselin::search_bench::requested() {
        wasm_bindgen_futures::spawn_local(hankekatselin::search_bench::run());
        return;
    }
    yew::Renderer::<hankekatselin::app::App>::new().render();
}
