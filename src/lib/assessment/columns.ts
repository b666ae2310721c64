import type { Quiz, QuizItem } from '../../schemas/quiz.ts';
import { SopkitError } from '../errors.ts';
import { columnLetter, shorten } from './csv.ts';
import type { FormId } from './types.ts';

/** What a header cell of a responses file stands for. */
export type Column =
  | { kind: 'participant' | 'name' | 'form' | 'ignored' }
  | { kind: 'item'; item: QuizItem }
  /** Kobo's "separate columns" export of a multiple-answer question: `q1/a` holds 1 or 0. */
  | { kind: 'expanded'; item: QuizItem; option: string };

const PARTICIPANT = new Set(['participant', 'participant_id', 'participant-id', 'participantid']);
/**
 * The participant id column as people head it, compared in lower case with spaces, `_`, `-`, `.`,
 * `#` and `°` as one space: the label the booklets, answer sheets and evaluation forms print
 * ("Participant ID", "Identifiant", "رقم المشارك", "Participant code") and its usual variants.
 * Taken only for a whole header that is no item id (a quiz may have an item `id`).
 */
const PARTICIPANT_LABELS = new Set([
  'participant', 'participant id', 'participantid', 'participant no', 'participant number', 'participant code', 'participant nr',
  'id', 'id no', 'id number', "participant's id",
  'identifiant', 'identifiant du participant', 'code du participant', 'code participant', 'n participant', 'numéro du participant', 'numéro participant',
  'رقم المشارك', 'رمز المشارك',
]);

/**
 * Whether a cell labels a row of totals or averages that a spreadsheet user added under the data
 * (`Total`, `Moyenne`, `Average:`, `Total général`, `المجموع`, `المتوسط`): such a row is no
 * participant, and was refused as one with an empty form or organisation ("add a form column").
 */
export function isTotalLabel(cell: string): boolean {
  return /^(?:grand\s+)?(?:totals?|totaux|sum|somme|sous-total|subtotal|moyenne|average|mean|overall|المجموع|مجموع|الإجمالي|المتوسط|متوسط)(?:\s+g[ée]n[ée]ral)?\s*:?$/i.test(cell.trim());
}

/**
 * The refusal of a row of totals or averages (`isTotalLabel`), one wording for every table:
 * `${file} row 7: "Total" is a row of totals or averages, not a participant; delete the row (…)`.
 * @param what The row's kind ("totals or averages", "totals").
 * @param notA What a row of the table is ("participant", "respondent").
 * @param because What the report does itself, so the row is not needed.
 */
export function totalRowError(code: string, file: string, row: number, label: string, what: string, notA: string, because: string): SopkitError {
  return new SopkitError(code, `${file} row ${row}: "${shorten(label, 40)}" is a row of ${what}, not a ${notA}; delete the row (${because}) and save the file again`);
}

