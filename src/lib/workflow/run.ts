import { createActor, type AnyStateMachine } from 'xstate';
import type { Scenario, ScenarioEvent } from './types.ts';

/** One transition taken while running events. */
export interface RunStep {
  from: string;
  event: string;
  to: string;
}

/** The outcome of running a list of events. */
export interface RunResult {
  steps: RunStep[];
  /** Final state value as a dot path. */
  final: string;
  /** True when the machine reached a top-level final state. */
  done: boolean;
}

/** A state value as a dot path: `{ adjudication: 'review' }` → `adjudication.review`; parallel regions joined with `,`. */
export function stateToPath(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, child]) => {
        const rest = stateToPath(child);
        return rest ? `${key}.${rest}` : key;
      })
      .join(',');
  }
  return '';
}

/** `a.b.c` → `{ a: { b: 'c' } }`, the shape `snapshot.matches` takes. */
export function pathToStateValue(path: string): string | Record<string, unknown> {
  const parts = path.split('.');
  const last = parts.pop() ?? '';
  return parts.reduceRight<string | Record<string, unknown>>((acc, key) => ({ [key]: acc }), last);
}

/**
 * Runs events through a machine from its initial state.
 * @param machine The machine.
 * @param input Case data (becomes `context`).
 * @param events Events to send in order; an event the current state does not accept is recorded as
 *   a step that goes nowhere (`from === to`).
 */
export function runEvents(machine: AnyStateMachine, input: Record<string, unknown>, events: ScenarioEvent[]): RunResult {
  const actor = createActor(machine, { input });
  actor.start();
  const steps: RunStep[] = [];
  for (const event of events) {
    const from = stateToPath(actor.getSnapshot().value);
    actor.send(event);
    steps.push({ from, event: event.type, to: stateToPath(actor.getSnapshot().value) });
  }
  const snapshot = actor.getSnapshot();
  actor.stop();
  return { steps, final: stateToPath(snapshot.value), done: snapshot.status === 'done' };
}

/** A failed expectation in a scenario. */
export interface ScenarioFailure {
  /** 1-based step index, or 0 for the final state. */
  step: number;
  message: string;
}

/**
 * Runs a scenario and compares every state with what it expects.
 * @returns The run and its failures (empty when the scenario passes).
 */
export function runScenario(machine: AnyStateMachine, scenario: Scenario): { run: RunResult; failures: ScenarioFailure[] } {
  const actor = createActor(machine, { input: scenario.input });
  actor.start();
  const failures: ScenarioFailure[] = [];
  const steps: RunStep[] = [];
  scenario.steps.forEach((step, i) => {
    const before = actor.getSnapshot();
    const from = stateToPath(before.value);
    if (!before.can(step.event)) {
      failures.push({ step: i + 1, message: `event "${step.event.type}" is not possible in state "${from}"` });
    }
    actor.send(step.event);
    const after = actor.getSnapshot();
    const to = stateToPath(after.value);
    steps.push({ from, event: step.event.type, to });
    if (!after.matches(pathToStateValue(step.expect) as never)) {
      failures.push({ step: i + 1, message: `after "${step.event.type}" expected "${step.expect}", got "${to}"` });
    }
  });
  const snapshot = actor.getSnapshot();
  actor.stop();
  const final = stateToPath(snapshot.value);
  if (!snapshot.matches(pathToStateValue(scenario.final) as never) || snapshot.status !== 'done') {
    failures.push({ step: 0, message: `expected to end in final state "${scenario.final}", ended in "${final}" (${snapshot.status})` });
  }
  return { run: { steps, final, done: snapshot.status === 'done' }, failures };
}
