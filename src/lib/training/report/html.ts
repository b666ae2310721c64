import { colon, direction, t } from '../../../i18n/index.ts';
import { bdi, esc } from '../../assessment/charts.ts';
import { fmt } from '../../assessment/format.ts';
import { reportCss } from '../../assessment/report-style.ts';
import type { FormId } from '../../assessment/types.ts';
import { evaluationHtml, table } from './html-evaluation.ts';
import { questionNumber } from '../evaluation/stats.ts';
import { reportPageUrl, type Section, type TrainingReport } from './model.ts';
import { notesHtml } from './notes.ts';
import { trainingReportCss } from './style.ts';
import { attendanceDay, courseRowParts, dateRange, day, filesLine, flagWords, formWords, keyFigures, missingLine, noResultsLine, num, pct, quizHeading, quizShortName, sexWords, testLead, unmatchedLine } from './words.ts';

/** The report's sections, in order, with their anchors. */
const SECTIONS = ['summary', 'course', 'attendance', 'tests', 'review', 'evaluation', 'notes', 'annex-timetable', 'annex-items'] as const;
const TITLES: Record<(typeof SECTIONS)[number], Parameters<typeof t>[0]> = {
  summary: 'trainingReport.summary',
  course: 'trainingReport.course',
  attendance: 'trainingReport.attendance',
  tests: 'trainingReport.tests',
  review: 'trainingReport.review',
  evaluation: 'trainingReport.evaluation',
  notes: 'trainingReport.notes',
  'annex-timetable': 'trainingReport.annexTimetable',
  'annex-items': 'trainingReport.annexItems',
};

type Heading = (level: number, text: string, id?: string) => string;
const heading: Heading = (level, text, id) => `<h${level}${id ? ` id="${esc(id)}"` : ''}>${esc(text)}</h${level}>`;
const missing = (section: Section | 'review' | 'items', lang: string) => `<p class="note" role="note">${esc(missingLine(section, lang))}</p>`;
const para = (text: string) => (text ? `<p>${esc(text)}</p>` : '');
/** The files read, each path in its own direction: on an Arabic report "examples/registry-officers/…" broke at its hyphen and moved its full stop. */
const filesPara = (r: TrainingReport, section: Parameters<typeof filesLine>[1]) =>
  para(filesLine(r, section, (n) => `\u0001${n}\u0002`)).replaceAll('\u0001', '<bdi>').replaceAll('\u0002', '</bdi>');

function summaryHtml(r: TrainingReport): string {
  const lang = r.course.language;
  const figures = keyFigures(r).map(([v, l]) => `<li><b>${esc(v)}</b><span>${esc(l)}</span></li>`);
  const checks = r.warnings.length ? `<div class="note" role="note"><b>${esc(t('trainingReport.toCheck', lang))}</b><ul>${r.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></div>` : '';
  return `<ul class="summary">${figures.join('')}</ul>${checks}`;
}

function courseHtml(r: TrainingReport): string {
  // Each module on its own line: two titles sharing a line in another direction than the page's read out of order.
  const rows = courseRowParts(r).map(([k, parts, sep, lines]) => `<tr><th scope="row">${esc(k)}</th><td>${parts.map(bdi).join(esc(sep) + (lines ? '<br>' : ''))}</td></tr>`);
  return `<div class="table-wrap narrow-cards" tabindex="0" role="region" aria-label="${esc(t('trainingReport.course', r.course.language))}"><table class="compact course-facts"><tbody>${rows.join('')}</tbody></table></div>${para(t('trainingReport.timetableLead', r.course.language))}`;
}

