// Moodle's own quiz results, read where a responses file is (ARCHITECTURE.md, Formats: responses,
// "Moodle's Responses report"). A trainer who ran the test in Moodle downloads the quiz's
// Results > Responses report; its header words and cells are the ones Moodle's source writes:
// mod/quiz/report/responses (last_responses_table.php, lang/en/quiz_responses.php), the attempts
// report base (add_user_columns, add_state_column, add_time_columns, add_grade_columns) and each
// question type's summarise_response / get_question_summary.
import type { Quiz, QuizItem } from '../../schemas/quiz.ts';
import { moodleCut } from './interchange/moodle-marking.ts';
import { asciiDigits } from '../digits.ts';
import { SopkitError } from '../errors.ts';
import { columnLabel } from './columns.ts';
import { quoteCell, shorten, type CsvTable } from './csv.ts';
import { looseId } from './look-alike.ts';
import { formItems } from './quiz-rules.ts';
import type { FormId, ParticipantResponse } from './types.ts';

/** Which of Moodle's two quiz reports a header is, if any. */
export type MoodleReport = 'responses' | 'grades';

/**
 * A header word or state as compared: case, accents (and Arabic short vowels and hamza marks),
 * the typographic apostrophe and runs of space do not count, so `Numéro d’identification`,
 * `NUMERO D'IDENTIFICATION` and `رقم المُعرَّف` / `رقم المعرف` are each one word.
 */
const word = (cell: string) =>
  cell.trim().normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC').toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\s+/g, ' ');

/**
 * Moodle's words in the languages read: English, French and Arabic, as their language packs
 * write them (tests/fixtures/assessment/moodle/README.md names each string's component, key and
 * the language-pack commit it was read at). Older and newer wordings are both kept: a site
 * downloads the report in the words of its Moodle version.
 */
