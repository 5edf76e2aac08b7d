// Folders and ZIP archives, driven in Chromium: the folder chooser (`webkitdirectory`) with
// nested folders, a folder drop read through the entries API (the entries are stand-ins
// given by the page's `webkitGetAsEntry`: a real folder cannot be put in a synthetic
// DataTransfer), an archive's members read as files (stored, deflated, in folders, a
// workbook inside read as a list, an archive inside opened), and each hostile archive
// giving its message while every other file loads. Archives are made here with a tiny
// writer (`lib/zip.mjs`).

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  assertClean,
  eventually,
  gotoApp,
  openPage,
  REPO_ROOT,
  seedFiles,
  seedPath,
  SEEDS_DIR,
  startApp,
} from '../lib/harness.mjs';
import { makeZip } from '../lib/zip.mjs';

const seed = (prefix) => readFileSync(seedPath(prefix));
const WORKBOOK = readFileSync(
  path.join(REPO_ROOT, 'testdata', 'lists', 'eura2021_projektilista_test.xlsx'),
);
const PAGE_HTML = readFileSync(path.join(REPO_ROOT, 'testdata', 'breadth', 'S21498.html'));

const entries = (page) => page.locator('#document-list li.doc-entry');
const entry = (page, file) =>
  page.locator(`#document-list li.doc-entry[data-file="${file.replace(/"/g, '\\"')}"]`);
const files = (page) =>
  entries(page).evaluateAll((els) =>
    els.map((el) => ({ file: el.dataset.file, state: el.dataset.state, code: el.dataset.code })),
  );

async function waitForCount(page, count) {
  await eventually(async () => assert.equal(await entries(page).count(), count), {
    timeout: 60_000,
  });
}

/**
 * Drops a folder tree on the page through stand-in entries: `tree` is a list of
 * `{ name, children }` folders and `{ name, base64 }` files. Each folder's reader gives two
 * entries per `readEntries` call, so a reader that stops after one call misses files.
 */
