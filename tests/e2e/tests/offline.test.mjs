// Offline, installable and relocatable: the service worker's cache, its update notice, the
// manifest and icons, the build for a sub-path, and the one-file edition opened from disk.
//
// `cargo xtask test` builds what these load: DIST_DIR (the site), SUB_PATH_DIST_DIR (the site
// built with --public-url SUB_PATH) and SINGLE_FILE (the one-file edition). Tests whose build
// is not named are skipped with the reason; xtask always names all three.

import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';

import {
  assertClean,
  distDir,
  dropFiles,
  eventually,
  fileFromDisk,
  gotoApp,
  launchBrowser,
  openPage,
  seedPath,
  startApp,
} from '../lib/harness.mjs';
import { startServer } from '../lib/server.mjs';

const view = (page, code) => page.locator(`#document-view[data-code="${code}"]`);

/** Waits until an activated service worker controls the page (first visit: after install). */
async function waitControlled(page) {
  await page.waitForFunction(
    () => navigator.serviceWorker?.controller?.state === 'activated',
    null,
    { timeout: 60_000 },
  );
}

/** Chooses seed 000 with the file chooser and waits for its document. */
async function chooseSeed(page) {
  await page.locator('input#file-input').setInputFiles(fileFromDisk(seedPath('000_')));
  await view(page, 'S21498').waitFor({ state: 'visible' });
}

/** Every file under `dir`, `/`-separated and relative to it; hidden ones (a build's `.stage`)
 * are not part of the site. */
