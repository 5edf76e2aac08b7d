// The viewer, driven in Chromium through the DOM contract (see ../README.md): start page,
// examples, file chooser, drag and drop, JSON downloads against the CLI, re-import, bad
// files, the source tab, language, and a console-clean walk through all of it.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  assertClean,
  cliJson,
  distDir,
  dragFilesOver,
  dropDragged,
  dropFiles,
  eventually,
  fileFromDisk,
  gotoApp,
  holds,
  normalizeSpaces,
  openPage,
  PNG_1X1,
  readDownloadJson,
  seedPaths,
  seedPath,
  startApp,
  textOf,
} from '../lib/harness.mjs';

/** The seeds' project codes in file-name order (000 … 004). */
const SEED_CODES = ['S21498', 'S20516', 'S20884', 'S22084', 'S22257'];

const entries = (page) => page.locator('#document-list li.doc-entry');
const entry = (page, code) => page.locator(`#document-list li.doc-entry[data-code="${code}"]`);
const view = (page, code) => page.locator(`#document-view[data-code="${code}"]`);
/** Whether the element carries the boolean `hidden` attribute (any value). */
const hasHidden = (loc) => loc.evaluate((el) => el.hasAttribute('hidden'));
const htmlLang = (page) => page.locator('html').getAttribute('lang');
/** Waits until `<html lang>` is `lang`. */
const langBecomes = (page, lang) =>
  eventually(async () => assert.equal(await htmlLang(page), lang, '<html lang>'));

async function openExamples(page) {
  await page.locator('button#open-examples').click();
  await eventually(async () =>
    assert.equal(await entries(page).count(), 5, 'five example entries'),
  );
}

/** Selects the entry of `code` through the button inside it and waits for its view. */
async function selectEntry(page, code) {
  await entry(page, code).locator('button').first().click();
  await view(page, code).waitFor({ state: 'visible' });
}

/** Asserts the on-screen funding figures of seed S21498 in `lang`. */
async function assertS21498Funding(page, lang) {
  const funding = page.locator('#document-view section#funding');
  const granted = await textOf(funding, '[data-field="funding.granted_eu_state"]');
  const share = await textOf(funding, '[data-figure="eu_state_share"]');
  if (lang === 'fi') {
    assert.ok(granted.includes('48 724 €'), `fi granted amount "48 724 €" in "${granted}"`);
    assert.ok(share.includes('70,0 %'), `fi share "70,0 %" in "${share}"`);
  } else {
    assert.ok(granted.includes('€48,724'), `en granted amount "€48,724" in "${granted}"`);
    assert.ok(share.includes('70.0%'), `en share "70.0%" in "${share}"`);
  }
}

/** The clickable element that jumps to the source line of typed field `jsonPath`. */
async function jumpControl(page, jsonPath) {
  const field = page.locator(`#document-view [data-field="${jsonPath}"]`).first();
  await field.waitFor({ state: 'visible' });
  if (await field.evaluate((el) => el.matches('button, a[href], [role=button]'))) return field;
  const inside = field.locator('button, a[href], [role=button]');
  if ((await inside.count()) > 0) return inside.first();
  const beside = field.locator(
    'xpath=following-sibling::*[1]/descendant-or-self::*[self::button or self::a or @role="button"]',
  );
  assert.ok(
    (await beside.count()) > 0,
    `no jump control inside or beside [data-field="${jsonPath}"]`,
  );
  return beside.first();
}

// Fails first, and alone, with what to do when there is no built app to test.
test('DIST_DIR names a built app', () => {
  distDir();
});

