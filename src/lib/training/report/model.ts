import { formatDate, t, tn } from '../../../i18n/index.ts';
import type { Evaluation } from '../../../schemas/evaluation.ts';
import { readCsv } from '../../assessment/csv.ts';
import { lookAlikeList, lookAlikes } from '../../assessment/look-alike.ts';
import { nameConflictList, nameConflicts, type NamedRow } from '../../assessment/names.ts';
import { SopkitError } from '../../errors.ts';
import { EVALUATION_EMPTY, combineEvaluationResponses, evaluationHeaderTest, formOfHeader, parseEvaluationResponses, type EvaluationResponseSet } from '../evaluation/responses.ts';
import { evaluationStats, type EvaluationStats } from '../evaluation/stats.ts';
import type { TimetableLine } from '../timetable-text.ts';
import { readAttendance, type AttendanceSummary, type DateOrder } from './attendance.ts';
import type { CourseInfo } from './course-info.ts';
import { readNotes, type TrainerNotes } from './notes.ts';
import { localePath } from '../../translation/routes.ts';
import { scoreCourseTests, type QuizResult, type TestFile } from './tests.ts';

/** A file given to the report, as text (the CLI reads it from disk, the page from the drop). */
export interface InputFile {
  name: string;
  text: string;
}

/** Every file of one report. All optional: a missing one leaves its section out, saying so. */
export interface ReportInputs {
  /** Test responses (`--pre`, `--post`), each with its form and, if named, its quiz. */
  tests: TestFile[];
  /** Evaluation responses (`--evaluation`), each with its form id if named. */
  evaluations: (InputFile & { form?: string })[];
  attendance?: InputFile;
  notes?: InputFile;
}

/** An objective of a quiz, with the modules that teach it and its mastery before and after. */
export interface ObjectiveResult {
  id: string;
  text: string;
  /** Codes of the course's modules that have the objective. */
  modules: string[];
  pre: number | null;
  post: number | null;
}

/** One quiz's results, placed in the course: the modules it tests and its objectives. */
export interface CourseQuizResult extends Omit<QuizResult, 'named'> {
  /** Codes and titles of the modules whose quiz it is; `course` when it is the course's pre- or post-test. */
  modules: { code: string; title: string }[];
  objectives: ObjectiveResult[];
}

/** The sections of the report that a missing file leaves out. */
export type Section = 'attendance' | 'tests' | 'evaluation' | 'notes';

/** The key figures of the summary. Fractions, not percentages; null where the files do not say. */
export interface KeyFigures {
  expected: number;
  listed: number | null;
  attended: number | null;
  attendanceRate: number | null;
  tests: { quiz: string; title: string; pre: number | null; post: number | null; matched: number | null; classGain: number | null; p: number | null; passedPost: number | null; nPost: number | null }[];
  evaluation: { form: string; respondents: number; responseRate: number | null; mean: number | null; points: number; percentAgree: number | null }[];
}

/** The training report of a course (ARCHITECTURE.md, Formats: training report): what both renderers print. */
export interface TrainingReport {
  course: Pick<CourseInfo, 'id' | 'title' | 'summary' | 'organisation' | 'siteUrl' | 'locales' | 'language' | 'participants' | 'modules'>;
  /** Date of the report (YYYY-MM-DD). */
  date: string;
  /** The course as delivered: the notes' frontmatter, the attendance file's dates, else the course file. */
  delivered: { dates: string[]; venue: string; trainers: string[] };
  /** The timetable as planned in the course file, day by day. */
  timetable: TimetableLine[][];
  attendance: Omit<AttendanceSummary, 'names'> | null;
  tests: CourseQuizResult[];
  evaluation: EvaluationStats[];
  notes: TrainerNotes | null;
  summary: KeyFigures;
  /** Sections left out because their file was not given. */
  missing: Section[];
  /** Things the trainer should check (participants not on the attendance list, a date count that differs...). */
  warnings: string[];
  /** The files read, as named. */
  files: { section: Section; name: string; form?: string }[];
}