function filesUnder(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .flatMap((e) =>
      e.isDirectory()
        ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`)
        : [`${prefix}${e.name}`],
    );
}

/** A copy of `dir` at `<tmp>/<sub>` (sub = "" or "sub/path/"); returns the tmp root. */
function copySite(dir, sub = '') {
  const root = mkdtempSync(path.join(tmpdir(), 'hk-site-'));
  cpSync(dir, path.join(root, sub), { recursive: true });
  return root;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file) {
  const b = readFileSync(file);
  assert.equal(b.subarray(1, 4).toString('latin1'), 'PNG', `${file} is a PNG`);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

test('the site lists every file for the service worker and is installable', () => {
  const dir = distDir();
  const sw = readFileSync(path.join(dir, 'sw.js'), 'utf8');
  const version = sw.match(/const VERSION = '([0-9a-f]{16})';/);
  assert.ok(version, 'sw.js carries a 16-hex-digit VERSION written by the build');
  const files = JSON.parse(sw.match(/const FILES = (\[.*\]);/)[1].replaceAll("'", '"'));
  const expected = filesUnder(dir).filter((f) => f !== 'sw.js').sort();
  assert.deepEqual([...files].sort(), expected, 'sw.js precaches every file of the site');
  assert.ok(files.some((f) => f.endsWith('.wasm')) && files.includes('index.html'));

  const index = readFileSync(path.join(dir, 'index.html'), 'utf8');
  // The default build is relative throughout: it works from any directory.
  assert.match(index, /<meta name="hankekatselin-service-worker" content="\.\/sw\.js"/);
  assert.match(index, /<link rel="manifest" href="\.\/manifest\.webmanifest"/);
  assert.doesNotMatch(index, /(src|href)="\/(?!\/)/, 'no root-relative URL');
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.start_url, './', 'start_url is relative');
  assert.equal(manifest.scope, './', 'scope is relative');
  assert.equal(manifest.display, 'standalone');
  const sizes = {};
  for (const icon of manifest.icons) {
    assert.ok(!icon.src.startsWith('/') && !icon.src.includes(':'), `relative icon ${icon.src}`);
    const file = path.join(dir, icon.src);
    assert.ok(existsSync(file), `icon ${icon.src} is in the site`);
    if (icon.type === 'image/png') sizes[icon.sizes] = pngSize(file);
  }
  assert.deepEqual(sizes, { '192x192': [192, 192], '512x512': [512, 512] }, 'PNG icons');
  assert.ok(manifest.icons.some((i) => i.type === 'image/svg+xml'), 'an SVG icon');
});

describe('offline', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  test('after one visit the app starts and parses a file with no network', async (t) => {
    // A server of its own, stopped after the first visit: no network at all, whatever the
    // browser's offline emulation covers.
    const server = await startServer(distDir());
    const baseUrl = server.url;
    const { context, page, problems } = await openPage(t, app.browser);
    await gotoApp(page, baseUrl, '?lang=en');
    await waitControlled(page);
    await server.close();
    await context.setOffline(true);
    // The network is really gone: a fetch the worker does not answer fails.
    const online = await page.evaluate(() =>
      fetch('not-in-the-site.txt').then(
        () => true,
        () => false,
      ),
    );
    assert.equal(online, false, 'a request outside the cache fails while offline');
    // That failure is the point; what follows must be clean.
    problems.failedRequests.length = 0;
    problems.consoleErrors.length = 0;

    await page.reload({ waitUntil: 'load' });
    await page.locator('button#open-examples').waitFor({ state: 'visible' });
    await chooseSeed(page);
    // The examples and the tabs work too.
    await page.locator('button#open-examples').click();
    await eventually(async () =>
      assert.equal(await page.locator('#document-list li.doc-entry').count(), 5),
    );
    // A fresh tab while offline: the worker serves the page to it as well.
    const second = await context.newPage();
    await second.goto(baseUrl, { waitUntil: 'load' });
    await second.locator('button#open-examples').waitFor({ state: 'visible' });
    assertClean(problems, 'the offline page');
  });

  test('a new release shows an update notice whose button switches to it', async (t) => {
    const root = copySite(distDir());
    const server = await startServer(root);
    t.after(() => server.close());
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, server.url, '?lang=en');
    await waitControlled(page);
    const cacheNames = () => page.evaluate(() => caches.keys());
    const [oldCache] = await cacheNames();
    assert.match(oldCache, /^hankekatselin-[0-9a-f]{16}$/);
    // No notice on the first visit: there is nothing to update.
    assert.equal(await page.locator('#update-notice').count(), 0);

    // Release: a new sw.js (another version) on the server.
    const swPath = path.join(root, 'sw.js');
    const sw = readFileSync(swPath, 'utf8');
    const newVersion = '0123456789abcdef';
    writeFileSync(swPath, sw.replace(/const VERSION = '[0-9a-f]+';/, `const VERSION = '${newVersion}';`));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));

    const notice = page.locator('#update-notice');
    await notice.waitFor({ state: 'visible', timeout: 60_000 });
    assert.match(await notice.innerText(), /new version/i);
    assert.equal(await notice.getAttribute('role'), 'status', 'announced, not a dialog');
    // The page stays usable while the notice shows.
    await chooseSeed(page);

    await Promise.all([
      page.waitForEvent('load', { timeout: 60_000 }),
      page.locator('#update-reload').click(),
    ]);
    await page.locator('button#open-examples').waitFor({ state: 'visible' });
    await eventually(async () =>
      assert.deepEqual(await cacheNames(), [`hankekatselin-${newVersion}`], 'old cache gone'),
    );
    assert.equal(await page.locator('#update-notice').count(), 0, 'no notice after the update');
    assertClean(problems, 'the update');
  });
});

describe('sub-path', () => {
  const subDist = process.env.SUB_PATH_DIST_DIR;
  const sub = (process.env.SUB_PATH || '/sub/path/').replace(/^\/+/, '');
  const skip = subDist && existsSync(path.join(subDist, 'index.html'))
    ? false
    : 'SUB_PATH_DIST_DIR names no build (cargo xtask test makes one with --public-url)';
  let server;
  let browser;
  before(async () => {
    if (skip) return;
    server = await startServer(copySite(subDist, sub));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the default (relative) build runs under any sub-path too', async (t) => {
    const where = 'any/where/';
    const own = await startServer(copySite(distDir(), where));
    t.after(() => own.close());
    const otherBrowser = await launchBrowser();
    t.after(() => otherBrowser.close());
    const { context, page, problems } = await openPage(t, otherBrowser);
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    const base = own.url + where;
    await gotoApp(page, base, '?lang=en');
    await chooseSeed(page);
    await waitControlled(page);
    const scope = await page.evaluate(() =>
      navigator.serviceWorker.getRegistration().then((r) => r.scope),
    );
    assert.equal(scope, base, 'the worker’s scope is the directory of the site');
    const outside = requests.filter((u) => !u.startsWith(base) && !/^(blob|data):/.test(u));
    assert.deepEqual(outside, [], `requests outside ${base}`);
    assertClean(problems, 'the default build under a sub-path');
  });

  test('the sub-path build runs there, offline too, and asks for nothing outside it', { skip }, async (t) => {
    const { context, page, problems } = await openPage(t, browser);
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    const base = server.url + sub;
    await gotoApp(page, base, '?lang=en');
    await chooseSeed(page);
    await waitControlled(page);
    const scope = await page.evaluate(() =>
      navigator.serviceWorker.getRegistration().then((r) => r.scope),
    );
    assert.equal(scope, base, 'the worker’s scope is the sub-path');
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector('link[rel=manifest]');
      const m = await (await fetch(link.href)).json();
      const icons = await Promise.all(
        m.icons.map(async (i) => {
          const r = await fetch(new URL(i.src, link.href));
          await r.arrayBuffer();
          return r.status;
        }),
      );
      return { href: link.href, start: new URL(m.start_url, link.href).href, icons };
    });
    assert.equal(manifest.href, `${base}manifest.webmanifest`);
    assert.equal(manifest.start, base, 'the manifest starts the app at the sub-path');
    assert.deepEqual(manifest.icons, manifest.icons.map(() => 200), 'icons load');

    await context.setOffline(true);
    await page.reload({ waitUntil: 'load' });
    await chooseSeed(page);
    const outside = requests.filter((u) => !u.startsWith(base) && !/^(blob|data):/.test(u));
    assert.deepEqual(outside, [], `requests outside ${base}`);
    assertClean(problems, 'the sub-path build');
  });
});

describe('one-file edition', () => {
  const file = process.env.SINGLE_FILE;
  const skip = file && existsSync(file)
    ? false
    : 'SINGLE_FILE names no file (cargo xtask test makes one; cargo xtask dist --single-file)';
  let browser;
  before(async () => {
    if (!skip) browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('is one self-contained file with a CSP that hashes its scripts', { skip }, () => {
    const html = readFileSync(file, 'utf8');
    assert.doesNotMatch(html, /<script[^>]*\ssrc=/, 'no external script');
    assert.doesNotMatch(html, /<link[^>]*rel="(stylesheet|manifest|modulepreload|preload)"/);
    assert.doesNotMatch(html, /hankekatselin-service-worker|sw\.js/, 'no service worker');
    const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
    assert.ok(csp, 'a CSP <meta>');
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'wasm-unsafe-eval' 'sha256-/);
  });

  test('opened from disk, it parses a chosen and a dropped file, with no request', { skip }, async (t) => {
    const { context, page, problems } = await openPage(t, browser);
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(file).href;
    await page.goto(`${url}?lang=en`, { waitUntil: 'load' });
    await page.locator('button#open-examples').waitFor({ state: 'visible' });
    await chooseSeed(page);
    await dropFiles(page, [fileFromDisk(seedPath('004_'))]);
    await view(page, 'S21498').waitFor({ state: 'visible' });
    await eventually(async () =>
      assert.equal(await page.locator('#document-list li.doc-entry[data-code="S22257"]').count(), 1),
    );
    await page.locator('button#open-examples').click();
    await eventually(async () =>
      assert.equal(await page.locator('#document-list li.doc-entry').count(), 5),
    );
    assert.equal(
      await page.evaluate(() => navigator.serviceWorker?.controller ?? null),
      null,
      'no service worker',
    );
    const others = requests.filter((u) => !u.startsWith(url) && !/^(blob|data):/.test(u));
    assert.deepEqual(others, [], 'requests besides the file itself');
    assertClean(problems, 'the one-file edition');
  });
});
