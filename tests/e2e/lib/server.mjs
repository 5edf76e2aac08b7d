// A tiny static file server for the built app (DIST_DIR): no dependencies, 127.0.0.1 only,
// a free port chosen by the OS. It serves files as they are and answers 404 for anything
// else, so a missing asset shows up as a failed request in the tests instead of being
// papered over by a fallback page.

import { createServer } from 'node:http';
import { stat, readFile } from 'node:fs/promises';
import path from 'node:path';

/** MIME types by extension. `application/wasm` matters: streaming compilation needs it. */
export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Starts serving `root`. Resolves to `{ url, port, close() }` once listening; `url` ends in `/`.
 * `/` and any path ending in `/` serve that directory's index.html.
 */
export async function startServer(root) {
  const rootAbs = path.resolve(root);
  const server = createServer((req, res) => {
    handle(rootAbs, req, res).catch((err) => {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`500 ${err.message}\n`);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

async function handle(rootAbs, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    res.end('405 method not allowed\n');
    return;
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    return notFound(res);
  }
  if (pathname.includes('\0')) return notFound(res);
  if (pathname.endsWith('/')) pathname += 'index.html';
  const file = path.resolve(rootAbs, '.' + pathname);
  // Never leave the served directory (`..`, encoded or not).
  if (file !== rootAbs && !file.startsWith(rootAbs + path.sep)) return notFound(res);
  let info;
  try {
    info = await stat(file);
  } catch {
    return notFound(res);
  }
  if (!info.isFile()) return notFound(res);
  const body = await readFile(file);
  const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, {
    'content-type': type,
    'content-length': body.length,
    'cache-control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function notFound(res) {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('404 not found\n');
}
