/// <reference lib="webworker" />
/**
 * The site's service worker (bundled with Workbox into `sw.js` at the end of the build by
 * src/integrations/offline.ts; ARCHITECTURE.md, "Offline").
 *
 * - Install: precache the shell (home, SOP index, offline page of each locale, what they load, the pack list),
 *   then save the pages open in the reader's tabs, so the first page read is kept too.
 * - Pages, PDFs and data: network first, the saved copy after 4 s without an answer or with no
 *   connection; the offline page of the page's locale for a page never opened.
 * - `_astro/` scripts and styles (hashed names): cache first.
 * - A new build gives a new precache list, so a new `sw.js`: it takes over at once and the pages
 *   open tell the reader a new version is available.
 */
import { clientsClaim } from 'workbox-core';
import type { WorkboxPlugin } from 'workbox-core/types.js';
import { PrecacheController, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { PACK_PATH, filesToKeep, offlineFallbacks, type Pack } from '../../lib/offline/pack.ts';
import { REVISION_HEADER, RETIRED_CACHE_PREFIXES, SAVE_HEADER, cacheNames, isHashedAsset, type KeepMessage } from './caches.ts';
import { saveFiles } from './save.ts';

declare const self: ServiceWorkerGlobalScope;
declare const __SOPKIT_PRECACHE__: PrecacheEntry[];

const scope = self.registration.scope;
const names = cacheNames(scope);
const precache = new PrecacheController({ cacheName: names.shell });
precache.addToCacheList(__SOPKIT_PRECACHE__);

/** An address relative to the site root, as the pack names it (`sops/x/`); a malformed escape stays as it is. */
function pathOf(url: string): string {
  const path = url.slice(scope.length);
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

async function readPack(): Promise<Pack | undefined> {
  const response = await precache.matchPrecache(PACK_PATH);
  return response ? ((await response.json()) as Pack) : undefined;
}

/** Saves pages (and what they load) not yet on the device; `true` when all of them are there. */
async function keep(paths: readonly string[], folders: readonly string[] = []): Promise<boolean> {
  const pack = await readPack();
  if (!pack) return false;
  const result = await saveFiles(filesToKeep(pack, paths, folders), { scope, mode: 'present' });
  return result.failed.length === 0;
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      await precache.install(event);
      // The page that registered the worker loaded before the worker existed: save it now. A
      // failure here must not fail the install: the shell is what the worker cannot do without.
      const open = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      await keep(open.filter((c) => c.url.startsWith(scope)).map((c) => pathOf(c.url.split(/[?#]/)[0] ?? ''))).catch(() => false);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await precache.activate(event);
      for (const key of await caches.keys()) if (RETIRED_CACHE_PREFIXES.some((p) => key.startsWith(p))) await caches.delete(key);
      await prune();
    })(),
  );
});
clientsClaim();

/** Drops saved files that the current build no longer has (old hashed scripts, removed pages). */
async function prune(): Promise<void> {
  const pack = await readPack();
  if (!pack) return;
  const current = new Set(pack.files.map((f) => new URL(f.path, scope).href));
  for (const name of [names.pages, names.assets]) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) if (!current.has(request.url.split(/[?#]/)[0] ?? '')) await cache.delete(request);
  }
}

self.addEventListener('message', (event) => {
  const data = event.data as Partial<KeepMessage> | undefined;
  if (data?.type !== 'sopkit:keep') return;
  const strings = (list: unknown) => (Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : []);
  const done = keep(strings(data.paths), strings(data.folders)).catch(() => false);
  event.waitUntil(done);
  void done.then((ok) => event.ports[0]?.postMessage(ok));
});

let revisions: Promise<Map<string, string>> | undefined;

/**
 * Marks what it caches with the file's pack revision, as the saver does, so the offline page
 * counts pages read online as saved from this build. (A page newer than this worker's pack is
 * marked older than it is: the next worker's pack tells, and saving the pack fetches it again.)
 */
const stampRevision: WorkboxPlugin = {
  cacheWillUpdate: async ({ request, response }) => {
    if (response.status !== 200) return null;
    revisions ??= readPack().then((pack) => new Map((pack?.files ?? []).map((f) => [f.path, f.revision])));
    const revision = (await revisions).get(pathOf(request.url.split(/[?#]/)[0] ?? ''));
    if (!revision) return response;
    const headers = new Headers(response.headers);
    headers.set(REVISION_HEADER, revision);
    return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
  },
};

/** Requests the worker answers: this site's GETs, except the files a page or the worker saves itself. */
const ours = (request: Request, url: URL) => request.method === 'GET' && url.href.startsWith(scope) && !request.headers.has(SAVE_HEADER);

// `ignoreVary`: a server that answers `Vary: Origin` (Vite's, behind `npm run preview`, and any
// host with CORS switched on) would otherwise never match a saved script: a module script's request
// carries an Origin header, the worker's and the saver's own fetches do not, so the page's island
// (test, simulator, search) failed to load offline though its file was saved. The files are
// content-hashed, so one copy serves every request for them.
const assets = new CacheFirst({ cacheName: names.assets, matchOptions: { ignoreVary: true } });
registerRoute(
  ({ request, url }) => ours(request, url) && isHashedAsset(pathOf(url.href)),
  async (options) => (await precache.matchPrecache(options.request.url)) ?? assets.handle(options),
);

registerRoute(
  ({ request, url }) => ours(request, url),
  new NetworkFirst({
    cacheName: names.pages,
    networkTimeoutSeconds: 4,
    // `?kiosk` and other switches are read by the page's script; the file is the same. A saved
    // page is one file whatever headers the request carried (see `assets` on `Vary`).
    matchOptions: { ignoreSearch: true, ignoreVary: true },
    plugins: [
      stampRevision,
      {
        // No connection and never saved: the precached copy (home, SOP index), else the offline
        // page of the page's locale (`ar/sops/x/` → `ar/offline/`), else the source's.
        handlerDidError: async ({ request }) => {
          const url = request.url.split(/[?#]/)[0] ?? request.url;
          const shell = await precache.matchPrecache(url);
          if (shell || request.mode !== 'navigate') return shell;
          for (const page of offlineFallbacks(pathOf(url))) {
            const offline = await precache.matchPrecache(page);
            if (offline) return offline;
          }
          return undefined;
        },
      },
    ],
  }),
);