async function dropTree(page, tree) {
  await page.evaluate((tree) => {
    const fileOf = (node) => {
      const bin = atob(node.base64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      return new File([bytes], node.name, { type: 'text/plain' });
    };
    const entryOf = (node) =>
      node.children
        ? {
            isFile: false,
            isDirectory: true,
            name: node.name,
            createReader() {
              const rest = node.children.map(entryOf);
              return { readEntries: (ok) => setTimeout(() => ok(rest.splice(0, 2)), 0) };
            },
          }
        : {
            isFile: true,
            isDirectory: false,
            name: node.name,
            file: (ok) => setTimeout(() => ok(fileOf(node)), 0),
          };
    const tops = tree.map(entryOf);
    const dt = new DataTransfer();
    for (const node of tree) dt.items.add(new File([''], node.name));
    let next = 0;
    DataTransferItem.prototype.webkitGetAsEntry = () => tops[next++ % tops.length];
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(
        new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
    }
  }, tree);
}

const b64 = (buffer) => Buffer.from(buffer).toString('base64');

describe('folders and archives', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  test('the folder chooser reads every file at any depth', async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hk-folder-'));
    const deep = path.join(dir, 'kuvaukset', 'a', 'b', 'c');
    mkdirSync(deep, { recursive: true });
    const seeds = seedFiles();
    seeds.slice(0, 2).forEach((f) => writeFileSync(path.join(dir, 'kuvaukset', f), readFileSync(path.join(SEEDS_DIR, f))));
    seeds.slice(2).forEach((f) => writeFileSync(path.join(deep, f), readFileSync(path.join(SEEDS_DIR, f))));
    writeFileSync(path.join(deep, 'projekti.php?projektikoodi=S21498'), PAGE_HTML);
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=en');
    assert.equal(await page.locator('label[for="folder-input"]').innerText(), 'Choose folder');
    await page.locator('input#folder-input').setInputFiles(path.join(dir, 'kuvaukset'));
    await waitForCount(page, 6);
    const listed = await files(page);
    assert.ok(listed.every((e) => e.state !== 'error'), JSON.stringify(listed));
    assert.equal((await entry(page, 'projekti.php?projektikoodi=S21498').getAttribute('data-code')), 'S21498');
    assertClean(problems);
  });

  test('a folder drop reads every file of nested folders', async (t) => {
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=en');
    const seeds = seedFiles().map((f) => ({ name: f, base64: b64(readFileSync(path.join(SEEDS_DIR, f))) }));
    await dropTree(page, [
      { name: 'ylin', children: [seeds[0], seeds[1], { name: 'ala', children: [seeds[2], { name: 'alin', children: [seeds[3]] }] }] },
      { name: 'toinen', children: [seeds[4]] },
    ]);
    await waitForCount(page, 5);
    const codes = (await files(page)).map((e) => e.code).sort();
    assert.deepEqual(codes, ['S20516', 'S20884', 'S21498', 'S22084', 'S22257']);
    assertClean(problems);
  });

  test('a ZIP: stored and deflated members in folders, a workbook, an archive inside', async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hk-zip-'));
    const inner = makeZip([{ name: 'S22084.txt', data: seed('003_'), deflate: true }]);
    const zip = path.join(dir, 'kuvaukset.zip');
    writeFileSync(
      zip,
      makeZip([
        { name: 'kansio/S21498.txt', data: seed('000_'), deflate: false },
        { name: 'kansio/ala/S20516.txt', data: seed('001_'), deflate: true },
        { name: 'listat/lista.xlsx', data: WORKBOOK, deflate: true },
        { name: 'sisempi.zip', data: inner },
      ]),
    );
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=en');
    await page.locator('input#file-input').setInputFiles(zip);
    await eventually(async () => {
      const listed = await files(page);
      assert.ok(listed.some((e) => e.file === 'kuvaukset.zip/sisempi.zip/S22084.txt'));
    }, { timeout: 60_000 });
    const listed = await files(page);
    assert.ok(listed.every((e) => e.state !== 'error'), JSON.stringify(listed));
    assert.equal(await entry(page, 'kuvaukset.zip/kansio/S21498.txt').getAttribute('data-code'), 'S21498');
    assert.equal(await entry(page, 'kuvaukset.zip/kansio/ala/S20516.txt').getAttribute('data-code'), 'S20516');
    const rows = listed.filter((e) => e.file === 'kuvaukset.zip/listat/lista.xlsx');
    assert.ok(rows.length >= 2, `the workbook's rows are listed: ${JSON.stringify(listed)}`);
    assert.ok(rows.every((e) => e.code), 'each row has its project code');
    // A member keeps no text: its Source tab reads it out of the archive again.
    await entry(page, 'kuvaukset.zip/sisempi.zip/S22084.txt').locator('button.doc-select').click();
    await page.locator('#tab-source').click();
    const line = page.locator('#src-line-7');
    await line.waitFor({ state: 'visible' });
    assert.match(await line.innerText(), /S22084/);
    assert.equal(await page.locator('.source-view .note').count(), 0, 'read again, not rebuilt');
    assertClean(problems);
  });

  test('each hostile archive gives its message while the other files load', async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hk-hostile-'));
    const text = seed('000_');
    const write = (name, bytes) => {
      writeFileSync(path.join(dir, name), bytes);
      return path.join(dir, name);
    };
    const many = Array.from({ length: 20_001 }, (_, i) => ({ name: `t/${i}.txt`, data: '' }));
    const deepest = makeZip([{ name: 'S21498.txt', data: text }]);
    const middle = makeZip([{ name: 'syvin.zip', data: deepest }]);
    const hostile = [
      write('pommi.zip', makeZip([{ name: 'iso.txt', data: 'x', declaredSize: 60 * 1024 * 1024 }])),
      write('valhe.zip', makeZip([{ name: 'valhe.txt', data: Buffer.alloc(2_000_000), deflate: true, declaredSize: 1000 }])),
      write('monta.zip', makeZip(many)),
      write('polku.zip', makeZip([{ name: '../../ulos.txt', data: text }, { name: 'hyva.txt', data: seed('001_') }])),
      write('salattu.zip', makeZip([{ name: 'salainen.txt', data: text, encrypted: true }])),
      write('sisakkain.zip', makeZip([{ name: 'keski.zip', data: middle }])),
    ];
    const { page, problems } = await openPage(t, app.browser);
    await gotoApp(page, app.baseUrl, '?lang=en');
    await page
      .locator('input#file-input')
      .setInputFiles([seedPath('002_'), ...hostile, seedPath('004_')]);
    const expected = [
      ['pommi.zip/iso.txt', /declares [\d.]+ MB when unpacked/],
      ['valhe.zip/valhe.txt', /unpacks to more than the 1000 bytes its header declares/],
      ['monta.zip', /holds 20001 entries/],
      ['polku.zip/../../ulos.txt', /leads outside the archive/],
      ['salattu.zip/salainen.txt', /is encrypted/],
      ['sisakkain.zip/keski.zip/syvin.zip', /only one level of archives inside archives is opened/],
    ];
    await eventually(
      async () => {
        for (const [file] of expected) assert.equal(await entry(page, file).count(), 1, file);
        assert.equal(await entry(page, path.basename(seedPath('004_'))).count(), 1);
      },
      { timeout: 60_000 },
    );
    for (const [file, message] of expected) {
      const e = entry(page, file);
      assert.equal(await e.getAttribute('data-state'), 'error', file);
      assert.match(await e.locator('.doc-error').innerText(), message, file);
    }
    // Everything else loaded: the two seeds around them and the good member.
    for (const file of [path.basename(seedPath('002_')), path.basename(seedPath('004_')), 'polku.zip/hyva.txt']) {
      assert.notEqual(await entry(page, file).getAttribute('data-state'), 'error', file);
    }
    assert.equal(await entries(page).count(), expected.length + 3);
    assertClean(problems);
  });
});
