import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatBytes, packTotals } from '../lib/offline/pack.ts';
import { writeOfflineFiles } from '../lib/offline/write.ts';

/**
 * Writes the site's service worker (`sw.js`, Workbox bundled in) and the offline pack list
 * (`offline/pack.json`) from the files the build wrote. List it after every integration that
 * writes files in `astro:build:done` (the PDFs), so the pack has them. The revisions of files it
 * does not read as text are kept in `.sopkit-cache/offline/<output folder>.json` (`RevisionCache`).
 */
export function sopkitOffline(): AstroIntegration {
  let root: string | undefined;
  return {
    name: 'sopkit:offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const out = fileURLToPath(dir);
        // The revisions of the PDFs and other files not read as text, kept from build to build.
        const revisions = root === undefined ? undefined : join(root, '.sopkit-cache', 'offline', `${basename(out.replace(/[\\/]+$/, ''))}.json`);
        try {
          const built = await writeOfflineFiles(out, revisions);
          const all = packTotals(built.pack.files);
          logger.info(
            `sw.js ${formatBytes(built.workerBytes)}, precache ${built.precache.length} files ${formatBytes(built.precacheBytes)}; ` +
              `pack ${all.count} files ${formatBytes(all.bytes)} (${all.pages} pages, ${all.pdfs} PDFs) in ${Math.round(performance.now() - started)} ms`,
          );
        } catch (cause) {
          const error = new Error(`offline: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
          error.stack = error.message;
          throw error;
        }
      },
    },
  };
}
