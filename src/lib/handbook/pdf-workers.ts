import { PdfPool } from './pdf-pool.ts';

// The PDF stage's worker threads, apart from the stage itself: the build starts them from the
// compiled copy of src/ (src/integrations/handbooks.ts), and this module loads nothing but the
// pool, where pdf-stage.ts loads every writer of PDFs into the build's thread a second time.

/** Longest time one job (one SOP's PDFs, or a part of the whole pack's) may go without finishing a PDF before it is stopped. */
export const PDF_JOB_TIME_LIMIT_MS = 600_000;

/**
 * The worker threads of a PDF stage, started before its jobs are known when `warm()` is called
 * (a build starts them while its check runs).
 * @param options Project, workers and time limits, as `startPdfStage` takes them; `parseAhead`:
 * once loaded, the first worker parses the project's MDX files from the last (`parseAhead`,
 * re-exported by build-jobs.ts) before its first job.
 */
export function pdfPool(options: { root: string; workers: number; timeLimitMs: number; jobTimeLimitMs?: number; parseAhead?: boolean }): PdfPool {
  return new PdfPool({
    // A build's workers are started before its check: the first parses the sources from the other end.
    ...(options.parseAhead ? { prepare: 'parseAhead' } : {}),
    size: options.workers,
    root: options.root,
    task: { module: new URL('./build-jobs.ts', import.meta.url).href, name: 'makePdfJob' },
    timeLimitMs: options.timeLimitMs,
    jobTimeLimitMs: options.jobTimeLimitMs ?? PDF_JOB_TIME_LIMIT_MS,
  });
}
