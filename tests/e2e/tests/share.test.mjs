// Sharing a view, driven in Chromium: a view (query, two filters, sort, a selected project
// and its tab) copied as a URL into a new page with the same files comes back identical;
// back and forward step through the views chosen (typing is one step); a saved session
// dropped into a fresh page restores the view, its documents the bytes of "Download all".

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import {
  assertClean,
  cliJson,
  dropFiles,
  eventually,
  gotoApp,
  holds,
  openPage,
  seedPaths,
  startApp,
} from '../lib/harness.mjs';

const SEED_PATHS = seedPaths();

/** Chooses the seeds with the file input and waits until they are read. */
async function loadSeeds(page) {
  await page.locator('input#file-input').setInputFiles(SEED_PATHS);
  await page.locator('#load-progress[data-state="finished"]').waitFor({ state: 'attached' });
  await eventually(async () =>
    assert.equal(await page.locator('#document-list li.doc-entry').count(), SEED_PATHS.length),
  );
}

/** Everything the page shows of its view, read from the page itself. */
function snapshot(page) {
  return page.evaluate(() => {
    const value = (id) => document.getElementById(id)?.value ?? null;
    const attr = (sel, name) => document.querySelector(sel)?.getAttribute(name) ?? null;
    return {
      hash: decodeURIComponent(location.hash),
      lang: document.documentElement.lang,
      overview: attr('#view-overview', 'aria-pressed'),
      selected: attr('#document-list li.doc-entry.selected', 'data-code'),
      title: document.querySelector('#doc-title')?.innerText ?? null,
      tab: [...document.querySelectorAll('[role=tab][aria-selected=true]')].map((e) => e.id),
      q: value('overview-filter-text'),
      region: value('overview-filter-region'),
      status: value('overview-filter-status'),
      fund: value('overview-filter-fund'),
      axis: value('overview-filter-axis'),
      year: value('overview-filter-year'),
      sort: [...document.querySelectorAll('#overview-table th[aria-sort]')]
        .filter((th) => th.getAttribute('aria-sort') !== 'none')
        .map((th) => `${th.dataset.column} ${th.getAttribute('aria-sort')}`),
      shown: attr('#overview-count', 'data-shown'),
    };
  });
}

const rowCodes = (page) =>
  page.locator('#overview-table tr.overview-row').evaluateAll((els) => els.map((el) => el.dataset.code));

/**
 * Makes the view of the tests: in the overview a query, a region and a status, sorted by
 * granted funding (largest first); then the first row opened on its Source tab. Returns
 * the project opened.
 */
async function makeView(page) {
  const reference = await cliJson(SEED_PATHS);
  // A project with a region: its region and status as the two filters, a word of its name
  // as the query, so that the view shows at least it.
  const usable = reference.filter((d) => d.project.status && d.area.regions.length > 0);
  const doc = usable.find((d) => d.area.regions.some((r) => /[äö]/i.test(r))) ?? usable[0];
  const region = doc.area.regions.find((r) => /[äö]/i.test(r)) ?? doc.area.regions[0];
  const word = doc.project.name.split(/\s+/).find((w) => w.length >= 4).toLowerCase();
  await page.locator('#view-overview').click();
  await page.locator('#overview-table').waitFor({ state: 'visible' });
  await page.locator('#overview-filter-text').fill(word);
  await page.locator('#overview-filter-region').selectOption(region);
  await page.locator('#overview-filter-status').selectOption(doc.project.status);
  await page.locator('#overview-table th[data-column="granted_eu_state"] button').click();
  await eventually(async () => assert.ok((await rowCodes(page)).includes(doc.project.code)));
  await page.locator(`#overview-table tr.overview-row[data-code="${doc.project.code}"]`).click();
  await page.locator('#document-view').waitFor({ state: 'visible' });
  await page.locator('#tab-source').click();
  await eventually(async () =>
    assert.equal(await page.locator('#tab-source').getAttribute('aria-selected'), 'true'),
  );
  // The address is written in the task after the render that shows the view.
  await eventually(async () => assert.match(new URL(page.url()).hash, /tab=source/));
  return { code: doc.project.code, region, status: doc.project.status, word };
}

