// The harness itself: the static server and the browser launch, on a tiny page of our own.
// Runs without a built app, so a broken harness is told apart from a broken app.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { startServer } from '../lib/server.mjs';
import { assertClean, eventually, launchBrowser, openPage, PNG_1X1 } from '../lib/harness.mjs';

// The smallest valid Wasm module exporting `answer() -> 42`.
const WASM = Buffer.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f, // type section: () -> i32
  0x03, 0x02, 0x01, 0x00, // function section
  0x07, 0x0a, 0x01, 0x06, 0x61, 0x6e, 0x73, 0x77, 0x65, 0x72, 0x00, 0x00, // export "answer"
  0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x2a, 0x0b, // code: i32.const 42
]);

const INDEX = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>harness</title>
<link rel="icon" href="data:,"><script type="module" src="app.js"></script></head>
<body><p id="out">loading</p><img id="img" src="pixel.png" alt=""></body></html>`;
const APP = `const { instance } = await WebAssembly.instantiateStreaming(fetch('./m.wasm'));
document.getElementById('out').textContent = 'answer ' + instance.exports.answer();`;

describe('harness', () => {
  let dir;
  let server;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hk-e2e-'));
    writeFileSync(path.join(dir, 'index.html'), INDEX);
    writeFileSync(path.join(dir, 'app.js'), APP);
    writeFileSync(path.join(dir, 'm.wasm'), WASM);
    writeFileSync(path.join(dir, 'pixel.png'), PNG_1X1);
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'index.html'), '<p>sub</p>');
    writeFileSync(path.join(dir, '..', `${path.basename(dir)}-secret.txt`), 'secret');
    server = await startServer(dir);
  });
  after(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(path.join(dir, '..', `${path.basename(dir)}-secret.txt`), { force: true });
  });

  test('server binds 127.0.0.1 and serves files with their MIME types', async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const cases = [
      ['', 'text/html; charset=utf-8', INDEX],
      ['index.html', 'text/html; charset=utf-8', INDEX],
      ['app.js', 'text/javascript; charset=utf-8', APP],
      ['sub/', 'text/html; charset=utf-8', '<p>sub</p>'],
    ];
    for (const [p, type, body] of cases) {
      const res = await fetch(server.url + p);
      assert.equal(res.status, 200, p);
      assert.equal(res.headers.get('content-type'), type, p);
      assert.equal(await res.text(), body, p);
    }
    const wasm = await fetch(server.url + 'm.wasm');
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    assert.deepEqual(Buffer.from(await wasm.arrayBuffer()), WASM);
    const png = await fetch(server.url + 'pixel.png');
    assert.equal(png.headers.get('content-type'), 'image/png');
  });

  test('server answers 404 for missing files, directories and paths outside the root', async () => {
    const secret = `${path.basename(dir)}-secret.txt`;
    for (const p of ['missing.js', 'sub', `..%2f${secret}`, `%2e%2e/${secret}`, 'a%00b']) {
      const res = await fetch(server.url + p);
      assert.equal(res.status, 404, p);
      assert.doesNotMatch(await res.text(), /secret/, p);
    }
    const post = await fetch(server.url, { method: 'POST' });
    assert.equal(post.status, 405);
  });

  test('browser runs a Wasm page from the server and collects problems', async (t) => {
    const browser = await launchBrowser();
    t.after(() => browser.close());
    const { page, problems } = await openPage(t, browser);
    await page.goto(server.url);
    await page.locator('#out', { hasText: 'answer 42' }).waitFor();
    assertClean(problems, 'the harness page');

    // The collectors do see problems: a console error, an uncaught error, a 404.
    await page.evaluate(() => {
      console.error('boom');
      setTimeout(() => {
        throw new Error('uncaught');
      });
      fetch('./missing.js').catch(() => {});
    });
    await eventually(() => {
      assert.ok(problems.consoleErrors.some((e) => e.includes('boom')), 'console error seen');
      assert.ok(problems.pageErrors.some((e) => e.includes('uncaught')), 'page error seen');
      assert.ok(
        problems.failedRequests.some((e) => e.includes('missing.js') && e.includes('404')),
        `404 seen: ${problems.failedRequests}`,
      );
    });
  });
});
