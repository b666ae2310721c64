import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/lib/check/index.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import { movedHint, sectionMoved } from '../../../src/lib/lifecycle/section-moved.ts';

// The base fixture in a throw-away git repository: alpha committed at 1.0.0 ("Receive the
// declaration" is 6.1), then at 1.1.0 with a section inserted before "Procedure", which
// becomes 7. A reference to 6.1 written against 1.0.0 is now broken; the check says where it went.
const base = join(import.meta.dirname, '../../fixtures/check/base');
const cache = join(import.meta.dirname, '../../../.sopkit-cache');
let repo = '';
const gitIn = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
const alpha = () => join(repo, 'content/sops/alpha.mdx');
const beta = () => join(repo, 'content/sops/beta.mdx');
const quiz = `id: alpha
title: Alpha registration test
sop: alpha
passMark: 50
objectives:
  - id: receive
    text: Receive a declaration on time.
items:
  - id: al-01
    type: truefalse
    objective: receive
    ref: "alpha#6"
    stem: "The registrar receives the declaration."
    options:
      - id: "true"
        text: "True"
        correct: true
      - id: "false"
        text: "False"
    explanation: "The procedure says so."
forms:
  pre: [al-01]
  post: [al-01]
`;
const show = (d: { file: string; code: string; message: string }) => `${d.file} ${d.code} ${d.message}`;

