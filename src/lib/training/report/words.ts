// The sentences and figures of the training report, shared by report.html and report.pdf so both
// say exactly the same thing.
import { daysBetween } from '../../dates.ts';
import { formatDate, formatDateRange, formatNumber, t, tn, type UiKey } from '../../../i18n/index.ts';
import { formatPercent } from '../../../i18n/numbers.ts';
import { fmt, fmtP } from '../../assessment/format.ts';
import { gainBand } from '../../assessment/report-html.ts';
import type { FormId, ItemFlag } from '../../assessment/types.ts';
import type { EvaluationStats } from '../evaluation/stats.ts';
import type { AttendanceDay } from './attendance.ts';
import type { CourseQuizResult, Section, TrainingReport } from './model.ts';

/** A fraction as a whole percent in the reader's language: `0.853` → `85 %`; a dash when unknown. */
export function pct(value: number | null | undefined, lang = 'en'): string {
  return value === null || value === undefined ? '–' : formatPercent(value, lang);
}

/** A count in the language's digits. */
export const num = (n: number, lang: string) => formatNumber(n, lang);

/** `19 / 20` (`19 من 20` in Arabic, where a slash between numbers reads in either order). */
export const outOf = (n: string, m: string, lang: string) => t('trainingReport.outOf', lang, { n, m });

/** A date of the pack (`YYYY-MM-DD`) as the reader's language writes it (English keeps ISO). */
export const day = (iso: string, lang: string) => formatDate(iso, lang);

/**
 * A day of the attendance file as the course names its days, `Day 2` (the number its header gives,
 * `day2`, else its place), with its date (the header's, else the course's as delivered), never the
 * column's header as written.
 * @param d The day.
 * @param i Its place among the file's days.
 * @param dates The dates of the course as delivered.
 */
export function attendanceDay(d: AttendanceDay, i: number, dates: readonly string[], lang: string): { name: string; date: string } {
  const n = d.day ?? i + 1;
  const date = d.date ?? dates[n - 1];
  return { name: t('course.day', lang, { n: num(n, lang) }), date: date ? day(date, lang) : '–' };
}

/** Hake's band of a class normalized gain, in words. */
export function band(gain: number | null, lang: string): string {
  const b = gainBand(gain);
  return b ? t(`trainingReport.band.${b}` as UiKey, lang) : '–';
}

/** The line that stands in for a section whose file was not given. */
export function missingLine(section: Section | 'review' | 'items', lang: string): string {
  return t(`trainingReport.missing.${section}` as UiKey, lang);
}

/** An item flag in words. */
export const flagWords = (flag: ItemFlag, lang: string) => t(`trainingReport.flag.${flag}` as UiKey, lang);

/** A sex as the attendance counts label it. */
export const sexWords = (key: string, lang: string) => (['female', 'male', 'not stated'].includes(key) ? t(`trainingReport.sex.${key}` as UiKey, lang) : key);

/** The name of a form. */
export const formWords = (form: FormId, lang: string) => t(form === 'pre' ? 'trainingReport.pre' : 'trainingReport.post', lang);

/** The modules a quiz tests, as a heading says them: `M1 Legal identity…`; the quiz's title for a quiz of no module. */
export function quizHeading(r: CourseQuizResult, lang = 'en'): string {
  const modules = r.modules.map((m) => (m.code ? `${m.code} ${m.title}` : m.title)).join(t('trainingReport.listSeparatorLong', lang));
  return modules || r.title;
}

/** A quiz named short, as the key figures name it: its modules' codes (`M1`), else its title; never its file id. */
export function quizShortName(r: Pick<CourseQuizResult, 'modules' | 'title'>, lang = 'en'): string {
  return r.modules.map((m) => m.code || m.title).join(t('trainingReport.listSeparator', lang)) || r.title;
}

/**
 * The key figures: a value and what it is, in the order of the summary. The attendance label's noun
 * follows the figure's last number (`12 / 14 participants`), so it takes that count's plural form.
 */