describe('viewer', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  test('start page loads cleanly and offers a multiple file input', async (t) => {
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl);
    const input = page.locator('input#file-input');
    await input.waitFor({ state: 'attached' });
    assert.equal(await input.count(), 1, 'one input#file-input');
    assert.equal(await input.evaluate((el) => el.tagName), 'INPUT');
    assert.equal(await input.evaluate((el) => el.type), 'file');
    assert.equal(await input.evaluate((el) => el.multiple), true, 'file input has `multiple`');
    // The drop overlay is in the DOM and hidden until something is dragged over the page.
    const overlay = page.locator('#drop-overlay');
    assert.equal(await overlay.count(), 1, '#drop-overlay is in the DOM');
    assert.equal(await hasHidden(overlay), true, '#drop-overlay has `hidden`');
    assert.equal(await overlay.isVisible(), false, '#drop-overlay not visible');
    await page.waitForLoadState('networkidle');
    assertClean(problems, 'the start page');
  });

  test('Open examples lists the five seeds and shows the first, in Finnish', async (t) => {
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=fi');
    await openExamples(page);
    const codes = await entries(page).evaluateAll((els) => els.map((el) => el.dataset.code));
    assert.deepEqual(codes, SEED_CODES, 'entries in seed order');
    const states = await entries(page).evaluateAll((els) => els.map((el) => el.dataset.state));
    for (const s of states) assert.ok(s === 'ok' || s === 'warning', `seed state ${s}`);
    await view(page, 'S21498').waitFor({ state: 'visible' });
    assert.equal(await page.locator('#document-view').count(), 1, 'one document view');
    await assertS21498Funding(page, 'fi');
    assert.equal(await htmlLang(page), 'fi');
    assert.deepEqual(problems.pageErrors, []);
  });

  test('funding figures of S21498 in English', async (t) => {
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=en');
    await openExamples(page);
    await view(page, 'S21498').waitFor({ state: 'visible' });
    await assertS21498Funding(page, 'en');
    assert.equal(await htmlLang(page), 'en');
    // Another seed's figures follow the selection: S22257 realised 92 226 of 309 800 granted.
    await selectEntry(page, 'S22257');
    const realized = await textOf(page, '#document-view [data-field="funding.realized_eu_state"]');
    assert.ok(realized.includes('€92,226'), `en realised "€92,226" in "${realized}"`);
    const ratio = await textOf(page, '#document-view [data-figure="realized_vs_granted"]');
    assert.ok(ratio.includes('29.8%'), `realised vs granted "29.8%" in "${ratio}"`);
    assert.deepEqual(problems.pageErrors, []);
  });

  test('all amounts and derived figures of S21498 and S22257 in Finnish', async (t) => {
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=fi');
    await openExamples(page);
    const expected = {
      S21498: {
        'data-field="funding.granted_eu_state"': '48 724 €',
        'data-field="funding.realized_eu_state"': '48 724 €',
        'data-field="funding.planned_public_total"': '69 606 €',
        'data-field="funding.realized_public_total"': '69 606 €',
        'data-figure="eu_state_share"': '70,0 %',
        'data-figure="realized_vs_granted"': '100,0 %',
        'data-figure="realized_vs_planned"': '100,0 %',
        'data-figure="other_public"': '20 882 €',
        // 69 606 € planned for 30 planned participants (7.2).
        'data-figure="per_participant"': '2 320 €',
      },
      // An active project: realised far below planned.
      S22257: {
        'data-field="funding.granted_eu_state"': '309 800 €',
        'data-field="funding.realized_eu_state"': '92 226 €',
        'data-field="funding.planned_public_total"': '387 250 €',
        'data-field="funding.realized_public_total"': '115 283 €',
        'data-figure="eu_state_share"': '80,0 %',
        'data-figure="realized_vs_granted"': '29,8 %',
        'data-figure="realized_vs_planned"': '29,8 %',
        'data-figure="other_public"': '77 450 €',
      },
    };
    for (const [code, figures] of Object.entries(expected)) {
      await selectEntry(page, code);
      for (const [attr, want] of Object.entries(figures)) {
        const got = await textOf(page, `#document-view section#funding [${attr}]`);
        assert.ok(got.includes(want), `${code} [${attr}]: "${want}" in "${got}"`);
      }
      const perParticipant = page.locator('#document-view [data-figure="per_participant"]');
      assert.equal(await perParticipant.count(), 1, `${code} has a per-participant figure`);
    }
    assert.deepEqual(problems.pageErrors, []);
  });

  test('a doubtful value makes a warning entry and marks its source line', async (t) => {
    // Seed 000 with a wrong check digit in the applicant's Y-tunnus (line 27).
    const text = readFileSync(seedPath('000_'), 'utf8');
    assert.ok(text.includes('Y-tunnus: 0600598-8'));
    const flawed = Buffer.from(text.replace('Y-tunnus: 0600598-8', 'Y-tunnus: 0600598-7'));
    const dir = mkdtempSync(path.join(tmpdir(), 'hk-flawed-'));
    const file = path.join(dir, 'flawed.txt');
    writeFileSync(file, flawed);
    const [reference] = await cliJson([file]);
    const diagnostic = reference.diagnostics.find((d) => d.line === 27);
    assert.ok(diagnostic, 'the core reports line 27');
    assert.equal(diagnostic.severity, 'warning');

    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=en');
    await page.locator('input#file-input').setInputFiles(file);
    const flawedEntry = entry(page, 'S21498');
    await flawedEntry.waitFor({ state: 'attached' });
    assert.equal(await flawedEntry.getAttribute('data-state'), 'warning');
    assert.equal(await flawedEntry.getAttribute('data-file'), 'flawed.txt');
    await view(page, 'S21498').waitFor({ state: 'visible' });
    const shown = normalizeSpaces(await page.locator('body').innerText());
    assert.ok(
      shown.includes(normalizeSpaces(diagnostic.message)),
      `the core's message "${diagnostic.message}" is shown`,
    );
    await page.locator('#tab-source').click();
    const line = page.locator('#src-line-27');
    await line.waitFor({ state: 'visible' });
    assert.ok(await line.evaluate((el) => el.classList.contains('diag')), '#src-line-27.diag');
    assert.equal(
      await page.locator('[id^="src-line-"].diag').count(),
      reference.diagnostics.filter((d) => d.line).length,
      'one marked line per diagnostic line',
    );
    assert.equal(await page.locator('.source-view .note').count(), 0, 'the text read again, not rebuilt');
    assert.deepEqual(problems.pageErrors, []);
  });

  test('a file changed after loading: the Source tab rebuilds its text and says so', async (t) => {
    // Documents keep no copy of their text; the Source tab reads the file again, and a file
    // that changed since is not the file parsed.
    const dir = mkdtempSync(path.join(tmpdir(), 'hk-changed-'));
    const file = path.join(dir, 'muuttuu.txt');
    writeFileSync(file, readFileSync(seedPath('000_')));
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=en');
    await page.locator('input#file-input').setInputFiles(file);
    await view(page, 'S21498').waitFor({ state: 'visible' });
    writeFileSync(file, 'Something else entirely, written after loading.\n');
    await page.locator('#tab-source').click();
    const note = page.locator('.source-view .note[data-rebuilt="unreadable"]');
    await note.waitFor({ state: 'visible' });
    assert.match(await note.innerText(), /could not be read again/);
    assert.equal(
      normalizeSpaces(await page.locator('#src-line-7 .txt').innerText()),
      'Hankekoodi: S21498',
      'the rebuilt text keeps the code on its line',
    );
    assert.deepEqual(problems.pageErrors, []);
  });

  test('a file with CR-only line ends: the Source tab numbers its lines as the core does', async (t) => {
    // Issue 13: such a file showed as one line numbered 1, so no jump landed.
    const dir = mkdtempSync(path.join(tmpdir(), 'hk-cr-'));
    const file = path.join(dir, 'vanha-mac.txt');
    const text = readFileSync(seedPath('000_'), 'utf8').replace(/\r?\n/g, '\r');
    writeFileSync(file, text);
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=en');
    await page.locator('input#file-input').setInputFiles(file);
    await view(page, 'S21498').waitFor({ state: 'visible' });
    await (await jumpControl(page, 'project.code')).click();
    const line = page.locator('#src-line-7');
    await line.waitFor({ state: 'visible' });
    assert.ok(await line.evaluate((el) => el.classList.contains('current')), '#src-line-7 is current');
    assert.equal(normalizeSpaces(await line.locator('.txt').innerText()), 'Hankekoodi: S21498');
    assert.equal(
      await page.locator('[id^="src-line-"]').count(),
      text.replace(/\r$/, '').split('\r').length,
      'one numbered line per CR-terminated line',
    );
    assert.deepEqual(problems.pageErrors, []);
  });

  test('the file chooser adds a description', async (t) => {
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl);
    await page.locator('input#file-input').setInputFiles(seedPath('001_'));
    await entry(page, 'S20516').waitFor({ state: 'attached' });
    assert.equal(await entries(page).count(), 1);
    assert.equal(
      await entry(page, 'S20516').getAttribute('data-file'),
      path.basename(seedPath('001_')),
    );
    await view(page, 'S20516').waitFor({ state: 'visible' });
    assert.deepEqual(problems.pageErrors, []);
  });

  test('dropping a file shows the overlay while dragging and adds the file', async (t) => {
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl);
    const overlay = page.locator('#drop-overlay');
    assert.equal(await overlay.isVisible(), false, 'overlay hidden before dragging');
    await dragFilesOver(page, [fileFromDisk(seedPath('003_'))]);
    await overlay.waitFor({ state: 'visible' });
    assert.equal(await hasHidden(overlay), false, 'no `hidden` while dragging');
    await dropDragged(page);
    await entry(page, 'S22084').waitFor({ state: 'attached' });
    await overlay.waitFor({ state: 'hidden' });
    assert.equal(await hasHidden(overlay), true, '`hidden` again after the drop');
    assert.equal(await entries(page).count(), 1);
    assert.deepEqual(problems.pageErrors, []);
  });

  test('downloaded JSON equals the CLI output, one document and all', async (t) => {
    const seeds = seedPaths();
    const reference = await cliJson(seeds);
    assert.equal(reference.length, 5);
    assert.deepEqual(
      reference.map((d) => d.project?.code),
      SEED_CODES,
      'the CLI reads the seeds (is the parser core in?)',
    );
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl);

    // One file through the chooser: its download equals the CLI's document.
    await page.locator('input#file-input').setInputFiles(seeds[0]);
    await view(page, 'S21498').waitFor({ state: 'visible' });
    const [one] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button#download-json').click(),
    ]);
    const single = await readDownloadJson(one);
    assert.equal(single.name, 'S21498.json');
    assert.deepEqual(JSON.parse(single.text), reference[0]);

    // All five examples: "Download all" equals the CLI's array for the same files in order.
    const fresh = await openPage(t, app.browser);
    await gotoApp(fresh.page, app.baseUrl);
    await openExamples(fresh.page);
    const [all] = await Promise.all([
      fresh.page.waitForEvent('download'),
      fresh.page.locator('button#download-all-json').click(),
    ]);
    const everything = await readDownloadJson(all);
    assert.equal(everything.name, 'hankekatselin.json');
    assert.deepEqual(JSON.parse(everything.text), reference);
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(fresh.problems.pageErrors, []);
  });

  test('Windows-1252 and UTF-16 files read as the CLI reads them', async (t) => {
    // The viewer must hand the file's bytes to the core, not text decoded by the browser.
    const text = readFileSync(seedPath('000_'), 'utf8');
    const crlf = text.replace(/\n/g, '\r\n');
    const variants = [
      { name: 'cp1252.txt', buffer: Buffer.from(crlf, 'latin1'), encoding: 'windows-1252' },
      {
        name: 'utf16le.txt',
        buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(crlf, 'utf16le')]),
        encoding: 'UTF-16LE',
      },
    ];
    assert.ok(!/[^\x00-\xff]/.test(crlf), 'seed 000 fits Windows-1252 as Latin-1');
    const dir = mkdtempSync(path.join(tmpdir(), 'hk-enc-'));
    const files = variants.map((v) => {
      const file = path.join(dir, v.name);
      writeFileSync(file, v.buffer);
      return file;
    });
    const reference = await cliJson(files);
    assert.deepEqual(
      reference.map((d) => d.source?.encoding),
      variants.map((v) => v.encoding),
    );

    for (const [i, v] of variants.entries()) {
      // A page per file: both are S21498, so one view could not be told from the other.
      const { page, problems } = await openPage(t, app.browser);
      await gotoApp(page, app.baseUrl, '?lang=fi');
      await dropFiles(page, [{ name: v.name, mimeType: 'text/plain', buffer: v.buffer }]);
      const item = page.locator(`#document-list li.doc-entry[data-file="${v.name}"]`);
      await item.waitFor({ state: 'attached' });
      assert.equal(await item.getAttribute('data-code'), 'S21498', v.name);
      await view(page, 'S21498').waitFor({ state: 'visible' });
      const shown = normalizeSpaces(await page.locator('#document-view').innerText());
      assert.ok(shown.includes('asiakaspalveluturvallisuuden kehittämishanke'), `${v.name}: ä`);
      await assertS21498Funding(page, 'fi');
      const [dl] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('button#download-json').click(),
      ]);
      assert.deepEqual(JSON.parse((await readDownloadJson(dl)).text), reference[i], v.name);
      assert.deepEqual(problems.pageErrors, [], v.name);
    }
  });

  test('re-importing the downloaded JSON shows the same document, once', async (t) => {
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=fi');
    await page.locator('input#file-input').setInputFiles(seedPath('000_'));
    await view(page, 'S21498').waitFor({ state: 'visible' });
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button#download-json').click(),
    ]);
    const { name, text } = await readDownloadJson(dl);
    const json = { name, mimeType: 'application/json', buffer: Buffer.from(text) };

    // A fresh page: drop the JSON.
    const other = await openPage(t, app.browser);
    await gotoApp(other.page, app.baseUrl, '?lang=fi');
    await dropFiles(other.page, [json]);
    await entry(other.page, 'S21498').waitFor({ state: 'attached' });
    await view(other.page, 'S21498').waitFor({ state: 'visible' });
    await assertS21498Funding(other.page, 'fi');

    // The same file again, through the chooser, with a new file after it: once the new file
    // is listed the batch has been read, and the JSON must still be listed once.
    await other.page
      .locator('input#file-input')
      .setInputFiles([json, fileFromDisk(seedPath('001_'))]);
    await entry(other.page, 'S20516').waitFor({ state: 'attached' });
    await holds(async () => {
      assert.equal(await entry(other.page, 'S21498').count(), 1, 'S21498 listed once');
      assert.equal(await entries(other.page).count(), 2);
    });
    // And a third time by drop, again with a new file as the marker.
    await dropFiles(other.page, [json, fileFromDisk(seedPath('002_'))]);
    await entry(other.page, 'S20884').waitFor({ state: 'attached' });
    await holds(async () => {
      assert.equal(await entry(other.page, 'S21498').count(), 1, 'S21498 listed once');
      assert.equal(await entries(other.page).count(), 3);
    });
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(other.problems.pageErrors, []);
  });

  test('an image gives an error entry with the core message and keeps the others', async (t) => {
    const [failure] = await cliJsonOfPng();
    assert.ok(failure?.error?.message, 'the CLI reports a failure for the PNG');
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=en');
    await openExamples(page);
    await page
      .locator('input#file-input')
      .setInputFiles({ name: 'pixel.png', mimeType: 'image/png', buffer: PNG_1X1 });
    const bad = page.locator('#document-list li.doc-entry[data-state="error"]');
    await bad.waitFor({ state: 'visible' });
    assert.equal(await bad.count(), 1);
    assert.equal(await bad.getAttribute('data-file'), 'pixel.png');
    assert.equal(await bad.getAttribute('data-code'), '', 'failures have an empty data-code');
    const text = normalizeSpaces(await bad.innerText());
    assert.ok(text.includes('pixel.png'), `file name in "${text}"`);
    assert.ok(
      text.includes(normalizeSpaces(failure.error.message)),
      `the core's message "${failure.error.message}" in "${text}"`,
    );
    assert.equal(await entries(page).count(), 6, 'the five examples stay');
    const codes = await entries(page).evaluateAll((els) =>
      els.filter((el) => el.dataset.state !== 'error').map((el) => el.dataset.code),
    );
    assert.deepEqual(codes, SEED_CODES);
    await selectEntry(page, 'S20884');
    assert.deepEqual(problems.pageErrors, []);
  });

  test('files over the 50 MB limit are refused with their sizes, and the others load', async (t) => {
    // Sparse files: 60 MB is read and refused by its length; a browser will not read 5 GB
    // at all, and the refusal still gives the size (asked of the file).
    const dir = mkdtempSync(path.join(tmpdir(), 'hk-big-'));
    const big = path.join(dir, 'video.mp4');
    const large = path.join(dir, 'levykuva.txt');
    writeFileSync(big, '');
    truncateSync(big, 5 * 1024 ** 3);
    writeFileSync(large, '');
    truncateSync(large, 60 * 1024 ** 2);
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=en');
    await page.locator('input#file-input').setInputFiles([seedPath('000_'), big, large, seedPath('004_')]);
    for (const [file, size] of [['video.mp4', '5120.0'], ['levykuva.txt', '60.0']]) {
      const refused = page.locator(`#document-list li.doc-entry[data-file="${file}"]`);
      await refused.waitFor({ state: 'attached', timeout: 60_000 });
      assert.equal(await refused.getAttribute('data-state'), 'error');
      const message = await refused.locator('.doc-error').innerText();
      assert.ok(message.includes(`${size} MB; the limit is 50.0 MB`), `${file}: ${message}`);
    }
    await eventually(async () =>
      assert.deepEqual(
        await entries(page).evaluateAll((els) => els.map((el) => el.dataset.code || el.dataset.file)),
        ['S21498', 'video.mp4', 'levykuva.txt', 'S22257'],
      ),
    );
    assert.deepEqual(problems.pageErrors, []);
  });

  test('the jump control of project.code opens the Source tab at line 7', async (t) => {
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl);
    await openExamples(page);
    await view(page, 'S21498').waitFor({ state: 'visible' });
    const code = await textOf(page, '#document-view [data-field="project.code"]');
    assert.ok(code.includes('S21498'), `project.code shows S21498: "${code}"`);
    await (await jumpControl(page, 'project.code')).click();
    await eventually(async () =>
      assert.equal(await page.locator('#tab-source').getAttribute('aria-selected'), 'true'),
    );
    assert.equal(await page.locator('#tab-source').getAttribute('role'), 'tab');
    assert.equal(await page.locator('#tab-document').getAttribute('aria-selected'), 'false');
    const line = page.locator('#src-line-7');
    await line.waitFor({ state: 'visible' });
    assert.ok(
      (await line.evaluate((el) => el.classList.contains('current'))) === true,
      '#src-line-7 has class current',
    );
    assert.ok(normalizeSpaces(await line.innerText()).includes('Hankekoodi: S21498'));
    assert.equal(await page.locator('[id^="src-line-"].current').count(), 1, 'one current line');
    assert.ok(await line.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight;
    }), 'the current line is scrolled into view');
    assert.deepEqual(problems.pageErrors, []);
  });

  test('the language switch follows <html lang> and survives a reload', async (t) => {
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=fi');
    const select = page.locator('select#lang-select');
    const button = page.locator('button#open-examples');
    assert.equal(await select.inputValue(), 'fi');
    assert.equal(await htmlLang(page), 'fi');
    const fiLabel = normalizeSpaces(await button.innerText());

    // Switch on a page without ?lang=, so that the reload goes by the remembered choice.
    await gotoApp(page, app.baseUrl);
    await select.selectOption('en');
    await langBecomes(page, 'en');
    const enLabel = normalizeSpaces(await button.innerText());
    assert.notEqual(enLabel, fiLabel, 'the interface text changes with the language');
    await page.reload();
    await button.waitFor({ state: 'visible' });
    assert.equal(await select.inputValue(), 'en', 'English survives a reload');
    assert.equal(await htmlLang(page), 'en');
    assert.equal(normalizeSpaces(await button.innerText()), enLabel);

    await select.selectOption('fi');
    await langBecomes(page, 'fi');
    assert.equal(normalizeSpaces(await button.innerText()), fiLabel);
    await page.reload();
    await button.waitFor({ state: 'visible' });
    assert.equal(await select.inputValue(), 'fi', 'Finnish survives a reload');
    assert.equal(await htmlLang(page), 'fi');

    // ?lang= wins over the remembered choice.
    await gotoApp(page, app.baseUrl, '?lang=en');
    assert.equal(await select.inputValue(), 'en', '?lang=en wins over the stored fi');
    assert.equal(await htmlLang(page), 'en');
    assert.deepEqual(problems.pageErrors, []);
  });

  test('a walk through the whole app logs no console errors', async (t) => {
    const { page, problems } = await openPage(t, app.browser, {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await gotoApp(page, app.baseUrl, '?lang=fi');
    await openExamples(page);
    for (const code of SEED_CODES) {
      await selectEntry(page, code);
      for (const tab of ['#tab-source', '#tab-json', '#tab-document']) {
        await page.locator(tab).click();
        await eventually(async () =>
          assert.equal(await page.locator(tab).getAttribute('aria-selected'), 'true', tab),
        );
      }
    }
    await selectEntry(page, 'S21498');
    await page.locator('#tab-json').click();
    const [reference] = await cliJson(seedPaths());
    const shown = await page.locator('#json-output').innerText();
    assert.deepEqual(JSON.parse(shown), reference, '#json-output shows the document JSON');
    await page.locator('button#copy-json').click();
    const copied = await eventually(async () => {
      const text = await page.evaluate(() => navigator.clipboard.readText());
      return JSON.parse(text);
    });
    assert.deepEqual(copied, reference, 'Copy JSON puts the document JSON on the clipboard');
    await page.locator('#tab-document').click();
    await (await jumpControl(page, 'project.code')).click();
    await page.locator('#src-line-7.current').waitFor({ state: 'visible' });
    await page.locator('select#lang-select').selectOption('en');
    await langBecomes(page, 'en');
    await dragFilesOver(page, [{ name: 'pixel.png', mimeType: 'image/png', buffer: PNG_1X1 }]);
    await page.locator('#drop-overlay').waitFor({ state: 'visible' });
    await dropDragged(page);
    await page.locator('#document-list li.doc-entry[data-state="error"]').waitFor();
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button#download-all-json').click(),
    ]);
    await readDownloadJson(dl);
    await page.locator('select#lang-select').selectOption('fi');
    await page.reload();
    await page.locator('button#open-examples').waitFor({ state: 'visible' });
    await page.waitForLoadState('networkidle');
    assertClean(problems, 'the walk');
  });
});

/** The CLI's failure record for the 1×1 PNG, written to a temporary file. */
async function cliJsonOfPng() {
  const dir = mkdtempSync(path.join(tmpdir(), 'hk-png-'));
  const file = path.join(dir, 'pixel.png');
  writeFileSync(file, PNG_1X1);
  return cliJson([file]);
}
