import { fmt, fmtP, fmtPercent } from './format.ts';
import type { Quiz } from '../../schemas/quiz.ts';
import { esc, itemMapChart, prePostChart } from './charts.ts';
import { reviewOrder } from './item-analysis.ts';
import { reportCss } from './report-style.ts';
import type { FormId, FormStats, ItemFlag, PrePostStats, ScoreReport } from './types.ts';

/** What the report needs beyond the statistics. */
export interface ReportOptions {
  /** Participant names by id (from the responses). */
  names?: ReadonlyMap<string, string>;
  /** Date printed on the report (YYYY-MM-DD); passed in so the output is reproducible. */
  date?: string;
  /** Level of the report's title (1 in report.html; 2 inside a page that has its own h1). */
  level?: 1 | 2;
}

const formLabel: Record<FormId, string> = { pre: 'Pre-test', post: 'Post-test' };
const flagText: Record<ItemFlag, [string, 'bad' | 'warn']> = {
  'negative-discrimination': ['negative discrimination', 'bad'],
  'low-discrimination': ['discrimination < 0.2', 'warn'],
  'too-hard': ['facility < 0.2', 'warn'],
  'too-easy': ['facility > 0.9', 'warn'],
  'negative-covariance': ['no effective weight', 'bad'],
  'no-variance': ['everyone scored the same', 'warn'],
};

export { fmt, fmtP } from './format.ts';

/** Hake's bands for a class normalized gain. */
export function gainBand(g: number | null): string {
  if (g === null) return '';
  return g >= 0.7 ? 'high' : g >= 0.3 ? 'medium' : g >= 0 ? 'low' : 'negative';
}

const td = (v: string) => `<td class="n">${v}</td>`;
const table = (caption: string, head: string[], rows: string[], cls = '') =>
  // The wrapper scrolls sideways on a phone, so it takes keyboard focus and carries the caption as its name.
  `<div class="table-wrap" tabindex="0" role="region" aria-label="${esc(caption)}"><table${cls ? ` class="${cls}"` : ''}><caption>${esc(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
const flags = (list: readonly ItemFlag[]) => list.map((f) => `<span class="flag flag-${flagText[f][1]}">${flagText[f][0]}</span>`).join('');

function summary(report: ScoreReport, quiz: Quiz): string {
  const items: [string, string][] = [];
  for (const form of ['pre', 'post'] as const) {
    const s = report.forms[form];
    if (s) items.push([`${fmt(s.mean === null ? null : (100 * s.mean) / s.maxScore, 0)}%`, `${formLabel[form]} mean (${s.n} participants)`]);
  }
  const pp = report.prepost;
  if (pp) {
    items.push([fmt(pp.classGain), `class normalized gain (${gainBand(pp.classGain)})`]);
    items.push([fmtP(pp.p), `paired t test (t = ${fmt(pp.t)}, df ${pp.df ?? '–'})`]);
    items.push([fmt(pp.dz), 'effect size d_z']);
  }
  const post = report.forms.post ?? report.forms.pre;
  if (post) items.push([`${post.participants.filter((p) => p.passed).length} / ${post.n}`, `passed the ${post === report.forms.post ? 'post' : 'pre'}-test (pass mark ${quiz.passMark}%)`]);
  return `<ul class="summary">${items.map(([v, l]) => `<li><b>${esc(v)}</b><span>${esc(l)}</span></li>`).join('')}</ul>`;
}

function prePostSection(report: ScoreReport, quiz: Quiz, pp: PrePostStats, names: ReadonlyMap<string, string>): string {
  const percents = {
    pre: new Map(report.forms.pre?.participants.map((p) => [p.id, p.percent]) ?? []),
    post: new Map(report.forms.post?.participants.map((p) => [p.id, p.percent]) ?? []),
  };
  const unmatched = pp.unmatched.pre.length + pp.unmatched.post.length
    ? `<p class="note" role="note">Not in both tests, so left out of the comparison: ${pp.unmatched.pre.length ? `pre-test only: ${pp.unmatched.pre.map(esc).join(', ')}` : ''}${pp.unmatched.pre.length && pp.unmatched.post.length ? '; ' : ''}${pp.unmatched.post.length ? `post-test only: ${pp.unmatched.post.map(esc).join(', ')}` : ''}. Check the ids if they are the same person.</p>`
    : '';
  const unit = pp.scale === 'marks' ? 'marks' : 'percentage points';
  const rows = pp.participants.map((p) => `<tr><th scope="row">${esc(p.id)}</th><td>${esc(names.get(p.id) ?? '')}</td>${td(`${fmt(p.pre, 1)} (${fmtPercent(percents.pre.get(p.id) ?? 0, quiz.passMark)}%)`)}${td(`${fmt(p.post, 1)} (${fmtPercent(percents.post.get(p.id) ?? 0, quiz.passMark)}%)`)}${td(fmt(p.gain))}</tr>`);
  const objectives = pp.objectives.map((o) => {
    const text = quiz.objectives.find((x) => x.id === o.id)?.text ?? '';
    const bar = (v: number | null, cls: string) => (v === null ? '' : `<span class="bar ${cls}" style="width:${Math.round(v * 60)}px"></span>`);
    return `<tr><th scope="row">${esc(o.id)}</th><td>${esc(text)}</td><td class="n">${bar(o.pre, 'pre')}${fmt(o.pre === null ? null : o.pre * 100, 0)}%</td><td class="n">${bar(o.post, '')}${fmt(o.post === null ? null : o.post * 100, 0)}%</td></tr>`;
  });
  return `<h2 id="prepost">Pre-test and post-test</h2>${unmatched}
