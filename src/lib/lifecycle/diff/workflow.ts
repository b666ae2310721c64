import type { GraphState, GraphTransition } from '../../workflow/graph.ts';
import type { MachineVersion } from './load-machine.ts';

/** One change to the workflow machine. */
export interface WorkflowChange {
  /** What changed: a state, its meta (step, title, role, forms), its time limit, an arrow, a guard's condition or a named delay. */
  what: 'state' | 'meta' | 'time-limit' | 'transition' | 'guard' | 'delay';
  kind: 'added' | 'removed' | 'changed';
  /** The state path, the arrow (`reception --declaration.checked [needsCorrection]--> verification`), the guard or delay name. */
  subject: string;
  from?: string;
  to?: string;
}

function describeState(s: GraphState): string {
  const meta = s.meta ?? {};
  return [meta.step, meta.title].filter(Boolean).join(' ') || s.key;
}

/** The trigger of an arrow: its event, timer, completion or `always`. */
function trigger(t: GraphTransition): string {
  if (t.kind === 'after') return `after ${t.delay ?? ''}`;
  if (t.kind === 'done') return 'when complete';
  if (t.kind === 'always') return 'always';
  if (t.kind === 'initial') return 'starts with';
  return t.event ?? '';
}

const condition = (t: GraphTransition) => t.guard ?? (t.otherwise ? 'otherwise' : '');
const source = (t: GraphTransition) => (t.kind === 'initial' ? t.source.replace(/#initial$/, '') || '(machine)' : t.source);

/** An arrow in one line: `reception --declaration.checked [needsCorrection]--> verification`. */
export function arrow(t: GraphTransition): string {
  const c = condition(t);
  return `${source(t)} --${trigger(t)}${c ? ` [${c}]` : ''}--> ${t.target}`;
}

function metaChanges(a: GraphState, b: GraphState): WorkflowChange[] {
  const out: WorkflowChange[] = [];
  const ma = a.meta ?? {};
  const mb = b.meta ?? {};
  for (const key of ['step', 'title', 'role'] as const) {
    if (ma[key] !== mb[key]) out.push({ what: 'meta', kind: 'changed', subject: `${b.path} ${key}`, from: String(ma[key] ?? '–'), to: String(mb[key] ?? '–') });
  }
  const forms = (m: typeof ma) => (Array.isArray(m.forms) ? m.forms.join(', ') : '');
  if (forms(ma) !== forms(mb)) out.push({ what: 'meta', kind: 'changed', subject: `${b.path} forms`, from: forms(ma) || '–', to: forms(mb) || '–' });
  if (ma.sla !== mb.sla) {
    const kind = ma.sla === undefined ? 'added' : mb.sla === undefined ? 'removed' : 'changed';
    out.push({ what: 'time-limit', kind, subject: b.path, ...(ma.sla === undefined ? {} : { from: ma.sla }), ...(mb.sla === undefined ? {} : { to: mb.sla }) });
  }
  return out;
}

/**
 * Arrows are matched by source, trigger and condition: the same arrow with another target is a
 * changed target; the same source, trigger and target with another condition is a changed guard.
 */
function transitionChanges(a: readonly GraphTransition[], b: readonly GraphTransition[]): WorkflowChange[] {
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
    if (x.kind === 'after' && x.label !== y.label) out.push({ what: 'time-limit', kind: 'changed', subject: arrow(y), from: x.label, to: y.label });
  });
  take((t) => `${source(t)}|${trigger(t)}|${condition(t)}`, (x, y) => out.push({ what: 'transition', kind: 'changed', subject: `${source(y)} --${trigger(y)}${condition(y) ? ` [${condition(y)}]` : ''}-->`, from: x.target, to: y.target }));
  take((t) => `${source(t)}|${trigger(t)}|${t.target}`, (x, y) => out.push({ what: 'guard', kind: 'changed', subject: `${source(y)} --${trigger(y)}--> ${y.target}`, from: condition(x) || 'no condition', to: condition(y) || 'no condition' }));
  out.push(...left.map((t): WorkflowChange => ({ what: 'transition', kind: 'removed', subject: arrow(t) })));
  out.push(...right.map((t): WorkflowChange => ({ what: 'transition', kind: 'added', subject: arrow(t) })));
  return out;
}

function implementationChanges(what: 'guard' | 'delay', a: Record<string, string>, b: Record<string, string>): WorkflowChange[] {
  const out: WorkflowChange[] = [];
  for (const name of Object.keys(a)) if (!(name in b)) out.push({ what, kind: 'removed', subject: name });
  for (const [name, code] of Object.entries(b)) {
    if (!(name in a)) out.push({ what, kind: 'added', subject: name });
    else if (a[name] !== code) out.push({ what, kind: 'changed', subject: name, ...(what === 'delay' ? { from: a[name], to: code } : { from: 'its condition', to: 'a new condition' }) });
  }
  return out;
}

/**
 * What changed between two versions of a workflow machine: states added or removed, their meta and
 * time limits, arrows added, removed or re-targeted, conditions on arrows, the code of named guards
 * and the values of named delays.
 * @param a The older machine.
 * @param b The newer machine.
 */
export function workflowChanges(a: MachineVersion, b: MachineVersion): WorkflowChange[] {
  const out: WorkflowChange[] = [];
  const before = new Map(a.graph.states.map((s) => [s.path, s]));
  const after = new Map(b.graph.states.map((s) => [s.path, s]));
  for (const [path, s] of before) if (!after.has(path)) out.push({ what: 'state', kind: 'removed', subject: path, from: describeState(s) });
  for (const [path, s] of after) {
    const old = before.get(path);
    if (!old) out.push({ what: 'state', kind: 'added', subject: path, to: describeState(s) });
    else out.push(...metaChanges(old, s));
  }
  out.push(...transitionChanges(a.graph.transitions, b.graph.transitions));
  out.push(...implementationChanges('guard', a.guards, b.guards));
  out.push(...implementationChanges('delay', a.delays, b.delays));
  return out;
}
