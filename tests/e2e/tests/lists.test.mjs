// List exports in the viewer, driven in Chromium: a list dropped in fills the overview (one
// row per project, the period column), a description of one of its projects merges into
// that row in either order (one row, ⇄ markers with both values and their sources, the
// count of projects with a full description), the period filter, and a project known only
// from a list opening as a card with its source row and a link to its page in the service,
// a workbook read as a list (not as an archive), and axe on the new views.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  assertClean,
  eventually,
  gotoApp,
  normalizeSpaces,
  openPage,
  REPO_ROOT,
  seedPath,
  startApp,
} from '../lib/harness.mjs';
import { assertNoAxeViolations } from '../lib/axe.mjs';

const LISTS = path.join(REPO_ROOT, 'testdata', 'lists');
/** The real 2007–2013 sample: 499 project rows. */
const LIST_2007 = path.join(LISTS, 'eura2007_projektilista_sample.csv');
/** Two rows of 2014–2020: seed 000's project (S21498) as an older snapshot, and S29999. */
const SEED_LIST = path.join(LISTS, 'eura2014_seed_test.csv');
const SEED_000 = seedPath('000_');

const rows = (page) => page.locator('#overview-table tr.overview-row');
const row = (page, code) => page.locator(`#overview-table tr.overview-row[data-code="${code}"]`);
const entries = (page) => page.locator('#document-list li.doc-entry');

/**
 * Sets `files` on the file input and waits until the list holds `count` entries (the
 * sidebar renders at most 500: beyond that, until the overview counts `count` projects).
 */
async function add(page, files, count) {
  await page.locator('input#file-input').setInputFiles(files);
  await eventually(
    async () => {
      assert.equal(await entries(page).count(), Math.min(count, 500));
      if (count > 500) {
        await page.locator('#view-overview').click();
        assert.equal(await attr(page, '#overview-count', 'data-total'), String(count));
      }
    },
    { timeout: 60_000 },
  );
}

async function openOverview(page) {
  await page.locator('#view-overview').click();
  await page.locator('#overview-table').waitFor({ state: 'visible' });
}

const attr = (page, selector, name) => page.locator(selector).getAttribute(name);


/** Runs axe (WCAG 2.1 A and AA, best practices) on the page as it is, as a11y.test.mjs does. */

