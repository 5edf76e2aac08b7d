// Hankekatselin's service worker: the app works offline after the first visit.
//
// This file is a template: `cargo xtask dist` writes it into the built site with VERSION (a
// hash of every file of the release) and FILES (the site's files, relative to this worker,
// with Trunk's hashed names). `trunk serve` does not use it.
//
// - install: caches every file of the release in a cache named after VERSION;
// - activate: deletes the caches of other releases and takes control of open pages;
// - fetch: same-origin GETs inside the scope come from the cache (navigations get the cached
//   index.html), anything else goes to the network untouched. Nothing is ever sent anywhere.
//
// A new release is a new sw.js (its VERSION differs), so the browser installs it beside the
// running one; it waits until the page asks it to take over (the "update ready" notice's
// reload button posts 'skip-waiting'), then the page reloads on `controllerchange`.

const VERSION = '__HANKEKATSELIN_VERSION__';
const FILES = ['__HANKEKATSELIN_FILES__'];
const PREFIX = 'hankekatselin-';
const CACHE = PREFIX + VERSION;
const INDEX = new URL('index.html', self.location).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // `reload`: past any HTTP cache, so the cache holds exactly this release's bytes.
      cache.addAll(FILES.map((f) => new Request(new URL(f, self.location), { cache: 'reload' }))),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(self.registration.scope)) {
    return;
  }
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const key = request.mode === 'navigate' ? INDEX : request;
      const cached = await cache.match(key, { ignoreSearch: true });
      return cached || fetch(request);
    })(),
  );
});
