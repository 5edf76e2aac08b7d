//! Hankekatselin, the web app's entry point: mounts [`hankekatselin::app::App`] on `<body>`.
fn main() {
    yew::Renderer::<hankekatselin::app::App>::new().render();
}
