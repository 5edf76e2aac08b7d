// Times the search in a JavaScript engine: builds examples/wasm_bench.rs's corpus
// (8,000 descriptions, 40,000 list rows), indexes it in slices as the app would, and runs
// the 20 queries of hankekuvaus_search::corpus, each the best of five runs.
// Usage: node wasm_bench.mjs path/to/wasm_bench.wasm
import { readFileSync } from 'node:fs';

const DESCRIPTIONS = 8000;
const ROWS = 40000;
const SLICE = 250;

const { instance } = await WebAssembly.instantiate(readFileSync(process.argv[2]), {});
const e = instance.exports;
const kb = e.prepare(DESCRIPTIONS, ROWS);
const mb = kb / 1000;

function indexSlices(from, to) {
  let worst = 0;
  const start = performance.now();
  for (let k = from; k < to; k += SLICE) {
    const t = performance.now();
    e.add(k, Math.min(k + SLICE, to));
    worst = Math.max(worst, performance.now() - t);
  }
  return [performance.now() - start, worst];
}
const [descMs, descWorst] = indexSlices(0, DESCRIPTIONS);
const [rowMs, rowWorst] = indexSlices(DESCRIPTIONS, DESCRIPTIONS + ROWS);
console.log(`wasm index build: ${DESCRIPTIONS} descriptions (${mb.toFixed(1)} MB) in ${(descMs / 1000).toFixed(2)} s = ${(descMs / mb).toFixed(0)} ms/MB (slowest slice of ${SLICE}: ${descWorst.toFixed(0)} ms); ${ROWS} list rows ${(rowMs / 1000).toFixed(2)} s (slowest slice: ${rowWorst.toFixed(0)} ms)`);
console.log(`wasm index memory: ${(e.heap_kb() / 1000).toFixed(1)} MB after shrink_to_fit`);

const times = [];
for (let k = 0; k < e.query_count(); k++) {
  let best = Infinity;
  let found = 0;
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    found = e.query(k);
    best = Math.min(best, performance.now() - t);
  }
  times.push([best, k, found]);
}
times.sort((a, b) => a[0] - b[0]);
const [worst, worstK, worstN] = times[times.length - 1];
console.log(`wasm query latency over ${DESCRIPTIONS + ROWS} documents: median ${times[times.length >> 1][0].toFixed(2)} ms, worst ${worst.toFixed(2)} ms (query ${worstK}, ${worstN} hits)`);
