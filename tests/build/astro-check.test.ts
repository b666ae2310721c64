import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repo, runNode } from '../cli/spawn.ts';
import { copyProject, linkDependencies } from '../params/project.ts';

// A throw-away project: the real site code and dependencies, the fixture content.
const temp = mkdtempSync(join(tmpdir(), 'sopkit-build-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function project(name: string, edit?: (root: string) => void): string {
  const root = join(temp, name);
  cpSync(join(repo, 'tests/fixtures/check/base'), root, { recursive: true });
  for (const file of ['astro.config.mjs', 'tsconfig.json', 'package.json']) cpSync(join(repo, file), join(root, file));
  // Sources are copied (Vite will not bundle page scripts through a symlinked src/); the
  // dependencies are linked.
  for (const dir of ['src', 'public', 'content/guide']) cpSync(join(repo, dir), join(root, dir), { recursive: true });
  linkDependencies(root);
  edit?.(root);
  return root;
}

/**
 * `astro build` of a project, to its end (no wall-clock limit here: vitest.config.ts sets a
 * generous one), run in the project's folder: run from elsewhere, Astro writes a static build's
 * server bundle to <working folder>/.astro/ (getOutDirWithinCwd), and two test files building
 * fixture projects from the repository at once overwrote each other's bundle.
 */
function build(root: string, env: Record<string, string> = {}) {
  return runNode([join(repo, 'node_modules/astro/astro.js'), 'build', '--root', root], { SOPKIT_TODAY: '2026-06-01', ...env }, root);
}

/** Adds a workflow file from tests/fixtures/check/hostile to a project. */
function withWorkflow(fixture: string) {
  return (root: string) => {
    mkdirSync(join(root, 'workflows'), { recursive: true });
    const name = fixture.slice(fixture.lastIndexOf('/') + 1);
    cpSync(join(repo, 'tests/fixtures/check/hostile', fixture), join(root, 'workflows', name));
  };
}

describe('astro build on a project of its own', () => {
  it('builds the clean fixture: every SOP gets a page', async () => {
    const root = project('clean');
    const result = await build(root);
    expect(result.status, result.stderr + result.stdout).toBe(0);
    for (const id of ['alpha', 'beta']) {
      const html = readFileSync(join(root, 'dist/sops', id, 'index.html'), 'utf8');
      expect(html).toContain('data-section="6.1"');
    }
    expect(existsSync(join(root, 'dist/glossary/index.html'))).toBe(true);
    for (const pdf of ['alpha.pdf', 'beta.pdf', 'sopkit-handbook.pdf']) {
      expect(readFileSync(join(root, 'dist/handbooks', pdf)).subarray(0, 5).toString()).toBe('%PDF-');
    }
    // A plain build is the participant edition: no trainer handbook.
    expect(existsSync(join(root, 'dist/handbooks/alpha-trainer.pdf'))).toBe(false);
  });

  it('stops in one line, not a stack trace, when content/site.yaml is missing or is not YAML', async () => {
    const missing = await build(project('no-site', (r) => rmSync(join(r, 'content/site.yaml'))));
    expect(missing.status).toBe(1);
    expect(missing.stdout + missing.stderr).toContain("content/site.yaml is missing: the site's title, address and languages come from it; restore it");
    expect(missing.stdout + missing.stderr).not.toMatch(/^\s+at /m);
    const broken = await build(project('bad-site', (r) => writeFileSync(join(r, 'content/site.yaml'), 'title: [unclosed\n')));
    expect(broken.status).toBe(1);
    expect(broken.stdout + broken.stderr).toMatch(/content\/site\.yaml:\d+:\d+ {2}error {2}yaml\/syntax/);
    expect(broken.stdout + broken.stderr).not.toMatch(/^\s+at /m);
  });

  it('stops in one line when SOPKIT_TODAY is not a date written YYYY-MM-DD (it was compared as text)', async () => {
    const root = project('bad-today');
    const result = await build(root, { SOPKIT_TODAY: '31/12/2026' });
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).toContain('SOPKIT_TODAY=31/12/2026: write the date as YYYY-MM-DD, or leave SOPKIT_TODAY unset');
    expect(result.stdout + result.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(root, 'dist/index.html'))).toBe(false);
  });

  // Two errors of the check in one project (one build: each build of a project costs Astro's
  // start on top of the check): bad frontmatter in one SOP, an export in the body of the other.
  it('stops on the check\'s errors, each named by file, line and code, and writes no page: bad frontmatter, an export in an SOP body', async () => {
    const root = project('check-errors', (r) => {
      const file = join(r, 'content/sops/beta.mdx');
      writeFileSync(file, readFileSync(file, 'utf8').replace('status: approved', 'status: aproved'));
      cpSync(join(repo, 'tests/fixtures/check/hostile/mdx-await'), r, { recursive: true, filter: (f) => !f.endsWith('expect.json') });
    });
    const result = await build(root);
    const output = result.stdout + result.stderr;
    expect(output).toContain('content/sops/beta.mdx:7:1  error  sop/frontmatter  status: found "aproved"; allowed: draft, consultation, pilot, approved, superseded');
    expect(output).toContain('content/sops/alpha.mdx:37:1  error  mdx/esm  export statement: an SOP body is not run as code');
    // The failure ends on the check's sentence, with no stack and no empty "Stack trace:" heading under it.
    expect(output).toMatch(/sopkit check found 2 errors; fix them and build again \(first: /);
    expect(output).not.toMatch(/Stack trace:/);
    expect(result.status).toBe(1);
    expect(existsSync(join(root, 'dist/index.html'))).toBe(false);
    expect(existsSync(join(root, 'dist/sops/beta/index.html'))).toBe(false);
  });

  // A limit of 5 s: the seeded files never finish, so the outcome does not depend on how busy
  // the machine is; every other file only loads. Both in one project, as above.
  it('stops with workflow/timeout, naming each file, when a workflow file loops while it loads or awaits a promise that never settles; never exits 0 without a site', async () => {
    const root = project('timeouts', (r) => {
      withWorkflow('loop-on-load/workflows/loop.machine.ts')(r);
      withWorkflow('never-settles/workflows/wait.machine.ts')(r);
    });
    const result = await build(root, { SOPKIT_TIME_LIMIT: '5' });
    const output = result.stdout + result.stderr;
    expect(output).toContain('workflows/loop.machine.ts:1:1  error  workflow/timeout  did not finish loading within 5 s');
    expect(output).toContain('workflows/wait.machine.ts:1:1  error  workflow/timeout  never finished loading: it waits for something that never happens');
    expect(result.status).toBe(1);
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });

  // Training modules are MDX modules, run while pages render: an export there that waits for ever
  // once reached the render (a guard in the build stopped it there). The check now refuses code in
  // a module, as in an SOP, before any page renders.
  it('stops on an export in a module that awaits a promise that never settles: the check names it, and no site is written', async () => {
    const root = copyProject(temp, 'module-await', (r) => {
      mkdirSync(join(r, 'content/modules'), { recursive: true });
      const text = readFileSync(join(repo, 'tests/fixtures/mdx-cache/modules/registration-basics.mdx'), 'utf8');
      writeFileSync(join(r, 'content/modules/registration-basics.mdx'), text.replace('\n<Session', '\nexport const fees = await new Promise(() => {});\n\n<Session'));
    });
    const result = await build(root);
    const output = result.stdout + result.stderr;
    expect(output).toContain("content/modules/registration-basics.mdx:20:1  error  mdx/esm  export statement: a module's text may hold no code");
    expect(result.status).toBe(1);
    expect(existsSync(join(root, 'dist/index.html'))).toBe(false);
  });
});
