// The readable overview and the comparison, in Chromium: at 1366×900 the code, the name,
// the four amounts and the realised share are in the pane (bounding boxes); the column
// chooser hides and shows a column and is remembered after a reload; plurals; totals of
// 10 M€ or more are compact with the exact sum for tooltips and screen readers; two seeds
// side by side show the CLI's amounts; three mark the highest and lowest; the comparison
// prints; the whole flow by keyboard; axe finds nothing in the light and the dark theme.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import {
  assertClean,
  cliJson,
  eventually,
  gotoApp,
  normalizeSpaces,
  openPage,
  seedPath,
  startApp,
} from '../lib/harness.mjs';
import { assertNoAxeViolations } from '../lib/axe.mjs';

const LAPTOP = { viewport: { width: 1366, height: 900 } };
const AMOUNTS = ['granted_eu_state', 'realized_eu_state', 'planned_public_total', 'realized_public_total'];

/** Runs axe on the page as it is; fails listing each violation. */

/** Presses `key` until `predicate` (run in the page with `arg`) holds; at most `max` presses. */
async function pressUntil(page, key, predicate, arg, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate(predicate, arg)) return;
    await page.keyboard.press(key);
  }
  assert.ok(await page.evaluate(predicate, arg), `${key} never reached the target`);
}

/** A Finnish amount as the page writes it, spaces made plain: `48 724 €`. */
const fiAmount = (n) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} €`;

const row = (page, code) => page.locator(`#overview-table tr.overview-row[data-code="${code}"]`);

async function openExamplesInOverview(page) {
  await page.locator('button#open-examples').click();
  await page.locator('#document-view').waitFor({ state: 'visible' });
  await page.locator('#view-overview').click();
  await eventually(async () =>
    assert.equal(await page.locator('#overview-table tr.overview-row').count(), 5),
  );
}

/** Ticks `codes` in the overview and compares; `total`: how many are then chosen. */
async function compareSeeds(page, codes, total = codes.length) {
  for (const code of codes) await row(page, code).locator('input.compare-check').check();
  await page.locator('#compare-show').click();
  await page.locator(`#compare-view[data-count="${total}"]`).waitFor({ state: 'visible' });
}

/** The cells of a comparison row by project code: `{ S21498: { text, value, mark } }`. */
function compareRow(page, key) {
  return page.locator(`#compare-table tr[data-row="${key}"]`).evaluate((tr) => {
    const codes = [...tr.closest('table').querySelectorAll('thead th[data-entry]')].map((th) => th.dataset.code);
    return Object.fromEntries(
      [...tr.querySelectorAll('td')].map((td, i) => [
        codes[i],
        {
          text: td.childNodes[0]?.textContent?.replace(/[\u00a0\u202f]/g, ' ').trim(),
          value: td.dataset.value === undefined ? null : Number(td.dataset.value),
          mark: td.dataset.mark ?? null,
        },
      ]),
    );
  });
}

