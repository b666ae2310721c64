import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { checkRegisters } from '../../../src/lib/lifecycle/register-check.ts';
import { readRegister } from '../../../src/lib/lifecycle/register-read.ts';
import { outlineLookup, sopTextAtVersion, versionOf } from '../../../src/lib/lifecycle/versions.ts';

// A throwaway git repository where the fixture SOP goes through three commits: version 0.1.0,
// a typo fix still at 0.1.0, then version 0.2.0 (the fixture as it is). Old versions are read
// back from that history.
const fixture = join(import.meta.dirname, '../../fixtures/lifecycle/project');
const root = mkdtempSync(join(tmpdir(), 'sopkit-versions-'));
const file = 'content/sops/alpha.mdx';
const commits: string[] = [];
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' }).trim();

const current = readFileSync(join(fixture, file), 'utf8');
// Version 0.1.0 had no step 6.10 and called step 6.1 differently.
const v010 = current
  .replace('version: 0.2.0\n', 'version: 0.1.0\n')
  .replace(/history:\n {2}- version: 0\.2\.0\n.*\n.*\n/, 'history:\n')
  .replace(/### Refer suspected fraud[\s\S]*?(?=## Records)/, '')
  .replace('### Receive the declaration', '### Receive the declaraton');

beforeAll(() => {
  cpSync(fixture, root, { recursive: true });
  git('init', '-q');
  writeFileSync(join(root, file), v010);
  git('add', '.');
  git('commit', '-qm', 'v0.1.0');
  commits.push(git('rev-parse', 'HEAD'));
  writeFileSync(join(root, file), v010.replace('declaraton', 'declaration'));
  git('commit', '-qam', 'typo');
  commits.push(git('rev-parse', 'HEAD'));
  writeFileSync(join(root, file), current);
  git('commit', '-qam', 'v0.2.0');
  commits.push(git('rev-parse', 'HEAD'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('sopTextAtVersion', () => {
  it('finds the commit in which the version took its value, and the text at that commit', () => {
    const old = sopTextAtVersion(root, file, '0.1.0');
    expect(old?.commit).toBe(commits[0]);
    expect(versionOf(old!.text)).toBe('0.1.0');
    expect(old!.text).toContain('Receive the declaraton');
    expect(sopTextAtVersion(root, file, '0.2.0')?.commit).toBe(commits[2]);
  });

  it('gives nothing for a version never committed, or outside a repository', () => {
    expect(sopTextAtVersion(root, file, '0.3.0')).toBeUndefined();
    const bare = mkdtempSync(join(tmpdir(), 'sopkit-nogit-'));
    mkdirSync(join(bare, 'content/sops'), { recursive: true });
    writeFileSync(join(bare, file), v010);
    expect(sopTextAtVersion(bare, file, '0.1.0')).toBeUndefined();
    rmSync(bare, { recursive: true, force: true });
  });
});

describe('register rows on an old version are checked against that version', () => {
  it('a section that 0.2.0 added is unknown in 0.1.0; the sections 0.1.0 had pass', async () => {
    const csv = [
      'commenter,sop,version,section,paragraph,type,comment',
      '[Ministry],alpha,0.1.0,6.9,2,technical,A section both versions have.',
      '[Ministry],alpha,0.1.0,6.10,1,technical,A section only 0.2.0 has.',
      '[Ministry],alpha,0.2.0,6.10,1,technical,The same section on the current version.',
    ].join('\n');
    writeFileSync(join(root, 'register.csv'), csv);
    const project = loadProject(root);
    const reg = await readRegister(join(root, 'register.csv'), 'register.csv');
    const { problems, comments } = checkRegisters([reg], project, outlineLookup(project));
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([[3, 'section', 'register/unknown-section']]);
    expect(problems[0]?.message).toContain('alpha 0.1.0 has no section 6.10');
    expect(comments.map((c) => c.row)).toEqual([2, 4]);
  });
});
