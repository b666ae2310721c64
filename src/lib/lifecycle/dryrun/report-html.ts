import { colon, direction, formatDate, formatNumber, t, tn, type UiKey } from '../../../i18n/index.ts';
import { bdi, esc } from '../../assessment/charts.ts';
import { isolate } from '../../fonts/index.ts';
import { headRow, numericColumns, reportCss } from '../../assessment/report-style.ts';
import { minutesChartSvg } from './chart-svg.ts';
import { caseTitle, drawnFromOther, siteName, type DryRunModel } from './model.ts';
import { casesMissingText, completionText, linesMissingText, limitText, minuteSummary, otherObservations, overText, pct, reportLead, sectionAnchor, sectionTitle } from './report-data.ts';
import type { Remark } from './stats.ts';

/** Options of the report HTML. */
export interface DryRunHtmlOptions {
  /** Level of the section headings: 2 inside a page with its own h1 (default), also in report.html under its h1. */
  level?: 2 | 3;
  /** Address of the SOP page, to link each section named in a remark. */
  sopHref?: string;
}

/**
 * Styles added to the training report's (`reportCss`): the report's tables and charts may use the
 * page's width, its paragraphs, lists and banner keep a line of reading length (at 1280 px the
 * objectives ran 150 characters to the line, where every other page stops at 46rem); row
 * headers (long site and section names) wrap on a phone; captions repeat the heading above them
 * for screen readers only; the chart keeps at least 0.8 of its size (text of 9 px and more) and
 * scrolls sideways in its region on a phone instead of shrinking to unreadable, and says so under it. Under 40rem each
 * table row is a card (`phone-cards`, as on the site, whose global.css these rules repeat so that
 * report.html, which has no site styles, reads the same, and win over `reportCss`'s cell rules).
 */
export const dryRunCss = `
.sopkit-report.dry-run-report { max-width: 72rem; }
.dry-run > .lead, .dry-run-report > p, .dry-run-report > ul, .dry-run-report > ol, .dry-run-report > .note, .dry-run-report > .table-wrap:has(> table.compact) { max-width: 46rem; }
.dry-run-report .table-wrap > svg.chart { max-width: none; min-width: 41rem; }
.dry-run-report th[scope="row"] { white-space: normal; min-width: 9rem; }
.dry-run-report .scroll-hint { font-size: 0.85rem; color: #4a5360; margin-top: 0.3rem; }
@media (min-width: 48rem) { .dry-run-report .scroll-hint { display: none; } }
.dry-run-report caption.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
@media (max-width: 40rem) {
  .dry-run-report .phone-cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .dry-run-report .phone-cards table { min-width: 0; }
  .dry-run-report .phone-cards tbody, .dry-run-report .phone-cards tr, .dry-run-report .phone-cards td, .dry-run-report .phone-cards th[scope="row"] { display: block; }
  .dry-run-report .phone-cards tr { border: 1px solid #d5dae0; border-radius: 4px; padding: 0.45rem 0.7rem; margin: 0 0 0.6rem; }
  .dry-run-report .phone-cards th[scope="row"] { border: 0; padding: 0; background: none; min-width: 0; }
  .dry-run-report .phone-cards td { border: 0; padding: 0.2rem 0 0; text-align: start; white-space: normal; }
  .dry-run-report .phone-cards td[data-label]::before { content: attr(data-label); font-weight: 600; color: #4a5360; }
}
`;

/** A body cell: its HTML (already escaped) and its class. */
interface Cell {
  html: string;
  cls?: string;
}
const n = (v: string): Cell => ({ html: esc(v), cls: 'n' });
const td = (html: string): Cell => ({ html });
/**
 * A table whose rows each start with a row header. On the site each row reads as a card on a phone
 * (`phone-cards`, global.css): the row header, then each cell under its column's name (`data-label`);
 * at 360 px the step table (ten columns) scrolled 542 px sideways.
 */
const table = (caption: string, head: string[], rows: { head: string; cells: Cell[] }[], lang: string) =>
  `<div class="table-wrap phone-cards" tabindex="0" role="region" aria-label="${esc(caption)}"><table><caption class="sr-only">${esc(caption)}</caption><thead>${headRow(head.map(esc), numericColumns(rows.map((r) => ['', ...r.cells.map((c) => c.cls)])))}</thead><tbody>${rows
    .map((r) => `<tr><th scope="row">${r.head}</th>${r.cells.map((c, i) => `<td${c.cls ? ` class="${c.cls}"` : ''} data-label="${esc(`${head[i + 1] ?? ''}${colon(lang)} `)}">${c.html}</td>`).join('')}</tr>`)
    .join('')}</tbody></table></div>`;

