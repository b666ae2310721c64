import { z } from 'zod';
import { kebabId } from './common.ts';

/**
 * What a parameter counts. `working-days` exclude weekends and public holidays; `age` is in
 * completed years; `score` is a number on a vendor's or a method's own scale; `count` is a plain
 * number of things (documents, witnesses, records).
 */
export const parameterUnits = ['days', 'working-days', 'hours', 'months', 'years', 'percent', 'score', 'age', 'currency', 'count'] as const;

export type ParameterUnit = (typeof parameterUnits)[number];

/** Units whose values are whole numbers. */
const wholeUnits: ReadonlySet<ParameterUnit> = new Set(['days', 'working-days', 'hours', 'months', 'years', 'age', 'count']);

/** Days in one of each unit of time (a working day counts as a day: the bound is loose). */
const DAYS_PER: Partial<Record<ParameterUnit, number>> = { days: 1, 'working-days': 1, hours: 1 / 24, months: 31, years: 366 };
/** The longest period a parameter may give: 1,000 years, beyond any legal time limit or retention period. */
const MAX_PERIOD_DAYS = 366_000;

/**
 * The value of a period with no end: a register the law keeps for ever (`value: permanent`). Only
 * a length of time can be permanent; a country that sets a number of years instead writes the
 * number, in the parameter's unit.
 */
export const PERMANENT = 'permanent';

/**
 * The value of an amount the model cannot give (`value: unset`): a fee is the country's to set,
 * in its own currency, and no figure in a model pack would fit every country. Printed as a
 * placeholder in the reader's language ("[amount set by the country]", `param.unset`); only an
 * amount (unit `currency`) can be unset.
 */
export const UNSET = 'unset';

/** A value as written: a number in the parameter's unit, `permanent` for a period with no end, `unset` for an amount the country sets. */
const valueSchema = z.union([z.number().nonnegative(), z.literal(PERMANENT), z.literal(UNSET)], {
  errorMap: () => ({ message: `expected a number, in the unit of the parameter, or ${PERMANENT} (a period with no end), or ${UNSET} (an amount the country sets)` }),
});

/**
 * A value as a number to compare periods with: permanent is longer than any number; an unset
 * amount is no number (NaN: every comparison with it is false, and the callers say so).
 */
export function comparable(value: number | typeof PERMANENT | typeof UNSET): number {
  return value === PERMANENT ? Number.POSITIVE_INFINITY : value === UNSET ? Number.NaN : value;
}

/** The CLDR plural categories a noun may give a form for (ARCHITECTURE.md, Formats: parameters). */
export const pluralCategories = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

const nounForm = z.string().trim().min(1, 'the noun as it stands after the number');
/** A noun's form for each plural category: `{ one: "document", other: "documents" }`. */
const categoryForms = z.object(Object.fromEntries(pluralCategories.map((c) => [c, nounForm.optional()])) as Record<(typeof pluralCategories)[number], z.ZodOptional<typeof nounForm>>).strict();

/**
 * The noun a count counts, in one language: a form per plural category, and where the language
 * marks case on it, the forms that differ in the genitive or accusative (Arabic's dual:
 * `genitive: { two: "وثيقتين" }`). Which forms a language needs is `sopkit check`'s to say
 * (`params/noun`), so the schema only refuses a key that is not a category or a case.
 */
export const nounSchema = categoryForms
  .extend({ accusative: categoryForms.optional(), genitive: categoryForms.optional() })
  .strict();

export type NounForms = z.output<typeof nounSchema>;

/** The model value the pack ships with, and why it was chosen. */
const modelSchema = z
  .object({
    /** The value this model pack uses, in the parameter's unit (or `permanent`). */
    value: valueSchema,
    /** Why this value: the standard or practice it follows, in one to three sentences. */
    why: z.string().min(10, 'a sentence or more saying why the model uses this value'),
  })
  .strict();

