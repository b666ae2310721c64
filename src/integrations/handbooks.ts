import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { today } from '../lib/check/today.ts';
import { siteEdition } from '../lib/edition.ts';
import { pdfWorkerCount } from '../lib/handbook/pdf-pool.ts';
import { limitHeapGrowth } from '../lib/heap-growth.ts';
import type { PdfPool } from '../lib/handbook/pdf-pool.ts';
import type { PdfStage } from '../lib/handbook/pdf-stage.ts';
import type { pdfPool } from '../lib/handbook/pdf-workers.ts';
import { timeLimitMs } from '../lib/time-limit/run-in-worker.ts';
import { nativeModule } from './compiled.ts';
import { takeBuildLock } from './build-lock.ts';

type StageModule = typeof import('../lib/handbook/pdf-stage.ts');

/** The build's error for a PDF failure: one line, with the cause kept. */
function failure(cause: unknown): Error {
  const error = new Error(`handbooks: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  error.stack = error.message;
  return error;
}

/**
 * Writes the printed outputs into the built site. The participant edition gets `handbooks/<id>.pdf`
 * for every SOP, the whole-pack handbook, and for every quiz form its booklet and answer sheet
 * under `handbooks/quizzes/` (a translation's prints beside the source's as `<name>.<lang>.pdf`); the trainer edition adds `<id>-trainer.pdf`, the trainer pack
 * handbook and the answer keys (`<quiz>-<form>-key.pdf`). Each SOP's PDFs and the whole-pack ones
 * are cached under the hash of exactly their inputs (`pdfKeys`): an edit to one SOP remakes its
 * PDFs and the whole-pack ones, and reuses the rest (they would be byte-identical).
 *
 * The PDFs read only the content and are written into the cache, never into the site, so with
 * worker threads (`SOPKIT_PDF_WORKERS`, one per core but one by default) they start in
 * `astro:config:done` of a build, as soon as the check (in `astro:config:setup`) has passed (the
 * workers themselves are started before the check and load their code while it runs), and
 * go on while Astro bundles and renders the pages. They used to start beside the check: both
 * parsed every SOP at once on a 2-core machine, and the check, which the whole build waits for,
 * took 5.5–6.4 s instead of 3.8–3.9 s at 300 SOPs (cold builds cost 4 to 9 CPU s more, for no
 * gain in wall time). Now the first worker, once loaded, parses the MDX files from the last while
 * the check parses them from the first, into the parse cache both read (`parseAhead`). A check
 * that fails stops the build before any PDF is made. `astro:build:done` makes the jobs no worker
 * has taken yet in the build's thread (its pages are done, its core is free), waits for the PDFs
 * and only then copies them into `handbooks/`, before the offline pack lists the files. With 0 they
 * are made there, in the build's thread. A failure stops the build with one line naming the
 * document, and leaves no PDF in the site. `bin/edition.mjs <edition> build --no-pdfs`
 * (SOPKIT_NO_PDFS=1) makes none: the pages only, for a quicker look at them (the dev server
 * makes none either), with a warning that the build is not one to publish.
 */
export function sopkitHandbooks(): AstroIntegration {
  let root = process.cwd();
  // `build --no-pdfs` (SOPKIT_NO_PDFS=1): the pages only, as the dev server shows them.
  let skipped = false;
  let stage: PdfStage | undefined;
  // Its workers, started in astro:config:setup: they have loaded their code by the time the check has passed.
  let pool: PdfPool | undefined;
  // Worker threads for this build's PDFs, read in astro:config:setup; undefined outside a build.
  let workers: number | undefined;
  // The stage's module (every writer of PDFs): loaded in astro:config:setup, not imported above,
  // so that the config loads without it and the check starts sooner (nativeModule).
  let stageModule: Promise<StageModule> | undefined;
  const begin = async (logger: AstroIntegrationLogger, workers: number): Promise<PdfStage> => {
    const { startPdfStage } = await (stageModule ??= nativeModule<StageModule>('src/lib/handbook/pdf-stage'));
    // The warmed pool exists only when workers >= 1; the stage takes it over.
    const warm = pool;
    pool = undefined;
    return startPdfStage({ root, edition: siteEdition(), today: today(), workers, timeLimitMs: timeLimitMs(), log: { info: (text) => logger.info(text), warn: (text) => logger.warn(text) }, ...(warm ? { pool: warm } : {}) });
  };
  return {
    name: 'sopkit:handbooks',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        if (command !== 'build') return;
        root = fileURLToPath(config.root);
        // One build of an edition at a time in a project: two share its caches and output folder.
        const held = takeBuildLock(root, siteEdition());
        if (held) {
          const error = new Error(held);
          error.stack = held;
          throw error;
        }
        if (process.env.SOPKIT_NO_PDFS === '1') {
          skipped = true;
          return;
        }
        // The heap setting applies to the threads started after it: set it before the workers.
        limitHeapGrowth();
        try {
          // A bad setting stops the build here, before the check runs.
          workers = pdfWorkerCount();
        } catch (cause) {
          throw failure(cause);
        }
        // The workers load their code while the check runs: this thread only waits for it then.
        // They are started from the compiled copy of src/ (the CLI's): they load plain JavaScript
        // rather than registering tsx; the stage takes the pool over all the same.
        if (workers >= 1) {
          const onProblem = (problem: string) => logger.info(`the PDF workers run from the sources, not the compiled copy of src/: ${problem}`);
          const { pdfPool: startPool } = await nativeModule<{ pdfPool: typeof pdfPool }>('src/lib/handbook/pdf-workers', onProblem);
          pool = startPool({ root, workers, timeLimitMs: timeLimitMs(), parseAhead: true });
          pool.warm();
        }
        // Loaded while the check runs; a failure to load shows where the stage begins.
        stageModule = nativeModule<StageModule>('src/lib/handbook/pdf-stage');
        stageModule.catch(() => undefined);
      },
      'astro:config:done': async ({ logger }) => {
        if (workers === undefined || workers < 1) return;
        try {
          stage = await begin(logger, workers);
        } catch (cause) {
          throw failure(cause);
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (skipped) {
          logger.warn('no PDFs made (--no-pdfs): the pages link to handbooks/ files this build has not written; build without --no-pdfs before publishing');
          return;
        }
        const waiting = performance.now();
        const outDir = join(fileURLToPath(dir), 'handbooks');
        let result: Awaited<ReturnType<PdfStage['finish']>>;
        let used = 0;
        try {
          const current = stage ?? (await begin(logger, 0));
          stage = undefined;
          used = current.workers;
          result = await current.finish(outDir);
        } catch (cause) {
          throw failure(cause);
        }
        const { written, made, reused, seconds, madeHere } = result;
        const pdfs = written.filter((f) => f.file.endsWith('.pdf'));
        const pages = pdfs.reduce((n, f) => n + f.pages, 0);
        // With workers the stage ran beside the site: its own time, and what it added to the build.
        const more = madeHere ? `, ${madeHere} document${madeHere === 1 ? '' : 's'} made in the build's thread after the pages` : '';
        const where = used ? `on ${used} worker thread${used === 1 ? "" : "s"} beside the site${more} (the build waited ${((performance.now() - waiting) / 1000).toFixed(1)} s for them)` : 'in the build thread';
        logger.info(`${pdfs.length} PDFs, ${pages} pages in ${seconds.toFixed(1)} s ${where}; ${made} of ${made + reused} documents remade, ${reused} reused from the cache; ${siteEdition()} edition → handbooks/`);
      },
    },
  };
}
