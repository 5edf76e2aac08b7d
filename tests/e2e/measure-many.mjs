#!/usr/bin/env node
// Many files at once, for `cargo xtask bench`: the parser's throughput as WebAssembly, and
// loading 1, 100 and 8,000 generated descriptions through the file input.
//
//   DIST_DIR=<repo>/dist CORPUS_DIR=<dir> node measure-many.mjs
//
// CORPUS_DIR holds one sub-directory per run, named by its file count (`1/`, `100/`,
// `8000/`), as `cargo xtask bench` writes them with the corpus generator. Prints
// `label: value` lines:
// - the parser in WebAssembly: the page opened with `?bench=parse` parses the five bundled
//   seeds over and over, 1.5 s to warm up and 12 windows of 0.25 s, and reports the median
//   window's MB/s (the same files as the native criterion benchmark, so the two compare);
//   three such pages, the median reported;
// - a whole programme as one JSON export (`export/hankkeet-<count>.json` under CORPUS_DIR,
//   as `cargo xtask bench` writes it with the CLI), measured as the file counts are;
// - the three periods' list exports (`programme/`, `cargo xtask corpus --lists`: ~40,000
//   rows) with the 8,000 descriptions at once: the time until the overview's count settles,
//   the longest task, the memory, and the longest task after a filter, its clearing and a
//   sort (each watched for 3 s);
// - per file count: seconds from the file input's `change` event to the overview listing
//   every file with the progress finished; the longest main-thread task in that time
//   (PerformanceObserver 'longtask', which reports tasks over 50 ms; tasks that start after
//   the change event, see below); the seconds until the search index holds every document
//   (it catches up after the load); the JS heap after a garbage collection (CDP
//   Runtime.getHeapUsage) and the WebAssembly memory when every file is listed and once the
//   index is complete, each also as a multiple of the input's size.
// Nothing is asserted: these are figures.

import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { distDir, launchBrowser } from './lib/harness.mjs';
import { startServer } from './lib/server.mjs';

const corpusDir = process.env.CORPUS_DIR;
if (!corpusDir) {
  console.error('measure-many: set CORPUS_DIR (see the comment at the top)');
  process.exit(2);
}

// Installed before any page script: long tasks, the moment files arrive, the moment the
// overview lists them all, and the app's WebAssembly exports (for its memory).
const PROBE = () => {
  const m = (window.__many = { long: [], change: null, done: null, expected: null, indexed: null });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) m.long.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  addEventListener('TrunkApplicationStarted', (e) => {
    m.wasm = e.detail?.wasm;
  });
  document.addEventListener(
    'change',
    (e) => {
      if (e.target?.id === 'file-input' && m.change === null) m.change = performance.now();
    },
    true,
  );
  const check = () => {
    // The moment the search's "indexing" note is gone once every file is listed (while files
    // arrive it comes and goes as the index catches up).
    if (m.done !== null && m.indexed === null && !document.getElementById('search-pending')) {
      m.indexed = performance.now();
    }
    if (m.done !== null || m.expected === null) return;
    const count = document.getElementById('overview-count');
    const progress = document.getElementById('load-progress');
    if (m.expected === 'settled') {
      // List rows and descriptions of the same project merge into one row, so the final
      // count is not known in advance: the moment the count last changed, once the
      // progress has finished (the caller waits until it stays so).
      const total = count?.dataset.total ?? null;
      if (total !== m.lastTotal) {
        m.lastTotal = total;
        m.lastChange = performance.now();
      }
      if (progress?.dataset.state === 'finished') m.finished = true;
      return;
    }
    if (
      count?.dataset.total === String(m.expected) &&
      progress?.dataset.state === 'finished'
    ) {
      m.done = performance.now();
      m.memoryListed = m.wasm?.memory?.buffer?.byteLength ?? null;
      if (!document.getElementById('search-pending')) m.indexed = m.done;
    }
  };
  const start = () =>
    new MutationObserver(check).observe(document.documentElement, {
      subtree: true,
      childList: true,
      attributes: true,
    });
  if (document.documentElement) start();
  else document.addEventListener('readystatechange', start, { once: true });
};

const mb = (bytes) => (bytes / 1e6).toFixed(1);

