import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { linkDependencies } from '../params/project.ts';

const repo = resolve(import.meta.dirname, '../..');
/**
 * Runs a build (`node <args>`) in a project folder and resolves with its output, or rejects with
 * the end of it when the build fails.
 * @param what The build, for the error ("the build of the XState fixture project").
 * @param env Settings for the build (`SOPKIT_NO_PDFS: '1'` for its pages only).
 */
export async function runBuildIn(root: string, args: readonly string[], what: string, env: Record<string, string> = {}): Promise<string> {
  const output: string[] = [];
  const code = await new Promise<number | null>((done) => {
    const child = spawn(process.execPath, [...args], { cwd: root, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
    child.stdout.on('data', (d: Buffer) => output.push(d.toString()));
    child.stderr.on('data', (d: Buffer) => output.push(d.toString()));
    child.on('close', done);
  });
  if (code !== 0) throw new Error(`${what} failed:\n${output.join('').slice(-20_000)}`);
  return output.join('');
}

/** What a copy of the project leaves out: not the pack, not the code that builds it. */
const SKIPPED = new Set(['.git', 'node_modules', '.sopkit-cache', '.astro', 'dist', 'dist-trainer', 'tests', 'bench']);
/**
 * The caches a copy takes from the project, as a user's next build would find them: kept by the
 * hash of what they are made from, not by path, so what the copy lacks is made again. The
 * compiled CLI, each parsed MDX body and YAML file, and each workflow's diagram layout: a
 * copy's build of the pages took 40 s with none and 32-33 s with these (its check 10.9 -> 8.0 s,
 * its pages 15 -> 10 s). The compiled modules and SOP bodies are kept by path and would not be hit.
 */
const CACHES = ['cli', 'mdx', 'yaml', 'workflow-layout'];

/**
 * Builds an edition of a copy of this project with some of its files removed, for
 * browser tests of what the model pack no longer has (a module not translated into a language,
 * once every module is): the real site code, the real pack, less `remove`. Every path named must
 * exist in the pack, so a test cannot go on passing against a premise the pack has dropped.
 * A build of its own, of the pages only (`--no-pdfs`): the tests of what a pack lacks
 * read pages, and the PDFs were most of the build (on two cores: 114 s cold with them).
 * @param remove Files to delete from the copy, relative to the project root.
 * @param reuse An environment variable naming a folder with such a build already made, to skip it.
 * @param edition The edition built (the trainer's holds every page the participant's does, and the scoring page).
 * @param change Further changes to the copy (its root), such as an entry taken out of a file.
 */
export async function buildPackWithout(remove: readonly string[], reuse: string, edition: 'participant' | 'trainer' = 'participant', change?: (root: string) => void): Promise<{ dist: string; cleanup: () => void }> {
  for (const file of remove) if (!existsSync(join(repo, file))) throw new Error(`${file}: not in the pack any more; the test's premise needs another file`);
  const given = process.env[reuse];
  if (given && existsSync(join(given, 'index.html'))) return { dist: resolve(given), cleanup: () => undefined };
  const root = mkdtempSync(join(tmpdir(), 'sopkit-pack-'));
  for (const name of readdirSync(repo)) if (!SKIPPED.has(name)) cpSync(join(repo, name), join(root, name), { recursive: true });
  for (const cache of CACHES) {
    const from = join(repo, '.sopkit-cache', cache);
    if (existsSync(from)) cpSync(from, join(root, '.sopkit-cache', cache), { recursive: true });
  }
  for (const file of remove) rmSync(join(root, file));
  change?.(root);
  linkDependencies(root);
  try {
    await runBuildIn(root, ['bin/edition.mjs', edition, 'build', '--no-pdfs'], `the build of the pack without ${remove.join(', ')}`);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return { dist: join(root, edition === 'trainer' ? 'dist-trainer' : 'dist'), cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
