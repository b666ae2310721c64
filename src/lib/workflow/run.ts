import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { resolveEvent } from './events.ts';
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

/**
 * A state value as a dot path: `{ adjudication: 'review' }` → `adjudication.review`; the regions
 * of a parallel state each get their full path, joined with `,`:
 * `{ capture: { a: 'x', b: 'y' } }` → `capture.a.x,capture.b.y`.
 */
export function stateToPath(value: unknown, prefix = ''): string {
  if (typeof value === 'string') return prefix + value;
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, child]) => {
        const rest = stateToPath(child, `${prefix}${key}.`);
        return rest || prefix + key;
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
 * The machine's first snapshot for some case data. Pure (XState's `initialTransition`): no actor,
 * so no timer ever fires by itself — a 60-day `after` waits until a step says the time has passed.
 */
export function startSnapshot(machine: AnyStateMachine, input: Record<string, unknown>): AnyMachineSnapshot {
  return initialTransition(machine, input)[0] as AnyMachineSnapshot;
}

/**
 * Sends one event (timer aliases `after.<delay>` resolved), purely.
 * @returns The next snapshot and the event as sent.
 */
export function step(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: ScenarioEvent): { next: AnyMachineSnapshot; sent: ScenarioEvent } {
  const sent = resolveEvent(machine, snapshot, event);
  return { next: transition(machine, snapshot, sent as never)[0] as AnyMachineSnapshot, sent };
}

/**
 * Runs events through a machine from its initial state.
 * @param machine The machine.
 * @param input Case data (becomes `context`).
 * @param events Events to send in order; an event the current state does not accept is recorded as
 *   a step that goes nowhere (`from === to`).
 */
export function runEvents(machine: AnyStateMachine, input: Record<string, unknown>, events: ScenarioEvent[]): RunResult {
  let snapshot = startSnapshot(machine, input);
  const steps: RunStep[] = [];
  for (const event of events) {
    const from = stateToPath(snapshot.value);
    snapshot = step(machine, snapshot, event).next;
    steps.push({ from, event: event.type, to: stateToPath(snapshot.value) });
  }
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
  let snapshot = startSnapshot(machine, scenario.input);
  const failures: ScenarioFailure[] = [];
  const steps: RunStep[] = [];
  scenario.steps.forEach((s, i) => {
    const from = stateToPath(snapshot.value);
    const event = resolveEvent(machine, snapshot, s.event);
    if (!snapshot.can(event as never)) {
      failures.push({ step: i + 1, message: `event "${s.event.type}" is not possible in state "${from}"` });
    }
    snapshot = step(machine, snapshot, s.event).next;
    const to = stateToPath(snapshot.value);
    steps.push({ from, event: s.event.type, to });
    if (!snapshot.matches(pathToStateValue(s.expect) as never)) {
      failures.push({ step: i + 1, message: `after "${s.event.type}" expected "${s.expect}", got "${to}"` });
    }
  });
  const final = stateToPath(snapshot.value);
  if (!snapshot.matches(pathToStateValue(scenario.final) as never) || snapshot.status !== 'done') {
    failures.push({ step: 0, message: `expected to end in final state "${scenario.final}", ended in "${final}" (${snapshot.status})` });
  }
  return { run: { steps, final, done: snapshot.status === 'done' }, failures };
}