function evaluationSets(info: CourseInfo, files: ReportInputs['evaluations']): Map<Evaluation, EvaluationResponseSet[]> {
  const out = new Map<Evaluation, EvaluationResponseSet[]>();
  if (files.length && !info.evaluations.length) throw new SopkitError('report/no-evaluation-form', `${files[0]!.name}: course ${info.id} names no evaluation form; add evaluation: <id> to content/courses/${info.id}.yaml (sopkit new evaluation ${info.id})`);
  for (const f of files) {
    let form: Evaluation | undefined;
    if (f.form) {
      form = info.evaluations.find((e) => e.id === f.form);
      if (!form) throw new SopkitError('report/unknown-evaluation', `${f.name}: no evaluation form "${f.form}" in this course; its forms: ${info.evaluations.map((e) => e.id).join(', ')}`);
    } else form = info.evaluations.length === 1 ? info.evaluations[0]! : formOfHeader(readCsv(f.text, f.name, EVALUATION_EMPTY, { header: evaluationHeaderTest(info.evaluations) }).header, info.evaluations, f.name);
    out.set(form, [...(out.get(form) ?? []), parseEvaluationResponses(f.text, f.name, form, { course: info.id, also: info.evaluationsAlso ?? [] })]);
  }
  return out;
}

function placeQuiz(info: CourseInfo, result: QuizResult, lang: string): CourseQuizResult {
  const quiz = info.quizzes.find((q) => q.id === result.quiz)!;
  const modules = info.modules.filter((m) => m.quiz === quiz.id).map((m) => ({ code: m.code, title: m.title }));
  if (quiz.id === info.pretest || quiz.id === info.posttest) if (!modules.length) modules.push({ code: '', title: t('trainingReport.courseTest', lang) });
  const mastery = new Map((result.report.prepost?.objectives ?? []).map((o) => [o.id, o]));
  const objectives = quiz.objectives.map((o) => ({
    id: o.id,
    text: o.text,
    modules: info.modules.filter((m) => m.objectives.includes(o.id)).map((m) => m.code),
    pre: mastery.get(o.id)?.pre ?? null,
    post: mastery.get(o.id)?.post ?? null,
  }));
  // The names read, with their files and rows, are for the warning only: report.json says what
  // the report prints, the same from the command line and from the page.
  const { named, ...rest } = result;
  void named;
  return { ...rest, modules, objectives };
}

const percentOf = (s: { mean: number | null; maxScore: number } | undefined) => (s && s.mean !== null && s.maxScore ? s.mean / s.maxScore : null);

/** Options of `buildTrainingReport`. */
export interface BuildOptions {
  /** Language of the report's words (default: the course info's, which `courseInfo(project, id, lang)` sets). */
  lang?: string;
  /** The order of an attendance file's slash dates (`--date-order`), when the trainer says it. */
  dateOrder?: DateOrder;
}

/**
 * Builds the training report of a course from whichever files are given: attendance, test
 * responses (scored with the core of `sopkit score`), evaluation responses and the trainer's notes.
 * Pure: the same inputs give the same report in Node and in the browser.
 * @param info The course (`courseInfo`).
 * @param inputs The files, as text.
 * @param date The date of the report, YYYY-MM-DD.
 * @param options The report's language.
 * @throws SopkitError naming the file, row and column of any bad input.
 */
