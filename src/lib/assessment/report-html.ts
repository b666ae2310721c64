import { percentShown } from './format.ts';
import { percentSign } from '../../i18n/numbers.ts';
import { englishReport, fillWords, reportNumber, type ReportWords } from './report-words.ts';
import type { Quiz } from '../../schemas/quiz.ts';
import { bdi, esc, itemMapChart, prePostChart } from './charts.ts';
import { reviewOrder } from './item-analysis.ts';
import { cellClasses, headRow, labelCells, numericColumns, reportCss } from './report-style.ts';
import type { FormId, FormStats, ItemFlag, PrePostStats, ScoreReport } from './types.ts';

/** What the report needs beyond the statistics. */
export interface ReportOptions {
  /** Participant names by id (from the responses). */
  names?: ReadonlyMap<string, string>;
  /** Date printed on the report (YYYY-MM-DD); passed in so the output is reproducible. */
  date?: string;
  /** Level of the report's title (1 in report.html; 2 inside a page that has its own h1). */
  level?: 1 | 2;
  /** The report's words; English when absent. */
  words?: ReportWords;
  /** A locale tag from `numberLocale` for the numbers; English format (`fmt`) when absent. */
  locale?: string;
  /** Language of the page the fragment goes in (`report.html`'s `lang`), `en` when absent. */
  lang?: string;
  /** Its direction (`rtl` for Arabic). */
  dir?: 'ltr' | 'rtl';
  /** Language and direction of the quiz's words when they are not the page's (an untranslated quiz on a translated page). */
  content?: { lang: string; dir: 'ltr' | 'rtl' };
}

/** Words and number format of one report. */
interface Ctx {
  w: ReportWords;
  n: (value: number | null | undefined, digits?: number) => string;
  p: (p: number | null) => string;
  pct: (percent: number, passMark: number) => string;
  /** A number written with the percent sign as the locale writes it (`72,5 %` in French); a dash stays a dash. */
  sign: (number: string) => string;
  form: Record<FormId, string>;
  locale: string;
  /** Quiz words (title, objectives), marked with their language when it is not the page's. */
  own: (html: string) => string;
}

function context(options: ReportOptions): Ctx {
  const w = options.words ?? englishReport;
  const n = reportNumber(options.locale);
  return {
    w,
    n,
    p: (p) => (p === null ? 'p = –' : p < 0.001 ? `p < ${n(0.001, 3)}` : `p = ${n(p, 3)}`),
    pct: (percent, passMark) => {
      const shown = percentShown(percent, passMark);
      return n(shown.value, shown.digits);
    },
    sign: (number) => (number === '–' ? number : percentSign(number, options.locale ?? 'en')),
    form: { pre: w.pre, post: w.post },
    locale: options.locale ?? 'en',
    own: (html) => (options.content ? `<span lang="${esc(options.content.lang)}" dir="${options.content.dir}">${html}</span>` : html),
  };
}

export { fmt, fmtP } from './format.ts';

/** Hake's bands for a class normalized gain. */
export function gainBand(g: number | null): string {
  if (g === null) return '';
  return g >= 0.7 ? 'high' : g >= 0.3 ? 'medium' : g >= 0 ? 'low' : 'negative';
}

const td = (v: string) => `<td class="n">${v}</td>`;
const band = (c: Ctx, g: number | null) => {
  const b = gainBand(g);
  return b ? c.w.bands[b as keyof ReportWords['bands']] : '';
};
const table = (c: Ctx, caption: string, head: string[], rows: string[], cls = '') => {
  // The wrapper scrolls sideways if it must, so it takes keyboard focus and carries the caption as its name; on a phone each row
  // of a wider table is a card (a statistic and its value fit a 320 px phone as a table, where cards repeated "Value:" nine times).
  const cards = head.length > 2;
  return `<div class="table-wrap${cards ? ' phone-cards' : ''}" tabindex="0" role="region" aria-label="${esc(caption)}"><table${cls ? ` class="${cls}"` : ''}><caption>${esc(caption)}</caption><thead>${headRow(head, numericColumns(rows.map(cellClasses)))}</thead><tbody>${(cards ? rows.map((r) => labelCells(r, head, c.w.colon)) : rows).join('')}</tbody></table></div>`;
};
/**
 * A chart in a region that scrolls sideways where the chart does not fit: on a phone the chart
 * keeps 0.8 of its drawn size (its 12-unit labels at 9.6 px), where shrunk to 320 px they were
 * 6 px and unreadable. The region takes keyboard focus and is named by the chart's title.
 */
