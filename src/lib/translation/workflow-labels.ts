import type { Project } from '../content/project.ts';
import { buildGraph, graphOf, type WorkflowGraph } from '../workflow/graph.ts';
import type { LoadedWorkflow } from '../workflow/load.ts';
import type { WorkflowLabels } from '../../schemas/translation.ts';

/** The words of a workflow in a language (`workflows/<lang>/<id>.yaml`), if translated. */
export function workflowLabelsIn(project: Project, lang: string | undefined, id: string): WorkflowLabels | undefined {
  return lang ? project.translations[lang]?.workflows.find((w) => w.id === id)?.labels : undefined;
}

/**
 * The graph of a machine in a language: events, guards and delays in the words of the labels
 * file (over the machine's own `labels`), state titles from its `states`; whatever is not
 * translated keeps the machine's words. Used by step tables and the diagram's text version.
 * @param loaded The loaded machine.
 * @param labels The language's labels file, if any.
 */
export function graphIn(loaded: LoadedWorkflow, labels: WorkflowLabels | undefined): WorkflowGraph {
  if (!labels) return graphOf(loaded);
  const words = { ...(loaded.module.labels ?? {}), ...labels.events, ...labels.guards, ...labels.delays };
  const graph = buildGraph(loaded.module.machine, words);
  return {
    ...graph,
    states: graph.states.map((s) => {
      const title = labels.states[s.path];
      return title ? { ...s, meta: { ...(s.meta ?? {}), title } } : s;
    }),
  };
}
