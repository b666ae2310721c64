// What a quiz item or a training module takes for granted about a country's values. A quiz item
// whose dates were chosen for the model's periods ("born on 1 September 2024, declared on 15 April
// 2025: late") has a key that is right only while the legal period is under 226 days and the grace
// period at least that; a country that sets a legal period of a year would score every participant
// wrongly without a word. The author writes the condition once, next to the item
// (`assumes: ["birth-registration-period < 226 days"]`), and `sopkit check` (so the build) stops
// with the item's line when the country's value breaks it.
import { comparable, PERMANENT, type Parameter, type ParameterUnit } from '../../schemas/parameters.ts';
import { loadQuizzes, type QuizDoc } from '../assessment/quiz-load.ts';
import { relPath, type Project } from '../content/project.ts';
import { readSource } from '../content/read-source.ts';
import type { Position } from '../diagnostics.ts';
import { formatParameter } from './format.ts';
import { parametersFile } from './load.ts';
import { scenarioAssumptions } from './machine-refs.ts';
import { workflowFiles } from '../workflow/load.ts';

export type Comparison = '<' | '<=' | '>' | '>=' | '=' | '!=';

/** One condition, as written: `birth-registration-period < 226 days: case 2 is late`. */
export interface Assumption {
  id: string;
  op: Comparison;
  /** The number written, or `permanent` (a period with no end, longer than any number). */
  value: number | typeof PERMANENT;
  /** The unit written, normalised to a parameter unit; undefined when none was written (the parameter's own). */
  unit: ParameterUnit | undefined;
  /** What depends on it, after a colon (modules: the exercise or table). */
  note: string | undefined;
  /** The condition as written, without its note. */
  text: string;
}

const OPS: Record<string, Comparison> = { '<': '<', '<=': '<=', '≤': '<=', '>': '>', '>=': '>=', '≥': '>=', '=': '=', '==': '=', '!=': '!=', '≠': '!=' };

/** Unit words an author may write, singular or plural, for each parameter unit. */
const UNIT_WORDS: Record<string, ParameterUnit> = {
  day: 'days', days: 'days',
  'working-day': 'working-days', 'working-days': 'working-days', 'working day': 'working-days', 'working days': 'working-days',
  hour: 'hours', hours: 'hours',
  month: 'months', months: 'months',
  year: 'years', years: 'years',
  '%': 'percent', percent: 'percent',
  point: 'score', points: 'score', score: 'score',
  currency: 'currency',
  count: 'count',
};

const PATTERN = /^\s*([a-z0-9][a-z0-9-]*)\s*(<=|>=|==|!=|<|>|=|≤|≥|≠)\s*(-?\d+(?:\.\d+)?|permanent(?![a-z]))\s*([a-z%][a-z -]*?)?\s*(?::\s*(.*))?$/i;

/**
 * Reads one condition.
 * @param written The text of one `assumes` entry.
 * @returns The condition, or the reason it cannot be read.
 */
export function parseAssumption(written: string): Assumption | { error: string } {
  const m = PATTERN.exec(written);
  if (!m) return { error: `"${written}" is not a condition on a parameter; write it as <parameter id> <, <=, >, >=, = or != <number> [unit], like "birth-registration-period < 226 days" (or "register-retention = permanent")` };
  const [, id = '', op = '', number = '', unitWord, note] = m;
  const permanent = number.toLowerCase() === PERMANENT;
  if (permanent && unitWord) return { error: `"${written}": "permanent" takes no unit (a period with no end is no number of ${unitWord.trim()}); write "${id} ${op} permanent"` };
  let unit: ParameterUnit | undefined;
  if (unitWord) {
    unit = UNIT_WORDS[unitWord.trim().toLowerCase()];
    if (!unit) return { error: `"${written}": "${unitWord.trim()}" is not a unit of a parameter; write days, working days, hours, months, years, percent, or no unit (the parameter's own)` };
  }
  const text = written.split(':')[0]!.trim();
  return { id, op: OPS[op]!, value: permanent ? PERMANENT : Number(number), unit, note: note?.trim() || undefined, text };
}

/** Whether `value op bound` holds. */
function holds(value: number, op: Comparison, bound: number): boolean {
  switch (op) {
    case '<': return value < bound;
    case '<=': return value <= bound;
    case '>': return value > bound;
    case '>=': return value >= bound;
    case '=': return value === bound;
    case '!=': return value !== bound;
  }
}

