import type { Evaluation, EvaluationItem } from '../../../schemas/evaluation.ts';
import { candidates, columnLabel, isMeta, isParticipantLabel, isTotalLabel, segments, totalRowError } from '../../assessment/columns.ts';
import { readCsv, type HeaderTest } from '../../assessment/csv.ts';
import { asciiDigits } from '../../digits.ts';
import { SopkitError } from '../../errors.ts';
import { scaleOf, type Scale } from './scale.ts';

/** One answer: a point of the scale (Likert), an option id (choice) or free text. */
export type EvaluationAnswer = number | string;

/** One respondent's answers, as read from one CSV row (or the evaluation page). */
export interface EvaluationResponse {
  /** Respondent id, when the file has one (never on an anonymous form's page). */
  respondent?: string;
  /** The course the row says it evaluates, when the file has a `course` column. */
  course?: string;
  /** The session or module the row evaluates, when the file has a `session` column. */
  session?: string;
  /** Answers by item id; an item not answered is absent. */
  answers: Record<string, EvaluationAnswer>;
  /** Where the row came from, for messages: file name and spreadsheet row. */
  source: { file: string; row: number };
}

/** The rows of one evaluation responses file, checked against the form. */
export interface EvaluationResponseSet {
  file: string;
  /** The form answered. */
  form: string;
  responses: EvaluationResponse[];
  /** Rows with no answer at all (a respondent id alone), left out of every count. */
  emptyRows: number[];
  /** Kobo/ODK meta columns that were ignored. */
  ignoredColumns: string[];
}

/** What an empty evaluation responses file is told to do. */
export const EVALUATION_EMPTY = { code: 'evaluation-responses/empty', advice: 'export the evaluation responses again (a header row, then one row per respondent)' };

/** What a header cell of an evaluation responses file stands for. */
type Column = { kind: 'respondent' | 'course' | 'session' | 'ignored' } | { kind: 'item'; item: EvaluationItem };

const RESPONDENT = new Set(['respondent', 'respondent_id', 'respondent-id', 'participant', 'participant_id', 'participant-id', 'participantid']);
const SPECIAL: Record<string, 'course' | 'session'> = { course: 'course', course_id: 'course', session: 'session', session_id: 'session' };

/** What one header cell of an evaluation form's responses is, or undefined when it is no column of them. */
function columnOf(cell: string, items: ReadonlyMap<string, EvaluationItem>): Column | undefined {
  const path = segments(cell);
  const last = (path[path.length - 1] ?? '').toLowerCase();
  if (!path.length) return { kind: 'ignored' };
  // An item id comes first: a form may have an item called `status` or `start`.
  const item = items.get(last);
  if (item) return { kind: 'item', item };
  if (isMeta(path)) return { kind: 'ignored' };
  for (const c of candidates(last)) {
    const item = items.get(c);
    if (item) return { kind: 'item', item };
    if (RESPONDENT.has(c)) return { kind: 'respondent' };
    const special = SPECIAL[c];
    if (special) return { kind: special };
  }
  // "Participant code", as the form prints it.
  if (isParticipantLabel(last)) return { kind: 'respondent' };
  return undefined;
}

/** Tells the header of responses to any of the forms from a title typed above it (`readCsv`). */
export function evaluationHeaderTest(forms: readonly Evaluation[]): HeaderTest {
  const maps = forms.map((form) => new Map(form.items.map((item) => [item.id, item])));
  return { known: (cell) => maps.some((items) => columnOf(cell, items) !== undefined), holds: 'one column per question of the form' };
}

function classify(header: readonly string[], form: Evaluation, file: string): Column[] {
  const items = new Map(form.items.map((item) => [item.id, item]));
  const columns = header.map((cell, i): Column => {
    const known = columnOf(cell, items);
    if (known) return known;
    const ids = form.items.map((x) => x.id);
    const sample = ids.length > 6 ? `${ids.slice(0, 6).join(', ')}, ...` : ids.join(', ');
    throw new SopkitError('evaluation-responses/unknown-column', `${file} row 1, ${columnLabel(i, cell)}: not an item of evaluation form ${form.id} (items: ${sample}); fix the header or delete the column`);
  });
  const seen = new Map<string, number>();
  columns.forEach((c, i) => {
    const key = c.kind === 'item' ? `item:${c.item.id}` : c.kind === 'ignored' ? '' : c.kind;
    if (!key) return;
    const first = seen.get(key);
    if (first !== undefined) throw new SopkitError('evaluation-responses/duplicate-column', `${file} row 1, ${columnLabel(i, header[i] ?? '')}: the same column as ${columnLabel(first, header[first] ?? '')}; keep one of them`);
    seen.set(key, i);
  });
  for (const item of form.items) {
    if (!seen.has(`item:${item.id}`)) throw new SopkitError('evaluation-responses/missing-column', `${file} row 1: no column for item ${item.id} of evaluation form ${form.id}; add the column (empty cells mean no answer)`);
  }
  return columns;
}

