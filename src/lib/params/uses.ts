import { readSource } from '../content/read-source.ts';
import { join } from 'node:path';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { loadQuizFile, loadQuizzes, type QuizDoc } from '../assessment/quiz-load.ts';
import { parseYamlWithPositions, splitFrontmatter } from '../content/frontmatter.ts';
import { componentUses, parseMdx } from '../content/mdx.ts';
import { layout, listFiles, relPath, type Project, type SopDoc } from '../content/project.ts';
import { sectionAt, type Section } from '../content/sections.ts';
import type { Position } from '../diagnostics.ts';
import { workflowFiles } from '../workflow/load.ts';
import { machineParamUses, type MachineParamUses } from './machine-refs.ts';
import { paramRefs, stringsWithPaths } from './substitute.ts';

/** One place a parameter is named: `<Param id>`, `{param:id}` or `param('id')`. */
export interface ParameterUse {
  /** The parameter id as written (it may be unknown: the checker reports it). */
  id: string;
  /** How it is written: `<Param id="x" />`, `{param:x}` or `param('x')`. */
  written: string;
  kind: 'sop' | 'workflow' | 'quiz' | 'module' | 'glossary';
  /** File relative to the project root, and where the id is written. */
  file: string;
  at: Position;
  /** The document it is in: SOP id, workflow id, quiz id, module id. */
  doc: string;
  /** SOP uses: the numbered section. Workflow uses: the state's SOP step. */
  section?: Pick<Section, 'number' | 'title' | 'anchor'>;
  /** Workflow uses: the state path, or undefined for a value read outside any state. */
  state?: string;
  /** Workflow uses: the state's title (`meta.title`). */
  stateTitle?: string;
  /** Quiz uses: the item id, or undefined outside items. */
  item?: string;
}

/** Every JSX element with where each `{param:id}` of its string attributes and its `<Param id>` point. */
function mdxRefs(uses: SopDoc['uses']): { id: string; at: Position; written: string }[] {
  const out: { id: string; at: Position; written: string }[] = [];
  for (const use of uses) {
    if (use.name === 'Param') out.push({ id: use.attributes.id ?? '', at: use.at, written: `<Param id="${use.attributes.id ?? ''}" />` });
    for (const attr of (use.node as MdxJsxFlowElement | MdxJsxTextElement).attributes) {
      if (attr.type !== 'mdxJsxAttribute' || typeof attr.value !== 'string') continue;
      const start = attr.position?.start ?? use.at;
      for (const ref of paramRefs(attr.value)) out.push({ id: ref.id, at: { line: start.line, column: start.column }, written: `{param:${ref.id}}` });
    }
  }
  return out;
}

/** The strings of an SOP's forms (frontmatter `forms`), with their YAML paths: they print parameters too. */
export function formStrings(sop: SopDoc): { path: (string | number)[]; text: string }[] {
  const forms = (sop.yaml.data as { forms?: unknown } | undefined)?.forms;
  return stringsWithPaths(forms, ['forms']).filter(({ path }) => path[2] === 'purpose' || path[2] === 'fields');
}

/** Uses in SOP bodies, with their sections, and in the forms of the frontmatter (the forms annex). */
export function sopUses(project: Project): ParameterUse[] {
  return project.sops.flatMap(usesInSop);
}

/**
 * Uses in the translated SOPs and modules (bodies, and an SOP's forms), for the check: an id a
 * translator mistyped is as unknown as one in a source. The country profile lists the sources'.
 */
export function translationUses(project: Project): ParameterUse[] {
  return Object.values(project.translations).flatMap((t) => [
    ...t.sops.flatMap(usesInSop),
    ...t.modules.flatMap((m) => mdxRefs(m.uses).map((ref): ParameterUse => ({ ...ref, kind: 'module', file: m.file, doc: m.id }))),
    // A misspelt id in a translated quiz showed as "{param:…}" on its page and in its booklet.
    ...t.quizzes.flatMap((abs) => usesInQuiz(loadQuizFile(project.root, abs))),
  ]);
}

function usesInSop(sop: SopDoc): ParameterUse[] {
  const annex = sop.sections.find((s) => s.level === 1 && s.title.toLowerCase() === 'forms annex');
  return [
    ...mdxRefs(sop.uses).map(({ id, at, written }): ParameterUse => {
      const s = sectionAt(sop.sections, at.line);
      return { id, written, kind: 'sop', file: sop.file, at, doc: sop.id, ...(s ? { section: { number: s.number, title: s.title, anchor: s.anchor } } : {}) };
    }),
    ...formStrings(sop).flatMap(({ path, text }) =>
      paramRefs(text).map((ref): ParameterUse => ({ id: ref.id, written: `{param:${ref.id}}`, kind: 'sop', file: sop.file, at: sop.yaml.positionOf(path), doc: sop.id, ...(annex ? { section: { number: annex.number, title: annex.title, anchor: annex.anchor } } : {}) })),
    ),
  ];
}

/** Uses in quiz text (as written, before substitution), with their items. */
export function quizUses(root: string): ParameterUse[] {
  return loadQuizzes(root).flatMap(usesInQuiz);
}

function usesInQuiz(doc: QuizDoc): ParameterUse[] {
  const data = doc.yaml.data as { items?: { id?: unknown }[] } | undefined;
  return stringsWithPaths(data).flatMap(({ path, text }) =>
    paramRefs(text).map((ref): ParameterUse => {
      const item = path[0] === 'items' && typeof path[1] === 'number' ? data?.items?.[path[1]]?.id : undefined;
      return { id: ref.id, written: `{param:${ref.id}}`, kind: 'quiz', file: doc.file, at: doc.yaml.positionOf(path), doc: doc.id, ...(typeof item === 'string' ? { item } : {}) };
    }),
  );
}

