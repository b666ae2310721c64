import type { AnyMachineSnapshot, AnyStateMachine, AnyStateNode } from 'xstate';
import type { ScenarioEvent } from './types.ts';

/** Prefix of the timer alias authors use in scenarios and on the command line: `after.<delay>`. */
export const AFTER_ALIAS = 'after.';
/** Prefix of the alias for "the invoked actor completed": `done.invoke.<actor>`. */
export const DONE_ALIAS = 'done.invoke.';
/** Prefix of the alias for "the invoked actor failed": `error.platform.<actor>`. */
export const ERROR_ALIAS = 'error.platform.';

/**
 * An event the machine raises for itself (a timer that runs out, an invoked actor that completes
 * or fails), under the name authors use for it. XState's own names carry state ids and invoke
 * counters (`xstate.done.actor.0.order.CancelOrder`); the alias does not.
 */
export interface InternalEvent {
  /** `after.appealPeriod`, `done.invoke.paymentCheck`, `error.platform.paymentCheck`. */
  alias: string;
  /** The type XState matches. */
  eventType: string;
  kind: 'after' | 'done' | 'error';
  /** The delay (name or milliseconds) or the actor's name. */
  name: string;
}

interface InvokeDef {
  id: string;
  src: unknown;
  onDone?: unknown;
  onError?: unknown;
}

/**
 * The name of an invoked actor: the `id` its author gave, else its `src` when that is a name,
 * else XState's own id.
 */
export function actorName(node: AnyStateNode, invoke: { id: string; src: unknown }, index: number): string {
  if (invoke.id !== `${index}.${node.id}`) return invoke.id;
  return typeof invoke.src === 'string' && !invoke.src.startsWith('xstate.invoke.') ? invoke.src : invoke.id;
}

/** The internal events a state node reacts to: its timers, and the end of what it invokes or spawns. */
export function internalEvents(node: AnyStateNode): InternalEvent[] {
  const out: InternalEvent[] = [];
  for (const t of node.after as { eventType: string; delay: string | number }[]) {
    out.push({ alias: `${AFTER_ALIAS}${t.delay}`, eventType: t.eventType, kind: 'after', name: String(t.delay) });
  }
  (node.invoke as InvokeDef[]).forEach((invoke, i) => {
    const name = actorName(node, invoke, i);
    if (invoke.onDone) out.push({ alias: `${DONE_ALIAS}${name}`, eventType: `xstate.done.actor.${invoke.id}`, kind: 'done', name });
    if (invoke.onError) out.push({ alias: `${ERROR_ALIAS}${name}`, eventType: `xstate.error.actor.${invoke.id}`, kind: 'error', name });
  });
  // A spawned actor's end is written as a transition on `xstate.done.actor.<its id>`.
  for (const type of (node.transitions as Map<string, unknown>).keys()) {
    const m = /^xstate\.(done|error)\.actor\.(.+)$/.exec(type);
    if (!m || out.some((e) => e.eventType === type)) continue;
    const kind = m[1] === 'done' ? 'done' : 'error';
    out.push({ alias: `${kind === 'done' ? DONE_ALIAS : ERROR_ALIAS}${m[2]}`, eventType: type, kind, name: m[2]! });
  }
  return out;
}

/** Active state nodes, deepest first (the order XState selects transitions in), the root last. */
function activeNodes(snapshot: AnyMachineSnapshot): AnyStateNode[] {
  const nodes = (snapshot as unknown as { _nodes?: AnyStateNode[] })._nodes ?? [];
  return [...new Set(nodes)].sort((a, b) => b.path.length - a.path.length);
}

/** Whether a type is one of the aliases (`after.…`, `done.invoke.…`, `error.platform.…`). */
export function isAlias(type: string): boolean {
  return type.startsWith(AFTER_ALIAS) || type.startsWith(DONE_ALIAS) || type.startsWith(ERROR_ALIAS);
}

/**
 * Turns an alias into the internal event XState expects from the active state that has it
 * (`after.evidenceDeadline` → `xstate.after.evidenceDeadline.<state id>`, `done.invoke.paymentCheck`
 * → `xstate.done.actor.paymentCheck`), so a scenario can say "the 60 days pass" or "the payment
 * check completes" without knowing XState's internal names. Any other event, and an alias no
 * active state has, is returned unchanged; the payload (an actor's `output`) is kept.
 * @param machine The machine (an event it knows by that name wins over the alias).
 * @param snapshot The current snapshot.
 * @param event The event to send.
 */
export function resolveEvent(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: ScenarioEvent): ScenarioEvent {
  if (!isAlias(event.type) || machine.events.includes(event.type)) return event;
  for (const node of activeNodes(snapshot)) {
    const found = internalEvents(node).find((e) => e.alias === event.type);
    if (found) return { ...event, type: found.eventType };
  }
  return event;
}

function collect(node: AnyStateNode): AnyStateNode[] {
  return [node, ...Object.values(node.states as Record<string, AnyStateNode>).flatMap(collect)];
}

/** Every internal event of a machine, in document order (the root's first). */
export function machineInternalEvents(machine: AnyStateMachine): InternalEvent[] {
  return collect(machine.root).flatMap(internalEvents);
}

/** The alias of an internal event (`xstate.after.evidenceDeadline.x.y` → `after.evidenceDeadline`), or undefined. */
export function aliasOf(machine: AnyStateMachine, eventType: string): string | undefined {
  if (!eventType.startsWith('xstate.')) return undefined;
  return machineInternalEvents(machine).find((e) => e.eventType === eventType)?.alias;
}

/** The name authors use for an event: its alias when it is internal, else the type itself. */
export function publicEvent(machine: AnyStateMachine, eventType: string): string {
  return aliasOf(machine, eventType) ?? eventType;
}
