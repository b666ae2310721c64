import { createHash } from 'node:crypto';
import { stateTitle } from './boxes.ts';
import type { WorkflowLabels } from '../../schemas/translation.ts';
import { publicEvent } from './events.ts';
import { graphOf, type WorkflowGraph } from './graph.ts';
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
  /** The page's language: numbers and plural forms in the script follow it. */
  lang: string;
  /** UI strings in the page's language. */
  strings: Record<string, string>;
  /** UI strings with a count, every plural form of the page's language (chosen with `Intl.PluralRules`). */
  plurals: Record<string, Partial<Record<Intl.LDMLPluralRule, string>>>;
}

/** What the page gives besides the machine: its language's words and the SOP page's links. */
export interface SimOptions {
  roleTitle: (role: string) => string | undefined;
  anchor: (step: string) => string | undefined;
  /** The page's language. */
  lang?: string;
  strings: Record<string, string>;
  plurals?: SimData['plurals'];
  /** The language's labels file: scenario titles and stories, case field labels, help and choices. */
  labels?: WorkflowLabels;
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

/** Case fields in a language's words (label, help, choices), each falling back to the machine's. */
function fieldsIn(fields: CaseField[], words: WorkflowLabels['fields'] | undefined): CaseField[] {
  if (!words) return fields;
  return fields.map((f) => {
    const w = words[f.id];
    if (!w) return f;
    const options = f.options?.map((o) => ({ ...o, label: w.options?.[o.value] ?? o.label }));
    return { ...f, label: w.label, ...(w.help ? { help: w.help } : {}), ...(options ? { options } : {}) };
  });
}

/**
 * Builds the simulator's data for a workflow.
 * @param loaded The workflow module.
 * @param graph Its graph, in the page's language (`graphIn`).
 * @param options Role titles, section anchors of the SOP page, the language's words and UI strings.
 */
export function simData(loaded: LoadedWorkflow, graph: WorkflowGraph, options: SimOptions): SimData {
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
  // Scenario steps name events as the buttons send them, so the page compares plain strings. A
  // scenario's `assumes` lines are for the check, not the page.
  const { machine } = loaded.module;
  const scenarios = loaded.module.scenarios.map(({ assumes: _assumes, ...sc }) => ({ ...sc, steps: sc.steps.map((st) => ({ ...st, event: { ...st.event, type: publicEvent(machine, st.event.type) } })) }));
  const told = options.labels?.scenarios;
  const shown = told ? scenarios.map((sc) => ({ ...sc, title: told[sc.id]?.title ?? sc.title, description: told[sc.id]?.description ?? sc.description })) : scenarios;
  let defaults: Record<string, unknown> = {};
  try {
    defaults = { ...(startSnapshot(loaded.module.machine, {}).context as Record<string, unknown>) };
  } catch {
    // A machine whose context needs input has no defaults; the scenarios give the data.
  }
  const primitive = Object.fromEntries(Object.entries(defaults).filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v)));
  const caseFields = fieldsIn(caseFieldsOf(loaded, primitive), options.labels?.fields);
  // From the machine's own words, so a position saved on one language's page resumes on another's.
  const source = options.labels ? graphOf(loaded) : graph;
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([source.states.map((s) => s.path), source.transitions.map((t) => [t.id, t.target, t.label]), scenarios]))
    .digest('hex')
    .slice(0, 16);
  return { id: loaded.id, fingerprint, states, transitions, scenarios: shown, caseFields, defaults: primitive, lang: options.lang ?? 'en', strings: options.strings, plurals: options.plurals ?? {} };
}
