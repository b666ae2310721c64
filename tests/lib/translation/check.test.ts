import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { checkTranslations } from '../../../src/lib/translation/check.ts';
import { freshnessOf } from '../../../src/lib/translation/freshness.ts';

// A throw-away git repository: the source SOP committed at 1.0.0 then at 1.1.0 (section 3.2
// changed), with a French translation of 1.0.0.
const fixture = join(import.meta.dirname, '../../fixtures/translation/pack');
const cache = join(import.meta.dirname, '../../../.sopkit-cache');
let repo = '';
const gitIn = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
const sourcePath = () => join(repo, 'content/sops/late-registration.mdx');
const frPath = () => join(repo, 'content/fr/sops/late-registration.mdx');
const version = (v: string) => readFileSync(join(fixture, `versions/late-registration-${v}.mdx`), 'utf8');
const frText = readFileSync(join(fixture, 'content/fr/sops/late-registration.mdx'), 'utf8');

async function check() {
  const project = loadProject(repo);
  const found = [...project.diagnostics, ...(await checkTranslations({ project, today: '2026-03-01' }))];
  return found.map((d) => `${d.file}:${d.line} ${d.severity} ${d.code} ${d.message}`);
}

beforeAll(() => {
  mkdirSync(cache, { recursive: true });
  repo = mkdtempSync(join(cache, 'translation-'));
  cpSync(join(fixture, 'content'), join(repo, 'content'), { recursive: true });
  mkdirSync(join(repo, 'content/sops'), { recursive: true });
  gitIn(repo, 'init', '-q');
  writeFileSync(sourcePath(), version('1.0.0'));
  gitIn(repo, 'add', '-A');
  gitIn(repo, 'commit', '-q', '-m', '1.0.0');
  writeFileSync(sourcePath(), version('1.1.0'));
  gitIn(repo, 'commit', '-q', '-am', '1.1.0');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('translation check rules', () => {
  it('warns that a translation of an older version is out of date, naming the section changed since', async () => {
    const lines = await check();
    const outdated = lines.filter((l) => l.includes('translation/outdated') && l.startsWith('content/fr/'));
    expect(outdated).toHaveLength(1);
    expect(outdated[0]).toMatch(/^content\/fr\/sops\/late-registration\.mdx:\d+ warning/);
    expect(outdated[0]).toContain('translates late-registration 1.0.0; the source is at 1.1.0: sections changed since: §3.2 Late registration;');
    expect(outdated[0]).not.toContain('§3.1');
  });

  it('reports ids the source lists do not have, at their line', async () => {
    const lines = await check();
    expect(lines).toContainEqual(expect.stringMatching(/^content\/fr\/glossary\.yaml:4 error translation\/unknown-id id "late-registrations" is not in content\/glossary\.yaml/));
    // The Arabic roles translate one of the two: the other showed in English on the Arabic pages
    // and PDFs, and nothing said so.
    expect(lines.filter((l) => l.includes('content/ar/roles.yaml'))).toEqual([
      'content/ar/roles.yaml:1 warning translation/list-missing 1 of the 2 entries of content/roles.yaml is not translated here ("informant"): it shows in the source\'s language on this language\'s pages and in its PDFs; add it with the same id',
    ]);
  });

  it('is up to date once translationOf.version and version are the source version', async () => {
    // translationOf.version alone: the translation would print its old version in every footer.
    writeFileSync(frPath(), frText.replace('  version: 1.0.0\n---', '  version: 1.1.0\n---'));
    try {
      expect((await check()).filter((l) => l.startsWith('content/fr/sops/late-registration.mdx'))).toEqual([
        expect.stringMatching(/error translation\/version version: 1\.0\.0, but translationOf\.version is 1\.1\.0: .*set version to 1\.1\.0$/),
      ]);
      expect(frText).toMatch(/^version: 1\.0\.0$/m);
      writeFileSync(frPath(), frText.replace('  version: 1.0.0\n---', '  version: 1.1.0\n---').replace(/^version: 1\.0\.0$/m, 'version: 1.1.0'));
      expect((await check()).filter((l) => l.startsWith('content/fr/sops/late-registration.mdx'))).toEqual([]);
      const project = loadProject(repo);
      expect(freshnessOf(repo, project.sops[0]!, '1.1.0')).toEqual({ status: 'current', version: '1.1.0' });
    } finally {
      writeFileSync(frPath(), frText);
    }
  });

  it('refuses a version the source never had and an unknown source', async () => {
    writeFileSync(frPath(), frText.replace('  version: 1.0.0\n---', '  version: 0.9.0\n---'));
    try {
      expect(await check()).toContainEqual(expect.stringMatching(/error translation\/unknown-version translationOf\.version: 0\.9\.0 is not a version of content\/sops\/late-registration\.mdx; its history has 1\.1\.0, 1\.0\.0$/));
    } finally {
      writeFileSync(frPath(), frText);
    }
    const other = join(repo, 'content/fr/sops/death-registration.mdx');
    writeFileSync(other, frText.replace('id: late-registration\ncode', 'id: death-registration\ncode').replace('  id: late-registration', '  id: death-registration'));
    try {
      expect(await check()).toContainEqual(expect.stringMatching(/^content\/fr\/sops\/death-registration\.mdx:\d+ error translation\/unknown-source translationOf\.id: no SOP "death-registration" in content\/sops\/; known: late-registration$/));
    } finally {
      rmSync(other);
    }
  });

  it('warns on a section structure that no longer matches the source', async () => {
    writeFileSync(frPath(), frText.replace('### Enregistrement tardif', '## Enregistrement tardif'));
    try {
      const lines = await check();
      expect(lines).toContainEqual(expect.stringMatching(/warning translation\/structure section §4 "Enregistrement tardif": the source 1\.0\.0 has §3\.2 Late registration here/));
    } finally {
      writeFileSync(frPath(), frText);
    }
  });

  it("refuses a translation whose headings lose a section its language's <Ref>s point at, once, in its own file", async () => {
    // The build links the French pages through the French SOP: it stopped on such a <Ref> with a
    // stack trace naming another file, where check only warned (translation/structure).
    const refs = '\nVoir <Ref to="#3.2" /> et, encore, <Ref to="#3.2" />.\n';
    writeFileSync(frPath(), frText.replace('### Enregistrement tardif', '## Enregistrement tardif') + refs);
    try {
      const lines = await check();
      const errors = lines.filter((l) => l.includes('translation/ref-section'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^content\/fr\/sops\/late-registration\.mdx:\d+ error translation\/ref-section 2 <Ref>s of the pages in this language point at section 3\.2 of this translation, which the source has and it does not \(the first: content\/fr\/sops\/late-registration\.mdx line \d+ \(<Ref to="#3\.2">\)\), and the build stops on them/);
      // With the source's headings, the same references are fine.
      writeFileSync(frPath(), frText + refs);
      expect((await check()).filter((l) => l.includes('translation/ref-section'))).toEqual([]);
    } finally {
      writeFileSync(frPath(), frText);
    }
  });

  it('names a section inserted in the source, not the sections after it that only took new numbers', () => {
    const project = loadProject(repo);
    const source = project.sops[0]!;
    // 1.2.0, not committed: a new 3.1 before "Receive the declaration", which becomes 3.2, and
    // "Late registration" 3.3, their text unchanged.
    const text = source.source.replace('### Receive the declaration', '### Check the register first\n\nThe clerk searches the register for an earlier entry of the same child before anything else.\n\n### Receive the declaration');
    const data = { ...source.data!, version: '1.2.0', history: [{ version: '1.2.0', date: '2026-02-01', summary: 'A step added.' }, ...source.data!.history] };
    const result = freshnessOf(repo, { ...source, source: text, data }, '1.1.0');
    expect(result.status).toBe('outdated');
    expect(result.status === 'outdated' && result.sections?.map((s) => `${s.number} ${s.title}`)).toEqual(['3.1 Check the register first']);
  });

  it('does not compare a translation that already has a section new in the source with the old headings', async () => {
    // The source at 1.2.0 (not committed) inserts "Check the register first" before 3.1; the
    // French, still naming 1.0.0, has translated it: the outdated warning stands, and no
    // structure warning points at the section after the new one.
    const source = readFileSync(sourcePath(), 'utf8');
    writeFileSync(sourcePath(), source.replace('version: 1.1.0', 'version: 1.2.0').replace('history:\n', 'history:\n  - version: 1.2.0\n    date: 2026-02-20\n    summary: A step added.\n').replace('### Receive the declaration', '### Check the register first\n\nThe clerk searches the register for an earlier entry of the same child.\n\n### Receive the declaration'));
    try {
      const before = (await check()).filter((l) => l.startsWith('content/fr/'));
      expect(before.filter((l) => l.includes('translation/structure'))).toEqual([]);
      writeFileSync(frPath(), frText.replace('### Recevoir la déclaration', "### Consulter d'abord le registre\n\nL'agent recherche une inscription antérieure du même enfant.\n\n### Recevoir la déclaration"));
      const after = (await check()).filter((l) => l.startsWith('content/fr/'));
      expect(after.filter((l) => l.includes('translation/structure'))).toEqual([]);
      expect(after).toContainEqual(expect.stringMatching(/translation\/outdated translates late-registration 1\.0\.0; the source is at 1\.2\.0: sections changed since: §3\.1 Check the register first, §3\.3 Late registration;/));
    } finally {
      writeFileSync(sourcePath(), source);
      writeFileSync(frPath(), frText);
    }
  });

  it('says the sections cannot be named when the old version is not in git', async () => {
    const project = loadProject(repo);
    const source = project.sops[0]!;
    // A history line whose text was never committed.
    const data = { ...source.data!, history: [...source.data!.history, { version: '0.5.0', date: '2025-01-01', summary: 'Draft.' }] };
    expect(freshnessOf(repo, { ...source, data }, '0.5.0')).toMatchObject({ status: 'outdated', sections: undefined, note: 'the text of 0.5.0 is not in git, so the sections changed since cannot be named' });
  });
});
