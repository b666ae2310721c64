import { median } from '../../assessment/stats.ts';
import { compareSteps } from '../../workflow/steps.ts';
import type { Done } from '../../../schemas/dryrun.ts';
import type { DryRunCase } from './cases.ts';
import type { ResultRow } from './results.ts';
import { limitMinutes, WORKING_DAY_MINUTES } from './time-limit.ts';

/** Minutes observed for a step: how many, the median and the range. */
export interface MinuteStats {
  n: number;
  median: number;
  min: number;
  max: number;
  /** Observations with more minutes than the time limit (when the limit is in minutes). */
  over?: number;
  /** `over / n`: the share over the time limit. */
  overShare?: number;
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
  /** The shortest of those limits in office minutes: what the minutes are compared with. */
  limit?: number;
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
  /** Per site: observations, cases seen, completion, share of timed steps over their limit. */
  sites: { site: string; n: number; cases: number; completion: number; timed: number; over: number }[];
  /** Every observation. */
  n: number;
  completion: number;
  deviations: Remark[];
  issues: Remark[];
  proposals: Remark[];
}

function minuteStats(rows: readonly ResultRow[], limit: number | undefined): MinuteStats | undefined {
  const values = rows.flatMap((r) => (r.minutes === undefined ? [] : [r.minutes]));
  if (!values.length) return undefined;
  const stats: MinuteStats = { n: values.length, median: median(values)!, min: Math.min(...values), max: Math.max(...values) };
  if (limit === undefined) return stats;
  const over = values.filter((v) => v > limit).length;
  return { ...stats, over, overShare: over / values.length };
}

const share = (rows: readonly ResultRow[]) => (rows.length ? rows.filter((r) => r.done === 'yes').length / rows.length : 0);
const unique = (xs: readonly (string | undefined)[]) => [...new Set(xs.filter((x): x is string => Boolean(x)))];

/**
 * The dry run's figures, per SOP section in the order of the text: completion rate, counts of
 * each outcome, minutes (median and range) against the time limit and the share over it, overall
 * and per site; and every deviation, issue and proposal with its case, site and section.
 * @param rows Valid observations.
 * @param cases The dry run's cases (for titles, roles and time limits of each section).
 * @param sites Site ids, in the record's order.
 * @param workingDay Office minutes in a working day.
 */
export function dryRunStats(rows: readonly ResultRow[], cases: readonly DryRunCase[], sites: readonly string[], workingDay: number = WORKING_DAY_MINUTES): DryRunStats {
  const caseSteps = cases.flatMap((c) => c.steps);
  const sections = unique(rows.map((r) => r.step)).sort(compareSteps);
  const steps = sections.map((step): StepStats => {
    const mine = rows.filter((r) => r.step === step);
    const states = caseSteps.filter((s) => s.step === step);
    const limits = states.flatMap((s) => (limitMinutes(s.sla, workingDay) ?? []) as number[]);
    const limit = limits.length ? Math.min(...limits) : undefined;
    const done = { yes: 0, partly: 0, no: 0, skipped: 0 };
    for (const r of mine) done[r.done]++;
    const bySite = sites.flatMap((site) => {
      const here = mine.filter((r) => r.site === site);
      const minutes = minuteStats(here, limit);
      return here.length ? [{ site, n: here.length, completion: share(here), ...(minutes ? { minutes } : {}) }] : [];
    });
    const minutes = minuteStats(mine, limit);
    return { step, titles: unique(states.map((s) => s.title)), roles: unique(states.map((s) => s.role)), slas: unique(states.map((s) => s.sla)), ...(limit === undefined ? {} : { limit }), n: mine.length, done, completion: share(mine), ...(minutes ? { minutes } : {}), bySite };
  });
  const siteStats = sites.map((site) => {
    const here = rows.filter((r) => r.site === site);
    const timed = here.filter((r) => r.minutes !== undefined && steps.find((s) => s.step === r.step)?.limit !== undefined);
    const over = timed.filter((r) => r.minutes! > steps.find((s) => s.step === r.step)!.limit!).length;
    return { site, n: here.length, cases: unique(here.map((r) => r.case)).length, completion: share(here), timed: timed.length, over };
  });
  const remarks = (key: 'deviation' | 'issue' | 'proposal') =>
    rows.filter((r) => r[key]).map((r): Remark => ({ case: r.case, site: r.site, step: r.step, text: r[key], row: r.row })).sort((a, b) => compareSteps(a.step, b.step) || a.row - b.row);
  return { steps, sites: siteStats, n: rows.length, completion: share(rows), deviations: remarks('deviation'), issues: remarks('issue'), proposals: remarks('proposal') };
}
