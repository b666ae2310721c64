import type { Command } from '../command.ts';

/**
 * Every `sopkit` command, in the order `--help` lists them, each loaded only when it runs: a
 * command starts with its own libraries, not every command's (the print engine, statistics).
 */
const loaders: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./check.ts')).check,
  simulate: async () => (await import('./simulate.ts')).simulate,
  score: async () => (await import('./score.ts')).score,
  report: async () => (await import('./report.ts')).report,
  quiz: async () => (await import('./quiz.ts')).quizCommand,
  handbook: async () => (await import('./handbook.ts')).handbook,
  booklet: async () => (await import('./booklet.ts')).booklet,
  new: async () => (await import('./new.ts')).newCommand,
  'review-copy': async () => (await import('./review-copy.ts')).reviewCopy,
  comments: async () => (await import('./comments.ts')).comments,
  diff: async () => (await import('./diff.ts')).diff,
  dryrun: async () => (await import('./dryrun.ts')).dryrun,
};

/** The names of the commands, in the order `--help` lists them. */
export const commandNames: readonly string[] = Object.keys(loaders);

/** The command of a name, loaded; `undefined` for a name that is not a command. */
export function loadCommand(name: string): Promise<Command> | undefined {
  return Object.hasOwn(loaders, name) ? loaders[name]?.() : undefined;
}

/** Every command, loaded (for `--help`). */
export function loadCommands(): Promise<Command[]> {
  return Promise.all(commandNames.map((name) => loaders[name]!()));
}
