/**
 * The service worker that keeps the test page and the scoring page working with no connection
 * ("works offline once loaded", and a tablet that reboots after a power cut must reopen
 * the test). It is versioned with the build: a new build gives a new script, the browser installs
 * it, and the old cache is deleted, so a quiz is never served stale for ever.
 *
 * Pages are fetched network-first (a fresh quiz when online; the cached copy after a few seconds
 * without an answer, or offline); hashed assets under `/_astro/` are cache-first.
 *
 * @param opts.version Build version (changes on every build).
 * @param opts.name Cache name prefix, one per scope (`assessments`, `scoring`).
 * @param opts.pages URLs of the pages to keep offline; their scripts and styles come with them.
 */
export function serviceWorkerSource(opts: { version: string; name: string; pages: string[] }): string {
  const config = JSON.stringify({ cache: `sopkit-${opts.name}-${opts.version}`, prefix: `sopkit-${opts.name}-`, pages: opts.pages });
  return `// SOPKit offline cache (${opts.name}), build ${opts.version}. Generated: do not edit.
const { cache: CACHE, prefix: PREFIX, pages: PAGES } = ${config};
const ASSET = /["'(]((?:\\.{1,2}\\/|\\/)[^"'()\\s]*_astro\\/[^"'()\\s]+\\.(?:js|css|svg|woff2?))["')]/g;
const NEAR = /["']\\.\\/([^"'\\s]+\\.(?:js|css))["']/g;

async function assetsOf(url, text, found) {
  const urls = [...text.matchAll(ASSET)].map((m) => m[1]);
  if (url.endsWith('.js')) urls.push(...[...text.matchAll(NEAR)].map((m) => './' + m[1]));
  for (const u of urls) {
    const abs = new URL(u, url).href;
    if (found.has(abs) || new URL(abs).origin !== location.origin) continue;
    found.add(abs);
    if (abs.endsWith('.js') || abs.endsWith('.css')) {
      const res = await fetch(abs);
      if (res.ok) await assetsOf(abs, await res.text(), found);
    }
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(PAGES);
    const found = new Set();
    for (const page of PAGES) {
      const res = await cache.match(page);
      if (res) await assetsOf(new URL(page, location.href).href, await res.text(), found);
    }
    await cache.addAll([...found]);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise((_, reject) => setTimeout(() => reject(new Error('slow network')), 4000)),
    ]);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch {
    return (await cache.match(request, { ignoreSearch: true })) || Response.error();
  }
}

async function cacheFirst(request) {
  const hit = await caches.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) (await caches.open(CACHE)).put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== location.origin) return;
  event.respondWith(request.mode === 'navigate' ? networkFirst(request) : cacheFirst(request));
});
`;
}

/** A version string for this build: the time it ran, so every build replaces the cache. */
export function buildVersion(now: Date = new Date()): string {
  return now.toISOString().replace(/[-:.TZ]/g, '').slice(0, 14);
}