function attendanceHtml(r: TrainingReport): string {
  const lang = r.course.language;
  const a = r.attendance;
  if (!a) return missing('attendance', lang);
  const counts = (caption: string, label: string, list: { key: string; count: number }[], words = (k: string) => k) =>
    // An organisation or role as the file writes it may be in another script than the report: its own direction.
    table(caption, [label, t('trainingReport.count', lang)], list.map((c) => [bdi(words(c.key)), num(c.count, lang)]), [1], 'compact', lang);
  return [
    `<div class="table-wrap narrow-cards" tabindex="0" role="region" aria-label="${esc(t('trainingReport.attendance', lang))}"><table class="compact"><tbody>${[
      [t('trainingReport.listed', lang), num(a.participants, lang)],
      [t('trainingReport.attendedOne', lang), num(a.attended, lang)],
      [t('trainingReport.attendedAll', lang), num(a.allDays, lang)],
      [t('trainingReport.overallRate', lang), pct(a.rate, lang)],
    ].map(([k, v]) => `<tr><th scope="row">${esc(k ?? '')}</th><td class="n">${esc(v ?? '')}</td></tr>`).join('')}</tbody></table></div>`,
    table(t('trainingReport.perDay', lang), [t('trainingReport.day', lang), t('trainingReport.date', lang), t('trainingReport.present', lang), t('trainingReport.rate', lang)], a.days.map((d, i) => {
      const { name, date } = attendanceDay(d, i, r.delivered.dates, lang);
      return [esc(name), esc(date), num(d.present, lang), pct(d.rate, lang)];
    }), [2, 3], 'compact', lang),
    counts(t('trainingReport.byOrganisation', lang), t('trainingReport.organisation', lang), a.byOrganisation),
    a.bySex ? counts(t('trainingReport.bySex', lang), t('trainingReport.sex', lang), a.bySex, (k) => sexWords(k, lang)) : '',
    a.byRole ? counts(t('trainingReport.byRole', lang), t('trainingReport.role', lang), a.byRole) : '',
    filesPara(r, 'attendance'),
  ].join('\n');
}

function testsHtml(r: TrainingReport, h: Heading): string {
  const lang = r.course.language;
  if (!r.tests.length) return missing('tests', lang);
  const parts = r.tests.map((q) => {
    const objectives = table(
      t('trainingReport.objectives', lang),
      [t('trainingReport.objective', lang), t('trainingReport.objectiveText', lang), t('trainingReport.module', lang), t('trainingReport.pre', lang), t('trainingReport.post', lang)],
      q.objectives.map((o) => [esc(o.id), esc(o.text), esc(o.modules.join(t('trainingReport.listSeparator', lang))), pct(o.pre, lang), pct(o.post, lang)]),
      [3, 4],
      '',
      lang,
    );
    const un = unmatchedLine(q, lang);
    return [h(3, quizHeading(q, lang), `test-${q.quiz}`), para(testLead(q, lang)), un ? `<p class="note" role="note">${esc(un)}</p>` : '', q.report.prepost ? objectives : ''].join('\n');
  });
  return [...parts, para(noResultsLine(r)), filesPara(r, 'tests')].join('\n');
}

function reviewHtml(r: TrainingReport): string {
  const lang = r.course.language;
  if (!r.tests.length) return missing('tests', lang);
  const flagged = r.tests.flatMap((q) => q.review.map((i) => ({ q, i })));
  if (!flagged.length) return missing('review', lang);
  const rows = flagged.map(({ q, i }) => `<li><b>${esc(i.id)}</b> (${esc(t('trainingReport.formOf', lang, { quiz: quizShortName(q, lang), form: formWords(i.form, lang).toLowerCase() }))})${esc(colon(lang))} ${esc(i.flags.map((f) => flagWords(f, lang)).join(t('trainingReport.listSeparator', lang)))}</li>`);
  return `${para(t('trainingReport.reviewLead', lang))}<ul>${rows.join('')}</ul>`;
}

function evaluationSection(r: TrainingReport, h: Heading): string {
  const lang = r.course.language;
  if (!r.evaluation.length) return missing('evaluation', lang);
  return r.evaluation
    .map((e) => {
      return `${r.evaluation.length > 1 ? h(3, e.title, `evaluation-${e.form}`) : ''}${evaluationHtml(e, (id) => questionNumber(e, id), lang, h)}`;
    })
    .concat(filesPara(r, 'evaluation'))
    .join('\n');
}

function timetableHtml(r: TrainingReport): string {
  const lang = r.course.language;
  return r.timetable
    .map((lines, i) => {
      const date = r.delivered.dates[i];
      const caption = `${t('course.day', lang, { n: num(i + 1, lang) })}${date ? ` (${day(date, lang)})` : ''}`;
      return table(caption, [t('course.time', lang), t('course.session', lang), t('course.method', lang), t('course.module', lang), t('course.trainer', lang)], lines.map((l) => [esc(l.time), bdi(l.what), esc(l.method), bdi(l.module), bdi(l.trainer)]), [], '', lang);
    })
    .join('\n');
}

