// Private: nothing leaves the page. The built page's Content-Security-Policy (strict, with
// the hashes of its inline scripts), every request of a full session on this origin, and a
// hostile description whose fields hold markup rendered as text, running nothing.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  assertClean,
  distDir,
  dropFiles,
  eventually,
  fileFromDisk,
  gotoApp,
  normalizeSpaces,
  openPage,
  readDownloadJson,
  REPO_ROOT,
  seedPath,
  startApp,
} from '../lib/harness.mjs';

const BREADTH_DIR = path.join(REPO_ROOT, 'testdata', 'breadth');
const view = (page, code) => page.locator(`#document-view[data-code="${code}"]`);

/** Records `securitypolicyviolation` events in `window.__cspViolations` from the first script on. */
async function recordCspViolations(context) {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}
const cspViolations = (page) => page.evaluate(() => window.__cspViolations);

test('the built page has a strict CSP that hashes exactly its inline scripts', () => {
  const html = readFileSync(path.join(distDir(), 'index.html'), 'utf8');
  const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/g)];
  assert.equal(metas.length, 1, 'one CSP <meta>');
  const csp = metas[0][1];
  const directives = Object.fromEntries(
    csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...v]) => [name, v]),
  );
  assert.deepEqual(directives['default-src'], ["'self'"]);
  assert.deepEqual(directives['connect-src'], ["'self'"]);
  assert.deepEqual(directives['style-src'], ["'self'"], 'no inline style in the built page');
  assert.deepEqual(directives['img-src'], ["'self'", 'data:', 'blob:']);
  assert.deepEqual(directives['object-src'], ["'none'"]);
  assert.deepEqual(directives['base-uri'], ["'self'"]);
  assert.deepEqual(directives['form-action'], ["'none'"]);
  assert.deepEqual(directives['worker-src'], ["'self'"]);
  const inline = [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/\ssrc=/.test(m[1] ?? ''))
    .map((m) => `'sha256-${createHash('sha256').update(m[2]).digest('base64')}'`);
  assert.ok(inline.length >= 1, 'Trunk’s loader is inline');
  assert.deepEqual(
    directives['script-src'],
    ["'self'", "'wasm-unsafe-eval'", ...inline],
    'script-src: this origin, wasm, and the hash of each inline script, nothing else',
  );
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*|https?:/);
  // The CSP <meta> comes before anything it governs.
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'));
});