/** A workflow file's parameter reads, from its source (the machine is not run). */
export function workflowReads(root: string): { id: string; file: string; uses: MachineParamUses }[] {
  const out: { id: string; file: string; uses: MachineParamUses }[] = [];
  for (const abs of workflowFiles(root)) {
    const file = relPath(root, abs);
    const id = file.replace(/^workflows\//, '').replace(/\.machine\.ts$/, '');
    // A file that cannot be read has its own error (the workflow checker's).
    const text = readSource(abs, file).text;
    if (text !== undefined) out.push({ id, file, uses: machineParamUses(text) });
  }
  return out;
}

/** What a state of a machine needs for the uses list: its step, and the guards and delays on its arrows. */
export interface StateInfo {
  path: string;
  title?: string;
  step?: string;
  guards: string[];
  delays: string[];
}

/**
 * Uses in workflow files: one per state where a parameter acts (in the state's own object, or in
 * a guard or delay on one of its arrows), else one per `param('id')` call (a value read for help
 * text or scenarios).
 * @param root Project root.
 * @param states The states of a workflow, when it can be loaded (to place guard and delay reads).
 */
export async function workflowUses(root: string, states: (id: string) => Promise<StateInfo[] | undefined> = async () => undefined): Promise<ParameterUse[]> {
  const out: ParameterUse[] = [];
  for (const { id: workflow, file, uses } of workflowReads(root)) {
    const list = await states(workflow);
    const placed = new Set<string>();
    for (const state of list ?? []) {
      const ids = new Set([
        ...(uses.states.get(state.path) ?? []),
        ...state.guards.flatMap((g) => [...(uses.guards.get(g) ?? [])]),
        ...state.delays.flatMap((d) => [...(uses.delays.get(d) ?? [])]),
      ]);
      for (const id of ids) {
        placed.add(id);
        const at = uses.refs.find((r) => r.id === id)?.at ?? { line: 1, column: 1 };
        out.push({ id, written: `param('${id}')`, kind: 'workflow', file, at, doc: workflow, state: state.path, ...(state.title ? { stateTitle: state.title } : {}), ...(state.step ? { section: { number: state.step, title: '', anchor: '' } } : {}) });
      }
    }
    for (const ref of uses.refs) {
      // Without the states, every call is a use of its own (the checker reports each unknown id).
      if (list && placed.has(ref.id)) continue;
      placed.add(ref.id);
      out.push({ id: ref.id, written: `param('${ref.id}')`, kind: 'workflow', file, at: ref.at, doc: workflow });
    }
  }
  return out;
}

/**
 * Uses in glossary definitions (`{param:id}`), as written: the source glossary's, and with
 * `translations` each translated glossary's too (for the check; the country profile lists the
 * source's). `doc` is the term's id.
 * @param project The loaded project (its parsed glossary files).
 * @param translations Also the translated glossaries.
 */
export function glossaryUses(project: Project, translations = false): ParameterUse[] {
  const files = [
    { file: layout.glossary, yaml: project.yaml.glossary },
    ...(translations ? Object.values(project.translations).map((c) => ({ file: c.glossary.file, yaml: c.glossary.yaml })) : []),
  ];
  return files.flatMap(({ file, yaml }) => {
    const terms = (Array.isArray(yaml?.data) ? yaml.data : []) as { id?: unknown }[];
    return stringsWithPaths(terms).flatMap(({ path, text }) => {
      const term = typeof path[0] === 'number' ? terms[path[0]]?.id : undefined;
      return paramRefs(text).map((ref): ParameterUse => ({ id: ref.id, written: `{param:${ref.id}}`, kind: 'glossary', file, at: yaml!.positionOf(path), doc: typeof term === 'string' ? term : '' }));
    });
  });
}

/** A glossary file's strings with their paths, for the hard-coded value warning. */
export function glossaryStrings(project: Project): { file: string; positionOf: (path: (string | number)[]) => Position; strings: { path: (string | number)[]; text: string }[] }[] {
  const yaml = project.yaml.glossary;
  // A term's `source` names a publication ("Rev. 3"), never a country's value.
  return yaml ? [{ file: layout.glossary, positionOf: (path) => yaml.positionOf(path), strings: stringsWithPaths(yaml.data).filter(({ path }) => path[1] === 'definition') }] : [];
}

/**
 * Uses in training modules (`content/modules/*.mdx`): `<Param id>` and `{param:id}` in the body's
 * attributes and in the frontmatter's strings. A module that does not parse is left to the
 * module checker.
 * @param root Project root.
 */
export function moduleUses(root: string): ParameterUse[] {
  const out: ParameterUse[] = [];
  for (const abs of listFiles(join(root, layout.modules), '.mdx')) {
    const file = relPath(root, abs);
    const doc = file.replace(/^.*\//, '').replace(/\.mdx$/, '');
    // A file that cannot be read has its own error (the module loader's).
    const source = readSource(abs, file).text;
    if (source === undefined) continue;
    const { yaml, body, yamlLine } = splitFrontmatter(source);
    const parsed = parseMdx(body);
    if (!('error' in parsed)) {
      for (const ref of mdxRefs(componentUses(parsed.tree))) out.push({ ...ref, kind: 'module', file, doc });
    }
    const front = parseYamlWithPositions(yaml, yamlLine);
    for (const { path, text } of stringsWithPaths(front.data)) {
      for (const ref of paramRefs(text)) out.push({ id: ref.id, written: `{param:${ref.id}}`, kind: 'module', file, at: front.positionOf(path), doc });
    }
  }
  return out;
}
