/**
 * Marks where SOPKit runs code that authors wrote (a workflow module while it loads, its guards
 * while scenarios run), so that a watchdog in another thread can stop it when it never returns
 * and name the file. Outside a worker started by `runInWorker` these marks cost nothing.
 */

/** What the watchdog hears: content code of a file starts running, or no content code runs. */
export type ContentCodeEvent = { type: 'busy'; file: string; what: string } | { type: 'idle' };

let listener: ((event: ContentCodeEvent) => void) | undefined;
const active: { file: string; what: string }[] = [];
// Shared by every copy of this module in the thread: the Astro build loads its config and its
// pages through different module graphs, and a file the check stopped must be refused by both.
const refused: Map<string, Refusal> = ((globalThis as Record<symbol, unknown>)[Symbol.for('sopkit.refusedContentCode')] ??= new Map<string, Refusal>()) as Map<string, Refusal>;

/** A file whose code must not run again, with the diagnostic code and the reason to give. */
export interface Refusal {
  /** Path relative to the project root. */
  file: string;
  /** `workflow/timeout` (never finished) or `workflow/exit` (ended the program). */
  code: string;
  reason: string;
}

/** Tells `listener` whenever content code starts or stops (the worker forwards it to its parent). */
export function onContentCode(fn: (event: ContentCodeEvent) => void): void {
  listener = fn;
}

/**
 * Files whose code must not run again in this thread, with the reason (a file that never finished
 * in an earlier attempt). Loaders ask `refusal(file)` before running a file.
 */
export function refuseContentCode(entries: Iterable<Refusal>): void {
  for (const entry of entries) refused.set(entry.file, entry);
}

/** Why a file's code must not run, or undefined when it may. */
export function refusal(file: string): Refusal | undefined {
  return refused.get(file);
}

function enter(file: string, what: string): void {
  active.push({ file, what });
  listener?.({ type: 'busy', file, what });
}

function leave(): void {
  active.pop();
  const outer = active.at(-1);
  listener?.(outer ? { type: 'busy', ...outer } : { type: 'idle' });
}

/**
 * Marks the rest of a task as content code of a file (a command that, once it has loaded a
 * machine, only runs it). The span ends with the task.
 * @param file Path of the content file, relative to the project root.
 * @param what What it is doing, for the message.
 */
export function contentCodeFromHere(file: string, what: string): void {
  enter(file, what);
}

/**
 * Runs content code (a module import, a machine's checks) inside a watched span.
 * @param file Path of the content file, relative to the project root (named when it hangs).
 * @param what What it is doing, for the message: `loading`, `running its guards and scenarios`.
 * @param fn The code.
 */
export async function runContentCode<T>(file: string, what: string, fn: () => Promise<T>): Promise<T> {
  enter(file, what);
  try {
    return await fn();
  } finally {
    leave();
  }
}