describe('private', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  test('the policy is in force: injected inline script and foreign fetches are blocked', async (t) => {
    const { context, page } = await openPage(t, app.browser);
    await recordCspViolations(context);
    await gotoApp(page, app.baseUrl);
    assert.deepEqual(await cspViolations(page), [], 'the app itself violates nothing');
    const result = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true;';
      document.head.append(s);
      const foreign = await fetch('https://example.org/').then(
        () => 'fetched',
        (e) => e.name,
      );
      return { injected: window.__injected ?? null, foreign };
    });
    assert.equal(result.injected, null, 'an injected inline script does not run');
    assert.equal(result.foreign, 'TypeError', 'a foreign fetch is refused');
    await eventually(async () => {
      const v = await cspViolations(page);
      assert.ok(v.some((x) => x.startsWith('script-src')), `script-src violation in ${v}`);
      assert.ok(v.some((x) => x.startsWith('connect-src')), `connect-src violation in ${v}`);
    });
  });

  test('every request of a session is to this origin', async (t) => {
    const { context, page, problems } = await openPage(t, app.browser);
    await recordCspViolations(context);
    const requests = [];
    // The context sees the page's requests and the service worker's.
    context.on('request', (r) => requests.push(r.url()));
    await gotoApp(page, app.baseUrl, '?lang=en');
    await page.locator('button#open-examples').click();
    await view(page, 'S21498').waitFor({ state: 'visible' });
    // A description, and a page that is not one (an error entry), through the chooser; a
    // description dropped.
    await page.locator('input#file-input').setInputFiles([
      fileFromDisk(path.join(BREADTH_DIR, 'esr-2007-2013.txt')),
      fileFromDisk(path.join(distDir(), 'index.html'), 'text/html'),
    ]);
    await dropFiles(page, [fileFromDisk(path.join(BREADTH_DIR, 'eakr-2014-2020.txt'))]);
    await eventually(async () =>
      assert.equal(await page.locator('#document-list li.doc-entry').count(), 8),
    );
    for (const tab of ['source', 'json', 'document']) {
      await page.locator(`#tab-${tab}`).click();
    }
    for (const button of ['#download-json', '#download-all-json']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(button).click(),
      ]);
      const { text } = await readDownloadJson(download);
      assert.ok(text.startsWith('{') || text.startsWith('['), `${button} gives JSON`);
    }
    await page.locator('#lang-select').selectOption('fi');
    await page.reload({ waitUntil: 'load' });
    await page.locator('button#open-examples').waitFor({ state: 'visible' });
    await page.waitForLoadState('networkidle');

    const origin = new URL(app.baseUrl).origin;
    const foreign = requests.filter(
      (u) => new URL(u).origin !== origin && !/^(blob|data):/.test(u),
    );
    assert.deepEqual(foreign, [], 'requests to other origins');
    assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the requests were seen');
    assert.deepEqual(await cspViolations(page), [], 'CSP violations');
    assertClean(problems, 'the session');
  });

  test('a hostile description renders its markup as text and runs nothing', async (t) => {
    const { context, page, problems } = await openPage(t, app.browser);
    await recordCspViolations(context);
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    await gotoApp(page, app.baseUrl, '?lang=en');
    await page.evaluate(() => {
      window.__pwned = null;
    });
    const script = '<script>window.__pwned = "script"</script>';
    const img = '<img src=x onerror="window.__pwned = \'img\'">';
    const link = '<a href="javascript:window.__pwned=\'link\'">klik</a>';
    const text = readFileSync(seedPath('000_'), 'utf8')
      .replace(
        'Hankkeen nimi: FeelSafe',
        `Hankkeen nimi: ${script}${img} FeelSafe`,
      )
      .replace('Jakeluosoite: Sammonkatu 12', `Jakeluosoite: ${img} ${link}`);
    assert.ok(text.includes(img), 'the seed has the lines the test replaces');
    // The same markup in a saved HTML page: there it is escaped text in the page.
    const escape = (s) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    const paragraphs = text
      .replaceAll('S21498', 'S21499')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => `<p>${escape(l)}</p>`)
      .join('\n');
    const html = `<!doctype html><html><body>\n${paragraphs}\n</body></html>`;
    await page.locator('input#file-input').setInputFiles([
      { name: 'hostile.txt', mimeType: 'text/plain', buffer: Buffer.from(text) },
      { name: 'hostile.html', mimeType: 'text/html', buffer: Buffer.from(html) },
    ]);
    for (const code of ['S21498', 'S21499']) {
      await page.locator(`#document-list li.doc-entry[data-code="${code}"] button`).first().click();
      await view(page, code).waitFor({ state: 'visible' });
      const shown = normalizeSpaces(await page.locator('#document-view').innerText());
      assert.ok(shown.includes(`${script}${img} FeelSafe`), `${code}: the name's markup shows as text`);
      assert.ok(shown.includes(link), `${code}: the address's markup shows as text`);
      const entry = normalizeSpaces(
        await page.locator(`#document-list li.doc-entry[data-code="${code}"]`).innerText(),
      );
      assert.ok(entry.includes(script), `${code}: the list shows the markup as text`);
      for (const tab of ['source', 'json', 'document']) {
        await page.locator(`#tab-${tab}`).click();
        await page.locator(`#panel-${tab}`).waitFor({ state: 'visible' });
        // The Source tab's text is read from the file after the panel shows.
        await eventually(async () => {
          const panel = await page.locator(`#panel-${tab}`).innerText();
          assert.ok(panel.includes('onerror'), `${code} ${tab}: the markup is visible text`);
        });
      }
      // Nothing became an element.
      const planted = await page.evaluate(() => ({
        img: document.querySelectorAll('img[src="x"], img[onerror]').length,
        script: [...document.scripts].filter((s) => s.textContent.includes('__pwned')).length,
        link: document.querySelectorAll('a[href^="javascript:"]').length,
      }));
      assert.deepEqual(planted, { img: 0, script: 0, link: 0 }, `${code}: no planted element`);
    }
    // Give a planted onerror every chance to fire.
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__pwned), null, 'nothing ran');
    assert.ok(!requests.some((u) => /\/x$/.test(new URL(u).pathname)), 'no request for the img');
    assert.deepEqual(await cspViolations(page), [], 'nothing even tried to run');
    assertClean(problems, 'the hostile file');
  });
});
