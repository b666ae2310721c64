import { SopkitError } from '../errors.ts';
import { AFTER_ALIAS, resolveEvent } from './events.ts';
import { buildGraph } from './graph.ts';
import type { LoadedWorkflow } from './load.ts';
import { runScenario, startSnapshot, stateToPath, step, type RunResult, type RunStep, type ScenarioFailure } from './run.ts';
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

/** The events a machine accepts from outside: its own, and the timer aliases `after.<delay>`. */
export function knownEvents(loaded: LoadedWorkflow): string[] {
  const graph = buildGraph(loaded.module.machine);
  const own = (loaded.module.machine.events as string[]).filter((e) => !e.startsWith('xstate.'));
  const timers = graph.transitions.filter((t) => t.kind === 'after' && t.delay !== undefined).map((t) => `${AFTER_ALIAS}${t.delay}`);
  return [...new Set([...own, ...timers])].sort();
}

/**
 * Parses `--events a,b,c` into events, refusing any the machine does not know (one line naming
 * the known ones).
 */
export function parseEvents(loaded: LoadedWorkflow, list: string): ScenarioEvent[] {
  const known = knownEvents(loaded);
  return list
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)
    .map((type) => {
      if (!known.includes(type)) throw new SopkitError('simulate/unknown-event', `workflow ${loaded.id} has no event "${type}"; known: ${known.join(', ')}`);
      return { type };
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

/** Runs events from some case data, noting the ones the machine could not take where they were sent. */
export function simulateEvents(loaded: LoadedWorkflow, input: Record<string, unknown>, events: ScenarioEvent[]): SimulationJson {
  const { machine } = loaded.module;
  let snapshot = startSnapshot(machine, input);
  const steps: RunStep[] = [];
  const ignored: number[] = [];
  events.forEach((event, i) => {
    const from = stateToPath(snapshot.value);
    if (snapshot.status !== 'active' || !snapshot.can(resolveEvent(machine, snapshot, event) as never)) ignored.push(i + 1);
    snapshot = step(machine, snapshot, event).next;
    steps.push({ from, event: event.type, to: stateToPath(snapshot.value) });
  });
  return { workflow: loaded.id, steps, final: stateToPath(snapshot.value), done: snapshot.status === 'done', ...(ignored.length ? { ignored } : {}) };
}

/** Runs a scenario (with its input, overridden by `input` keys when given) and checks every expectation. */
export function simulateScenario(loaded: LoadedWorkflow, scenario: Scenario, input: Record<string, unknown> = {}): SimulationJson {
  const { run, failures } = runScenario(loaded.module.machine, { ...scenario, input: { ...scenario.input, ...input } });
  return { workflow: loaded.id, scenario: scenario.id, ...run, passed: failures.length === 0, failures };
}

/** The initial state and what can happen there, for `sopkit simulate <id>` without events. */
export function describeStart(loaded: LoadedWorkflow, input: Record<string, unknown>): { state: string; events: { type: string; possible: boolean }[] } {
  const snapshot = startSnapshot(loaded.module.machine, input);
  const events = knownEvents(loaded).filter((type) => !type.startsWith(AFTER_ALIAS));
  const here = new Set(((snapshot as unknown as { _nodes: { ownEvents: string[] }[] })._nodes ?? []).flatMap((n) => n.ownEvents));
  return {
    state: stateToPath(snapshot.value),
    events: events.filter((type) => here.has(type)).map((type) => ({ type, possible: snapshot.can({ type } as never) })),
  };
}

/** Text lines for a run: one per step (`from --event--> to`, ignored events marked), then the final state. */
export function formatRun(result: SimulationJson): string[] {
  const ignored = new Set(result.ignored ?? []);
  const lines = result.steps.map((s, i) => `${String(i + 1).padStart(3)}. ${s.from} --${s.event}--> ${s.to}${ignored.has(i + 1) ? '   (ignored: not possible in this state)' : ''}`);
  lines.push(`final: ${result.final}${result.done ? ' (done)' : ' (not finished)'}`);
  for (const f of result.failures ?? []) lines.push(`  ✗ ${f.step ? `step ${f.step}: ` : ''}${f.message}`);
  return lines;
}
