import { formatDate, formatNumber, t, tn } from '../../../i18n/index.ts';
import { formatPercent } from '../../../i18n/numbers.ts';
import { siteName, type DryRunModel } from './model.ts';
import { rowsByCaseAtSite, type OtherObservation } from './results.ts';
import type { DryRunStats, MinuteStats, StepStats } from './stats.ts';

/** Figures as the dry-run report prints them, shared by the HTML page and the PDF. */

/** A share as a whole percentage in the reader's language: `0.8571` → `86 %` (`86%` in Arabic). */
export function pct(share: number, lang = 'en'): string {
  return formatPercent(share, lang);
}

/**
 * The completion of a site or step: a dash where nothing was observed. A site with no row read
 * "0 % done completely", as if every step there had failed.
 */
export function completionText(s: { n: number; completion: number }, lang = 'en'): string {
  return s.n ? pct(s.completion, lang) : '–';
}

const grouped = new Map<string, Intl.NumberFormat>();

/**
 * Minutes with thousands separated as the language does, and a tenth where there is one (a
 * results file may say 7.5; it printed as 8, and the shortest time seen was not the one written):
 * `1150` → `1,150`, `1 150`; `7.5` → `7.5`, `7,5`.
 */
export function mins(value: number, lang = 'en'): string {
  const key = lang === 'en' ? 'en-US' : lang;
  let f = grouped.get(key);
  if (!f) grouped.set(key, (f = new Intl.NumberFormat(key, { maximumFractionDigits: 1 })));
  return f.format(Math.round(value * 10) / 10).replace(/[\u200e\u200f\u061c]/g, '');
}

/** `median 1,150 (980–1,400)`. */
export function minuteSummary(m: MinuteStats | undefined, lang = 'en'): string {
  if (!m) return '–';
  return m.min === m.max ? mins(m.median, lang) : `${mins(m.median, lang)} (${mins(m.min, lang)}–${mins(m.max, lang)})`;
}

/** Time limits of a step in minutes: `480`, `4,800–7,200`; `–` when none is in minutes. */
export function limitText(step: StepStats, lang = 'en'): string {
  const [first, ...rest] = step.limits;
  if (first === undefined) return '–';
  const last = rest.at(-1);
  return last === undefined ? mins(first, lang) : `${mins(first, lang)}–${mins(last, lang)}`;
}

