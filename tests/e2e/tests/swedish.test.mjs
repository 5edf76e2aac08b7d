// Swedish, the third UI language: `?lang=sv` shows the official Swedish terms with the
// Finnish label beside them and Finland-Swedish formats on a real seed and in the overview;
// axe finds nothing in Swedish; the choice survives a reload; and a browser whose preferred
// language is Swedish (sv-FI, sv-SE) gets Swedish without asking.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  assertClean,
  eventually,
  gotoApp,
  normalizeSpaces,
  openPage,
  startApp,
  textOf,
} from '../lib/harness.mjs';
import { assertNoAxeViolations } from '../lib/axe.mjs';


const htmlLang = (page) => page.locator('html').getAttribute('lang');
const langBecomes = (page, lang) =>
  eventually(async () => assert.equal(await htmlLang(page), lang, '<html lang>'));
const select = (page) => page.locator('select#lang-select');
const view = (page, code) => page.locator(`#document-view[data-code="${code}"]`);
/** The label (`dt`) of the field row whose value carries `data-field="path"`. */
const labelOf = (scope, path) =>
  textOf(scope, `dt:has(+ dd [data-field="${path}"])`);

/** Runs axe (injected: only these pages bypass the CSP) and fails listing each violation. */

async function openExamples(page) {
  await page.locator('button#open-examples').click();
  await view(page, 'S21498').waitFor({ state: 'visible' });
}

async function openOverview(page) {
  await page.locator('#view-overview').click();
  await page.locator('#overview-table').waitFor({ state: 'visible' });
  await eventually(async () =>
    assert.equal(await page.locator('#overview-table tr.overview-row').count(), 5),
  );
}

