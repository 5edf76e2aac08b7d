// The overview of many documents, driven in Chromium: the view switch, sorting by the
// header buttons (aria-sort), the filters and the totals row against the CLI's figures, the
// three exports against the CLI's CSV and JSON of the same files, the aggregates, opening a
// row by click and by Enter, and loading many files: the progress bar, results appearing as
// they come, cancel, duplicate codes flagged, the virtualised table and a refused drop of
// more than 20,000 files.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  cliJson,
  corpus,
  eventually,
  gotoApp,
  holds,
  normalizeSpaces,
  openPage,
  REPO_ROOT,
  runCommand,
  seedPaths,
  SEEDS_DIR,
  startApp,
} from '../lib/harness.mjs';

const SEED_PATHS = seedPaths();

/** The CLI's output in `format` (csv, csv-fi) for `files`, as bytes. */
function cliOutput(format, files) {
  const bin = process.env.HANKEKUVAUS_CLI;
  return bin
    ? runCommand(bin, ['--format', format, ...files])
    : runCommand('cargo', ['run', '-q', '-p', 'hankekuvaus-cli', '--', '--format', format, ...files]);
}

/** The code in a corpus file name (`00042_S21234.txt`). */
const codeOf = (file) => path.basename(file, '.txt').split('_')[1];

/** Files whose code an earlier file in `files` already has. */
function duplicatesIn(files) {
  const seen = new Set();
  return files.filter((f) => {
    const code = codeOf(f);
    const dup = seen.has(code);
    seen.add(code);
    return dup;
  });
}

const rows = (page) => page.locator('#overview-table tr.overview-row');
const rowCodes = (page) => rows(page).evaluateAll((els) => els.map((el) => el.dataset.code));
const header = (page, key) => page.locator(`#overview-table th[data-column="${key}"]`);
const totalOf = async (page, key) =>
  Number(await page.locator(`#overview-totals [data-column="${key}"]`).getAttribute('data-value'));
const shownCount = async (page) =>
  Number(await page.locator('#overview-count').getAttribute('data-shown'));

/** Switches to the overview; `table`: wait for its table (there is none without documents). */
async function openOverview(page, { table = true } = {}) {
  await page.locator('#view-overview').click();
  assert.equal(await page.locator('#view-overview').getAttribute('aria-pressed'), 'true');
  await page.locator(table ? '#overview-table' : 'section#overview').waitFor({ state: 'visible' });
}

async function openExamplesInOverview(page) {
  await page.locator('button#open-examples').click();
  await page.locator('#document-view').waitFor({ state: 'visible' });
  await openOverview(page);
  await eventually(async () => assert.equal(await rows(page).count(), 5));
}

/** Sets `files` on the file input and waits until the progress says finished. */
async function loadFiles(page, files) {
  await page.locator('input#file-input').setInputFiles(files);
  await page
    .locator('#load-progress[data-state="finished"]')
    .waitFor({ state: 'attached', timeout: 120_000 });
}

