import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { SopkitError } from '../lib/errors.ts';

/** The first existing path at or above `abs` (the folder a new path would be made in). */
function nearestExisting(abs: string): string {
  let path = abs;
  while (!existsSync(path) && dirname(path) !== path) path = dirname(path);
  return path;
}

/** A path as the user would write it: relative to the root when it is inside it. */
function shown(root: string, abs: string): string {
  const rel = relative(root, abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

/**
 * Resolves `--out DIR`, refusing in one line a path that is a file or lies under a file, before
 * any work is done (mkdir would fail later with a message about the file system).
 * @param root The folder relative paths are resolved against.
 * @param value `--out` as given, or undefined for the default.
 * @param fallback The default folder.
 */
export function outDir(root: string, value: unknown, fallback: string): string {
  const given = typeof value === 'string' ? value : fallback;
  const abs = resolve(root, given);
  const existing = nearestExisting(abs);
  if (statSync(existing).isDirectory()) return abs;
  if (existing === abs) throw new SopkitError('cli/out', `--out ${given} is a file; --out names a folder to write into: give a folder name`);
  throw new SopkitError('cli/out', `--out ${given}: ${shown(root, existing)} is a file, so no folder can be made inside it; give another folder`);
}

/**
 * Resolves `--out FILE`, refusing in one line a path that is a folder or lies under a file.
 * @param root The folder relative paths are resolved against.
 * @param value `--out` as given.
 * @param name The file name to suggest when `value` is a folder.
 */
export function outFile(root: string, value: string, name: string): string {
  const abs = resolve(root, value);
  if (existsSync(abs) && statSync(abs).isDirectory()) {
    throw new SopkitError('cli/out', `--out ${value} is a folder; --out names the file to write, like ${join(value, name)}`);
  }
  const existing = nearestExisting(dirname(abs));
  if (!statSync(existing).isDirectory()) {
    throw new SopkitError('cli/out', `--out ${value}: ${shown(root, existing)} is a file, so nothing can be written inside it; give another path`);
  }
  return abs;
}