describe('share', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  test('a view copied as a URL into a new page with the same files comes back identical', async (t) => {
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=fi');
    assert.equal(new URL(page.url()).hash, '', 'an untouched page has a bare address');
    await loadSeeds(page);
    const made = await makeView(page);
    const url = page.url();
    const hash = decodeURIComponent(new URL(url).hash);
    for (const part of [
      'lang=fi',
      `project=${made.code}`,
      'tab=source',
      `q=${made.word}`,
      `region=${made.region}`,
      `status=${made.status}`,
      'sort=-granted_eu_state',
    ]) {
      assert.ok(hash.includes(part), `${part} in ${hash}`);
    }
    assert.match(new URL(url).hash, /%C3%A4|%C3%B6/, 'ä and ö are percent-encoded as UTF-8');
    assert.ok(!/Hankekoodi|hankkeen kuvaus/i.test(hash), 'no document content in the address');
    const before = await snapshot(page);
    assert.equal(before.selected, made.code);
    assert.deepEqual(before.tab, ['tab-source']);
    assert.deepEqual(before.sort, ['granted_eu_state descending']);

    // A new page (another browser profile), the link, then the same files.
    const other = await openPage(t, app.browser);
    await other.page.goto(url, { waitUntil: 'load' });
    await other.page.locator('button#open-examples').waitFor({ state: 'visible' });
    await loadSeeds(other.page);
    await eventually(async () => assert.deepEqual(await snapshot(other.page), before));
    assert.equal(other.page.url(), url, 'the address stays the link');
    // The overview behind it too: the same rows in the same order.
    await page.locator('#view-overview').click();
    await other.page.locator('#view-overview').click();
    const rows = await rowCodes(page);
    assert.ok(rows.length >= 1);
    await eventually(async () => assert.deepEqual(await rowCodes(other.page), rows));
    assertClean(problems);
    assertClean(other.problems, 'the page opened from the link');
  });

  test('back and forward step through the views, a word typed being one step', async (t) => {
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=en');
    await loadSeeds(page);
    const steps = [];
    const record = async () => steps.push(await snapshot(page));
    const length = () => page.evaluate(() => history.length);
    await record();
    const start = await length();

    await page.locator('#view-overview').click();
    await eventually(async () => assert.ok((await snapshot(page)).hash.includes('view=overview')));
    await record();
    await page.locator('#overview-filter-text').pressSequentially('S2', { delay: 50 });
    await eventually(async () => assert.ok((await snapshot(page)).hash.includes('q=S2')));
    await record();
    await page.locator('#overview-filter-status').selectOption('ended');
    await eventually(async () => assert.ok((await snapshot(page)).hash.includes('status=ended')));
    await record();
    await page.locator('#overview-table th[data-column="name"] button').click();
    await eventually(async () => assert.ok((await snapshot(page)).hash.includes('sort=name')));
    await record();
    assert.equal(await length(), start + 4, 'four views chosen: four history entries');
    assert.equal(new Set(steps.map((s) => s.hash)).size, steps.length, steps.map((s) => s.hash).join('\n'));

    for (let i = steps.length - 2; i >= 0; i--) {
      await page.goBack();
      await eventually(async () => assert.deepEqual(await snapshot(page), steps[i]), { timeout: 5000 });
    }
    for (let i = 1; i < steps.length; i++) {
      await page.goForward();
      await eventually(async () => assert.deepEqual(await snapshot(page), steps[i]), { timeout: 5000 });
    }
    assert.equal(await length(), start + 4, 'going back and forth adds no entries');

    // The skip link's anchor (#main) is no view: the view stays.
    const last = steps.at(-1);
    await page.evaluate(() => {
      location.hash = 'main';
    });
    await holds(async () =>
      assert.deepEqual({ ...(await snapshot(page)), hash: last.hash }, last, 'an anchor keeps the view'),
    );
    assertClean(problems);
  });

  test('a saved session dropped into a fresh page restores the view', async (t) => {
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=fi');
    assert.equal(await page.locator('#save-session').isDisabled(), true, 'nothing to save yet');
    await loadSeeds(page);
    const made = await makeView(page);
    const before = await snapshot(page);

    const download = async (id) => {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(id).click()]);
      const p = await dl.path();
      assert.ok(p, `download of ${id} failed`);
      return { name: dl.suggestedFilename(), buffer: readFileSync(p) };
    };
    const session = await download('#save-session');
    assert.equal(session.name, 'hankekatselin-session.json');
    const all = await download('#download-all-json');
    const text = session.buffer.toString('utf8');
    assert.ok(text.includes(all.buffer.toString('utf8').trimEnd()), 'the documents are "Download all"');
    const value = JSON.parse(text);
    assert.deepEqual(Object.keys(value), ['session_version', 'view', 'documents']);
    assert.equal(value.session_version, 1);
    assert.equal(value.view.project, made.code);
    assert.equal(value.view.region, made.region);
    assert.deepEqual(value.documents, await cliJson(SEED_PATHS));

    const fresh = await openPage(t, app.browser);
    await gotoApp(fresh.page, app.baseUrl);
    await dropFiles(fresh.page, [{ ...session, mimeType: 'application/json' }]);
    await eventually(async () => assert.deepEqual(await snapshot(fresh.page), before));
    assertClean(problems);
    assertClean(fresh.problems, 'the page the session was dropped into');
  });
});