describe('swedish', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  test('?lang=sv: Swedish terms beside the Finnish labels, Finland-Swedish formats', async (t) => {
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=sv');
    await langBecomes(page, 'sv');
    assert.equal(await select(page).inputValue(), 'sv');
    const options = await select(page).locator('option').allInnerTexts();
    assert.deepEqual(options.map(normalizeSpaces), ['suomi', 'svenska', 'English']);
    assert.equal(await page.title(), 'Hankekatselin');
    assert.equal(normalizeSpaces(await page.locator('button#open-examples').innerText()), 'Öppna exempel');

    await openExamples(page);
    const doc = view(page, 'S21498');
    // The header: the official fund name, the period and its length, Swedish labels.
    assert.equal(await textOf(doc, '[data-field="kind.fund"]'), 'ESF (Europeiska socialfonden)');
    const header = await textOf(doc, 'header.doc-header');
    assert.ok(header.includes('1.1.2019–31.12.2019 (12 månader)'), header);
    assert.ok(header.includes('Insatsområde (Toimintalinja)'), header);
    assert.ok(header.includes('Avslutad'), header);
    assert.match(header, /· \d[\d ]* rader$/, 'the line count in Swedish');

    // The funding card: amounts, shares and labels.
    const funding = doc.locator('section#funding');
    assert.equal(await textOf(funding, 'h3'), 'Offentlig finansiering');
    assert.equal(await textOf(funding, '[data-field="funding.granted_eu_state"]'), '48 724 €');
    assert.equal(
      await labelOf(funding, 'funding.granted_eu_state'),
      'Beviljad EU- och statlig finansiering (Myönnetty EU- ja valtion rahoitus)',
    );
    assert.equal(await textOf(funding, '[data-figure="eu_state_share"]'), '70,0 %');
    assert.equal(await textOf(funding, '[data-figure="other_public"]'), '20 882 €');
    const granted = await funding.locator('[data-field="funding.granted_eu_state"]').first().innerText();
    assert.ok(/48[\u00a0\u202f]724[\u00a0\u202f]€/.test(granted), 'no-break spaces, as in Finnish');

    // The applicant and the area: FO-nummer, landskap.
    const applicant = await textOf(doc, 'section#applicant');
    assert.ok(applicant.includes('FO-nummer (Y-tunnus)'), applicant);
    assert.ok(applicant.includes('0600598-8'), applicant);
    const area = await textOf(doc, 'section#area');
    assert.ok(area.includes('Landskap (Maakunnat)'), area);
    assert.ok(area.includes('Etelä-Savo'), area);

    // The overview: headings, columns, the count, the fund and the totals in Swedish.
    await openOverview(page);
    assert.equal(await textOf(page, '#overview-heading'), 'Översikt');
    assert.equal(await textOf(page, '#overview-count'), '5 / 5 projekt visas');
    assert.equal(await textOf(page, '#overview-table th[data-column="regions"]'), 'Landskap');
    const row = page.locator('#overview-table tr.overview-row[data-code="S21498"]');
    const rowText = normalizeSpaces(await row.innerText());
    for (const cell of ['ESF', 'Avslutad', '1.1.2019', '31.12.2019', '48 724 €', '100,0 %']) {
      assert.ok(rowText.includes(cell), `"${cell}" in the row: ${rowText}`);
    }
    const totals = await textOf(page, '#overview-totals');
    assert.ok(totals.includes('Totalt (5 projekt)'), totals);
    assert.match(totals, /\d €/, totals);
    assert.ok(!/€\d/.test(totals), `no English amounts: ${totals}`);
    assert.equal(await textOf(page, '#aggregates-heading'), 'Sammanställningar');
    const counts = await page.locator('#aggregates text.agg-count').allTextContents();
    assert.ok(counts.length > 0, 'the aggregate charts count projects');
    for (const c of counts) assert.match(normalizeSpaces(c), /^\d+ projekt$/);
    // Nothing English or Finnish left in the interface's own words.
    const body = normalizeSpaces(await page.locator('body').innerText());
    for (const word of ['Loaded descriptions', 'Ladatut kuvaukset', 'projects shown', 'Yhteensä']) {
      assert.ok(!body.includes(word), `"${word}" on the Swedish page`);
    }
    assertClean(problems, 'the Swedish page');
  });

  test('axe finds nothing on the Swedish document view and overview', async (t) => {
    const { page, problems } = await openPage(t, app.browser, { bypassCSP: true });
    await gotoApp(page, app.baseUrl, '?lang=sv');
    await assertNoAxeViolations(page, 'the Swedish start page');
    await openExamples(page);
    await assertNoAxeViolations(page, 'a document in Swedish');
    await page.locator('#document-list li.doc-entry[data-code="S22257"] button').first().click();
    await view(page, 'S22257').waitFor({ state: 'visible' });
    await assertNoAxeViolations(page, 'document S22257 in Swedish');
    await openOverview(page);
    await assertNoAxeViolations(page, 'the overview in Swedish');
    assertClean(problems, 'the Swedish views');
  });

  test('the Swedish choice is remembered after a reload', async (t) => {
    const { page, problems } = await openPage(t, app.browser, { locale: 'en-GB' });
    await gotoApp(page, app.baseUrl);
    await langBecomes(page, 'en');
    await select(page).selectOption('sv');
    await langBecomes(page, 'sv');
    assert.equal(normalizeSpaces(await page.locator('button#open-examples').innerText()), 'Öppna exempel');
    await page.reload();
    await page.locator('button#open-examples').waitFor({ state: 'visible' });
    assert.equal(await select(page).inputValue(), 'sv', 'Swedish survives a reload');
    assert.equal(await htmlLang(page), 'sv');
    assert.equal(normalizeSpaces(await page.locator('button#open-examples').innerText()), 'Öppna exempel');
    // ?lang= still wins over the remembered choice.
    await gotoApp(page, app.baseUrl, '?lang=fi');
    await langBecomes(page, 'fi');
    assertClean(problems, 'the remembered choice');
  });

  for (const [locale, lang] of [
    ['sv-FI', 'sv'],
    ['sv-SE', 'sv'],
    ['fi-FI', 'fi'],
    ['de-DE', 'en'],
  ]) {
    test(`a browser in ${locale} starts in ${lang}`, async (t) => {
      const { page, problems } = await openPage(t, app.browser, { locale });
      await gotoApp(page, app.baseUrl);
      await langBecomes(page, lang);
      assert.equal(await select(page).inputValue(), lang);
      assertClean(problems, `the page in ${locale}`);
    });
  }
});
