import type { Project } from '../content/project.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { LoadedWorkflow } from '../workflow/load.ts';
import { buildGraph } from '../workflow/graph.ts';
import { paramRefs, unknownCase } from '../params/substitute.ts';
import type { TranslatedList, WorkflowLabelsDoc } from './load.ts';

/**
 * Each id of a translated list must be an id of the source list, once.
 * @param list The translated file.
 * @param known Ids of the source file.
 * @param source Path of the source file, for the message.
 */
export function checkListIds(list: TranslatedList<{ id: string }>, known: ReadonlySet<string>, source: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  list.entries.forEach((entry, i) => {
    const at = list.yaml?.positionOf([i, 'id']);
    if (!known.has(entry.id)) out.push(diagnostic('error', 'translation/unknown-id', list.file, `id "${entry.id}" is not in ${source}: translate only entries the source has (same id)`, at));
    else if (seen.has(entry.id)) out.push(diagnostic('error', 'translation/duplicate-id', list.file, `id "${entry.id}" is translated twice: keep one entry`, at));
    seen.add(entry.id);
  });
  // A list the translator has started (its file read) that leaves out entries of the source: their
  // terms, role titles or parameter labels showed in the source's language on the translated pages
  // and in the PDFs, and nothing said so.
  if (list.yaml && list.entries.length) {
    const missing = [...known].filter((id) => !seen.has(id));
    if (missing.length) {
      const shown = missing.slice(0, 5).map((id) => `"${id}"`).join(', ') + (missing.length > 5 ? `, and ${missing.length - 5} more` : '');
      out.push(diagnostic('warning', 'translation/list-missing', list.file, `${missing.length} of the ${known.size} entries of ${source} ${missing.length === 1 ? 'is' : 'are'} not translated here (${shown}): ${missing.length === 1 ? 'it shows' : 'they show'} in the source's language on this language's pages and in its PDFs; add ${missing.length === 1 ? 'it' : 'them'} with the same id${missing.length === 1 ? '' : 's'}`));
    }
  }
  return out;
}

/** The names a machine has, by the section of a labels file that translates them. */
export function machineNames(loaded: LoadedWorkflow): Record<'states' | 'events' | 'guards' | 'delays' | 'scenarios' | 'fields', Set<string>> {
  const graph = buildGraph(loaded.module.machine);
  const t = graph.transitions;
  return {
    states: new Set(graph.states.map((s) => s.path)),
    events: new Set(t.flatMap((e) => [e.event, e.alias].filter((x): x is string => !!x))),
    guards: new Set(t.flatMap((e) => (e.guard ? [e.guard] : []))),
    delays: new Set(t.flatMap((e) => (e.delay ? [e.delay] : []))),
    scenarios: new Set(loaded.module.scenarios.map((s) => s.id)),
    fields: new Set((loaded.module.caseFields ?? []).map((f) => f.id)),
  };
}

/**
 * Each key of a workflow labels file must name something the machine has; a time limit, a state
 * with a `meta.sla`, and its `{param:id}`, a parameter of the project.
 * @param doc The labels file.
 * @param loaded The machine it translates, or undefined when there is no `workflows/<id>.machine.ts`.
 * @param known Ids of every machine, for the message about an unknown one.
 * @param parameters Ids of `content/parameters.yaml`; `{param:id}` is not checked without them.
 */
export function checkWorkflowLabels(doc: WorkflowLabelsDoc, loaded: LoadedWorkflow | undefined, known: readonly string[], parameters?: ReadonlySet<string>): Diagnostic[] {
  if (!loaded) return [diagnostic('error', 'translation/unknown-workflow', doc.file, `no workflows/${doc.id}.machine.ts; known: ${known.join(', ') || 'none'} (the file name is the machine's id)`)];
  const names = machineNames(loaded);
  const out: Diagnostic[] = [];
  for (const section of ['states', 'events', 'guards', 'delays', 'scenarios', 'fields'] as const) {
    for (const key of Object.keys(doc.labels[section])) {
      if (names[section].has(key)) continue;
      const list = [...names[section]].sort().join(', ') || 'none';
      out.push(diagnostic('error', 'translation/unknown-id', doc.file, `${section}.${key}: the machine has no such ${section.replace(/s$/, '')}; it has ${list}`, doc.yaml.positionOf([section, key])));
    }
  }
  out.push(...checkTimeLimits(doc, loaded, parameters));
  out.push(...checkScenarioParams(doc, parameters));
  out.push(...missingWords(doc, loaded, names));
  for (const [id, field] of Object.entries(doc.labels.fields)) {
    const values = (loaded.module.caseFields ?? []).find((f) => f.id === id)?.options?.map((o) => o.value);
    for (const value of Object.keys(field.options ?? {})) {
      if (values?.includes(value)) continue;
      const list = values?.length ? values.join(', ') : 'no choices';
      out.push(diagnostic('error', 'translation/unknown-id', doc.file, `fields.${id}.options.${value}: the field has no such choice; it has ${list}`, doc.yaml.positionOf(['fields', id, 'options', value])));
    }
  }
  return out;
}

