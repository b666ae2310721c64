import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { delayLabel, humanise } from './humanise.ts';
import type { LayoutEdgeKind } from './layout-model.ts';
import type { StepMeta, WorkflowModule } from './types.ts';

/** A state of the machine, as the diagram, the step table and the checks see it. */
export interface GraphState {
  /** Key path from the root, dots between levels: `adjudication.review`. */
  path: string;
  key: string;
  /** Path of the parent state; null at the top level. */
  parent: string | null;
  kind: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  depth: number;
  /** `meta` as written (possibly incomplete: the checker says what is missing). */
  meta: Partial<StepMeta> | undefined;
  /** Child paths, in the order they are written. */
  children: string[];
  /** The StateNode itself, for code that needs XState's view. */
  node: AnyStateNode;
}

/** One arrow of the diagram. */
export interface GraphTransition {
  /** Stable id, unique in the machine: `<source>:<event key>:<n>`. */
  id: string;
  /** Source state path, or an initial marker id (`<region>#initial`). */
  source: string;
  /** Target state path. */
  target: string;
  kind: LayoutEdgeKind;
  /** The event type XState matches (internal names for `after` and `done`); absent for `always` and `initial`. */
  event?: string;
  /** Guard as a readable expression of guard names (`not fraudSuspected`), when there is one. */
  guard?: string;
  /** Delay name or milliseconds, for `after`. */
  delay?: string;
  /** True for the unguarded fallback after guarded alternatives of the same event (`[otherwise]`). */
  otherwise: boolean;
  /** `event [guard]`, in words. */
  label: string;
  /** The event alone, in words (`declaration checked`), for events and timers. */
  eventLabel?: string;
  /** The guard alone, in words (`is late`), when there is one. */
  guardLabel?: string;
}

/** The machine as a graph: states in document order (parents before children) and arrows. */
export interface WorkflowGraph {
  machineId: string;
  states: GraphState[];
  transitions: GraphTransition[];
}

/** Path of a state node from the root (`''` for the root). */
export function pathOf(node: AnyStateNode): string {
  return node.path.join('.');
}

/** Id of the initial marker of a region (`#initial` for the machine's own). */
export function initialMarkerId(regionPath: string): string {
  return `${regionPath}#initial`;
}

/**
 * A guard as readable names: a named guard is its name; `not`, `and`, `or` combinators spell
 * themselves out; an inline function is its function name, or "condition".
 */
export function guardName(guard: unknown): string | undefined {
  if (guard === undefined || guard === null) return undefined;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && 'type' in guard) return String((guard as { type: unknown }).type);
  if (typeof guard === 'function') {
    const fn = guard as { name?: string; guards?: unknown[]; stateValue?: unknown };
    if (Array.isArray(fn.guards)) {
      const parts = fn.guards.map((g) => guardName(g) ?? 'condition');
      if (fn.name === 'not') return `not ${parts[0] ?? 'condition'}`;
      return parts.join(fn.name === 'or' ? ' or ' : ' and ');
    }
    if (fn.name === 'stateIn') return `in ${JSON.stringify(fn.stateValue ?? '')}`;
    return fn.name && fn.name !== 'guard' ? fn.name : 'condition';
  }
  return 'condition';
}

/** Words for names: the module's `labels`, else the humanised name. */
export type Words = (name: string) => string;

/** The `words` function of a module's `labels`. */
export function wordsOf(labels: Readonly<Record<string, string>> = {}): Words {
  return (name) => labels[name] ?? humanise(name);
}

/** A guard expression in words: `not fraudSuspected` → `not fraud suspected`. */
export function guardLabel(guard: string, words: Words = humanise): string {
  return guard
    .split(' ')
    .map((w) => (w === 'not' || w === 'and' || w === 'or' ? w : words(w)))
    .join(' ');
}

function kindOf(node: AnyStateNode): GraphState['kind'] {
  return node.type as GraphState['kind'];
}

function delayValue(machine: AnyStateMachine, delay: string | number): number | undefined {
  if (typeof delay === 'number') return delay;
  const impl = (machine.implementations.delays as Record<string, unknown> | undefined)?.[delay];
  return typeof impl === 'number' ? impl : undefined;
}

interface RawTransition {
  eventType: string;
  guard?: unknown;
  target?: readonly AnyStateNode[] | undefined;
  delay?: string | number;
}

