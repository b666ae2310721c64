import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { isUserError, SopkitError } from '../errors.ts';
import type { ContentCodeEvent } from '../time-limit/content-code.ts';

/** Most PDF workers a build starts: each holds its own copy of the project, fonts and glyph caches. */
export const MAX_PDF_WORKERS = 4;

/**
 * The old-generation heap limit of each PDF worker, in MB. Below 2 GB, V8 lets a heap grow to at
 * most about 1.3 to 2 times what was live after its last full collection (scaled with the limit);
 * at the default limit of a machine with 16 GB or more, up to 4 times. A worker keeps about
 * 120 MB live at 300 SOPs (the project, fonts, glyph caches, one document) and its heap grew to
 * 390 MB between collections; with this limit it stays near 1.8 times that, beside Astro's pages
 * in the same process. The limit itself is ten times what a worker keeps live at 300 SOPs and
 * three times the peak RSS of the PDF jobs of a 1,000-SOP pack (492 MB); a worker that still
 * reaches it stops the build with one line (make the PDFs in the build's thread, which has no
 * such limit, with `SOPKIT_PDF_WORKERS=0`).
 */
export const PDF_WORKER_HEAP_MB = 1536;

/** The claim word of a job this thread (not a worker) makes: worker thread ids are positive. */
const HERE = -1;

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
  /** Old-generation heap limit of each worker, in MB (`PDF_WORKER_HEAP_MB` by default). */
  heapMb?: number;
  /**
   * An export of the task's module that the first worker calls with the root once it has loaded,
   * before its first job (the build's workers parse the sources ahead of the check). What it
   * throws is ignored: it may only prepare what the jobs would otherwise do themselves.
   */
  prepare?: string;
}

interface Pending {
  id: number;
  payload: unknown;
  /** The document, as errors name it. */
  label: string;
  /**
   * Who took the job: 0 while it waits, else the thread id of the worker that makes it. Every
   * worker holds every waiting job and takes the next one itself (compare-and-swap), so a
   * worker never waits for this thread to hand it work while the build is busy bundling.
   */
  claim: Int32Array;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  /** The job the worker said it started and has not finished. */
  job?: Pending;
  jobTimer?: NodeJS.Timeout;
  codeTimer?: NodeJS.Timeout;
  /** The worker has loaded its job module. */
  loaded?: boolean;
}

type FromWorker =
  | ContentCodeEvent
  | { type: 'loaded' }
  | { type: 'start'; id: number }
  /** The job finished one of its PDFs: its limit counts again from now. */
  | { type: 'progress' }
  | { type: 'done'; id: number; value: unknown }
  | { type: 'fail'; id: number; user: boolean; code: string; message: string };

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

/** A one-line error: the build prints the message, never a stack. */
function oneLine<E extends Error>(error: E): E {
  error.stack = error.message;
  return error;
}

/** The one-line error of a job that threw, naming its document: a user's mistake keeps its code. */
function jobError(job: { label: string }, userCode: string | undefined, message: string): Error {
  const text = `${job.label}: ${message}`;
  return oneLine(userCode !== undefined ? new SopkitError(userCode, text) : new Error(text));
}

/**
 * Worker threads that make PDF jobs. Each job is sent to every worker when it is queued, and the
 * first free worker takes it (one job per worker at a time: a worker holds one document in
 * memory, whatever the pack's size). Work therefore goes on while this thread is busy (Astro
 * bundles and renders in long synchronous stretches: handing out one job at a time from here
 * left the worker idle for a third of the PDF stage). Workers start when there is work and
 * keep what they loaded for their next job. Every way a job can end badly rejects its promise
 * with one line naming the document: the job threw, content code ran past the time limit, the
 * job ran past its own limit, or the worker died; a worker that had to be stopped is replaced
 * for the jobs still waiting.
 */
export class PdfPool {
  private readonly slots = new Set<Slot>();
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private closed = false;
  private loadWaiters: Array<() => void> = [];
  private spawned = 0;

  constructor(private readonly options: PdfPoolOptions) {}