async function wasmParse(browser, url) {
  // Three pages, the median page reported: a fresh browser shares two cores with its own
  // start-up work, which moves a single run by a fifth either way.
  const runs = [];
  for (let i = 0; i < 3; i += 1) {
    const page = await browser.newPage();
    try {
      await page.goto(`${url}?bench=parse`);
      const pre = page.locator('#bench-result');
      await pre.waitFor({ state: 'attached', timeout: 60_000 });
      runs.push(JSON.parse(await pre.textContent()));
    } finally {
      await page.close();
    }
  }
  const sorted = [...runs].sort((a, b) => a.mb_per_s - b.mb_per_s);
  const r = sorted[1];
  console.log(
    `parser in wasm (Chromium), all 5 seeds: ${r.mb_per_s.toFixed(1)} MB/s ` +
      `(median of 3 pages: ${runs.map((x) => x.mb_per_s.toFixed(1)).join(', ')}; each the median of ` +
      `${r.windows} windows of 0.25 s after a 1.5 s warm-up)`,
  );
}

/** What the probe saw of a load that ended at `window.__many[end]`: the times, the count,
 * the wasm memory, and the long tasks that started after the change event (the task that
 * dispatches it also holds Playwright's setting of thousands of files on the input, which a
 * real drop has not). */
async function loadFigures(page, end) {
  const m = await page.evaluate((end) => ({
    change: window.__many.change,
    done: window.__many[end],
    indexed: window.__many.indexed,
    memoryListed: window.__many.memoryListed ?? null,
    total: window.__many.lastTotal,
    long: window.__many.long,
    wasmMemory: window.__many.wasm?.memory?.buffer?.byteLength ?? null,
  }), end);
  const during = m.long.filter(([start]) => start >= m.change && start <= m.done);
  const longest = during.reduce((max, [, d]) => Math.max(max, d), 0);
  return { m, during, longest };
}

/** A new page of the app with the probe installed, showing the overview, and the page
 * errors it reports; the caller closes `context`. */
async function openOverview(browser, url, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.addInitScript(PROBE);
  await page.goto(url);
  await page.locator('#view-overview').waitFor({ state: 'visible' });
  await page.locator('#view-overview').click();
  return { context, page, errors };
}

/** The floor of a load: seconds the app's page takes merely to read the bytes of `files`
 * chosen in a file input of its own, 48 at a time with `Blob.arrayBuffer()` as the loader
 * reads them, and nothing else: the faster of reading each 48 after the last and reading
 * the next 48 while waiting for the last. */
async function readFloor(browser, url, files) {
  const { context, page } = await openOverview(browser, url);
  try {
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.multiple = true;
      input.id = 'floor-input';
      document.body.append(input);
      // Two ways, the faster counting: 48 files at a time, and the same with the next 48
      // started before the last are awaited (as the app reads while files are small).
      const readAll = async (all, ahead) => {
        const start = performance.now();
        let bytes = 0;
        const chunk = (i) => Promise.allSettled(all.slice(i, i + 48).map((f) => f.arrayBuffer()));
        let next = chunk(0);
        for (let i = 0; i < all.length; i += 48) {
          const reading = next;
          if (ahead) next = chunk(i + 48);
          const read = await reading;
          if (!ahead) next = chunk(i + 48);
          for (const r of read) bytes += r.value?.byteLength ?? 0;
        }
        return { seconds: (performance.now() - start) / 1e3, bytes };
      };
      input.addEventListener('change', async () => {
        const all = [...input.files];
        const one = await readAll(all, false);
        const ahead = await readAll(all, true);
        window.__floor = { seconds: Math.min(one.seconds, ahead.seconds), one, ahead };
      });
    });
    await page.locator('#floor-input').setInputFiles(files);
    await page.waitForFunction(() => window.__floor, null, { timeout: 600_000, polling: 200 });
    const { seconds, one, ahead } = await page.evaluate(() => window.__floor);
    console.log(
      `${files.length} files, read floor: ${seconds.toFixed(2)} s (the page only reading their bytes, ` +
        `the faster of 48 at a time, ${one.seconds.toFixed(2)} s, and 48 at a time with the next 48 ` +
        `already reading, ${ahead.seconds.toFixed(2)} s)`,
    );
    return seconds;
  } finally {
    await context.close();
  }
}

/** Loads `files` through the file input until the overview lists `n` rows; with `floor`
 * (seconds, from `readFloor`), prints the time as a multiple of it. */
