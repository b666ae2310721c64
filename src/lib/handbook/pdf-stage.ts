import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { SiteEdition } from '../edition.ts';
import { PdfCache } from './build-cache.ts';
import { makePdfJob, pdfJobs, type PdfJob, type PdfJobPayload, type PdfJobResult } from './build-jobs.ts';
import { pdfKeys } from './input-keys.ts';
import type { PdfPool } from './pdf-pool.ts';
import { pdfPool } from './pdf-workers.ts';
import type { WrittenPdf } from './write.ts';

export interface PdfStageOptions {
  /** Project root. */
  root: string;
  /** The site edition being built. */
  edition: SiteEdition;
  /** Date the reports judge deadlines against (YYYY-MM-DD). */
  today: string;
  /** Worker threads; 0 makes every job in this thread, one after another. */
  workers: number;
  /** Longest time one span of content code may run in a worker, in ms. */
  timeLimitMs: number;
  /** Longest time one job may take in a worker, in ms (`PDF_JOB_TIME_LIMIT_MS` by default). */
  jobTimeLimitMs?: number;
  /** Where the jobs' notes go (the build's logger). */
  log: { info(text: string): void; warn(text: string): void };
  /** Workers started earlier with `pdfPool` (`workers` of them), so their start is behind them. */
  pool?: PdfPool;
}


/** A PDF stage under way: its jobs are being made into the cache. */
export interface PdfStage {
  /** Worker threads it uses (0: this thread). */
  readonly workers: number;
  /**
   * Makes the jobs no worker has taken yet in this thread too (it has nothing else left to do:
   * the pages are done), waits for every job, then copies all of them into `outDir` (nothing is copied when a job
   * failed: the error names its document) and drops cached jobs this build did not ask for.
   */
  finish(outDir: string): Promise<{ written: WrittenPdf[]; made: number; reused: number; seconds: number; madeHere: number }>;
}

/**
 * Starts making a build's PDFs into the cache (`.sopkit-cache/pdf/<edition>`): on worker threads
 * when `workers` is 2 or more, so they are made while the site builds, else in this thread. The
 * PDFs read only the content, never the built site, so they may start as soon as the check passed.
 * @param options Project, edition, workers and time limits.
 */
export function startPdfStage(options: PdfStageOptions): PdfStage {
  const started = performance.now();
  const { root, edition, today } = options;
  // The participant edition's documents, and in a trainer build what it adds to them, each kept
  // in its edition's cache; `finish` copies them all into the site at the end, the trainer's last
  // (its guide to a course replaces the participant's, which has the same name).
  const editions: SiteEdition[] = edition === 'trainer' ? ['participant', 'trainer'] : ['participant'];
  const keys = editions.map((e) => ({ edition: e, keys: pdfKeys(root, e, today) }));
  const caches = new Map(editions.map((e) => [e, new PdfCache(join(root, '.sopkit-cache', 'pdf', e))]));
  const cacheOf = (job: PdfJob) => caches.get(job.edition)!;
  const jobs = pdfJobs(keys);
  const stage = randomUUID();
  const sopCount = keys[0]!.keys.sops.size;
  const payload = (job: PdfJob, outDir: string): PdfJobPayload => ({ job, root, outDir, today, sopCount, stage });
  const noted = (result: PdfJobResult): WrittenPdf[] => {
    for (const note of result.notes) options.log[note.level](note.text);
    return result.written;
  };
  const workers = options.workers >= 1 ? options.workers : 0;
  let prepared: Promise<string[]>;
  let pool: PdfPool | undefined;
  if (workers) {
    pool = options.pool ?? pdfPool({ ...options, workers: Math.min(workers, jobs.length) });
    // Every job is queued at once; the pool hands them out one per worker.
    const running = pool;
    prepared = Promise.all(jobs.map((job) => cacheOf(job).prepare(job.name, job.key, async (out) => noted(await running.run<PdfJobResult>(payload(job, out), job.source))))).finally(() => running.close());
  } else {
    prepared = (async () => {
      const dirs: string[] = [];
      for (const job of jobs) {
        try {
          dirs.push(await cacheOf(job).prepare(job.name, job.key, async (out) => noted(await makePdfJob(payload(job, out)))));
        } catch (cause) {
          const error = new Error(`${job.source}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
          error.stack = error.message;
          throw error;
        }
      }
      return dirs;
    })();
  }
  // When the last job was done: the stage's own time, however long the build took to ask for it.
  let busyMs = 0;
  prepared.then(
    () => (busyMs = performance.now() - started),
    // The build awaits this in `finish`; until then a failure must not count as unhandled.
    () => undefined,
  );
  return {
    workers,
    async finish(outDir) {
      // The pages are done: the build's own core takes the jobs still waiting for a worker.
      const madeHere = pool ? await pool.helpHere((p) => makePdfJob(p as PdfJobPayload)) : 0;
      const dirs = await prepared;
      const copying = performance.now();
      // In the jobs' order, the participant's first: a file of the trainer's replaces one of the same name.
      const order = jobs.map((job, i) => ({ job, dir: dirs[i]! })).sort((a, b) => editions.indexOf(a.job.edition) - editions.indexOf(b.job.edition));
      const byFile = new Map<string, WrittenPdf>();
      for (const { job, dir } of order) for (const w of cacheOf(job).copyOut(dir, outDir)) byFile.set(w.file, w);
      for (const cache of caches.values()) cache.prune();
      const counts = [...caches.values()].reduce((n, c) => ({ made: n.made + c.counts.made, reused: n.reused + c.counts.reused }), { made: 0, reused: 0 });
      return { written: [...byFile.values()], ...counts, seconds: (busyMs + performance.now() - copying) / 1000, madeHere };
    },
  };
}
