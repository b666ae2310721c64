import { readSource } from '../content/read-source.ts';
import { didYouMean } from '../did-you-mean.ts';
import { join } from 'node:path';
import type { Root, Text } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { comparable, PERMANENT, type Parameter } from '../../schemas/parameters.ts';
import { loadQuizFile, loadQuizzes } from '../assessment/quiz-load.ts';
import type { CheckContext } from '../check/context.ts';
import { splitFrontmatter } from '../content/frontmatter.ts';
import { componentUses, parseMdx, type ComponentUse } from '../content/mdx.ts';
import { layout, listFiles, relPath, type Project } from '../content/project.ts';
import { diagnostic, type Diagnostic, type Position } from '../diagnostics.ts';
import { checkAssumption, projectAssumptions, type PlacedAssumption } from './assumptions.ts';
import { hardCodedValues, type WrittenValue } from './find-values.ts';
import { formatParameter } from './format.ts';
import { parametersFile } from './load.ts';
import { machineTexts } from './machine-refs.ts';
import { workflowFiles } from '../workflow/load.ts';
import { nounRules } from './nouns.ts';
import { stringsWithPaths, unknownCase } from './substitute.ts';
import { formStrings, glossaryStrings, glossaryUses, moduleUses, quizUses, sopUses, translationUses, workflowUses, type ParameterUse } from './uses.ts';

/** How many of the source's parameter ids an unknown id in a translation lists. */
const SOURCE_IDS = 6;

/**
 * `content/<lang>/sops/x.mdx` → `content/sops/x.mdx`, `quizzes/<lang>/x.yaml` → `quizzes/x.yaml`:
 * the source of a translated file, or undefined for a source.
 */
function sourceFileOf(file: string, langs: readonly string[]): string | undefined {
  const m = /^(content|quizzes)\/([^/]+)\/(.+)$/.exec(file);
  return m && langs.includes(m[2]!) ? `${m[1]}/${m[3]}` : undefined;
}

function unknownRule(use: ParameterUse, ids: readonly string[], uses: readonly ParameterUse[], langs: readonly string[]): Diagnostic {
  const badCase = unknownCase(use.id, (id) => ids.includes(id));
  if (badCase) return diagnostic('error', 'params/unknown', use.file, `${use.written}: ${badCase}`, use.at);
  const source = sourceFileOf(use.file, langs);
  // A translator who translated the id ("délai-de-grâce") is told ids stay the source's, and which it uses.
  const theirs = source ? [...new Set(uses.filter((u) => u.file === source && ids.includes(u.id)).map((u) => u.id))] : [];
  const fix = source
    ? theirs.length
      ? `ids are not translated: write the id ${source} uses (${theirs.slice(0, SOURCE_IDS).join(', ')}${theirs.length > SOURCE_IDS ? ', …' : ''})`
      : `ids are not translated: write an id of ${parametersFile} as ${source} would, or add it there`
    : 'add it there or fix the id';
  return diagnostic('error', 'params/unknown', use.file, `${use.written}: no parameter "${use.id}" in ${parametersFile}${didYouMean(use.id, ids)}; ${fix}`, use.at);
}

/** Parameters named in full in a hard-coded value's warning; past it, the count. */
const NAMED = 3;

/**
 * Where a value was typed, which says how to name the parameter there: `<Param id>` in MDX text,
 * `{param:id}` in an attribute or a YAML string, `${paramText('id')}` in a workflow file's string.
 */
type Where = 'text' | 'attribute' | 'code';

/** How a parameter is written where the value was typed. */
const paramTag = (p: Parameter, where: Where) => (where === 'attribute' ? `{param:${p.id}}` : where === 'code' ? `\${paramText('${p.id}')}` : `<Param id="${p.id}" />`);

