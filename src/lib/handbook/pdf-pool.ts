import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { SopkitError } from '../errors.ts';
import type { ContentCodeEvent } from '../time-limit/content-code.ts';

/** Most PDF workers a build starts: each holds its own copy of the project, fonts and glyph caches. */
export const MAX_PDF_WORKERS = 4;

/**
 * How many worker threads make the PDFs: `SOPKIT_PDF_WORKERS` when set (0: none, the PDFs are
 * made in the build's own thread), else one per core but one, at most `MAX_PDF_WORKERS`: Astro's
 * bundling and rendering keep one core busy, so on two cores one worker runs beside it (a second
 * one only took CPU from the pages and added a copy of the project in memory); on one core, none.
 * @param value The setting (`SOPKIT_PDF_WORKERS`).
 * @param cores Cores this process may use.
 * @throws SopkitError when the setting is not a whole number.
 */
export function pdfWorkerCount(value: string | undefined = process.env.SOPKIT_PDF_WORKERS, cores: number = availableParallelism()): number {
  if (value === undefined || value.trim() === '') return Math.max(0, Math.min(cores - 1, MAX_PDF_WORKERS));
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new SopkitError('pdf/workers', `SOPKIT_PDF_WORKERS="${value}": give a whole number of worker threads (0 makes the PDFs in the build's own thread)`);
  return n;
}

export interface PdfPoolOptions {
  /** Worker threads, at least 1. */
  size: number;
  /** Project root (each worker sets `SOPKIT_ROOT` to it). */
  root: string;
  /** File URL of the module, and the name of its exported `async (payload) => value` that makes one job. */
  task: { module: string; name: string };
  /** Longest time one span of content code may run, in ms (the time limit of content code). */
  timeLimitMs: number;
  /** Longest time one job may take, in ms: a job that loops in the print engine is stopped. */
  jobTimeLimitMs: number;
}

interface Pending {
  id: number;
  payload: unknown;
  /** The document, as errors name it. */
  label: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  job?: Pending;
  jobTimer?: NodeJS.Timeout;
  codeTimer?: NodeJS.Timeout;
}

type FromWorker = ContentCodeEvent | { type: 'done'; id: number; value: unknown } | { type: 'fail'; id: number; user: boolean; code: string; message: string };

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

/** A one-line error: the build prints the message, never a stack. */
function oneLine<E extends Error>(error: E): E {
  error.stack = error.message;
  return error;
}

/**
 * Worker threads that make PDF jobs, one job per worker at a time (a worker holds one document in
 * memory, whatever the pack's size). Workers start when there is work and keep what they loaded
 * for their next job. Every way a job can end badly rejects its promise with one line naming the
 * document: the job threw, content code ran past the time limit, the job ran past its own limit,
 * or the worker died; a worker that had to be stopped is replaced for the jobs after it.
 */
export class PdfPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closed = false;

  constructor(private readonly options: PdfPoolOptions) {}

  /**
   * Makes one job in a worker.
   * @param payload The job function's argument (structured-cloned).
   * @param label The document, for errors (`content/sops/x.mdx`).
   * @returns What the job function returned.
   */
  run<T>(payload: unknown, label: string): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the PDF workers were closed'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, payload, label, resolve: resolve as (value: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; jobs not yet finished are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the PDF workers were closed'));
    const stopping = [...this.slots].map((slot) => this.retire(slot, new Error('the PDF workers were closed')));
    await Promise.all(stopping);
  }

  private dispatch(): void {
    while (this.queue.length) {
      let slot = [...this.slots].find((s) => !s.job);
      if (!slot) {
        if (this.slots.size >= Math.max(1, this.options.size)) return;
        slot = this.spawn();
      }
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      slot.jobTimer = setTimeout(() => this.fail(slot, oneLine(new Error(`${job.label}: its PDFs were not finished within ${seconds(this.options.jobTimeLimitMs)}; the print engine may be looping on it (report it with the file)`))), this.options.jobTimeLimitMs);
      slot.worker.postMessage({ id: job.id, payload: job.payload });
    }
  }

  private spawn(): Slot {
    const { root, task } = this.options;
    const worker = new Worker(new URL('./pdf-worker.mjs', import.meta.url), { workerData: { root, module: task.module, name: task.name }, stdout: true });
    // What content code prints is never mixed into the build's stdout.
    worker.stdout.setEncoding('utf8').on('data', (text: string) => process.stderr.write(text));
    const slot: Slot = { worker };
    this.slots.add(slot);
    worker.on('message', (message: FromWorker) => this.onMessage(slot, message));
    worker.on('error', (error) => this.fail(slot, oneLine(new Error(`${slot.job?.label ?? 'a PDF worker'}: ${error.message.split('\n')[0]}`))));
    worker.on('exit', (code) => {
      if (!this.slots.has(slot)) return;
      this.fail(slot, oneLine(new Error(`${slot.job?.label ?? 'a PDF worker'}: the PDF worker stopped (exit code ${code}) before it finished`)));
    });
    return slot;
  }

  private onMessage(slot: Slot, message: FromWorker): void {
    switch (message.type) {
      case 'busy': {
        clearTimeout(slot.codeTimer);
        const { file, what } = message;
        slot.codeTimer = setTimeout(
          () => this.fail(slot, oneLine(new SopkitError('workflow/timeout', `${slot.job?.label ?? 'PDFs'}: ${file} did not finish ${what} within ${seconds(this.options.timeLimitMs)}: a loop that never ends, or far too much work for a content file; fix the code (the limit: SOPKIT_TIME_LIMIT, in seconds)`))),
          this.options.timeLimitMs,
        );
        break;
      }
      case 'idle':
        clearTimeout(slot.codeTimer);
        break;
      case 'done':
      case 'fail': {
        const job = slot.job;
        if (!job || job.id !== message.id) return;
        clearTimeout(slot.jobTimer);
        slot.job = undefined;
        slot.worker.unref();
        if (message.type === 'done') job.resolve(message.value);
        else job.reject(oneLine(message.user ? new SopkitError(message.code, `${job.label}: ${message.message}`) : new Error(`${job.label}: ${message.message}`)));
        this.dispatch();
        break;
      }
    }
  }

  /** Ends a worker that can no longer be trusted, rejects its job, and starts another for the queue. */
  private fail(slot: Slot, error: Error): void {
    if (!this.slots.has(slot)) return;
    void this.retire(slot, error);
    if (!this.closed) this.dispatch();
  }

  private async retire(slot: Slot, error: Error): Promise<void> {
    this.slots.delete(slot);
    clearTimeout(slot.jobTimer);
    clearTimeout(slot.codeTimer);
    const job = slot.job;
    slot.job = undefined;
    job?.reject(error);
    await slot.worker.terminate();
  }
}
