import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { DONE_ALIAS, resolveEvent } from './events.ts';
import type { Scenario, ScenarioEvent } from './types.ts';
import { SopkitError } from '../errors.ts';

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
 * A state value as scenarios and `sopkit simulate` write it: a dot path,
 * `{ adjudication: 'review' }` → `adjudication.review`; the regions of a parallel state each get
 * their full path, in the order they are written, joined with `,` (no space):
 * `{ capture: { a: 'x', b: 'y' } }` → `capture.a.x,capture.b.y` (ARCHITECTURE.md, Formats: workflow).
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

/** The paths a state written as `stateToPath` prints it names: `a.x,b.y` → `a.x`, `b.y` (spaces around commas allowed). */
export function statePaths(state: string): string[] {
  return state
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * Whether a snapshot is in a state written as `sopkit simulate` prints it: every path named
 * holds (`adjudication` holds in `adjudication.review`); regions of a parallel state that are not
 * named are not checked.
 */
export function inState(snapshot: AnyMachineSnapshot, state: string): boolean {
  const paths = statePaths(state);
  return paths.length > 0 && paths.every((path) => snapshot.matches(pathToStateValue(path) as never));
}

/**
 * The machine's first snapshot for some case data. Pure (XState's `initialTransition`): no actor,
 * so no timer ever fires by itself — a 60-day `after` waits until a step says the time has passed.
 */
export function startSnapshot(machine: AnyStateMachine, input: Record<string, unknown>): AnyMachineSnapshot {
  const snapshot = initialTransition(machine, input)[0] as AnyMachineSnapshot;
  // A context function that throws (it reads case data the input does not give) leaves XState's
  // snapshot in status "error" with an empty context, from which events are still taken: a run
  // went on as if the case had no data, the check blamed "unreachable" states and simulate passed.
  if (snapshot.status === 'error') throw new SopkitError('workflow/context', `the machine's context function failed on this case data (${JSON.stringify(input)}): ${errorLine(snapshot.error)}`);
  return snapshot;
}

/**
 * Sends one event (aliases `after.<delay>`, `done.invoke.<actor>`, `error.platform.<actor>`
 * resolved), purely. An action that throws (an `assign` that reads an actor's `output` the event
 * does not carry) leaves the snapshot as it was and says why.
 * @returns The next snapshot, the event as sent, and the error when the machine could not take the step.
 */
export function step(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: ScenarioEvent): { next: AnyMachineSnapshot; sent: ScenarioEvent; error?: string } {
  const sent = resolveEvent(machine, snapshot, event);
  try {
    return { next: transition(machine, snapshot, sent as never)[0] as AnyMachineSnapshot, sent };
  } catch (cause) {
    return { next: snapshot, sent, error: errorLine(cause) };
  }
}

/**
 * An error in one line: its first line, and the cause XState puts on the next line when the
 * first ends with a colon (`Unable to evaluate guard 'isOver18' ...: Cannot read properties ...`).
 */
export function errorLine(cause: unknown): string {
  const lines = (cause instanceof Error ? cause.message : String(cause)).split('\n').map((l) => l.trim()).filter(Boolean);
  const [first = '', second] = lines;
  return first.endsWith(':') && second ? `${first} ${second}` : first;
}

/**
 * `snapshot.can(event)`, except that a guard that throws (it reads case data the run does not
 * have) gives undefined: the step itself then says what went wrong.
 */
export function canTake(snapshot: AnyMachineSnapshot, event: ScenarioEvent): boolean | undefined {
  try {
    return snapshot.can(event as never);
  } catch {
    return undefined;
  }
}

/** What to say when a step's actions threw: the error, and for an actor's end, how to give its output. */
export function stepErrorMessage(event: ScenarioEvent, error: string): string {
  const hint = event.type.startsWith(DONE_ALIAS) && !('output' in event) ? `; if its actions read the actor's output, give it: { type: '${event.type}', output: {...} }` : '';
  return `event "${event.type}" failed in the machine's guards or actions: ${error}${hint}`;
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
  let snapshot: AnyMachineSnapshot;
  try {
    snapshot = startSnapshot(machine, scenario.input);
  } catch (error) {
    if (!(error instanceof SopkitError)) throw error;
    return { run: { steps: [], final: '', done: false }, failures: [{ step: 0, message: `input: ${error.message}; give the case data it reads, or make it read them with defaults` }] };
  }
  const failures: ScenarioFailure[] = [];
  const steps: RunStep[] = [];
  scenario.steps.forEach((s, i) => {
    const from = stateToPath(snapshot.value);
    const event = resolveEvent(machine, snapshot, s.event);
    if (canTake(snapshot, event) === false) {
      failures.push({ step: i + 1, message: `event "${s.event.type}" is not possible in state "${from}"` });
    }
    const taken = step(machine, snapshot, s.event);
    if (taken.error) failures.push({ step: i + 1, message: stepErrorMessage(s.event, taken.error) });
    snapshot = taken.next;
    const to = stateToPath(snapshot.value);
    steps.push({ from, event: s.event.type, to });
    if (!inState(snapshot, s.expect)) {
      failures.push({ step: i + 1, message: `after "${s.event.type}" expected "${s.expect}", got "${to}"` });
    }
  });
  const final = stateToPath(snapshot.value);
  if (!inState(snapshot, scenario.final) || snapshot.status !== 'done') {
    failures.push({ step: 0, message: `expected to end in final state "${scenario.final}", ended in "${final}" (${snapshot.status})` });
  }
  return { run: { steps, final, done: snapshot.status === 'done' }, failures };
}
