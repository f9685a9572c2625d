// Berth's service worker (a template: tools/postbuild.mjs fills in the version and the asset list).
// Precaches every file of this build, so after one visit the app works with the network off.
// A new build has a new version: it installs beside the old one, then deletes the old cache.
const VERSION = '__VERSION__';
const ASSETS = __ASSETS__;
const CACHE = `berth-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(ASSETS.map((a) => new Request(a, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('berth-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    // The page: network first so a new release shows at once; the cached copy when offline.
    event.respondWith(
      fetch(req).catch(() => caches.open(CACHE).then((c) => c.match('./', { ignoreSearch: true }))
        .then((hit) => hit || Response.error())),
    );
    return;
  }
  const path = new URL(req.url).pathname;
  if (path.endsWith('.json')) {
    // Data files (the built-in study scenarios, a course author's scenario pack): network first so
    // an edited pack shows at once, a copy kept in the cache so a lesson works offline after one visit.
    event.respondWith(
      caches.open(CACHE).then((c) => fetch(req)
        .then((resp) => {
          if (resp.ok) c.put(req, resp.clone()).catch(() => {});
          return resp;
        })
        .catch(() => c.match(req, { ignoreSearch: true }).then((hit) => hit || Response.error()))),
    );
    return;
  }
  // Assets carry a content hash in their names: the cache is always right for them.
  event.respondWith(caches.open(CACHE).then((c) => c.match(req, { ignoreSearch: true })).then((hit) => hit || fetch(req)));
});
