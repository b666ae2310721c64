import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { internalEvents } from './events.ts';
import { guardName, guardText, type Words, wordsOf } from './guard-words.ts';
import { paramTextOfMs } from '../params/runtime.ts';
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
  /** For a history state: `shallow` (drawn H: back to the child that was active) or `deep` (H*: to the exact nested state). */
  history?: 'shallow' | 'deep';
  /**
   * Words for a state that has no `meta.title` of its own, where its key would not do: a history
   * state says what it resumes (`Interview (resumed)`).
   */
  fallbackTitle?: string;
  /** The StateNode itself, for code that needs XState's view. */
  node: AnyStateNode;
}

/** One arrow of the diagram. */
export interface GraphTransition {
  /** Stable id, unique in the machine: `<source>:<event key>:<n>`. */
  id: string;
  /**
   * Source state path; an initial marker id (`<region>#initial`); or `#any` for a transition
   * written on the machine itself, which applies in every state.
   */
  source: string;
  /** Target state path. */
  target: string;
  kind: LayoutEdgeKind;
  /** The event type XState matches (internal names for `after`, `done` and invoked actors); absent for `always` and `initial`. */
  event?: string;
  /**
   * The name authors use for an internal event, in scenarios and on the command line:
   * `after.appealPeriod`, `done.invoke.paymentCheck`, `error.platform.paymentCheck`.
   */
  alias?: string;
  /** Guard as a readable expression of guard names (`not fraudSuspected`), when there is one. */
  guard?: string;
  /** Delay name or milliseconds, for `after`. */
  delay?: string;
  /** True for the unguarded fallback after guarded alternatives of the same event (`[otherwise]`). */
  otherwise: boolean;
  /** `event [guard]`, in words. */
  label: string;
  /** The event alone, in words (`declaration checked`, `payment check completes`), for events, timers and invoked actors. */
  eventLabel?: string;
  /** The guard alone, in words (`is late`, `is above (min 18)`), when there is one. */
  guardLabel?: string;
}

/** The machine as a graph: states in document order (parents before children) and arrows. */
export interface WorkflowGraph {
  machineId: string;
  /** Words of the `#any` node, when the machine itself has transitions (they apply at any step). */
  anyTitle?: string;
  states: GraphState[];
  transitions: GraphTransition[];
}

export { guardLabel, guardName, wordsOf, type Words } from './guard-words.ts';

/** Source id of the transitions written on the machine itself (they apply in every state). */
export const ANY_STATE = '#any';

/** Path of a state node from the root (`''` for the root). */
export function pathOf(node: AnyStateNode): string {
  return node.path.join('.');
}

