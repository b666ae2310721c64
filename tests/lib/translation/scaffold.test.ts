// `sopkit new translation <id> --lang <code>`: a translator starts from the source's file, with
// language and translationOf set; `sopkit new` had no way to start one, and a file started by hand
// missed translationOf or kept `language: en`.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { runChecks } from '../../../src/lib/check/index.ts';
import { parseYamlWithPositions, splitFrontmatter } from '../../../src/lib/content/frontmatter.ts';

const fixtures = join(import.meta.dirname, '../../fixtures/check');
const root = mkdtempSync(join(tmpdir(), 'new-translation-'));
cpSync(join(fixtures, 'base'), root, { recursive: true });
// A site with a French locale.
cpSync(join(fixtures, 'rules/translation-version/content/site.yaml'), join(root, 'content/site.yaml'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const run = async (...args: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...args, '--root', root], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out, err };
};

describe('sopkit new translation', () => {
  it("writes the source's file with language and translationOf set, which the check accepts", async () => {
    const made = await run('new', 'translation', 'beta', '--lang', 'fr');
    expect(made.err).toEqual([]);
    expect(made.code).toBe(0);
    expect(made.out[0]).toBe('created content/fr/sops/beta.mdx');
    const text = readFileSync(join(root, 'content/fr/sops/beta.mdx'), 'utf8');
    const data = parseYamlWithPositions(splitFrontmatter(text).yaml).data as Record<string, unknown>;
    expect(data).toMatchObject({ id: 'beta', language: 'fr', version: '1.0.0', translationOf: { id: 'beta', version: '1.0.0' } });
    // The body is the source's, headings and components in place, to translate.
    expect(splitFrontmatter(text).body.trim()).toBe(splitFrontmatter(readFileSync(join(root, 'content/sops/beta.mdx'), 'utf8')).body.trim());
    const { diagnostics } = await runChecks(root, { today: '2026-06-01' });
    expect(diagnostics.filter((d) => d.file === 'content/fr/sops/beta.mdx' && d.severity === 'error')).toEqual([]);
  });

  it('refuses a file that exists, the pack’s own language, an unknown language or id, and --lang for another kind', async () => {
    expect((await run('new', 'translation', 'beta', '--lang', 'fr')).err).toEqual(['sopkit new: content/fr/sops/beta.mdx already exists: edit it (sopkit check says what is out of date in it)']);
    expect((await run('new', 'translation', 'alpha', '--lang', 'en')).err[0]).toMatch(/--lang en: that is the pack's own language; a translation is in one of content\/site\.yaml's other locales: fr$/);
    expect((await run('new', 'translation', 'alpha', '--lang', 'de')).err[0]).toMatch(/--lang de: not a language of the site/);
    expect((await run('new', 'translation', 'gamma', '--lang', 'fr')).err[0]).toMatch(/^sopkit new: no SOP, module or quiz "gamma" to translate; SOPs and modules: alpha, beta/);
    const other = await run('new', 'sop', 'gamma-registration', '--lang', 'fr');
    expect(other.code).toBe(1);
    expect(other.err[0]).toMatch(/--lang is for `sopkit new translation <id> --lang <code>`/);
  });

  it('starts the translation of a quiz that shares its id with an SOP, with --of quiz, and says so when the SOP is taken', async () => {
    // The SOP came first and the quiz could never be started: "already exists" each time.
    mkdirSync(join(root, 'quizzes'), { recursive: true });
    writeFileSync(join(root, 'quizzes/beta.yaml'), 'id: beta\ntitle: Beta test\nsop: beta\n');
    expect((await run('new', 'translation', 'beta', '--lang', 'fr')).err).toEqual(['sopkit new: content/fr/sops/beta.mdx already exists: edit it (sopkit check says what is out of date in it); for the quiz of that id: sopkit new translation beta --lang fr --of quiz']);
    const quiz = await run('new', 'translation', 'beta', '--lang', 'fr', '--of', 'quiz');
    expect([quiz.code, quiz.out[0]]).toEqual([0, 'created quizzes/fr/beta.yaml']);
    expect(readFileSync(join(root, 'quizzes/fr/beta.yaml'), 'utf8')).toMatch(/^language: fr$/m);
    expect((await run('new', 'translation', 'beta', '--lang', 'fr', '--of', 'module')).err).toEqual(['sopkit new: no module "beta" to translate; modules: none']);
    expect((await run('new', 'translation', 'beta', '--lang', 'fr', '--of', 'page')).err).toEqual(['sopkit new: --of page: write sop, module or quiz (what the id names)']);
    expect((await run('new', 'sop', 'delta-registration', '--of', 'quiz')).err[0]).toMatch(/--of is for `sopkit new translation/);
  });
});
