import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository, whose site code and dependencies every copy uses. */
export const repo = resolve(import.meta.dirname, '../..');
const fixture = join(repo, 'tests/fixtures/params/project');

/** A throw-away folder for copies; remove it when the tests are done. */
export function tempFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Gives a copied project a node_modules folder of its own holding a link to each of the
 * repository's packages. Linking the folder itself shared what tools keep in it: before
 * astro.config.mjs put Astro's and Vite's caches in each project's `.sopkit-cache/`, a fixture
 * built beside the browser tests' build of the sample pack replaced that build's content store
 * (`node_modules/.astro/data-store.json`), which then failed to render a module page. Kept so
 * that nothing else a tool writes under node_modules is shared either.
 * @param root The copied project.
 */
export function linkDependencies(root: string): void {
  const own = join(root, 'node_modules');
  if (existsSync(own)) return;
  mkdirSync(own);
  const from = join(repo, 'node_modules');
  for (const name of readdirSync(from)) if (name !== '.astro' && name !== '.vite' && name !== '.cache') symlinkSync(join(from, name), join(own, name));
}

/**
 * A copy of the parameters fixture project under `parent/name`, with the site's sources beside it
 * (its machine imports `../src/lib/params/runtime.ts`, as the pack's machines do) and the
 * repository's dependencies linked, so it loads, checks and builds like a project of its own.
 * @param parent Folder to put the copy in.
 * @param name Name of the copy.
 * @param edit Changes to make to the copy before it is used.
 */
export function copyProject(parent: string, name: string, edit?: (root: string) => void): string {
  const root = join(parent, name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync(fixture, root, { recursive: true });
  for (const file of ['astro.config.mjs', 'tsconfig.json', 'package.json']) cpSync(join(repo, file), join(root, file));
  for (const dir of ['src', 'public', 'content/guide']) cpSync(join(repo, dir), join(root, dir), { recursive: true });
  linkDependencies(root);
  edit?.(root);
  return root;
}

/**
 * A copy of the model pack itself (content, workflows, quizzes) at `root`, its machines importing
 * the repository's sources (`../src`) and packages, to change as a country or a hostile author
 * would and run the checker, the loader or the CLI on.
 * @param root The folder to make (it must not exist).
 */
export function copyModelPack(root: string): string {
  for (const dir of ['content', 'workflows', 'quizzes']) cpSync(join(repo, dir), join(root, dir), { recursive: true });
  symlinkSync(join(repo, 'src'), join(root, 'src'));
  linkDependencies(root);
  cpSync(join(repo, 'package.json'), join(root, 'package.json'));
  return root;
}

/**
 * Rewrites quiz item px-01 of the fixture for a legal period of `days`, as a country does when
 * its value breaks the item's `assumes` line: the event is declared later, still late.
 * @param root A copy of the fixture project.
 * @param declared Days from the event to the declaration in the rewritten item.
 */
export function rewriteLateItem(root: string, declared: number): void {
  const file = join(root, 'quizzes/registration.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replaceAll('45 days', `${declared} days`));
}

/** Sets one parameter's value in a project's content/parameters.yaml. */
export function setParameter(root: string, id: string, value: number | 'permanent' | 'unset'): void {
  const file = join(root, 'content/parameters.yaml');
  const text = readFileSync(file, 'utf8');
  const entry = new RegExp(`(- id: ${id}\\n(?:  .*\\n)*?  value: )(?:\\d+|permanent|unset)`);
  if (!entry.test(text)) throw new Error(`no parameter ${id} in ${file}`);
  writeFileSync(file, text.replace(entry, `$1${value}`));
}

/**
 * Replaces the first `from` in a file of a copied pack, asserting it is there (a model text that
 * changed would make the test pass vacuously), and gives the 1-based line it was on.
 */
export function replaceIn(root: string, file: string, from: string, to: string): number {
  const text = readFileSync(join(root, file), 'utf8');
  if (!text.includes(from)) throw new Error(`${file} no longer contains ${JSON.stringify(from)}`);
  writeFileSync(join(root, file), text.replace(from, to));
  return text.slice(0, text.indexOf(from)).split('\n').length;
}

/** Every string under a `text` key of laid-out blocks, runs of one line joined as they are printed. */
export function textOf(value: unknown): string {
  if (Array.isArray(value)) {
    const runs = value.every((v) => v && typeof v === 'object' && typeof (v as { text?: unknown }).text === 'string');
    return value.map(textOf).join(runs ? '' : ' ');
  }
  if (!value || typeof value !== 'object') return '';
  return Object.entries(value)
    .map(([k, v]) => (k === 'text' && typeof v === 'string' ? v : textOf(v)))
    .join(' ');
}
