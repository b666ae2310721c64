import { getInitialMicrosteps, getMicrosteps, type AnyMachineSnapshot, type AnyStateMachine, type AnyStateNode, type EventObject } from 'xstate';
import { getAdjacencyMap } from 'xstate/graph';
import { resolveEvent } from './events.ts';
import { ANY_STATE, pathOf, type WorkflowGraph } from './graph.ts';
import type { Scenario } from './types.ts';

/** Paths of the states a snapshot is in (parents included). */
function activeStatePaths(snapshot: AnyMachineSnapshot): string[] {
  const nodes = (snapshot as unknown as { _nodes?: AnyStateNode[] })._nodes ?? [];
  return nodes.filter((n) => n.parent).map(pathOf);
}

/** Paths of the history states a step goes through (they are never at rest in a snapshot). */
function historyTargets(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: EventObject): string[] {
  try {
    const taken = machine.getTransitionData(snapshot as never, event as never) as { target?: AnyStateNode[] }[];
    return taken.flatMap((t) => (t.target ?? []).filter((n) => n.type === 'history').map(pathOf));
  } catch {
    return [];
  }
}

/**
 * The machine as `xstate/graph` sees it, except that a step whose actions throw (an `assign` that
 * reads an actor's `output` the walk cannot give) goes nowhere instead of ending the walk.
 */
function tolerant(machine: AnyStateMachine) {
  return {
    getInitialSnapshot: (scope: unknown, input: unknown) => machine.getInitialSnapshot(scope as never, input as never),
    transition: (snapshot: AnyMachineSnapshot, event: EventObject, scope: unknown) => {
      try {
        return machine.transition(snapshot as never, event as never, scope as never);
      } catch {
        return snapshot;
      }
    },
  };
}

/**
 * The states the machine really reaches, guards evaluated, from each scenario's case data (and
 * from no data at all), with `xstate/graph`: a breadth-first walk over every event each state
 * accepts — bare, and with the payloads the scenarios send (an actor's `output` with
 * `done.invoke.<actor>`, resolved in the state that invokes it). States passed through by
 * `always` transitions count too (they are never at rest in a snapshot, so each step is replayed
 * as microsteps), and so do the history states a transition goes through. Snapshots are told
 * apart by state and by which guards hold, so counters in the context cannot make the walk endless.
 * @returns The reached paths, and the inputs tried.
 */
export function reachedStates(machine: AnyStateMachine, scenarios: readonly Scenario[]): { reached: Set<string>; inputs: number } {
  const reached = new Set<string>();
  const guards = Object.entries((machine.implementations.guards ?? {}) as Record<string, unknown>);
  const guardVector = (context: unknown) =>
    guards
      .map(([, g]) => {
        if (typeof g !== 'function') return '?';
        try {
          return (g as (args: unknown, params: unknown) => unknown)({ context, event: { type: '' } }, undefined) ? '1' : '0';
        } catch {
          return 'e';
        }
      })
      .join('');
  const payloadEvents = scenarios.flatMap((s) => s.steps.map((st) => st.event)).filter((e) => Object.keys(e).length > 1);
  const inputs: Record<string, unknown>[] = [{}, ...scenarios.map((s) => s.input)];
  const logic = tolerant(machine);
  let tried = 0;
  for (const input of inputs) {
    let initial: ReturnType<typeof getInitialMicrosteps>;
    try {
      initial = getInitialMicrosteps(machine, input as never);
    } catch {
      continue; // a context that needs input: the scenarios' inputs cover it
    }
    // XState keeps a context function's error in the snapshot instead of throwing it.
    if (initial.some(([s]) => (s as AnyMachineSnapshot).status === 'error')) continue;
    tried++;
    for (const [snapshot] of initial) activeStatePaths(snapshot as AnyMachineSnapshot).forEach((p) => reached.add(p));
    const map = getAdjacencyMap(logic as never, {
      input: input as never,
      limit: 20_000,
      serializeState: (s: AnyMachineSnapshot) => `${JSON.stringify(s.value)}|${guardVector(s.context)}`,
      events: (s: AnyMachineSnapshot) => {
        if (s.status !== 'active') return [];
        const own = [...new Set(((s as unknown as { _nodes: AnyStateNode[] })._nodes ?? []).flatMap((n) => n.ownEvents as string[]))];
        return [...own.map((type) => ({ type })), ...payloadEvents.map((e) => resolveEvent(machine, s, e))] as EventObject[];
      },
    } as never) as Record<string, { state: AnyMachineSnapshot; transitions: Record<string, { event: EventObject; state: AnyMachineSnapshot }> }>;
    for (const { state, transitions } of Object.values(map)) {
      activeStatePaths(state).forEach((p) => reached.add(p));
      for (const { event } of Object.values(transitions)) {
        historyTargets(machine, state, event).forEach((p) => reached.add(p));
        try {
          for (const [micro] of getMicrosteps(machine, state as never, event as never)) activeStatePaths(micro as AnyMachineSnapshot).forEach((p) => reached.add(p));
        } catch {
          // An action that throws for this payload: the step goes nowhere (see `tolerant`).
        }
      }
    }
  }
  return { reached, inputs: tried };
}