/** The units that mean the same as a parameter's own: an age is counted in years. */
function sameUnit(written: ParameterUnit, own: ParameterUnit): boolean {
  return written === own || (written === 'years' && own === 'age') || (written === 'count' && own === 'score');
}

/** What checking a condition against the country's value found. */
export type Verdict = { holds: true } | { holds: false; why: string };

/**
 * Checks a condition against the parameter in force.
 * @param a The condition.
 * @param p The parameter it names.
 */
export function checkAssumption(a: Assumption, p: Parameter): Verdict {
  const now = formatParameter(p);
  const model = p.model.value === 'permanent' ? 'permanent' : formatParameter({ ...p, value: p.model.value });
  const was = p.model.value === p.value ? '' : ` (the model value: ${model})`;
  // A value moved to another unit (90 days to 3 months) cannot be compared: someone must look.
  if (a.unit && !sameUnit(a.unit, p.unit)) return { holds: false, why: `${parametersFile} now counts it in ${p.unit.replace('-', ' ')} (${now}), so the condition cannot be checked` };
  // A permanent period is longer than any number of years: "retention >= 50 years" holds.
  if (holds(comparable(p.value), a.op, comparable(a.value))) return { holds: true };
  // "sets permanently (the model value: 365 days)" read as broken English.
  const set = p.value === 'permanent' ? 'sets it as permanent, a period with no end' : `sets ${now}`;
  return { holds: false, why: `${parametersFile} ${set}${was}` };
}

/** One condition as found in a file, with where it is written and what it is about. */
export interface PlacedAssumption {
  /** The entry as written. */
  written: string;
  parsed: Assumption | { error: string };
  file: string;
  at: Position;
  kind: 'quiz' | 'module' | 'sop' | 'scenario';
  /** Quiz id, module id, SOP id, or for a scenario its workflow's id. */
  doc: string;
  /** Quiz conditions: the item; scenario conditions: the scenario. */
  item?: string;
}

/** The `assumes` entries of a parsed YAML node (a list of strings), with their paths. */
function entries(list: unknown, path: (string | number)[]): { written: string; path: (string | number)[] }[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((v, j) => (typeof v === 'string' ? [{ written: v, path: [...path, j] }] : []));
}

/**
 * Every `assumes` condition of the project: quiz items (`items[].assumes`), module and SOP
 * frontmatter (`assumes`; a translation's examples are its source's) and workflow scenarios (`assumes`, read from the machine's source). Files that do
 * not load are left to their own checkers.
 * @param project The loaded project: its modules' and SOPs' frontmatter as it parsed it, with positions.
 * @param quizzes The project's quiz files, when the caller has loaded them already.
 */
export function projectAssumptions(project: Pick<Project, 'root' | 'modules' | 'sops'>, quizzes: readonly QuizDoc[] = loadQuizzes(project.root)): PlacedAssumption[] {
  const { root } = project;
  const out: PlacedAssumption[] = [];
  for (const doc of quizzes) {
    const items = (doc.yaml.data as { items?: unknown } | undefined)?.items;
    if (!Array.isArray(items)) continue;
    items.forEach((item: unknown, i) => {
      const { id, assumes } = (item ?? {}) as { id?: unknown; assumes?: unknown };
      for (const e of entries(assumes, ['items', i, 'assumes'])) {
        out.push({ written: e.written, parsed: parseAssumption(e.written), file: doc.file, at: doc.yaml.positionOf(e.path), kind: 'quiz', doc: doc.id, ...(typeof id === 'string' ? { item: id } : {}) });
      }
    });
  }
  for (const [docs, kind] of [[project.modules, 'module'], [project.sops, 'sop']] as const) {
    for (const doc of docs) {
      for (const e of entries((doc.yaml.data as { assumes?: unknown } | undefined)?.assumes, ['assumes'])) {
        out.push({ written: e.written, parsed: parseAssumption(e.written), file: doc.file, at: doc.yaml.positionOf(e.path), kind, doc: doc.id });
      }
    }
  }
  for (const abs of workflowFiles(root)) {
    const file = relPath(root, abs);
    const source = readSource(abs, file).text;
    if (source === undefined) continue;
    const doc = file.replace(/^workflows\//, '').replace(/\.machine\.ts$/, '');
    for (const a of scenarioAssumptions(source)) {
      out.push({ written: a.written, parsed: parseAssumption(a.written), file, at: a.at, kind: 'scenario', doc, item: a.scenario });
    }
  }
  return out;
}
