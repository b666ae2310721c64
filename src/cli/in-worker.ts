import { SopkitError } from '../lib/errors.ts';
import { runInWorker, timeLimitMs, type Lines } from '../lib/time-limit/run-in-worker.ts';
import type { Command, CommandContext } from './command.ts';

/** What crosses to the worker: the parsed arguments of one command. */
interface CommandPayload {
  name: string;
  values: CommandContext['values'];
  positionals: string[];
  root: string;
}

/** The worker's side: runs the command with its lines posted back to the parent. */
export async function commandTask(payload: CommandPayload, lines: Lines): Promise<number> {
  const { loadCommand } = await import('./commands/index.ts');
  const command = await loadCommand(payload.name);
  if (!command) throw new Error(`no command ${payload.name}`);
  return command.run({ values: payload.values, positionals: payload.positionals, root: payload.root, io: lines });
}

/**
 * Runs a command that executes workflow code (`runsContentCode`) in a worker under the time
 * limit (SOPKIT_TIME_LIMIT): a machine that never returns is one line naming its file, exit 1.
 * @param command The command.
 * @param ctx Its parsed arguments and where it writes.
 * @returns The command's exit code.
 */
export async function runCommandInWorker(command: Command, ctx: CommandContext): Promise<number> {
  const payload: CommandPayload = { name: command.name, values: ctx.values, positionals: ctx.positionals, root: ctx.root };
  const outcome = await runInWorker<number>({ module: import.meta.url, name: 'commandTask', payload }, { timeLimitMs: timeLimitMs(), lines: ctx.io });
  if (outcome.status === 'done') return outcome.value;
  throw new SopkitError(outcome.code, `${outcome.file}: ${outcome.reason}`);
}