/**
 * State-level arrows: what can follow each state, guards ignored (inherited and `onDone` arrows
 * included; a transition written on the machine itself follows every state; a history state
 * leads to its default, or into its parent).
 */
function successors(graph: WorkflowGraph): Map<string, Set<string>> {
  const byPath = new Map(graph.states.map((s) => [s.path, s]));
  const next = new Map<string, Set<string>>(graph.states.map((s) => [s.path, new Set<string>()]));
  const add = (from: string, to: string) => next.get(from)?.add(to);
  for (const t of graph.transitions) {
    if (t.kind === 'initial') {
      const region = t.source.endsWith('#initial') ? t.source.slice(0, -'#initial'.length) : t.source;
      if (region) add(region, t.target);
      continue;
    }
    if (t.kind === 'done') {
      // A compound state ends when a final child is reached, a parallel state when every region
      // has reached a final state: those final states lead on.
      const parallel = byPath.get(t.source)?.kind === 'parallel';
      for (const s of graph.states) {
        const owner = parallel ? byPath.get(s.parent ?? '')?.parent : s.parent;
        if (s.kind === 'final' && owner === t.source) add(s.path, t.target);
      }
      continue;
    }
    if (t.source === ANY_STATE) {
      for (const s of graph.states) add(s.path, t.target);
      continue;
    }
    add(t.source, t.target);
    // Transitions of a compound state apply in every state inside it.
    for (const s of graph.states) if (s.path.startsWith(`${t.source}.`)) add(s.path, t.target);
  }
  for (const s of graph.states) {
    // Entering a parallel state enters each region.
    if (s.kind === 'parallel') s.children.forEach((c) => add(s.path, c));
    // A history state with no default of its own enters its parent as usual.
    if (s.kind === 'history' && !next.get(s.path)?.size && s.parent) add(s.path, s.parent);
  }
  return next;
}

/** States no transition leads to from the start, guards ignored. */
export function structurallyUnreachable(graph: WorkflowGraph): string[] {
  const next = successors(graph);
  const expanded = new Set<string>();
  const seen = new Set<string>();
  const start = graph.transitions.filter((t) => t.source === '#initial').map((t) => t.target);
  // A machine that is itself parallel has no initial marker: it starts in every top-level region.
  const queue = start.length ? start : graph.states.filter((s) => s.parent === null).map((s) => s.path);
  while (queue.length) {
    const path = queue.shift()!;
    if (expanded.has(path)) continue;
    expanded.add(path);
    // Being in a state means being in its parents.
    for (let p: string | null = path; p; p = graph.states.find((s) => s.path === p)?.parent ?? null) seen.add(p);
    for (const n of next.get(path) ?? []) queue.push(n);
  }
  return graph.states.filter((s) => !seen.has(s.path)).map((s) => s.path);
}

/** Atomic, non-final states that nothing leaves: no event, `always` or `after` arrow of theirs or of a parent goes elsewhere. */
export function deadEnds(graph: WorkflowGraph): string[] {
  return graph.states
    .filter((s) => s.kind === 'atomic')
    .filter((s) => {
      const scopes = new Set([s.path]);
      for (let p = s.parent; p; p = graph.states.find((x) => x.path === p)?.parent ?? null) scopes.add(p);
      return !graph.transitions.some((t) => t.kind !== 'initial' && t.kind !== 'done' && (scopes.has(t.source) || t.source === ANY_STATE) && t.target !== s.path);
    })
    .map((s) => s.path);
}

/**
 * States from which no path reaches a top-level final state (traps), guards ignored: atomic
 * states, and final states inside a compound state that has no `onDone` (reaching them ends
 * nothing, so the case stops there).
 */
export function noWayToEnd(graph: WorkflowGraph): string[] {
  const next = successors(graph);
  const ends = new Set(graph.states.filter((s) => s.kind === 'final' && s.parent === null).map((s) => s.path));
  const canEnd = new Set(ends);
  let changed = true;
  while (changed) {
    changed = false;
    for (const [from, tos] of next) {
      if (canEnd.has(from)) continue;
      if ([...tos].some((t) => canEnd.has(t))) {
        canEnd.add(from);
        changed = true;
      }
    }
  }
  return graph.states.filter((s) => (s.kind === 'atomic' || (s.kind === 'final' && s.parent !== null)) && !canEnd.has(s.path)).map((s) => s.path);
}
