import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { compareSop } from '../../../src/lib/lifecycle/diff/compare.ts';
import { versionsInGit } from '../../../src/lib/lifecycle/diff/git-versions.ts';
import { sopTextAtVersion } from '../../../src/lib/lifecycle/versions.ts';

// A throw-away git repository with three commits of one SOP and its machine, inside the project's
// cache folder so that the machine's `import 'xstate'` resolves from the project's node_modules.
const fixtures = join(import.meta.dirname, '../../fixtures/lifecycle/diff');
const cache = join(import.meta.dirname, '../../../.sopkit-cache');
let repo = '';

const gitIn = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
const sopPath = () => join(repo, 'content/sops/fixture-registration.mdx');
const machinePath = () => join(repo, 'workflows/fixture-registration.machine.ts');
const commit = (sop: string, machine: string, message: string) => {
  writeFileSync(sopPath(), sop);
  writeFileSync(machinePath(), machine);
  gitIn(repo, 'add', '-A');
  gitIn(repo, 'commit', '-q', '-m', message);
};

beforeAll(() => {
  mkdirSync(cache, { recursive: true });
  repo = mkdtempSync(join(cache, 'diff-git-'));
  mkdirSync(join(repo, 'content/sops'), { recursive: true });
  mkdirSync(join(repo, 'workflows'), { recursive: true });
  gitIn(repo, 'init', '-q');
  const read = (p: string) => readFileSync(join(fixtures, p), 'utf8');
  const v090 = read('frontmatter-change/before.mdx');
  const v100 = read('frontmatter-change/after.mdx');
  commit(v090, read('removed-transition/before.machine.ts'), 'v0.9.0');
  commit(v100, read('removed-transition/after.machine.ts'), 'v1.0.0');
  // An editorial fix committed without a new version: "1.0.0" is the text as it stood last.
  commit(v100.replace('without delay', 'without undue delay'), read('removed-transition/after.machine.ts'), 'v1.0.0 editorial');
  writeFileSync(sopPath(), v100.replace('version: 1.0.0', 'version: 1.0.1').replace('the same day', 'on the day of the declaration'));
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('versions from the git history of the file', () => {
  it('lists each frontmatter version once, at the last commit that had it, newest first', () => {
    const log = gitIn(repo, 'log', '--format=%H').trim().split('\n');
    expect(versionsInGit(repo, 'content/sops/fixture-registration.mdx').map((v) => [v.version, v.commit])).toEqual([
      ['1.0.0', log[0]],
      ['0.9.0', log[2]],
    ]);
  });

  it('compares a version with the working tree, loading the older machine from git', async () => {
    const d = await compareSop(repo, 'fixture-registration', { from: '0.9.0' });
    // Dated as the SOP's own history dates 0.9.0, not by the commit that last had it.
    expect(d.from.label).toMatch(/^0\.9\.0 \(2025-11-02, commit [0-9a-f]{7}\)$/);
    expect(d.from.date).toBe('2025-11-02');
    expect(d.to).toEqual({ label: 'the working tree', version: '1.0.1' });
    expect(d.workflow.changes.map((c) => `${c.what} ${c.kind} ${c.subject}`)).toEqual(['time-limit changed 4.1 Receive the declaration', 'transition removed 4.2 Check the documents: documents returned » 4.2 Returned for correction']);
    expect(d.frontmatter.find((f) => f.field === 'version')).toEqual({ field: 'version', kind: 'changed', from: '0.9.0', to: '1.0.1' });
    // The older machine was loaded from a copy beside the current file, and the copy is gone.
    expect(readdirSync(join(repo, 'workflows'))).toEqual(['fixture-registration.machine.ts']);
  });

  it('takes versions, git refs and the working tree on either side', async () => {
    const d = await compareSop(repo, 'fixture-registration', { from: '1.0.0', to: 'HEAD' });
    expect(d.sections.filter((s) => s.status !== 'unchanged')).toEqual([]);
    expect(d.workflow).toEqual({ compared: true, changes: [] });
    const e = await compareSop(repo, 'fixture-registration', { from: 'HEAD~1', to: '1.0.0' });
    const purpose = e.sections.find((s) => s.status === 'modified');
    expect(purpose?.blocks[0]?.parts.filter((p) => p.kind !== 'same')).toEqual([{ kind: 'ins', text: 'undue ' }]);
  });

  it('a version not in the history is one line naming the versions found', async () => {
    const err: string[] = [];
    const code = await main(['diff', 'fixture-registration', '--from', '0.5.0', '--root', repo], { out: () => {}, err: (t) => err.push(t) });
    expect(code).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^sopkit diff: --from 0\.5\.0: content\/sops\/fixture-registration\.mdx has no version 0\.5\.0 in its git history; versions found: 1\.0\.0 \([0-9a-f]{7}, [\d-]+\), 0\.9\.0 \([0-9a-f]{7}, [\d-]+\)\. Give another version, a git ref or a file$/);
  });

  it('says so in one line when git is missing, or the project is not in a repository', async () => {
    const path = process.env.PATH;
    const err: string[] = [];
    const io = { out: () => {}, err: (t: string) => err.push(t) };
    process.env.PATH = '/nonexistent';
    try {
      expect(await main(['diff', 'fixture-registration', '--from', '0.9.0', '--root', repo], io)).toBe(1);
    } finally {
      process.env.PATH = path;
    }
    expect(err.pop()).toBe('sopkit diff: git is not available (not installed or not on PATH): install git, or give --from and --to as files');
    const bare = mkdtempSync(join(tmpdir(), 'sopkit-no-git-'));
    try {
      mkdirSync(join(bare, 'content/sops'), { recursive: true });
      writeFileSync(join(bare, 'content/sops/fixture-registration.mdx'), readFileSync(sopPath(), 'utf8'));
      expect(await main(['diff', 'fixture-registration', '--from', '1.0.0', '--root', bare], io)).toBe(1);
      expect(err.pop()).toMatch(/is not in a git repository, so it has no versions to compare: give --from and --to as files$/);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});

describe('an SOP started as a copy of another', () => {
  it('has only its own versions: the history stops at the copy, and still follows a rename', () => {
    const own = mkdtempSync(join(cache, 'diff-copy-'));
    try {
      mkdirSync(join(own, 'content/sops'), { recursive: true });
      gitIn(own, 'init', '-q');
      const v090 = readFileSync(join(fixtures, 'frontmatter-change/before.mdx'), 'utf8');
      const v100 = readFileSync(join(fixtures, 'frontmatter-change/after.mdx'), 'utf8');
      const original = join(own, 'content/sops/fixture-registration.mdx');
      for (const [text, message] of [[v090, 'v0.9.0'], [v100, 'v1.0.0']] as const) {
        writeFileSync(original, text);
        gitIn(own, 'add', '-A');
        gitIn(own, 'commit', '-q', '-m', message);
      }
      // The consultant copies the file to start a new SOP at 0.1.0, then renames it.
      expect(v100).toMatch(/^version: 1\.0\.0$/m);
      writeFileSync(join(own, 'content/sops/adoption-registration.mdx'), v100.replace(/^version: 1\.0\.0$/m, 'version: 0.1.0'));
      gitIn(own, 'add', '-A');
      gitIn(own, 'commit', '-q', '-m', 'adoption registration, started from fixture registration');
      expect(gitIn(own, 'log', '--follow', '--name-status', '--format=', '--', 'content/sops/adoption-registration.mdx')).toMatch(/^C\d+\t/m);
      gitIn(own, 'mv', 'content/sops/adoption-registration.mdx', 'content/sops/adoption.mdx');
      gitIn(own, 'commit', '-q', '-m', 'shorter name');
      expect(versionsInGit(own, 'content/sops/adoption.mdx').map((v) => [v.version, v.path])).toEqual([['0.1.0', 'content/sops/adoption.mdx']]);
      expect(sopTextAtVersion(own, 'content/sops/adoption.mdx', '0.1.0')?.text).toContain('version: 0.1.0');
      // The original's versions are not the copy's: a comment on the copy's "0.9.0" is not checked against the other SOP.
      expect(sopTextAtVersion(own, 'content/sops/adoption.mdx', '0.9.0')).toBeUndefined();
      expect(versionsInGit(own, 'content/sops/fixture-registration.mdx').map((v) => v.version)).toEqual(['1.0.0', '0.9.0']);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });
});
