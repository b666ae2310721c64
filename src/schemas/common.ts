import { z } from 'zod';
import { isCalendarDate } from '../lib/dates.ts';

export { isCalendarDate } from '../lib/dates.ts';

/**
 * The longest id `sopkit new` accepts: the ids of the model pack are at most 32 characters, and
 * an id is a file name (a name over 255 bytes fails with ENAMETOOLONG).
 */
export const maxNewIdLength = 64;

/** A lower-case, hyphenated identifier: `birth-registration`, `late-registration`. */
export const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lower-case id with hyphens, like "birth-registration"');

/** A calendar date written `YYYY-MM-DD` in YAML (unquoted YAML dates are accepted too). */
export const isoDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD')
    // Only a date written YYYY-MM-DD can be a calendar date or not: "15/12/2025" is one error, not two.
    .refine((text) => !/^\d{4}-\d{2}-\d{2}$/.test(text) || isCalendarDate(text), 'a real calendar date'),
);

/** A semantic version: `1.0.0`, `0.3.1`. */
export const semver = z
  .union([z.string(), z.number()])
  .transform((v) => String(v))
  .pipe(z.string().regex(/^\d+\.\d+\.\d+$/, 'a version like 1.2.0 (major.minor.patch)'));

/** A BCP 47 language tag: `en`, `fr`, `rw`, `sw`. */
export const languageTag = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a language tag like "en" or "fr"');
