import { createHash } from 'node:crypto';
import { stateTitle } from './boxes.ts';
import { publicEvent } from './events.ts';
import type { WorkflowGraph } from './graph.ts';
import { humanise } from './humanise.ts';
import type { LoadedWorkflow } from './load.ts';
import { startSnapshot } from './run.ts';
import type { CaseField, Scenario } from './types.ts';

/** A transition the trainee can fire: an event, a timer, or the end of an invoked actor. */
export interface SimTransition {
  /** The event type to send; for timers and invoked actors the alias (`after.appealPeriod`, `done.invoke.paymentCheck`). */
  event: string;
  kind: 'event' | 'after' | 'invoke';
  /** `declaration checked`, `after evidence deadline (60 days)`, `payment check completes`: the button's text. */
  label: string;
  /** The guard in words, when there is one: the reason shown when the button is disabled. */
  guard?: string;
  target: string;
}

/** What the simulator shows about a state. */
export interface SimState {
  title: string;
  step?: string;
  /** Anchor of the SOP section `step`, on the same page. */
  anchor?: string;
  roleTitle?: string;
  final: boolean;
}

/** Everything the simulator needs besides the machine itself, embedded in the page as JSON. */
export interface SimData {
  id: string;
  /** Changes when the machine or its scenarios change: a saved position from another version is dropped. */
  fingerprint: string;
  states: Record<string, SimState>;
  /**
   * Transitions by source state path (events, timers, ends of invoked actors; not `always`,
   * `done` or initial); those written on the machine itself under `#any`.
   */
  transitions: Record<string, SimTransition[]>;
  scenarios: Scenario[];
  caseFields: CaseField[];
  /** The case data a free run starts with (the machine's defaults). */
  defaults: Record<string, unknown>;
  /** UI strings in the page's language. */
  strings: Record<string, string>;
}

const isDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * The case-data fields: the module's `caseFields`, or, when it has none, one field per key that
 * the scenarios' inputs set (every primitive of the context when there are no scenarios), typed
 * from the values.
 */
export function caseFieldsOf(loaded: LoadedWorkflow, defaults: Record<string, unknown>): CaseField[] {
  if (loaded.module.caseFields?.length) return loaded.module.caseFields;
  const keys = new Set(loaded.module.scenarios.flatMap((s) => Object.keys(s.input)));
  const source = keys.size ? [...keys] : Object.keys(defaults);
  return source.flatMap((id): CaseField[] => {
    const sample = defaults[id] ?? loaded.module.scenarios.map((s) => s.input[id]).find((v) => v !== undefined);
    const label = humanise(id).replace(/^./, (c) => c.toUpperCase());
    if (typeof sample === 'boolean') return [{ id, label, type: 'boolean' }];
    if (typeof sample === 'number') return [{ id, label, type: 'number' }];
    if (isDate(sample) || /date/i.test(id)) return [{ id, label, type: 'date' }];
    if (typeof sample === 'string') return [{ id, label, type: 'text' }];
    return [];
  });
}

/**
 * Builds the simulator's data for a workflow.
 * @param loaded The workflow module.
 * @param graph Its graph.
 * @param options Role titles, section anchors of the SOP page and UI strings.
 */
export function simData(
  loaded: LoadedWorkflow,
  graph: WorkflowGraph,
  options: { roleTitle: (role: string) => string | undefined; anchor: (step: string) => string | undefined; strings: Record<string, string> },
): SimData {
  const states: Record<string, SimState> = {};
  for (const s of graph.states) {
    const step = typeof s.meta?.step === 'string' ? s.meta.step : undefined;
    const role = typeof s.meta?.role === 'string' ? s.meta.role : undefined;
    const anchor = step ? options.anchor(step) : undefined;
    const roleTitle = role ? (options.roleTitle(role) ?? humanise(role)) : undefined;
    states[s.path] = { title: stateTitle(s), final: s.kind === 'final', ...(step ? { step } : {}), ...(anchor ? { anchor } : {}), ...(roleTitle ? { roleTitle } : {}) };
  }
  const transitions: Record<string, SimTransition[]> = {};
  for (const t of graph.transitions) {
    if ((t.kind !== 'event' && t.kind !== 'after' && t.kind !== 'invoke') || !t.event) continue;
    const list = (transitions[t.source] ??= []);
    const event = t.alias ?? t.event;
    list.push({ event, kind: t.kind, label: t.eventLabel ?? humanise(event), target: t.target, ...(t.guardLabel ? { guard: t.guardLabel } : {}) });
  }
  // Scenario steps name events as the buttons send them, so the page compares plain strings.
  const { machine } = loaded.module;
  const scenarios = loaded.module.scenarios.map((sc) => ({ ...sc, steps: sc.steps.map((st) => ({ ...st, event: { ...st.event, type: publicEvent(machine, st.event.type) } })) }));
  let defaults: Record<string, unknown> = {};
  try {
    defaults = { ...(startSnapshot(loaded.module.machine, {}).context as Record<string, unknown>) };
  } catch {
    // A machine whose context needs input has no defaults; the scenarios give the data.
  }
  const primitive = Object.fromEntries(Object.entries(defaults).filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v)));
  const caseFields = caseFieldsOf(loaded, primitive);
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([graph.states.map((s) => s.path), graph.transitions.map((t) => [t.id, t.target, t.label]), scenarios]))
    .digest('hex')
    .slice(0, 16);
  return { id: loaded.id, fingerprint, states, transitions, scenarios, caseFields, defaults: primitive, strings: options.strings };
}