/**
 * What the machine has and the labels file does not translate: a state, event or scenario added to
 * the source after the translation showed in English in the French diagram, step table and
 * simulator, and nothing said so. XState's own events (timers, done) are translated as delays.
 */
function missingWords(doc: WorkflowLabelsDoc, loaded: LoadedWorkflow, names: ReturnType<typeof machineNames>): Diagnostic[] {
  const missing: string[] = [];
  for (const section of ['states', 'events', 'guards', 'delays', 'scenarios', 'fields'] as const) {
    const keys = [...names[section]].filter((k) => !(k in doc.labels[section]) && !(section === 'events' && /^(?:xstate\.|after\.|done\.|error\.)/.test(k)));
    if (keys.length) missing.push(`${section}: ${keys.sort().join(', ')}`);
  }
  const timed = buildGraph(loaded.module.machine).states.filter((s) => typeof s.meta?.sla === 'string' && !(s.path in doc.labels.sla)).map((s) => s.path);
  if (timed.length) missing.push(`sla: ${timed.join(', ')}`);
  if (!missing.length) return [];
  const count = missing.reduce((n, m) => n + m.split(', ').length, 0);
  const list = missing.join('; ');
  return [diagnostic('warning', 'translation/workflow-missing', doc.file, `${count} name${count === 1 ? '' : 's'} of ${loaded.file} ${count === 1 ? 'has' : 'have'} no words here (${list.length > 300 ? `${list.slice(0, 297)}...` : list}): this language's diagram, step table and simulator show ${count === 1 ? 'it' : 'them'} in the source's words; translate ${count === 1 ? 'it' : 'them'} here`, { line: 1, column: 1 })];
}

/** The `sla` section: keys are states that have a time limit; `{param:id}` names a parameter. */
function checkTimeLimits(doc: WorkflowLabelsDoc, loaded: LoadedWorkflow, parameters: ReadonlySet<string> | undefined): Diagnostic[] {
  const timed = new Set(buildGraph(loaded.module.machine).states.filter((s) => typeof s.meta?.sla === 'string').map((s) => s.path));
  const out: Diagnostic[] = [];
  for (const [path, text] of Object.entries(doc.labels.sla)) {
    const at = doc.yaml.positionOf(['sla', path]);
    if (!timed.has(path)) {
      out.push(diagnostic('error', 'translation/unknown-id', doc.file, `sla.${path}: the machine has no such state with a time limit (meta.sla); states with one: ${[...timed].sort().join(', ') || 'none'}`, at));
      continue;
    }
    for (const ref of parameters ? paramRefs(text) : []) {
      if (!parameters?.has(ref.id)) out.push(diagnostic('error', 'params/unknown', doc.file, `sla.${path}: {param:${ref.id}} ${unknownCase(ref.id, (id) => parameters!.has(id)) ?? 'is not in content/parameters.yaml; use one of its ids'}`, at));
    }
  }
  return out;
}

/**
 * The title, a step, event, condition or timer, a scenario's title and description, and a case
 * field's label, help and choices may name a parameter (`{param:id}`): one of the project's.
 */
function checkScenarioParams(doc: WorkflowLabelsDoc, parameters: ReadonlySet<string> | undefined): Diagnostic[] {
  if (!parameters) return [];
  const strings: { path: string[]; text: string }[] = [
    ...(doc.labels.title !== undefined ? [{ path: ['title'], text: doc.labels.title }] : []),
    ...(['states', 'events', 'guards', 'delays'] as const).flatMap((section) => Object.entries(doc.labels[section]).map(([key, text]) => ({ path: [section, key], text }))),
    ...Object.entries(doc.labels.scenarios).flatMap(([id, s]) => (['title', 'description'] as const).map((field) => ({ path: ['scenarios', id, field], text: s[field] ?? '' }))),
    ...Object.entries(doc.labels.fields).flatMap(([id, f]) => [
      { path: ['fields', id, 'label'], text: f.label },
      { path: ['fields', id, 'help'], text: f.help ?? '' },
      ...Object.entries(f.options ?? {}).map(([value, text]) => ({ path: ['fields', id, 'options', value], text })),
    ]),
  ];
  return strings.flatMap(({ path, text }) =>
    paramRefs(text)
      .filter((ref) => !parameters.has(ref.id))
      .map((ref) => diagnostic('error', 'params/unknown', doc.file, `${path.join('.')}: {param:${ref.id}} ${unknownCase(ref.id, (id) => parameters.has(id)) ?? 'is not in content/parameters.yaml; use one of its ids'}`, doc.yaml.positionOf(path))),
  );
}

/** Every id of the source lists, for `checkListIds`. */
export function sourceIds(project: Project) {
  return {
    glossary: new Set(project.glossary.map((g) => g.id)),
    roles: new Set(project.roles.map((r) => r.id)),
    parameters: new Set(project.parameters.list.map((p) => p.id)),
  };
}
