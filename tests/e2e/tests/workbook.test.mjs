// "Download workbook": the two buttons write an .xlsx in the workbook worker, a second wasm
// binary fetched on the first click only. The workbooks are read back with calamine
// (`crates/hankekuvaus-tables/examples/dump_xlsx.rs`, or the binary named by DUMP_XLSX) and
// compared cell by cell, types included, with the CLI's `--format xlsx` of the same files
// (HANKEKUVAUS_CLI, or `cargo run`). Also: a worker that cannot be loaded (404) gives an
// alert and the button works again, and the one-file edition (SINGLE_FILE) disables both
// buttons and says why.

import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';

import {
  assertClean,
  eventually,
  gotoApp,
  launchBrowser,
  openPage,
  REPO_ROOT,
  runCommand,
  seedPaths,
  startApp,
} from '../lib/harness.mjs';
import { startServer } from '../lib/server.mjs';

const SEED_PATHS = seedPaths();
const WORKER_FILES = ['workbook_worker_loader.js', 'workbook_worker.js', 'workbook_worker_bg.wasm'];
const isWorkerUrl = (url) => /workbook_worker/.test(url);

/** Every sheet of the workbook at `file`: `[{ name, rows: [[[type, value], …], …] }, …]`. */
async function dump(file) {
  const bin = process.env.DUMP_XLSX;
  const out = bin
    ? await runCommand(bin, [file])
    : await runCommand('cargo', ['run', '-q', '-p', 'hankekuvaus-tables', '--example', 'dump_xlsx', '--', file]);
  return JSON.parse(out);
}

/** The CLI's workbook of `files` with headers in `lang`, read back. */
async function cliWorkbook(files, lang) {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'hk-xlsx-')), 'cli.xlsx');
  const args = ['--format', 'xlsx', '--lang', lang, '-o', out, ...files];
  const bin = process.env.HANKEKUVAUS_CLI;
  // Exit status 1 means "a file had errors": the workbook is written all the same.
  await (bin ? runCommand(bin, args) : runCommand('cargo', ['run', '-q', '-p', 'hankekuvaus-cli', '--', ...args])).catch(
    (err) => {
      if (!existsSync(out)) throw err;
    },
  );
  return dump(out);
}

/** Clicks the button `id` and reads the workbook it downloads. */
async function downloadWorkbook(page, id) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.locator(id).click(),
  ]);
  const file = await download.path();
  assert.ok(file, `download of ${id} failed: ${await download.failure()}`);
  return { name: download.suggestedFilename(), sheets: await dump(file) };
}

async function openExamples(page) {
  await page.locator('button#open-examples').click();
  await eventually(async () =>
    assert.equal(await page.locator('#document-list li.doc-entry').count(), 5),
  );
}

/** The column of `sheet` whose header is `label`: its cells below the header. */
function column(sheet, label) {
  const index = sheet.rows[0].findIndex(([, v]) => v === label);
  assert.ok(index >= 0, `${sheet.name} has a column "${label}": ${JSON.stringify(sheet.rows[0])}`);
  return sheet.rows.slice(1).map((row) => row[index]);
}

const typesOf = (cells) => new Set(cells.map(([type]) => type));

/** Typed cells on every sheet of the English workbook of the five seeds, a file with
 * diagnostics and one that is not a description. */
function assertTyped(sheets) {
  assert.deepEqual(
    sheets.map((s) => s.name),
    ['Projects', 'Indicators', 'Sustainability', 'Areas', 'Organisations', 'Diagnostics'],
  );
  for (const sheet of sheets) {
    assert.ok(sheet.rows.length > 1, `${sheet.name} has rows`);
    assert.deepEqual(typesOf(sheet.rows[0]), new Set(['s']), `${sheet.name}: a header of text`);
  }
  const [projects, indicators, sustainability, areas, organisations, diagnostics] = sheets;
  assert.equal(projects.rows.length, 7, 'a header and six descriptions');
  const codes = column(projects, 'Project code');
  const s21498 = codes.findIndex(([, v]) => v === 'S21498');
  assert.ok(s21498 >= 0);
  assert.deepEqual(column(projects, 'EU and state funding granted')[s21498], ['f', 48724]);
  assert.deepEqual(column(projects, 'Total public funding planned')[s21498], ['f', 69606]);
  assert.deepEqual(typesOf(column(projects, 'Start date')), new Set(['d']), 'dates are dates');
  const share = column(projects, 'EU and state share of planned public funding');
  assert.ok(share.every(([t, v]) => t === 'f' && v > 0 && v <= 1), `shares as fractions: ${share}`);
  assert.deepEqual(typesOf(column(projects, 'Duration, months')), new Set(['f']));
  assert.ok(typesOf(column(indicators, 'Planned')).has('f'), 'indicator values are numbers');
  assert.ok(typesOf(column(sustainability, 'Direct')).has('f'), 'scores are numbers');
  assert.deepEqual(typesOf(column(areas, 'Project code')), new Set(['s']));
  assert.deepEqual(typesOf(column(organisations, 'Business ID valid')), new Set(['b']));
  assert.deepEqual(typesOf(column(diagnostics, 'Line')), new Set(['f', 'empty']), 'lines are numbers');
  assert.ok(column(diagnostics, 'File').some(([, v]) => v === 'muistio.txt'), 'the failure is listed');
}

