import { isUserError, SopkitError } from '../lib/errors.ts';
import { dateOption, parseCommandArgs, projectRoot } from './args.ts';
import type { Io } from './command.ts';
import { commandNames, commandSummaries, loadCommand } from './commands/index.ts';
import { runCommandInWorker } from './in-worker.ts';

const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

const fileSystemReasons: Record<string, string> = {
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'part of that path is a file, not a folder',
  EEXIST: 'something is already there',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  ENOENT: 'no such file or folder',
};

/** A file-system refusal (a path given by the user that cannot be written or read) as one line. */
function fileSystemError(error: unknown): string | undefined {
  const e = error as NodeJS.ErrnoException;
  const reason = typeof e?.code === 'string' ? fileSystemReasons[e.code] : undefined;
  // Reading a folder fails with EISDIR and no path (the folder was opened, the read refused):
  // commands check the files they are given (lib/input-file.ts); this catches any they miss.
  if (reason && e.code === 'EISDIR' && typeof e.path !== 'string') return 'a file given is a folder; give the file';
  if (!reason || typeof e.path !== 'string') return undefined;
  return `cannot use ${e.path}: ${reason}`;
}

/**
 * The options for every command given before the command's name (`sopkit --root DIR check`),
 * the name, and what follows it. `--help` before a name is kept for the command's help.
 */
function leadingOptions(argv: string[]): { global: string[]; name: string | undefined; rest: string[] } {
  const global: string[] = [];
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--root' && i + 1 < argv.length) global.push(arg, argv[++i]!);
    else if (arg.startsWith('--root=')) global.push(arg);
    else break;
  }
  return { global, name: argv[i], rest: argv.slice(i + 1) };
}

function usage(): string {
  const commands = commandSummaries();
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'sopkit: write, check, simulate, score and print identity-management SOPs',
    '',
    'Usage: sopkit [--root DIR] <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options for every command: --root DIR (project folder, default: here; before or after the',
    'command), --help',
    'Run `sopkit <command> --help` for the options of a command.',
  ].join('\n');
}

/**
 * Runs the CLI. User mistakes print one line and give exit code 1; nothing prints a stack trace
 * unless SOPKIT_DEBUG is set.
 * @param argv Arguments after `sopkit`.
 * @param io Where to write (stdout/stderr by default).
 * @returns The exit code.
 */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const { global, name, rest: after } = leadingOptions(argv);
  // `sopkit --root DIR check` as the help promises: given before the command, as after it (an
  // explicit --root after the command still wins, being read later).
  const rest = [...global, ...after];
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 1;
  }
  if (name === '--root') {
    io.err('sopkit: --root needs a folder: sopkit --root DIR <command>');
    return 1;
  }
  if (name.startsWith('-')) {
    io.err(`sopkit: ${name} before the command: only --root DIR goes there (sopkit --root DIR <command>); give the command first. Commands: ${commandNames.join(', ')}.`);
    return 1;
  }
  const loading = loadCommand(name);
  if (!loading) {
    io.err(`sopkit: unknown command "${name}". Commands: ${commandNames.join(', ')}.`);
    return 1;
  }
  try {
    const command = await loading;
    const { values, positionals } = parseCommandArgs(command, rest);
    if (values.help) {
      io.out(command.help);
      return 0;
    }
    // Read wherever a command takes today's date (check, score, report, new): refused here once.
    dateOption('SOPKIT_TODAY=', process.env.SOPKIT_TODAY);
    const root = projectRoot(values.root);
    const max = command.maxArguments;
    if (max !== undefined && positionals.length > max) {
      const takes = max === 0 ? 'takes no arguments, only options' : `takes ${max === 1 ? 'one argument' : `${max} arguments`}`;
      throw new SopkitError('cli/args', `unexpected argument "${positionals[max]}": sopkit ${name} ${takes}. Run \`sopkit ${name} --help\`.`);
    }
    const ctx = { values, positionals, root, io };
    return await (command.runsContentCode ? runCommandInWorker(command, ctx) : command.run(ctx));
  } catch (error) {
    if (isUserError(error)) {
      io.err(`sopkit ${name}: ${error.message}`);
      return 1;
    }
    const refused = fileSystemError(error);
    if (refused) {
      io.err(`sopkit ${name}: ${refused}`);
      return 1;
    }
    if (process.env.SOPKIT_DEBUG) throw error;
    const message = error instanceof Error ? error.message : String(error);
    // Raised in a workflow file's own code (a getter it put on Object.prototype, a throw in code it
    // hands to the checker): that file, not SOPKit, is what to fix.
    const raisedIn = contentFrame(error);
    if (raisedIn) {
      io.err(`sopkit ${name}: ${raisedIn}: ${message.split('\n')[0]}: this workflow file's code broke the command; fix it (SOPKIT_DEBUG=1 shows where)`);
      return 1;
    }
    io.err(`sopkit ${name}: internal error: ${message.split('\n')[0]} (this is a bug; run with SOPKIT_DEBUG=1 for details and report it)`);
    return 2;
  }
}

/**
 * The workflow file an error was raised in (`workflows/x.machine.ts:102`): its stack's top frame
 * only, so an error of SOPKit's own code that a workflow merely called is still an internal error.
 */
function contentFrame(error: unknown): string | undefined {
  const top = (error instanceof Error ? (error.stack ?? '') : '').split('\n').find((line) => /^\s+at /.test(line));
  const m = top && /\/(workflows\/[^\s/():]+\.machine\.ts):(\d+)/.exec(top);
  return m ? `${m[1]}:${m[2]}` : undefined;
}
