import type { Quiz } from '../../../schemas/quiz.ts';
import { RESPONSES_HEADER, classifyColumns, columnLabel, numberAdvice, questionIs, questionNumber, responsesColumnTest } from '../../assessment/columns.ts';
import { readCsv } from '../../assessment/csv.ts';
import { reviewOrder } from '../../assessment/item-analysis.ts';
import { buildReport } from '../../assessment/report.ts';
import { combineResponses, parseResponses } from '../../assessment/responses.ts';
import { namedRows, type NamedRow } from '../../assessment/names.ts';
import type { FormId, ItemFlag, ParticipantResponse, ScoreReport } from '../../assessment/types.ts';
import { SopkitError } from '../../errors.ts';

/** A responses file given to the report: `--pre`, `--post`, or a file with a form column. */
export interface TestFile {
  name: string;
  text: string;
  /** The form the file was given as; none when its `form` column says. */
  form?: FormId;
  /** The quiz, when the user named it (`--pre <quiz>=file.csv`); else found from the item columns. */
  quiz?: string;
}

/** The results of one quiz of the course. */
export interface QuizResult {
  quiz: string;
  title: string;
  passMark: number;
  /** The files read, with the form each was given as. */
  files: { name: string; form?: FormId }[];
  /** `sopkit score --json` for these files. */
  report: ScoreReport;
  /** Items to review, most urgent first, per form. */
  review: { form: FormId; id: string; flags: ItemFlag[] }[];
  /** Participant names, by id, where the files have them (for the per-quiz scores.csv). */
  names: Record<string, string>;
  /** Every name read, with its file and row: one id with two people's names is warned of. */
  named: NamedRow[];
  /** Rows with no answer at all, scored 0 (the report warns). */
  blankRows: { file: string; row: number; participant: string }[];
  /** The files' column warnings, as `sopkit score` words them. */
  columnWarnings: string[];
}

/**
 * The quiz a responses file answers, from its item columns: the one quiz of the course whose
 * items the header names (every column an item, a participant, name or form column, or Kobo/ODK
 * meta). A file that fits none or several is one error saying how to name the quiz.
 * @param header The file's header cells.
 * @param quizzes The course's quizzes.
 * @param file File name for messages.
 * @param option The option the file was given with (`--pre`, `--post`), for the hint.
 */
export function quizOfHeader(header: readonly string[], quizzes: readonly Quiz[], file: string, option = '--pre'): Quiz {
  const fits = quizzes.flatMap((quiz) => {
    try {
      const columns = classifyColumns(header, quiz, file);
      const items = columns.filter((c) => c.kind === 'item' || c.kind === 'expanded').length;
      return items ? [{ quiz, items }] : [];
    } catch {
      return [];
    }
  });
  const best = Math.max(0, ...fits.map((f) => f.items));
  const top = fits.filter((f) => f.items === best);
  const ids = quizzes.map((q) => q.id).join(', ') || 'none';
  if (top.length === 1) return top[0]!.quiz;
  if (!top.length) {
    // One column too many (a date typed in) hid the cause behind "not the items of any quiz": the
    // quiz most of whose items are columns says which column does not fit.
    const named = (id: string) => header.some((h) => h.trim() === id || h.trim().endsWith(`/${id}`));
    const near = quizzes.map((quiz) => ({ quiz, n: quiz.items.filter((i) => named(i.id)).length })).sort((a, b) => b.n - a.n)[0];
    if (near && near.n >= Math.max(1, near.quiz.items.length / 2)) {
      try {
        classifyColumns(header, near.quiz, file);
      } catch (error) {
        if (error instanceof SopkitError) throw new SopkitError('report/unknown-quiz-file', error.message);
      }
    }
    // Columns headed by the answer sheet's question numbers (Q1, 1): which item each is, as `sopkit score` says.
    const numbered = header.findIndex((h) => questionNumber(h) !== undefined && questionNumber(h)! >= 1);
    if (numbered >= 0) {
      const n = questionNumber(header[numbered]!)!;
      const form = option === '--post' ? 'post' : 'pre';
      const where = `${file} row 1, ${columnLabel(numbered, header[numbered]!)}`;
      const max = Math.max(...header.map((h) => questionNumber(h) ?? 0));
      // The quiz the numbers can be: the only one with that many questions on the form, else the only one with as many or more.
      const exact = quizzes.filter((q) => q.forms[form].length === max);
      const fit = exact.length ? exact : quizzes.filter((q) => q.forms[form].length >= max);
      if (fit.length === 1) throw new SopkitError('report/question-number', `${where}: ${numberAdvice(n, fit[0]!, form)}`);
      if (fit.length > 1) {
        const each = fit.map((q) => `${questionIs(n, q)} of quiz ${q.id}`).join('; ');
        throw new SopkitError('report/question-number', `${where}: a question number; the columns are named by item id, not number, and a number does not say which quiz of this course the file answers: question ${n} is ${each}; start from the blank sheet of its quiz: the test page's template.csv, or sopkit quiz export <quiz> --format template --form ${form}; or name its quiz (${option} <quiz>=${file}) to be told its header`);
      }
    }
    throw new SopkitError('report/unknown-quiz-file', `${file} row 1: the columns are not the items of any quiz of this course (${ids}); check the file, or name its quiz: ${option} <quiz>=${file}`);
  }
  throw new SopkitError('report/ambiguous-quiz-file', `${file} row 1: the columns fit several quizzes of this course (${top.map((f) => f.quiz.id).join(', ')}); name the quiz: ${option} <quiz>=${file}`);
}

