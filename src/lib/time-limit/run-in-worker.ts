import { Worker } from 'node:worker_threads';
import { SopkitError } from '../errors.ts';
import type { ContentCodeEvent, Refusal } from './content-code.ts';

/** Where a task writes its lines (the CLI's `Io` fits). */
export interface Lines {
  out(text: string): void;
  err(text: string): void;
}

/** A function to run in a worker: `export async function name(payload, lines)` in `module`. */
export interface WorkerTask {
  /** File URL of the module (TypeScript is fine: the worker registers tsx). */
  module: string;
  /** Name of the exported function. */
  name: string;
  /** Its argument; must survive structured cloning. */
  payload: unknown;
}

/** How the task ended: it finished, or content code had to be stopped. */
export type WorkerOutcome<T> =
  | { status: 'done'; value: T }
  | { status: 'stopped'; code: 'workflow/timeout' | 'workflow/exit'; file: string; reason: string };

export interface RunInWorkerOptions {
  /** Longest time one span of content code may run (ARCHITECTURE.md, Formats: time limit of content code), in ms. */
  timeLimitMs: number;
  /** Where the task's own lines go. */
  lines?: Lines;
  /** Whatever content code prints to stdout (console.log in a guard): stderr by default, never stdout. */
  strayOutput?: (text: string) => void;
  /** Files whose code the worker must not run again, with the reason (see `refusal`). */
  refused?: readonly Refusal[];
}

type FromWorker =
  | ContentCodeEvent
  | { type: 'out' | 'err'; text: string }
  | { type: 'done'; value: unknown }
  | { type: 'fail'; user: boolean; code: string; message: string; stack?: string; errno?: string; path?: string };

/** The longest time limit taken: a day, far above any file's load and below Node's timer limit. */
const MAX_SECONDS = 86_400;

/** The default limit: 20 s, or SOPKIT_TIME_LIMIT seconds. */
export function timeLimitMs(seconds: string | undefined = process.env.SOPKIT_TIME_LIMIT): number {
  if (seconds === undefined || seconds === '') return 20_000;
  const value = Number(seconds);
  if (!Number.isFinite(value) || value <= 0) throw new SopkitError('time-limit/bad', `time limit "${seconds}": give a number of seconds greater than 0, like 20`);
  // Node's timers hold at most 2^31 - 1 ms (about 24 days): above it a timer fires at once, and
  // every workflow file was reported as stopped. Below 0.1 s no file can even load.
  if (value > MAX_SECONDS) throw new SopkitError('time-limit/bad', `time limit "${seconds}": at most ${MAX_SECONDS} seconds (a day); the default is 20`);
  if (value < 0.1) throw new SopkitError('time-limit/bad', `time limit "${seconds}": at least 0.1 seconds; the default is 20`);
  return Math.round(value * 1000);
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

/**
 * Runs a task in a worker thread and stops it when content code (marked with `runContentCode`)
 * runs longer than the limit, or never finishes (a top-level await that never settles): an
 * in-process timer cannot interrupt `while (true) {}`, a worker can be terminated. The parent
 * stays alive while the worker runs, so nothing can end the process early with exit code 0.
 * @param task The module and function to run.
 * @param options Time limit and where output goes.
 * @returns The task's value, or which file was stopped and why.
 * @throws SopkitError when the task throws one (a user mistake), Error otherwise.
 */
export function runInWorker<T>(task: WorkerTask, options: RunInWorkerOptions): Promise<WorkerOutcome<T>> {
  const stray = options.strayOutput ?? ((text: string) => process.stderr.write(text));
  const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
    workerData: { ...task, refused: options.refused ?? [] },
    stdout: true,
  });
  worker.stdout.setEncoding('utf8').on('data', (text: string) => stray(text));
  return new Promise<WorkerOutcome<T>>((resolve, reject) => {
    let busy: { file: string; what: string } | undefined;
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // A module may leave a timer running; the task is over, so the worker goes.
      void worker.terminate().finally(settle);
    };
    const stop = (reason: string, code: 'workflow/timeout' | 'workflow/exit' = 'workflow/timeout') => {
      const file = busy?.file ?? 'content';
      finish(() => resolve({ status: 'stopped', code, file, reason }));
    };
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'busy':
          busy = { file: message.file, what: message.what };
          clearTimeout(timer);
          timer = setTimeout(() => stop(`did not finish ${message.what} within ${seconds(options.timeLimitMs)}: a loop that never ends, or far too much work for a content file; fix the code (the limit: sopkit check --time-limit, or SOPKIT_TIME_LIMIT, in seconds)`), options.timeLimitMs);
          break;
        case 'idle':
          busy = undefined;
          clearTimeout(timer);
          break;
        case 'out':
          options.lines?.out(message.text);
          break;
        case 'err':
          options.lines?.err(message.text);
          break;
        case 'done':
          finish(() => resolve({ status: 'done', value: message.value as T }));
          break;
        case 'fail': {
          const error = message.user ? new SopkitError(message.code, message.message) : Object.assign(new Error(message.message), { stack: message.stack }, message.errno ? { code: message.errno, path: message.path } : {});
          finish(() => reject(error));
          break;
        }
      }
    });
    worker.on('error', (error) => {
      if (busy) stop(`stopped while ${busy.what}: ${error.message.split('\n')[0]}`);
      else finish(() => reject(error));
    });
    worker.on('exit', (code) => {
      if (settled) return;
      // 13 is Node's exit code for a top-level await that can never settle.
      if (busy && code === 13) stop(`never finished ${busy.what}: it waits for something that never happens (a top-level await on a promise that never settles?); a content file must not wait for anything`);
      else if (busy) stop(`ended the program while ${busy.what} (exit code ${code}: process.exit?); a content file must not stop the program`, 'workflow/exit');
      else finish(() => reject(new Error(`the worker stopped before the task finished (exit code ${code})`)));
    });
  });
}
