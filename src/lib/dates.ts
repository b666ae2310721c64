// Calendar dates written YYYY-MM-DD. Plain functions with no dependencies: the schemas, the
// checker and the workflow machines (which also run in the browser) all use them.

const DAY_MS = 24 * 60 * 60 * 1000;

/** True when `YYYY-MM-DD` names a day that exists (Date.parse would roll 2026-02-30 over to March). */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Why a date the user gave (an option, SOPKIT_TODAY) cannot be used, or undefined when it is a real
 * day written YYYY-MM-DD: 31/12/2026 would otherwise be compared as text and 2026-13-45 printed.
 * @param written How the user wrote it, for the message: `--today 31/12/2026`, `SOPKIT_TODAY=x`.
 */
export function dateProblem(written: string, value: string): string | undefined {
  if (isCalendarDate(value)) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${written}: there is no such day; write a real date as YYYY-MM-DD`;
  return `${written}: write the date as YYYY-MM-DD`;
}

/**
 * Whole days from one date to another (negative when `to` is earlier); NaN when either is
 * missing or not a real calendar date.
 */
export function daysBetween(from: string, to: string): number {
  if (!isCalendarDate(from) || !isCalendarDate(to)) return Number.NaN;
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * The date a number of days after another (before it when negative): `addDays('2025-01-30', 2)`
 * is `2025-02-01`. Scenarios use it to place a case relative to a period the country sets.
 */
export function addDays(date: string, days: number): string {
  if (!isCalendarDate(date)) return '';
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