/**
 * The form a responses file answers, from its header: the one form whose items are all columns
 * of the file. A file that fits none or several is one error saying so.
 * @param header The file's header cells.
 * @param forms The candidate forms (a course's and its modules').
 * @param file File name for messages.
 */
export function formOfHeader(header: readonly string[], forms: readonly Evaluation[], file: string): Evaluation {
  const fits = forms.filter((form) => {
    try {
      classify(header, form, file);
      return true;
    } catch {
      return false;
    }
  });
  if (fits.length === 1) return fits[0]!;
  const ids = forms.map((f) => f.id).join(', ') || 'none';
  if (!fits.length) throw new SopkitError('evaluation-responses/unknown-form', `${file} row 1: the columns are not the items of an evaluation form of this course (${ids}); check the file, or name the form: --evaluation <form>=${file}`);
  throw new SopkitError('evaluation-responses/ambiguous-form', `${file} row 1: the columns fit several evaluation forms (${fits.map((f) => f.id).join(', ')}); name the form: --evaluation <form>=${file}`);
}

/** Words compared loosely: lower case, `_` and `-` as spaces, single spaces, any apostrophe as `'` (a keyboard's D'accord for the form's D’accord). */
const loose = (text: string) => text.toLowerCase().replace(/[’‘ʼ`´]/g, "'").replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * Reads one Likert cell: the number of a point (`4`), or its label as Kobo's label export writes it
 * (`Agree`, `strongly_agree`). Throws with the place and the scale on anything else.
 */
export function parseLikert(cell: string, item: EvaluationItem, scale: Scale, where: string, also: readonly Scale[] = []): number {
  const text = cell.trim();
  // A label of the form's language, or of another language the form is published in: the file
  // is read the same whatever language the report is written in.
  const label = (s: Scale) => s.labels.findIndex((l) => loose(l) === loose(text)) + 1;
  const n = /^\d+$/.test(asciiDigits(text)) ? Number(asciiDigits(text)) : [scale, ...also].map(label).find((x) => x > 0) ?? 0;
  if (Number.isInteger(n) && n >= 1 && n <= scale.points) return n;
  throw new SopkitError(
    'evaluation-responses/not-on-scale',
    `${where}: "${text.slice(0, 40)}" is not on the scale of item ${item.id}: write a number from 1 (${scale.labels[0]}) to ${scale.points} (${scale.labels[scale.points - 1]}), or leave it empty for no answer`,
  );
}

/** Reads one choice cell: an option id, or the option's text. */
export function parseChoice(cell: string, item: EvaluationItem, where: string, also: readonly EvaluationItem[] = []): string {
  const text = cell.trim();
  const options = item.options ?? [];
  const found = options.find((o) => o.id === text.toLowerCase()) ?? [item, ...also].flatMap((x) => x.options ?? []).find((o) => loose(o.text) === loose(text));
  if (found) return found.id;
  throw new SopkitError('evaluation-responses/unknown-option', `${where}: "${text.slice(0, 40)}" is not an option of item ${item.id} (options: ${options.map((o) => o.id).join(', ')}); correct the cell or leave it empty for no answer`);
}

/** Options for reading an evaluation responses file. */
export interface EvaluationReadOptions {
  /** The course being reported: a row whose `course` cell names another course is an error. */
  course?: string;
  /** The same form in the other languages it is published in: their labels and option texts are read too. */
  also?: readonly Evaluation[];
}

/**
 * Reads an evaluation responses file (ARCHITECTURE.md, Formats: evaluation responses) with the
 * delimiter, quoting, BOM and Kobo/ODK rules of test responses, and checks every cell against the
 * form. A row without any answer is kept out of the counts and listed.
 * @param text The CSV text.
 * @param file File name for messages.
 * @param form The evaluation form answered.
 * @param options See {@link EvaluationReadOptions}.
 * @throws SopkitError with file, row and column for any bad input.
 */
export function parseEvaluationResponses(text: string, file: string, form: Evaluation, options: EvaluationReadOptions = {}): EvaluationResponseSet {
  const table = readCsv(text, file, EVALUATION_EMPTY, { header: evaluationHeaderTest([form]) });
  const columns = classify(table.header, form, file);
  if (!table.rows.length) throw new SopkitError('evaluation-responses/no-rows', `${file}: a header but no responses; one row per respondent is expected under it`);
  const scale = scaleOf(form);
  const others = (options.also ?? []).filter((f) => f.id === form.id);
  const alsoScales = others.map(scaleOf);
  const alsoItems = (id: string) => others.flatMap((f) => f.items).filter((x) => x.id === id);
  const responses: EvaluationResponse[] = [];
  const emptyRows: number[] = [];
  const seen = new Map<string, number>();
  /**
   * The label of a row of totals or averages typed under the responses (`Moyenne` in the first
   * column, then the columns' averages), as test responses and attendance tell one
   * (`isTotalLabel`): in the respondent cell or the row's first filled cell, unless that cell is
   * an answer of its column (a point of the scale named "Average", a text answer). Undefined for
   * a respondent's row. Its averages were "not on the scale" of the first item; rounded to points
   * of the scale, it was counted as one more respondent.
   */
  const respondent = columns.findIndex((c) => c.kind === 'respondent');
  const label = (cell: string, c: Column | undefined): boolean => {
    if (!c || !isTotalLabel(cell)) return false;
    if (c.kind !== 'item') return true;
    if (c.item.type !== 'likert' && c.item.type !== 'choice') return false;
    try {
      if (c.item.type === 'likert') parseLikert(cell, c.item, scale, file, alsoScales);
      else parseChoice(cell, c.item, file, alsoItems(c.item.id));
      return false;
    } catch {
      return true;
    }
  };
  const totalLabel = (cells: readonly string[]): string | undefined => {
    const first = cells.findIndex((cell) => cell.trim() !== '');
    const at = [respondent, first].find((i) => i >= 0 && label((cells[i] ?? '').trim(), columns[i]));
    return at === undefined ? undefined : (cells[at] ?? '').trim();
  };
  table.rows.forEach((cells, r) => {
    const row = table.rowNumbers[r] ?? r + 2;
    const at = (i: number) => `${file} row ${row}, ${columnLabel(i, table.header[i] ?? '')}`;
    const total = totalLabel(cells);
    if (total !== undefined) throw totalRowError('evaluation-responses/total-row', file, row, total, 'totals or averages', 'respondent', 'the report counts and averages the answers itself');
    const response: EvaluationResponse = { answers: {}, source: { file, row } };
    columns.forEach((c, i) => {
      const cell = (cells[i] ?? '').trim();
      if (!cell) return;
      if (c.kind === 'ignored') {
        if (!(table.header[i] ?? '').trim()) throw new SopkitError('evaluation-responses/no-header', `${at(i)}: "${cell.slice(0, 40)}" is in a column with no header; name the column (an item id) or delete it`);
        return;
      }
      if (c.kind === 'respondent') response.respondent = asciiDigits(cell);
      else if (c.kind === 'session') response.session = cell;
      else if (c.kind === 'course') {
        // The id as a person types it ("Registry-Officers", " registry-officers ") is still this course.
        const same = (a: string) => a.trim().toLowerCase().replace(/[\s_]+/g, '-');
        if (options.course && same(cell) !== same(options.course)) throw new SopkitError('evaluation-responses/other-course', `${at(i)}: this row evaluates course "${cell.slice(0, 40)}", not ${options.course}; give only this course's responses, or correct the cell`);
        response.course = options.course && same(cell) === same(options.course) ? options.course : cell;
      } else if (c.kind !== 'item') return;
      else if (c.item.type === 'likert') response.answers[c.item.id] = parseLikert(cell, c.item, scale, at(i), alsoScales);
      else if (c.item.type === 'choice') response.answers[c.item.id] = parseChoice(cell, c.item, at(i), alsoItems(c.item.id));
      else response.answers[c.item.id] = cell;
    });
    if (!Object.keys(response.answers).length) {
      emptyRows.push(row);
      return;
    }
    if (response.respondent) {
      // Once per session: a named form filled in at the end of each day is one row a day each.
      const key = onceKey(response);
      const earlier = seen.get(key);
      if (earlier !== undefined) throw new SopkitError('evaluation-responses/duplicate-respondent', `${file} row ${row}: respondent ${response.respondent} already answered${sessionWords(response)} in row ${earlier}; remove one of the rows or correct the id`);
      seen.set(key, row);
    }
    responses.push(response);
  });
  const ignoredColumns = table.header.filter((h, i) => columns[i]?.kind === 'ignored' && h);
  return { file, form: form.id, responses, emptyRows, ignoredColumns };
}

/** What a respondent answers once: the form, or the form for one session (a `session` column). */
const onceKey = (r: Pick<EvaluationResponse, 'respondent' | 'session'>) => `${r.respondent}\u0000${r.session ?? ''}`;
const sessionWords = (r: Pick<EvaluationResponse, 'session'>) => (r.session ? ` for session "${r.session}"` : '');

/** Puts the responses of several files of one form together, refusing a respondent id found twice. */
export function combineEvaluationResponses(sets: readonly EvaluationResponseSet[]): EvaluationResponse[] {
  const seen = new Map<string, EvaluationResponse>();
  const out: EvaluationResponse[] = [];
  for (const r of sets.flatMap((s) => s.responses)) {
    if (r.respondent) {
      const first = seen.get(onceKey(r));
      if (first) throw new SopkitError('evaluation-responses/duplicate-respondent', `${r.source.file} row ${r.source.row}: respondent ${r.respondent} already answered${sessionWords(r)} in ${first.source.file} row ${first.source.row}; remove one of the rows`);
      seen.set(onceKey(r), r);
    }
    out.push(r);
  }
  return out;
}
