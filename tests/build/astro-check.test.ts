import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// A throw-away project: the real site code and dependencies, the fixture content. A build takes
// well under a minute alone, but the test suite runs other builds beside it on two cores: the
// tests wait as long as the build itself is allowed to run.
const repo = resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'sopkit-build-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function project(name: string, edit?: (root: string) => void): string {
  const root = join(temp, name);
  cpSync(join(repo, 'tests/fixtures/check/base'), root, { recursive: true });
  for (const file of ['astro.config.mjs', 'tsconfig.json', 'package.json']) cpSync(join(repo, file), join(root, file));
  // Sources are copied (Vite will not bundle page scripts through a symlinked src/); the
  // dependencies are linked.
  for (const dir of ['src', 'public', 'content/guide']) cpSync(join(repo, dir), join(root, dir), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'));
  edit?.(root);
  return root;
}

function build(root: string) {
  return spawnSync(process.execPath, [join(repo, 'node_modules/astro/astro.js'), 'build', '--root', root], {
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SOPKIT_TODAY: '2026-06-01' },
    timeout: 240_000,
  });
}

describe('astro build on a project of its own', () => {
  it('builds the clean fixture: every SOP gets a page', () => {
    const root = project('clean');
    const result = build(root);
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
  }, 240_000);

  it('stops on bad frontmatter with the checker message naming file, line, field and value', () => {
    const root = project('bad', (r) => {
      const file = join(r, 'content/sops/alpha.mdx');
      writeFileSync(file, readFileSync(file, 'utf8').replace('status: approved', 'status: aproved'));
    });
    const result = build(root);
    const output = result.stdout + result.stderr;
    expect(result.status).not.toBe(0);
    expect(output).toContain('content/sops/alpha.mdx:7:1  error  sop/frontmatter  status: found "aproved"; allowed: draft, consultation, pilot, approved, superseded');
    expect(existsSync(join(root, 'dist/sops/alpha/index.html'))).toBe(false);
  }, 240_000);
});
