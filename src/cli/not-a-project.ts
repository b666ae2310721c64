import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SopkitError } from '../lib/errors.ts';

/**
 * Refuses a folder with none of content/, workflows/ and quizzes/: it is not a project. Checking
 * it found nothing and passed ("0 SOPs checked: 0 errors", exit 0); `sopkit new sop` run from
 * content/sops/ said "content/roles.yaml has no roles", and `comments check` that the register's
 * SOPs did not exist ("known: " and nothing).
 * @param root The project folder (the working folder, or --root).
 * @param command The command, for the error code (`check/not-a-project`).
 */
export function refuseNonProject(root: string, command: string): void {
  if (['content', 'workflows', 'quizzes'].some((dir) => existsSync(join(root, dir)))) return;
  throw new SopkitError(`${command}/not-a-project`, `${root} is not a SOPKit project: it has no content/, workflows/ or quizzes/ folder; run sopkit in the project's folder, or give it with --root DIR`);
}
