import type { AnyMachineSnapshot, AnyStateMachine, AnyStateNode } from 'xstate';
import type { ScenarioEvent } from './types.ts';

/** Prefix of the timer alias authors may use in scenarios and on the command line: `after.<delay>`. */
export const AFTER_ALIAS = 'after.';

interface AfterTransition {
  eventType: string;
  delay: string | number;
}

/** Active state nodes, deepest first (the order XState selects transitions in). */
function activeNodes(snapshot: AnyMachineSnapshot): AnyStateNode[] {
  const nodes = (snapshot as unknown as { _nodes?: AnyStateNode[] })._nodes ?? [];
  return [...new Set(nodes)].sort((a, b) => b.path.length - a.path.length);
}

/**
 * Turns the timer alias `after.<delay name or ms>` into the internal event XState schedules for
 * the active state that has that timer (`xstate.after.evidenceDeadline.<state id>`), so a
 * scenario can say "the 60 days pass" without knowing XState's internal names. Any other event,
 * and an alias no active state has, is returned unchanged.
 * @param machine The machine (an event it knows by that name wins over the alias).
 * @param snapshot The current snapshot.
 * @param event The event to send.
 */
export function resolveEvent(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: ScenarioEvent): ScenarioEvent {
  if (!event.type.startsWith(AFTER_ALIAS) || machine.events.includes(event.type)) return event;
  const delay = event.type.slice(AFTER_ALIAS.length);
  for (const node of activeNodes(snapshot)) {
    const timer = (node.after as AfterTransition[]).find((t) => String(t.delay) === delay);
    if (timer) return { ...event, type: timer.eventType };
  }
  return event;
}

/** The alias of an internal timer event (`xstate.after.evidenceDeadline.x.y` → `after.evidenceDeadline`), or undefined. */
export function aliasOf(machine: AnyStateMachine, eventType: string): string | undefined {
  if (!eventType.startsWith('xstate.after.')) return undefined;
  for (const node of machine.root ? collect(machine.root) : []) {
    const timer = (node.after as AfterTransition[]).find((t) => t.eventType === eventType);
    if (timer) return `${AFTER_ALIAS}${timer.delay}`;
  }
  return undefined;
}

function collect(node: AnyStateNode): AnyStateNode[] {
  return [node, ...Object.values(node.states as Record<string, AnyStateNode>).flatMap(collect)];
}