function itemsHtml(r: TrainingReport): string {
  const lang = r.course.language;
  if (!r.tests.length) return missing('items', lang);
  return r.tests
    .flatMap((q) =>
      (['pre', 'post'] as FormId[]).flatMap((form) => {
        const s = q.report.forms[form];
        if (!s) return [];
        return [
          table(
            t('trainingReport.itemsCaption', lang, { form: t('trainingReport.formOf', lang, { quiz: quizShortName(q, lang), form: formWords(form, lang) }), n: num(s.n, lang), alpha: fmt(s.alpha, 2, lang) }),
            [t('trainingReport.item', lang), t('trainingReport.facility', lang), t('trainingReport.discrimination', lang), t('trainingReport.efficiency', lang), t('trainingReport.flags', lang)],
            s.items.map((i) => [esc(i.id), fmt(i.facility, 2, lang), fmt(i.discrimination, 2, lang), fmt(i.discriminativeEfficiency, 2, lang), esc(i.flags.map((f) => flagWords(f, lang)).join(t('trainingReport.listSeparator', lang)))]),
            [1, 2, 3],
            '',
            lang,
          ),
        ];
      }),
    )
    .join('\n');
}

/** Options of the HTML report. */
export interface HtmlOptions {
  /** Level of the report's title: 1 in report.html, 2 inside a page that has its own h1. */
  level?: 1 | 2;
}

/**
 * The training report as an HTML fragment (inside `<div class="sopkit-report training-report">`):
 * summary, the course, attendance, pre/post results per module and objective, items to review,
 * the session evaluation with its diverging bars and comments, the trainer's notes, and the
 * annexes. Every text from a file is escaped; the notes' Markdown goes through mdast with raw
 * HTML left out. A section whose file was not given says so in one line.
 * @param r The report (`buildTrainingReport`).
 */
export function trainingReportFragment(r: TrainingReport, options: HtmlOptions = {}): string {
  const lang = r.course.language;
  const shift = options.level === 2 ? 1 : 0;
  const h: Heading = (level, text, id) => heading(Math.min(6, level + shift), text, id);
  const body: Record<(typeof SECTIONS)[number], () => string> = {
    summary: () => summaryHtml(r),
    course: () => courseHtml(r),
    attendance: () => attendanceHtml(r),
    tests: () => testsHtml(r, h),
    review: () => reviewHtml(r),
    evaluation: () => evaluationSection(r, h),
    // The notes take the direction of their own first words (English notes on an Arabic report read left to right), as each comment does.
    notes: () => (r.notes ? `<div class="trainer-notes" dir="auto">${notesHtml(r.notes.markdown, 3 + shift, reportPageUrl(r))}</div>` : missing('notes', lang)),
    'annex-timetable': () => timetableHtml(r),
    'annex-items': () => itemsHtml(r),
  };
  const contents = `<nav class="report-toc" aria-label="${esc(t('trainingReport.contents', lang))}"><ol>${SECTIONS.map((s) => `<li><a href="#${s}">${esc(t(TITLES[s], lang))}</a></li>`).join('')}</ol></nav>`;
  const parts = [
    h(1, t('trainingReport.titleOf', lang, { course: r.course.title }), 'report-title'),
    `<p class="meta">${esc([r.course.organisation, dateRange(r.delivered.dates, lang), r.delivered.venue, t('trainingReport.reportOf', lang, { date: day(r.date, lang) })].filter(Boolean).join(' · '))}</p>`,
    contents,
    ...SECTIONS.map((s) => `<section aria-labelledby="${s}">${h(2, t(TITLES[s], lang), s)}${body[s]()}</section>`),
    `<p class="method">${esc(t('trainingReport.method', lang))}</p>`,
  ];
  // `dir` only where it is not the page's default, so a source-language report is unchanged.
  const dir = direction(lang) === 'rtl' ? ' dir="rtl"' : '';
  return `<div class="sopkit-report training-report" lang="${esc(lang)}"${dir}>${parts.join('\n')}</div>`;
}

/** The training report as a complete, self-contained HTML file (`report.html`): no script, no request. */
export function trainingReportHtml(r: TrainingReport): string {
  const title = t('trainingReport.titleOf', r.course.language, { course: r.course.title });
  return `<!doctype html>
<html lang="${esc(r.course.language)}" dir="${direction(r.course.language)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>body{margin:1rem;}${reportCss}${trainingReportCss}</style></head>
<body><main>${trainingReportFragment(r)}</main></body>
</html>
`;
}