/** `3 of 6` over the limit, or `–` when no observation had one. */
export function overText(m: Pick<MinuteStats, 'over' | 'timed'> | undefined, lang = 'en'): string {
  return m && m.timed ? t('dryrun.report.outOf', lang, { n: formatNumber(m.over, lang), m: formatNumber(m.timed, lang) }) : '–';
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

/**
 * The widest the chart's axis gets, as a share of the limit (400 %). The model dry run's longest
 * step is under 300 %, so real overruns fit; a longer one (or a typo) is drawn to the edge with an
 * arrow, its minutes written beside it, instead of stretching the axis: the axis used to grow with
 * the value, a line and a label per half of the limit, so one cell of 2025012012 minutes drew
 * millions of them.
 */
export const AXIS_CAP = 4;
/** Distance between the chart's grid lines, as a share of the limit. */
const TICK = 0.5;

/** Right end of the chart's axis, as a share of the limit: at least 1.5, rounded up to a half, at most `AXIS_CAP`. */
export function axisMax(rows: readonly ChartRow[]): number {
  // A ratio that is not finite (a limit of 0 minutes) has no place on the axis.
  const top = Math.max(1.5, ...rows.map((r) => r.minutes.ratio?.max ?? 0).filter(Number.isFinite));
  return Math.min(AXIS_CAP, Math.ceil(top / TICK) * TICK);
}

/** The grid lines of an axis ending at `max`: 0, 0.5, … max (at most 9, as `max` is capped). */
export function axisTicks(max: number): number[] {
  const n = Math.floor(Math.min(max, AXIS_CAP) / TICK + 1e-9);
  return Array.from({ length: n + 1 }, (_, i) => i * TICK);
}

/** True when a chart row's longest observation lies beyond the axis (drawn to its end, with an arrow). */
export function clipped(row: ChartRow, max: number): boolean {
  const top = row.minutes.ratio?.max;
  return top !== undefined && !(top <= max);
}

/** The text beside a chart row: `median 1,150 min (980–1,400); limit 480`. */
export function chartLabel(row: ChartRow, noLimit: string, lang = 'en'): string {
  const m = row.minutes;
  const range = m.min === m.max ? '' : ` (${mins(m.min, lang)}–${mins(m.max, lang)})`;
  const over = m.ratio ? t('dryrun.report.overOf', lang, { n: formatNumber(m.over, lang), m: formatNumber(m.timed, lang) }) : noLimit;
  return `${tn('dryrun.report.minutesUnit', m.median, lang, { n: mins(m.median, lang) })}${range}${t('list.semicolon', lang)}${over}`;
}

/** The lead sentence: observations, cases, sites, dates, completion, steps over their limit. */
export function reportLead(model: DryRunModel, stats: DryRunStats, lang: string): string {
  const timed = stats.sites.reduce((n, s) => n + s.timed, 0);
  const over = stats.sites.reduce((n, s) => n + s.over, 0);
  const cases = new Set(model.results?.rows.map((r) => r.case)).size;
  const sites = stats.sites.filter((s) => s.n).length;
  return t('dryrun.report.lead', lang, {
    observations: tn('dryrun.report.nObservations', stats.n, lang),
    cases: tn('dryrun.report.nCases', cases, lang),
    sites: tn('dryrun.report.nSites', sites, lang),
    start: formatDate(model.data.dates.start, lang),
    end: formatDate(model.data.dates.end, lang),
    completion: pct(stats.completion, lang),
    // "1 des 30 étapes … a dépassé son délai", not "ont dépassé": the verb follows the count.
    overClause: tn('dryrun.report.leadOver', over, lang, { timed: formatNumber(timed, lang) }),
  });
}

/**
 * The sheets' other observations as the report lists them: site by site in the record's order,
 * then in the order of the results file; each one's text is what its row has under deviation,
 * issue and proposal.
 */
export function otherObservations(model: DryRunModel): { site: string; case: string; text: string; row: number }[] {
  const sites = model.data.sites.map((s) => s.id);
  const text = (o: OtherObservation) => [o.deviation, o.issue, o.proposal].filter(Boolean).join(' · ');
  return [...(model.results?.other ?? [])].sort((a, b) => sites.indexOf(a.site) - sites.indexOf(b.site) || a.row - b.row).map((o) => ({ site: o.site, case: o.case, text: text(o), row: o.row }));
}

/**
 * The planned cases no row of the results is from, in words ("Not observed: Late case ...; Child
 * of 9 ... (2 of the 5 cases planned ...)"), or undefined: a report of 1 case of 5 said nothing of
 * the other 4, where a site with no row is said to be not observed.
 * @param name How a case's title is written (the PDF isolates its direction).
 */
export function casesMissingText(model: DryRunModel, lang: string, name: (title: string) => string = (x) => x): string | undefined {
  const rows = model.results?.rows ?? [];
  if (!rows.length) return undefined;
  const seen = new Set(rows.map((r) => r.case));
  const missing = model.cases.filter((c) => !seen.has(c.id));
  if (!missing.length) return undefined;
  return t('dryrun.report.casesMissing', lang, { list: missing.map((c) => name(c.title)).join(t('list.semicolon', lang)), n: formatNumber(missing.length, lang), m: formatNumber(model.cases.length, lang) });
}

/**
 * The lines of the observation sheets of the cases observed that no row of the results records,
 * in words ("Lines of the observation sheets with no row ...: Late registration ... at District
 * office: 6.1; ..."), or undefined. A case observed without its step 6.1 row gave a 6.1 figure
 * from the other cases' rows and said nothing of the line left blank. A step the sheet prints twice
 * with one row is one line short (`dryrun/rows-missing` says more when the lines' limits differ).
 * @param name How a case's or site's name is written (the PDF isolates its direction).
 */
export function linesMissingText(model: DryRunModel, lang: string, name: (title: string) => string = (x) => x): string | undefined {
  const observed = rowsByCaseAtSite(model.results?.rows ?? []);
  const entries: string[] = [];
  for (const c of model.cases) {
    // The lines its sheet prints for each step.
    const lines = new Map<string, number>();
    for (const s of c.steps) lines.set(s.step, (lines.get(s.step) ?? 0) + 1);
    for (const site of model.data.sites) {
      const count = observed.get(`${c.id}\0${site.id}`)?.count;
      if (!count) continue;
      const short = [...lines].flatMap(([step, n]) => Array<string>(Math.max(0, n - (count.get(step) ?? 0))).fill(step));
      if (short.length) entries.push(t('dryrun.report.linesMissingEntry', lang, { case: name(c.title), site: name(siteName(model, site.id)), steps: short.map((x) => name(x)).join(t('list.separator', lang)) }));
    }
  }
  if (!entries.length) return undefined;
  return t('dryrun.report.linesMissing', lang, { list: entries.join(t('list.semicolon', lang)) });
}
