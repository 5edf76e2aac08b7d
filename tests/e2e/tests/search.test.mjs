// The full-text search of the overview, driven in Chromium: a query over the seeds (and over
// the seeds with 60 generated descriptions) finds exactly the projects the CLI's `hankekuvaus
// search` finds, in its order and with its hit counts, each with snippets whose hits are in
// <mark>, and a removed project leaves them; a facet click narrows the results and a second
// click widens them again; opening a result marks its hits in the document (CSS Custom
// Highlight API) and the find bar steps through them by button, Enter / Shift+Enter and F3,
// in the cards and the Source tab; the whole flow works by keyboard and axe finds nothing.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';

import {
  assertClean,
  corpus,
  eventually,
  gotoApp,
  normalizeSpaces,
  openPage,
  REPO_ROOT,
  seedPaths,
  startApp,
} from '../lib/harness.mjs';
import { assertNoAxeViolations } from '../lib/axe.mjs';

const SEED_PATHS = seedPaths();

/** The CLI's `search --format ndjson` items for `query` over `files` (the seeds). */
function cliSearch(query, files = SEED_PATHS) {
  const bin = process.env.HANKEKUVAUS_CLI;
  const args = ['search', '--format', 'ndjson', query, ...files];
  const [cmd, argv] = bin ? [bin, args] : ['cargo', ['run', '-q', '-p', 'hankekuvaus-cli', '--', ...args]];
  return new Promise((resolve, reject) => {
    execFile(cmd, argv, { cwd: REPO_ROOT, timeout: 15 * 60_000 }, (err, stdout, stderr) => {
      // Exit 1 is "nothing found"; the output is what counts.
      if (err && err.code !== 1) reject(new Error(`${cmd} ${argv.join(' ')}: ${err.message}\n${stderr}`));
      else resolve(stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l)));
    });
  });
}

const results = (page) => page.locator('#search-results li.search-result');
const resultCodes = (page) => results(page).evaluateAll((els) => els.map((el) => el.dataset.code));
const tableCodes = (page) =>
  page.locator('#overview-table tr.overview-row').evaluateAll((els) => els.map((el) => el.dataset.code));
const hitsPainted = (page) => page.evaluate(() => CSS.highlights.get('search-hit')?.size ?? 0);
const findStatus = async (page) => normalizeSpaces(await page.locator('#find-status').innerText());

async function openExamplesInOverview(page) {
  await page.locator('button#open-examples').click();
  await page.locator('#document-view').waitFor({ state: 'visible' });
  await page.locator('#view-overview').click();
  await page.locator('#overview-table').waitFor({ state: 'visible' });
}

/** Types `query` into the overview's search and waits for `n` results. */
async function search(page, query, n) {
  await page.locator('#overview-filter-text').fill(query);
  await eventually(async () => assert.equal(await results(page).count(), n));
}


