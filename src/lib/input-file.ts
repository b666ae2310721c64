import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { SopkitError } from './errors.ts';

/**
 * The absolute path of a file the user named (an option or an argument), refused in one line
 * when it is missing or a folder: reading a folder fails with EISDIR and no path to name, which
 * the CLI could only report as a bug.
 * @param root The folder a relative path is resolved against (--root).
 * @param given The path as the user wrote it; messages name it so.
 * @param code The error's code when the file is missing.
 */
export function inputFile(root: string, given: string, code = 'input/not-found'): string {
  const abs = resolve(root, given);
  if (!existsSync(abs)) throw new SopkitError(code, `${given}: no such file`);
  if (statSync(abs).isDirectory()) throw new SopkitError('input/folder', `${given} is a folder; give the file`);
  return abs;
}