/** Id of the initial marker of a region (`#initial` for the machine's own). */
export function initialMarkerId(regionPath: string): string {
  return `${regionPath}#initial`;
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

/** What a group of transitions (one event) is, and the words for its event. */
interface Group {
  eventType: string;
  list: RawTransition[];
  kind: LayoutEdgeKind;
  head: string;
  alias?: string;
}

function groupsOf(machine: AnyStateMachine, node: AnyStateNode, words: Words, labels: Readonly<Record<string, string>>, lang?: string): Group[] {
  const internal = new Map(internalEvents(node).map((e) => [e.eventType, e]));
  const groups: Group[] = [];
  for (const [eventType, list] of node.transitions as Map<string, RawTransition[]>) {
    const own = internal.get(eventType);
    if (own?.kind === 'after') {
      // One group per timer: each has its own delay (and label).
      for (const t of list) {
        const value = delayValue(machine, t.delay ?? '');
        // A named delay from a parameter reads in the parameter's own words (20 working days, not 28 days).
        const text = value !== undefined && typeof t.delay === 'string' && !/^\d+$/.test(t.delay) ? paramTextOfMs(value, lang) : undefined;
        groups.push({ eventType, list: [t], kind: 'after', head: delayLabel(t.delay ?? '', value, labels, text), alias: own.alias });
      }
    } else if (own) {
      const verb = own.kind === 'done' ? 'completes' : 'fails';
      groups.push({ eventType, list, kind: 'invoke', head: labels[own.alias] ?? `${words(own.name)} ${labels[verb] ?? verb}`, alias: own.alias });
    } else if (eventType.startsWith('xstate.done.state.')) {
      groups.push({ eventType, list, kind: 'done', head: labels['when complete'] ?? 'when complete' });
    } else {
      groups.push({ eventType, list, kind: 'event', head: words(eventType) });
    }
  }
  if (node.always?.length) groups.push({ eventType: '', list: node.always as RawTransition[], kind: 'always', head: '' });
  return groups;
}

function edgesOf(machine: AnyStateMachine, node: AnyStateNode, source: string, words: Words, labels: Readonly<Record<string, string>>, lang?: string): GraphTransition[] {
  const out: GraphTransition[] = [];
  const counts = new Map<string, number>();
  for (const { eventType, list, kind, head, alias } of groupsOf(machine, node, words, labels, lang)) {
    const anyGuarded = list.some((t) => t.guard);
    for (const t of list) {
      const guard = guardName(t.guard);
      const otherwise = !guard && anyGuarded;
      const delay = t.delay === undefined ? undefined : String(t.delay);
      const guardWords = guardText(t.guard, words, true, labels);
      const condition = guardWords ? `[${guardWords}]` : otherwise ? `[${labels.otherwise ?? 'otherwise'}]` : '';
      const label = [head, condition].filter(Boolean).join(' ') || (kind === 'always' ? (labels['at once'] ?? 'at once') : '');
      const key = kind === 'event' || kind === 'invoke' ? (alias ?? eventType) : kind === 'after' ? `after.${delay}` : kind;
      const i = counts.get(key) ?? 0;
      counts.set(key, i + 1);
      // A transition without a target handles the event in place: draw it as a loop.
      const targets = t.target?.length ? t.target : [node];
      targets.forEach((target, j) => {
        out.push({
          id: `${source}:${key}:${i}${targets.length > 1 ? `.${j}` : ''}`,
          source,
          target: pathOf(target),
          kind,
          ...(kind === 'always' ? {} : { event: eventType }),
          ...(alias ? { alias } : {}),
          ...(guard ? { guard } : {}),
          ...(delay === undefined ? {} : { delay }),
          otherwise,
          label,
          ...(head && (kind === 'event' || kind === 'after' || kind === 'invoke') ? { eventLabel: head } : {}),
          ...(guardWords ? { guardLabel: guardWords } : {}),
        });
      });
    }
  }
  return out;
}

/** The state a history state goes to when there is no history yet, when its author named one (`target`). */
function historyDefaults(node: AnyStateNode): AnyStateNode[] {
  const target = (node.config as { target?: string | string[] }).target;
  const parent = node.parent;
  if (!target || !parent) return [];
  return (Array.isArray(target) ? target : [target]).flatMap((t) => {
    if (t.startsWith('#')) {
      try {
        return [node.machine.getStateNodeById(t.slice(1))];
      } catch {
        return [];
      }
    }
    let at: AnyStateNode | undefined = parent;
    for (const key of t.split('.')) at = at ? (at.states as Record<string, AnyStateNode>)[key] : undefined;
    return at ? [at] : [];
  });
}

function titleOf(node: AnyStateNode | undefined): string {
  const meta = node?.meta as Partial<StepMeta> | undefined;
  return typeof meta?.title === 'string' && meta.title ? meta.title : humanise(node?.key ?? '');
}

/**
 * Walks `machine.root` (not `toDirectedGraph`, which drops `always` edges and guard names):
 * every state with its meta, and every arrow — events, `always`, `after`, `onDone`, the ends of
 * invoked actors, transitions written on the machine itself (from `#any`), the initial markers of
 * the machine and of each compound state, and the default of each history state — labelled
 * `event [guard]` in words.
 * @param machine The machine.
 * @param labels The module's `labels` (words for event and guard names), if any.
 * @param lang The language of the graph's words (a timer from a parameter reads in its words); the pack's by default.
 */
export function buildGraph(machine: AnyStateMachine, labels: Readonly<Record<string, string>> = {}, lang?: string): WorkflowGraph {
  const words = wordsOf(labels);
  const states: GraphState[] = [];
  const transitions: GraphTransition[] = [];
  const visit = (node: AnyStateNode, parent: string | null, depth: number, regionPath: string) => {
    const children = Object.values(node.states) as AnyStateNode[];
    const path = pathOf(node);
    if (node.parent) {
      const state: GraphState = { path, key: node.key, parent, kind: kindOf(node), depth, meta: node.meta as Partial<StepMeta> | undefined, children: children.map(pathOf), node };
      if (node.type === 'history') {
        const deep = node.history === 'deep';
        const resumed = deep ? (labels['resumed at the same step'] ?? 'resumed at the same step') : (labels.resumed ?? 'resumed');
        Object.assign(state, { history: deep ? 'deep' : 'shallow', fallbackTitle: `${titleOf(node.parent)} (${resumed})` });
        historyDefaults(node).forEach((target, i) => {
          transitions.push({ id: `${path}:default:${i}`, source: path, target: pathOf(target), kind: 'initial', otherwise: false, label: '' });
        });
      }
      states.push(state);
    }
    if (node.type === 'compound' && node.initial?.target?.length) {
      const marker = initialMarkerId(regionPath);
      for (const target of node.initial.target as AnyStateNode[]) {
        transitions.push({ id: `${marker}:initial:0`, source: marker, target: pathOf(target), kind: 'initial', otherwise: false, label: '' });
      }
    }
    transitions.push(...edgesOf(machine, node, node.parent ? path : ANY_STATE, words, labels, lang));
    for (const child of children) visit(child, node.parent ? path : null, node.parent ? depth + 1 : 0, pathOf(child));
  };
  visit(machine.root, null, 0, '');
  const any = transitions.some((t) => t.source === ANY_STATE);
  return { machineId: machine.id, ...(any ? { anyTitle: labels['at any step'] ?? 'At any step' } : {}), states, transitions };
}

/** The graph of a loaded workflow module, with its `labels`. */
export function graphOf(loaded: { module: Pick<WorkflowModule, 'machine' | 'labels'> }): WorkflowGraph {
  return buildGraph(loaded.module.machine, loaded.module.labels);
}

/** The state at a path, if any. */
export function findState(graph: WorkflowGraph, path: string): GraphState | undefined {
  return graph.states.find((s) => s.path === path);
}
