import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { resolveEvent } from '../../lib/workflow/events.ts';
import { ANY_STATE } from '../../lib/workflow/graph.ts';
import type { SimData, SimTransition } from '../../lib/workflow/sim-data.ts';
import type { ScenarioEvent } from '../../lib/workflow/types.ts';

/** An event the trainee may fire now, and why not when it is disabled. */
export interface Candidate {
  transition: SimTransition;
  enabled: boolean;
  /** The guards in words, when the event is disabled by them. */
  reason?: string;
}

/** Paths of every active state, parents first: `{ a: 'b' }` → `a`, `a.b`. */
export function activePaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix + value];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => [prefix + key, ...activePaths(child, `${prefix}${key}.`)]);
}

/** One step of a replay: the event as logged, and the active state paths before and after. */
export interface ReplayStep {
  event: ScenarioEvent;
  from: string[];
  to: string[];
}

/** The result of replaying a log: how far it got. */
export interface Replay {
  snapshot: AnyMachineSnapshot;
  /** The events that applied, as they were logged (aliases kept), in order. */
  log: ScenarioEvent[];
  steps: ReplayStep[];
  /** Index of the first event that no longer applies, when one does not. */
  cutAt?: number;
  /** Why that event could not be taken, when the machine's guards or actions threw. */
  error?: string;
  /**
   * Why the machine could not start on this case data: its context function threw. XState keeps
   * such an error in the snapshot (status "error", empty context) and still takes events from it.
   */
  startError?: string;
}

const message = (cause: unknown) => (cause instanceof Error ? cause.message : String(cause)).split('\n').filter(Boolean).join(' ');

/** `snapshot.can`, false when a guard throws on this case data. */
function can(snapshot: AnyMachineSnapshot, event: ScenarioEvent): boolean {
  try {
    return snapshot.can(event as never);
  } catch {
    return false;
  }
}

/**
 * Runs the machine purely (no actor, so no timer fires and no invoked actor runs by itself) from
 * case data through a log of events, stopping at the first event the machine refuses, or whose
 * guards or actions throw (an `assign` that reads an actor's output the event does not carry).
 */
export function replay(machine: AnyStateMachine, input: Record<string, unknown>, events: readonly ScenarioEvent[]): Replay {
  let snapshot = initialTransition(machine, input)[0] as AnyMachineSnapshot;
  const log: ScenarioEvent[] = [];
  const steps: ReplayStep[] = [];
  if (snapshot.status === 'error') return { snapshot, log, steps, ...(events.length ? { cutAt: 0 } : {}), startError: message((snapshot as { error?: unknown }).error) };
  for (let i = 0; i < events.length; i++) {
    const event = resolveEvent(machine, snapshot, events[i]!);
    if (snapshot.status !== 'active' || !can(snapshot, event)) return { snapshot, log, steps, cutAt: i };
    const from = activePaths(snapshot.value);
    try {
      snapshot = transition(machine, snapshot, event as never)[0] as AnyMachineSnapshot;
    } catch (cause) {
      return { snapshot, log, steps, cutAt: i, error: message(cause) };
    }
    log.push(events[i]!);
    steps.push({ event: events[i]!, from, to: activePaths(snapshot.value) });
  }
  return { snapshot, log, steps };
}

/** Active paths, deepest first, then `#any` (transitions written on the machine itself apply everywhere). */
function sources(snapshot: AnyMachineSnapshot): string[] {
  return [...activePaths(snapshot.value).sort((a, b) => b.split('.').length - a.split('.').length), ANY_STATE];
}

/**
 * The events to offer as buttons: every event, timer and invoked actor's end of the active states
 * (deepest first, one button per event), each enabled by `snapshot.can` with the guards' names as
 * the reason when it is not.
 */
export function candidates(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, data: SimData): Candidate[] {
  if (snapshot.status !== 'active') return [];
  const byEvent = new Map<string, SimTransition[]>();
  for (const path of sources(snapshot)) {
    for (const t of data.transitions[path] ?? []) {
      const list = byEvent.get(t.event) ?? [];
      list.push(t);
      byEvent.set(t.event, list);
    }
  }
  return [...byEvent.values()].map((list) => {
    const first = list[0]!;
    const enabled = can(snapshot, resolveEvent(machine, snapshot, { type: first.event }));
    const guards = [...new Set(list.map((t) => t.guard).filter((g): g is string => !!g))];
    const or = ` ${data.strings['sim.or'] ?? 'or'} `;
    return { transition: first, enabled, ...(enabled || !guards.length ? {} : { reason: guards.join(or) }) };
  });
}

/**
 * Every way the case could go from here, guards not applied (challenge mode: the trainee has to
 * know which condition holds): one entry per event and target, deepest state first.
 */
export function outcomes(snapshot: AnyMachineSnapshot, data: SimData): SimTransition[] {
  if (snapshot.status !== 'active') return [];
  const seen = new Set<string>();
  return sources(snapshot).flatMap((path) => data.transitions[path] ?? []).filter((t) => {
    const key = `${t.event}\0${t.target}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The targets (state paths) of the transitions the machine would really take for an event here. */
export function takenTargets(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: ScenarioEvent): string[] {
  const resolved = resolveEvent(machine, snapshot, event);
  try {
    const transitions = machine.getTransitionData(snapshot as never, resolved as never) as { source: { path: string[] }; target?: { path: string[] }[] }[];
    return transitions.flatMap((t) => (t.target?.length ? t.target : [t.source]).map((n) => n.path.join('.')));
  } catch {
    return [];
  }
}
