/** Office minutes in a working day unless the record says otherwise (8 hours). */
export const WORKING_DAY_MINUTES = 480;

const units: [RegExp, (workingDay: number) => number][] = [
  [/^working[ -]?days?$/, (d) => d],
  [/^days?$/, (d) => d],
  [/^working[ -]?weeks?$|^weeks?$/, (d) => 5 * d],
  [/^months?$/, (d) => 22 * d],
  [/^hours?$|^hrs?$|^h$/, () => 60],
  [/^minutes?$|^mins?$/, () => 1],
];

/**
 * A time limit in words (a state's `meta.sla`) as office minutes, for comparing with the minutes
 * observed: `same day` is one working day; `N working days` and `N days` are N working days (a dry
 * run measures office time, so a calendar day counts as the office hours of one day); weeks are 5
 * working days, months 22; hours and minutes as written. A bracketed placeholder takes the model
 * value given in the text: `[X] days (model value: 90)` → 90 working days. Anything else has no
 * limit in minutes (undefined), and is shown in words only; so has a limit of 0.
 * @param sla The time limit in words.
 * @param workingDay Office minutes in a working day.
 */
export function limitMinutes(sla: string | undefined, workingDay: number = WORKING_DAY_MINUTES): number | undefined {
  if (!sla) return undefined;
  let text = sla.toLowerCase();
  const model = /model value:\s*(\d+(?:\.\d+)?)/.exec(text)?.[1];
  text = text.replace(/\([^)]*\)/g, ' ');
  if (model) text = text.replace(/\[[^\]]*\]/, model);
  if (/\bsame (working )?day\b/.test(text)) return workingDay;
  const match = /(\d+(?:\.\d+)?)\s*((?:working[ -]?)?[a-z]+)/.exec(text);
  if (!match) return undefined;
  const unit = units.find(([re]) => re.test(match[2]!));
  // A limit of 0 is none to measure against: every minute would be infinitely over it.
  const minutes = unit ? Number(match[1]) * unit[1](workingDay) : 0;
  return minutes > 0 ? minutes : undefined;
}
