import type { Quiz, QuizItem } from '../../schemas/quiz.ts';
import { asciiDigits } from '../digits.ts';
import { SopkitError } from '../errors.ts';
import { RESPONSES_HEADER, classifyColumns, columnLabel, isTotalLabel, responsesColumnTest, totalRowError, type Column } from './columns.ts';
import { columnLetter, quoteCell, readCsv, shorten } from './csv.ts';
import { looseId } from './look-alike.ts';
import { moodleReport, parseMoodleResponses } from './moodle-responses.ts';
import { ARABIC_SEPARATORS, BIDI_MARKS, arabicIds, hasArabicLetter, letteredIds, optionLetter } from './option-letters.ts';
import { formItems } from './quiz-rules.ts';
import type { FormId, ParticipantResponse, ResponseSet } from './types.ts';

/** Options for reading a responses file. */
export interface ReadOptions {
  /**
   * The form every row answers (`--form`, or the slot the file was given in: `--pre`). Required
   * when the file has no `form` column; when it has one, every row must agree with it.
   */
  form?: FormId;
}

/**
 * The form column's words, as the reports write them in each language (spaces, hyphens and
 * underscores left out): pre, pre-test, pré-test (French), القبلي / الاختبار القبلي (Arabic); post...
 */
const FORM_WORDS: Record<string, FormId> = {
  pre: 'pre', pretest: 'pre', 'pré': 'pre', 'prétest': 'pre', 'قبلي': 'pre', 'القبلي': 'pre', 'الاختبارالقبلي': 'pre',
  post: 'post', posttest: 'post', 'بعدي': 'post', 'البعدي': 'post', 'الاختبارالبعدي': 'post',
};
/**
 * True/false typed as the sheets print it: T/F, V/F (French), ص/خ (Arabic, the first letters of
 * صح and خطأ), or the words.
 */
const TRUE_FALSE: Record<string, string> = { true: 'true', t: 'true', false: 'false', f: 'false', vrai: 'true', v: 'true', faux: 'false', 'صح': 'true', 'صحيح': 'true', 'ص': 'true', 'خطأ': 'false', 'خطا': 'false', 'خ': 'false' };
/** Separators between the ids of a cell: spaces, and the commas and semicolons of Latin and Arabic keyboards. */
const SEPARATORS = new RegExp(`[\\s,;|${ARABIC_SEPARATORS}]+`);

/**
 * Reads one answer cell: option ids separated by spaces (commas and semicolons are tolerated),
 * checked against the item. An item whose ids are letters a–h may also be typed in the Arabic
 * letters its Arabic prints show (`أ ب ج د`, `هـ`; `option-letters.ts`), so a sheet typed in
 * Arabic scores as one typed in Latin letters. Throws with the file, row and column on anything
 * the item does not have, so that nothing is scored silently wrong.
 */
