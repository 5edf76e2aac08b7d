// The engine worker's entry, copied into the site by Trunk (index.html) next to the worker's
// wasm-bindgen script and wasm. As the workbook worker's loader: a wasm that cannot be fetched
// or compiled is told to the page ('unavailable'), which then parses on its own thread.
importScripts('./engine_worker.js');
wasm_bindgen({ module_or_path: './engine_worker_bg.wasm' }).catch(() => postMessage('unavailable'));