export function keyFigures(report: TrainingReport): [string, string][] {
  const lang = report.course.language;
  const s = report.summary;
  const out: [string, string][] = [];
  if (s.attended !== null) out.push([outOf(num(s.attended, lang), s.listed === null ? '–' : num(s.listed, lang), lang), tn('trainingReport.kf.attended', s.listed ?? s.attended, lang, { n: num(s.expected, lang) })]);
  else out.push([num(s.expected, lang), tn('trainingReport.kf.expected', s.expected, lang)]);
  if (s.attendanceRate !== null) out.push([pct(s.attendanceRate, lang), t('trainingReport.kf.attendanceRate', lang)]);
  for (const q of s.tests) {
    const r = report.tests.find((x) => x.quiz === q.quiz);
    const title = r ? quizShortName(r, lang) : q.title;
    if (q.pre !== null) out.push([pct(q.pre, lang), t('trainingReport.kf.pre', lang, { title })]);
    if (q.post !== null) out.push([pct(q.post, lang), t('trainingReport.kf.post', lang, { title })]);
    if (q.matched) {
      out.push([fmt(q.classGain, 2, lang), t('trainingReport.kf.gain', lang, { band: band(q.classGain, lang), title })]);
      out.push([fmtP(q.p, lang), t('trainingReport.kf.p', lang, { title })]);
    }
    if (q.nPost) out.push([outOf(num(q.passedPost ?? 0, lang), num(q.nPost, lang), lang), t('trainingReport.kf.passed', lang, { title })]);
  }
  for (const e of s.evaluation) {
    out.push([num(e.respondents, lang), tn('trainingReport.kf.returned', e.respondents, lang, { rate: pct(e.responseRate, lang) })]);
    if (e.mean !== null) out.push([outOf(fmt(e.mean, 1, lang), num(e.points, lang), lang), t('trainingReport.kf.mean', lang)]);
    if (e.percentAgree !== null) out.push([pct(e.percentAgree, lang), t('trainingReport.kf.agree', lang)]);
  }
  return out;
}

/** The first and last of the dates, or the one date, or '', in the reader's language. */
export function dateRange(dates: readonly string[], lang = 'en'): string {
  if (!dates.length) return '';
  return dates.length === 1 ? day(dates[0]!, lang) : formatDateRange(dates[0]!, dates.at(-1)!, lang);
}

/**
 * The days of a course as runs of consecutive days, each run one span: a five-day course is one
 * span (`2–6 mars 2026`), one that met on Mondays is a date per Monday. In the order of the calendar.
 */
export function dateRuns(dates: readonly string[], lang = 'en'): string[] {
  const sorted = [...new Set(dates)].sort();
  const runs: [string, string][] = [];
  for (const d of sorted) {
    const last = runs.at(-1);
    if (last && daysBetween(last[1], d) === 1) last[1] = d;
    else runs.push([d, d]);
  }
  return runs.map(([a, b]) => (a === b ? day(a, lang) : formatDateRange(a, b, lang)));
}

/** The course as delivered: label and value rows. */
export function courseRows(report: TrainingReport): [string, string][] {
  return courseRowParts(report).map(([label, parts, sep]) => [label, parts.join(sep)]);
}

/**
 * The course's facts as `courseRows`, each value as its parts (a venue, each trainer, each module)
 * and the separator that joins them (and whether each part takes its own line: the modules): the HTML isolates each part's direction (`<bdi>`), so an
 * English venue or module title keeps its brackets and order on an Arabic report.
 */
export function courseRowParts(report: TrainingReport): [label: string, parts: string[], separator: string, lines?: boolean][] {
  const lang = report.course.language;
  const d = report.delivered;
  const list = t('trainingReport.listSeparator', lang);
  return [
    [t('trainingReport.dates', lang), d.dates.length ? dateRuns(d.dates, lang) : [t('trainingReport.datesUnknown', lang)], list],
    [t('trainingReport.venue', lang), [d.venue], list],
    [t('trainingReport.trainers', lang), d.trainers, list],
    [t('trainingReport.expected', lang), [num(report.course.participants, lang)], list],
    [t('trainingReport.modules', lang), report.course.modules.map((m) => `${m.code} ${m.title}`), t('trainingReport.listSeparatorLong', lang), true],
  ];
}