export function parseAnswer(cell: string, item: QuizItem, where: string): string[] {
  const ids = item.options.map((o) => o.id);
  let tokens = cell.replace(BIDI_MARKS, '').trim().toLowerCase().split(SEPARATORS).filter(Boolean);
  if (tokens.length === 0) return [];
  if (item.type === 'truefalse') tokens = tokens.map((t) => TRUE_FALSE[t] ?? t);
  // Paper answers typed fast: "ACD" or "CADB" when every option id is one letter.
  if (ids.every((id) => id.length === 1)) tokens = tokens.flatMap((t) => (!ids.includes(t) && [...t].every((c) => ids.includes(c)) ? [...t] : [t]));
  // Arabic letters, one id each ("أجد" too); what each id was typed as, for messages, and which were و.
  const typed = new Map<string, string>();
  const waw: boolean[] = [];
  if (letteredIds(ids)) {
    tokens = tokens.flatMap((t) => {
      const read = hasArabicLetter(t) ? arabicIds(t) : undefined;
      if (!read) return (waw.push(false), [t]);
      const letters = read.length === 1 ? [t] : [...t.replace(/\u0640/g, '')];
      read.forEach((id, k) => {
        if (!typed.has(id)) typed.set(id, letters[k]!);
        waw.push(id === 'f');
      });
      return read;
    });
  }
  const unknown = tokens.find((t) => !ids.includes(t));
  // Listed sorted: an order item's options are written in the right order, and a message must not give it away.
  const listed = [...ids].sort().join(', ');
  if (unknown !== undefined) {
    // Quoted as typed ("A/B", not "a/b"): the trainer looks for it on the sheet and in the file.
    const asTyped = cell.replace(BIDI_MARKS, '').trim().split(SEPARATORS).find((t) => t.toLowerCase() === unknown) ?? unknown;
    const shown = typed.has(unknown) ? `${quoteCell(typed.get(unknown)!)} (${unknown})` : quoteCell(asTyped);
    const arabic = letteredIds(ids) && (typed.size > 0 || hasArabicLetter(unknown)) ? `; in Arabic letters ${[...ids].sort().map((id) => optionLetter(ids, id, 'ar')).join(' ')}` : '';
    // "A/B", "a+b", "C-F-A-E": options joined by a sign that is not read as a separator. Never
    // read as both: "A/B" on a sheet may be a mark between two boxes the trainer could not tell.
    const pieces = cell.trim().toLowerCase().split(/[\s,;|/+&>.\-]+/).filter(Boolean);
    const joined = /[/+&>.-]/.test(cell) && pieces.length > 1 && pieces.every((p) => ids.includes(p) || TRUE_FALSE[p] !== undefined);
    const one = item.type === 'single' || item.type === 'truefalse' || item.type === 'scenario';
    const advice = joined && one ? `item ${item.id} takes one option; two boxes ticked on a sheet, or a mark that is unclear: leave the cell empty (scored as wrong)` : joined ? 'write several options with spaces or commas between them (a b, or a,b); a mark that is unclear on the sheet: leave the cell empty (scored as wrong)' : 'correct the cell or leave it empty for no answer';
    throw new SopkitError('responses/unknown-option', `${where}: ${shown} is not an option of item ${item.id} (options: ${listed}${arabic}); ${advice}`);
  }
  // و is option f, and also the Arabic "and": between two letters of a multiple-answer cell it could be either.
  if (item.type === 'multiple' && waw.some((w, k) => w && k > 0 && k < tokens.length - 1)) {
    throw new SopkitError('responses/ambiguous-letter', `${where}: in ${quoteCell(cell)}, و between two letters may be option f or the word "and"; type f for option f and separate the letters with spaces only`);
  }
  const single = item.type === 'single' || item.type === 'truefalse' || item.type === 'scenario';
  if (single && tokens.length > 1) {
    throw new SopkitError('responses/several-options', `${where}: ${quoteCell(cell)} gives ${tokens.length} options but item ${item.id} takes one; two boxes ticked on a sheet: leave it empty (scored as wrong)`);
  }
  if (item.type === 'order') {
    const sorted = [...tokens].sort().join(' ');
    if (sorted !== [...ids].sort().join(' ')) {
      throw new SopkitError('responses/bad-order', `${where}: ${quoteCell(cell)} must list each of ${listed} exactly once (order items), or be empty`);
    }
    return tokens;
  }
  return [...new Set(tokens)];
}

function formOf(cell: string | undefined, given: FormId | undefined, where: string): FormId {
  const text = (cell ?? '').trim().toLowerCase();
  const found = text ? FORM_WORDS[text.normalize('NFC').replace(/[\s_-]+/g, '')] : undefined;
  if (text && !found) throw new SopkitError('responses/bad-form', `${where}: form ${quoteCell(cell ?? '')} is neither pre nor post`);
  if (found && given && found !== given) {
    throw new SopkitError('responses/form-mismatch', `${where}: this row is a ${found}-test but the file was given as the ${given}-test; check the file or the form column`);
  }
  const form = found ?? given;
  if (!form) throw new SopkitError('responses/no-form', `${where}: no form; add a "form" column (pre or post) or give --form pre|post`);
  return form;
}

/**
 * What a "separate columns" cell (`q1/a`) holds for a ticked and an unticked option, as Kobo and
 * ODK export them: KoboToolbox writes 1 and 0 (empty when the question was not answered), ODK
 * Central and Briefcase 1 and 0, older KoBoCAT / Ona exports True and False (or the option's
 * name or label when ticked, empty when not); a spreadsheet adds TRUE/FALSE, and English and
 * French forms yes/no, oui/non (ARCHITECTURE.md, Formats: responses).
 */