  /**
   * Makes waiting jobs in this thread too, one after another, until no job waits for a worker:
   * for when this thread has nothing else to do but wait for the pool (the build's pages are
   * done), so its core works on the PDFs without a new worker's start (the project, the fonts)
   * or its memory. Takes a job as a worker does, through its claim word, so no job is made twice.
   * @param make The job function, in this thread.
   * @returns How many jobs this thread made.
   */
  async helpHere(make: (payload: unknown) => Promise<unknown>): Promise<number> {
    let made = 0;
    for (;;) {
      if (this.closed) return made;
      const job = [...this.pending.values()].find((j) => Atomics.load(j.claim, 0) === 0);
      if (!job) return made;
      if (Atomics.compareExchange(job.claim, 0, 0, HERE) !== 0) continue;
      try {
        const value = await make(job.payload);
        this.settled(job);
        job.resolve(value);
      } catch (cause) {
        this.settled(job);
        job.reject(jobError(job, isUserError(cause) ? cause.code : undefined, cause instanceof Error ? cause.message : String(cause)));
      }
      made++;
    }
  }

  /** A job is no longer waiting for anyone; workers with nothing left no longer keep the process alive. */
  private settled(job: Pending): void {
    this.pending.delete(job.id);
    this.unrefIfIdle();
  }

  /** With no job waiting, the workers no longer keep the process alive. */
  private unrefIfIdle(): void {
    if (!this.pending.size) for (const s of this.slots) s.worker.unref();
  }