<p>${pp.matched} participants took both tests. Mean change ${fmt(pp.meanDifference)} ${unit}; paired t = ${fmt(pp.t, 3)}, df = ${pp.df ?? '–'}, ${fmtP(pp.p)}. Wilcoxon signed-rank V = ${fmt(pp.wilcoxon.V, 1)}, ${fmtP(pp.wilcoxon.p)} (${esc(pp.wilcoxon.method)}). Effect size d<sub>z</sub> = ${fmt(pp.dz)}. Class normalized gain ${fmt(pp.classGain)} (${gainBand(pp.classGain)}); mean individual gain ${fmt(pp.meanIndividualGain)}.</p>
${prePostChart(pp, percents, quiz.passMark)}
${table('Mastery of each objective (share of its marks earned)', ['Objective', 'What participants should be able to do', 'Pre', 'Post'], objectives)}
${table('Scores of participants in both tests', ['Participant', 'Name', 'Pre', 'Post', 'Gain'], rows)}`;
}

function formSection(form: FormId, s: FormStats, quiz: Quiz, names: ReadonlyMap<string, string>): string {
  const stats = [
    ['Participants', String(s.n)], ['Maximum score', fmt(s.maxScore, 1)], ['Mean', fmt(s.mean)], ['Median', fmt(s.median)], ['Standard deviation', fmt(s.sd)],
    ['Skewness', fmt(s.skewness)], ['Kurtosis', fmt(s.kurtosis)], ['Cronbach alpha', fmt(s.alpha)], ['Standard error of measurement', fmt(s.sem)],
  ].map(([k, v]) => `<tr><th scope="row">${k}</th>${td(v ?? '')}</tr>`);
  const byId = new Map(quiz.items.map((i) => [i.id, i]));
  const items = s.items.map((i) => {
    const item = byId.get(i.id);
    const options = Object.entries(i.options).map(([o, n]) => `${item?.type !== 'order' && item?.options.find((x) => x.id === o)?.correct ? `<b>${esc(o)}</b>` : esc(o)}:${n}`).join(' ');
    return `<tr><th scope="row">${esc(i.id)}</th><td>${esc(item?.type ?? '')}</td>${td(fmt(i.facility, 3))}${td(fmt(i.sd, 3))}${td(fmt(i.discrimination, 3))}${td(fmt(i.discriminativeEfficiency, 3))}${td(fmt(i.effectiveWeight === null ? null : i.effectiveWeight * 100, 1))}${td(fmt(i.randomGuess))}<td>${options}</td><td>${flags(i.flags)}</td></tr>`;
  });
  const review = reviewOrder(s.items);
  const people = s.participants.map((p) => `<tr><th scope="row">${esc(p.id)}</th><td>${esc(names.get(p.id) ?? '')}</td>${td(fmt(p.score, 1))}${td(`${fmtPercent(p.percent, quiz.passMark)}%`)}<td>${p.passed ? 'passed' : 'not passed'}</td></tr>`);
  return `<h2 id="${form}">${formLabel[form]}</h2>
