import { isCalendarDate } from '../dates.ts';
import { closest } from '../did-you-mean.ts';
import { SopkitError } from '../errors.ts';
import type { LoadedWorkflow } from './load.ts';
import { startSnapshot } from './run.ts';
import { caseFieldsOf } from './sim-data.ts';
import type { CaseField } from './types.ts';

/** A field's type as a user writes the value in JSON. */
function typeWords(field: CaseField): string {
  if (field.type === 'select') return field.options?.map((o) => o.value).join('|') ?? 'text';
  return { boolean: 'true|false', number: 'a number', date: 'YYYY-MM-DD', text: 'text' }[field.type];
}

/**
 * What a date field wants, said of the value given: "2025-02-30" is written YYYY-MM-DD, and was
 * told to be written YYYY-MM-DD; it is a day the month does not have.
 */
function dateWanted(value: unknown): string {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!m) return 'a date written "YYYY-MM-DD"';
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `a date in the calendar: there is no month ${m[2]} (write YYYY-MM-DD, the month second)`;
  const days = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return `a date in the calendar: ${m[1]}-${m[2]} has ${days} days`;
}

/** What is wrong with a value of a field, or undefined when it is right. */
export function valueProblem(field: CaseField, value: unknown): string | undefined {
  const ok =
    field.type === 'boolean' ? typeof value === 'boolean'
    : field.type === 'number' ? typeof value === 'number' && Number.isFinite(value)
    : field.type === 'date' ? typeof value === 'string' && isCalendarDate(value)
    : field.type === 'select' && field.options?.length ? field.options.some((o) => o.value === value)
    : typeof value === 'string';
  const wanted =
    field.type === 'boolean' ? 'true or false (without quotes)'
    : field.type === 'number' ? 'a number'
    : field.type === 'date' ? dateWanted(value)
    : field.type === 'select' && field.options?.length ? `one of ${typeWords(field)}`
    : 'text in quotes';
  return ok ? undefined : `${field.id} is ${JSON.stringify(value)}, not ${wanted}`;
}

/**
 * The fields a machine's case data may set: its `caseFields`, or, when it declares none, those the
 * simulator page shows (the keys its scenarios set and its context's defaults). Runs the
 * machine's context code.
 */
function knownFields(loaded: LoadedWorkflow): CaseField[] {
  if (loaded.module.caseFields?.length) return loaded.module.caseFields;
  let defaults: Record<string, unknown> = {};
  try {
    defaults = { ...(startSnapshot(loaded.module.machine, {}).context as Record<string, unknown>) };
  } catch {
    // A machine whose context needs input has no defaults; the scenarios give the fields.
  }
  return caseFieldsOf(loaded, defaults);
}

/**
 * Refuses case data (`sopkit simulate --input`) with a field the machine does not know or a value
 * of the wrong type, in one line naming each and listing the fields: a misspelt or quoted
 * `applicationComplete` would otherwise leave the guard reading undefined or a truthy string and
 * send the case down the other path without a word.
 * @param loaded The workflow.
 * @param input The case data.
 * @param shown How the user named the file (`--input case.json`).
 */
export function checkCaseInput(loaded: LoadedWorkflow, input: Record<string, unknown>, shown: string): void {
  const fields = knownFields(loaded);
  if (!fields.length) return;
  const byId = new Map(fields.map((f) => [f.id, f]));
  const problems = Object.entries(input).flatMap(([key, value]) => {
    const field = byId.get(key);
    if (!field) {
      const near = closest(key, [...byId.keys()]);
      return [`${key} is not a case field of ${loaded.id}${near ? ` (did you mean ${near}?)` : ''}`];
    }
    const problem = valueProblem(field, value);
    return problem ? [problem] : [];
  });
  if (!problems.length) return;
  const list = fields.map((f) => `${f.id} (${typeWords(f)})`).join(', ');
  throw new SopkitError('simulate/input-fields', `${shown}: ${problems.join('; ')}. The fields of ${loaded.id}: ${list}`);
}
