// Accessible: axe-core (WCAG 2.1 A and AA rules, and its best practices) finds nothing on the
// start page, a document's views, an error entry and the overview, in the light and the dark
// theme; the app is usable with the keyboard alone; reduced motion is honoured; printing gives
// a report without controls.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  assertClean,
  eventually,
  gotoApp,
  openPage,
  PNG_1X1,
  startApp,
} from '../lib/harness.mjs';
import { assertNoAxeViolations } from '../lib/axe.mjs';


const view = (page, code) => page.locator(`#document-view[data-code="${code}"]`);

/**
 * A page whose context lets axe in: `addScriptTag` injects axe as an inline script, which the
 * app's CSP rightly refuses. Only these tests bypass it; the others run under the policy.
 */
async function axePage(t, browser) {
  return openPage(t, browser, { bypassCSP: true });
}

/** Runs axe on the page as it is; fails listing each violation and where. */

/** Presses `key` until `predicate` (run in the page) holds; at most `max` presses. */
async function pressUntil(page, key, predicate, arg, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate(predicate, arg)) return;
    await page.keyboard.press(key);
  }
  assert.ok(await page.evaluate(predicate, arg), `${key} never reached the target`);
}

const focusIn = (selector) => document.activeElement?.closest(selector) != null;

describe('accessibility', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  test('axe runs and reports a planted violation', async (t) => {
    // The checks below pass only if axe really runs: here it must find a nameless button.
    const { page } = await axePage(t, app.browser);
    await gotoApp(page, app.baseUrl);
    await page.evaluate(() => document.querySelector('main').append(document.createElement('button')));
    await assert.rejects(assertNoAxeViolations(page, 'a planted nameless button'), /button-name/);
  });

  for (const scheme of ['light', 'dark']) {
    test(`axe finds no violation in any view, ${scheme} theme`, async (t) => {
      const { page, problems } = await axePage(t, app.browser);
      await page.emulateMedia({ colorScheme: scheme });
      await gotoApp(page, app.baseUrl, '?lang=fi');
      await assertNoAxeViolations(page, `the start page (${scheme})`);

      await page.locator('button#open-examples').click();
      await view(page, 'S21498').waitFor({ state: 'visible' });
      await assertNoAxeViolations(page, `a document (${scheme})`);
      for (const tab of ['source', 'json']) {
        await page.locator(`#tab-${tab}`).click();
        await page.locator(`#panel-${tab}`).waitFor({ state: 'visible' });
        await assertNoAxeViolations(page, `the ${tab} tab (${scheme})`);
      }
      // The other seeds' documents have other cards (indicators, gender, warnings).
      await page.locator('#tab-document').click();
      for (const code of ['S22257', 'S20884']) {
        await page.locator(`#document-list li.doc-entry[data-code="${code}"] button`).first().click();
        await view(page, code).waitFor({ state: 'visible' });
        await assertNoAxeViolations(page, `document ${code} (${scheme})`);
      }
      // An error entry and its view.
      await page.locator('input#file-input').setInputFiles({
        name: 'picture.png',
        mimeType: 'image/png',
        buffer: PNG_1X1,
      });
      const failed = page.locator('#document-list li.doc-entry[data-state="error"]');
      await failed.waitFor({ state: 'visible' });
      await failed.locator('button').first().click();
      await eventually(async () => assert.equal(await page.locator('#document-view').count(), 0));
      await assertNoAxeViolations(page, `an error entry (${scheme})`);
      // English too: other strings, other lengths.
      await page.locator('#lang-select').selectOption('en');
      await assertNoAxeViolations(page, `the English page (${scheme})`);

      const overview = page.locator('#view-overview');
      if ((await overview.count()) > 0) {
        await overview.click();
        await page.locator('#overview').waitFor({ state: 'visible' });
        await assertNoAxeViolations(page, `the overview (${scheme})`);
      } else {
        t.diagnostic('no overview (#view-overview) in this build: not checked');
      }
      assertClean(problems, `the views (${scheme})`);
    });
  }

  test('keyboard only: from the start page to a document’s funding card', async (t) => {
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=en');
    await page.locator('body').focus();

    // The skip link is the first stop and visible when focused.
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => ({
      cls: document.activeElement?.className,
      visible: document.activeElement?.getBoundingClientRect().height > 1,
    }));
    assert.equal(skip.cls, 'skip-link', 'the first Tab stop is the skip link');
    assert.ok(skip.visible, 'the skip link shows when focused');

    // The file chooser is reachable (its focus shows on the styled label).
    await pressUntil(page, 'Tab', () => document.activeElement?.id === 'file-input');
    const chooserOutline = await page.evaluate(
      () => getComputedStyle(document.querySelector('label[for="file-input"]')).outlineStyle,
    );
    assert.notEqual(chooserOutline, 'none', 'the chooser’s label shows the focus');

    await pressUntil(page, 'Tab', () => document.activeElement?.id === 'open-examples');
    await page.keyboard.press('Enter');
    await view(page, 'S21498').waitFor({ state: 'visible' });

    // Another document from the list, by keyboard.
    await pressUntil(page, 'Tab', () =>
      document.activeElement?.closest('li.doc-entry')?.dataset.code === 'S22257' &&
      document.activeElement.matches('button.doc-select'),
    );
    await page.keyboard.press('Enter');
    await view(page, 'S22257').waitFor({ state: 'visible' });

    // The tabs: one Tab stop, arrows move and open.
    await pressUntil(page, 'Tab', () => document.activeElement?.getAttribute('role') === 'tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-document');
    await page.keyboard.press('ArrowRight');
    await eventually(async () =>
      assert.equal(await page.locator('#tab-source').getAttribute('aria-selected'), 'true'),
    );
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-source');
    await page.locator('#panel-source').waitFor({ state: 'visible' });
    await page.keyboard.press('End');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-json');
    await page.keyboard.press('Home');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-document');
    await page.locator('#panel-document').waitFor({ state: 'visible' });

    // Into the document, to the funding card.
    await pressUntil(page, 'Tab', focusIn, 'section#funding');
    const focused = await page.evaluate(() => ({
      path: document.activeElement.closest('[data-field]')?.dataset.field ?? '',
      outline: getComputedStyle(document.activeElement).outlineStyle,
    }));
    assert.match(focused.path, /^funding\./, 'a funding value has the focus');
    assert.notEqual(focused.outline, 'none', 'the focus is visible');
    // Enter on it jumps to its source line.
    await page.keyboard.press('Enter');
    await eventually(async () =>
      assert.equal(await page.locator('#tab-source').getAttribute('aria-selected'), 'true'),
    );
    assert.equal(await page.locator('[id^="src-line-"].current').count(), 1);

    // The overview's table sorts from the keyboard (when this build has the overview).
    if ((await page.locator('#view-overview').count()) > 0) {
      await pressUntil(page, 'Tab', () => document.activeElement?.id === 'view-overview');
      await page.keyboard.press('Enter');
      await page.locator('#overview').waitFor({ state: 'visible' });
      await pressUntil(page, 'Tab', () => document.activeElement?.matches('th .sort-button'));
      const th = () =>
        page.evaluate(() => {
          const cell = document.activeElement.closest('th');
          return `${cell.dataset.column} ${cell.getAttribute('aria-sort')}`;
        });
      const before = await th();
      await page.keyboard.press('Enter');
      await eventually(async () => assert.notEqual(await th(), before, 'Enter sorts'));
    } else {
      t.diagnostic('no overview (#view-overview) in this build: table sort not walked');
    }
    assertClean(problems, 'the keyboard walk');
  });

  test('charts have text alternatives', async (t) => {
    const { page } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=en');
    await page.locator('button#open-examples').click();
    await page.locator('#document-list li.doc-entry[data-code="S22257"] button').first().click();
    await view(page, 'S22257').waitFor({ state: 'visible' });
    const funding = await page.evaluate(() => {
      const svg = document.querySelector('section#funding svg');
      const text = (ids) =>
        (ids ?? '')
          .split(/\s+/)
          .filter(Boolean)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ');
      return {
        role: svg.getAttribute('role'),
        name: text(svg.getAttribute('aria-labelledby')),
        description: text(svg.getAttribute('aria-describedby')).replace(/\s+/g, ' '),
      };
    });
    assert.equal(funding.role, 'img');
    assert.ok(funding.name.trim().length > 0, 'the funding chart has a name');
    for (const amount of ['€309,800', '€92,226', '€387,250', '€115,283']) {
      assert.ok(funding.description.includes(amount), `the chart's description has ${amount}`);
    }
    // Indicator bars are decoration beside their values, which are text.
    const bars = await page.evaluate(() =>
      [...document.querySelectorAll('#indicators .ibar-track')].map(
        (b) => b.getAttribute('aria-hidden') === 'true' &&
          b.closest('.ibar-row').querySelector('.ibar-value').textContent.trim().length > 0,
      ),
    );
    assert.ok(bars.length > 0 && bars.every(Boolean), 'indicator bars hidden, values as text');
    if ((await page.locator('#view-overview').count()) > 0) {
      await page.locator('#view-overview').click();
      await page.locator('#overview').waitFor({ state: 'visible' });
      // Each chart's table alternative is made when its <details> opens.
      const summaries = page.locator('#overview figure details > summary');
      for (let i = 0; i < (await summaries.count()); i += 1) await summaries.nth(i).click();
      // The last <details> may still be rendering its table: poll rather than read once.
      await eventually(async () => {
        const charts = await page.evaluate(() =>
          [...document.querySelectorAll('#overview svg')].map((svg) => ({
            named: svg.getAttribute('role') === 'img' && !!svg.getAttribute('aria-label'),
            table: !!svg.closest('figure')?.querySelector('table'),
          })),
        );
        assert.ok(charts.length > 0, 'the overview has charts');
        assert.ok(
          charts.every((c) => c.named && c.table),
          `overview charts named, each with a table: ${JSON.stringify(charts)}`,
        );
      });
    }
  });

  test('reduced motion turns off transitions, animations and smooth scrolling', async (t) => {
    const { page } = await openPage(t, app.browser);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await gotoApp(page, app.baseUrl);
    await page.locator('button#open-examples').click();
    const moving = await page.evaluate(() =>
      [...document.querySelectorAll('*')]
        .map((el) => [el, getComputedStyle(el)])
        .filter(
          ([, s]) =>
            s.scrollBehavior === 'smooth' ||
            s.transitionDuration.split(',').some((d) => parseFloat(d) > 0.01) ||
            (s.animationName !== 'none' &&
              s.animationDuration.split(',').some((d) => parseFloat(d) > 0.01)),
        )
        .map(([el]) => el.id || el.className || el.tagName),
    );
    assert.deepEqual(moving, [], 'elements that still move');
  });

  test('printing a document gives the report without controls', async (t) => {
    const { page } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=en');
    await page.locator('button#open-examples').click();
    await page.locator('#document-list li.doc-entry[data-code="S22257"] button').first().click();
    await view(page, 'S22257').waitFor({ state: 'visible' });
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.sidebar', '.toolbar', '[role="tablist"]', '#lang-select', '.app-footer']) {
      assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} not printed`);
    }
    const buttons = await page.evaluate(
      () =>
        [...document.querySelectorAll('button:not(.field-link)')].filter(
          (b) => b.offsetParent !== null,
        ).length,
    );
    assert.equal(buttons, 0, 'no control is printed (values that jump to the source are text)');
    for (const shown of ['#doc-title', 'section#funding', 'section#funding svg', '#indicators']) {
      assert.equal(await page.locator(shown).first().isVisible(), true, `${shown} printed`);
    }
    // Funding values print as text even though on screen they are jump buttons.
    const granted = await page.locator('section#funding [data-field="funding.granted_eu_state"]').innerText();
    assert.match(granted, /309,800/);
    const cardsUnbroken = await page.evaluate(() =>
      [...document.querySelectorAll('.card')].every((c) => {
        const s = getComputedStyle(c);
        return s.breakInside === 'avoid' || c.id === 'prose' || c.classList.contains('wide');
      }),
    );
    assert.ok(cardsUnbroken, 'cards avoid page breaks inside');
    const pdf = await page.pdf({ format: 'A4' });
    assert.equal(pdf.subarray(0, 4).toString('latin1'), '%PDF');
  });
});