async function loadMany(browser, url, files, n, what, floor = null) {
  const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
  const { context, page, errors } = await openOverview(browser, url);
  try {
    await page.evaluate((n) => {
      window.__many.expected = n;
    }, n);
    await page.locator('#file-input').setInputFiles(files);
    await page
      .waitForFunction(() => window.__many.done !== null, null, { timeout: 600_000, polling: 200 })
      .catch(async () => {
        const count = await page.locator('#overview-count').getAttribute('data-total').catch(() => null);
        throw new Error(
          `${what}: the overview did not list all ${n} within 10 minutes (listed: ${count}; ` +
            `page errors: ${errors.join('; ') || 'none'})`,
        );
      });
    // The search index follows in the page's idle periods: wait until it holds every
    // document (the probe's `indexed`, set on the mutation that removes the note).
    await page.waitForFunction(
      () => {
        const m = window.__many;
        if (m.indexed === null && !document.getElementById('search-pending')) {
          m.indexed = performance.now();
        }
        return m.indexed !== null;
      },
      null,
      { timeout: 600_000, polling: 200 },
    );
    const { m, during, longest } = await loadFigures(page, 'done');
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const label = `${what} (${mb(bytes)} MB)`;
    console.log(
      `${label}, overview lists all: ${((m.done - m.change) / 1e3).toFixed(2)} s ` +
        '(file input change event to every row listed and the progress finished)',
    );
    if (floor) {
      console.log(`${label}, load of the read floor: ${((m.done - m.change) / 1e3 / floor).toFixed(2)}×`);
    }
    console.log(
      `${label}, search index complete: ${((m.indexed - m.change) / 1e3).toFixed(2)} s ` +
        '(file input change event to every document searchable)',
    );
    console.log(
      `${label}, longest main-thread task: ${Math.round(longest)} ms ` +
        `(${during.length} tasks over 50 ms while loading${longest === 0 ? '; none over 50 ms' : ''})`,
    );
    console.log(
      `${label}, JS heap after load: ${mb(usedSize)} MB (${(usedSize / bytes).toFixed(2)}× the input; after a GC)`,
    );
    if (m.memoryListed !== null) {
      console.log(
        `${label}, wasm memory when all are listed: ${mb(m.memoryListed)} MB ` +
          `(${(m.memoryListed / bytes).toFixed(2)}× the input)`,
      );
    }
    if (m.wasmMemory !== null) {
      console.log(
        `${label}, wasm memory after load: ${mb(m.wasmMemory)} MB (${(m.wasmMemory / bytes).toFixed(2)}× the input; ` +
          'the search index complete)',
      );
    }
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  } finally {
    await context.close();
  }
}

/** The longest main-thread task in the `ms` after `action` runs, and the time until the
 * overview's shown count changed (or `ms` if it did not). */
async function interaction(page, what, action, ms = 3000) {
  const t0 = await page.evaluate(() => {
    const m = window.__many;
    m.mark = performance.now();
    m.shownAt = null;
    const count = document.getElementById('overview-count');
    const before = count?.dataset.shown;
    m.shownObserver?.disconnect();
    m.shownObserver = new MutationObserver(() => {
      if (m.shownAt === null && count.dataset.shown !== before) m.shownAt = performance.now();
    });
    if (count) m.shownObserver.observe(count, { attributes: true });
    return m.mark;
  });
  await action();
  await page.waitForTimeout(ms);
  const r = await page.evaluate((t0) => {
    const m = window.__many;
    const tasks = m.long.filter(([start]) => start >= t0);
    return {
      longest: tasks.reduce((max, [, d]) => Math.max(max, d), 0),
      n: tasks.length,
      shown: m.shownAt === null ? null : m.shownAt - t0,
    };
  }, t0);
  const took = r.shown === null ? 'the shown count did not change' : `${Math.round(r.shown)} ms to the new count`;
  console.log(
    `${what}: longest main-thread task ${Math.round(r.longest)} ms (${r.n} over 50 ms; ${took})`,
  );
}

/** The three list exports (`programme/`) and the 8,000 descriptions at once: list rows and
 * the descriptions of the same projects merge, so the count settles rather than being known. */