const LANG = {
  /** get_string('responsex', 'quiz_responses'): `Response {$a}`. */
  response: ['Response', 'Réponse', 'الاستجابة', 'الإجابة'],
  /** get_string('questionx', 'question'): `Question {$a}`. */
  question: ['Question', 'سؤال'],
  /** get_string('rightanswerx', 'quiz_responses'): `Right answer {$a}`. */
  right: ['Right answer', 'Réponse correcte', 'الإجابة الصحيحة'],
  /** get_string('qbrief', 'quiz'): `Q. {$a}`. */
  qbrief: ['Q.', 'س.'],
  /** get_string('grade', 'quiz') (before 4.x) or get_string('gradenoun') (4.x). */
  grade: ['Grade', 'Note', 'العلامة', 'الدرجة', 'درجة'],
};
const alternatives = (words: readonly string[]) => words.map((w) => word(w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
/** A number as quiz_format_grade writes it: the locale's decimal separator (`10.00`, `10,00`, `10٫00`). */
const NUMBER = '[\\d\u0660-\u0669][\\d\u0660-\u0669.,\u066b\u00a0\u202f ]*';
/** `Response 3`, `Réponse 3`, `الاستجابة 3`: the slot's response, read from a word()ed cell. */
const RESPONSE = new RegExp(`^(?:${alternatives(LANG.response)}) (\\d+)$`);
/** `Question 3`: the question text as the attempt showed it. */
const QUESTION = new RegExp(`^(?:${alternatives(LANG.question)}) (\\d+)$`);
/** `Right answer 3`: not read. */
const RIGHT = new RegExp(`^(?:${alternatives(LANG.right)}) (\\d+)$`);
/** The Grades report's `Q. 3 /1.00` (qbrief . ' /' . the slot's max mark). */
const GRADES = new RegExp(`^(?:${alternatives(LANG.qbrief)}) ?\\d+ ?\\/ ?${NUMBER}$`);
/** `Grade/10.00`, `Note/10,00` (grade . '/' . the quiz's grade): Moodle's mark, not read. */
const GRADE = new RegExp(`^(?:${alternatives(LANG.grade)}) ?\\/ ?${NUMBER}$`);

type Column = 'lastname' | 'firstname' | 'email' | 'idnumber' | 'state' | 'meta';
/**
 * The other header words of the attempts reports, as Moodle's language packs write them: English
 * 3.x (`Surname`, `State`, `Time taken`) and 4.x (`Last name`, `Status`, `Duration`), French
 * (`Nom`/`Nom de famille`, `État`/`Statut`...) and Arabic (`الاسم الأخير`, `الحالة`...).
 */
const COLUMNS: Record<Column, string[]> = {
  lastname: ['Surname', 'Last name', 'Nom', 'Nom de famille', 'الاسم الأخير'],
  firstname: ['First name', 'Prénom', 'الاسم الأول'],
  email: ['Email address', 'Email', 'Adresse de courriel', 'عنوان البريد الإلكتروني'],
  idnumber: ['ID number', 'Numéro d’identification', 'رقم المُعرَّف', 'رقم بطاقة التعريف'],
  state: ['State', 'Status', 'État', 'Statut', 'الحالة'],
  meta: [
    'Started on', 'Started', 'Completed', 'Time taken', 'Duration', 'Feedback',
    'Commencé le', 'Commencé', 'Terminé', 'Temps utilisé', 'Durée',
    'بداء في', 'بدأ في', 'بدأ', 'تم', 'الوقت المستنفذ', 'الفترة', 'الإفادة',
    'Username', 'Institution', 'Department', 'Phone', 'Mobile phone', 'City', 'City/town', 'Country',
    'Nom d’utilisateur', 'Département', 'Téléphone', 'Téléphone mobile', 'Ville', 'Pays',
    'اسم المستخدم', 'المؤسسة', 'القسم', 'الهاتف', 'الهاتف المحمول', 'المدينة/البلدة', 'الدولة',
  ],
};
const WORDS: Record<string, Column> = Object.fromEntries(
  (Object.entries(COLUMNS) as [Column, string[]][]).flatMap(([kind, words]) => words.map((w) => [word(w), kind])),
);

/**
 * Whether a header is one of Moodle's quiz reports: the Responses report (`Response 1`...) or
 * the Grades report (`Q. 1 /1.00`...), each beside Moodle's name or state columns.
 */
export function moodleReport(header: readonly string[]): MoodleReport | undefined {
  const moodle = header.some((h) => ['lastname', 'firstname', 'state'].includes(WORDS[word(h)] ?? ''));
  if (!moodle) return undefined;
  if (header.some((h) => RESPONSE.test(word(h)))) return 'responses';
  if (header.some((h) => GRADES.test(word(h)))) return 'grades';
  return undefined;
}

/**
 * Attempt states (quiz_attempt::state_name: `statefinished`, `stateinprogress`, `stateoverdue`,
 * `stateabandoned`), in English, French and Arabic. Only a finished attempt is scored.
 */
const STATE_WORDS: Record<'finished' | 'open', string[]> = {
  finished: ['Finished', 'Terminé', 'Terminée', 'منتهية'],
  open: [
    'In progress', 'Overdue', 'Never submitted', 'Not yet started',
    'En cours', 'En retard', 'Jamais remis', 'Jamais envoyée',
    'قيد التنفيذ', 'مُتأخر', 'مُتأخرة', 'غير مسلمة أبداً',
  ],
};
const STATES: Record<string, 'finished' | 'open'> = Object.fromEntries(
  (Object.entries(STATE_WORDS) as ['finished' | 'open', string[]][]).flatMap(([state, words]) => words.map((w) => [word(w), state])),
);

/** The rows the grades report adds under the attempts (get_string('overallaverage' | 'groupavg', 'grades')). */
const AVERAGE_ROWS = new Set(['Overall average', 'Group average', 'Moyenne globale', 'Moyenne du groupe', 'المتوسط العام', 'متوسط المجموعة'].map(word));

/** A true/false question's response (get_string('true' | 'false', 'qtype_truefalse')), compared. */
const TRUE_FALSE: Record<string, 'true' | 'false'> = { true: 'true', false: 'false', vrai: 'true', faux: 'false', صح: 'true', خطأ: 'false' };

/**
 * A text as Moodle's html_to_text leaves it, for comparing: HTML tags and entities out, then
 * case, accents kept, and every run of punctuation, markup (`_em_`, `**b**`, bullets) and space
 * read as one space. Html2Text writes bold in capitals, so case cannot count.
 */
export function comparable(text: string): string {
  const plain = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, (whole, e: string) => {
      if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
      return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' } as Record<string, string>)[e.toLowerCase()] ?? whole;
    });
  return plain.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ').trim();
}

/** What the reader needs from one item: its options' texts as compared. */
const optionTexts = (item: QuizItem) => item.options.map((o) => ({ id: o.id, text: comparable(o.text) }));

/** The options, for a message: `"The registrar" | "The supervisor"`, each cut short. */
const listed = (item: QuizItem) => item.options.map((o) => quoteCell(o.text, 30)).join(' | ');

/**
 * One Response cell as the item's option ids. Moodle writes the chosen option's text (one-answer
 * multiple choice), the texts ticked joined by `; ` in the order shown (multiple answers,
 * qtype_multichoice_multi_question::summarise_response), `True` / `False` (qtype_truefalse), and
 * `step -> position` pairs joined by `; ` (an order item exported as a matching question,
 * qtype_match_question::summarise_response) or the steps in the order given joined by `; `, each
 * longer than 10 characters cut to its first 7 and `...` (an order item exported as Moodle's
 * ordering question, qtype_ordering_question::summarise_response, shorten_text($item, 10, true));
 * `-` for no answer (data_col). Options are found by their text, so Moodle's shuffling changes
 * nothing.
 * @returns The answer, or `partial` with why when an order item's pairs are no order.
 * @throws SopkitError naming the row and column when a text is no option of the item.
 */
export function moodleAnswer(cell: string, item: QuizItem, where: string): { answer: string[]; partial?: string } {
  const text = cell.trim();
  if (text === '' || text === '-') return { answer: [] };
  const options = optionTexts(item);
  const find = (piece: string) => options.filter((o) => o.text === comparable(piece));
  const none = () =>
    new SopkitError(
      'responses/moodle-unknown-answer',
      `${where}: ${quoteCell(text)} is not an option of item ${item.id} (${listed(item)}); the quiz in Moodle is not this quiz or its answers were edited there: give the quiz file Moodle's questions came from`,
    );
  if (item.type === 'truefalse') {
    const t = comparable(text);
    const id = options.find((o) => o.text === t)?.id ?? TRUE_FALSE[t];
    if (!id) throw none();
    return { answer: [id] };
  }
  if (item.type === 'order') return orderAnswer(text, item, where, none);
  if (item.type === 'multiple') {
    // Texts ticked, joined by "; ", which an option's text may itself contain: find a split into options.
    const pieces = text.split('; ');
    const split = (from: number): string[] | undefined => {
      if (from === pieces.length) return [];
      for (let to = from + 1; to <= pieces.length; to++) {
        const found = find(pieces.slice(from, to).join('; '));
        if (found.length !== 1) continue;
        const rest = split(to);
        if (rest) return [found[0]!.id, ...rest];
      }
      return undefined;
    };
    const ids = split(0);
    if (!ids) throw none();
    // Moodle keeps no order of ticking, only the order shown: the quiz's order of options.
    const order = item.options.map((o) => o.id);
    return { answer: [...new Set(ids)].sort((a, b) => order.indexOf(a) - order.indexOf(b)) };
  }
  const found = find(text);
  if (found.length === 0) throw none();
  if (found.length > 1) {
    throw new SopkitError('responses/moodle-ambiguous-answer', `${where}: ${quoteCell(text)} is the text of options ${found.map((o) => o.id).join(' and ')} of item ${item.id}; give the options different texts`);
  }
  return { answer: [found[0]!.id] };
}

/**
 * An ordering question's answer: the steps in the order given, each as Moodle's report writes it
 * (cut to 7 characters and `...` when longer than 10) or in full (a trainer who copied the order
 * from the attempt's review page). A cut step is found by its beginning; two steps that begin
 * alike cannot be told apart, which is an error saying what to do.
 */
function orderingAnswer(text: string, item: QuizItem, where: string, none: () => SopkitError): { answer: string[] } {
  const options = item.options.map((o) => ({ id: o.id, full: comparable(o.text), raw: o.text }));
  const pieces = text.split('; ').map((p) => p.trim());
  const candidates = pieces.map((piece) => {
    const whole = options.filter((o) => o.full === comparable(piece));
    if (whole.length || !piece.endsWith('...')) return whole.map((o) => o.id);
    return options.filter((o) => comparable(moodleCut(o.raw)) === comparable(piece)).map((o) => o.id);
  });
  if (candidates.some((c) => c.length === 0)) throw none();
  // A piece that can be one step only takes it from the others ("Check t..." is the one of two
  // "Check the ..." steps that another piece, written in full, does not name).
  const settled = new Set<number>();
  for (let changed = true; changed; ) {
    changed = false;
    candidates.forEach((c, i) => {
      if (c.length !== 1 || settled.has(i)) return;
      settled.add(i);
      candidates.forEach((d, j) => {
        if (j !== i && d.includes(c[0]!)) {
          candidates[j] = d.filter((id) => id !== c[0]);
          changed = true;
        }
      });
    });
  }
  if (candidates.some((c) => c.length === 0)) throw none();
  const alike = candidates.find((c) => c.length > 1);
  if (alike) {
    const cut = pieces[candidates.indexOf(alike)];
    throw new SopkitError(
      'responses/moodle-order-alike',
      `${where}: Moodle's Responses report writes each step of an ordering question cut to its first 7 characters, and steps ${alike.join(', ')} of item ${item.id} both begin ${quoteCell(cut ?? '')}, so the order given cannot be read; open the attempt's review in Moodle and write the steps in the order given, in full, separated by "; ", in this cell (and, for the next test, give the steps different beginnings, or export with --order-as matching, which writes each step in full)`,
    );
  }
  const ids = candidates.map((c) => c[0]!);
  if (new Set(ids).size !== ids.length || ids.length !== options.length) throw none();
  return { answer: ids };
}

/** An order item's `step -> 2; step -> 1` pairs (its options exported as Moodle matching stems, each to its position). */
function orderAnswer(text: string, item: QuizItem, where: string, none: () => SopkitError): { answer: string[]; partial?: string } {
  if (!/ -> \d+(?:; |$)/.test(text)) return orderingAnswer(text, item, where, none);
  const options = optionTexts(item);
  const position = new Map<string, number>();
  for (const [, step, at] of text.matchAll(/(.+?) -> (\d+)(?:; |$)/gs)) {
    const option = options.find((o) => o.text === comparable(step ?? ''));
    if (!option) throw none();
    position.set(option.id, Number(at));
  }
  if (position.size === 0) throw none();
  const places = [...position.values()];
  const whole = position.size === options.length && new Set(places).size === places.length && places.every((p) => p >= 1 && p <= options.length);
  if (!whole) {
    const why = position.size < options.length ? `${options.length - position.size} of its ${options.length} steps have no position` : 'two steps have the same position';
    return { answer: [], partial: `${where}: ${why}, which is no order; scored as no answer (0${item.scoring === 'partial' ? ', not the part marks of the pairs in order' : ''})` };
  }
  return { answer: [...position].sort((a, b) => a[1] - b[1]).map(([id]) => id) };
}

/**
 * The item a `Question N` cell shows: Moodle writes the question text (html_to_text), then for
 * multiple choice `: ` and the options, for matching ` {steps} -> {positions}`. The item whose
 * stem begins the text, the longest such stem; among equal stems, the one whose options follow.
 */
function itemOfQuestion(cell: string, quiz: Quiz): QuizItem | undefined {
  const text = comparable(cell);
  const fits = quiz.items.filter((item) => {
    const stem = comparable(item.stem);
    return stem && (text === stem || text.startsWith(`${stem} `));
  });
  if (fits.length <= 1) return fits[0];
  const longest = Math.max(...fits.map((item) => comparable(item.stem).length));
  const best = fits.filter((item) => comparable(item.stem).length === longest);
  const withOptions = best.filter((item) => optionTexts(item).every((o) => text.includes(o.text)));
  return withOptions.length === 1 ? withOptions[0] : best.length === 1 ? best[0] : undefined;
}

/** What a Moodle Responses report gave: the attempts to score, what was not read, and notes. */
export interface MoodleRead {
  responses: ParticipantResponse[];
  ignoredColumns: string[];
  warnings: string[];
}

/**
 * Reads Moodle's Responses report (the quiz's Results > Responses, downloaded as CSV or Excel)
 * against a quiz. Every finished attempt is one participant's answers to the form the file was
 * given as (Moodle knows nothing of pre and post); attempts not finished are named in a warning,
 * not scored; rows of averages and of users with no attempt are skipped.
 *
 * The participant is the `ID number` column when every attempt has one, else the `Email address`,
 * else first and last name. Slot N is the item whose stem the `Question N` cell shows (each row on
 * its own: random questions differ between attempts); without Question columns, slot N is the
 * form's Nth item, the order `sopkit quiz export --form` writes, and a warning says so.
 * @throws SopkitError naming the file, row and column for a cell that cannot be read.
 */
export function parseMoodleResponses(table: CsvTable, file: string, quiz: Quiz, form: FormId | undefined): MoodleRead {
  const { header } = table;
  if (moodleReport(header) === 'grades') {
    throw new SopkitError(
      'responses/moodle-grades',
      `${file}: this is Moodle's Grades report (columns such as ${quoteCell(header.find((h) => GRADES.test(word(h))) ?? '')}): it holds each question's mark, not the answer chosen, so no option or distractor can be counted, and Moodle marks multiple-answer and order items otherwise than SOPKit; download the Responses report instead (the quiz's Results > Responses, "Download table data as" CSV or Excel)`,
    );
  }
  if (!form) {
    throw new SopkitError('responses/no-form', `${file}: a Moodle Responses report says nothing of pre or post; give it as --pre or --post (or with --form pre|post)`);
  }
  const col = (kind: string) => header.findIndex((h) => WORDS[word(h)] === kind);
  const at = { lastname: col('lastname'), firstname: col('firstname'), email: col('email'), idnumber: col('idnumber'), state: col('state') };
  const slots = new Map<number, { response: number; question?: number }>();
  const ignored: string[] = [];
  header.forEach((h, i) => {
    const cell = h.trim();
    const response = RESPONSE.exec(word(cell));
    const question = QUESTION.exec(word(cell));
    if (response) slots.set(Number(response[1]), { ...slots.get(Number(response[1])), response: i });
    else if (question) slots.set(Number(question[1]), { response: -1, ...slots.get(Number(question[1])), question: i });
    else if (!(RIGHT.test(word(cell)) || GRADE.test(word(cell)) || WORDS[word(cell)] || !cell)) ignored.push(cell);
  });
  for (const [n, s] of slots) {
    if (s.response < 0) throw new SopkitError('responses/moodle-no-response', `${file} row 1: ${columnLabel(s.question ?? 0, header[s.question ?? 0] ?? '')} has no "Response ${n}" column; download the Responses report with "Response" ticked`);
  }
  const ordered = [...slots].sort((a, b) => a[0] - b[0]);
  const byText = ordered.some(([, s]) => s.question !== undefined);
  const inForm = formItems(quiz, form);
  const warnings: string[] = [];
  if (!byText) {
    if (ordered.length !== inForm.length) {
      throw new SopkitError(
        'responses/moodle-slots',
        `${file} row 1: ${ordered.length} Response columns but the ${form}-test of ${quiz.id} has ${inForm.length} items; without the question text the slots cannot be matched to items: download the Responses report with "Question text" ticked, or check that this is the ${form}-test of ${quiz.id}`,
      );
    }
    warnings.push(`${file}: no "Question N" columns, so Response 1 to ${ordered.length} are taken as items ${inForm.map((i) => i.id).join(', ')}, the order of the ${form}-test as \`sopkit quiz export --form ${form}\` wrote it; if the questions were put in another order in Moodle, download the Responses report with "Question text" ticked and each is matched by its text`);
  }

  // Which column names the participant: the first of ID number and email filled in on every attempt.
  const rows = table.rows.map((cells, r) => ({ cells, row: table.rowNumbers[r] ?? r + 2 }));
  const value = (cells: readonly string[], i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
  const stateOf = (cells: readonly string[]) => word(value(cells, at.state));
  const isAverage = (cells: readonly string[]) => AVERAGE_ROWS.has(word(value(cells, at.lastname)));
  const attempts = rows.filter(({ cells }) => !isAverage(cells) && !['', '-'].includes(stateOf(cells)));
  const idColumn = [at.idnumber, at.email].find((i) => i >= 0 && attempts.every(({ cells }) => value(cells, i) !== '' && value(cells, i) !== '-'));
  const nameOf = (cells: readonly string[]) => [value(cells, at.firstname), value(cells, at.lastname)].filter(Boolean).join(' ');
  if (idColumn === undefined && attempts.length) {
    warnings.push(`${file}: no ID number or email address on every attempt, so participants are matched by first and last name; the pre-test and the post-test must spell each name alike`);
  }

  const responses: ParticipantResponse[] = [];
  const open: string[] = [];
  const noAttempt: string[] = [];
  const seen = new Map<string, number>();
  for (const { cells, row } of rows) {
    if (isAverage(cells)) continue;
    const where = (i: number) => `${file} row ${row}, ${columnLabel(i, header[i] ?? '')}`;
    const name = nameOf(cells);
    const participant = idColumn !== undefined ? asciiDigits(value(cells, idColumn)) : name;
    const state = stateOf(cells);
    if (at.state >= 0 && (state === '' || state === '-')) {
      noAttempt.push(`row ${row} (${shorten(participant || name)})`);
      continue;
    }
    if (at.state >= 0 && !STATES[state]) {
      throw new SopkitError('responses/moodle-state', `${where(at.state)}: ${quoteCell(value(cells, at.state))} is no attempt state Moodle writes (Finished, In progress, Overdue, Never submitted, or their French or Arabic words); download the report from Moodle again`);
    }
    if (at.state >= 0 && STATES[state] === 'open') {
      open.push(`row ${row} (${shorten(participant)}, ${value(cells, at.state)})`);
      continue;
    }
    if (!participant) throw new SopkitError('responses/no-participant-id', `${file} row ${row}: no name, ID number or email address; every attempt needs one`);
    const key = looseId(participant);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new SopkitError(
        'responses/duplicate-participant',
        `${file} row ${row}: ${shorten(participant)} has a second attempt (the first is in row ${earlier}); Moodle lists every attempt: delete the rows of the attempts not to score, or download the report with only one attempt per user ("Show at most one finished attempt per user")`,
      );
    }
    seen.set(key, row);
    const answers: Record<string, string[]> = Object.fromEntries(inForm.map((item) => [item.id, [] as string[]]));
    const done = new Map<string, number>();
    ordered.forEach(([n, s], k) => {
      let item: QuizItem | undefined = inForm[k];
      if (byText) {
        const q = s.question;
        const shown = q === undefined ? '' : value(cells, q);
        if (q === undefined || shown === '' || shown === '-') {
          throw new SopkitError('responses/moodle-no-question', `${file} row ${row}: no question text for Response ${n}${q === undefined ? ` (no "Question ${n}" column)` : ` in ${columnLabel(q, header[q] ?? '')}`}; download the Responses report with "Question text" ticked for every question`);
        }
        item = itemOfQuestion(shown, quiz);
        if (!item) throw new SopkitError('responses/moodle-unknown-question', `${where(q)}: ${quoteCell(shown)} is the text of no item of quiz ${quiz.id}; the question was edited in Moodle or this is another quiz's report`);
        if (!inForm.includes(item)) throw new SopkitError('responses/not-in-form', `${where(q)}: item ${item.id} is not in the ${form}-test; check that the file is the ${form}-test of ${quiz.id}`);
        const twice = done.get(item.id);
        if (twice !== undefined) throw new SopkitError('responses/moodle-same-question', `${where(q)}: item ${item.id} again (Question ${twice} is the same item); two questions in Moodle have its text`);
        done.set(item.id, n);
      }
      const read = moodleAnswer(value(cells, s.response), item!, where(s.response));
      if (read.partial) warnings.push(read.partial);
      answers[item!.id] = read.answer;
    });
    responses.push({ participant, ...(name && name !== participant ? { name } : {}), form, answers, source: { file, row } });
  }
  if (open.length) {
    warnings.push(`${file}: ${open.length} ${open.length === 1 ? 'attempt is' : 'attempts are'} not finished and not scored: ${open.slice(0, 10).join(', ')}${open.length > 10 ? `, ${open.length - 10} more` : ''}; once submitted (or closed) in Moodle, download the report again`);
  }
  if (noAttempt.length) {
    warnings.push(`${file}: no attempt in ${noAttempt.slice(0, 10).join(', ')}${noAttempt.length > 10 ? `, ${noAttempt.length - 10} more` : ''}; not scored`);
  }
  if (!responses.length) {
    throw new SopkitError('responses/no-rows', `${file}: a Moodle Responses report with no finished attempt; download it again once the participants have submitted`);
  }
  return { responses, ignoredColumns: ignored, warnings };
}
