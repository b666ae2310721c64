/**
 * Saves files of the pack into the worker's caches, from a page ("Save for offline use", with
 * progress) or from the worker (the pages a reader opens). Works in both: it only needs `fetch`
 * and Cache Storage.
 */
import type { PackFile } from '../../lib/offline/pack.ts';
import { REVISION_HEADER, SAVE_HEADER, cacheFor, isHashedAsset } from './caches.ts';

/** Where a save stands. Bytes count as they arrive, so a large PDF moves the bar too. */
export interface SaveProgress {
  /** Files finished (saved, already there, or failed). */
  done: number;
  total: number;
  bytes: number;
  totalBytes: number;
  failed: number;
}

export interface SaveOptions {
  /** The worker's scope: the site root, ending in `/`. */
  scope: string;
  /**
   * `present`: a file already in the cache is kept as it is (pages a reader opened).
   * `current`: a file saved from an older build is fetched again (the whole pack).
   */
  mode: 'present' | 'current';
  signal?: AbortSignal;
  onProgress?: (progress: SaveProgress) => void;
  /** Files fetched at once; two keep a slow connection busy without starving the page. */
  concurrency?: number;
}

export interface SaveResult {
  saved: number;
  /** Files that were already on the device. */
  kept: number;
  failed: PackFile[];
  aborted: boolean;
}

/** Whether a cached response is the file of this build. */
export function isCurrent(cached: Response | undefined, file: PackFile): boolean {
  if (!cached) return false;
  return isHashedAsset(file.path) || cached.headers.get(REVISION_HEADER) === file.revision;
}

async function readCounting(response: Response, onBytes: (n: number) => void): Promise<Blob> {
  if (!response.body) return response.blob();
  const reader = response.body.getReader();
  const chunks: BlobPart[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    onBytes(value.byteLength);
  }
  return new Blob(chunks, { type: response.headers.get('content-type') ?? '' });
}

/**
 * Fetches the files not yet on the device and stores them where the worker looks for them.
 * Never throws for a failed file: it is listed in `failed`, and saving again retries it.
 */
export async function saveFiles(files: readonly PackFile[], options: SaveOptions): Promise<SaveResult> {
  const { scope, mode, signal, onProgress } = options;
  const progress: SaveProgress = { done: 0, total: files.length, bytes: 0, totalBytes: files.reduce((n, f) => n + f.bytes, 0), failed: 0 };
  const result: SaveResult = { saved: 0, kept: 0, failed: [], aborted: false };
  const report = () => onProgress?.({ ...progress });
  let next = 0;

  async function one(file: PackFile): Promise<void> {
    const url = new URL(file.path, scope).href;
    const cache = await caches.open(cacheFor(scope, file.path));
    const cached = await cache.match(url);
    if (cached && (mode === 'present' || isCurrent(cached, file))) {
      result.kept++;
      progress.bytes += file.bytes;
      return;
    }
    let counted = 0;
    try {
      const response = await fetch(url, { headers: { [SAVE_HEADER]: '1' }, cache: mode === 'current' ? 'no-cache' : 'default', signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body = await readCounting(response, (n) => {
        counted += n;
        progress.bytes += n;
        report();
      });
      const headers = new Headers(response.headers);
      headers.set(REVISION_HEADER, file.revision);
      await cache.put(url, new Response(body, { status: response.status, statusText: response.statusText, headers }));
      progress.bytes += file.bytes - counted;
      result.saved++;
    } catch {
      if (signal?.aborted) {
        result.aborted = true;
        return;
      }
      // Only what is on the device counts: a failed file's bytes were counted as saved, and a pack
      // whose connection dropped showed a full bar and "1177 of 1177 files" with 51 saved.
      progress.bytes -= counted;
      progress.failed++;
      result.failed.push(file);
    }
  }

  async function lane(): Promise<void> {
    while (next < files.length && !signal?.aborted) {
      const file = files[next++];
      if (!file) break;
      await one(file);
      if (result.aborted) return;
      progress.done++;
      report();
    }
  }

  report();
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, lane));
  result.aborted ||= Boolean(signal?.aborted);
  return result;
}