${table(`${formLabel[form]}: test statistics`, ['Statistic', 'Value'], stats, 'compact')}
${itemMapChart(s, form)}
${review.length ? `<p>Items to review, most urgent first: ${review.map((i) => `<b>${esc(i.id)}</b> (${i.flags.map((f) => flagText[f][0]).join(', ')})`).join('; ')}.</p>` : '<p>No item needs review.</p>'}
${table(`${formLabel[form]}: item analysis (correct options in bold)`, ['Item', 'Type', 'Facility', 'SD', 'Discrimination', 'Discr. efficiency', 'Effective weight %', 'Random guess', 'Options chosen', 'Flags'], items)}
${table(`${formLabel[form]}: participants`, ['Participant', 'Name', 'Score', 'Percent', 'Result'], people)}`;
}

const method = `<h2 id="method">How these numbers are computed</h2><p class="method">Item statistics follow Moodle's quiz statistics report (classical test theory, variances with s − 1): facility = mean mark / maximum mark; discrimination = correlation of the item with the rest of the test; discriminative efficiency = that covariance over its largest possible value; effective weight = share of the spread of total scores carried by the item. Alpha is Cronbach's (KR-20 for right/wrong items); sem = sd × √(1 − alpha). Normalized gain = (post% − pre%) / (100 − pre%), undefined for a perfect pre-test. The paired t test and the Wilcoxon signed-rank test compare the participants who took both tests, as R's t.test and wilcox.test do (zero differences dropped; exact p without ties or zeros below 50 pairs, otherwise the normal approximation with continuity correction). Items are flagged for review when discrimination is negative or below 0.2, or facility is outside 0.2–0.9.</p>`;

/**
 * The training report as an HTML fragment (inside `<div class="sopkit-report">`), for the scoring
 * page. Tables carry every number; the SVG charts repeat them for the eye.
 */
export function renderReportFragment(report: ScoreReport, quiz: Quiz, options: ReportOptions = {}): string {
  const names = options.names ?? new Map<string, string>();
  const parts = [
    `<h1>${esc(quiz.title)}: results</h1>`,
    `<p class="meta">Quiz ${esc(quiz.id)}${quiz.sop ? ` · SOP ${esc(quiz.sop)}` : ''} · pass mark ${quiz.passMark}%${options.date ? ` · report of ${esc(options.date)}` : ''}</p>`,
    summary(report, quiz),
  ];
  if (report.prepost) parts.push(prePostSection(report, quiz, report.prepost, names));
  for (const form of ['pre', 'post'] as const) {
    const s = report.forms[form];
    if (s) parts.push(formSection(form, s, quiz, names));
  }
  parts.push(method);
  const html = parts.join('\n');
  // Sections are written as h1/h2; inside a page with its own h1 every heading goes one level down.
  const shifted = options.level === 2 ? html.replace(/<(\/?)h([12])\b/g, (_, slash: string, n: string) => `<${slash}h${Number(n) + 1}`) : html;
  return `<div class="sopkit-report">${shifted}</div>`;
}

/** The training report as a complete, self-contained HTML file (`report.html`). */
export function renderReportHtml(report: ScoreReport, quiz: Quiz, options: ReportOptions = {}): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(quiz.title)}: results</title><style>body{margin:1rem;}${reportCss}</style></head>
<body><main>${renderReportFragment(report, quiz, options)}</main></body>
</html>
`;
}
