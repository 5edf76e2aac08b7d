// Shared pieces of the end-to-end tests: where things are, the browser, per-page problem
// collection, the CLI as the reference for JSON, and synthetic drag and drop.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { startServer } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository root (tests/e2e/lib → ../../..). */
export const REPO_ROOT = path.resolve(here, '..', '..', '..');
/** The five real descriptions. */
export const SEEDS_DIR = path.join(REPO_ROOT, 'testdata', 'seeds');

/** The seeds in file-name order, as "Open examples" lists them. */
export function seedFiles() {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

/** The seeds' paths, in file-name order. */
export function seedPaths() {
  return seedFiles().map((f) => path.join(SEEDS_DIR, f));
}

/** The path of the seed whose file name starts with `prefix` (e.g. "001_"). */
export function seedPath(prefix) {
  const name = seedFiles().find((f) => f.startsWith(prefix));
  assert.ok(name, `no seed file ${prefix}* in ${SEEDS_DIR}`);
  return path.join(SEEDS_DIR, name);
}

/** The Chromium that the tests drive: the system one, never a downloaded build. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * The built app: DIST_DIR must name a directory holding index.html. Throws a message that
 * says what to do otherwise, so a misconfigured run fails loudly instead of testing nothing.
 */
export function distDir() {
  const dir = process.env.DIST_DIR;
  if (!dir) {
    throw new Error(
      'DIST_DIR is not set. Build the app first (`trunk build --release --offline` at the ' +
        'repository root, or `cargo xtask test`, which does both) and run the tests with ' +
        'DIST_DIR=<repo>/dist npm test.',
    );
  }
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(`DIST_DIR=${dir} is not a directory. Build the app first (trunk build).`);
  }
  const entries = readdirSync(dir);
  if (entries.length === 0) {
    throw new Error(`DIST_DIR=${dir} is empty. Build the app first (trunk build).`);
  }
  if (!entries.includes('index.html')) {
    throw new Error(`DIST_DIR=${dir} has no index.html (found: ${entries.join(', ')}).`);
  }
  return path.resolve(dir);
}

