import { didYouMean } from '../did-you-mean.ts';
import { SopkitError } from '../errors.ts';
import type { AnyMachineSnapshot, AnyStateNode } from 'xstate';
import { machineInternalEvents, resolveEvent } from './events.ts';
import { ANY_STATE, buildGraph } from './graph.ts';
import type { LoadedWorkflow } from './load.ts';
import { canTake, errorLine, runScenario, startSnapshot, stateToPath, step, stepErrorMessage, type RunResult, type RunStep, type ScenarioFailure } from './run.ts';
import type { Scenario, ScenarioEvent } from './types.ts';

/** `sopkit simulate --json` for one run. */
export interface SimulationJson extends RunResult {
  workflow: string;
  /** Present when a scenario was run. */
  scenario?: string;
  /** Scenario runs: whether every expectation held. */
  passed?: boolean;
  failures?: ScenarioFailure[];
  /** 1-based numbers of the steps whose event was not possible in the state it was sent in. */
  ignored?: number[];
}

/**
 * The events a machine accepts from outside: its own, the timer aliases `after.<delay>`, and the
 * ends of invoked actors, `done.invoke.<actor>` and `error.platform.<actor>`.
 */
export function knownEvents(loaded: LoadedWorkflow): string[] {
  const own = (loaded.module.machine.events as string[]).filter((e) => e && !e.startsWith('xstate.'));
  const internal = machineInternalEvents(loaded.module.machine).map((e) => e.alias);
  return [...new Set([...own, ...internal])].sort();
}

/**
 * Parses `--events a,b,c` into events, refusing any the machine does not know (one line naming
 * the known ones).
 */
export function parseEvents(loaded: LoadedWorkflow, list: string): ScenarioEvent[] {
  const known = knownEvents(loaded);
  const types = list.split(',').map((e) => e.trim()).filter(Boolean);
  // `--events ,` or `--events ""` ran nothing and printed the start state, exit 0.
  if (!types.length) throw new SopkitError('simulate/no-events', `--events "${list}" names no event; give the events in order, separated by commas, like ${known.slice(0, 2).join(',') || 'a,b'}`);
  return types.map((type) => {
    if (known.includes(type)) return { type };
    const words = type.split(/\s+/);
    if (words.length > 1 && words.every((w) => known.includes(w))) throw new SopkitError('simulate/unknown-event', `--events: "${type}" is ${words.length} events separated by spaces; separate them with commas: ${words.join(',')}`);
    throw new SopkitError('simulate/unknown-event', `workflow ${loaded.id} has no event "${type}"${didYouMean(type, known)}; known: ${known.join(', ')}`);
  });
}

/** The scenario with an id, or a one-line error naming the ids there are. */
export function findScenario(loaded: LoadedWorkflow, id: string): Scenario {
  const scenario = loaded.module.scenarios.find((s) => s.id === id);
  if (!scenario) {
    throw new SopkitError('simulate/unknown-scenario', `workflow ${loaded.id} has no scenario "${id}"; known: ${loaded.module.scenarios.map((s) => s.id).join(', ') || 'none'} (or "all")`);
  }
  return scenario;
}

/**
 * Runs events from some case data, noting the ones the machine could not take where they were
 * sent (`ignored`) and the ones whose actions failed (`failures`).
 */
export function simulateEvents(loaded: LoadedWorkflow, input: Record<string, unknown>, events: ScenarioEvent[]): SimulationJson {
  const { machine } = loaded.module;
  let snapshot = startSnapshot(machine, input);
  const steps: RunStep[] = [];
  const ignored: number[] = [];
  const failures: ScenarioFailure[] = [];
  events.forEach((event, i) => {
    const from = stateToPath(snapshot.value);
    if (snapshot.status !== 'active' || canTake(snapshot, resolveEvent(machine, snapshot, event)) === false) ignored.push(i + 1);
    const taken = step(machine, snapshot, event);
    if (taken.error) failures.push({ step: i + 1, message: stepErrorMessage(event, taken.error) });
    snapshot = taken.next;
    steps.push({ from, event: event.type, to: stateToPath(snapshot.value) });
  });
  return { workflow: loaded.id, steps, final: stateToPath(snapshot.value), done: snapshot.status === 'done', ...(ignored.length ? { ignored } : {}), ...(failures.length ? { failures } : {}) };
}

/** Runs a scenario (with its input, overridden by `input` keys when given) and checks every expectation. */
export function simulateScenario(loaded: LoadedWorkflow, scenario: Scenario, input: Record<string, unknown> = {}): SimulationJson {
  const { run, failures } = runScenario(loaded.module.machine, { ...scenario, input: { ...scenario.input, ...input } });
  return { workflow: loaded.id, scenario: scenario.id, ...run, passed: failures.length === 0, failures };
}

/** An event possible (or blocked by a guard) where a run stands, with its words. */
export interface NextEvent {
  /** What to send: the event type, or the alias of a timer or an invoked actor's end. */
  type: string;
  /** In words, for timers and invoked actors: `payment check completes`, `after appeal period (30 days)`. */
  label?: string;
  possible: boolean;
  /** Why it is not possible: its guard is false, or cannot be evaluated with this case data. */
  why?: string;
}

/** Whether an event is possible, and why not. */
function possibility(snapshot: AnyMachineSnapshot, event: ScenarioEvent): Pick<NextEvent, 'possible' | 'why'> {
  try {
    return snapshot.can(event as never) ? { possible: true } : { possible: false, why: 'blocked by its guard' };
  } catch (cause) {
    const message = errorLine(cause);
    return { possible: false, why: `its guard cannot be evaluated with this case data (${message}); give the case data with --input` };
  }
}

/**
 * The state a run starts in and what can happen there, for `sopkit simulate <id>` without events:
 * the events of the active states, the timers that can run out, and the invoked actors that can
 * complete or fail.
 */
export function describeStart(loaded: LoadedWorkflow, input: Record<string, unknown>): { state: string; events: NextEvent[] } {
  const { machine } = loaded.module;
  const snapshot = startSnapshot(machine, input);
  const graph = buildGraph(machine, loaded.module.labels);
  const nodes = (snapshot as unknown as { _nodes: AnyStateNode[] })._nodes ?? [];
  const active = new Set(nodes.map((n) => (n.parent ? n.path.join('.') : ANY_STATE)));
  const seen = new Set<string>();
  const events: NextEvent[] = [];
  for (const t of graph.transitions) {
    if (!t.event || !active.has(t.source) || t.kind === 'done') continue;
    const type = t.alias ?? t.event;
    if (seen.has(type)) continue;
    seen.add(type);
    const label = t.alias ? t.eventLabel : undefined;
    events.push({ type, ...(label ? { label } : {}), ...possibility(snapshot, resolveEvent(machine, snapshot, { type })) });
  }
  return { state: stateToPath(snapshot.value), events };
}

/** Text lines for a run: one per step (`from --event--> to`, ignored events marked), then the final state. */
export function formatRun(result: SimulationJson): string[] {
  const ignored = new Set(result.ignored ?? []);
  const lines = result.steps.map((s, i) => `${String(i + 1).padStart(3)}. ${s.from} --${s.event}--> ${s.to}${ignored.has(i + 1) ? '   (ignored: not possible in this state)' : ''}`);
  lines.push(`final: ${result.final}${result.done ? ' (done)' : ' (not finished)'}`);
  for (const f of result.failures ?? []) lines.push(`  ✗ ${f.step ? `step ${f.step}: ` : ''}${f.message}`);
  return lines;
}
