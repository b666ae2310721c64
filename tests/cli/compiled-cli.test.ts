import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliKey as key, cliSources as sources, renameImports as rename, withJsonType } from '../../bin/compiled-cli.mjs';
import { repo, runNode, runSopkit } from './spawn.ts';

const temp = mkdtempSync(join(tmpdir(), 'sopkit-compiled-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('renaming in the compiled copy', () => {
  const compiled = new Set(['src/lib/a.ts', 'src/lib/time-limit/content-code.ts']);

  it('renames the names of compiled files, in imports and in URLs, and nothing else', () => {
    const text = [
      'import { a } from "./a.ts";',
      "const u = new URL('./time-limit/content-code.ts', import.meta.url);",
      'const w = "workflows/x.machine.ts";',
      "const missing = './b.ts';",
      'const m = `../lib/a.ts`;',
    ].join('\n');
    expect(rename(text, 'src/lib/x.ts', compiled).split('\n')).toEqual([
      'import { a } from "./a.js";',
      "const u = new URL('./time-limit/content-code.js', import.meta.url);",
      'const w = "workflows/x.machine.ts";',
      "const missing = './b.ts';",
      'const m = `../lib/a.js`;',
    ]);
  });

  it('gives JSON imports the attribute Node asks for', () => {
    expect(withJsonType('import en from "./en.json";\nconst x = "./en.json";')).toBe('import en from "./en.json" with { type: "json" };\nconst x = "./en.json";');
  });
});

/** An installation of its own: src/ and bin/ copied, the packages linked. */
function install(): string {
  const root = join(temp, 'install');
  for (const folder of ['src', 'bin']) cpSync(join(repo, folder), join(root, folder), { recursive: true });
  cpSync(join(repo, 'package.json'), join(root, 'package.json'));
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'));
  return root;
}

describe('the compiled CLI', () => {
  it('is made again when a source file changes, and runs the new code', async () => {
    const root = install();
    const copies = () => readdirSync(join(root, '.sopkit-cache', 'cli')).sort();
    const run = () => runNode([join(root, 'bin/sopkit.mjs'), 'new', '--help']);
    const first = await run();
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Usage: sopkit new /);
    expect(copies()).toEqual([key(root, sources(root))]);
    expect(existsSync(join(root, '.sopkit-cache', 'cli', copies()[0]!, 'src/cli/main.js'))).toBe(true);

    // An edit in a command that is loaded only when it runs.
    const file = join(root, 'src/cli/commands/new.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Usage: sopkit new ', 'Usage (edited): sopkit new '));
    const second = await run();
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/^Usage \(edited\): sopkit new /);
    expect(copies()).toHaveLength(2);
    expect(copies()).toContain(key(root, sources(root)));
  });
});

describe('the compiled CLI and the CLI run from source through tsx', () => {
  const fixtures = join(repo, 'tests/fixtures/check');
  /** The base project with a hostile folder laid over it (as tests/cli/hostile.test.ts does). */
  function project(name: string): string {
    const root = join(temp, name);
    cpSync(join(fixtures, 'base'), root, { recursive: true });
    cpSync(join(fixtures, 'hostile', name), root, { recursive: true });
    symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'));
    cpSync(join(repo, 'package.json'), join(root, 'package.json'));
    return root;
  }
  const cases: [string, () => string, string[], Record<string, string>][] = [
    ['check of a clean project', () => join(fixtures, 'base'), [], {}],
    ['check of a project with errors', () => project('mdx-esm'), [], {}],
    ['check --json', () => join(fixtures, 'base'), ['--json'], {}],
    ['check of a workflow that never finishes loading', () => project('loop-on-load'), [], { SOPKIT_TIME_LIMIT: '3' }],
    ['check of content that prints', () => project('prints'), ['--json'], {}],
  ];
  for (const [what, root, args, env] of cases) {
    it(`give the same output and exit code: ${what}`, async () => {
      const dir = root();
      const argv = ['check', '--root', dir, '--today', '2026-06-01', ...args];
      const compiled = await runSopkit(argv, { ...env, SOPKIT_FROM_SOURCE: '' });
      const source = await runSopkit(argv, { ...env, SOPKIT_FROM_SOURCE: '1' });
      expect(existsSync(join(repo, '.sopkit-cache', 'cli', key(repo, sources(repo)), 'src/cli/main.js'))).toBe(true);
      expect(compiled.stdout + compiled.stderr).toMatch(/SOPs checked|"diagnostics"/);
      expect({ status: compiled.status, stdout: compiled.stdout, stderr: compiled.stderr }).toEqual({ status: source.status, stdout: source.stdout, stderr: source.stderr });
    });
  }
});

describe('the compiled CLI and the CLI run from source, beyond check', () => {
  const guardLoop = join(repo, 'tests/fixtures/check/hostile/loop-in-guard');
  const cases: [string, string[]][] = [
    ['--help', ['--help']],
    ['an unknown command', ['frobnicate']],
    ['a guard that never returns, under the time limit', ['simulate', 'guard-loop', '--scenario', 'on-time', '--root', guardLoop]],
  ];
  for (const [what, argv] of cases) {
    it(`give the same output and exit code: ${what}`, async () => {
      // The limit also runs while the worker loads the machine file, which from source (through
      // tsx) took over 3 s on a busy two-core machine: the run then stopped while loading and said
      // so, where the compiled run stopped in the guard. 10 s leaves loading room to finish.
      const compiled = await runSopkit(argv, { SOPKIT_FROM_SOURCE: '', SOPKIT_TIME_LIMIT: '10' });
      const source = await runSopkit(argv, { SOPKIT_FROM_SOURCE: '1', SOPKIT_TIME_LIMIT: '10' });
      expect(compiled.stdout + compiled.stderr).not.toBe('');
      expect({ status: compiled.status, stdout: compiled.stdout, stderr: compiled.stderr }).toEqual({ status: source.status, stdout: source.stdout, stderr: source.stderr });
    });
  }
});
