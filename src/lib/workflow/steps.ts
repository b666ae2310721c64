import { stateTitle } from './boxes.ts';
import { ANY_STATE, findState, type GraphState, type GraphTransition, type WorkflowGraph } from './graph.ts';
import type { LayoutEdgeKind } from './layout-model.ts';

/** Where a transition leads, in words. */
export interface NextStep {
  /** `declaration checked [needs correction]`; `starts with` for the first state of a compound state. */
  label: string;
  kind: LayoutEdgeKind;
  /** The XState event type, for events and timers. */
  event?: string;
  target: string;
  targetTitle: string;
  targetStep?: string;
}

/** One row of the procedure table: a state with its meta and where it can go. */
export interface StepRow {
  path: string;
  kind: GraphState['kind'];
  depth: number;
  parent: string | null;
  step?: string;
  title: string;
  role?: string;
  roleTitle?: string;
  sla?: string;
  forms: string[];
  next: NextStep[];
  /** Child rows (compound and parallel states), in the order they are written. */
  children: StepRow[];
}

function nextOf(graph: WorkflowGraph, transition: GraphTransition): NextStep {
  const target = findState(graph, transition.target);
  return {
    label: transition.kind === 'initial' ? 'starts with' : transition.label,
    kind: transition.kind,
    ...(transition.event ? { event: transition.event } : {}),
    target: transition.target,
    targetTitle: target ? stateTitle(target) : transition.target,
    ...(target?.meta?.step ? { targetStep: target.meta.step } : {}),
  };
}

/**
 * The states of a machine as procedure rows, nested as the machine nests them, in the order they
 * are written: the step table, the diagram's text alternative and the handbook all read this.
 * History states are not steps (an arrow into one reads "… (resumed)"); transitions written on
 * the machine itself come first, as a row of their own ("At any step").
 * @param graph The machine's graph.
 * @param roleTitle Title of a role id (content/roles.yaml).
 */
export function stepRows(graph: WorkflowGraph, roleTitle: (role: string) => string | undefined = () => undefined): StepRow[] {
  const rows = new Map<string, StepRow>();
  const top: StepRow[] = [];
  if (graph.anyTitle) {
    const next = graph.transitions.filter((t) => t.source === ANY_STATE).map((t) => nextOf(graph, t));
    top.push({ path: ANY_STATE, kind: 'atomic', depth: 0, parent: null, title: graph.anyTitle, forms: [], next, children: [] });
  }
  for (const state of graph.states) {
    if (state.kind === 'history') continue;
    const meta = state.meta ?? {};
    const role = typeof meta.role === 'string' ? meta.role : undefined;
    const title = role ? roleTitle(role) : undefined;
    const row: StepRow = {
      path: state.path,
      kind: state.kind,
      depth: state.depth,
      parent: state.parent,
      ...(typeof meta.step === 'string' ? { step: meta.step } : {}),
      title: stateTitle(state),
      ...(role ? { role } : {}),
      ...(title ? { roleTitle: title } : {}),
      ...(typeof meta.sla === 'string' ? { sla: meta.sla } : {}),
      forms: Array.isArray(meta.forms) ? meta.forms.filter((f): f is string => typeof f === 'string') : [],
      next: graph.transitions
        .filter((t) => (t.kind === 'initial' ? t.source === `${state.path}#initial` : t.source === state.path))
        .map((t) => nextOf(graph, t)),
      children: [],
    };
    rows.set(state.path, row);
    if (state.parent === null) top.push(row);
    else rows.get(state.parent)?.children.push(row);
  }
  return top;
}

/** Every row, depth first (a parent before its children). */
export function flattenRows(rows: readonly StepRow[]): StepRow[] {
  return rows.flatMap((r) => [r, ...flattenRows(r.children)]);
}

/** Compares dotted section numbers numerically: `6.9` < `6.10`; a missing number sorts last. */
export function compareSteps(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

/**
 * The rows of the procedure table: every state, ordered by its SOP section (then as written),
 * so the table reads in the order of the text.
 */
export function procedureTable(rows: readonly StepRow[]): StepRow[] {
  const flat = flattenRows(rows);
  return flat.map((row, i) => ({ row, i })).sort((a, b) => compareSteps(a.row.step, b.row.step) || a.i - b.i).map((x) => x.row);
}
