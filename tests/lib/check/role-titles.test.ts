import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/lib/check/index.ts';

// The base fixture in a git repository of its own, where roles.yaml then renames the supervisor
// ("Registration supervisor" becomes "Head of registration"): a sentence of alpha that writes the
// old title out is named, one that says "Registrar" (inside no old title) is not.
const base = join(import.meta.dirname, '../../fixtures/check/base');
const cache = join(import.meta.dirname, '../../../.sopkit-cache');
let repo = '';
const gitIn = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
const file = (f: string) => join(repo, f);
const replace = (f: string, from: string, to: string) => {
  const text = readFileSync(file(f), 'utf8');
  expect(text).toContain(from);
  writeFileSync(file(f), text.replace(from, to));
};
const oldTitles = async () => (await runChecks(repo, { today: '2026-06-01' })).diagnostics.filter((d) => d.code === 'role/old-title').map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`);

beforeAll(() => {
  mkdirSync(cache, { recursive: true });
  repo = mkdtempSync(join(cache, 'role-titles-'));
  cpSync(base, repo, { recursive: true });
  // The base has no supervisor (no procedure of it needs one): this project adds the post.
  writeFileSync(file('content/roles.yaml'), `${readFileSync(file('content/roles.yaml'), 'utf8')}- id: supervisor\n  title: Registration supervisor\n  description: Approves cases beyond the registrar's authority.\n`);
  replace('content/sops/alpha.mdx', 'Kept permanently.', 'Kept permanently. The Registration supervisor checks the register each month; the Registrar keeps it.');
  gitIn('init', '-q');
  gitIn('add', '-A');
  gitIn('commit', '-q', '-m', 'base');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('a role renamed in roles.yaml', () => {
  it('says nothing while no title changed', async () => {
    expect(await oldTitles()).toEqual([]);
  });

  it('names a file that still writes the old title, at the first, with its lines, before and after the rename is committed', async () => {
    replace('content/roles.yaml', 'title: Registration supervisor', 'title: Head of registration');
    const commit = gitIn('rev-parse', '--short', 'HEAD').trim();
    const expected = (c: string, date: string) => [
      `content/sops/alpha.mdx:66:23 "Registration supervisor" was the title of role supervisor until content/roles.yaml renamed it "Head of registration" (after commit ${c}, ${date}); this file still writes it (line 66): write <Role id="supervisor" /> (it prints the title) or "Head of registration"`,
    ];
    const date = gitIn('log', '-1', '--format=%cs').trim();
    expect(await oldTitles()).toEqual(expected(commit, date));
    gitIn('commit', '-q', '-am', 'roles: the supervisor is the head of registration');
    expect(await oldTitles()).toEqual(expected(commit, date));
    replace('content/sops/alpha.mdx', 'The Registration supervisor checks', 'The <Role id="supervisor" /> checks');
    expect(await oldTitles()).toEqual([]);
  });
});