const TICKED = new Set(['1', 'true', 'yes', 'y', 'x', 'oui', 'vrai']);
const UNTICKED = new Set(['', '0', 'false', 'no', 'n', 'non', 'faux']);

/**
 * Whether one "separate columns" cell ticks its option; anything else is an error with its place,
 * never a silent "not ticked".
 * @param cell The cell.
 * @param item The item the column belongs to.
 * @param option The option id the column stands for.
 * @param where File, row and column, for the message.
 */
export function readTick(cell: string, item: QuizItem, option: string, where: string): boolean {
  const text = cell.trim().toLowerCase();
  const number = text === '' ? NaN : Number(text);
  if (TICKED.has(text) || number === 1 || text === option) return true;
  if (UNTICKED.has(text) || number === 0) return false;
  const label = item.options.find((o) => o.id === option)?.text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (label && text.replace(/\s+/g, ' ') === label) return true;
  throw new SopkitError(
    'responses/bad-tick',
    `${where}: ${quoteCell(cell)} neither ticks nor leaves option ${option} of item ${item.id}; use 1 or 0 (also read: true/false, yes/no, oui/non, x, or the option's id or text), or leave it empty`,
  );
}

/** What a responses file gave besides the responses: notes for the trainer, not errors. */
export interface ReadResponses extends ResponseSet {
  /** Each a line naming the file (and row and column) and what was done. */
  warnings: string[];
  /** The column warnings among them (Kobo's "both" export), for a report that words its own. */
  columnWarnings: string[];
  /** Rows with no answer at all (scored 0): the training report says so in its language. */
  blankRows: { row: number; participant: string }[];
}

/** Kobo's "both" export: an item's own column and its separate option columns; the own column is read. */
function bothFormsWarnings(columns: readonly Column[], header: readonly string[], file: string): string[] {
  const own = new Map<string, number>();
  columns.forEach((c, i) => c.kind === 'item' && own.set(c.item.id, i));
  const split = new Map<string, number[]>();
  columns.forEach((c, i) => c.kind === 'expanded' && own.has(c.item.id) && split.set(c.item.id, [...(split.get(c.item.id) ?? []), i]));
  return [...split].map(([id, list]) => {
    const i = own.get(id) ?? 0;
    const letters = list.map((j) => columnLetter(j + 1));
    const span = letters.length > 1 ? `columns ${letters[0]}-${letters.at(-1)}` : `column ${letters[0]}`;
    return `${file} row 1: item ${id} has its own ${columnLabel(i, header[i] ?? '')} and one column per option (${span}, ${shorten(header[list[0] ?? 0] ?? '')} ...); the answers are read from column ${columnLetter(i + 1)}, the option columns are not read`;
  });
}

/**
 * Reads a responses file (ARCHITECTURE.md, Formats: responses) and checks every row against the quiz.
 * @param text The CSV text.
 * @param file File name for messages.
 * @param quiz The quiz answered.
 * @param options See {@link ReadOptions}.
 * @throws SopkitError with file, row and column for any bad input.
 */