const chartBox = (svg: string, label: string) => {
  const width = Number(/viewBox="0 0 (\d+)/.exec(svg)?.[1] ?? 0);
  return svg ? `<div class="table-wrap chart-wrap" tabindex="0" role="region" aria-label="${esc(label)}" style="--chart-min: ${Math.round(width * 0.8)}px">${svg}</div>` : '';
};
const flagClass: Record<ItemFlag, 'bad' | 'warn'> = {
  'negative-discrimination': 'bad',
  'low-discrimination': 'warn',
  'too-hard': 'warn',
  'too-easy': 'warn',
  'negative-covariance': 'bad',
  'no-variance': 'warn',
};
const flags = (c: Ctx, list: readonly ItemFlag[]) => list.map((f) => `<span class="flag flag-${flagClass[f]}">${c.w.flags[f]}</span>`).join('');

function summary(c: Ctx, report: ScoreReport, quiz: Quiz): string {
  const items: [string, string][] = [];
  const { w, n } = c;
  for (const form of ['pre', 'post'] as const) {
    const s = report.forms[form];
    if (!s) continue;
    const plural = w.formMean[new Intl.PluralRules(c.locale).select(s.n)] ?? w.formMean.other ?? '';
    items.push([c.sign(n(s.mean === null ? null : (100 * s.mean) / s.maxScore, 0)), fillWords(plural, { form: c.form[form], n: n(s.n, 0) })]);
  }
  const pp = report.prepost;
  if (pp) {
    items.push([n(pp.classGain), fillWords(w.classGain, { band: band(c, pp.classGain) })]);
    items.push([c.p(pp.p), fillWords(w.pairedT, { t: n(pp.t), df: pp.df === null ? '–' : n(pp.df, 0) })]);
    items.push([n(pp.dz), w.effectSize]);
  }
  const post = report.forms.post ?? report.forms.pre;
  if (post) items.push([fillWords(w.outOf, { n: n(post.participants.filter((p) => p.passed).length, 0), m: n(post.n, 0) }), fillWords(post === report.forms.post ? w.passedPost : w.passedPre, { mark: n(quiz.passMark, String(quiz.passMark).split('.')[1]?.length ?? 0) })]);
  return `<ul class="summary">${items.map(([v, l]) => `<li><b>${esc(v)}</b><span>${esc(l)}</span></li>`).join('')}</ul>`;
}

function prePostSection(c: Ctx, report: ScoreReport, quiz: Quiz, pp: PrePostStats, names: ReadonlyMap<string, string>): string {
  const { w, n } = c;
  const percents = {
    pre: new Map(report.forms.pre?.participants.map((p) => [p.id, p.percent]) ?? []),
    post: new Map(report.forms.post?.participants.map((p) => [p.id, p.percent]) ?? []),
  };
  const lists = [
    ...(pp.unmatched.pre.length ? [fillWords(esc(w.preOnly), { ids: pp.unmatched.pre.map(esc).join(w.separator) })] : []),
    ...(pp.unmatched.post.length ? [fillWords(esc(w.postOnly), { ids: pp.unmatched.post.map(esc).join(w.separator) })] : []),
  ];
  const unmatched = lists.length ? `<p class="note" role="note">${fillWords(esc(w.unmatched), { list: lists.join(w.semicolon) })}</p>` : '';
  const unit = pp.scale === 'marks' ? w.marks : w.points;
  const rows = pp.participants.map((p) => `<tr><th scope="row">${esc(p.id)}</th><td>${bdi(names.get(p.id))}</td>${td(`${n(p.pre, 1)} (${c.sign(c.pct(percents.pre.get(p.id) ?? 0, quiz.passMark))})`)}${td(`${n(p.post, 1)} (${c.sign(c.pct(percents.post.get(p.id) ?? 0, quiz.passMark))})`)}${td(n(p.gain))}</tr>`);
  const objectives = pp.objectives.map((o) => {
    const text = quiz.objectives.find((x) => x.id === o.id)?.text ?? '';
    const bar = (v: number | null, cls: string) => (v === null ? '' : `<span class="bar ${cls}" style="width:${Math.round(v * 60)}px"></span>`);
    return `<tr><th scope="row">${esc(o.id)}</th><td>${c.own(esc(text))}</td><td class="n">${bar(o.pre, 'pre')}${c.sign(n(o.pre === null ? null : o.pre * 100, 0))}</td><td class="n">${bar(o.post, '')}${c.sign(n(o.post === null ? null : o.post * 100, 0))}</td></tr>`;
  });
  const text = fillWords(w.prePostText, {
    matched: n(pp.matched, 0), change: n(pp.meanDifference), unit: esc(unit), t: n(pp.t, 3), df: pp.df === null ? '–' : n(pp.df, 0), p: c.p(pp.p),
    V: n(pp.wilcoxon.V, 1), pw: c.p(pp.wilcoxon.p), method: esc(w.wilcoxon[pp.wilcoxon.method] ?? pp.wilcoxon.method), dz: n(pp.dz), gain: n(pp.classGain), band: esc(band(c, pp.classGain)), individual: n(pp.meanIndividualGain),
  });
  return `<h2 id="prepost">${esc(w.prePost)}</h2>${unmatched}
<p>${text}</p>
${chartBox(prePostChart(pp, percents, quiz.passMark, w.charts), w.charts.prePostTitle)}
${table(c, w.mastery, w.masteryHead.map(esc), objectives)}
${table(c, w.bothScores, w.bothHead.map(esc), rows)}`;
}

function formSection(c: Ctx, form: FormId, s: FormStats, quiz: Quiz, names: ReadonlyMap<string, string>): string {
  const { w, n } = c;
  const values = [n(s.n, 0), n(s.maxScore, 1), n(s.mean), n(s.median), n(s.sd), n(s.skewness), n(s.kurtosis), n(s.alpha), n(s.sem)];
  const stats = w.stats.map((k, i) => `<tr><th scope="row">${esc(k)}</th>${td(values[i] ?? '')}</tr>`);
  const byId = new Map(quiz.items.map((i) => [i.id, i]));
  const items = s.items.map((i) => {
    const item = byId.get(i.id);
    const options = Object.entries(i.options).map(([o, k]) => `${item?.type !== 'order' && item?.options.find((x) => x.id === o)?.correct ? `<b>${esc(o)}</b>` : esc(o)}:${n(k, 0)}`).join(' ');
    // The item's words (in the quiz's language) are the row header's title: the id stays what the table lists.
    const stem = item?.stem ? ` title="${esc(item.stem.trim())}"` : '';
    return `<tr><th scope="row"${stem}>${esc(i.id)}</th><td>${esc(item ? (w.types[item.type] ?? item.type) : '')}</td>${td(n(i.facility, 3))}${td(n(i.sd, 3))}${td(n(i.discrimination, 3))}${td(n(i.discriminativeEfficiency, 3))}${td(n(i.effectiveWeight === null ? null : i.effectiveWeight * 100, 1))}${td(n(i.randomGuess))}<td>${options}</td><td>${flags(c, i.flags)}</td></tr>`;
  });
  const review = reviewOrder(s.items);
  const people = s.participants.map((p) => `<tr><th scope="row">${esc(p.id)}</th><td>${bdi(names.get(p.id))}</td>${td(n(p.score, 1))}${td(c.sign(c.pct(p.percent, quiz.passMark)))}<td>${esc(p.passed ? w.passed : w.notPassed)}</td></tr>`);
  const label = c.form[form];
  const list = review.map((i) => `<b>${esc(i.id)}</b> (${i.flags.map((f) => w.flags[f]).join(w.separator)})`).join(w.semicolon);
  return `<h2 id="${form}">${esc(label)}</h2>
${table(c, fillWords(w.statsCaption, { form: label }), w.statsHead.map(esc), stats, 'compact')}
${chartBox(itemMapChart(s, form, w.charts), fillWords(w.charts.itemMapTitle, { form: form === 'pre' ? w.charts.preTest : w.charts.postTest }))}
${review.length ? `<p>${fillWords(esc(w.review), { list })}</p>` : `<p>${esc(w.noReview)}</p>`}
${table(c, fillWords(w.itemsCaption, { form: label }), w.itemsHead.map(esc), items)}
${table(c, fillWords(w.peopleCaption, { form: label }), w.peopleHead.map(esc), people)}`;
}

const method = (w: ReportWords) => `<h2 id="method">${esc(w.methodTitle)}</h2><p class="method">${w.method}</p>`;

/**
 * The training report as an HTML fragment (inside `<div class="sopkit-report">`), for the scoring
 * page. Tables carry every number; the SVG charts repeat them for the eye.
 */
export function renderReportFragment(report: ScoreReport, quiz: Quiz, options: ReportOptions = {}): string {
  const names = options.names ?? new Map<string, string>();
  const c = context(options);
  const { w } = c;
  const mark = c.n(quiz.passMark, String(quiz.passMark).split('.')[1]?.length ?? 0);
  const parts = [
    `<h1>${fillWords(esc(w.results), { title: c.own(esc(quiz.title)) })}</h1>`,
    `<p class="meta">${fillWords(esc(w.quizId), { id: esc(quiz.id) })}${quiz.sop ? ` · ${fillWords(esc(w.sopId), { id: esc(quiz.sop) })}` : ''} · ${fillWords(esc(w.passMark), { mark })}${options.date ? ` · ${fillWords(esc(w.reportOf), { date: bdi(options.date) })}` : ''}</p>`,
    summary(c, report, quiz),
  ];
  if (report.prepost) parts.push(prePostSection(c, report, quiz, report.prepost, names));
  for (const form of ['pre', 'post'] as const) {
    const s = report.forms[form];
    if (s) parts.push(formSection(c, form, s, quiz, names));
  }
  parts.push(method(w));
  const html = parts.join('\n');
  // Sections are written as h1/h2; inside a page with its own h1 every heading goes one level down.
  const shifted = options.level === 2 ? html.replace(/<(\/?)h([12])\b/g, (_, slash: string, n: string) => `<${slash}h${Number(n) + 1}`) : html;
  return `<div class="sopkit-report">${shifted}</div>`;
}

/** The training report as a complete, self-contained HTML file (`report.html`). */
export function renderReportHtml(report: ScoreReport, quiz: Quiz, options: ReportOptions = {}): string {
  return `<!doctype html>
<html lang="${esc(options.lang ?? 'en')}"${options.dir === 'rtl' ? ' dir="rtl"' : ''}>
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${fillWords(esc((options.words ?? englishReport).results), { title: esc(quiz.title) })}</title><style>body{margin:1rem;}${reportCss}</style></head>
<body><main>${renderReportFragment(report, quiz, options)}</main></body>
</html>
`;
}