function remarksHtml(model: DryRunModel, title: string, list: readonly Remark[], lang: string, h: number, o: DryRunHtmlOptions): string {
  if (!list.length) return `<h${h}>${esc(title)}</h${h}><p>${esc(t('dryrun.report.none', lang))}</p>`;
  const rows = list.map((r) => {
    const label = `${r.step} ${sectionTitle(model, r.step)}`;
    const a = sectionAnchor(model, r.step);
    const step = o.sopHref && a ? `<a href="${esc(`${o.sopHref}#${a}`)}">${esc(label)}</a>` : esc(label);
    return { head: step, cells: [td(esc(r.text)), td(`${bdi(caseTitle(model, r.case))} · ${bdi(siteName(model, r.site))}`)] };
  });
  return `<h${h}>${esc(title)}</h${h}>${table(title, [t('dryrun.step', lang), t('dryrun.report.remark', lang), t('dryrun.report.where', lang)], rows, lang)}`;
}

/** The sheets' "Other observations", site by site (none: no section). */
function otherHtml(model: DryRunModel, lang: string, h: number): string {
  const list = otherObservations(model);
  if (!list.length) return '';
  const title = t('dryrun.sheet.other', lang);
  const rows = list.map((o) => ({ head: bdi(siteName(model, o.site)), cells: [td(esc(o.text)), td(o.case ? bdi(caseTitle(model, o.case)) : '–')] }));
  return `<h${h}>${esc(title)}</h${h}><p class="method">${esc(t('dryrun.report.otherLead', lang))}</p>${table(title, [t('dryrun.site', lang), t('dryrun.report.remark', lang), t('dryrun.report.otherCase', lang)], rows, lang)}`;
}

/**
 * The dry-run report as an HTML fragment (inside `<div class="sopkit-report">`): the banner of a
 * model example, the facts, the summary, tables by site and step by step, the chart of minutes
 * against the time limit, deviations, issues and proposals (linked to the SOP's sections).
 * @param model The dry run, with its statistics when it has results.
 */