/** Launches the system Chromium headless with the flags that keep it quiet and offline. */
export function launchBrowser() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with ` +
        '`apt-get install chromium` (or set CHROMIUM_PATH).',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/**
 * Starts the static server on DIST_DIR and the browser: call from a `before` hook.
 * Returns `{ baseUrl, browser, close() }`.
 */
export async function startApp() {
  const dir = distDir();
  const server = await startServer(dir);
  let browser;
  try {
    browser = await launchBrowser();
  } catch (err) {
    await server.close();
    throw err;
  }
  return {
    baseUrl: server.url,
    browser,
    dir,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A fresh browser context and page for one test, closed when the test ends. Collects what
 * a user never wants to see: console errors, uncaught page errors (a Rust panic shows up
 * here) and failed requests (network failures and HTTP errors).
 */
export async function openPage(t, browser, contextOptions = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...contextOptions });
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems = { consoleErrors: [], pageErrors: [], failedRequests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      problems.consoleErrors.push(`${msg.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => problems.pageErrors.push(String(err?.stack || err)));
  page.on('requestfailed', (req) => {
    // Chromium fetches the page's icon again at every history entry the page pushes (the
    // view in the address); a reload or the next entry aborts the fetch in flight, which no
    // user ever sees.
    if (req.failure()?.errorText === 'net::ERR_ABORTED' && /\/icons\/[^/]+$/.test(req.url())) return;
    problems.failedRequests.push(`${req.method()} ${req.url()}: ${req.failure()?.errorText}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) {
      problems.failedRequests.push(`${res.request().method()} ${res.url()}: HTTP ${res.status()}`);
    }
  });
  return { context, page, problems };
}

/** Asserts that no console error, page error or failed request was seen. */
export function assertClean(problems, what = 'the page') {
  assert.deepEqual(problems.pageErrors, [], `uncaught errors on ${what}`);
  assert.deepEqual(problems.consoleErrors, [], `console errors on ${what}`);
  assert.deepEqual(problems.failedRequests, [], `failed requests on ${what}`);
}

/**
 * Navigates to the app (with `query`, e.g. "?lang=en") and waits until the Wasm app has
 * rendered its controls.
 */
export async function gotoApp(page, baseUrl, query = '') {
  await page.goto(baseUrl + query, { waitUntil: 'load' });
  await page.locator('button#open-examples').waitFor({ state: 'visible' });
}

/** Text with no-break spaces (U+00A0, U+202F) and runs of white space made plain spaces. */
export function normalizeSpaces(s) {
  return s.replace(/[\u00a0\u202f\u2007]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The normalised text of the first element matching `selector` within `scope`. */
export async function textOf(scope, selector) {
  const loc = scope.locator(selector).first();
  await loc.waitFor({ state: 'visible' });
  return normalizeSpaces(await loc.innerText());
}

/**
 * Polls `fn` until it returns without throwing, or throws its last error after `timeout` ms.
 * For assertions on state that the app reaches asynchronously.
 */
export async function eventually(fn, { timeout = 10_000, interval = 100 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, interval));
    }
  }
}

/**
 * Asserts that `fn` keeps passing for `duration` ms (checked every `interval` ms): for
 * "nothing more happens", e.g. a duplicate that must not be listed a little later.
 */
export async function holds(fn, { duration = 500, interval = 100 } = {}) {
  const end = Date.now() + duration;
  for (;;) {
    await fn();
    if (Date.now() > end) return;
    await new Promise((r) => setTimeout(r, interval));
  }
}

const cliCache = new Map();

/**
 * The CLI's `--format json` output for `files` (paths), parsed: the reference the viewer's
 * downloads must equal. Runs `cargo run -q -p hankekuvaus-cli` from the repository root, or
 * the binary named by HANKEKUVAUS_CLI. The CLI may exit non-zero when a file is not a
 * description; its JSON on stdout is what counts.
 */
export function cliJson(files) {
  const key = files.join('\n');
  if (!cliCache.has(key)) {
    const bin = process.env.HANKEKUVAUS_CLI;
    const [cmd, args] = bin
      ? [bin, ['--format', 'json', ...files]]
      : ['cargo', ['run', '-q', '-p', 'hankekuvaus-cli', '--', '--format', 'json', ...files]];
    cliCache.set(
      key,
      new Promise((resolve, reject) => {
        execFile(
          cmd,
          args,
          { cwd: REPO_ROOT, maxBuffer: 256 * 1024 * 1024, timeout: 15 * 60_000 },
          (err, stdout, stderr) => {
            try {
              const value = JSON.parse(stdout);
              assert.ok(Array.isArray(value), 'the CLI prints a JSON array');
              resolve(value);
            } catch (parseErr) {
              reject(
                new Error(
                  `${cmd} ${args.join(' ')} did not print a JSON array ` +
                    `(${err ? `exit: ${err.message}; ` : ''}${parseErr.message})\nstderr: ${stderr}`,
                ),
              );
            }
          },
        );
      }),
    );
  }
  return cliCache.get(key);
}

/** `{ name, mimeType, buffer }` for a file on disk, as setInputFiles and drops take it. */
export function fileFromDisk(p, mimeType = 'text/plain') {
  return { name: path.basename(p), mimeType, buffer: readFileSync(p) };
}

/**
 * Starts a synthetic drag over `document.body` carrying `files`: builds a DataTransfer in
 * the page and dispatches `dragenter` and `dragover`. Finish it with `dropDragged`.
 */
export async function dragFilesOver(page, files) {
  const payload = files.map((f) => ({
    name: f.name,
    type: f.mimeType || '',
    base64: Buffer.from(f.buffer).toString('base64'),
  }));
  await page.evaluate((items) => {
    const dt = new DataTransfer();
    for (const item of items) {
      const bin = atob(item.base64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], item.name, { type: item.type }));
    }
    window.__e2eDataTransfer = dt;
    for (const type of ['dragenter', 'dragover']) {
      document.body.dispatchEvent(
        new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
    }
  }, payload);
}

/** Drops what `dragFilesOver` is carrying on `document.body`. */
export async function dropDragged(page) {
  await page.evaluate(() => {
    const dt = window.__e2eDataTransfer;
    delete window.__e2eDataTransfer;
    document.body.dispatchEvent(
      new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
    );
  });
}

/** Drags `files` over the page and drops them. */
export async function dropFiles(page, files) {
  await dragFilesOver(page, files);
  await dropDragged(page);
}

/** A valid 1×1 PNG image (signature, IHDR, IDAT, IEND with correct CRCs). */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Reads a Playwright download as parsed JSON, with its suggested file name. */
export async function readDownloadJson(download) {
  const p = await download.path();
  assert.ok(p, `download ${download.suggestedFilename()} failed: ${await download.failure()}`);
  return { name: download.suggestedFilename(), text: readFileSync(p, 'utf8') };
}

/** Runs a command from the repository root; resolves with stdout (as a Buffer). */
export function runCommand(cmd, args) {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      { cwd: REPO_ROOT, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024, timeout: 15 * 60_000 },
      (err, stdout, stderr) =>
        err && !stdout.length
          ? reject(new Error(`${cmd} ${args.join(' ')}: ${err.message}\n${stderr}`))
          : resolve(stdout),
    );
  });
}

/** Writes `count` synthetic descriptions with `cargo xtask corpus` into a new directory;
 * their paths, in name order. */
export async function corpus(count) {
  const dir = mkdtempSync(path.join(tmpdir(), 'hk-corpus-'));
  await runCommand('cargo', ['run', '-q', '-p', 'xtask', '--', 'corpus', '--count', String(count), '--out', dir]);
  const files = readdirSync(dir).sort().map((f) => path.join(dir, f));
  if (files.length !== count) throw new Error(`cargo xtask corpus wrote ${files.length} files, not ${count}`);
  return files;
}