  /**
   * Makes one job in a worker.
   * @param payload The job function's argument (structured-cloned).
   * @param label The document, for errors (`content/sops/x.mdx`).
   * @returns What the job function returned.
   */
  run<T>(payload: unknown, label: string): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the PDF workers were closed'));
    return new Promise<T>((resolve, reject) => {
      const job: Pending = { id: this.nextId++, payload, label, claim: new Int32Array(new SharedArrayBuffer(4)), resolve: resolve as (value: unknown) => void, reject };
      this.pending.set(job.id, job);
      for (const slot of this.slots) this.send(slot, job);
      if (this.slots.size < Math.max(1, this.options.size)) this.spawn();
    });
  }

  /**
   * Starts the workers before there is work: each loads its code, and waits. A build calls it
   * while its check runs (the build's own thread waits for the check then, so a core is free),
   * and the first job does not wait for a worker's start. Workers with no job do not keep the
   * process alive.
   */
  warm(): void {
    while (!this.closed && this.slots.size < Math.max(1, this.options.size)) this.spawn();
    this.unrefIfIdle();
  }

  /**
   * Settles when every worker started so far has loaded its job module (at once if none was
   * started): what a caller waits on to know the workers' start is behind them.
   */
  loaded(): Promise<void> {
    if ([...this.slots].every((s) => s.loaded)) return Promise.resolve();
    return new Promise((resolve) => this.loadWaiters.push(resolve));
  }

  private checkLoaded(): void {
    if ([...this.slots].every((s) => s.loaded)) for (const resolve of this.loadWaiters.splice(0)) resolve();
  }

  /** Stops every worker; jobs not yet finished are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const stopping = [...this.slots].map((slot) => this.retire(slot, new Error('the PDF workers were closed')));
    for (const job of this.pending.values()) job.reject(new Error('the PDF workers were closed'));
    this.pending.clear();
    await Promise.all(stopping);
  }

  private send(slot: Slot, job: Pending): void {
    slot.worker.ref();
    slot.worker.postMessage({ id: job.id, payload: job.payload, claim: job.claim });
  }

  /** Starts a worker and gives it every job no worker has taken yet. */
  private spawn(): void {
    const { root, task } = this.options;
    const heapMb = this.options.heapMb ?? PDF_WORKER_HEAP_MB;
    const worker = new Worker(new URL('./pdf-worker.mjs', import.meta.url), {
      // Only the first worker prepares: more would do the same work side by side.
      workerData: { root, module: task.module, name: task.name, prepare: this.spawned++ === 0 ? this.options.prepare : undefined },
      // What content code prints goes to stderr (pdf-worker.mjs), never into the build's stdout.
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    const slot: Slot = { worker };
    this.slots.add(slot);
    worker.on('message', (message: FromWorker) => this.onMessage(slot, message));
    worker.on('error', (error: Error & { code?: string }) => {
      const label = this.current(slot)?.label ?? 'a PDF worker';
      const reason =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `the PDF worker ran out of memory (its heap is limited to ${heapMb} MB); build with SOPKIT_PDF_WORKERS=0 to make the PDFs in the build's own thread, and report it with the file`
          : error.message.split('\n')[0];
      this.fail(slot, oneLine(new Error(`${label}: ${reason}`)));
    });
    worker.on('exit', (code) => {
      if (!this.slots.has(slot)) return;
      this.fail(slot, oneLine(new Error(`${this.current(slot)?.label ?? 'a PDF worker'}: the PDF worker stopped (exit code ${code}) before it finished`)));
    });
    for (const job of this.pending.values()) if (Atomics.load(job.claim, 0) === 0) this.send(slot, job);
  }

  /** The job a worker is making: the one it said it started, or the one it took before it could say so. */
  private current(slot: Slot): Pending | undefined {
    if (slot.job) return slot.job;
    const thread = slot.worker.threadId;
    for (const job of this.pending.values()) if (Atomics.load(job.claim, 0) === thread) return job;
    return undefined;
  }

  private onMessage(slot: Slot, message: FromWorker): void {
    switch (message.type) {
      case 'loaded':
        slot.loaded = true;
        this.checkLoaded();
        break;
      case 'start': {
        const job = this.pending.get(message.id);
        if (!job) return;
        slot.job = job;
        this.armJobTimer(slot, job);
        break;
      }
      case 'progress':
        if (slot.job) this.armJobTimer(slot, slot.job);
        break;
      case 'busy': {
        clearTimeout(slot.codeTimer);
        const { file, what } = message;
        slot.codeTimer = setTimeout(
          () => this.fail(slot, oneLine(new SopkitError('workflow/timeout', `${this.current(slot)?.label ?? 'PDFs'}: ${file} did not finish ${what} within ${seconds(this.options.timeLimitMs)}: a loop that never ends, or far too much work for a content file; fix the code (the limit: SOPKIT_TIME_LIMIT, in seconds)`))),
          this.options.timeLimitMs,
        );
        break;
      }
      case 'idle':
        clearTimeout(slot.codeTimer);
        break;
      case 'done':
      case 'fail': {
        const job = this.pending.get(message.id);
        if (slot.job?.id === message.id) {
          clearTimeout(slot.jobTimer);
          slot.job = undefined;
        }
        if (!job) return;
        this.settled(job);
        if (message.type === 'done') job.resolve(message.value);
        else job.reject(jobError(job, message.user ? message.code : undefined, message.message));
        break;
      }
    }
  }

  /**
   * (Re)starts a job's limit: the time it may go without finishing a PDF. A job that keeps
   * finishing PDFs is working, however long the pack makes it (the translations' prints of a
   * large pack, on a busy machine, ran past a limit on the whole job); one that finishes none is
   * stopped as looping.
   */
  private armJobTimer(slot: Slot, job: Pending): void {
    clearTimeout(slot.jobTimer);
    slot.jobTimer = setTimeout(() => this.fail(slot, oneLine(new Error(`${job.label}: no PDF of it was finished within ${seconds(this.options.jobTimeLimitMs)}; the print engine may be looping on it (report it with the file)`))), this.options.jobTimeLimitMs);
  }

  /** Ends a worker that can no longer be trusted, rejects its job, and starts another for the jobs still waiting. */
  private fail(slot: Slot, error: Error): void {
    if (!this.slots.has(slot)) return;
    void this.retire(slot, error);
    if (!this.closed && [...this.pending.values()].some((job) => Atomics.load(job.claim, 0) === 0)) this.spawn();
  }

  private async retire(slot: Slot, error: Error): Promise<void> {
    const job = this.current(slot);
    this.slots.delete(slot);
    this.checkLoaded();
    clearTimeout(slot.jobTimer);
    clearTimeout(slot.codeTimer);
    slot.job = undefined;
    if (job) {
      this.pending.delete(job.id);
      job.reject(error);
    }
    await slot.worker.terminate();
  }
}
