// The engine worker: a description of 4 MB or more is parsed in a Web Worker (a wasm binary
// of its own, fetched only when a load has such a file) and rebuilt on the page a few lines
// at a time. What the page lists and downloads equals the CLI's reading of the same files;
// a worker that cannot be loaded (404) leaves the file to the page, with the same result.

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  assertClean,
  cliJson,
  eventually,
  gotoApp,
  openPage,
  seedPaths,
  startApp,
} from '../lib/harness.mjs';
import { startServer } from '../lib/server.mjs';

const SEED_PATHS = seedPaths();
const ENGINE_FILES = ['engine_worker_loader.js', 'engine_worker.js', 'engine_worker_bg.wasm'];
const isEngineUrl = (url) => /engine_worker/.test(url);

/** A description of over 4 MB: the five seeds repeated, one after another, and a last line
 * with a word found nowhere else. */
function largeDescription() {
  const seeds = SEED_PATHS.map((p) => readFileSync(p));
  const parts = [];
  let size = 0;
  for (let i = 0; size < 4.5e6; i++) {
    const seed = seeds[i % seeds.length];
    parts.push(seed, Buffer.from('\n'));
    size += seed.length + 1;
  }
  parts.push(Buffer.from('Loppuhuomautus: viimeinenrivisana\n'));
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'hk-large-')), 'iso-kuvaus.txt');
  writeFileSync(file, Buffer.concat(parts));
  return file;
}

/** Loads `files` through the file input and waits until `listed` files (by default these)
 * are listed. */
async function load(page, files, listed = files.length) {
  await page.locator('input#file-input').setInputFiles(files);
  await page.locator('#load-progress[data-state="finished"]').waitFor({ state: 'attached', timeout: 120_000 });
  await eventually(async () =>
    assert.equal(await page.locator('#document-list li.doc-entry').count(), listed),
  );
}

/** The JSON of every loaded file, as "Download all" writes it. */
async function downloadAll(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.locator('button#download-all-json').click(),
  ]);
  const file = await download.path();
  assert.ok(file, `download failed: ${await download.failure()}`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

describe('engine', () => {
  let app;
  let large;
  before(async () => {
    app = await startApp();
    large = largeDescription();
  });
  after(async () => {
    await app?.close();
    if (large) rmSync(path.dirname(large), { recursive: true, force: true });
  });

  test('a large description is parsed in the worker and equals the CLI’s reading', async (t) => {
    const { page, problems } = await openPage(t, app.browser);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await gotoApp(page, app.baseUrl, '?lang=en');
    await load(page, [SEED_PATHS[1]]);
    assert.deepEqual(requests.filter(isEngineUrl), [], 'no engine for a small file');

    const files = [SEED_PATHS[1], large, SEED_PATHS[2]];
    await load(page, files.slice(1), files.length);
    assert.ok(requests.some((u) => u.endsWith('/engine_worker_bg.wasm')), 'the engine was started');
    assert.deepEqual(await downloadAll(page), await cliJson(files), 'equals `--format json`');

    // Its last line is searchable.
    await page.locator('#view-overview').click();
    await page.locator('#overview-filter-text').fill('viimeinenrivisana');
    await eventually(
      async () => assert.equal(await page.locator('#overview-table tr.overview-row').count(), 1),
      { timeout: 60_000 },
    );
    assertClean(problems);
  });

  test('an engine that cannot be loaded (404): the page parses the file itself', async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hk-no-engine-'));
    cpSync(app.dir, dir, { recursive: true });
    for (const file of ENGINE_FILES) rmSync(path.join(dir, file), { force: true });
    const server = await startServer(dir);
    t.after(() => server.close());
    const { page, problems } = await openPage(t, app.browser, { serviceWorkers: 'block' });
    const missing = [];
    page.on('response', (r) => {
      if (isEngineUrl(r.url()) && r.status() === 404) missing.push(r.url());
    });
    await gotoApp(page, server.url, '?lang=en');
    await load(page, [large]);
    assert.ok(missing.length > 0, 'the engine was asked for and missing');
    assert.deepEqual(await downloadAll(page), await cliJson([large]));
    // The missing worker files are the only problems.
    assert.ok(problems.failedRequests.every(isEngineUrl), `${problems.failedRequests}`);
    assert.deepEqual(problems.pageErrors, []);
  });
});
