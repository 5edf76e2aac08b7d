#!/usr/bin/env node
// The full-text search in WebAssembly in Chromium, for `cargo xtask bench`:
//
//   DIST_DIR=<repo>/dist node measure-search.mjs [descriptions] [rows]
//
// Opens the page with `?bench=search` (src/search_bench.rs), which generates 8,000
// descriptions and 40,000 list rows from the bundled seeds (hankekuvaus-search's corpus),
// indexes them one document at a time and times the 20 fixed queries (each the median of 5
// runs). Prints `label: value` lines: index build cost (ms per MB of description text, and
// the rows), the slowest single document, query time (median and worst of the 20), and the
// same with the snippets of the first 20 results. Nothing is asserted: these are figures.

import { distDir, launchBrowser } from './lib/harness.mjs';
import { startServer } from './lib/server.mjs';

const descriptions = Number(process.argv[2] || 8000);
const rows = Number(process.argv[3] || 40000);

async function main() {
  const server = await startServer(distDir());
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}?bench=search&descriptions=${descriptions}&rows=${rows}`);
    const pre = page.locator('#bench-result');
    await pre.waitFor({ state: 'attached', timeout: 900_000 });
    const r = JSON.parse(await pre.textContent());
    const ms = (x) => `${x.toFixed(1)} ms`;
    const mb = r.bytes / 1e6;
    console.log(
      `index build, ${r.descriptions} descriptions (${mb.toFixed(1)} MB): ` +
        `${(r.build_descriptions_ms / mb).toFixed(0)} ms/MB (${(r.build_descriptions_ms / 1e3).toFixed(1)} s)`,
    );
    console.log(`index build, ${r.list_rows} list rows: ${(r.build_rows_ms / 1e3).toFixed(2)} s`);
    console.log(`slowest single description indexed: ${ms(r.slowest_add_ms)}`);
    console.log(`query, median of 20: ${ms(r.query_median_ms)}`);
    console.log(`query, worst of 20: ${ms(r.query_worst_ms)}`);
    console.log(`query + snippets of the first 20 results, median: ${ms(r.snippets_median_ms)}`);
    console.log(`query + snippets of the first 20 results, worst: ${ms(r.snippets_worst_ms)}`);
    console.log(`index: ${r.terms} terms, ${(r.index_bytes / 1e6).toFixed(0)} MB`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