function hardCodedMessage(text: string, params: readonly Parameter[], where: Where): string {
  const tag = (p: Parameter) => paramTag(p, where);
  // A value many parameters share (2 working days) is as likely a fact of a case: the warning
  // names a few and says how to keep a fact, rather than listing a dozen settings.
  if (params.length > NAMED) {
    const names = params.slice(0, NAMED).map((p) => p.id).join(', ');
    return `"${text}" is the value of ${params.length} parameters (${names} and ${params.length - NAMED} more): if it stands for one of them, write ${tag(params[0]!).replace(params[0]!.id, '<id>')}; if it is a fact of a case, write the number in words`;
  }
  const names = params.map((p) => `${p.id} (${p.label})`).join(', or ');
  const write = params.map(tag).join(' or ');
  // "[5 working days]", "[30] days": the brackets say the country fills the value in, which an
  // author may take for leave to keep it; the parameter is where the country fills it in, once.
  const why = text.startsWith('[') ? `the brackets mark it for the country to fill in, and ${parametersFile} is where the country does, once for every text that states it` : 'a fact of a case that only happens to be equal: write the number in words';
  return `"${text}" is the value of ${params.length > 1 ? 'parameters ' : 'parameter '}${names}: write ${write} so the text follows the country's value (${why})`;
}

/**
 * The warning for a value typed in a text: one that equals the model value of a parameter the
 * country changed is `params/model-value` (the text still states the model's law: "90 days" left
 * after the country set 60), named before any parameter whose value it only happens to equal;
 * else `params/hard-coded`.
 */
function hardCodedDiagnostic(file: string, match: { written: WrittenValue; params: Parameter[]; old: Parameter[] }, where: Where, at: Position | undefined, prefix = ''): Diagnostic {
  const { written, params, old } = match;
  if (!old.length) return diagnostic('warning', 'params/hard-coded', file, prefix + hardCodedMessage(written.text, params, where), at);
  const tag = (p: Parameter) => paramTag(p, where);
  const was = old.map((p) => `${p.id} (${p.label}), which this country has set to ${formatParameter(p)}`).join(', or ');
  const also = params.length === 1 ? `; it is also the value of ${params[0]!.id}: if it means that, write ${tag(params[0]!)} instead` : params.length ? `; it is also the value of ${params.slice(0, NAMED).map((p) => p.id).join(', ')}${params.length > NAMED ? ` and ${params.length - NAMED} more` : ''}: if it means one of those, write that parameter instead` : '';
  return diagnostic('warning', 'params/model-value', file, `${prefix}"${written.text}" is the model value of ${old.length > 1 ? 'parameters ' : 'parameter '}${was}: the text states the model's value, not the one in force; write ${old.map(tag).join(' or ')}${also}`, at);
}

