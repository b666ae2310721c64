/**
 * What the service worker and the pages agree on: the cache names, which cache a file goes to,
 * and the messages a page sends the worker. Both sides import this file, so they cannot drift.
 */

/** Request header of the files a page or the worker saves itself: the worker's routes let them through to the network. */
export const SAVE_HEADER = 'x-sopkit-save';

/** Response header the saver adds: the pack revision of the saved file, to tell a saved file of this build from an older one. */
export const REVISION_HEADER = 'x-sopkit-revision';

/** Cache names of a site (one per worker scope, so two editions or base paths on one host never share a cache). */
export function cacheNames(scope: string): { pages: string; assets: string; shell: string } {
  return { pages: `sopkit-pages-${scope}`, assets: `sopkit-assets-${scope}`, shell: `sopkit-shell-${scope}` };
}

/** Bundler output under `_astro/` has its hash in its name and never changes: cache first. Everything else is fetched fresh when the network answers. */
export function isHashedAsset(path: string): boolean {
  return path.startsWith('_astro/');
}

/** The runtime cache a file belongs in. */
export function cacheFor(scope: string, path: string): string {
  const names = cacheNames(scope);
  return isHashedAsset(path) ? names.assets : names.pages;
}

/**
 * Page → worker: keep these pages (and what they load, and their `together` folders) on this
 * device. The worker answers `true` on the message's port when they are saved, `false` if some
 * could not be fetched.
 */
export interface KeepMessage {
  type: 'sopkit:keep';
  /** Addresses relative to the site root. */
  paths: string[];
  /** Folders to keep whole, relative to the site root (`assessments/`). */
  folders?: string[];
}

/** Caches of the per-section workers that came before the site-wide one; the site worker deletes them. */
export const RETIRED_CACHE_PREFIXES = ['sopkit-assessments-', 'sopkit-scoring-'];