export function buildTrainingReport(info: CourseInfo, inputs: ReportInputs, date: string, options: BuildOptions = {}): TrainingReport {
  const lang = options.lang ?? info.language;
  const warnings: string[] = [];
  const read = inputs.notes ? readNotes(inputs.notes.text, inputs.notes.name) : null;
  // An empty notes file printed the section's heading over a blank page, and said nothing.
  if (read && !read.markdown.trim()) warnings.push(t('trainingReport.warn.emptyNotes', lang, { file: read.file }));
  const notes = read?.markdown.trim() ? read : null;
  const attendance = inputs.attendance ? readAttendance(inputs.attendance.text, inputs.attendance.name, (id) => info.roles[id], {
        ...(notes?.delivered.dates ? { sessionDates: notes.delivered.dates } : {}),
        ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
      }) : null;
  const scored = scoreCourseTests(inputs.tests, info.quizzes);
  const tests = scored.map((r) => placeQuiz(info, r, lang));
  const expected = attendance ? { n: attendance.attended, from: 'attendance' as const } : { n: info.participants, from: 'course' as const };
  const evaluation = [...evaluationSets(info, inputs.evaluations)].map(([form, sets]) => {
    const empty = sets.flatMap((s) => s.emptyRows.map((row) => t('trainingReport.fileRow', lang, { file: s.file, row })));
    if (empty.length) warnings.push(t('trainingReport.warn.emptyRows', lang, { rows: empty.join(t('trainingReport.listSeparator', lang)) }));
    const stats = evaluationStats(form, combineEvaluationResponses(sets), expected);
    // More forms than people: a file given twice, or another course's forms (a rate of 147 %).
    if (expected.n > 0 && stats.respondents > expected.n * Math.max(1, stats.sessions.length)) {
      warnings.push(t('trainingReport.warn.moreForms', lang, { returned: tn('trainingReport.warn.forms', stats.respondents, lang), expected: tn('trainingReport.ofParticipants', expected.n, lang), files: sets.map((s) => s.file).join(t('trainingReport.listSeparator', lang)) }));
    }
    return stats;
  });

  const planned = info.days.length;
  const attendanceDates = attendance?.days.every((d) => d.date) ? attendance.days.map((d) => d.date!) : undefined;
  const dates = notes?.delivered.dates ?? attendanceDates ?? [];
  const days = tn('trainingReport.dayCount', planned, lang);
  if (attendance && attendance.days.length !== planned) warnings.push(t('trainingReport.warn.days', lang, { file: attendance.file, columns: tn('trainingReport.dayColumns', attendance.days.length, lang), days }));
  // A column named for a day the timetable does not have (day7 typed for day3): the report
  // would print "Day 7" of a three-day course, with the right count of columns and no warning.
  for (const d of attendance?.days ?? []) {
    if (d.day !== undefined && d.day > planned) warnings.push(t('trainingReport.warn.dayBeyond', lang, { file: attendance!.file, column: d.label, day: d.day, days }));
  }
  // A sheet whose dates are not the notes' (13/03 and 14/03 for a course given 2-6 March): read
  // in the only order that gives real days, or given, yet another course's sheet or a date mistyped.
  const courseDates = new Set(notes?.delivered.dates ?? []);
  const strays = courseDates.size ? (attendance?.days ?? []).filter((d) => d.date && !courseDates.has(d.date)) : [];
  if (strays.length) {
    const cells = strays.map((d) => (d.label.trim() === d.date ? `"${d.label.trim()}"` : `"${d.label.trim()}" (${formatDate(d.date!, lang)})`)).join(t('trainingReport.listSeparator', lang));
    warnings.push(t('trainingReport.warn.notCourseDates', lang, { file: attendance!.file, cells, dates: [...courseDates].map((d) => formatDate(d, lang)).join(t('trainingReport.listSeparator', lang)), notes: notes!.file }));
  }
  if (dates.length && dates.length !== planned) warnings.push(t('trainingReport.warn.dates', lang, { dates: tn('trainingReport.datesGiven', dates.length, lang), days }));
  if (attendance) {
    const listed = new Set(attendance.ids);
    // Everyone who took a test, once.
    const takers = [...new Set(tests.flatMap((r) => Object.values(r.report.forms).flatMap((f) => f?.participants.map((p) => p.id) ?? [])))];
    const outside = takers.filter((id) => !listed.has(id));
    if (outside.length) warnings.push(t('trainingReport.warn.notListed', lang, { ids: outside.join(t('trainingReport.listSeparator', lang)), file: attendance.file }));
    // p1 on the attendance list, P01 on the tests: the same people, said as such (as between the tests).
    const twins = lookAlikes(outside, attendance.ids.filter((id) => !outside.includes(id)));
    if (twins.length) warnings.push(t('trainingReport.warn.lookAlikeAttendance', lang, { file: attendance.file, pairs: lookAlikeList(twins, t('trainingReport.listSeparator', lang)) }));
    const away = new Set(attendance.absentEveryDay);
    const tookAway = takers.filter((id) => away.has(id));
    if (tookAway.length) warnings.push(t('trainingReport.warn.absentTookTest', lang, { ids: tookAway.join(t('trainingReport.listSeparator', lang)), file: attendance.file }));
  }
  // Rows of a test file with no answer at all: scored 0 and counted, as `sopkit score` warns.
  for (const r of tests) {
    warnings.push(...r.columnWarnings);
    const blank = r.blankRows;
    if (!blank.length) continue;
    const rows = blank.slice(0, 10).map((b) => `${t('trainingReport.fileRow', lang, { file: b.file, row: b.row })} (${b.participant})`);
    warnings.push(t('trainingReport.warn.blankTests', lang, { rows: rows.join(t('trainingReport.listSeparator', lang)), more: blank.length > 10 ? ` (+${blank.length - 10})` : '' }));
  }

  // Participants in one test only whose ids differ only in how they were written (P01, p1 typed from paper): surely the same people, left out of the comparison.
  for (const r of tests) {
    const un = r.report.prepost?.unmatched;
    const pairs = un ? lookAlikes(un.pre, un.post) : [];
    const quiz = r.modules.map((m) => m.code || m.title).join(t('trainingReport.listSeparator', lang)) || r.title;
    if (pairs.length) warnings.push(t('trainingReport.warn.lookAlike', lang, { quiz, pairs: lookAlikeList(pairs, t('trainingReport.listSeparator', lang)) }));
  }

  // One id with two people's names (a sheet numbered with another's id): the tests are paired,
  // and the attendance joined, by id, so one person's results would be credited to another.
  const conflicts = nameConflicts([...(attendance?.names ?? []), ...scored.flatMap((r) => r.named)]);
  if (conflicts.length) {
    const show = (n: NamedRow) => t('trainingReport.nameAt', lang, { name: n.name, file: n.file, row: n.row ?? '' });
    warnings.push(t('trainingReport.warn.names', lang, { ids: nameConflictList(conflicts, show, t('trainingReport.listSeparator', lang)) }));
  }

  const missing: Section[] = [];
  if (!attendance) missing.push('attendance');
  if (!tests.length) missing.push('tests');
  if (!evaluation.length) missing.push('evaluation');
  if (!notes) missing.push('notes');
  return {
    course: { id: info.id, title: info.title, ...(info.summary ? { summary: info.summary } : {}), organisation: info.organisation, siteUrl: info.siteUrl, locales: info.locales, language: lang, participants: info.participants, modules: info.modules },
    date,
    delivered: { dates, venue: notes?.delivered.venue ?? info.venue, trainers: notes?.delivered.trainers ?? info.trainers },
    timetable: info.days,
    attendance: attendance ? withoutNames(attendance) : null,
    tests,
    evaluation,
    notes,
    summary: {
      expected: info.participants,
      listed: attendance?.participants ?? null,
      attended: attendance?.attended ?? null,
      attendanceRate: attendance?.rate ?? null,
      tests: tests.map((r) => ({
        quiz: r.quiz,
        title: r.title,
        pre: percentOf(r.report.forms.pre),
        post: percentOf(r.report.forms.post),
        matched: r.report.prepost?.matched ?? null,
        classGain: r.report.prepost?.classGain ?? null,
        p: r.report.prepost?.p ?? null,
        passedPost: r.report.forms.post ? r.report.forms.post.participants.filter((p) => p.passed).length : null,
        nPost: r.report.forms.post?.n ?? null,
      })),
      evaluation: evaluation.map((e) => ({ form: e.form, respondents: e.respondents, responseRate: e.responseRate, mean: e.overall.mean, points: e.scale.points, percentAgree: e.overall.percentAgree })),
    },
    missing,
    warnings,
    files: [
      ...(attendance ? [{ section: 'attendance' as const, name: attendance.file }] : []),
      ...inputs.tests.map((f) => ({ section: 'tests' as const, name: f.name, ...(f.form ? { form: f.form } : {}) })),
      ...inputs.evaluations.map((f) => ({ section: 'evaluation' as const, name: f.name })),
      ...(notes ? [{ section: 'notes' as const, name: notes.file }] : []),
    ],
  };
}

/**
 * The address of a site page as the report links it (report.pdf, report.html): under `/<lang>/`
 * in the report's language where the site has that page there (`localePath`, as the handbooks
 * link), the source's page otherwise (the course's report page, a test's template) or when the
 * site has no such locale.
 * @param path A site path, `/sops/x/`.
 */
export const reportPageUrl = (r: Pick<TrainingReport, 'course'>) => (path: string): string => `${r.course.siteUrl}${localePath(path, r.course.language, r.course.locales)}`;

/** The attendance as the report holds it: without the names read for the warning. */
function withoutNames(attendance: AttendanceSummary): Omit<AttendanceSummary, 'names'> {
  const { names, ...rest } = attendance;
  void names;
  return rest;
}