describe('readable overview and comparison', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  test('at 1366×900 the keys and amounts are in the pane; the column chooser is remembered', async (t) => {
    const { page, problems } = await openPage(t, app.browser, LAPTOP);
    await gotoApp(page, app.baseUrl, '?lang=fi');
    await openExamplesInOverview(page);
    const pane = await page.locator('.overview-scroll').boundingBox();
    t.diagnostic(`pane ${pane.width} px wide at x=${pane.x}`);
    for (const key of ['code', 'name', ...AMOUNTS, 'realized_vs_granted_pct']) {
      const box = await page.locator(`#overview-table thead th[data-column="${key}"]`).boundingBox();
      assert.ok(box, `header ${key} is rendered`);
      assert.ok(
        box.x >= pane.x - 0.5 && box.x + box.width <= pane.x + pane.width + 0.5,
        `header ${key} (${box.x}–${box.x + box.width}) within the pane (${pane.x}–${pane.x + pane.width})`,
      );
      const total = page.locator(`#overview-totals [data-column="${key}"]`);
      if (AMOUNTS.includes(key)) {
        const tb = await total.boundingBox();
        assert.ok(tb.x + tb.width <= pane.x + pane.width + 0.5, `total ${key} in view`);
        assert.match(normalizeSpaces(await total.innerText()), /\d €$/, `total ${key} shows a sum`);
      }
    }
    const last = await page.locator('#overview-table thead th[data-column="realized_vs_granted_pct"]').boundingBox();
    t.diagnostic(`the realised share ends at ${Math.round(last.x + last.width - pane.x)} px of ${pane.width}`);
    // Plurals: the totals row counts projects.
    assert.match(normalizeSpaces(await page.locator('#overview-totals th').innerText()), /\(5 hanketta\)/);
    await page.locator('#overview-filter-text').fill('S21498');
    await eventually(async () =>
      assert.match(normalizeSpaces(await page.locator('#overview-totals th').innerText()), /\(1 hanke\)/),
    );
    assert.match(normalizeSpaces(await page.locator('#overview-count').innerText()), /^1 \/ 5 hanketta näkyvissä$/);
    await page.locator('#overview-filter-text').fill('');

    // The chooser hides the fund column, and the choice survives a reload.
    const fund = page.locator('#overview-table thead th[data-column="fund"]');
    assert.equal(await fund.count(), 1);
    await page.locator('#column-chooser summary').click();
    assert.equal(await page.locator('#column-choice-code').isDisabled(), true, 'the code always shows');
    await page.locator('#column-choice-fund').uncheck();
    await eventually(async () => assert.equal(await fund.count(), 0));
    assert.equal(await page.locator('#overview-table tr.overview-row td[data-column="fund"]').count(), 0);
    await gotoApp(page, app.baseUrl, '?lang=fi');
    await openExamplesInOverview(page);
    assert.equal(await fund.count(), 0, 'still hidden after a reload');
    await page.locator('#column-chooser summary').click();
    assert.equal(await page.locator('#column-choice-fund').isChecked(), false);
    await page.locator('#show-all-columns').click();
    await eventually(async () => assert.equal(await fund.count(), 1));
    // Every column is reachable: the last one scrolls into the pane.
    const regions = page.locator('#overview-table thead th[data-column="regions"]');
    await regions.scrollIntoViewIfNeeded();
    const rb = await regions.boundingBox();
    assert.ok(rb.x + rb.width <= pane.x + pane.width + 0.5, 'the regions column scrolls into view');
    const code = await page.locator('#overview-table thead th[data-column="code"]').boundingBox();
    assert.ok(code.x >= pane.x - 0.5, 'the code column stays in view (sticky)');
    assertClean(problems, 'the overview at 1366 px');
  });

  test('a total of 10 M€ or more is compact, the exact sum in the tooltip and for screen readers', async (t) => {
    // Seed 000 twice under other codes, with large granted amounts: 12 345 678 + 9 000 000.
    const seed = readFileSync(seedPath('000_'), 'utf8');
    const variant = (code, granted) => ({
      name: `${code}.txt`,
      mimeType: 'text/plain',
      buffer: Buffer.from(
        seed
          .replaceAll('S21498', code)
          .replace('Myönnetty EU- ja valtion rahoitus: 48 724', `Myönnetty EU- ja valtion rahoitus: ${granted}`),
      ),
    });
    const { page, problems } = await openPage(t, app.browser, LAPTOP);
    await gotoApp(page, app.baseUrl, '?lang=fi');
    await page.locator('input#file-input').setInputFiles([variant('S90001', '12 345 678'), variant('S90002', '9 000 000')]);
    await page.locator('#view-overview').click();
    const cell = page.locator('#overview-totals [data-column="granted_eu_state"]');
    await eventually(async () => assert.equal(await cell.getAttribute('data-value'), '21345678'));
    assert.equal(normalizeSpaces(await cell.locator('[aria-hidden="true"]').innerText()), '21,3 M€');
    assert.equal(normalizeSpaces(await cell.getAttribute('title')), '21 345 678 €');
    assert.equal(normalizeSpaces(await cell.locator('.visually-hidden').textContent()), '21 345 678 €');
    const box = await cell.boundingBox();
    const pane = await page.locator('.overview-scroll').boundingBox();
    assert.ok(box.x + box.width <= pane.x + pane.width, 'the compact total is in view');
    // Under 10 M€ a sum is written in full.
    const planned = page.locator('#overview-totals [data-column="planned_public_total"]');
    assert.equal(normalizeSpaces(await planned.innerText()), '139 212 €');
    assert.equal(await planned.getAttribute('title'), null);
    assert.match(normalizeSpaces(await page.locator('#overview-totals th').innerText()), /\(2 hanketta\)/);
    assertClean(problems, 'compact totals');
  });

  test('two seeds side by side show the CLI amounts; three mark the highest and lowest; axe', async (t) => {
    const reference = await cliJson([seedPath('000_'), seedPath('004_'), seedPath('001_')]);
    const byCode = Object.fromEntries(reference.map((d) => [d.project.code, d]));
    const { page, problems } = await openPage(t, app.browser, { ...LAPTOP, bypassCSP: true });
    await gotoApp(page, app.baseUrl, '?lang=fi');
    await openExamplesInOverview(page);
    assert.equal(await page.locator('#compare-show').isDisabled(), true, 'one project is no comparison');
    await compareSeeds(page, ['S21498', 'S22257']);
    const heads = await page
      .locator('#compare-table thead th[data-entry]')
      .evaluateAll((els) => els.map((el) => el.dataset.code));
    assert.deepEqual(heads, ['S21498', 'S22257'], 'in the order chosen');
    for (const key of AMOUNTS) {
      const cells = await compareRow(page, `funding.${key}`);
      for (const code of heads) {
        const expected = byCode[code].funding[key];
        assert.equal(cells[code].value, expected, `${code} ${key}`);
        assert.equal(cells[code].text, fiAmount(expected), `${code} ${key} as text`);
      }
    }
    const status = page.locator('#compare-table tr[data-row="project.status"]');
    assert.equal(await status.getAttribute('data-differs'), 'true', 'ended and active differ');
    assert.match(await status.locator('th').innerText(), /≠/);
    const fund = page.locator('#compare-table tr[data-row="kind.fund"]');
    assert.equal(await fund.getAttribute('data-differs'), null);
    assert.equal(await page.locator('#compare-table td[data-mark]').count(), 0, 'no ranking with two');
    const scores = await page.locator('#compare-table tr[data-row^="sustainability."]').count();
    assert.equal(scores, 15, 'the 15 sustainability scores');
    assert.ok((await page.locator('#compare-table th[scope="row"]').count()) > 30);
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      await assertNoAxeViolations(page, `the comparison (${scheme})`);
    }

    // A third project: the highest and lowest granted amounts are marked, as text too.
    await page.locator('#compare-back').click();
    await compareSeeds(page, ['S20516'], 3);
    const granted = await compareRow(page, 'funding.granted_eu_state');
    assert.equal(granted.S20516.mark, 'highest');
    assert.equal(granted.S21498.mark, 'lowest');
    assert.equal(granted.S22257.mark, null);
    const mark = page.locator('#compare-table tr[data-row="funding.granted_eu_state"] td[data-mark="highest"]');
    assert.match(normalizeSpaces(await mark.innerText()), /▲ \(suurin\)$/);
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      await assertNoAxeViolations(page, `three compared (${scheme})`);
      await page.locator('#view-overview').click();
      await assertNoAxeViolations(page, `the overview with a choice (${scheme})`);
      await page.locator('#view-compare').click();
    }
    assertClean(problems, 'the comparison');
  });

  test('the comparison prints without controls', async (t) => {
    const { page } = await openPage(t, app.browser, LAPTOP);
    await gotoApp(page, app.baseUrl, '?lang=en');
    await openExamplesInOverview(page);
    await compareSeeds(page, ['S20884', 'S22084']);
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.sidebar', '.view-switch', '#compare-back', '.compare-remove', '.app-footer']) {
      assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} not printed`);
    }
    assert.equal(await page.locator('#compare-table').isVisible(), true);
    const table = await page.locator('#compare-table').boundingBox();
    const body = await page.evaluate(() => document.body.getBoundingClientRect().width);
    assert.ok(table.width <= body + 0.5, `the table fits the page (${table.width} of ${body})`);
    const granted = normalizeSpaces(
      await page.locator('#compare-table tr[data-row="funding.granted_eu_state"]').innerText(),
    );
    assert.ok(granted.includes('€618,875') && granted.includes('€74,866'), granted);
    const pdf = await page.pdf({ format: 'A4' });
    assert.equal(pdf.subarray(0, 4).toString('latin1'), '%PDF');
  });

  test('keyboard only: choose two in the overview, compare, remove one, go back', async (t) => {
    const { page, problems } = await openPage(t, app.browser, LAPTOP);
    await gotoApp(page, app.baseUrl, '?lang=en');
    await page.locator('body').focus();
    await pressUntil(page, 'Tab', () => document.activeElement?.id === 'open-examples');
    await page.keyboard.press('Enter');
    await page.locator('#document-view').waitFor({ state: 'visible' });
    await pressUntil(page, 'Tab', () => document.activeElement?.id === 'view-overview');
    await page.keyboard.press('Enter');
    await page.locator('#overview-table').waitFor({ state: 'visible' });
    const onCheckbox = (code) =>
      document.activeElement?.matches('input.compare-check') &&
      document.activeElement.closest('tr')?.dataset.code === code;
    for (const code of ['S20516', 'S21498']) {
      await pressUntil(page, 'Tab', onCheckbox, code);
      await page.keyboard.press('Space');
      await eventually(async () => assert.equal(await row(page, code).getAttribute('data-chosen'), 'true'));
    }
    assert.equal(await page.locator('#compare-bar').getAttribute('data-chosen'), '2');
    assert.match(normalizeSpaces(await page.locator('#compare-bar p').innerText()), /^2 projects chosen/);
    // Enter on a checkbox does not open the document.
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#overview-table').isVisible(), true);
    await pressUntil(page, 'Shift+Tab', () => document.activeElement?.id === 'compare-show');
    await page.keyboard.press('Enter');
    await page.locator('#compare-view[data-count="2"]').waitFor({ state: 'visible' });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'compare-heading');
    await pressUntil(page, 'Tab', () =>
      document.activeElement?.matches('.compare-remove') &&
      document.activeElement.closest('th')?.dataset.code === 'S21498',
    );
    await page.keyboard.press('Enter');
    await page.locator('#compare-too-few').waitFor({ state: 'visible' });
    await pressUntil(page, 'Shift+Tab', () => document.activeElement?.id === 'compare-back');
    await page.keyboard.press('Enter');
    await page.locator('#overview-table').waitFor({ state: 'visible' });
    assert.equal(await row(page, 'S21498').getAttribute('data-chosen'), null);
    assert.equal(await row(page, 'S20516').getAttribute('data-chosen'), 'true');
    assertClean(problems, 'the keyboard walk');
  });
});
