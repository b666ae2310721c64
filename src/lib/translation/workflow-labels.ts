import { t } from '../../i18n/index.ts';
import { substituteParams, type ParamLookup } from '../params/substitute.ts';
import type { Project } from '../content/project.ts';
import { buildGraph, graphOf, type WorkflowGraph } from '../workflow/graph.ts';
import { layoutWorkflow, type LayoutOptions, type WorkflowLayout } from '../workflow/layout.ts';
import type { LoadedWorkflow } from '../workflow/load.ts';
import type { WorkflowLabels } from '../../schemas/translation.ts';

/**
 * The words of a workflow in a language (`workflows/<lang>/<id>.yaml`), if translated, with each
 * `{param:id}` worded in that language (`7 jours`, `٧ أيام`) wherever the file writes one: its
 * time limits, scenarios, case fields, and its title, steps, events, conditions and timers (a
 * condition "déclarée dans les {param:…}" printed the braces on the diagram): a case that turns on
 * a country's value says that value, as the machine's own words do.
 * @param project The project (its translations and parameters).
 * @param lang The page's or handbook's language.
 * @param id The workflow's id.
 */
export function workflowLabelsIn(project: Project, lang: string | undefined, id: string): WorkflowLabels | undefined {
  const labels = lang ? project.translations[lang]?.workflows.find((w) => w.id === id)?.labels : undefined;
  if (!labels || !lang) return labels;
  const lookup: ParamLookup = (param, c) => project.parameters.text(param, lang, c);
  const worded = (text: string) => substituteParams(text, lookup);
  const scenarios = Object.fromEntries(Object.entries(labels.scenarios).map(([id, s]) => [id, { title: worded(s.title), ...(s.description !== undefined ? { description: worded(s.description) } : {}) }]));
  const fields = Object.fromEntries(
    Object.entries(labels.fields).map(([id, f]) => [
      id,
      {
        label: worded(f.label),
        ...(f.help !== undefined ? { help: worded(f.help) } : {}),
        ...(f.options ? { options: Object.fromEntries(Object.entries(f.options).map(([value, text]) => [value, worded(text)])) } : {}),
      },
    ]),
  );
  const all = (section: Readonly<Record<string, string>>) => Object.fromEntries(Object.entries(section).map(([key, text]) => [key, worded(text)]));
  return {
    ...labels,
    ...(labels.title !== undefined ? { title: worded(labels.title) } : {}),
    states: all(labels.states),
    sla: all(labels.sla),
    events: all(labels.events),
    guards: all(labels.guards),
    delays: all(labels.delays),
    scenarios,
    fields,
  };
}

/**
 * The fixed words the graph puts around an author's names (`[otherwise]`, `after …`, `when
 * complete`, `at once`, and `not`, `and`, `or` in guards…), in a language: a labels file
 * translates names, these come from the UI strings.
 * @param lang The language.
 */
export function fixedWordsIn(lang: string): Record<string, string> {
  return {
    otherwise: t('wf.word.otherwise', lang),
    after: t('wf.word.after', lang),
    'when complete': t('wf.word.whenComplete', lang),
    completes: t('wf.word.completes', lang),
    fails: t('wf.word.fails', lang),
    resumed: t('wf.word.resumed', lang),
    'resumed at the same step': t('wf.word.resumedSame', lang),
    'at any step': t('wf.word.anyStep', lang),
    'at once': t('wf.word.atOnce', lang),
    not: t('wf.word.not', lang),
    and: t('wf.word.and', lang),
    or: t('wf.word.or', lang),
    in: t('wf.word.in', lang),
    condition: t('wf.word.condition', lang),
  };
}

/**
 * The graph of a machine in a language: events, guards and delays in the words of the labels
 * file (over the machine's own `labels`), state titles from its `states` and time limits from its
 * `sla`, the fixed words
 * (`otherwise`, `after`...) in the language when it is given; whatever is not translated keeps
 * the machine's words, key by key. Used by step tables, the diagram and the simulator.
 * @param loaded The loaded machine.
 * @param labels The language's labels file, if any.
 * @param lang The labels file's language, for the fixed words.
 */
export function graphIn(loaded: LoadedWorkflow, labels: WorkflowLabels | undefined, lang?: string): WorkflowGraph {
  if (!labels) return graphOf(loaded);
  const fixed = lang ? fixedWordsIn(lang) : {};
  const words = { ...(loaded.module.labels ?? {}), ...fixed, ...labels.events, ...labels.guards, ...labels.delays };
  const graph = buildGraph(loaded.module.machine, words, lang);
  return {
    ...graph,
    states: graph.states.map((s) => {
      const title = labels.states[s.path];
      const sla = labels.sla[s.path];
      return title || sla ? { ...s, meta: { ...(s.meta ?? {}), ...(title ? { title } : {}), ...(sla ? { sla } : {}) } } : s;
    }),
  };
}

/**
 * The diagram's layout in a language: laid out from the translated words (so boxes fit them),
 * cached per machine and language (the key holds the labels and the fixed words). The labels are
 * `workflowLabelsIn`'s, with every `{param:id}` already in the language's words, so a value or a
 * translated count's noun (`content/<lang>/parameters.yaml`) changed is a new key and a new
 * layout. Without a labels file it is the machine's own layout, under its own key.
 * @param loaded The loaded machine.
 * @param labels The language's labels as `workflowLabelsIn` gives them, if any.
 * @param lang The page's or handbook's language.
 * @param options Role titles (already in the language), root, cache folder, direction.
 */
export function layoutIn(loaded: LoadedWorkflow, labels: WorkflowLabels | undefined, lang: string, options: LayoutOptions = {}): Promise<WorkflowLayout> {
  if (!labels) return layoutWorkflow(loaded, options);
  const graph = graphIn(loaded, labels, lang);
  const key = JSON.stringify([lang, labels, fixedWordsIn(lang)]);
  return layoutWorkflow(loaded, { ...options, words: { graph, key } });
}