/** The paragraph that sums up one quiz's pre/post results. */
export function testLead(r: CourseQuizResult, lang: string): string {
  const { pre, post } = r.report.forms;
  const mean = (f: typeof pre) => (f ? `${outOf(fmt(f.mean, 1, lang), num(f.maxScore, lang), lang)} (${pct(f.mean === null ? null : f.mean / f.maxScore, lang)})` : '–');
  const pp = r.report.prepost;
  if (!pp) {
    const form: FormId = pre ? 'pre' : 'post';
    const f = pre ?? post;
    return tn('trainingReport.oneForm', f?.n ?? 0, lang, { form: formWords(form, lang).toLowerCase(), mean: mean(f) });
  }
  return t('trainingReport.testLead', lang, {
    both: tn('trainingReport.bothTests', pp.matched, lang),
    pre: mean(pre),
    preN: num(pre?.n ?? 0, lang),
    post: mean(post),
    postN: num(post?.n ?? 0, lang),
    passMark: fmt(r.passMark, (String(r.passMark).split('.')[1] ?? '').length, lang),
    passed: num(post?.participants.filter((p) => p.passed).length ?? 0, lang),
    n: num(post?.n ?? 0, lang),
    gain: fmt(pp.classGain, 2, lang),
    band: band(pp.classGain, lang),
    diff: fmt(pp.meanDifference, 2, lang),
    unit: t(pp.scale === 'marks' ? 'trainingReport.unit.marks' : 'trainingReport.unit.percent', lang),
    t: fmt(pp.t, 2, lang),
    df: pp.df === null || pp.df === undefined ? '–' : num(pp.df, lang),
    p: fmtP(pp.p, lang),
    wp: fmtP(pp.wilcoxon.p, lang),
    dz: fmt(pp.dz, 2, lang),
  });
}

/** Participants in only one test of a quiz, or '' when everyone took both. */
export function unmatchedLine(r: CourseQuizResult, lang: string): string {
  const un = r.report.prepost?.unmatched;
  if (!un || !(un.pre.length + un.post.length)) return '';
  const ids = [...un.pre.map((id) => `${id} (${formWords('pre', lang).toLowerCase()})`), ...un.post.map((id) => `${id} (${formWords('post', lang).toLowerCase()})`)];
  return t('trainingReport.unmatched', lang, { ids: ids.join(t('trainingReport.listSeparator', lang)) });
}

/** The modules of the course whose quiz had no responses, as one line, or ''. */
export function noResultsLine(report: TrainingReport): string {
  const lang = report.course.language;
  const scored = new Set(report.tests.map((r) => r.quiz));
  const quizzes = [...new Set(report.course.modules.map((m) => m.quiz))].filter((q) => !scored.has(q));
  return quizzes.map((quiz) => t('trainingReport.noResults', lang, { quiz, modules: report.course.modules.filter((m) => m.quiz === quiz).map((m) => m.code).join(t('trainingReport.listSeparator', lang)) })).join(' ');
}

/** The opening line of an evaluation's section: forms returned and the response rate. */
export function evaluationLead(e: EvaluationStats, lang: string): string {
  const returned = tn('trainingReport.formsReturned', e.respondents, lang);
  if (e.expected === null) return t('trainingReport.evaluationLeadNoBase', lang, { returned });
  const words = { returned, participants: tn('trainingReport.ofParticipants', e.expected, lang), from: t(e.expectedFrom === 'attendance' ? 'trainingReport.from.attendance' : 'trainingReport.from.course', lang), rate: pct(e.responseRate, lang) };
  // Forms of several sessions: the rate is per session, and the line says so.
  if (e.sessions.length > 1) return t('trainingReport.evaluationLeadSessions', lang, { ...words, sessions: formatNumber(e.sessions.length, lang) });
  return t('trainingReport.evaluationLead', lang, words);
}

/**
 * The files read, in words: `pre.csv (pre-test), evaluation.csv`.
 * @param name How a file's name is written (the HTML marks it to isolate its direction).
 */
export function filesLine(report: TrainingReport, section: Section, name = (n: string) => n): string {
  const lang = report.course.language;
  const files = report.files.filter((f) => f.section === section).map((f) => (f.form ? `${name(f.name)} (${formWords(f.form as FormId, lang).toLowerCase()})` : name(f.name)));
  return files.length ? t('trainingReport.files', lang, { files: files.join(t('trainingReport.listSeparator', lang)) }) : '';
}
