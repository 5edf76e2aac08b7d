// The workbook worker's entry, copied into the site by Trunk (index.html) next to the
// worker's wasm-bindgen script and wasm. Not Trunk's loader shim: that one leaves a wasm that
// cannot be fetched or compiled as an unhandled rejection inside the worker, which the page
// never hears of; this one tells the page, which then shows why and frees the button.
importScripts('./workbook_worker.js');
wasm_bindgen({ module_or_path: './workbook_worker_bg.wasm' }).catch(() => postMessage('unavailable'));
