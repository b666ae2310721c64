import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The ids a lookup knew, for the end of a "no such id" message: `a, b, c`, or `none`. None in a
 * folder that is no SOPKit project (no content/, workflows/ or quizzes/) says so, with what to do:
 * `sopkit score` run from the wrong folder said only `no quiz "x" in quizzes/; known: none`.
 * @param root The project folder the command ran in (the working folder, or --root).
 * @param ids The ids found.
 */
export function knownIds(root: string, ids: readonly string[]): string {
  if (ids.length) return ids.join(', ');
  if (['content', 'workflows', 'quizzes'].some((dir) => existsSync(join(root, dir)))) return 'none';
  return `none: ${root} is not a SOPKit project (it has no content/, workflows/ or quizzes/ folder); run sopkit in the project's folder, or give it with --root DIR`;
}
