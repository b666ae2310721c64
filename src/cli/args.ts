import { parseArgs } from 'node:util';
import { dateProblem } from '../lib/dates.ts';
import { SopkitError } from '../lib/errors.ts';
import type { Command } from './command.ts';

/** Options every command takes. */
export const globalOptions = {
  root: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Parses a command's arguments; an unknown option becomes a one-line user error.
 * @param command The command whose options apply.
 * @param argv Arguments after the command name.
 */
export function parseCommandArgs(command: Command, argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: { ...globalOptions, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (cause) {
    const message = (cause as Error).message.split('\n')[0] ?? 'bad arguments';
    throw new SopkitError('cli/args', `${message}. Run \`sopkit ${command.name} --help\`.`, { cause });
  }
}

/**
 * A date the user gives (--today, --date, SOPKIT_TODAY): a day that exists, written YYYY-MM-DD,
 * else one line. 31/12/2026 would otherwise be compared as text and 2026-13-45 printed as given.
 * @param name How the user gave it: `--today`, or `SOPKIT_TODAY=`.
 * @param value The option's value (undefined when not given).
 */
export function dateOption(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const date = String(value);
  const problem = dateProblem(`${name}${name.endsWith('=') ? '' : ' '}${date}`, date);
  if (problem) throw new SopkitError('cli/date', problem);
  return date;
}
