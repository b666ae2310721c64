import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { SopkitError } from './errors.ts';

/**
 * The absolute path of a file the user named (an option or an argument), refused in one line
 * when it is missing or a folder: reading a folder fails with EISDIR and no path to name, which
 * the CLI could only report as a bug.
 * @param root The folder a relative path is resolved against (--root); when that is not the
 *   working folder, a missing file's message gives the full path tried.
 * @param given The path as the user wrote it; messages name it so.
 * @param code The error's code when the file is missing.
 */
export function inputFile(root: string, given: string, code = 'input/not-found'): string {
  const abs = resolve(root, given);
  // A relative path is read from --root, not the working folder: say where it was looked for.
  const tried = abs !== resolve(given) ? ` (looked for ${abs}: a relative path is read from the --root folder)` : '';
  if (!existsSync(abs)) throw new SopkitError(code, `${given}: no such file${tried}`);
  if (statSync(abs).isDirectory()) throw new SopkitError('input/folder', `${given} is a folder; give the file`);
  return abs;
}
