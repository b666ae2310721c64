import { dateProblem } from '../dates.ts';
import { SopkitError } from '../errors.ts';

/**
 * Today's date (YYYY-MM-DD), overridable with SOPKIT_TODAY for reproducible runs. A SOPKIT_TODAY
 * that is not a real day written YYYY-MM-DD is refused in one line (the CLI checks it before any
 * command; the site build meets it here): `31/12/2026` would be compared as text and mark every
 * SOP overdue.
 */
export function today(): string {
  const given = process.env.SOPKIT_TODAY;
  if (given === undefined) return new Date().toISOString().slice(0, 10);
  const problem = dateProblem(`SOPKIT_TODAY=${given}`, given);
  if (problem === undefined) return given;
  const error = new SopkitError('cli/date', `${problem}, or leave SOPKIT_TODAY unset to use today's date`);
  error.stack = error.message; // Astro prints a hook's error with its stack: this is the user's slip, not a bug.
  throw error;
}
