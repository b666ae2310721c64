import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The model pack's root (this repository). */
const repo = join(import.meta.dirname, '../../..');

/**
 * A copy of the model pack in a temporary folder, without the given files (paths from the pack's
 * root, such as `content/ar/modules/<id>.mdx`): for a test whose premise is a translation the
 * pack lacks, so that it keeps holding when the model pack gains that translation.
 * @returns The copy's root, for `loadProject` or `--root`.
 */
export function packWithout(...paths: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'sopkit-pack-'));
  for (const dir of ['content', 'quizzes', 'workflows']) cpSync(join(repo, dir), join(root, dir), { recursive: true });
  for (const path of paths) rmSync(join(root, path));
  // Gone when the test process ends: a run makes several copies of the pack.
  process.once('exit', () => rmSync(root, { recursive: true, force: true }));
  return root;
}
