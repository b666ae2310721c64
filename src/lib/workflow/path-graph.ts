import { SopkitError } from '../errors.ts';
import { graphOf, initialMarkerId, type GraphState, type GraphTransition, type WorkflowGraph } from './graph.ts';
import type { LoadedWorkflow } from './load.ts';
import { runScenario } from './run.ts';
import { findScenario } from './simulate.ts';

/**
 * The path one scenario takes through a machine, as a graph of its own: the states it passes
 * through, in order, each once, and the arrows it follows. A whole machine drawn on a 16:9 slide
 * shrinks to a fifth of its size and cannot be read from the back of a room; the path of one
 * typical case, laid out across the slide, can (`<Workflow id path="scenario">`).
 * @param loaded The workflow.
 * @param scenarioId A scenario of the workflow's file.
 * @param full The machine's whole graph, in the reader's language (the machine's own words when absent).
 * @throws SopkitError `workflow/unknown-scenario` or `workflow/path-parallel` (a path through
 *   parallel regions has no single line to draw).
 */
export function scenarioPathGraph(loaded: LoadedWorkflow, scenarioId: string, full: WorkflowGraph = graphOf(loaded)): WorkflowGraph {
  let scenario;
  try {
    scenario = findScenario(loaded, scenarioId);
  } catch (error) {
    throw new SopkitError('workflow/unknown-scenario', error instanceof Error ? error.message : String(error));
  }
  const { run } = runScenario(loaded.module.machine, scenario);
  const visited = [run.steps[0]?.from ?? run.final, ...run.steps.map((s) => s.to)];
  const parallel = visited.find((p) => p.includes(','));
  if (parallel !== undefined) {
    throw new SopkitError('workflow/path-parallel', `scenario "${scenarioId}" of ${loaded.id} passes through parallel regions (${parallel}); draw the whole machine, or name a scenario through single states`);
  }
  const byPath = new Map(full.states.map((s) => [s.path, s]));
  const order: string[] = [];
  for (const path of visited) if (!order.includes(path)) order.push(path);
  const states: GraphState[] = order.map((path) => {
    const state = byPath.get(path);
    const kind = state?.kind === 'final' ? 'final' : 'atomic';
    return { ...(state ?? { path, key: path.split('.').pop() ?? path, meta: undefined }), path, parent: null, depth: 0, children: [], kind } as GraphState;
  });
  const first = order[0];
  const transitions: GraphTransition[] = first ? [{ id: `${initialMarkerId('')}:initial:0`, source: initialMarkerId(''), target: first, kind: 'initial', otherwise: false, label: '' }] : [];
  const within = (path: string, state: string) => path === state || path.startsWith(`${state}.`);
  run.steps.forEach((s, i) => {
    if (s.from === s.to) return;
    const taken = full.transitions.find((t) => within(s.from, t.source) && within(s.to, t.target) && (t.alias === s.event || t.event === s.event));
    const duplicate = transitions.some((t) => t.source === s.from && t.target === s.to);
    if (duplicate) return;
    transitions.push(taken ? { ...taken, id: `path:${i}`, source: s.from, target: s.to } : { id: `path:${i}`, source: s.from, target: s.to, kind: 'event', event: s.event, otherwise: false, label: s.event });
  });
  return { machineId: full.machineId, states, transitions };
}

/** One step of a scenario's path, in words, for the path view on slides and in print. */
export interface PathStep {
  /** SOP section of the state (`6.2`), when its meta names one. */
  step?: string;
  title: string;
  role?: string;
  roleTitle?: string;
  /** Time limit, as written in the state's meta. */
  sla?: string;
  /** The arrow that led here (`declaration checked`); none for the first step. */
  via?: string;
  /** True for the final state the case ends in. */
  final: boolean;
}

/** A path view in the reader's language: the whole graph in its words, and the scenario's title. */
export interface PathWords {
  /** The machine's graph in the language (`graphIn`). */
  graph: WorkflowGraph;
  /** The scenario's title in the language, when the labels file gives one. */
  title?: string;
}

/**
 * The steps of a scenario's path, in order, as the path view prints them.
 * @param loaded The workflow.
 * @param scenarioId A scenario of its file.
 * @param roleTitle Title of a role id.
 * @param words The graph and scenario title in the reader's language; the machine's own when absent.
 */
export function scenarioPathSteps(loaded: LoadedWorkflow, scenarioId: string, roleTitle: (id: string) => string | undefined, words?: PathWords): { title: string; steps: PathStep[] } {
  const graph = scenarioPathGraph(loaded, scenarioId, words?.graph);
  const scenario = loaded.module.scenarios.find((s) => s.id === scenarioId);
  const steps = graph.states.map((s): PathStep => {
    const into = graph.transitions.find((t) => t.target === s.path && t.kind !== 'initial');
    const role = typeof s.meta?.role === 'string' ? s.meta.role : undefined;
    const via = into ? (into.eventLabel ?? into.label) || undefined : undefined;
    return {
      ...(typeof s.meta?.step === 'string' ? { step: s.meta.step } : {}),
      title: typeof s.meta?.title === 'string' ? s.meta.title : (s.fallbackTitle ?? s.key),
      ...(role ? { role, ...(roleTitle(role) ? { roleTitle: roleTitle(role) } : {}) } : {}),
      ...(typeof s.meta?.sla === 'string' ? { sla: s.meta.sla } : {}),
      ...(via ? { via } : {}),
      final: s.kind === 'final',
    };
  });
  return { title: words?.title ?? scenario?.title ?? scenarioId, steps };
}

/**
 * What is wrong with `<Workflow id path="...">`, in one sentence, or undefined when the path can
 * be drawn: an unknown scenario, or one through parallel regions.
 */
export function pathProblem(loaded: LoadedWorkflow, scenarioId: string): string | undefined {
  if (!loaded.module.scenarios.some((s) => s.id === scenarioId)) {
    return `<Workflow id="${loaded.id}" path="${scenarioId}">: workflows/${loaded.id}.machine.ts has no such scenario; known: ${loaded.module.scenarios.map((s) => s.id).join(', ') || 'none'}`;
  }
  try {
    scenarioPathGraph(loaded, scenarioId);
  } catch (error) {
    return `<Workflow id="${loaded.id}" path="${scenarioId}">: ${error instanceof Error ? error.message : String(error)}`;
  }
  return undefined;
}
