#!/usr/bin/env node
// Issue 13 item 2: parsing in Web Workers against today's sliced loading, in one run.
//
//   PROBE_DIST=<repo>/crates/hankekuvaus-worker-probe/dist DIST_DIR=<repo>/dist \
//   CORPUS=<dir of 8,000 files> [BIG=<one large file>] [EXPORT=<a JSON export>] \
//   [ROUNDS=3] [ONLY=floor-main,w1,...] [CHUNK=100] node measure-worker.mjs
//
// Each round loads the same files through a file input, in a fresh browser context each:
// - floor-main: the probe page reads every file's bytes on the main thread
//   (`Blob.arrayBuffer()`, 48 files at a time, as the app's loader reads), nothing else;
// CHUNK: files per chunk dealt to a worker (the probe's default 100).
// - floor-w1: one worker reads the bytes one file at a time (`FileReaderSync`), nothing else;
//   floor-w1a, floor-w2a: one or two workers read them a chunk (100 files) at a time with
//   `Blob.arrayBuffer()` (promises settled together);
// - w1 (`FileReaderSync`), w1a, w2a (chunks through `Blob.arrayBuffer()`): one or two workers
//   read, parse and keep the documents, the page receives one summary per document (what an
//   overview row needs) and keeps them;
// - w1b, w2b: the page reads each chunk (`Blob.arrayBuffer()`) and posts the bytes, one or two
//   workers parse and keep them (no `File` crosses to a worker);
// - app: today's app (DIST_DIR, a release build), the overview open, until it lists every
//   file with the progress finished (as tests/e2e/measure-many.mjs measures it).
// Per load: seconds from the input's `change` event to done; the longest main-thread task
// starting after the change event (PerformanceObserver 'longtask': tasks over 50 ms); the
// page's JS heap after a GC and WebAssembly memory; the workers' WebAssembly memory.
// BIG and EXPORT are loaded once per round by w1a and app (one file each).
// Prints one line per load and a summary table (medians over the rounds, and the ratio of
// each time to the same round's floor-main). Nothing is asserted.

import { existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { launchBrowser } from './lib/harness.mjs';
import { startServer } from './lib/server.mjs';

const env = process.env;
if (!env.PROBE_DIST || !env.CORPUS) {
  console.error('measure-worker: set PROBE_DIST and CORPUS (see the comment at the top)');
  process.exit(2);
}
const ROUNDS = Number(env.ROUNDS || 3);
const ONLY = env.ONLY ? new Set(env.ONLY.split(',')) : null;
const wanted = (name) => !ONLY || ONLY.has(name);

// Installed before any page script: long tasks, the change event, done.
const PROBE = () => {
  const m = (window.__m = { long: [], change: null, done: null, expected: null, app: false });
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
    if (m.done !== null || m.expected === null) return;
    if (m.app) {
      const count = document.getElementById('overview-count');
      const progress = document.getElementById('load-progress');
      if (count?.dataset.total === String(m.expected) && progress?.dataset.state === 'finished') {
        m.done = performance.now();
      }
    } else if (document.getElementById('status')?.dataset.state === 'finished') {
      m.done = performance.now();
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

/** One load of `files`; `expected` rows for the app. Returns the figures. */
async function load(browser, kind, url, files, expected) {
  const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().includes('404')) errors.push(msg.text());
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && !res.url().endsWith('/favicon.ico')) errors.push(`${res.status()} ${res.url()}`);
  });
  try {
    await page.addInitScript(PROBE);
    const app = kind === 'app';
    if (app) {
      await page.goto(url);
      await page.locator('#view-overview').waitFor({ state: 'visible' });
      await page.locator('#view-overview').click();
    } else {
      const query = {
        'floor-main': 'mode=main-read',
        'floor-w1': 'mode=worker-read&workers=1',
        'floor-w1a': 'mode=worker-read&workers=1&read=async',
        'floor-w2a': 'mode=worker-read&workers=2&read=async',
        w1: 'mode=parse&workers=1',
        w1a: 'mode=parse&workers=1&read=async',
        w2a: 'mode=parse&workers=2&read=async',
        w1b: 'mode=parse&workers=1&feed=bytes',
        w2b: 'mode=parse&workers=2&feed=bytes',
      }[kind];
      await page.goto(`${url}?${query}${env.CHUNK ? `&chunk=${env.CHUNK}` : ''}`);
      await page.waitForFunction(() => document.getElementById('status')?.dataset.state === 'ready');
      // The workers load their wasm after the page: let them be ready, as they would be
      // long before a user has chosen files.
      await page.waitForTimeout(1000);
    }
    await page.evaluate(
      ([n, app]) => {
        window.__m.expected = n;
        window.__m.app = app;
      },
      [expected, app],
    );
    await page.locator('#file-input').setInputFiles(files);
    await page
      .waitForFunction(() => window.__m.done !== null, null, { timeout: 600_000, polling: 100 })
      .catch(() => {
        throw new Error(`${kind}: not done within 10 minutes (errors: ${errors.join('; ') || 'none'})`);
      });
    const m = await page.evaluate(() => ({
      change: window.__m.change,
      done: window.__m.done,
      long: window.__m.long,
      appWasm: window.__m.wasm?.memory?.buffer?.byteLength ?? null,
      result: document.getElementById('status')?.dataset.result ?? null,
    }));
    const during = m.long.filter(([start]) => start >= m.change && start <= m.done);
    const longest = during.reduce((max, [, d]) => Math.max(max, d), 0);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const result = m.result ? JSON.parse(m.result) : null;
    const workerWasm = result ? result.workers.reduce((s, w) => s + w.wasm_memory, 0) : 0;
    const pageWasm = app ? m.appWasm : result?.page_wasm_memory ?? 0;
    if (errors.length) throw new Error(`${kind}: page errors: ${errors.join('; ')}`);
    return {
      kind,
      bytes,
      seconds: (m.done - m.change) / 1e3,
      longest,
      over50: during.length,
      heap: usedSize,
      pageWasm,
      workerWasm,
      rows: result?.rows ?? expected,
      workerReadMs: result?.worker_read_ms ?? null,
      workerParseMs: result?.worker_parse_ms ?? null,
    };
  } finally {
    await context.close();
  }
}

