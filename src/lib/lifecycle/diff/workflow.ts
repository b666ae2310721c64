import { stateTitle } from '../../workflow/boxes.ts';
import { ANY_STATE, findState, type GraphState, type GraphTransition, type WorkflowGraph } from '../../workflow/graph.ts';
import { humanise, humaniseDuration } from '../../workflow/humanise.ts';
import type { MachineVersion } from './load-machine.ts';

/**
 * One change to the workflow machine, named as the step table names steps and events: a step by
 * its number and title, an arrow by the step it leaves, its event in words and the step it leads
 * to. The machine's own names are kept beside them for authors (`ids`).
 */
export interface WorkflowChange {
  /** What changed: a state, its meta (step, title, role, forms), its time limit, an arrow, a guard's condition or a named delay. */
  what: 'state' | 'meta' | 'time-limit' | 'transition' | 'guard' | 'delay';
  kind: 'added' | 'removed' | 'changed';
  /**
   * In words: the step (`6.6 Refusal notified`), the arrow (`6.6 Supervisor decides: supervisor
   * rejected » 6.6 Refusal notified`), the condition (`is delayed`) or delay (`appeal period`).
   */
  subject: string;
  /** For a change of a step's details: which detail. */
  field?: 'step' | 'title' | 'role' | 'forms';
  from?: string;
  to?: string;
  /** The machine's own names: the state path, the arrow (`reception --declaration.checked [needsCorrection]--> verification`), the guard or delay name. */
  ids: string;
}

/** Options of `workflowChanges`. */
export interface WorkflowChangeOptions {
  /** Title of a role id (content/roles.yaml); the id when absent. */
  roleTitle?: (role: string) => string | undefined;
}

/** A step as the step table and the SOP name it: its number and title (`6.6 Refusal notified`). */
export const stepName = (step: string | undefined, title: string) => (step ? `${step} ${title}` : title);

/** The trigger of an arrow in the machine's names: its event, timer, completion or `always`. */
function trigger(t: GraphTransition): string {
  if (t.kind === 'after') return `after ${t.delay ?? ''}`;
  if (t.kind === 'done') return 'when complete';
  if (t.kind === 'always') return 'always';
  if (t.kind === 'initial') return 'starts with';
  return t.event ?? '';
}