function edgesOf(machine: AnyStateMachine, node: AnyStateNode, words: Words, labels: Readonly<Record<string, string>>): GraphTransition[] {
  const source = pathOf(node);
  const out: GraphTransition[] = [];
  const groups: [string, RawTransition[], LayoutEdgeKind][] = [];
  for (const [eventType, list] of node.transitions as Map<string, RawTransition[]>) {
    const kind: LayoutEdgeKind = eventType.startsWith('xstate.after.') ? 'after' : eventType.startsWith('xstate.done.state.') ? 'done' : 'event';
    groups.push([eventType, list, kind]);
  }
  if (node.always?.length) groups.push(['', node.always as RawTransition[], 'always']);
  for (const [eventType, list, kind] of groups) {
    const anyGuarded = list.some((t) => t.guard);
    list.forEach((t, i) => {
      const guard = guardName(t.guard);
      const otherwise = !guard && anyGuarded;
      const delay = t.delay === undefined ? undefined : String(t.delay);
      const head =
        kind === 'event' ? words(eventType)
        : kind === 'after' ? delayLabel(t.delay ?? '', delayValue(machine, t.delay ?? ''), labels)
        : kind === 'done' ? (labels['when complete'] ?? 'when complete')
        : '';
      const guardWords = guard ? guardLabel(guard, words) : undefined;
      const condition = guardWords ? `[${guardWords}]` : otherwise ? `[${labels.otherwise ?? 'otherwise'}]` : '';
      const label = [head, condition].filter(Boolean).join(' ') || (kind === 'always' ? 'at once' : '');
      const key = kind === 'event' ? eventType : kind === 'after' ? `after.${delay}` : kind;
      // A transition without a target handles the event in place: draw it as a loop.
      const targets = t.target?.length ? t.target : [node];
      targets.forEach((target, j) => {
        out.push({
          id: `${source}:${key}:${i}${targets.length > 1 ? `.${j}` : ''}`,
          source,
          target: pathOf(target),
          kind,
          ...(kind === 'always' ? {} : { event: eventType }),
          ...(guard ? { guard } : {}),
          ...(delay === undefined ? {} : { delay }),
          otherwise,
          label,
          ...(head && (kind === 'event' || kind === 'after') ? { eventLabel: head } : {}),
          ...(guardWords ? { guardLabel: guardWords } : {}),
        });
      });
    });
  }
  return out;
}

/**
 * Walks `machine.root` (not `toDirectedGraph`, which drops `always` edges and guard names):
 * every state with its meta, and every arrow — events, `always`, `after`, `onDone` and the
 * initial markers of the machine and of each compound state — labelled `event [guard]` in words.
 * @param machine The machine.
 * @param labels The module's `labels` (words for event and guard names), if any.
 */
export function buildGraph(machine: AnyStateMachine, labels: Readonly<Record<string, string>> = {}): WorkflowGraph {
  const words = wordsOf(labels);
  const states: GraphState[] = [];
  const transitions: GraphTransition[] = [];
  const visit = (node: AnyStateNode, parent: string | null, depth: number, regionPath: string) => {
    const children = Object.values(node.states) as AnyStateNode[];
    const path = pathOf(node);
    if (node.parent) {
      states.push({ path, key: node.key, parent, kind: kindOf(node), depth, meta: node.meta as Partial<StepMeta> | undefined, children: children.map(pathOf), node });
    }
    if (node.type === 'compound' && node.initial?.target?.length) {
      const marker = initialMarkerId(regionPath);
      for (const target of node.initial.target as AnyStateNode[]) {
        transitions.push({ id: `${marker}:initial:0`, source: marker, target: pathOf(target), kind: 'initial', otherwise: false, label: '' });
      }
    }
    if (node.parent) transitions.push(...edgesOf(machine, node, words, labels));
    for (const child of children) visit(child, node.parent ? path : null, node.parent ? depth + 1 : 0, pathOf(child));
  };
  visit(machine.root, null, 0, '');
  return { machineId: machine.id, states, transitions };
}

/** The graph of a loaded workflow module, with its `labels`. */
export function graphOf(loaded: { module: Pick<WorkflowModule, 'machine' | 'labels'> }): WorkflowGraph {
  return buildGraph(loaded.module.machine, loaded.module.labels);
}

/** The state at a path, if any. */
export function findState(graph: WorkflowGraph, path: string): GraphState | undefined {
  return graph.states.find((s) => s.path === path);
}
