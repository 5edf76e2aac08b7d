#!/usr/bin/env node
// Time to first document and download sizes of the built app, for `cargo xtask bench`.
//
//   DIST_DIR=<repo>/dist node measure-first-document.mjs [runs]
//
// Each run opens the page in a fresh browser context, clicks "Open examples" from inside
// the page as soon as the button is visible (no driver round trip in the figure), and reads
// the page's `performance.now()` (milliseconds since navigation start) at which
// `#document-view` first became visible. The in-page click relies on the button being
// rendered by the app itself (Yew attaches its listeners before the first render), so a
// visible button is a working one. Prints the median of the runs (default 5) and the gzipped
// sizes of the .wasm and .js files in DIST_DIR, as plain lines.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { distDir, launchBrowser } from './lib/harness.mjs';
import { startServer } from './lib/server.mjs';

const runs = Number(process.argv[2] ?? 5);

// Installed before any page script: records when the button appears, when it is clicked and
// when the first document view becomes visible, all as performance.now() values.
const PROBE = () => {
  const marks = (window.__firstDocument = {});
  const check = () => {
    const button = document.getElementById('open-examples');
    if (marks.button === undefined && button && button.checkVisibility()) {
      // Clicked from inside the page, at once: no driver round trip in the figure. Yew 0.23
      // renders in slices and may not handle a click made while it is still rendering the
      // first page, so the button is clicked again every 50 ms until the view shows:
      // the figure is when a click first opens the examples.
      marks.button = performance.now();
      marks.clicks = 0;
      const click = () => {
        if (marks.view !== undefined) return;
        marks.clicks += 1;
        document.getElementById('open-examples')?.click();
        setTimeout(click, 50);
      };
      queueMicrotask(click);
    }
    const view = document.getElementById('document-view');
    if (marks.view === undefined && view && view.checkVisibility()) {
      marks.view = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  const start = () => {
    observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true });
    check();
  };
  if (document.documentElement) start();
  else document.addEventListener('readystatechange', start, { once: true });
  document.addEventListener(
    'click',
    (e) => {
      if (marks.click === undefined && e.target.closest?.('#open-examples')) marks.click = performance.now();
    },
    true,
  );
};

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

async function main() {
  const dir = distDir();
  const server = await startServer(dir);
  const browser = await launchBrowser();
  const samples = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (err) => errors.push(String(err)));
      await page.addInitScript(PROBE);
      await page.goto(server.url, { waitUntil: 'commit' });
      await page
        .waitForFunction(() => window.__firstDocument?.view !== undefined, null, {
          timeout: 30_000,
          polling: 50,
        })
        .catch(async () => {
          const marks = await page.evaluate(() => window.__firstDocument).catch(() => null);
          throw new Error(
            `run ${i + 1}: no visible #document-view within 30 s ` +
              `(marks so far: ${JSON.stringify(marks)}; page errors: ${errors.join('; ') || 'none'})`,
          );
        });
      const marks = await page.evaluate(() => window.__firstDocument);
      await context.close();
      if (errors.length) throw new Error(`page errors during run ${i + 1}: ${errors.join('; ')}`);
      samples.push(marks);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const fmt = (ms) => `${Math.round(ms)} ms`;
  const runsOf = (f) => samples.map((m) => Math.round(f(m))).join(' ');
  const line = (label, f, what) =>
    console.log(
      `${label}: ${fmt(median(samples.map(f)))} median of ${runs} (${what}; runs ${runsOf(f)})`,
    );
  line(
    'first document visible',
    (m) => m.view,
    'navigation start to #document-view, Open examples clicked once visible and every 50 ms after',
  );
  line('app ready', (m) => m.button, 'navigation start to Open examples visible');
  line('examples shown', (m) => m.view - m.click, 'first click on Open examples to #document-view');
  console.log(
    `clicks needed: ${median(samples.map((m) => m.clicks))} median of ${runs} ` +
      `(a click every 50 ms from the button showing until the view; runs ${runsOf((m) => m.clicks)})`,
  );
  let total = 0;
  let totalGz = 0;
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  for (const file of filesUnder(dir).filter((f) => /\.(wasm|js)$/.test(f)).sort()) {
    const bytes = readFileSync(file);
    const gz = gzipSync(bytes, { level: 9 }).length;
    total += bytes.length;
    totalGz += gz;
    console.log(`${path.relative(dir, file)} gzipped: ${kib(gz)} (${kib(bytes.length)} raw)`);
  }
  console.log(`wasm + js gzipped: ${kib(totalGz)} (${kib(total)} raw)`);
}

main().catch((err) => {
  console.error(`measure-first-document: ${err.message}`);
  process.exit(1);
});
