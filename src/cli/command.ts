import type { ParseArgsConfig } from 'node:util';

/** Where a command writes: injectable so tests can capture output. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** What a command receives. */
export interface CommandContext {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
  /** Project root (the working directory, or `--root`). */
  root: string;
  io: Io;
}

/** One `sopkit <name>` command: its options are data, its help text is its spec. */
export interface Command {
  name: string;
  /** Full help text: usage line, options, examples. */
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /**
   * The most arguments (not options) it takes; one more is refused in one line rather than
   * ignored (`sopkit check content/sops/x.mdx` checked the whole pack). Unset: any number.
   */
  maxArguments?: number;
  /**
   * True when the command runs code that authors wrote (workflow modules, their guards): the CLI
   * then runs it in a worker under the time limit, so a machine that never returns cannot hang it.
   */
  runsContentCode?: boolean;
  /** Runs the command and returns the exit code. */
  run(ctx: CommandContext): Promise<number>;
}