export function parseResponses(text: string, file: string, quiz: Quiz, options: ReadOptions = {}): ReadResponses {
  const table = readCsv(text, file, undefined, { header: { known: responsesColumnTest([quiz]), holds: RESPONSES_HEADER } });
  // Moodle's own quiz report (Results > Responses, or the Grades report, refused with what to download).
  if (moodleReport(table.header)) {
    const read = parseMoodleResponses(table, file, quiz, options.form);
    const blank = blankRowsOf(read.responses);
    return { file, ...read, warnings: [...read.warnings, ...blankRowsWarning(blank, file)], columnWarnings: [], blankRows: blank };
  }
  const columns = classifyColumns(table.header, quiz, file, options.form);
  if (table.rows.length === 0) {
    throw new SopkitError('responses/no-rows', `${file}: a header but no responses; one row per participant is expected under it`);
  }
  const hasForm = columns.some((c) => c.kind === 'form');
  if (!hasForm && !options.form) {
    throw new SopkitError('responses/no-form', `${file}: no "form" column; add one (pre or post) or give --form pre|post`);
  }
  const itemColumns = new Map<string, number>();
  columns.forEach((c, i) => c.kind === 'item' && itemColumns.set(c.item.id, i));
  const expanded = new Set(columns.flatMap((c) => (c.kind === 'expanded' ? [c.item.id] : [])));
  // The options each item split one column per option has a column for (Kobo, ODK).
  const optionColumns = new Map<string, Set<string>>();
  columns.forEach((c) => c.kind === 'expanded' && optionColumns.set(c.item.id, (optionColumns.get(c.item.id) ?? new Set()).add(c.option)));
  const index = (kind: Column['kind']) => columns.findIndex((c) => c.kind === kind);
  const special = { participant: index('participant'), form: index('form'), name: index('name') };
  // Each form's items and whether the file has a column for every one, worked out once.
  const forms = new Map<FormId, Set<string>>();
  const itemsOf = (form: FormId, row: number) => {
    let set = forms.get(form);
    if (!set) {
      set = new Set(formItems(quiz, form).map((item) => item.id));
      for (const id of set) {
        if (!itemColumns.has(id) && !expanded.has(id)) {
          throw new SopkitError('responses/missing-column', `${file} row 1: no column for item ${id} of the ${form}-test (first needed in row ${row}); add the column (empty cells mean no answer)`);
        }
        // Split one column per option with an option's column gone (deleted by hand, filtered out
        // of the export): its ticks were lost, and "a b d" read as "a b" was scored right.
        const have = itemColumns.has(id) ? undefined : optionColumns.get(id);
        const lacking = have ? quiz.items.find((item) => item.id === id)!.options.filter((o) => !have.has(o.id)).map((o) => o.id) : [];
        if (lacking.length) {
          const names = lacking.map((o) => `${id}/${o}`);
          throw new SopkitError('responses/missing-option-column', `${file} row 1: item ${id} of the ${form}-test has one column per option but none for option${lacking.length > 1 ? 's' : ''} ${lacking.join(', ')}, so a tick there would be lost and the answer scored without it; add the column${lacking.length > 1 ? 's' : ''} ${names.join(', ')} with the export's ticks (empty if the option was not on the form), or export the item as one column`);
        }
      }
      forms.set(form, set);
    }
    return set;
  };
  const responses: ParticipantResponse[] = [];
  const seen = new Map<string, { row: number; participant: string }>();
  table.rows.forEach((cells, r) => {
    const row = table.rowNumbers[r] ?? r + 2;
    const at = (i: number) => `${file} row ${row}, ${columnLabel(i, table.header[i] ?? '')}`;
    const cellOf = (kind: keyof typeof special) => {
      const i = special[kind];
      return i >= 0 ? { i, value: cells[i] ?? '' } : undefined;
    };
    const p = cellOf('participant');
    const total = [p?.value ?? '', cellOf('name')?.value ?? ''].find(isTotalLabel);
    if (total !== undefined) throw totalRowError('responses/total-row', file, row, total, 'totals or averages', 'participant', 'the report counts and averages the answers itself');
    // P٠١, typed on an Arabic keyboard, is P01 of the other form's file (`asciiDigits`).
    const participant = asciiDigits((p?.value ?? '').trim());
    if (!participant) throw new SopkitError('responses/no-participant-id', `${at(p?.i ?? 0)}: empty; every row needs the participant's id`);
    const f = cellOf('form');
    const form = formOf(f?.value, options.form, f ? at(f.i) : `${file} row ${row}`);
    // P01 and p01 are one participant typed twice (scored twice, they changed n, the mean and the pass rate).
    const key = `${form}\u0000${looseId(participant)}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new SopkitError('responses/duplicate-participant', `${file} row ${row}: participant ${shorten(participant)} already answered the ${form}-test in row ${earlier.row}${writtenAs(earlier.participant, participant)}; remove one of the rows or correct the id`);
    }
    seen.set(key, { row, participant });
    const inForm = itemsOf(form, row);
    const answers: Record<string, string[]> = {};
    columns.forEach((c, i) => {
      const cell = cells[i] ?? '';
      if (c.kind === 'ignored' && !(table.header[i] ?? '') && cell.trim()) {
        throw new SopkitError('responses/no-header', `${at(i)}: ${quoteCell(cell)} is in a column with no header; name the column (an item id) or delete it`);
      }
      if (c.kind === 'item') {
        const answer = parseAnswer(cell, c.item, at(i));
        if (!inForm.has(c.item.id)) {
          if (answer.length) throw new SopkitError('responses/not-in-form', `${at(i)}: item ${c.item.id} is not in the ${form}-test; leave the cell empty or check the form of this row`);
          return;
        }
        answers[c.item.id] = answer;
      } else if (c.kind === 'expanded' && !itemColumns.has(c.item.id)) {
        const ticked = readTick(cell, c.item, c.option, at(i));
        if (!inForm.has(c.item.id)) {
          if (ticked) throw new SopkitError('responses/not-in-form', `${at(i)}: item ${c.item.id} is not in the ${form}-test; leave the cell empty or check the form of this row`);
          return;
        }
        const list = (answers[c.item.id] ??= []);
        if (ticked) list.push(c.option);
      }
    });
    const name = cellOf('name')?.value.trim();
    responses.push({ participant, ...(name ? { name } : {}), form, answers, source: { file, row } });
  });
  const ignoredColumns = table.header.filter((_, i) => columns[i]?.kind === 'ignored' && table.header[i]);
  const columnWarnings = bothFormsWarnings(columns, table.header, file);
  const blankRows = blankRowsOf(responses);
  return { file, responses, ignoredColumns, warnings: [...columnWarnings, ...blankRowsWarning(blankRows, file)], columnWarnings, blankRows };
}

/** The rows of responses with not one answer. */
const blankRowsOf = (responses: readonly ParticipantResponse[]) => responses.filter((r) => Object.values(r.answers).every((a) => a.length === 0)).map((r) => ({ row: r.source?.row ?? 0, participant: r.participant }));

/**
 * Rows with an id and not one answer: a sheet not typed in yet, or a participant who was absent,
 * lowered the means and the pass rate without a word. They are scored (a blank sheet handed in
 * scores 0), and named, so the trainer can remove those that are not real attempts.
 */
function blankRowsWarning(blank: readonly { row: number; participant: string }[], file: string): string[] {
  if (!blank.length) return [];
  const rows = blank.slice(0, 10).map((r) => `row ${r.row} (${shorten(r.participant)})`);
  if (blank.length > 10) rows.push(`${blank.length - 10} more`);
  const one = blank.length === 1;
  return [`${file}: no answer at all in ${rows.join(', ')}; ${one ? 'it is' : 'each is'} scored 0 and counted in the means and the pass rate: if ${one ? 'that sheet was' : 'those sheets were'} not typed in or the participant was absent, remove the row`];
}

/** After "in row 2" when the two ids are written differently: why they are the same participant. */
const writtenAs = (earlier: string, id: string) => (earlier === id ? '' : ` (written ${shorten(earlier)} there: ids are compared without case, spaces, dashes or leading zeros)`);

/**
 * Puts the responses of several files together, refusing a participant who appears twice in the
 * same form across files.
 */
export function combineResponses(sets: readonly ResponseSet[]): ParticipantResponse[] {
  const seen = new Map<string, ParticipantResponse>();
  for (const set of sets) {
    for (const r of set.responses) {
      const key = `${r.form}\u0000${looseId(r.participant)}`;
      const first = seen.get(key);
      // The same file given twice (--pre f.csv --pre f.csv, or dropped twice): said as such. Two
      // files of one name (pre.csv from two folders) are that only when the row is the same too.
      const twice = first && first.source.file === r.source.file && first.source.row === r.source.row && JSON.stringify(first.answers) === JSON.stringify(r.answers);
      if (twice) {
        throw new SopkitError('responses/file-twice', `${r.source.file} is given twice (its row ${r.source.row}, participant ${shorten(r.participant)}, is in both); give each file once`);
      }
      if (first) {
        throw new SopkitError('responses/duplicate-participant', `${r.source.file} row ${r.source.row}: participant ${shorten(r.participant)} already answered the ${r.form}-test in ${first.source.file} row ${first.source.row}${writtenAs(first.participant, r.participant)}; remove one of the rows`);
      }
      seen.set(key, r);
    }
  }
  return [...seen.values()];
}
