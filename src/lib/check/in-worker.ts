import type { Diagnostic } from '../diagnostics.ts';
import type { Refusal } from '../time-limit/content-code.ts';
import { runInWorker } from '../time-limit/run-in-worker.ts';

/** What a check run sends back from its worker: all that `sopkit check` and the build print. */
export interface CheckSummary {
  diagnostics: Diagnostic[];
  /** How many SOPs were checked. */
  sops: number;
}

/** The worker's side: `runChecks`, reduced to data that crosses threads. */
export async function checkTask(payload: { root: string; today?: string }): Promise<CheckSummary> {
  // Loaded here, in the worker: the thread that starts the check loads none of the checkers.
  const { runChecks } = await import('./index.ts');
  const { project, diagnostics } = await runChecks(payload.root, payload.today ? { today: payload.today } : {});
  return { diagnostics, sops: project.sops.length };
}

/**
 * `runChecks` in a worker, with content code under a time limit: a workflow file that loops or
 * never finishes loading is stopped, and the check runs again with that file refused, so it is
 * reported as one error (`workflow/timeout`) next to every other problem of the pack.
 * @param root Project root.
 * @param options.today Date to judge review deadlines against.
 * @param options.timeLimitMs Longest time one file's code may run.
 * @param options.strayOutput Where content code's stdout goes (stderr by default).
 */
export async function runChecksWithTimeLimit(
  root: string,
  options: { today?: string; timeLimitMs: number; strayOutput?: (text: string) => void },
): Promise<CheckSummary> {
  const refused: Refusal[] = [];
  for (;;) {
    const outcome = await runInWorker<CheckSummary>(
      { module: import.meta.url, name: 'checkTask', payload: { root, ...(options.today ? { today: options.today } : {}) } },
      { timeLimitMs: options.timeLimitMs, refused, ...(options.strayOutput ? { strayOutput: options.strayOutput } : {}) },
    );
    if (outcome.status === 'done') return outcome.value;
    if (refused.some((r) => r.file === outcome.file)) throw new Error(`${outcome.file} was stopped again after being refused: ${outcome.reason}`);
    refused.push({ file: outcome.file, code: outcome.code, reason: outcome.reason });
  }
}
