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
  const keys = pdfKeys(root, edition, today);
  // Each job is made into the cache; `finish` copies them all into the site at the end.
  const cache = new PdfCache(join(root, '.sopkit-cache', 'pdf', edition));
  const jobs = pdfJobs(keys);
  const stage = randomUUID();
  const payload = (job: PdfJob, outDir: string): PdfJobPayload => ({ job, root, outDir, edition, today, sopCount: keys.sops.size, stage });
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
    prepared = Promise.all(jobs.map((job) => cache.prepare(job.name, job.key, async (out) => noted(await running.run<PdfJobResult>(payload(job, out), job.source))))).finally(() => running.close());
  } else {
    prepared = (async () => {
      const dirs: string[] = [];
      for (const job of jobs) {
        try {
          dirs.push(await cache.prepare(job.name, job.key, async (out) => noted(await makePdfJob(payload(job, out)))));
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
      const written = dirs.flatMap((dir) => cache.copyOut(dir, outDir));
      cache.prune();
      return { written, ...cache.counts, seconds: (busyMs + performance.now() - copying) / 1000, madeHere };
    },
  };
}
