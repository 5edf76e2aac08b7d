// Times examples/wasm_parse.rs in Node (V8): the parser over the five seeds, 40 windows of
// 20 rounds after a warm-up, the median window's MB/s. Given two modules (two builds of the
// parser), alternates their windows in one process and prints the second's ratio to the
// first: separate runs of Node move by a tenth, alternating ones by a few per cent.
// Usage: node wasm_parse.mjs a.wasm [b.wasm]
import { readFileSync } from 'node:fs';

const files = process.argv.slice(2);
if (files.length === 0 || files.length > 2) {
  console.error('usage: node wasm_parse.mjs a.wasm [b.wasm]');
  process.exit(2);
}
const modules = [];
for (const file of files) {
  const { instance } = await WebAssembly.instantiate(readFileSync(file), {});
  modules.push(instance.exports);
}
const mb = modules[0].seed_bytes() / 1e6;
for (const m of modules) {
  if (m.parse_seeds(400) !== 2000) throw new Error('a seed did not parse');
}
const windows = modules.map(() => []);
for (let w = 0; w < 40; w += 1) {
  modules.forEach((m, k) => {
    const start = performance.now();
    m.parse_seeds(20);
    windows[k].push((20 * mb) / ((performance.now() - start) / 1000));
  });
}
const medians = windows.map((runs) => runs.sort((a, b) => a - b)[runs.length >> 1]);
files.forEach((file, k) => console.log(`${file}: ${medians[k].toFixed(1)} MB/s`));
if (medians.length === 2) console.log(`ratio: ${(medians[1] / medians[0]).toFixed(3)}`);