/**
 * Scores every responses file against its quiz, one result per quiz (in the course's order):
 * the same core as `sopkit score` (item analysis, pre/post gains, t and Wilcoxon tests, mastery
 * per objective) and the items to review.
 * @param files The responses files.
 * @param quizzes The course's quizzes, in order.
 */
export function scoreCourseTests(files: readonly TestFile[], quizzes: readonly Quiz[]): QuizResult[] {
  const byQuiz = new Map<string, { quiz: Quiz; files: TestFile[] }>();
  for (const f of files) {
    let quiz: Quiz | undefined;
    if (f.quiz) {
      quiz = quizzes.find((q) => q.id === f.quiz);
      if (!quiz) throw new SopkitError('report/unknown-quiz', `${f.name}: no quiz "${f.quiz}" in this course; its quizzes: ${quizzes.map((q) => q.id).join(', ') || 'none'}`);
    } else quiz = quizOfHeader(readCsv(f.text, f.name, undefined, { header: { known: responsesColumnTest(quizzes), holds: RESPONSES_HEADER } }).header, quizzes, f.name, f.form === 'post' ? '--post' : '--pre');
    const entry = byQuiz.get(quiz.id) ?? { quiz, files: [] };
    entry.files.push(f);
    byQuiz.set(quiz.id, entry);
  }
  return quizzes.flatMap((quiz) => {
    const entry = byQuiz.get(quiz.id);
    if (!entry) return [];
    const sets = entry.files.map((f) => parseResponses(f.text, f.name, quiz, f.form ? { form: f.form } : {}));
    // What `sopkit score` warns about, for the report to say too (it dropped them: a typed-in row
    // with no answer, scored 0, lowered the post-test mean from 76 to 71 % without a word).
    const blankRows = sets.flatMap((s) => s.blankRows.map((b) => ({ file: s.file, ...b })));
    const columnWarnings = sets.flatMap((s) => s.columnWarnings);
    const responses: ParticipantResponse[] = combineResponses(sets);
    const report = buildReport(quiz, responses);
    const review = (['pre', 'post'] as const).flatMap((form) => reviewOrder(report.forms[form]?.items ?? []).map((i) => ({ form, id: i.id, flags: i.flags })));
    const names: Record<string, string> = {};
    for (const r of responses) if (r.name && !names[r.participant]) names[r.participant] = r.name;
    const named = namedRows(responses);
    return [{ quiz: quiz.id, title: quiz.title, passMark: quiz.passMark, files: entry.files.map((f) => ({ name: f.name, ...(f.form ? { form: f.form } : {}) })), report, review, names, named, blankRows, columnWarnings }];
  });
}