async function loadProgramme(browser, url, lists, descriptions) {
  const files = [...lists, ...descriptions];
  const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
  const label = `3 list exports + ${descriptions.length} descriptions (${mb(bytes)} MB)`;
  const { context, page, errors } = await openOverview(browser, url, {
    viewport: { width: 1366, height: 900 },
  });
  try {
    await page.evaluate(() => {
      window.__many.expected = 'settled';
    });
    await page.locator('#file-input').setInputFiles(files);
    await page.waitForFunction(() => window.__many.finished === true, null, {
      timeout: 900_000,
      polling: 200,
    });
    // Settled: the count unchanged for two seconds after the progress finished.
    await page.waitForFunction(() => performance.now() - window.__many.lastChange > 2000, null, {
      timeout: 120_000,
      polling: 200,
    });
    const { m, during, longest } = await loadFigures(page, 'lastChange');
    console.log(
      `${label}, overview lists all: ${((m.done - m.change) / 1e3).toFixed(2)} s (${m.total} rows)`,
    );
    console.log(
      `${label}, longest main-thread task: ${Math.round(longest)} ms (${during.length} tasks over 50 ms while loading)`,
    );
    if (m.wasmMemory !== null) {
      console.log(
        `${label}, wasm memory after load: ${mb(m.wasmMemory)} MB (${(m.wasmMemory / bytes).toFixed(2)}× the input)`,
      );
    }
    // What a user does with a programme: a query, a facet, the filters, sorting both ways.
    const filter = page.locator('#overview-filter-text');
    await interaction(page, `${label}, filter "nuoret"`, () => filter.fill('nuoret'));
    const facet = page.locator('#search-facets button.facet-value').first();
    await interaction(page, `${label}, a facet value chosen under the query`, () => facet.click());
    await interaction(page, `${label}, filter cleared`, () => filter.fill(''));
    const chosen = page.locator('#search-facets button.facet-value[aria-pressed="true"]');
    await interaction(page, `${label}, the facet value dropped`, () => chosen.first().click());
    const period = page.locator('#overview-filter-period');
    await interaction(page, `${label}, period 2007-2013 chosen`, () =>
      period.selectOption('2007-2013'),
    );
    await interaction(page, `${label}, period filter cleared`, () => period.selectOption(''));
    const region = page.locator('#overview-filter-region');
    await interaction(page, `${label}, a region chosen`, () => region.selectOption({ index: 1 }));
    await interaction(page, `${label}, region filter cleared`, () => region.selectOption(''));
    for (const [nth, what] of [
      [1, 'name'],
      [3, 'a fourth column'],
    ]) {
      const sort = page.locator('#overview th button.sort-button').nth(nth);
      await interaction(page, `${label}, sort by ${what}`, () => sort.click());
      await interaction(page, `${label}, sort by ${what}, the other way`, () => sort.click());
    }
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  } finally {
    await context.close();
  }
}

async function main() {
  const dir = distDir();
  const runs = readdirSync(corpusDir)
    .filter((d) => /^\d+$/.test(d))
    .sort((a, b) => Number(a) - Number(b));
  const server = await startServer(dir);
  const browser = await launchBrowser();
  try {
    await wasmParse(browser, server.url);
    for (const run of runs) {
      const dir = path.join(corpusDir, run);
      const files = readdirSync(dir)
        .sort()
        .map((f) => path.join(dir, f));
      const n = files.length;
      const floor = n >= 1000 ? await readFloor(browser, server.url, files) : null;
      await loadMany(browser, server.url, files, n, `${n} file${n === 1 ? '' : 's'}`, floor);
    }
    // Whole programmes: the three periods' list exports with the 8,000 descriptions.
    const programmeDir = path.join(corpusDir, 'programme');
    const largest = runs.at(-1);
    if (existsSync(programmeDir) && largest) {
      const lists = readdirSync(programmeDir).sort().map((f) => path.join(programmeDir, f));
      const descriptions = readdirSync(path.join(corpusDir, largest))
        .sort()
        .map((f) => path.join(corpusDir, largest, f));
      await loadProgramme(browser, server.url, lists, descriptions);
    }
    // The largest single file the viewer reads (`large/`, a description just under the
    // 50 MiB limit): parsed in the engine worker, rebuilt on the page.
    const largeDir = path.join(corpusDir, 'large');
    for (const name of existsSync(largeDir) ? readdirSync(largeDir).sort() : []) {
      const file = path.join(largeDir, name);
      await loadMany(browser, server.url, [file], 1, 'one large description');
    }
    // A whole programme shared as one JSON export (`export/hankkeet-<count>.json`, written
    // by the CLI): re-imported item by item.
    const exportDir = path.join(corpusDir, 'export');
    for (const name of existsSync(exportDir) ? readdirSync(exportDir).sort() : []) {
      const count = Number(/^hankkeet-(\d+)\.json$/.exec(name)?.[1]);
      if (!count) continue;
      const what = `${count} documents as one JSON export`;
      await loadMany(browser, server.url, [path.join(exportDir, name)], count, what);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err) => {
  console.error(`measure-many: ${err.message}`);
  process.exit(1);
});
