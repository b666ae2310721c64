// A file's history (`git log --follow`) is kept by HEAD in .sopkit-cache/git-log/: the check asks
// it for every translated file, and it walked the whole history each time. A new commit is a new
// HEAD: its history is read again, and the file of the old one goes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileCommits } from '../../../src/lib/lifecycle/diff/git.ts';

const repo = mkdtempSync(join(tmpdir(), 'sopkit-git-log-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));
const gitIn = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
const commit = (file: string, text: string, message: string) => {
  writeFileSync(join(repo, file), text);
  gitIn('add', '-A');
  gitIn('commit', '-q', '-m', message);
  return gitIn('rev-parse', 'HEAD').trim();
};
/** Enough lines for git to see a renamed file as the same file. */
const lines = Array.from({ length: 20 }, (_, i) => `- id: item-${i}\n`).join('');
const logs = () => readdirSync(join(repo, '.sopkit-cache/git-log')).sort();
/** What git says, without the cache. */
const fromGit = (file: string) =>
  gitIn('log', '--follow', '--format=%H', '--', file)
    .split('\n')
    .filter(Boolean);

describe("a file's history, kept by HEAD", () => {
  gitIn('init', '-q');
  writeFileSync(join(repo, '.gitignore'), '.sopkit-cache/\n');

  it('is what git says, read once per HEAD', () => {
    commit('a.yaml', `${lines}one\n`, 'first');
    const head = commit('a.yaml', `${lines}two\n`, 'second');
    const first = fileCommits(repo, 'a.yaml');
    expect(first.map((c) => c.commit)).toEqual(fromGit('a.yaml'));
    expect(first).toHaveLength(2);
    expect(logs()).toEqual([`${head}.json`]);
    expect(Object.keys(JSON.parse(readFileSync(join(repo, '.sopkit-cache/git-log', `${head}.json`), 'utf8')) as object)).toEqual(['a.yaml']);
    expect(fileCommits(repo, 'a.yaml')).toEqual(first);
  });

  it('is read again after a commit, through a rename, and the old HEAD\'s file is deleted', () => {
    const before = logs()[0]!;
    gitIn('mv', 'a.yaml', 'b.yaml');
    const head = commit('b.yaml', `${lines}two\nthree\n`, 'renamed and changed');
    const commits = fileCommits(repo, 'b.yaml');
    expect(commits.map((c) => c.commit)).toEqual(fromGit('b.yaml'));
    expect(commits.map((c) => c.path)).toEqual(['b.yaml', 'a.yaml', 'a.yaml']);
    expect(logs()).toEqual([`${head}.json`]);
    expect(existsSync(join(repo, '.sopkit-cache/git-log', before))).toBe(false);
  });

  it('is not kept outside a repository or before the first commit', () => {
    const bare = mkdtempSync(join(tmpdir(), 'sopkit-git-log-none-'));
    try {
      expect(() => fileCommits(bare, 'a.yaml')).toThrow(/not a git repository/);
      execFileSync('git', ['init', '-q'], { cwd: bare });
      expect(() => fileCommits(bare, 'a.yaml')).toThrow(/does not have any commits yet/);
      expect(existsSync(join(bare, '.sopkit-cache'))).toBe(false);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