export function renderDryRunFragment(model: DryRunModel, o: DryRunHtmlOptions = {}): string {
  const lang = model.sop.data.language;
  const h = o.level ?? 2;
  const d = model.data;
  const out: string[] = [];
  if (d.example) out.push(`<div class="note" role="note"><p><strong>${esc(t('dryrun.example.title', lang))}.</strong> ${esc(t('dryrun.example.text', lang))}</p></div>`);
  // Values as HTML: the record's and the SOP's words isolated (`<bdi>`), so an English site name
  // keeps its brackets and word order on an Arabic report (ARCHITECTURE.md, Printing right-to-left text).
  const facts: [string, string][] = [
    [t('dryrun.sop', lang), `${esc(model.sop.data.code)} ${bdi(model.sop.data.title)}`],
    [t('dryrun.version', lang), esc(d.version)],
    // The SOP revised since the version tried: the steps, section numbers and time limits below
    // are the current text's, as the PDF says (the page showed 960 minutes under "Version tried
    // out 0.2.0", whose limit was 480, with no word).
    ...(drawnFromOther(model) ? [[t('dryrun.drawnFromPage', lang), esc(t('dryrun.drawnFrom.value', lang, { now: model.sop.data.version, tried: d.version }))] as [string, string]] : []),
    [t('dryrun.dates', lang), esc(t('dryrun.dateRange', lang, { start: formatDate(d.dates.start, lang), end: formatDate(d.dates.end, lang) }))],
    [t('dryrun.sites', lang), d.sites.map((s) => `${bdi(s.name)} (${bdi(s.type)})`).join(esc(t('list.semicolon', lang)))],
  ];
  out.push(`<div class="table-wrap" tabindex="0" role="region" aria-label="${esc(t('dryrun.sop', lang))}"><table class="compact"><tbody>${facts.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${v}</td></tr>`).join('')}</tbody></table></div>`);
  out.push(`<h${h}>${esc(t('dryrun.objectives', lang))}</h${h}><ul>${d.objectives.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`);
  const stats = model.stats;
  if (!stats) {
    out.push(`<p>${esc(t('dryrun.report.noResults', lang))}</p>`);
    // Other observations typed before any step are shown all the same.
    const other = otherHtml(model, lang, h);
    if (other) out.push(other);
    return `<div class="sopkit-report dry-run-report">${out.join('\n')}</div>`;
  }
  out.push(`<h${h}>${esc(t('dryrun.report.summary', lang))}</h${h}><p>${esc(reportLead(model, stats, lang))}</p>`);
  if (model.results?.unfilled) out.push(`<p class="method">${esc(tn('dryrun.report.unfilled', model.results.unfilled, lang, { n: formatNumber(model.results.unfilled, lang) }))}</p>`);
  const missing = casesMissingText(model, lang);
  if (missing) out.push(`<p><strong>${esc(missing)}</strong></p>`);
  const linesMissing = linesMissingText(model, lang);
  if (linesMissing) out.push(`<p>${esc(linesMissing)}</p>`);
  const siteRows = stats.sites.map((s) => ({ head: bdi(siteName(model, s.site)), cells: [n(formatNumber(s.cases, lang)), n(formatNumber(s.n, lang)), n(completionText(s, lang)), n(overText(s, lang))] }));
  out.push(`<h${h}>${esc(t('dryrun.report.bySite', lang))}</h${h}>${table(t('dryrun.report.bySite', lang), [t('dryrun.site', lang), t('dryrun.report.casesSeen', lang), t('dryrun.report.observations', lang), t('dryrun.report.completion', lang), t('dryrun.report.over', lang)], siteRows, lang)}`);
  const done = (['yes', 'partly', 'no', 'skipped'] as const).map((x) => t(`dryrun.done.${x}` as UiKey, lang));
  const stepRows = stats.steps.map((s) => ({
    head: esc(`${s.step} ${sectionTitle(model, s.step)}`),
    cells: [n(formatNumber(s.n, lang)), n(formatNumber(s.done.yes, lang)), n(formatNumber(s.done.partly, lang)), n(formatNumber(s.done.no, lang)), n(formatNumber(s.done.skipped, lang)), n(pct(s.completion, lang)), n(minuteSummary(s.minutes, lang)), n(limitText(s, lang)), n(overText(s.minutes, lang))],
  }));
  out.push(`<h${h}>${esc(t('dryrun.report.steps', lang))}</h${h}>${table(t('dryrun.report.steps', lang), [t('dryrun.step', lang), 'n', ...done, t('dryrun.report.completion', lang), t('dryrun.report.minutes', lang), t('dryrun.report.limitMinutes', lang, { limit: t('dryrun.limit', lang) }), t('dryrun.report.over', lang)], stepRows, lang)}`);
  const chart = minutesChartSvg(model, { title: t('dryrun.report.chart', lang), desc: t('dryrun.report.chart.lead', lang), noLimit: t('dryrun.report.noLimit', lang), limit: t('dryrun.limit', lang), lang });
  if (chart) out.push(`<h${h}>${esc(t('dryrun.report.chart', lang))}</h${h}><p class="method">${esc(t('dryrun.report.chart.lead', lang))}</p><div class="table-wrap" tabindex="0" role="region" aria-label="${esc(t('dryrun.report.chart', lang))}">${chart}</div><p class="scroll-hint">${esc(t('dryrun.report.chart.scroll', lang))}</p>`);
  out.push(remarksHtml(model, t('dryrun.report.deviations', lang), stats.deviations, lang, h, o));
  out.push(remarksHtml(model, t('dryrun.report.issues', lang), stats.issues, lang, h, o));
  out.push(remarksHtml(model, t('dryrun.report.proposals', lang), stats.proposals, lang, h, o));
  const other = otherHtml(model, lang, h);
  if (other) out.push(other);
  out.push(`<h${h}>${esc(t('dryrun.report.method', lang))}</h${h}><p class="method">${esc(t('dryrun.report.method.text', lang, { day: formatNumber(d.workingDay, lang) }))}</p>`);
  return `<div class="sopkit-report dry-run-report">${out.join('\n')}</div>`;
}

/** The dry-run report as a complete HTML file. */
export function renderDryRunHtml(model: DryRunModel, o: DryRunHtmlOptions = {}): string {
  const lang = model.sop.data.language;
  // The record's title isolated (FSI … PDI: a <title> holds no markup) among the locale's words.
  const title = t('dryrun.report.title', lang, { title: direction(lang) === 'rtl' ? isolate(model.data.title) : model.data.title });
  return `<!doctype html>
<html lang="${esc(lang)}" dir="${direction(lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>body{margin:1rem;}${reportCss}${dryRunCss}</style></head>
<body><main><div class="sopkit-report"><h1>${esc(title)}</h1></div>${renderDryRunFragment(model, o)}</main></body>
</html>
`;
}
