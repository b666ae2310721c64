import { median } from '../../assessment/stats.ts';
import { compareSteps } from '../../workflow/steps.ts';
import type { Done } from '../../../schemas/dryrun.ts';
import type { DryRunCase } from './cases.ts';
import { ambiguousLimits, type ResultRow } from './results.ts';
import { limitMinutes, WORKING_DAY_MINUTES } from './time-limit.ts';

/** Minutes observed for a step: how many, the median and the range, and against the time limit. */
export interface MinuteStats {
  n: number;
  median: number;
  min: number;
  max: number;
  /** Observations whose state has a time limit in minutes. */
  timed: number;
  /** Of those, how many took longer than the limit. */
  over: number;
  /** `over / timed`; undefined when no observation has a limit. */
  overShare?: number;
  /** Minutes as a share of each observation's own limit (1 = the limit): median and range, for the chart. */
  ratio?: { median: number; min: number; max: number };
}

/** A remark written on a sheet: a deviation, an issue or a proposal, with where it came from. */
export interface Remark {
  case: string;
  site: string;
  step: string;
  text: string;
  /** Row of the results file. */
  row: number;
}

/** What happened at one SOP section, over every case and site (or at one site). */
export interface StepStats {
  /** SOP section. */
  step: string;
  /** What the states of this section ask for (`meta.title`), as the cases met them. */
  titles: string[];
  roles: string[];
  /** Time limits in words of those states. */
  slas: string[];
  /** Those limits in office minutes, smallest first (a section described by several states can have several). */
  limits: number[];
  /** Observations. */
  n: number;
  done: Record<Done, number>;
  /** Share of observations done completely (`yes`): partly, no and skipped all count as not complete. */
  completion: number;
  minutes?: MinuteStats;
  /** The same, site by site (site ids in the record's order; sites with no observation left out). */
  bySite: { site: string; n: number; completion: number; minutes?: MinuteStats }[];
}

/** The figures of a dry run. */
export interface DryRunStats {
  steps: StepStats[];
  /** Per site: observations, cases seen, completion, timed observations with a limit and how many were over it. */
  sites: { site: string; n: number; cases: number; completion: number; timed: number; over: number }[];
  /** Every observation. */
  n: number;
  completion: number;
  deviations: Remark[];
  issues: Remark[];
  proposals: Remark[];
}

/** An observation with the state it was matched to and that state's limit in office minutes. */
export interface LimitedRow extends ResultRow {
  state?: string;
  limit?: number;
}

/**
 * Matches each observation to the state of its case that it records: the rows of one case, site
 * and section are that case's states of the section in order (a section can be met twice, or be
 * described by two states); rows beyond them take the last. The state's time limit comes with it.
 * @param rows Observations, in file order.
 * @param cases The dry run's cases.
 * @param workingDay Office minutes in a working day.
 */
