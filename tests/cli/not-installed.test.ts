import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { missingPackageMessage } from '../../bin/missing-package.mjs';
import { repo, runNode } from './spawn.ts';

// A checkout whose dependencies were never installed: `git clone`, then `npx sopkit check` or
// `npm run build` before `npm ci`. The programs in bin/ are copied to a folder with no
// node_modules above it, as such a checkout is.
const temp = mkdtempSync(join(tmpdir(), 'sopkit-not-installed-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
cpSync(join(repo, 'bin'), join(temp, 'bin'), { recursive: true });
cpSync(join(repo, 'package.json'), join(temp, 'package.json'));

describe('a checkout without its dependencies', () => {
  it('sopkit names the missing package and the command that installs it, without a stack trace', async () => {
    const run = await runNode([join(temp, 'bin/sopkit.mjs'), 'check'], {}, temp);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(/^sopkit: the package "[^"]+" is not installed: run `npm ci` in this folder \(SOPKit's folder\), then run the command again\.$/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('the site build says the same, from another folder with the path to SOPKit', async () => {
    const run = await runNode([join(temp, 'bin/edition.mjs'), 'participant', 'build'], {}, tmpdir());
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`bin/edition.mjs: the package "astro" is not installed: run \`npm ci\` in ${temp.slice(tmpdir().length + 1)} (SOPKit's folder), then run the command again.`);
  });

  it('other errors are not taken for a missing package', () => {
    expect(missingPackageMessage(new Error('boom'), repo, 'sopkit')).toBeUndefined();
    const relativeImport = Object.assign(new Error("Cannot find module './x.js' imported from /a/b.js"), { code: 'ERR_MODULE_NOT_FOUND' });
    expect(missingPackageMessage(relativeImport, repo, 'sopkit')).toBeUndefined();
    const scoped = Object.assign(new Error("Cannot find package '@astrojs/mdx' imported from /a/b.js"), { code: 'ERR_MODULE_NOT_FOUND' });
    expect(missingPackageMessage(scoped, repo, 'sopkit')).toMatch(/the package "@astrojs\/mdx" is not installed/);
  });
});
