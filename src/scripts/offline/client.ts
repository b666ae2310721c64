/**
 * What pages with an island need from the site's service worker (registered by every page,
 * start.ts): whether there can be one, the site root it controls, and asking it to keep pages.
 */
import type { KeepMessage } from './caches.ts';

/** Whether this page can have a service worker (not file://, not an old browser). */
export function offlineSupported(): boolean {
  return 'serviceWorker' in navigator && /^https?:$/.test(location.protocol) && 'caches' in globalThis;
}

/** The site root the worker controls, as an absolute address ending in `/`. */
export function siteScope(base: string = document.documentElement.dataset.base ?? '/'): string {
  return new URL(base.endsWith('/') ? base : `${base}/`, location.href).href;
}

/** The active site worker, once the page's registration has one (pending until then; undefined where there can be none). */
export async function activeWorker(): Promise<ServiceWorker | undefined> {
  if (!offlineSupported()) return undefined;
  return (await navigator.serviceWorker.ready).active ?? undefined;
}

/**
 * Asks the worker to keep pages on this device (with what they load, and their `together`
 * folders). Resolves `true` once they are saved, `false` if some could not be fetched or there
 * can be no worker.
 * @param paths Addresses relative to the site root.
 * @param folders Folders to keep whole (`assessments/`).
 */
export async function keepPages(paths: string[], folders: string[] = []): Promise<boolean> {
  const worker = await activeWorker();
  if (!worker) return false;
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data === true);
    const message: KeepMessage = { type: 'sopkit:keep', paths, folders };
    worker.postMessage(message, [channel.port2]);
  });
}