/** One value a country sets (ARCHITECTURE.md, Formats: parameters). */
export const parameterSchema = z
  .object({
    /** Identifier used by `<Param id>`, `{param:id}` and `param('id')`. */
    id: kebabId,
    /** What the value is, as a heading: "Late registration period for births". */
    label: z.string().min(3),
    /** The value in force in this country, in `unit`; `permanent` for a period with no end (a register kept for ever). */
    value: valueSchema,
    /** What the value counts. */
    unit: z.enum(parameterUnits),
    /** For `currency`: the currency as printed after the amount ("XOF", "[currency]"). */
    currency: z.string().min(1).optional(),
    /**
     * For `count`: the noun counted, in the pack's language (`{ one: "independent document", other:
     * "independent documents" }`), printed after the number so a country that sets 1 reads
     * "1 independent document"; each translation gives its own in `content/<lang>/parameters.yaml`.
     */
    noun: nounSchema.optional(),
    /** Heading under which the country profile lists it: "Registration periods". */
    group: z.string().min(1).optional(),
    /** The model value and why. */
    model: modelSchema,
    /** Where national law sets it, as a placeholder: "[Civil Registration Act], s. [x]". */
    source: z.string().min(3),
    /**
     * Another parameter this one must exceed (`birth-grace-period` ends after
     * `birth-registration-period`): the check says so at the value, rather than in every
     * workflow scenario a backwards pair of periods breaks.
     */
    longerThan: kebabId.optional(),
    /**
     * Another parameter in the same unit this one must be above: the threshold of a strong match
     * above that of a candidate, the older parent's age above the younger's. Set the wrong way
     * round, every check between the two reads backwards, and nothing else would say so.
     */
    above: kebabId.optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    for (const [key, value] of [['value', p.value], ['model', p.model.value]] as const) {
      const path = key === 'model' ? ['model', 'value'] : ['value'];
      const days = DAYS_PER[p.unit];
      if (value === PERMANENT) {
        // "permanent fee" or "permanent percent" means nothing: only a length of time has no end.
        if (days === undefined) ctx.addIssue({ code: 'custom', path, message: `a number: ${PERMANENT} is only for a length of time (unit days, working-days, hours, months or years), and this parameter is in ${p.unit}` });
        continue;
      }
      if (value === UNSET) {
        // A time limit or a threshold the workflows count with needs a value: the model gives one.
        if (p.unit !== 'currency') ctx.addIssue({ code: 'custom', path, message: `a number: ${UNSET} is only for an amount (unit currency) the country sets, and this parameter is in ${p.unit}` });
        continue;
      }
      if (wholeUnits.has(p.unit) && !Number.isInteger(value)) {
        ctx.addIssue({ code: 'custom', path, message: `a whole number of ${p.unit}` });
      }
      if (p.unit === 'percent' && value > 100) ctx.addIssue({ code: 'custom', path, message: 'a percentage between 0 and 100' });
      // A period the workflows can count: 1e308 days passed here and stopped every workflow that
      // uses it with "Invalid time value", blamed on the workflow file.
      if (days !== undefined && value * days > MAX_PERIOD_DAYS) {
        ctx.addIssue({ code: 'custom', path, message: `at most ${Math.floor(MAX_PERIOD_DAYS / days).toLocaleString('en')} ${p.unit}${p.unit === 'years' ? '' : ' (1,000 years)'}: check the value` });
      } else if (p.unit === 'age' && value > 150) ctx.addIssue({ code: 'custom', path, message: 'an age of at most 150 years: check the value' });
      else if (days === undefined && value > Number.MAX_SAFE_INTEGER) ctx.addIssue({ code: 'custom', path, message: 'a number written in full, not one this large: check the value' });
    }
    if (p.currency !== undefined && p.unit !== 'currency') {
      ctx.addIssue({ code: 'custom', path: ['currency'], message: 'currency only with unit: currency (remove it, or change the unit)' });
    }
    if (p.noun !== undefined && p.unit !== 'count') {
      ctx.addIssue({ code: 'custom', path: ['noun'], message: `noun only with unit: count (a ${p.unit} value prints its own unit words); remove it, or change the unit` });
    }
  });

/** `content/parameters.yaml`: a list of parameters. */
export const parametersSchema = z.array(parameterSchema);

export type Parameter = z.output<typeof parameterSchema>;
