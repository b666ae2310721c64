import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { OFFLINE_PAGE, PACK_PATH, filesToKeep, packLocales, packTotals, type Pack } from './pack.ts';
import { scanBuild } from './scan.ts';

/** A Workbox precache entry: an address relative to the worker and the revision of its content (none for hashed names). */
export interface PrecacheEntry {
  url: string;
  revision: string | null;
}

/** What `writeOfflineFiles` wrote, for the build log and the tests. */
export interface OfflineBuild {
  pack: Pack;
  precache: PrecacheEntry[];
  /** Bytes of `sw.js`. */
  workerBytes: number;
  /** Bytes a first visit downloads to install the worker (the precached files). */
  precacheBytes: number;
}

/** Pages precached when the worker installs, in each locale: small, and what a reader needs first with no connection. */
export const SHELL_PAGES = ['', 'sops/', OFFLINE_PAGE];

/**
 * The shell of a build: `SHELL_PAGES` in the source language and under each translated locale
 * (`fr/`, `fr/sops/`, `fr/offline/`), so a reader of any locale finds its home, its SOP index and
 * its own offline page with no connection. Not more: the rest is saved as it is read.
 */
export function shellPages(pack: Pack): string[] {
  return [...SHELL_PAGES, ...packLocales(pack.files).flatMap((locale) => SHELL_PAGES.map((p) => `${locale}/${p}`))];
}

const WORKER_ENTRY = fileURLToPath(new URL('../../scripts/offline/sw.ts', import.meta.url));

/**
 * The precache list: the shell pages (`shellPages`), everything they load, and the pack list itself. Files under
 * `_astro/` carry their hash in their name, so Workbox needs no revision for them (and may take
 * them from the HTTP cache the first visit just filled).
 */
export function precacheEntries(pack: Pack, packJson: string, shell: readonly string[] = shellPages(pack)): PrecacheEntry[] {
  const entries = filesToKeep(pack, shell).map((f) => ({ url: f.path || './', revision: f.path.startsWith('_astro/') ? null : f.revision }));
  entries.push({ url: PACK_PATH, revision: createHash('sha256').update(packJson).digest('hex').slice(0, 16) });
  return entries;
}

/** Bundles the worker with Workbox inlined (nothing loaded from elsewhere) and the precache list built in. */
export async function bundleWorker(precache: readonly PrecacheEntry[], entry: string = WORKER_ENTRY): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"', __SOPKIT_PRECACHE__: JSON.stringify(precache) },
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error('offline: esbuild wrote no service worker');
  return out.text;
}

/** The revisions a scan of a folder kept (`RevisionCache`), read back; none when there is no such file or it cannot be read. */
function readRevisions(file: string): Map<string, string> {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { format?: number; revisions?: Record<string, string> };
    return saved.format === REVISIONS_FORMAT && saved.revisions ? new Map(Object.entries(saved.revisions)) : new Map();
  } catch {
    return new Map();
  }
}

/** Bump when what a revision is made of changes: the revisions kept are then made again. */
const REVISIONS_FORMAT = 1;

/**
 * Writes `offline/pack.json` and `sw.js` into a built site, computed from the files the build
 * wrote (so both editions, and any base path, get a worker that covers exactly their files).
 * @param dir The output folder.
 * @param revisionsFile Where the revisions of the files not read as text are kept from build to
 * build (`.sopkit-cache/offline/<folder>.json`): an unchanged PDF is then not read again. The
 * file holds this scan's revisions only; one that cannot be written is skipped.
 */
export async function writeOfflineFiles(dir: string, revisionsFile?: string): Promise<OfflineBuild> {
  const cache = revisionsFile ? { known: readRevisions(revisionsFile), seen: new Map<string, string>() } : undefined;
  const pack = scanBuild(dir, cache);
  if (revisionsFile && cache) {
    try {
      mkdirSync(dirname(revisionsFile), { recursive: true });
      const temp = `${revisionsFile}.${process.pid}`;
      writeFileSync(temp, JSON.stringify({ format: REVISIONS_FORMAT, revisions: Object.fromEntries(cache.seen) }));
      renameSync(temp, revisionsFile);
    } catch {
      // A read-only project builds all the same: the next build reads every file again.
    }
  }
  const packJson = JSON.stringify(pack);
  mkdirSync(dirname(join(dir, PACK_PATH)), { recursive: true });
  writeFileSync(join(dir, PACK_PATH), packJson);
  const precache = precacheEntries(pack, packJson);
  const worker = await bundleWorker(precache);
  writeFileSync(join(dir, 'sw.js'), worker);
  const shell = filesToKeep(pack, shellPages(pack));
  return { pack, precache, workerBytes: Buffer.byteLength(worker), precacheBytes: packTotals(shell).bytes + Buffer.byteLength(packJson) };
}