function line(what, r) {
  const parts = [
    `${what} ${r.kind} (${mb(r.bytes)} MB): ${r.seconds.toFixed(2)} s`,
    `longest task ${Math.round(r.longest)} ms (${r.over50} over 50 ms)`,
    `JS heap ${mb(r.heap)} MB`,
    `page wasm ${mb(r.pageWasm)} MB`,
  ];
  if (r.workerWasm) parts.push(`workers' wasm ${mb(r.workerWasm)} MB`);
  if (r.workerParseMs !== null && r.workerParseMs !== undefined) {
    parts.push(`in workers: read ${(r.workerReadMs / 1e3).toFixed(2)} s, parse ${(r.workerParseMs / 1e3).toFixed(2)} s (summed)`);
  }
  if (r.rows !== undefined) parts.push(`${r.rows} rows`);
  console.log(parts.join('; '));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  const files = readdirSync(env.CORPUS)
    .sort()
    .map((f) => path.join(env.CORPUS, f));
  const probe = await startServer(path.resolve(env.PROBE_DIST));
  const app = env.DIST_DIR && existsSync(env.DIST_DIR) ? await startServer(path.resolve(env.DIST_DIR)) : null;
  const browser = await launchBrowser();
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} at start`);
  const kinds = ['floor-main', 'floor-w1', 'floor-w1a', 'floor-w2a', 'w1', 'w1a', 'w2a', 'w1b', 'w2b', 'app'].filter(
    wanted,
  );
  const all = {};
  try {
    for (let round = 1; round <= ROUNDS; round += 1) {
      console.log(`round ${round}, load average ${os.loadavg()[0].toFixed(2)}`);
      let floor = null;
      for (const kind of kinds) {
        if (kind === 'app' && !app) continue;
        const r = await load(browser, kind, kind === 'app' ? app.url : probe.url, files, files.length);
        if (kind === 'floor-main') floor = r.seconds;
        r.ratio = floor ? r.seconds / floor : null;
        line(`round ${round} ${files.length} files`, r);
        (all[kind] ||= []).push(r);
      }
      for (const [name, file, expected] of [
        ['big', env.BIG, 1],
        ['export', env.EXPORT, Number(/-(\d+)\.json$/.exec(env.EXPORT || '')?.[1] || 0)],
      ]) {
        if (!file) continue;
        for (const kind of ['w1a', 'app'].filter(wanted)) {
          if (kind === 'app' && !app) continue;
          const r = await load(browser, kind, kind === 'app' ? app.url : probe.url, [file], expected);
          line(`round ${round} ${name}`, r);
          (all[`${name} ${kind}`] ||= []).push(r);
        }
      }
    }
  } finally {
    await browser.close();
    await probe.close();
    if (app) await app.close();
  }
  console.log(`load average at end ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log('\n| load | time, median (runs) | × floor-main of its round, median | longest main-thread task, max | JS heap | page wasm | workers\' wasm |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const [kind, rs] of Object.entries(all)) {
    const ratios = rs.map((r) => r.ratio).filter((x) => x !== null && x !== undefined);
    console.log(
      `| ${kind} | ${median(rs.map((r) => r.seconds)).toFixed(2)} s (${rs.map((r) => r.seconds.toFixed(2)).join(', ')}) | ` +
        `${ratios.length && !kind.includes(' ') ? median(ratios).toFixed(2) + '×' : '–'} | ` +
        `${Math.round(Math.max(...rs.map((r) => r.longest)))} ms | ${mb(median(rs.map((r) => r.heap)))} MB | ` +
        `${mb(median(rs.map((r) => r.pageWasm)))} MB | ${mb(median(rs.map((r) => r.workerWasm)))} MB |`,
    );
  }
}

main().catch((err) => {
  console.error(`measure-worker: ${err.message}`);
  process.exit(1);
});