describe('search', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  test('a query finds what the CLI finds, ranked, with marked snippets', async (t) => {
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=fi');
    await openExamplesInOverview(page);
    for (const query of ['maahanmuuttaja', 'nuori -maahanmuuttaja', '"Etelä-Savo" OR Lappi']) {
      const expected = await cliSearch(query);
      assert.ok(expected.length > 0, `the CLI finds something for ${query}`);
      // A trailing space: the last word is a whole word, as the CLI reads it.
      await search(page, `${query} `, expected.length);
      const codes = expected.map((e) => e.code);
      assert.deepEqual(await resultCodes(page), codes, query);
      assert.deepEqual(await tableCodes(page), codes, `the table ranks as the results: ${query}`);
      const hits = await results(page).evaluateAll((els) =>
        els.map((el) => Number(el.querySelector('.hit-count').dataset.hits)),
      );
      assert.deepEqual(hits, expected.map((e) => e.hits), query);
      assert.equal(
        await page.locator('#overview-totals').getAttribute('data-count'),
        String(codes.length),
        'the totals follow the results',
      );
    }
    await search(page, 'maahanmuuttaja ', 3);
    const marks = await page.locator('#search-results .snippet mark').allInnerTexts();
    assert.ok(marks.length >= 3, 'every result has a marked snippet');
    assert.ok(marks.every((m) => m.toLowerCase() === 'maahanmuuttajat'), marks.join(', '));
    // The index follows the list: a removed project leaves the results.
    await page.locator('li.doc-entry[data-code="S21498"] button.remove').click();
    await eventually(async () =>
      assert.deepEqual((await resultCodes(page)).sort(), ['S20884', 'S22084']),
    );
    // A query that cannot be read says why and shows nothing.
    await page.locator('#overview-filter-text').fill('nuoret OR');
    await page.locator('#search-error').waitFor({ state: 'visible' });
    assert.equal((await tableCodes(page)).length, 0);
    assertClean(problems);
  });

  test('a query over the seeds and 60 generated descriptions finds what the CLI finds', async (t) => {
    const files = [...SEED_PATHS, ...(await corpus(60))];
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=fi');
    await page.locator('#view-overview').click();
    await page.locator('#file-input').setInputFiles(files);
    await eventually(
      async () => assert.equal(await page.locator('#load-progress').getAttribute('data-state'), 'finished'),
      { timeout: 60_000 },
    );
    for (const query of ['yrittäjä', 'toteuttaja:kaupunki', '"Etelä-Savo" OR Lappi', 'maakunta:Lappi']) {
      const expected = await cliSearch(query, files);
      const codes = expected.map((e) => e.code);
      assert.ok(codes.length > 5, `the CLI finds several for ${query}: ${codes.length}`);
      await page.locator('#overview-filter-text').fill(`${query} `);
      // Every row found is shown (the totals leave out a later copy of a code; the rows do not).
      await eventually(
        async () =>
          assert.equal(await page.locator('#overview-count').getAttribute('data-shown'), String(codes.length)),
        { timeout: 20_000 },
      );
      // The table is virtualised: the rows drawn are the first of the ranking.
      const drawn = await tableCodes(page);
      assert.ok(drawn.length > 0, query);
      assert.deepEqual(drawn, codes.slice(0, drawn.length), `the table ranks as the CLI: ${query}`);
      const listed = await resultCodes(page);
      assert.ok(listed.length > 0, query);
      assert.deepEqual(listed, codes.slice(0, listed.length), `the results rank as the CLI: ${query}`);
      const marked = await results(page).evaluateAll((els) => els.filter((el) => el.querySelector('.snippet mark')).length);
      assert.equal(marked, listed.length, `every result listed has a marked snippet: ${query}`);
    }
    assertClean(problems);
  });

  test('a facet click narrows the results, a second widens them; range and organisation filters', async (t) => {
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=fi');
    await openExamplesInOverview(page);
    const all = await cliSearch('nuori');
    await search(page, 'nuori ', all.length);
    const facet = page.locator('#search-facets [data-facet="region"] button.facet-value').last();
    const count = Number(await facet.locator('.facet-count').innerText());
    assert.ok(count < all.length, 'the value holds fewer than all results');
    await facet.click();
    await eventually(async () => assert.equal(await results(page).count(), count));
    assert.equal(await facet.getAttribute('aria-pressed'), 'true');
    assert.equal((await tableCodes(page)).length, count);
    await facet.click();
    await eventually(async () => assert.equal(await results(page).count(), all.length));
    // The funding range, without a query: at most the smallest grant of the seeds (S21498,
    // 48 724 €).
    await page.locator('#overview-filter-text').fill('');
    await page.locator('#search-max-granted').fill('48 724');
    await eventually(async () => assert.deepEqual(await tableCodes(page), ['S21498']));
    await page.locator('#search-max-granted').fill('');
    // An organisation by Y-tunnus, written without its hyphen (S21498's applicant).
    await page.locator('#search-organisation').fill('06005988');
    await eventually(async () => assert.deepEqual(await tableCodes(page), ['S21498']));
    // A range that is not an amount says so and filters nothing.
    await page.locator('#search-organisation').fill('');
    await page.locator('#search-min-granted').fill('paljon');
    assert.equal(await page.locator('#search-min-granted').getAttribute('aria-invalid'), 'true');
    await eventually(async () => assert.equal((await tableCodes(page)).length, 5));
    assertClean(problems);
  });

  test('opening a result marks its hits and steps through them', async (t) => {
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=fi');
    await openExamplesInOverview(page);
    await search(page, 'nuori ', (await cliSearch('nuori')).length);
    const first = results(page).first();
    const code = await first.getAttribute('data-code');
    await first.locator('button.search-result-open').click();
    await page.locator(`#document-view[data-code="${code}"]`).waitFor({ state: 'visible' });
    await page.locator('#find-bar').waitFor({ state: 'visible' });
    const n = await eventually(async () => {
      const n = Number(await page.locator('#find-status').getAttribute('data-count'));
      assert.ok(n > 0, 'hits are marked in the cards');
      return n;
    });
    assert.equal(await hitsPainted(page), n);
    await page.locator('#find-next').click();
    await eventually(async () => assert.equal(await findStatus(page), `1 / ${n}`));
    await page.locator('#find-query').press('Enter');
    await eventually(async () => assert.equal(await findStatus(page), `${Math.min(2, n)} / ${n}`));
    await page.locator('#find-query').press('Shift+Enter');
    await eventually(async () => assert.equal(await findStatus(page), `1 / ${n}`));
    await page.keyboard.press('Shift+F3');
    await eventually(async () => assert.equal(await findStatus(page), `${n} / ${n}`));
    await page.keyboard.press('F3');
    await eventually(async () => assert.equal(await findStatus(page), `1 / ${n}`));
    assert.equal(await page.locator('#find-status').getAttribute('aria-live'), 'polite');
    // The Source tab: its text is read, then marked.
    await page.locator('#tab-source').click();
    await page.locator('#panel-source .src-line').first().waitFor({ state: 'visible' });
    await eventually(async () => {
      const m = Number(await page.locator('#find-status').getAttribute('data-count'));
      assert.ok(m > 0, 'hits are marked in the source');
      assert.equal(await hitsPainted(page), m);
      const [inSource, inCards] = await page.evaluate(() => {
        const marks = [...CSS.highlights.get('search-hit')];
        const inside = (id) => marks.filter((r) => r.startContainer.parentElement.closest(id)).length;
        return [inside('#panel-source'), inside('#panel-document')];
      });
      assert.ok(inSource > 0, 'the source text is marked');
      assert.equal(inCards, 0, 'the closed tab is not');
    });
    await page.locator('#find-next').click();
    await eventually(async () => assert.match(await findStatus(page), /^1 \/ \d+$/));
    assertClean(problems);
  });

  test('the flow works by keyboard and axe finds nothing', async (t) => {
    const { page, problems } = await openPage(t, app.browser, { bypassCSP: true });
    await gotoApp(page, app.baseUrl, '?lang=en');
    await openExamplesInOverview(page);
    await page.locator('#view-overview').focus();
    const focusIs = (selector) => page.evaluate((s) => document.activeElement?.matches(s), selector);
    for (let i = 0; i < 40 && !(await focusIs('#overview-filter-text')); i++) await page.keyboard.press('Tab');
    assert.ok(await focusIs('#overview-filter-text'), 'Tab reaches the search field');
    await page.keyboard.type('maahanmuuttaja ');
    await eventually(async () => assert.equal(await results(page).count(), 3));
    await assertNoAxeViolations(page, 'the results and facets');
    for (let i = 0; i < 120 && !(await focusIs('.search-result-open')); i++) await page.keyboard.press('Tab');
    assert.ok(await focusIs('.search-result-open'), 'Tab reaches the first result');
    await page.keyboard.press('Enter');
    await page.locator('#find-bar').waitFor({ state: 'visible' });
    await eventually(async () => assert.ok(Number(await page.locator('#find-status').getAttribute('data-count')) > 0));
    await page.keyboard.press('F3');
    await eventually(async () => assert.match(await findStatus(page), /^1 \/ \d+$/));
    await assertNoAxeViolations(page, 'the document with the find bar');
    assertClean(problems);
  });
});
