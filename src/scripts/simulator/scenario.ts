import type { Scenario, ScenarioEvent, ScenarioStep } from '../../lib/workflow/types.ts';

/** Internal timer events and their alias compare equal: `xstate.after.d.x.y` ≡ `after.d`. */
export function sameEvent(a: string, b: string): boolean {
  const norm = (t: string) => (t.startsWith('xstate.after.') ? `after.${t.split('.')[2] ?? ''}` : t);
  return norm(a) === norm(b);
}

/** Where a trainee is in a scenario. */
export interface Progress {
  /** The log so far is the scenario's own path. */
  onPath: boolean;
  /** The scenario step that comes next, when on the path and not finished. */
  expected?: ScenarioStep;
  /** Index of `expected` in the scenario's steps. */
  index: number;
  /** Every step of the scenario has been taken. */
  done: boolean;
}

/** Compares the events taken with the scenario's steps. */
export function progress(scenario: Scenario, log: readonly ScenarioEvent[]): Progress {
  const onPath = log.length <= scenario.steps.length && log.every((e, i) => sameEvent(e.type, scenario.steps[i]!.event.type));
  const index = log.length;
  const expected = onPath ? scenario.steps[index] : undefined;
  return { onPath, index, done: onPath && index === scenario.steps.length, ...(expected ? { expected } : {}) };
}

/** A challenge's result: steps right first time, wrong choices, and the sections to reread. */
export interface Score {
  total: number;
  correct: number;
  wrong: number;
  reread: string[];
}

/**
 * Scores a challenge.
 * @param scenario The case.
 * @param wrong Wrong choices per step index.
 * @param reread SOP sections named by the wrong choices, in the order they happened.
 */
export function score(scenario: Scenario, wrong: Readonly<Record<number, number>>, reread: readonly string[]): Score {
  const missed = Object.values(wrong).filter((n) => n > 0).length;
  return {
    total: scenario.steps.length,
    correct: scenario.steps.length - missed,
    wrong: Object.values(wrong).reduce((a, b) => a + b, 0),
    reread: [...new Set(reread)],
  };
}