/** The English workbook of the five seeds: six sheets, five projects. */
function assertSeedsWorkbook(sheets) {
  assert.equal(sheets[0].name, 'Projects');
  assert.equal(sheets.length, 6);
  assert.equal(sheets[0].rows.length, 6, 'a header and the five seeds');
  assert.deepEqual(column(sheets[0], 'EU and state funding granted')[0], ['f', 48724]);
}

describe('workbook', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  test('every file: the worker is fetched on the first click only; the workbook equals the CLI’s', async (t) => {
    const { page, problems } = await openPage(t, app.browser);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await gotoApp(page, app.baseUrl, '?lang=en');
    // The seeds, a file with diagnostics and one that is not a description.
    const note = path.join(mkdtempSync(path.join(tmpdir(), 'hk-note-')), 'muistio.txt');
    writeFileSync(note, 'Muistio: ei hankekuvaus.\n');
    const files = [...SEED_PATHS, path.join(REPO_ROOT, 'testdata/breadth/unknown-fields.txt'), note];
    await page.locator('input#file-input').setInputFiles(files);
    await page.locator('#load-progress[data-state="finished"]').waitFor({ state: 'attached', timeout: 120_000 });
    await eventually(async () =>
      assert.equal(await page.locator('#document-list li.doc-entry').count(), files.length),
    );
    assert.deepEqual(requests.filter(isWorkerUrl), [], 'no worker file fetched at start-up');
    // The release build precaches the worker for offline use.
    const sw = path.join(app.dir, 'sw.js');
    if (existsSync(sw)) {
      const text = readFileSync(sw, 'utf8');
      for (const file of WORKER_FILES) assert.ok(text.includes(`'${file}'`), `sw.js lists ${file}`);
    }

    const page1 = await downloadWorkbook(page, '#download-all-xlsx');
    assert.equal(page1.name, 'hankekatselin.xlsx');
    assert.ok(requests.some((u) => u.endsWith('/workbook_worker_loader.js')), 'the worker was started');
    assertTyped(page1.sheets);
    assert.deepEqual(page1.sheets, await cliWorkbook(files, 'en'), 'equals `--format xlsx --lang en`');

    // The second workbook comes from the same worker: nothing fetched again.
    const loaderFetches = requests.filter(isWorkerUrl).length;
    const again = await downloadWorkbook(page, '#download-all-xlsx');
    assert.deepEqual(again.sheets, page1.sheets);
    assert.equal(requests.filter(isWorkerUrl).length, loaderFetches);
    assert.equal(await page.locator('#download-all-xlsx').isEnabled(), true);
    assertClean(problems);
  });

  test('the projects shown, in Finnish, equal the CLI’s workbook of those files', async (t) => {
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=fi');
    await openExamples(page);
    await page.locator('#view-overview').click();
    await page.locator('#overview-table').waitFor({ state: 'visible' });
    await page.locator('#overview-filter-status').selectOption('ended');
    const rows = page.locator('#overview-table tr.overview-row');
    await eventually(async () => assert.ok((await rows.count()) < 5));
    const codes = await rows.evaluateAll((els) => els.map((el) => el.dataset.code));
    assert.ok(codes.length >= 1, 'some projects shown');

    const shown = await downloadWorkbook(page, '#export-xlsx');
    assert.equal(shown.name, 'hankkeet.xlsx');
    assert.equal(shown.sheets[0].name, 'Hankkeet');
    assert.deepEqual(shown.sheets[0].rows[0].slice(0, 3), [['s', 'Tiedosto'], ['s', 'Hankekoodi'], ['s', 'Hankkeen nimi']]);
    assert.deepEqual(column(shown.sheets[0], 'Hankekoodi'), codes.map((c) => ['s', c]), 'in the order shown');
    // The CLI reads the same files in the order shown.
    const bySeed = new Map();
    for (const p of SEED_PATHS) bySeed.set(readFileSync(p, 'latin1').match(/Hankekoodi:\s*(S\d+)/)?.[1], p);
    const files = codes.map((c) => bySeed.get(c));
    assert.ok(files.every(Boolean), `a seed for each of ${codes}`);
    assert.deepEqual(shown.sheets, await cliWorkbook(files, 'fi'), 'equals `--format xlsx --lang fi`');
    assertClean(problems);
  });

  test('a worker that cannot be loaded (404): an alert, and the button works again', async (t) => {
    // A copy of the site whose worker files go missing, then come back.
    const dir = mkdtempSync(path.join(tmpdir(), 'hk-no-worker-'));
    cpSync(app.dir, dir, { recursive: true });
    const saved = mkdtempSync(path.join(tmpdir(), 'hk-worker-'));
    for (const file of WORKER_FILES) cpSync(path.join(dir, file), path.join(saved, file));
    const server = await startServer(dir);
    t.after(() => server.close());
    const { page, problems } = await openPage(t, app.browser, { serviceWorkers: 'block' });
    await gotoApp(page, server.url, '?lang=en');
    await openExamples(page);
    const button = page.locator('#download-all-xlsx');
    const alert = page.locator('.workbook-alert[role="alert"]');
    const unavailable = 'The workbook writer could not be loaded. Check the connection and try again.';

    // Only the wasm missing (the loader runs and says so), then every file (the worker's
    // script itself is a 404).
    for (const missing of [['workbook_worker_bg.wasm'], WORKER_FILES]) {
      for (const file of missing) rmSync(path.join(dir, file));
      await button.click();
      await eventually(async () => assert.equal(await alert.innerText(), unavailable));
      assert.equal(await button.isEnabled(), true, 'the button works again');
      assert.equal(await button.innerText(), 'Download all as Excel workbook');
      const last = missing[0].replace('.', '\\.');
      assert.ok(
        problems.failedRequests.some((r) => new RegExp(`${last}: HTTP 404`).test(r)),
        `a 404 on ${last}: ${problems.failedRequests}`,
      );
      for (const file of missing) cpSync(path.join(saved, file), path.join(dir, file));
    }
    assert.deepEqual(problems.pageErrors, []);

    const { name, sheets } = await downloadWorkbook(page, '#download-all-xlsx');
    assert.equal(name, 'hankekatselin.xlsx');
    assert.equal(sheets.length, 6);
    assert.equal(await alert.count(), 0, 'the alert is gone');
  });

  test('offline after one visit: the precached worker writes the workbook', async (t) => {
    if (!existsSync(path.join(app.dir, 'sw.js'))) {
      t.skip('no sw.js in DIST_DIR: the release build (cargo xtask dist) has the service worker');
      return;
    }
    // A server of its own, stopped after the first visit: no network at all.
    const server = await startServer(app.dir);
    const { context, page, problems } = await openPage(t, app.browser);
    await gotoApp(page, server.url, '?lang=en');
    await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, {
      timeout: 60_000,
    });
    await server.close();
    await context.setOffline(true);
    await page.reload({ waitUntil: 'load' });
    await page.locator('button#open-examples').waitFor({ state: 'visible' });
    await openExamples(page);
    const { name, sheets } = await downloadWorkbook(page, '#download-all-xlsx');
    assert.equal(name, 'hankekatselin.xlsx');
    assertSeedsWorkbook(sheets);
    assertClean(problems, 'the offline page');
  });

  test('the one-file edition disables both buttons and says why', async (t) => {
    const file = process.env.SINGLE_FILE;
    if (!file || !existsSync(file)) {
      t.skip('SINGLE_FILE names no file (cargo xtask test makes one; cargo xtask dist --single-file)');
      return;
    }
    const browser = await launchBrowser();
    t.after(() => browser.close());
    const { page, problems } = await openPage(t, browser);
    await page.goto(`${pathToFileURL(file).href}?lang=en`, { waitUntil: 'load' });
    await page.locator('button#open-examples').waitFor({ state: 'visible' });
    await openExamples(page);
    const why =
      'Workbooks are not available in the one-file edition: a page opened from disk cannot ' +
      'start the workbook writer. Use the web version.';
    assert.equal(await page.locator('#download-all-xlsx').isDisabled(), true);
    assert.equal(await page.locator('#download-all-xlsx-note').innerText(), why);
    await page.locator('#view-overview').click();
    assert.equal(await page.locator('#export-xlsx').isDisabled(), true);
    assert.equal(await page.locator('#export-xlsx-note').innerText(), why);
    assertClean(problems, 'the one-file edition');
  });
});