beforeAll(() => {
  mkdirSync(cache, { recursive: true });
  repo = mkdtempSync(join(cache, 'section-moved-'));
  cpSync(base, repo, { recursive: true });
  writeFileSync(beta(), readFileSync(beta(), 'utf8').replace('<Ref to="alpha#1" />', '<Ref to="alpha#1" />, <Ref to="alpha#6.1" />, <Ref to="alpha#6" />'));
  mkdirSync(join(repo, 'quizzes'));
  writeFileSync(join(repo, 'quizzes/alpha.yaml'), quiz);
  gitIn(repo, 'init', '-q');
  gitIn(repo, 'add', '-A');
  gitIn(repo, 'commit', '-q', '-m', 'alpha 1.0.0');
  const text = readFileSync(alpha(), 'utf8')
    .replace('version: 1.0.0', 'version: 1.1.0')
    .replace('history:\n', 'history:\n  - version: 1.1.0\n    date: 2026-02-01\n    summary: Registration points described.\n')
    .replace('## Procedure', '## Registration points\n\nEvery office and mobile registration point of the authority.\n\n## Procedure')
    .replace('### Receive the declaration', '### Take the declaration');
  writeFileSync(alpha(), text);
  gitIn(repo, 'commit', '-q', '-am', 'alpha 1.1.0');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('a reference to a section that an SOP no longer has', () => {
  it('names what the section was in the version before and the number to write now', async () => {
    const { diagnostics } = await runChecks(repo, { today: '2026-06-01' });
    const broken = diagnostics.filter((d) => d.code === 'ref/unknown-section').map((d) => `${d.file} ${d.message}`);
    expect(broken).toEqual([
      'content/sops/alpha.mdx <Ref to="#6.1">: alpha has no section "6.1" (sections run 1 to 12); in 1.0.0 it was 6.1 "Receive the declaration", now 7.1 "Take the declaration": write <Ref to="#7.1">',
      'content/sops/beta.mdx <Ref to="alpha#6.1">: alpha has no section "6.1" (sections run 1 to 12); in 1.0.0 it was 6.1 "Receive the declaration", now 7.1 "Take the declaration": write <Ref to="alpha#7.1">',
    ]);
  });

  it('follows an anchor whose heading was retitled, and says when the section was removed', () => {
    const project = loadProject(repo);
    const sop = project.sops.find((s) => s.id === 'alpha')!;
    expect(sectionMoved(repo, sop, 'receive-the-declaration')).toMatchObject({ version: '1.0.0', was: { number: '6.1' }, now: { number: '7.1', anchor: 'take-the-declaration' } });
    expect(movedHint(repo, sop, 'receive-the-declaration', (k) => `#${k}`)).toBe('; in 1.0.0 it was the anchor of 6.1 "Receive the declaration", now 7.1 "Take the declaration": write #take-the-declaration');
    const removed = { ...sop, source: sop.source.replace(/### Take the declaration[\s\S]*?(?=## Records)/, '') };
    expect(movedHint(repo, removed, '6.1', (k) => k)).toBe('; in 1.0.0 it was 6.1 "Receive the declaration", which has been removed since');
    // A number no earlier version had: nothing to say.
    expect(movedHint(repo, sop, '9.4', (k) => k)).toBe('');
  });
});

describe('a reference that still resolves, to another section than when it was written', () => {
  const renumbered = async () => (await runChecks(repo, { today: '2026-06-01' })).diagnostics.filter((d) => /renumbered/.test(d.code)).map(show);
  const date = () => gitIn(repo, 'log', '-1', '--format=%cs', '--', 'content/sops/beta.mdx').trim();

  it('warns at a reference to 6 written when 6 was "Procedure", now 7, where 6 is another section', async () => {
    expect(await renumbered()).toEqual([
      `content/sops/beta.mdx ref/renumbered <Ref to="alpha#6">: when this file was last committed (${date()}), alpha 6 was "Procedure", now 7; 6 is now "Registration points": write <Ref to="alpha#7">, or, if "Registration points" is meant, commit this file again (the check compares it with the SOP as it was at the file's last commit)`,
      `quizzes/alpha.yaml quiz/ref-renumbered item al-01: ref "alpha#6": when this file was last committed (${date()}), alpha 6 was "Procedure", now 7; 6 is now "Registration points": write ref: alpha#7, or, if "Registration points" is meant, commit this file again (the check compares it with the SOP as it was at the file's last commit)`,
    ]);
  });

  it('says nothing of a file being edited, nor once it is committed after the SOP', async () => {
    const text = readFileSync(beta(), 'utf8');
    writeFileSync(beta(), text.replace('<Ref to="alpha#6" />', '<Ref to="alpha#7" />'));
    expect((await renumbered()).filter((l) => l.startsWith('content/sops/beta.mdx'))).toEqual([]);
    gitIn(repo, 'commit', '-q', '-am', 'beta: reference mended');
    expect((await renumbered()).filter((l) => l.startsWith('content/sops/beta.mdx'))).toEqual([]);
    // The quiz, not committed since, still is.
    expect(await renumbered()).toHaveLength(1);
  });
});

describe('a patch version that adds a section under an approval', () => {
  it('is a warning: a patch is editorial, and the approval of the version before goes on covering it', async () => {
    const patch = mkdtempSync(join(cache, 'patch-'));
    try {
      cpSync(base, patch, { recursive: true });
      const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: patch, encoding: 'utf8' });
      git('init', '-q');
      git('add', '-A');
      git('commit', '-q', '-m', 'alpha 1.0.0, approved');
      const file = join(patch, 'content/sops/alpha.mdx');
      const v100 = readFileSync(file, 'utf8');
      const patched = v100.replace('version: 1.0.0', 'version: 1.0.1').replace('history:\n', 'history:\n  - version: 1.0.1\n    date: 2026-01-10\n    summary: Editorial corrections.\n');
      writeFileSync(file, patched.replace('## Records and retention', '### Collect the fee\n\nThe informant pays the fee before the entry is made.\n\n## Records and retention'));
      const warned = (await runChecks(patch, { today: '2026-06-01' })).diagnostics.filter((d) => d.code === 'sop/patch-not-editorial').map((d) => d.message);
      expect(warned).toEqual(['version 1.0.1 is a patch, which the approval of 1.0.0 goes on covering as editorial, but it adds 6.2 "Collect the fee" since 1.0.0: a change of procedure takes a new minor version (1.1.0) and a new approval']);
      // Words changed, no section added or removed: an editorial patch, nothing to say.
      writeFileSync(file, patched.replace('Kept permanently.', 'Kept for ever.'));
      expect((await runChecks(patch, { today: '2026-06-01' })).diagnostics.filter((d) => d.code === 'sop/patch-not-editorial')).toEqual([]);
    } finally {
      rmSync(patch, { recursive: true, force: true });
    }
  });
});

describe('the commented version of an SOP edited after it was committed', () => {
  it('is a warning naming the sections edited, until the change gets a version of its own', async () => {
    const root = mkdtempSync(join(cache, 'commented-'));
    try {
      cpSync(base, root, { recursive: true });
      cpSync(join(import.meta.dirname, '../../fixtures/check/rules/lifecycle-open-comments'), root, { recursive: true, filter: (f) => !f.endsWith('expect.json') });
      const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' });
      git('init', '-q');
      git('add', '-A');
      git('commit', '-q', '-m', 'alpha 1.0.0 and its comments');
      const warned = async () => (await runChecks(root, { today: '2026-06-01' })).diagnostics.filter((d) => d.code === 'sop/commented-version-edited').map((d) => d.message);
      expect(await warned()).toEqual([]);
      const file = join(root, 'content/sops/alpha.mdx');
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replace('The <Role id="registrar" /> receives <Form id="FX-01" />.', 'The <Role id="registrar" /> first checks the register.\n\nThe <Role id="registrar" /> receives <Form id="FX-01" />.'));
      const commit = git('rev-parse', '--short', 'HEAD').trim();
      expect(await warned()).toEqual([`version 1.0.0 has 2 comments (content/consultations/workshop.csv), and its text changed after it was committed (commit ${commit}): 6.1 "Receive the declaration"; the comments were made on the text of that commit, so give the changed text a new version (1.0.1, or 1.1.0 for a change of procedure) with its history line`]);
      writeFileSync(file, text.replace('version: 1.0.0', 'version: 1.1.0').replace('history:\n', 'history:\n  - version: 1.1.0\n    date: 2026-01-10\n    summary: The register is checked first.\n').replace('The <Role id="registrar" /> receives <Form id="FX-01" />.', 'The <Role id="registrar" /> first checks the register.\n\nThe <Role id="registrar" /> receives <Form id="FX-01" />.'));
      expect(await warned()).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
