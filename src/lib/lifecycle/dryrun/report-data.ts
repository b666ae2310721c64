import { t } from '../../../i18n/index.ts';
import type { DryRunModel } from './model.ts';
import type { DryRunStats, MinuteStats, StepStats } from './stats.ts';

/** Figures as the dry-run report prints them, shared by the HTML page and the PDF. */

/** A share as a whole percentage: `0.8571` → `86 %`. */
export function pct(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** Minutes as a whole number with thousands separated: `1150` → `1,150`. */
export function mins(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** `median 1,150 (980–1,400)`. */
export function minuteSummary(m: MinuteStats | undefined): string {
  if (!m) return '–';
  return m.min === m.max ? mins(m.median) : `${mins(m.median)} (${mins(m.min)}–${mins(m.max)})`;
}

/** Time limits of a step in minutes: `480`, `4,800–7,200`; `–` when none is in minutes. */
export function limitText(step: StepStats): string {
  const [first, ...rest] = step.limits;
  if (first === undefined) return '–';
  const last = rest.at(-1);
  return last === undefined ? mins(first) : `${mins(first)}–${mins(last)}`;
}

/** `3 of 6` over the limit, or `–` when no observation had one. */
export function overText(m: MinuteStats | undefined): string {
  return m && m.timed ? `${m.over} of ${m.timed}` : '–';
}

/** The SOP's title of a section (`6.3` → `Verify the facts and the evidence`). */
export function sectionTitle(model: DryRunModel, step: string): string {
  return model.sop.sections.find((s) => s.number === step)?.title ?? '';
}

/** The anchor of a section on the SOP page. */
export function sectionAnchor(model: DryRunModel, step: string): string | undefined {
  return model.sop.sections.find((s) => s.number === step)?.anchor;
}

/** One line of the chart: a step at a site, as shares of the time limit. */
export interface ChartRow {
  step: string;
  site: string;
  /** Index of the site in the record (its marker shape). */
  siteIndex: number;
  minutes: MinuteStats;
}

/** The chart's rows: every step with minutes, site by site, in the order of the text. */
export function chartRows(model: DryRunModel): ChartRow[] {
  const sites = model.data.sites.map((s) => s.id);
  return (model.stats?.steps ?? []).flatMap((s) => s.bySite.flatMap((b) => (b.minutes ? [{ step: s.step, site: b.site, siteIndex: sites.indexOf(b.site), minutes: b.minutes }] : [])));
}

/** Right end of the chart's axis, as a share of the limit: at least 1.5, rounded up to a half. */
export function axisMax(rows: readonly ChartRow[]): number {
  const top = Math.max(1.5, ...rows.map((r) => r.minutes.ratio?.max ?? 0));
  return Math.ceil(top * 2) / 2;
}

/** The text beside a chart row: `median 1,150 min (980–1,400); limit 480`. */
export function chartLabel(row: ChartRow, noLimit: string): string {
  const m = row.minutes;
  const range = m.min === m.max ? '' : ` (${mins(m.min)}–${mins(m.max)})`;
  return `${mins(m.median)} min${range}${m.ratio ? `; ${m.over}/${m.timed} over` : `; ${noLimit}`}`;
}

/** The lead sentence: observations, cases, sites, dates, completion, steps over their limit. */
export function reportLead(model: DryRunModel, stats: DryRunStats, lang: string): string {
  const timed = stats.sites.reduce((n, s) => n + s.timed, 0);
  const over = stats.sites.reduce((n, s) => n + s.over, 0);
  const cases = new Set(model.results?.rows.map((r) => r.case)).size;
  return t('dryrun.report.lead', lang, { n: stats.n, cases, sites: stats.sites.filter((s) => s.n).length, start: model.data.dates.start, end: model.data.dates.end, completion: pct(stats.completion), over, timed });
}
