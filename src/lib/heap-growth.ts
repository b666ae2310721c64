import { setFlagsFromString } from 'node:v8';

/**
 * How far past what was live after its last full collection V8 lets a heap grow before the next
 * one, in percent, for the build and its PDF workers. At its default V8 picks a factor from how
 * fast it collects, up to 4 times on a machine with 16 GB or more: Astro's bundling keeps about
 * 300 MB live at 300 SOPs and its heap grew to 1 GB of mostly garbage before a full collection.
 */
export const HEAP_GROWING_PERCENT = 50;

/** Whether node was started with a setting of its own for how the heap grows (the user's choice wins). */
function givenByUser(execArgv: readonly string[]): boolean {
  return execArgv.some((arg) => /^--heap[-_]growing[-_]percent(=|$)/.test(arg));
}

/**
 * Makes V8 collect garbage once the heap has grown by `percent` past what the last full
 * collection kept, in this process and every worker thread it starts from now on. V8 reads the
 * setting each time it sets the next limit, so it takes effect in a process already running
 * (the build sets it in `astro:config:setup`); it trades a few more full collections for a heap
 * that stays near what is live. Left as it is when node was started with the flag
 * (`node --heap-growing-percent=N node_modules/astro/astro.js build`; NODE_OPTIONS cannot carry it).
 * @param percent Growth allowed, in percent (`HEAP_GROWING_PERCENT` by default).
 * @param execArgv Node's own flags (`process.execArgv`).
 * @returns Whether it was set here (false when the user set it).
 */
export function limitHeapGrowth(percent: number = HEAP_GROWING_PERCENT, execArgv: readonly string[] = process.execArgv): boolean {
  if (givenByUser(execArgv)) return false;
  setFlagsFromString(`--heap-growing-percent=${Math.round(percent)}`);
  return true;
}
