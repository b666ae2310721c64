import { parseArgs } from 'node:util';
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