export function matchStates(rows: readonly ResultRow[], cases: readonly DryRunCase[], workingDay: number = WORKING_DAY_MINUTES): LimitedRow[] {
  const seen = new Map<string, number>();
  const total = new Map<string, number>();
  for (const r of rows) total.set(`${r.case}\0${r.site}\0${r.step}`, (total.get(`${r.case}\0${r.site}\0${r.step}`) ?? 0) + 1);
  return rows.map((r) => {
    const states = cases.find((c) => c.id === r.case)?.steps.filter((s) => s.step === r.step) ?? [];
    const key = `${r.case}\0${r.site}\0${r.step}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    const state = states[Math.min(k, states.length - 1)];
    // Fewer rows than the case meets the section, and its times have different limits: which
    // line a row records is not known, so it is compared with none (the results' warning,
    // dryrun/rows-missing, says which rows to add). The clerk's 600 minutes were read against
    // the informant's 90 days, the first line's.
    const unsure = (total.get(key) ?? 0) < states.length && ambiguousLimits(states, workingDay);
    // Measured in the words the limit was written in (a translated case prints its own).
    const limit = unsure ? undefined : limitMinutes(state?.slaSource ?? state?.sla, workingDay);
    return { ...r, ...(state && !unsure ? { state: state.state } : {}), ...(limit === undefined ? {} : { limit }) };
  });
}

function minuteStats(rows: readonly LimitedRow[]): MinuteStats | undefined {
  const timedRows = rows.filter((r) => r.minutes !== undefined);
  const values = timedRows.map((r) => r.minutes!);
  if (!values.length) return undefined;
  const limited = timedRows.filter((r) => r.limit !== undefined);
  const ratios = limited.map((r) => r.minutes! / r.limit!);
  const over = ratios.filter((x) => x > 1).length;
  return {
    n: values.length,
    median: median(values)!,
    min: Math.min(...values),
    max: Math.max(...values),
    timed: limited.length,
    over,
    ...(limited.length ? { overShare: over / limited.length, ratio: { median: median(ratios)!, min: Math.min(...ratios), max: Math.max(...ratios) } } : {}),
  };
}

const share = (rows: readonly ResultRow[]) => (rows.length ? rows.filter((r) => r.done === 'yes').length / rows.length : 0);
const unique = (xs: readonly (string | undefined)[]) => [...new Set(xs.filter((x): x is string => Boolean(x)))];

/**
 * The dry run's figures, per SOP section in the order of the text: completion rate, counts of
 * each outcome, minutes (median and range) against the time limit of each observation's state and
 * the share over it, overall and per site; and every deviation, issue and proposal with its case,
 * site and section.
 * @param rows Valid observations.
 * @param cases The dry run's cases (for titles, roles and time limits).
 * @param sites Site ids, in the record's order.
 * @param workingDay Office minutes in a working day.
 */
export function dryRunStats(rows: readonly ResultRow[], cases: readonly DryRunCase[], sites: readonly string[], workingDay: number = WORKING_DAY_MINUTES): DryRunStats {
  const limited = matchStates(rows, cases, workingDay);
  const caseSteps = cases.flatMap((c) => c.steps);
  const sections = unique(rows.map((r) => r.step)).sort(compareSteps);
  const steps = sections.map((step): StepStats => {
    const mine = limited.filter((r) => r.step === step);
    const states = caseSteps.filter((s) => s.step === step && mine.some((r) => r.state === s.state));
    const done = { yes: 0, partly: 0, no: 0, skipped: 0 };
    for (const r of mine) done[r.done]++;
    const bySite = sites.flatMap((site) => {
      const here = mine.filter((r) => r.site === site);
      const minutes = minuteStats(here);
      return here.length ? [{ site, n: here.length, completion: share(here), ...(minutes ? { minutes } : {}) }] : [];
    });
    const minutes = minuteStats(mine);
    // The limits the minutes were compared with (those of the timed rows), else every limit met.
    const timedLimits = mine.filter((r) => r.minutes !== undefined);
    const limits = [...new Set((timedLimits.length ? timedLimits : mine).flatMap((r) => (r.limit === undefined ? [] : [r.limit])))].sort((a, b) => a - b);
    return { step, titles: unique(states.map((s) => s.title)), roles: unique(states.map((s) => s.role)), slas: unique(states.map((s) => s.sla)), limits, n: mine.length, done, completion: share(mine), ...(minutes ? { minutes } : {}), bySite };
  });
  const siteStats = sites.map((site) => {
    const here = limited.filter((r) => r.site === site);
    const timed = here.filter((r) => r.minutes !== undefined && r.limit !== undefined);
    return { site, n: here.length, cases: unique(here.map((r) => r.case)).length, completion: share(here), timed: timed.length, over: timed.filter((r) => r.minutes! > r.limit!).length };
  });
  const remarks = (key: 'deviation' | 'issue' | 'proposal') =>
    rows.filter((r) => r[key]).map((r): Remark => ({ case: r.case, site: r.site, step: r.step, text: r[key], row: r.row })).sort((a, b) => compareSteps(a.step, b.step) || a.row - b.row);
  return { steps, sites: siteStats, n: rows.length, completion: share(rows), deviations: remarks('deviation'), issues: remarks('issue'), proposals: remarks('proposal') };
}