describe('overview', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  test('sorting by the header buttons follows aria-sort', async (t) => {
    const reference = await cliJson(SEED_PATHS);
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=en');
    await openExamplesInOverview(page);
    const byCode = reference.map((d) => d.project.code).sort();
    assert.deepEqual(await rowCodes(page), byCode, 'by code, ascending, at first');
    assert.equal(await header(page, 'code').getAttribute('aria-sort'), 'ascending');
    assert.equal(await header(page, 'name').getAttribute('aria-sort'), 'none');

    await header(page, 'code').locator('button').click();
    await eventually(async () => assert.deepEqual(await rowCodes(page), [...byCode].reverse()));
    assert.equal(await header(page, 'code').getAttribute('aria-sort'), 'descending');

    // An amount column starts with the largest.
    await header(page, 'granted_eu_state').locator('button').click();
    const byGranted = [...reference]
      .sort((a, b) => b.funding.granted_eu_state - a.funding.granted_eu_state)
      .map((d) => d.project.code);
    await eventually(async () => assert.deepEqual(await rowCodes(page), byGranted));
    assert.equal(await header(page, 'granted_eu_state').getAttribute('aria-sort'), 'descending');
    assert.equal(await header(page, 'code').getAttribute('aria-sort'), 'none');
    await header(page, 'granted_eu_state').locator('button').click();
    await eventually(async () => assert.deepEqual(await rowCodes(page), [...byGranted].reverse()));

    // Text columns sort by name, case-insensitively.
    await header(page, 'name').locator('button').click();
    const byName = [...reference]
      .sort((a, b) => (a.project.name.toLowerCase() < b.project.name.toLowerCase() ? -1 : 1))
      .map((d) => d.project.code);
    await eventually(async () => assert.deepEqual(await rowCodes(page), byName));
    assert.deepEqual(problems.pageErrors, []);
  });

  test('filters by text, region, status, fund and start year, with totals of the rows shown', async (t) => {
    const reference = await cliJson(SEED_PATHS);
    const sum = (docs, key) => docs.reduce((s, d) => s + (d.funding[key] ?? 0), 0);
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=fi');
    await openExamplesInOverview(page);
    for (const key of ['granted_eu_state', 'realized_eu_state', 'planned_public_total', 'realized_public_total']) {
      assert.equal(await totalOf(page, key), sum(reference, key), `total ${key} of all five`);
    }
    assert.equal(await page.locator('#overview-totals').getAttribute('data-count'), '5');

    // Free text.
    await page.locator('#overview-filter-text').fill('feelsafe');
    await eventually(async () => assert.deepEqual(await rowCodes(page), ['S21498']));
    assert.equal(await totalOf(page, 'granted_eu_state'), 48724);
    assert.equal(await totalOf(page, 'planned_public_total'), 69606);
    const totals = normalizeSpaces(await page.locator('#overview-totals').innerText());
    assert.ok(totals.includes('48 724 €') && totals.includes('100,0 %'), totals);
    await page.locator('#overview-clear-filters').click();
    await eventually(async () => assert.equal(await rows(page).count(), 5));

    // Region (maakunta): the select offers the regions of the loaded documents.
    const regions = await page
      .locator('#overview-filter-region option')
      .evaluateAll((els) => els.map((el) => el.value).filter(Boolean));
    const allRegions = [...new Set(reference.flatMap((d) => d.area.regions))].sort();
    assert.deepEqual([...regions].sort(), allRegions);
    await page.locator('#overview-filter-region').selectOption('Etelä-Savo');
    const inRegion = reference.filter((d) => d.area.regions.includes('Etelä-Savo'));
    await eventually(async () =>
      assert.deepEqual(await rowCodes(page), inRegion.map((d) => d.project.code).sort()),
    );
    assert.equal(await totalOf(page, 'granted_eu_state'), sum(inRegion, 'granted_eu_state'));
    assert.equal(await shownCount(page), inRegion.length);

    // Status, combined with nothing else.
    await page.locator('#overview-filter-region').selectOption('');
    await page.locator('#overview-filter-status').selectOption('active');
    const active = reference.filter((d) => d.project.status === 'active');
    await eventually(async () =>
      assert.deepEqual(await rowCodes(page), active.map((d) => d.project.code).sort()),
    );
    await page.locator('#overview-filter-status').selectOption('');

    // Start year and fund.
    await page.locator('#overview-filter-year').selectOption('2019');
    const in2019 = reference.filter((d) => d.project.start_date?.startsWith('2019'));
    await eventually(async () =>
      assert.deepEqual(await rowCodes(page), in2019.map((d) => d.project.code).sort()),
    );
    await page.locator('#overview-filter-year').selectOption('');
    const funds = await page
      .locator('#overview-filter-fund option')
      .evaluateAll((els) => els.map((el) => el.value).filter(Boolean));
    assert.deepEqual(funds, ['ESR']);
    const axes = await page
      .locator('#overview-filter-axis option')
      .evaluateAll((els) => els.map((el) => el.value).filter(Boolean));
    assert.ok(axes.includes('3. Työllisyys ja työvoiman liikkuvuus'), axes.join(' | '));

    // No match: an empty table, zero totals, disabled exports. (The search reads every
    // word of the projects: a sentence of common words would be found.)
    await page.locator('#overview-filter-text').fill('xyzzyhanke');
    await eventually(async () => assert.equal(await rows(page).count(), 0));
    assert.equal(await totalOf(page, 'granted_eu_state'), 0);
    assert.equal(await page.locator('#export-csv').isDisabled(), true);
    assert.deepEqual(problems.pageErrors, []);
  });

  test('exports of the rows shown equal the CLI: CSV, CSV for Excel (fi) and JSON', async (t) => {
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=fi');
    await openExamplesInOverview(page);
    // Three of the five, in the order shown (code descending).
    await page.locator('#overview-filter-text').fill('S2');
    await header(page, 'code').locator('button').click();
    await page.locator('#overview-filter-status').selectOption('ended');
    const reference = await cliJson(SEED_PATHS);
    const ended = reference
      .filter((d) => d.project.status === 'ended')
      .sort((a, b) => (a.project.code < b.project.code ? 1 : -1));
    await eventually(async () =>
      assert.deepEqual(await rowCodes(page), ended.map((d) => d.project.code)),
    );
    const files = ended.map((d) => path.join(SEEDS_DIR, d.source.file_name));

    const download = async (id) => {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(id).click()]);
      const p = await dl.path();
      assert.ok(p, `download of ${id} failed`);
      return { name: dl.suggestedFilename(), bytes: readFileSync(p) };
    };

    const csv = await download('#export-csv');
    assert.equal(csv.name, 'hankkeet.csv');
    const cliCsv = await cliOutput('csv', files);
    assert.equal(csv.bytes.toString('utf8'), cliCsv.toString('utf8'), 'CSV equals `--format csv`');
    assert.equal(csv.bytes.toString('utf8').split('\r\n').length, ended.length + 2);

    const fi = await download('#export-csv-fi');
    assert.equal(fi.name, 'hankkeet-excel-fi.csv');
    assert.deepEqual([...fi.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const fiText = fi.bytes.toString('utf8');
    assert.ok(fiText.startsWith('\ufefffile_name;code;name;'), 'semicolons');
    assert.match(fiText, /;100,0\r\n/, 'decimal comma');
    assert.equal(fiText, (await cliOutput('csv-fi', files)).toString('utf8'), 'equals `--format csv-fi`');

    const json = await download('#export-json');
    assert.equal(json.name, 'hankkeet.json');
    assert.deepEqual(JSON.parse(json.bytes.toString('utf8')), await cliJson(files));
    assert.deepEqual(problems.pageErrors, []);
  });

  test('aggregates count a project in each of its regions, with a table alternative', async (t) => {
    const reference = await cliJson(SEED_PATHS);
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=en');
    await openExamplesInOverview(page);
    const aggregates = page.locator('#aggregates');
    await aggregates.waitFor({ state: 'visible' });
    assert.ok(
      normalizeSpaces(await page.locator('#regions-note').innerText()).includes('counted in each'),
    );
    const dims = await aggregates
      .locator('figure.aggregate')
      .evaluateAll((els) => els.map((el) => el.dataset.dimension));
    assert.deepEqual(dims, ['region', 'axis', 'status', 'start_year']);
    const groups = (dim) =>
      page
        .locator(`figure[data-dimension="${dim}"] svg g.agg-group`)
        .evaluateAll((els) => Object.fromEntries(els.map((el) => [el.dataset.key, Number(el.dataset.count)])));
    const expected = {};
    for (const d of reference) for (const r of d.area.regions) expected[r] = (expected[r] ?? 0) + 1;
    assert.deepEqual(await groups('region'), expected);
    const statuses = await groups('status');
    assert.equal(Object.values(statuses).reduce((a, b) => a + b, 0), 5);
    // The numbers are beside the bars, and in the table.
    const region = page.locator('figure[data-dimension="region"]');
    const granted = reference
      .filter((d) => d.area.regions.includes('Etelä-Savo'))
      .reduce((s, d) => s + d.funding.granted_eu_state, 0);
    const shown = `€${granted.toLocaleString('en-US')}`;
    assert.ok((await region.locator('svg').textContent()).includes(shown), `${shown} in the chart`);
    await region.locator('details summary').click();
    const row = normalizeSpaces(await region.locator('table tr[data-key="Etelä-Savo"]').innerText());
    assert.ok(row.includes(shown), `table row "${row}"`);
    // A filter narrows the aggregates too.
    await page.locator('#overview-filter-text').fill('S21498');
    await eventually(async () => assert.deepEqual(await groups('region'), { 'Etelä-Savo': 1 }));
    assert.deepEqual(problems.pageErrors, []);
  });

  test('a row opens its document by click and by Enter', async (t) => {
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=en');
    await openExamplesInOverview(page);
    await rows(page).filter({ hasText: 'S22084' }).click();
    await page.locator('#document-view[data-code="S22084"]').waitFor({ state: 'visible' });
    assert.equal(await page.locator('#view-document').getAttribute('aria-pressed'), 'true');
    await openOverview(page);
    const row = page.locator('#overview-table tr.overview-row[data-code="S20516"]');
    await row.focus();
    await page.keyboard.press('Enter');
    await page.locator('#document-view[data-code="S20516"]').waitFor({ state: 'visible' });
    // The switch itself is reachable by keyboard.
    await page.locator('#view-overview').focus();
    await page.keyboard.press('Enter');
    await page.locator('#overview-table').waitFor({ state: 'visible' });
    assert.deepEqual(problems.pageErrors, []);
  });

  test('300 files: progress as they come, all rows, virtualised table, duplicates flagged', async (t) => {
    const files = await corpus(300);
    const duplicates = duplicatesIn(files);
    assert.ok(duplicates.length > 0, 'the corpus repeats some codes');
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=fi');
    await openOverview(page, { table: false });
    // Every value the progress and the count take, as the page shows them.
    await page.evaluate(() => {
      window.__seen = { done: [], shown: [] };
      new MutationObserver(() => {
        const p = document.querySelector('#load-progress');
        if (p) window.__seen.done.push(Number(p.dataset.done));
        const c = document.querySelector('#overview-count');
        if (c) window.__seen.shown.push(Number(c.dataset.total));
      }).observe(document.body, { subtree: true, attributes: true, childList: true });
    });
    await loadFiles(page, files);
    const progress = page.locator('#load-progress');
    assert.equal(await progress.getAttribute('data-done'), '300');
    assert.equal(await progress.getAttribute('data-total'), '300');
    assert.equal(await progress.getAttribute('data-errors'), '0');
    assert.equal(await page.locator('#load-progress-bar').getAttribute('value'), '300');
    const text = normalizeSpaces(await progress.innerText());
    assert.ok(text.includes('300 / 300') && text.includes('MB'), text);
    const seen = await page.evaluate(() => window.__seen);
    assert.ok(seen.done.some((n) => n > 0 && n < 300), `progress in between: ${[...new Set(seen.done)]}`);
    assert.ok(seen.shown.some((n) => n > 0 && n < 300), `rows as they come: ${[...new Set(seen.shown)]}`);

    // Every file is a row; only a window of them is in the DOM.
    assert.equal(await page.locator('#overview-count').getAttribute('data-total'), '300');
    const inDom = await rows(page).count();
    assert.ok(inDom > 5 && inDom < 100, `${inDom} rows in the DOM`);
    assert.equal(await page.locator('#overview-table').getAttribute('aria-rowcount'), '302');
    await page.locator('.overview-scroll').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await page
      .locator('#overview-table tr.overview-row[aria-rowindex="301"]')
      .waitFor({ state: 'attached' });
    assert.ok((await rows(page).count()) < 100);

    // Duplicates: kept, marked in the list and the overview, listed in the notice, and not
    // counted in the totals.
    const notice = page.locator('#duplicates-notice');
    assert.equal(await notice.getAttribute('data-count'), String(duplicates.length));
    const listed = await notice
      .locator('li')
      .evaluateAll((els) => els.map((el) => el.dataset.file));
    assert.deepEqual(listed, duplicates.map((f) => path.basename(f)));
    const marked = await page
      .locator('#document-list li.doc-entry[data-duplicate="true"]')
      .evaluateAll((els) => els.map((el) => el.dataset.file));
    assert.deepEqual(marked, duplicates.map((f) => path.basename(f)));
    assert.equal(
      await page.locator('#overview-totals').getAttribute('data-count'),
      String(300 - duplicates.length),
    );
    const code = codeOf(duplicates[0]);
    await page.locator('#overview-filter-text').fill(code);
    await eventually(async () => assert.ok((await rows(page).count()) >= 2));
    const flags = await rows(page).evaluateAll((els) => els.map((el) => el.dataset.duplicate ?? ''));
    assert.equal(flags[0], '', 'the first is kept unmarked');
    assert.ok(flags.slice(1).every((f) => f === 'true'), `later ones marked: ${flags}`);
    assert.deepEqual(problems.pageErrors, []);
  });

  test('a JSON export of 1,200 documents re-imports whole, in bounded batches', async (t) => {
    // Read item by item and added in batches: at most 40 first and 230 while the sidebar
    // list fills (500 entries), then at most 2,500 (the way a programme's export, hundreds
    // of megabytes, stays responsive); the rows are those the files give.
    const files = await corpus(1200);
    const reference = await cliJson(files);
    const dir = mkdtempSync(path.join(tmpdir(), 'hk-export-'));
    const file = path.join(dir, 'hankkeet.json');
    writeFileSync(file, JSON.stringify(reference, null, 2));
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=en');
    await openOverview(page, { table: false });
    await page.evaluate(() => {
      window.__totals = [];
      new MutationObserver(() => {
        const total = document.querySelector('#overview-count')?.dataset.total;
        if (total && window.__totals.at(-1) !== total) window.__totals.push(total);
      }).observe(document.body, { subtree: true, attributes: true, childList: true });
    });
    await page.locator('input#file-input').setInputFiles(file);
    await page.locator('#load-progress[data-state="finished"]').waitFor({ state: 'attached', timeout: 120_000 });
    await eventually(async () =>
      assert.equal(await page.locator('#overview-count').getAttribute('data-total'), '1200'),
    );
    const totals = (await page.evaluate(() => window.__totals)).map(Number);
    assert.ok(totals.length >= 3 && totals.every((n) => n <= 1200), `rows in steps: ${totals}`);
    assert.ok(
      totals[0] <= 40 &&
        totals.slice(1).every((n, i) => n - totals[i] <= (totals[i] < 500 ? 230 : 2500)),
      `at most 40, then 230 until 500, then 2,500 at a time: ${totals}`,
    );
    assert.equal(
      await page.locator('#documents-heading .count').textContent(),
      ' (1200)',
      'every document listed once, no failure entry',
    );
    assert.deepEqual(problems.pageErrors, []);
  });

  test('a list export of a whole programme fills the overview, a row per project', async (t) => {
    // The 2007–2013 service's CSV (every 40th row of a real export), renamed without an
    // extension: the content decides. Its codes are those the CLI reads from it.
    const dir = mkdtempSync(path.join(tmpdir(), 'hk-list-'));
    const file = path.join(dir, 'projektilista');
    writeFileSync(file, readFileSync(path.join(REPO_ROOT, 'testdata/lists/eura2007_projektilista_sample.csv')));
    const reference = (await cliOutput('ndjson', [file]))
      .toString('utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.equal(reference.length, 499);
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=en');
    await openOverview(page, { table: false });
    await loadFiles(page, [file]);
    await eventually(async () =>
      assert.equal(await page.locator('#overview-count').getAttribute('data-total'), '499'),
    );
    const granted = reference.reduce((sum, d) => sum + (d.funding.granted_eu_state ?? 0), 0);
    assert.equal(await totalOf(page, 'granted_eu_state'), granted, 'the total of granted funding');
    const shown = await rowCodes(page);
    assert.ok(shown.length > 0 && shown.every((c) => reference.some((d) => d.project.code === c)));
    assert.deepEqual(problems.pageErrors, []);
  });

  test('cancel stops the reading and keeps what was read', async (t) => {
    const files = await corpus(1500);
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=en');
    await page.locator('input#file-input').setInputFiles(files);
    await page.locator('#load-progress[data-state="running"]').waitFor({ state: 'attached' });
    await page.locator('#cancel-load').click();
    const progress = page.locator('#load-progress[data-state="cancelled"]');
    await progress.waitFor({ state: 'attached', timeout: 60_000 });
    const done = Number(await progress.getAttribute('data-done'));
    assert.ok(done < 1500, `cancelled before the end (${done} of 1500 read)`);
    assert.equal(await progress.getAttribute('data-total'), '1500');
    assert.equal(await page.locator('#cancel-load').count(), 0, 'no cancel button after a cancel');
    // The list renders at most 500 entries; its heading counts them all.
    await holds(async () =>
      assert.equal(
        await page.locator('#documents-heading .count').textContent(),
        ` (${done})`,
        'what was read stays, nothing more comes',
      ),
    );
    assert.deepEqual(problems.pageErrors, []);
  });

  test('a drop of more than 20,000 files is refused and nothing else changes', async (t) => {
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=en');
    await page.locator('button#open-examples').click();
    await page.locator('#document-view').waitFor({ state: 'visible' });
    await page.evaluate(() => {
      const dt = new DataTransfer();
      for (let i = 0; i < 20_001; i++) dt.items.add(new File(['x'], `f${i}.txt`, { type: 'text/plain' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    });
    const refused = page.locator('#load-refused');
    await refused.waitFor({ state: 'visible' });
    assert.equal(await refused.getAttribute('data-count'), '20001');
    assert.ok(normalizeSpaces(await refused.innerText()).includes('20,000'));
    await holds(async () => {
      assert.equal(await page.locator('#document-list li.doc-entry').count(), 5);
      assert.equal(await page.locator('#load-progress').count(), 0);
    });
    await page.locator('#document-view[data-code="S21498"]').waitFor({ state: 'visible' });
    assert.deepEqual(problems.pageErrors, []);
  });
});