/** Whether a header (its last path segment) is the participant id column as people head it (`PARTICIPANT_LABELS`). */
export function isParticipantLabel(name: string): boolean {
  return PARTICIPANT_LABELS.has(name.normalize('NFC').toLowerCase().replace(/[\s_.#°-]+/g, ' ').trim());
}

const NAME = new Set(['name', 'participant_name', 'participant-name']);

/**
 * Columns that Kobo, ODK Central, ODK Briefcase or our own test page add and that carry no answer.
 * Compared in lower case, after the group prefix is removed.
 */
const META = new Set([
  'start', 'end', 'today', 'deviceid', 'subscriberid', 'simserial', 'phonenumber', 'username', 'email', 'audit',
  'instanceid', 'instancename', 'deprecatedid', 'rootuuid', 'submissiondate', 'key', 'parent_key', 'submitterid',
  'submittername', 'attachmentspresent', 'attachmentsexpected', 'status', 'reviewstate', 'deviceid', 'edits',
  'formversion', 'version', 'submitted', 'timestamp', 'quiz',
]);

/** A label for messages: spreadsheet letter and header text, e.g. `column D (br-03)`. */
export function columnLabel(index0: number, header: string): string {
  return `column ${columnLetter(index0 + 1)} (${header ? shorten(header) : 'no header'})`;
}

/** The header's last path segment: Kobo writes groups as `group/sub/q1`. */
export function segments(header: string): string[] {
  return header.trim().split('/').map((s) => s.trim()).filter(Boolean);
}

/** A name and its suffixes at hyphens, longest first: ODK Central writes groups as `group-q1`. */
export function candidates(name: string): string[] {
  const parts = name.split('-');
  return parts.map((_, i) => parts.slice(i).join('-'));
}

/** What a bare name (no group path) is, if anything we know. */
function knownName(name: string, items: ReadonlyMap<string, QuizItem>): Column | undefined {
  for (const candidate of candidates(name)) {
    if (PARTICIPANT.has(candidate)) return { kind: 'participant' };
    if (NAME.has(candidate)) return { kind: 'name' };
    if (candidate === 'form') return { kind: 'form' };
    const item = items.get(candidate);
    if (item) return { kind: 'item', item };
  }
  // "Participant ID", as the booklet prints it: after the item ids, so an item `id` stays an item.
  if (isParticipantLabel(name)) return { kind: 'participant' };
  return undefined;
}

/** Whether a header (as path segments) is a Kobo/ODK meta column that carries no answer. */
export function isMeta(path: string[]): boolean {
  const last = (path[path.length - 1] ?? '').toLowerCase();
  if (last.startsWith('_')) return true;
  if (path.some((p) => /^(meta|formhub)$/i.test(p))) return true;
  if (/^(meta|formhub)-/i.test(last)) return true;
  return META.has(last);
}

/** What one header cell is, or undefined when it is no column of the quiz's responses. */
function columnOf(cell: string, items: ReadonlyMap<string, QuizItem>): Column | undefined {
  const path = segments(cell);
  const last = (path[path.length - 1] ?? '').toLowerCase();
  if (path.length === 0) return { kind: 'ignored' };
  if (isMeta(path)) return { kind: 'ignored' };
  const known = knownName(last, items);
  if (known) return known;
  const parent = path.length > 1 ? knownName((path[path.length - 2] ?? '').toLowerCase(), items) : undefined;
  if (parent?.kind === 'item' && parent.item.options.some((o) => o.id === last)) return { kind: 'expanded', item: parent.item, option: last };
  return undefined;
}

/**
 * Whether a filled cell names a column of a responses file of one of the quizzes (participant,
 * name, form, an item, an option column or Kobo/ODK meta): what tells a header row from a title
 * row above it (`readCsv`'s `header` option).
 */
export function responsesColumnTest(quizzes: readonly Quiz[]): (cell: string) => boolean {
  const maps = quizzes.map((quiz) => new Map(quiz.items.map((item) => [item.id, item])));
  return (cell) => maps.some((items) => columnOf(cell, items) !== undefined);
}

/** What the header of a responses file holds, for the message about a title row above it. */
export const RESPONSES_HEADER = 'participant, form and one column per item';

/** The number of a header typed from the answer sheet (`Q1`, `1`, `Question 1`, `No. 1`, `#1`), if it is one. */
export function questionNumber(cell: string): number | undefined {
  const m = /^(?:q|question|qn|no\.?|n°|#)?\s*[-_.]?\s*(\d{1,3})\.?$/i.exec(cell.trim());
  return m ? Number(m[1]) : undefined;
}

/**
 * What to do with a column headed by a question number: the answer sheet numbers the questions
 * of each form, the responses file names items, so the number is no item (and is not the same
 * item on the pre- and the post-test). Says which item the number (1 to the longer form's length)
 * is on each form.
 */
export function numberAdvice(n: number, quiz: Quiz, form: FormId = 'pre'): string {
  const ids = quiz.forms[form];
  const head = ids.length > 12 ? `${ids.slice(0, 12).join(', ')}, ...` : ids.join(', ');
  return `a question number; the columns are named by item id, not number: question ${n} is ${questionIs(n, quiz)} (the header of the ${form}-test: participant, name, form, ${head}); start from the blank sheet: the test page's template.csv, or sopkit quiz export ${quiz.id} --format template --form ${form}`;
}

/** Which item question `n` of the answer sheet is on each form of a quiz: "li-01 on the pre-test and li-02 on the post-test". */
export function questionIs(n: number, quiz: Quiz): string {
  const { pre, post } = quiz.forms;
  return [pre[n - 1] ? `${pre[n - 1]} on the pre-test` : '', post[n - 1] ? `${post[n - 1]} on the post-test` : ''].filter(Boolean).join(' and ');
}

/**
 * Says what each header cell of a responses file is. A column that is neither an item of the quiz
 * nor a known participant, name, form or meta column is an error: silently ignoring it could
 * drop answers (a misspelt item id), so the trainer is told to fix the header.
 * @param header Header cells.
 * @param quiz The quiz the responses answer.
 * @param file File name for messages.
 * @param form The form the file was given as, when known: a question number's advice names its header and blank sheet (default pre).
 */
export function classifyColumns(header: readonly string[], quiz: Quiz, file: string, form?: FormId): Column[] {
  const items = new Map(quiz.items.map((item) => [item.id, item]));
  const hasParticipant = header.some((cell) => knownName((segments(cell).pop() ?? '').toLowerCase(), items)?.kind === 'participant');
  const columns = header.map((cell, i): Column => {
    const known = columnOf(cell, items);
    if (known) return known;
    const number = questionNumber(cell);
    if (number !== undefined && number >= 1 && number <= Math.max(quiz.forms.pre.length, quiz.forms.post.length)) throw new SopkitError('responses/question-number', `${file} row 1, ${columnLabel(i, cell)}: ${numberAdvice(number, quiz, form)}`);
    const ids = quiz.items.map((x) => x.id);
    const sample = ids.length > 6 ? `${ids.slice(0, 6).join(', ')}, ...` : ids.join(', ');
    throw new SopkitError(
      'responses/unknown-column',
      `${file} row 1, ${columnLabel(i, cell)}: not an item of quiz ${quiz.id} (items: ${sample}); fix the header or delete the column${hasParticipant ? '' : '; the participant ids go in a column named "participant"'}`,
    );
  });
  const seen = new Map<string, number>();
  columns.forEach((c, i) => {
    const key = c.kind === 'item' ? `item:${c.item.id}` : c.kind === 'expanded' ? `opt:${c.item.id}/${c.option}` : c.kind === 'ignored' ? '' : c.kind;
    if (!key) return;
    const first = seen.get(key);
    if (first !== undefined) {
      throw new SopkitError('responses/duplicate-column', `${file} row 1, ${columnLabel(i, header[i] ?? '')}: the same column as ${columnLabel(first, header[first] ?? '')}; keep one of them`);
    }
    seen.set(key, i);
  });
  if (!columns.some((c) => c.kind === 'participant')) {
    throw new SopkitError('responses/no-participant', `${file} row 1: no participant column; the header needs a column named "participant" holding each participant's id`);
  }
  return columns;
}