/** Line and column of an offset in a text whose first character is at `start`. */
function positionIn(text: string, offset: number, start: Position = { line: 1, column: 1 }): Position {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return lines.length === 1 ? { line: start.line, column: start.column + offset } : { line: start.line + lines.length - 1, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/**
 * Numbers with a unit in MDX text and attribute values that equal a parameter ("within 90 days"
 * where a parameter is 90 days): each should be a `<Param>` (or `{param:id}` in an attribute).
 * @param file Path for messages.
 * @param source The whole file (frontmatter included: positions are file lines).
 * @param tree The body's mdast (offsets into the body as `splitFrontmatter` gives it).
 * @param uses The JSX elements of the body.
 * @param list The parameters.
 * @param lang The text's language (a translation writes "90 jours", "٩٠ يومًا").
 */
export function hardCodedInMdx(file: string, source: string, tree: Root, uses: readonly ComponentUse[], list: readonly Parameter[], lang = 'en'): Diagnostic[] {
  if (!list.length) return [];
  const out: Diagnostic[] = [];
  const { body } = splitFrontmatter(source);
  visit(tree, 'text', (node: Text) => {
    const start = node.position?.start;
    const end = node.position?.end;
    if (start?.offset === undefined || end?.offset === undefined) return;
    const raw = body.slice(start.offset, end.offset);
    for (const match of hardCodedValues(raw, list, lang)) out.push(hardCodedDiagnostic(file, match, 'text', positionIn(raw, match.written.index, start)));
  });
  for (const use of uses) {
    for (const attr of (use.node as MdxJsxFlowElement | MdxJsxTextElement).attributes) {
      if (attr.type !== 'mdxJsxAttribute' || typeof attr.value !== 'string') continue;
      for (const match of valuesInString(attr.value, list, lang)) out.push(hardCodedDiagnostic(file, match, 'attribute', attr.position?.start ?? use.at, `${attr.name}="...": `));
    }
  }
  return out;
}

/**
 * The hard-coded values of one YAML string, each written form once: a diagnostic points at the
 * string, not at the words, so "14 ans … 14 ans" in one stem was two identical lines.
 */
function valuesInString(text: string, list: readonly Parameter[], lang = 'en'): ReturnType<typeof hardCodedValues> {
  const seen = new Set<string>();
  return hardCodedValues(text, list, lang).filter((m) => !seen.has(m.written.text) && !!seen.add(m.written.text));
}

/** The same for YAML text (quiz stems, options, explanations): `{param:id}` is the way to write it. */
function hardCodedInYaml(file: string, data: unknown, positionOf: (path: (string | number)[]) => Position, list: readonly Parameter[], lang = 'en'): Diagnostic[] {
  // An item's `assumes` lines state values on purpose (`birth-grace-period >= 226 days`).
  return stringsWithPaths(data).filter(({ path }) => !(path[0] === 'items' && path[2] === 'assumes')).flatMap(({ path, text }) =>
    valuesInString(text, list, lang).map((match) => hardCodedDiagnostic(file, match, 'attribute', positionOf(path))),
  );
}

/** Who makes a condition: `item br-02` of a quiz, a workflow's `scenario late-approved`, or the module. */
function holder(a: PlacedAssumption): string {
  return a.kind === 'quiz' ? `item ${a.item ?? '?'}` : a.kind === 'scenario' ? `scenario ${a.item ?? '?'}` : a.kind === 'sop' ? `SOP ${a.doc}` : `module ${a.doc}`;
}

/** What to do when a condition breaks, by what holds it. */
const REWRITE: Record<PlacedAssumption['kind'], string> = {
  quiz: "its dates or figures and its key were written for other values: rewrite the item for the country's value (or take it out of the quiz), then its assumes line",
  module: "what depends on it was written for other values: rewrite it for the country's value, then the assumes line",
  sop: "its worked examples or trainer notes were written for other values: rewrite the examples for the country's value (and in the SOP's translations under content/<lang>/sops/), then the assumes line",
  scenario: "its story and its input were written for other values: rewrite the scenario for the country's value (its title, description and input, and their words in workflows/<lang>/), then its assumes line",
};

/**
 * Each `assumes` condition of quiz items and modules: it must read as a condition on a known
 * parameter, and hold for the value in force. A broken one is an error: the item's key, or the
 * module's worked answers, were written for other values and would now teach or score wrongly.
 */
export function assumptionRules(list: readonly PlacedAssumption[], get: (id: string) => Parameter | undefined, ids: readonly string[]): Diagnostic[] {
  return list.flatMap((a): Diagnostic[] => {
    if ('error' in a.parsed) return [diagnostic('error', 'params/assumption-syntax', a.file, `${holder(a)}: assumes ${a.parsed.error}`, a.at)];
    const p = get(a.parsed.id);
    if (!p) return [diagnostic('error', 'params/unknown', a.file, `${holder(a)}: assumes "${a.parsed.text}": no parameter "${a.parsed.id}" in ${parametersFile}${didYouMean(a.parsed.id, ids)}; fix the id`, a.at)];
    const verdict = checkAssumption(a.parsed, p);
    if (verdict.holds) return [];
    return [diagnostic('error', 'params/assumption', a.file, `${holder(a)} assumes ${a.parsed.text}${a.parsed.note ? ` ("${a.parsed.note}")` : ''}, but ${verdict.why}; ${REWRITE[a.kind]}`, a.at)];
  });
}

/** Days in one of each unit of time, to compare periods given in different units. */
const DAYS: Partial<Record<Parameter['unit'], number>> = { days: 1, 'working-days': 7 / 5, hours: 1 / 24, months: 365.25 / 12, years: 365.25 };

/**
 * `longerThan`: a period that must end after another (the grace period after the legal period).
 * A country that set the grace period to 60 days under a 90-day legal period got 70 errors, each
 * a workflow scenario that no longer ran, and none named the two values. `above`: a threshold
 * that must be above another in the same unit (a strong match above a candidate match); set the
 * wrong way round, the checks between them read backwards and no scenario said so.
 */
function relationRules(project: Project): Diagnostic[] {
  const { list, get } = project.parameters;
  const yaml = project.yaml.parameters;
  const raw = (Array.isArray(yaml?.data) ? yaml.data : []) as { id?: unknown }[];
  const at = (p: Parameter, field: string) => yaml?.positionOf([raw.findIndex((e) => e?.id === p.id), field]);
  const text = (p: Parameter) => project.parameters.text(p.id, 'en') ?? String(p.value);
  return list.flatMap((p) =>
    (['longerThan', 'above'] as const).flatMap((field): Diagnostic[] => {
      const other = p[field];
      if (!other) return [];
      const q = get(other);
      // An entry with an error of its own is left out of the set: that error is the one to fix (this
      // one told the user to tie the birth grace period to the death registration period).
      if (!q && raw.some((e) => e?.id === other)) return [];
      if (!q) return [diagnostic('error', 'params/relation', parametersFile, `${p.id}, ${field}: no parameter "${other}"${didYouMean(other, list.map((x) => x.id))}; name the parameter this one must ${field === 'above' ? 'be above' : 'exceed'}`, at(p, field))];
      const scale = p.unit === q.unit ? [1, 1] : [DAYS[p.unit], DAYS[q.unit]];
      if (scale[0] === undefined || scale[1] === undefined) return [diagnostic('error', 'params/relation', parametersFile, `${p.id}, ${field}: ${q.id} is in ${q.unit} and ${p.id} in ${p.unit}: only lengths of time, or values in the same unit, can be compared`, at(p, field))];
      // A permanent period is longer than any number, and not longer than another permanent one.
      if (comparable(p.value) * scale[0] > comparable(q.value) * scale[1]) return [];
      // "Set it above permanently" is no advice: nothing is longer than a period with no end.
      if (q.value === PERMANENT) return [diagnostic('error', 'params/relation', parametersFile, `${p.id} is ${text(p)}, but it must be longer than ${q.id} (its ${field}), which is permanent: no period is longer than one with no end; set ${q.id} to a period shorter than ${text(p)}, or remove ${field} from ${p.id}`, at(p, 'value'))];
      const time = DAYS[p.unit] !== undefined && DAYS[q.unit] !== undefined;
      const must = field === 'longerThan' && time ? 'be longer than' : 'be above';
      // A period counts the time between the two; a threshold (a score, an age) marks one end of a
      // range the procedures check a value against.
      const why = time
        ? "the procedures count the time between the two, and their workflows' cases at either end no longer run"
        : 'the procedures check a value against the range between the two, which is now empty or backwards';
      return [diagnostic('error', 'params/relation', parametersFile, `${p.id} is ${text(p)}, but it must ${must} ${q.id}, ${text(q)} (its ${field}): ${why}; set ${p.id} above ${text(q)}, or ${q.id} below ${text(p)}`, at(p, 'value'))];
    }),
  );
}

/**
 * The parameter rules of `sopkit check`: every `<Param id>`, `{param:id}` and `param('id')` names
 * a parameter; a value typed in SOP, module or quiz text that equals a parameter is a warning;
 * a parameter nothing uses is a warning.
 */
export async function checkParameters(ctx: CheckContext): Promise<Diagnostic[]> {
  const { project } = ctx;
  const root = project.root;
  const list = project.parameters.list;
  const ids = list.map((p) => p.id);
  const known = new Set(ids);
  const uses = [...sopUses(project), ...quizUses(root), ...(await workflowUses(root)), ...moduleUses(root), ...glossaryUses(project, true), ...translationUses(project)];
  const langs = Object.keys(project.translations);
  const out: Diagnostic[] = uses.filter((u) => !known.has(u.id)).map((u) => unknownRule(u, ids, uses, langs));
  for (const sop of project.sops) {
    if (sop.tree) out.push(...hardCodedInMdx(sop.file, sop.source, sop.tree, sop.uses, list));
    for (const { path, text } of formStrings(sop)) {
      for (const match of valuesInString(text, list)) out.push(hardCodedDiagnostic(sop.file, match, 'attribute', sop.yaml.positionOf(path)));
    }
  }
  // Translations state the law too: "90 jours" typed in the French SOP prints 90 in its PDF
  // whatever the country sets.
  for (const [lang, t] of Object.entries(project.translations)) {
    for (const sop of t.sops) {
      if (sop.tree) out.push(...hardCodedInMdx(sop.file, sop.source, sop.tree, sop.uses, list, lang));
      for (const { path, text } of formStrings(sop)) {
        for (const match of valuesInString(text, list, lang)) out.push(hardCodedDiagnostic(sop.file, match, 'attribute', sop.yaml.positionOf(path)));
      }
    }
    for (const m of t.modules) if (m.tree) out.push(...hardCodedInMdx(m.file, m.source, m.tree, m.uses, list, lang));
    // A translated time limit, guard word or scenario prints in that language's step tables,
    // diagrams and simulator; a translated definition on every page that names its term.
    for (const doc of t.workflows) out.push(...hardCodedInYaml(doc.file, doc.yaml.data, (path) => doc.yaml.positionOf(path), list, lang));
    const glossary = t.glossary.yaml;
    if (glossary) {
      for (const { path, text } of stringsWithPaths(glossary.data).filter(({ path }) => path[1] === 'definition')) {
        for (const match of valuesInString(text, list, lang)) out.push(hardCodedDiagnostic(t.glossary.file, match, 'attribute', glossary.positionOf(path)));
      }
    }
    for (const abs of t.quizzes) {
      const doc = loadQuizFile(root, abs);
      if (doc.quiz) out.push(...hardCodedInYaml(doc.file, doc.yaml.data, (path) => doc.yaml.positionOf(path), list, lang));
    }
  }
  // The text of the sources that do not parse (each has its own error): a parameter named in one
  // is not reported unused, which advised removing a parameter an SOP still uses.
  const unparsed = project.sops.filter((s) => !s.tree).map((s) => s.source ?? '');
  for (const abs of listFiles(join(root, layout.modules), '.mdx')) {
    // A file that cannot be read has its own error (the module loader's).
    const source = readSource(abs, relPath(root, abs)).text;
    if (source === undefined) continue;
    const parsed = parseMdx(splitFrontmatter(source).body);
    if ('error' in parsed) unparsed.push(source);
    else out.push(...hardCodedInMdx(relPath(root, abs), source, parsed.tree, componentUses(parsed.tree), list));
  }
  for (const g of glossaryStrings(project)) {
    for (const { path, text } of g.strings) {
      for (const match of valuesInString(text, list)) out.push(hardCodedDiagnostic(g.file, match, 'attribute', g.positionOf(path)));
    }
  }
  // A workflow file's own words: its time limits, titles, help and scenarios, in the step tables,
  // diagrams, job aids and simulator of the pack's language.
  for (const abs of workflowFiles(root)) {
    const file = relPath(root, abs);
    const source = readSource(abs, file).text;
    if (source === undefined) continue;
    for (const { text, at } of machineTexts(source)) {
      for (const match of valuesInString(text, list)) out.push(hardCodedDiagnostic(file, match, 'code', at));
    }
  }
  const quizzes = loadQuizzes(root);
  for (const doc of quizzes) {
    if (doc.quiz) out.push(...hardCodedInYaml(doc.file, doc.yaml.data, (path) => doc.yaml.positionOf(path), list));
  }
  const assumptions = projectAssumptions(project, quizzes);
  out.push(...assumptionRules(assumptions, project.parameters.get, ids));
  out.push(...relationRules(project));
  out.push(...nounRules(project, uses));
  const used = new Set([...uses.map((u) => u.id), ...assumptions.flatMap((a) => ('error' in a.parsed ? [] : [a.parsed.id]))]);
  const raw = (Array.isArray(project.yaml.parameters?.data) ? project.yaml.parameters.data : []) as { id?: unknown }[];
  list.forEach((p) => {
    if (used.has(p.id) || unparsed.some((text) => text.includes(p.id))) return;
    const at = project.yaml.parameters?.positionOf([raw.findIndex((e) => e?.id === p.id), 'id']);
    out.push(diagnostic('warning', 'params/unused', parametersFile, `parameter "${p.id}" is used nowhere: write <Param id="${p.id}" /> in an SOP, {param:${p.id}} in a quiz, or param('${p.id}') in a workflow, or remove it`, at));
  });
  return out;
}
