// What workflow machines import to read parameters: `param('late-birth-registration-period')`.
// It runs in Node (CLI, build, tests) and in the browser (the simulator bundles the machine), so
// it imports nothing that needs either: the values come from `runtime-source.ts`, which reads
// content/parameters.yaml in Node and which the Vite plugin (`vite-plugin.ts`) replaces with the
// values themselves in the browser bundle. ARCHITECTURE.md, Formats: parameters.
import { initialParameters } from './runtime-source.ts';

/** One parameter as a machine sees it: the number, its unit, and its text in each UI language. */
export interface RuntimeParameter {
  /**
   * The number, or `permanent` for a period with no end (a retention period), or `unset` for an
   * amount the country has not set (a fee): no machine can count with either.
   */
  value: number | 'permanent' | 'unset';
  unit: string;
  /** `{ en: '30 days', fr: '30 jours' }`. */
  text: Record<string, string>;
}

/** The values machines read, and the language their labels are written in by default. */
export interface RuntimeParameters {
  language: string;
  values: Record<string, RuntimeParameter>;
  /**
   * The first error of content/parameters.yaml ("line 14: YAML syntax: ..."),
   * when it has one: an entry it leaves out is then not "no parameter" (a user told to add it
   * added a second one).
   */
  problem?: string;
}

// One slot for the whole process: the loader, the machine modules and the tests may each hold
// their own copy of this module (tsx, vite-node), and they must all read the same values.
const SLOT = Symbol.for('sopkit.parameters');
type WithSlot = { [SLOT]?: RuntimeParameters };

/**
 * Sets the values machines read from now on. The workflow loader calls it with the project's
 * parameters before it imports a machine, so values read at the top of a machine file are those
 * of the project the machine belongs to.
 */
export function useParameters(values: RuntimeParameters): void {
  (globalThis as WithSlot)[SLOT] = values;
}

function current(): RuntimeParameters {
  const g = globalThis as WithSlot;
  return (g[SLOT] ??= initialParameters());
}

function entry(id: string): RuntimeParameter {
  const { values, problem } = current();
  const found = values[id];
  if (!found && problem) throw new Error(`param('${id}'): "${id}" cannot be read, as content/parameters.yaml has an error at ${problem}; fix it (sopkit check lists every error)`);
  if (!found) throw new Error(`param('${id}'): no parameter "${id}" in content/parameters.yaml; add it there or fix the id`);
  return found;
}

/**
 * The number of a parameter: a period with no end (`value: permanent`, a register kept for ever)
 * and an amount not set yet (`value: unset`) have none, so a machine that counts with one stops loading, saying so, rather than compare a
 * date with the word.
 */
function numberOf(id: string, call: string): { value: number; unit: string } {
  const { value, unit } = entry(id);
  if (value === 'permanent') throw new Error(`${call}('${id}'): "${id}" is permanent in content/parameters.yaml, a period with no end, so a workflow cannot count with it; give the parameter a number of ${unit} there, or use paramText('${id}') to print it`);
  if (value === 'unset') throw new Error(`${call}('${id}'): "${id}" is unset in content/parameters.yaml, an amount the country has not set yet, so a workflow cannot count with it; give the parameter its amount there, or use paramText('${id}') to print it`);
  return { value, unit };
}

/** The value of a parameter, in its unit: `param('late-birth-registration-period')` → 90. */
export function param(id: string): number {
  return numberOf(id, 'param').value;
}

/**
 * A period a workflow compares with a number of calendar days (`daysSinceBirth <= paramDays('birth-registration-period')`).
 * Only a parameter in days can be: a country that writes the period as "3 months" or "20
 * working days" would have it read as 3 or 20 days by guards and scenarios alike, and every
 * decision at the limit would silently go the other way. So any other unit stops the machine
 * from loading, with the parameter, its unit and what to write; `sopkit check` prints it.
 */
export function paramDays(id: string): number {
  const { value, unit } = numberOf(id, 'paramDays');
  if (unit === 'days') return value;
  const example = unit === 'months' ? `${value} months as ${value * 30} days, or the number of days the law means` : unit === 'years' ? `${value} years as ${value * 365} days` : unit === 'working-days' ? 'the number of calendar days the working days come to, with a note in "why"' : 'the period in days';
  throw new Error(`paramDays('${id}'): "${id}" is in ${unit} in content/parameters.yaml, but this workflow counts calendar days, so it would read ${value} ${unit} as ${value} days; give the parameter in days (${example})`);
}

/**
 * The value with its unit in words, for `meta.sla`, labels and help text: `30 days`. In the
 * pack's language unless another is given.
 */
export function paramText(id: string, lang?: string): string {
  const { text } = entry(id);
  return text[lang ?? current().language] ?? text.en ?? Object.values(text)[0] ?? '';
}

const DAY_MS = 86_400_000;
const msPer: Record<string, number> = {
  hours: 3_600_000,
  days: DAY_MS,
  // A timer runs in calendar time: five working days take a week.
  'working-days': (DAY_MS * 7) / 5,
  months: DAY_MS * 30,
  years: DAY_MS * 365,
};

/**
 * A time parameter in milliseconds, for XState delays (`delays: { appealPeriod: paramMs('appeal-period') }`).
 * Working days count as 7/5 calendar days, months as 30 days, years as 365 days.
 */
export function paramMs(id: string): number {
  const { unit } = entry(id);
  const size = msPer[unit];
  if (size === undefined) throw new Error(`paramMs('${id}'): "${id}" is in ${unit}, not a length of time; use param('${id}')`);
  const { value } = numberOf(id, 'paramMs');
  const ms = Math.round(value * size);
  const ids = timers().get(ms);
  if (ids) ids.add(id);
  else timers().set(ms, new Set([id]));
  return ms;
}

// The lengths paramMs has given, with the parameters they came from: a timer of 20 working days
// runs 28 calendar days, and its label said "(28 days)" beside a step table saying 20 working days.
const TIMERS = Symbol.for('sopkit.parameterTimers');
type WithTimers = { [TIMERS]?: Map<number, Set<string>> };
const timers = () => ((globalThis as WithTimers)[TIMERS] ??= new Map());

/**
 * A timer's length in the words of the parameter it came from (`20 working days`), for its label;
 * undefined when no parameter, or parameters with different words, gave that length.
 * @param ms The delay, as `paramMs` returned it.
 * @param lang The language of the words; the pack's by default.
 */
export function paramTextOfMs(ms: number, lang?: string): string | undefined {
  const values = current().values;
  const texts = new Set(
    [...(timers().get(ms) ?? [])].flatMap((id) => {
      const p = values[id];
      const size = p && msPer[p.unit];
      return p && size !== undefined && typeof p.value === 'number' && Math.round(p.value * size) === ms ? [paramText(id, lang)] : [];
    }),
  );
  return texts.size === 1 ? [...texts][0] : undefined;
}
