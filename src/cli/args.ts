import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dateProblem } from '../lib/dates.ts';
import { closest, didYouMean, editDistance } from '../lib/did-you-mean.ts';
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
  const options = { ...command.options, ...globalOptions };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true, tokens: true });
  } catch (cause) {
    const text = (cause as Error).message;
    const message = missingValue(argv, text) ?? unknownOption(text, Object.keys(options)) ?? (text.split('\n')[0] ?? 'bad arguments').replace(/\.$/, '');
    throw new SopkitError('cli/args', `${message}. Run \`sopkit ${command.name} --help\`.`, { cause });
  }
  refuseRepeated(command, options, parsed.tokens);
  refuseEmpty(command, parsed.tokens);
  return { values: parsed.values, positionals: parsed.positionals };
}

/**
 * An option the command does not take (`--jsno`, `--output`), with the one meant when it is near,
 * instead of parseArgs's advice about positional arguments after '--'.
 */
function unknownOption(message: string, names: readonly string[]): string | undefined {
  const option = /^Unknown option '(-[^']+)'/.exec(message)?.[1];
  if (!option) return undefined;
  const given = option.replace(/^-+/, '');
  // Near by spelling (--jsno, --todya) or by a shortened or lengthened name (--output for --out).
  const near = names.find((n) => given.length >= 3 && (n.startsWith(given) || given.startsWith(n))) ?? [closest(given, names)].find((n) => n && editDistance(given, n) <= Math.min(2, given.length - 1));
  return `unknown option ${option}${near ? ` (did you mean --${near}?)` : ''}; the options are ${names.map((n) => `--${n}`).join(', ')}`;
}

/**
 * An option whose value was left out, so that the next option followed it (`--quiz --pre a.csv`):
 * parseArgs calls that "ambiguous", which says nothing of what to do; or that ended the command
 * line (`--quiz`), which parseArgs calls "Option '--quiz <value>' argument missing".
 */
function missingValue(argv: readonly string[], message: string): string | undefined {
  const last = /^Option '(?:-\w, )?(--[^' ]+) <value>' argument missing/.exec(message)?.[1];
  if (last) return `${last} needs a value, and nothing follows it; give the value after ${last}`;
  const option = /^Option '(-[^']+)' argument is ambiguous/.exec(message)?.[1];
  if (!option) return undefined;
  const next = argv[argv.indexOf(option) + 1];
  return `${option} needs a value, but is followed by ${next ? `the option ${next}` : 'another option'}; give the value after ${option} (a value that starts with "-" as ${option}=-value)`;
}

/**
 * Refuses an option that takes one value given twice with two values (`--quiz m1 --quiz m2`):
 * the last would be used without a word. `--root` may be given twice (before the command and
 * after it, the later one wins, as the help says).
 */
function refuseRepeated(command: Command, options: Command['options'], tokens: ReturnType<typeof parseArgs>['tokens'] = []): void {
  const seen = new Map<string, string>();
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === 'root' || token.value === undefined) continue;
    const config = options[token.name];
    if (config?.type !== 'string' || config.multiple) continue;
    const first = seen.get(token.name);
    if (first !== undefined && first !== token.value) {
      throw new SopkitError('cli/args', `--${token.name} given twice ("${first}" and "${token.value}"); it takes one value: give it once. Run \`sopkit ${command.name} --help\`.`);
    }
    seen.set(token.name, token.value);
  }
}

/**
 * Refuses an option given an empty value (`--out "$DIR"` with DIR unset): `--out ''` wrote into
 * the project folder itself, `--from ''` was read as the working folder.
 */
function refuseEmpty(command: Command, tokens: ReturnType<typeof parseArgs>['tokens'] = []): void {
  const empty = tokens.find((t) => t.kind === 'option' && t.name !== 'root' && t.value !== undefined && t.value.trim() === '');
  if (empty?.kind === 'option') throw new SopkitError('cli/args', `--${empty.name} is empty; give it a value (a variable in the command line may be unset). Run \`sopkit ${command.name} --help\`.`);
}

/**
 * The project folder: `--root DIR` (or the working folder), refused in one line when it does not
 * exist or is a file; a command run there would find no SOP and might report nothing wrong.
 * @param value `--root` as given, or undefined.
 */
export function projectRoot(value: unknown): string {
  if (typeof value !== 'string') return process.cwd();
  if (!value) throw new SopkitError('cli/root', '--root is empty; give the project\'s folder (the one with content/, workflows/ and quizzes/)');
  const root = resolve(value);
  if (!existsSync(root)) throw new SopkitError('cli/root', `--root ${value}: no such folder; give the project's folder (the one with content/, workflows/ and quizzes/)`);
  if (!statSync(root).isDirectory()) throw new SopkitError('cli/root', `--root ${value} is a file; give the project's folder (the one with content/, workflows/ and quizzes/)`);
  return root;
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

/**
 * The first argument of a command that takes an action (`comments check`, `dryrun plan|report`,
 * `quiz export|import`), refused in one line when it is missing or is not one of them, naming the
 * one meant (`comments chek` printed the bare usage line, as if nothing had been typed).
 * @param command The command's name.
 * @param action The first argument, if any.
 * @param actions The actions it takes.
 * @param usage What to write, for the message.
 */
export function checkAction(command: string, action: string | undefined, actions: readonly string[], usage: string): void {
  if (action !== undefined && actions.includes(action)) return;
  const said = action === undefined ? `say what to do (${actions.join(' or ')})` : `"${action}" is not an action of sopkit ${command}${didYouMean(action, actions)}; it takes ${actions.join(' or ')}`;
  throw new SopkitError(`${command}/usage`, `${said}: ${usage} (run \`sopkit ${command} --help\`)`);
}

/**
 * Refuses an option that belongs to another action of the command (`sopkit quiz import --form
 * pre`, `sopkit dryrun plan --results r.csv`): it would be ignored without a word, and the user
 * would believe it applied.
 * @param command The command's name.
 * @param action The action given (already checked by checkAction).
 * @param values The parsed options.
 * @param optionsOf Each action's own options (the global ones, --root and --help, always apply).
 */
export function refuseOtherActionOptions(command: string, action: string, values: Record<string, unknown>, optionsOf: Readonly<Record<string, readonly string[]>>): void {
  const own = optionsOf[action] ?? [];
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || name in globalOptions || own.includes(name)) continue;
    const owners = Object.keys(optionsOf).filter((a) => optionsOf[a]!.includes(name));
    const of = owners.length ? `an option of ${owners.map((a) => `sopkit ${command} ${a}`).join(' and ')}` : `not an option of sopkit ${command} ${action}`;
    throw new SopkitError(`${command}/usage`, `--${name} is ${of}, not of sopkit ${command} ${action}, which would ignore it; leave it out (run \`sopkit ${command} --help\`)`);
  }
}

/**
 * A printing command's ids or `--all`, one of the two: none, or both, is a usage error naming
 * what to give (`name at least one SOP id, or --all`).
 * @param command The command's name (`handbook`), for the error's code and the help to run.
 * @param all Whether `--all` was given.
 * @param positionals The ids given.
 * @param one What one id names (`SOP id`, `quiz id`).
 * @param every What `--all` prints (`every SOP`).
 */
export function idsOrAll(command: string, all: unknown, positionals: readonly string[], one: string, every: string): void {
  if (!all && !positionals.length) throw new SopkitError(`${command}/usage`, `name at least one ${one}, or --all (run \`sopkit ${command} --help\`)`);
  if (all && positionals.length) throw new SopkitError(`${command}/usage`, `unexpected argument "${positionals[0]}": --all prints ${every}; give ids or --all, not both`);
}