const condition = (t: GraphTransition) => t.guard ?? (t.otherwise ? 'otherwise' : '');
const source = (t: GraphTransition) => (t.kind === 'initial' ? t.source.replace(/#initial$/, '') || '(machine)' : t.source);

/** An arrow in one line, in the machine's names: `reception --declaration.checked [needsCorrection]--> verification`. */
export function arrow(t: GraphTransition): string {
  const c = condition(t);
  return `${source(t)} --${trigger(t)}${c ? ` [${c}]` : ''}--> ${t.target}`;
}

/** Names in words, from one version's graph. */
class Names {
  constructor(private readonly graph: WorkflowGraph) {}

  /** A state by its step number and title (`6.6 Refusal notified`). */
  state(path: string): string {
    if (path === ANY_STATE) return this.graph.anyTitle ?? 'At any step';
    const s = findState(this.graph, path);
    return s ? stateName(s) : humanise(path);
  }

  /** Where an arrow starts: a state, or the compound state (or the machine) it starts. */
  source(t: GraphTransition): string {
    if (t.kind !== 'initial') return this.state(t.source);
    const region = t.source.replace(/#initial$/, '');
    return region ? this.state(region) : '';
  }

  /** An arrow: `6.6 Supervisor decides: supervisor rejected » 6.6 Refusal notified`. */
  arrow(t: GraphTransition): string {
    const from = this.source(t);
    return `${from ? `${from}: ` : ''}${label(t)} » ${this.state(t.target)}`;
  }
}

const stateName = (s: GraphState) => stepName(typeof s.meta?.step === 'string' ? s.meta.step : undefined, stateTitle(s));

/** An arrow's event and condition in words, as the step table's "Next steps" say it. */
const label = (t: GraphTransition) => (t.kind === 'initial' ? 'starts with' : t.label);
/** The event alone, in words (`supervisor rejected`, `after 30 days`, `at once`). */
const eventWords = (t: GraphTransition) => (t.kind === 'initial' ? 'starts with' : (t.eventLabel ?? (t.guardLabel ? t.label.slice(0, Math.max(0, t.label.lastIndexOf('['))).trim() : t.label)) || 'at once');
/** The condition alone, in words. */
const conditionWords = (t: GraphTransition) => t.guardLabel ?? (t.otherwise ? 'otherwise' : 'no condition');

function metaChanges(a: GraphState, b: GraphState, names: Names, o: WorkflowChangeOptions): WorkflowChange[] {
  const out: WorkflowChange[] = [];
  const ma = a.meta ?? {};
  const mb = b.meta ?? {};
  const subject = names.state(b.path);
  const role = (id: unknown) => (typeof id === 'string' ? (o.roleTitle?.(id) ?? id) : '–');
  for (const key of ['step', 'title', 'role'] as const) {
    if (ma[key] === mb[key]) continue;
    const [from, to] = key === 'role' ? [role(ma.role), role(mb.role)] : [String(ma[key] ?? '–'), String(mb[key] ?? '–')];
    out.push({ what: 'meta', kind: 'changed', subject, field: key, from, to, ids: `${b.path} ${key}` });
  }
  const forms = (m: typeof ma) => (Array.isArray(m.forms) ? m.forms.join(', ') : '');
  if (forms(ma) !== forms(mb)) out.push({ what: 'meta', kind: 'changed', subject, field: 'forms', from: forms(ma) || '–', to: forms(mb) || '–', ids: `${b.path} forms` });
  if (ma.sla !== mb.sla) {
    const kind = ma.sla === undefined ? 'added' : mb.sla === undefined ? 'removed' : 'changed';
    out.push({ what: 'time-limit', kind, subject, ...(ma.sla === undefined ? {} : { from: ma.sla }), ...(mb.sla === undefined ? {} : { to: mb.sla }), ids: b.path });
  }
  return out;
}

/**
 * Arrows are matched by source, trigger and condition: the same arrow with another target is a
 * changed target; the same source, trigger and target with another condition is a changed guard.
 */
function transitionChanges(a: readonly GraphTransition[], b: readonly GraphTransition[], before: Names, after: Names): WorkflowChange[] {
  const out: WorkflowChange[] = [];
  const left = [...a];
  let right = [...b];
  const take = (key: (t: GraphTransition) => string, found: (x: GraphTransition, y: GraphTransition) => void) => {
    const rest: GraphTransition[] = [];
    for (const y of right) {
      const i = left.findIndex((x) => key(x) === key(y));
      if (i < 0) rest.push(y);
      else {
        found(left[i]!, y);
        left.splice(i, 1);
      }
    }
    right = rest;
  };
  take(arrow, (x, y) => {
    if (x.kind === 'after' && x.label !== y.label) out.push({ what: 'time-limit', kind: 'changed', subject: `${after.source(y)} » ${after.state(y.target)}`, from: x.label, to: y.label, ids: arrow(y) });
  });
  take(
    (t) => `${source(t)}|${trigger(t)}|${condition(t)}`,
    (x, y) => out.push({ what: 'transition', kind: 'changed', subject: `${after.source(y)}: ${label(y)}`, from: before.state(x.target), to: after.state(y.target), ids: `${source(y)} --${trigger(y)}${condition(y) ? ` [${condition(y)}]` : ''}-->` }),
  );
  take(
    (t) => `${source(t)}|${trigger(t)}|${t.target}`,
    (x, y) => out.push({ what: 'guard', kind: 'changed', subject: `${after.source(y)}: ${eventWords(y)} » ${after.state(y.target)}`, from: conditionWords(x), to: conditionWords(y), ids: `${source(y)} --${trigger(y)}--> ${y.target}` }),
  );
  out.push(...left.map((t): WorkflowChange => ({ what: 'transition', kind: 'removed', subject: before.arrow(t), ids: arrow(t) })));
  out.push(...right.map((t): WorkflowChange => ({ what: 'transition', kind: 'added', subject: after.arrow(t), ids: arrow(t) })));
  return out;
}

/** A named guard in words, as the arrows that use it say it (`is delayed`); its name humanised otherwise. */
function guardWords(name: string, graphs: readonly WorkflowGraph[]): string {
  for (const g of graphs) {
    const used = g.transitions.find((t) => t.guard === name && t.guardLabel);
    if (used) return used.guardLabel!;
  }
  return humanise(name);
}

/** A delay's value in words: milliseconds as a length (`30 days`), code as it is. */
const delayValue = (value: string | undefined) => (value !== undefined && /^\d+$/.test(value) ? humaniseDuration(Number(value)) : value);

function implementationChanges(what: 'guard' | 'delay', a: Record<string, string>, b: Record<string, string>, graphs: readonly WorkflowGraph[]): WorkflowChange[] {
  const out: WorkflowChange[] = [];
  const words = (name: string) => (what === 'guard' ? guardWords(name, graphs) : humanise(name));
  // A delay added or removed says its length when it is a number.
  const length = (value: string | undefined) => (what === 'delay' && value !== undefined && /^\d+$/.test(value) ? humaniseDuration(Number(value)) : undefined);
  for (const name of Object.keys(a)) {
    const from = length(a[name]);
    if (!(name in b)) out.push({ what, kind: 'removed', subject: words(name), ...(from ? { from } : {}), ids: name });
  }
  for (const [name, code] of Object.entries(b)) {
    const to = length(code);
    if (!(name in a)) out.push({ what, kind: 'added', subject: words(name), ...(to ? { to } : {}), ids: name });
    else if (a[name] !== code) out.push({ what, kind: 'changed', subject: words(name), ...(what === 'delay' ? { from: delayValue(a[name]), to: delayValue(code) } : { from: 'its condition', to: 'a new condition' }), ids: name });
  }
  return out;
}

/**
 * What changed between two versions of a workflow machine: states added or removed, their meta and
 * time limits, arrows added, removed or re-targeted, conditions on arrows, the code of named guards
 * and the values of named delays; each named in words (steps by number and title, events and
 * conditions as the step table says them), with the machine's names in `ids`.
 * @param a The older machine.
 * @param b The newer machine.
 * @param options Role titles.
 */
export function workflowChanges(a: MachineVersion, b: MachineVersion, options: WorkflowChangeOptions = {}): WorkflowChange[] {
  const out: WorkflowChange[] = [];
  const [before, after] = [new Names(a.graph), new Names(b.graph)];
  const old = new Map(a.graph.states.map((s) => [s.path, s]));
  const now = new Map(b.graph.states.map((s) => [s.path, s]));
  for (const path of old.keys()) if (!now.has(path)) out.push({ what: 'state', kind: 'removed', subject: before.state(path), ids: path });
  for (const [path, s] of now) {
    const was = old.get(path);
    if (!was) out.push({ what: 'state', kind: 'added', subject: after.state(path), ids: path });
    else out.push(...metaChanges(was, s, after, options));
  }
  out.push(...transitionChanges(a.graph.transitions, b.graph.transitions, before, after));
  out.push(...implementationChanges('guard', a.guards, b.guards, [b.graph, a.graph]));
  out.push(...implementationChanges('delay', a.delays, b.delays, [b.graph, a.graph]));
  return out;
}