describe('list exports', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  test('a list export dropped in fills the overview, one row per project', async (t) => {
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=en');
    await add(page, LIST_2007, 499);
    await openOverview(page);
    assert.equal(await attr(page, '#overview-count', 'data-total'), '499');
    assert.equal(await attr(page, '#overview-described', 'data-described'), '0');
    assert.equal(await attr(page, '#overview-described', 'data-counted'), '499');
    // The table is virtualised: the row is found by the search.
    await page.locator('#overview-filter-text').fill('S10331');
    const first = row(page, 'S10331');
    await first.waitFor({ state: 'visible' });
    assert.equal(await first.locator('[data-column="period"]').innerText(), '2007-2013');
    assert.equal(
      normalizeSpaces(await first.locator('[data-column="granted_eu_state"]').innerText()),
      '€57,585',
    );
    assert.equal(await page.locator('#overview-table th[data-column="period"]').count(), 1);
    assertClean(problems);
  });

  test('a description merges into its list row, whichever comes first', async (t) => {
    for (const order of [[SEED_LIST, SEED_000], [SEED_000, SEED_LIST]]) {
      const { page, problems } = await openPage(t, app.browser);
      await gotoApp(page, app.baseUrl, '?lang=fi');
      await add(page, order[0], order[0] === SEED_LIST ? 2 : 1);
      await add(page, order[1], 3);
      await openOverview(page);
      await eventually(async () => assert.equal(await rows(page).count(), 2));
      const merged = row(page, 'S21498');
      assert.equal(await merged.count(), 1, 'one row for the project');
      assert.equal(await merged.getAttribute('data-merged'), 'true');
      assert.equal(await attr(page, '#overview-count', 'data-total'), '2');
      assert.equal(await attr(page, '#overview-described', 'data-described'), '1');
      assert.equal(await attr(page, '#overview-described', 'data-counted'), '2');
      assert.match(await page.locator('#overview-described').innerText(), /1 \/ 2 hankkeesta/);
      // The description's value is shown; the list's older one is in the marker, each with
      // where it came from.
      const realized = merged.locator('[data-column="realized_eu_state"]');
      assert.match(normalizeSpaces(await realized.innerText()), /^48 724 €/);
      const conflict = await realized.locator('.marker.merged').getAttribute('data-conflict');
      assert.equal(
        normalizeSpaces(conflict),
        'kuvaus: 48 724 € (000_2f4bdf7767fd6a31.txt, rivi 77) ⇄ ' +
          'lista: 30 000,50 € (eura2014_seed_test.csv, rivi 2)',
      );
      assert.equal(await merged.locator('[data-column="status"] .marker.merged').count(), 1);
      assert.equal(
        await merged.locator('[data-column="granted_eu_state"] .marker.merged').count(),
        0,
        'no marker where they agree',
      );
      // Opening the row opens the description.
      await merged.click();
      await page.locator('#document-view[data-code="S21498"]').waitFor({ state: 'visible' });
      assert.equal(await page.locator('#list-origin').count(), 0);
      assertClean(problems, `order ${order.map((p) => path.basename(p)).join(', ')}`);
    }
  });

  test('the period filter and column', async (t) => {
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=en');
    await add(page, SEED_LIST, 2);
    await add(page, LIST_2007, 501);
    await openOverview(page);
    const periods = await page
      .locator('#overview-filter-period option')
      .evaluateAll((els) => els.map((el) => el.value));
    assert.deepEqual(periods, ['', '2007-2013', '2014-2020']);
    await page.locator('#overview-filter-period').selectOption('2014-2020');
    await eventually(async () =>
      assert.equal(await attr(page, '#overview-count', 'data-shown'), '2'),
    );
    const shown = await rows(page).evaluateAll((els) =>
      els.map((el) => el.querySelector('[data-column="period"]').textContent),
    );
    assert.deepEqual(shown, ['2014-2020', '2014-2020']);
    await page.locator('#overview-filter-period').selectOption('2007-2013');
    await eventually(async () =>
      assert.equal(await attr(page, '#overview-count', 'data-shown'), '499'),
    );
    assertClean(problems);
  });

  test("a project known only from a list opens as a card with its service link", async (t) => {
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=en');
    await add(page, SEED_LIST, 2);
    await openOverview(page);
    await row(page, 'S29999').click();
    const view = page.locator('#document-view[data-code="S29999"]');
    await view.waitFor({ state: 'visible' });
    assert.match(await view.locator('#doc-title').innerText(), /Listalla vain, ei kuvausta/);
    assert.equal(
      normalizeSpaces(await page.locator('#list-origin-source').innerText()),
      'eura2014_seed_test.csv, line 3',
    );
    const link = page.locator('#service-link');
    assert.equal(
      await link.getAttribute('href'),
      'https://www.eura2014.fi/rrtiepa/projekti.php?projektikoodi=S29999',
    );
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    assert.equal(await link.getAttribute('target'), '_blank');
    // Funding and its ratio, and the implementer, from the list.
    assert.match(normalizeSpaces(await view.locator('#funding').innerText()), /€100,000/);
    assert.match(await view.locator('#funding').innerText(), /25/);
    assert.match(await view.innerText(), /Esimerkki Oy/);
    assertClean(problems);
  });

  test('an extension-less saved page reads like any other and merges', async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hk-lists-'));
    const page404 = path.join(dir, 'projekti.php?projektikoodi=S21498');
    writeFileSync(page404, readFileSync(path.join(REPO_ROOT, 'testdata', 'breadth', 'S21498.html')));
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl);
    await add(page, [SEED_LIST, page404], 3);
    const entry = page.locator('#document-list li.doc-entry[data-file="projekti.php?projektikoodi=S21498"]');
    assert.equal(await entry.getAttribute('data-code'), 'S21498');
    assert.notEqual(await entry.getAttribute('data-state'), 'error');
    await openOverview(page);
    await eventually(async () => assert.equal(await rows(page).count(), 2));
    assert.equal(await row(page, 'S21498').getAttribute('data-merged'), 'true');
    assertClean(problems);
  });

  test('a 2021–2027 workbook is read as a list, not opened as an archive', async (t) => {
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=en');
    await add(page, path.join(LISTS, 'eura2021_projektilista_test.xlsx'), 3);
    await openOverview(page);
    const periods = await rows(page).evaluateAll((els) =>
      els.map((el) => el.querySelector('[data-column="period"]').textContent),
    );
    assert.deepEqual(periods, ['2021-2027', '2021-2027', '2021-2027']);
    assertClean(problems);
  });

  test('axe finds no violation in the merged overview and the list-only card', async (t) => {
    // axe is injected as an inline script, which the app's CSP refuses: bypassed here only.
    const { page } = await openPage(t, app.browser, { bypassCSP: true });
    await gotoApp(page, app.baseUrl, '?lang=en');
    await add(page, [SEED_LIST, SEED_000], 3);
    await openOverview(page);
    await row(page, 'S21498').locator('.marker.merged').first().waitFor({ state: 'attached' });
    await assertNoAxeViolations(page, 'the overview with a merged row');
    await row(page, 'S29999').click();
    await page.locator('#list-origin').waitFor({ state: 'visible' });
    await assertNoAxeViolations(page, 'the card of a list-only project');
  });
});
