import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveQuiz } from '../../../src/lib/assessment/quiz-load.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import { checkTranslations } from '../../../src/lib/translation/check.ts';
import { GLOSSARY, quizFreshness, staleQuizItems } from '../../../src/lib/translation/quiz-freshness.ts';
import { quizIn } from '../../../src/lib/translation/quizzes.ts';

// The translated quiz fixture (a source of four items, its French and Arabic translations) in a
// git repository of its own: the translations are committed with the source, then the source's
// br-04 is rewritten (as a country rewrites an item for its own legal period) and br-16 is not.
const fixture = join(import.meta.dirname, '../../fixtures/translation/quiz');
const SOURCE = 'quizzes/late-registration.yaml';
const FR = 'quizzes/fr/late-registration.yaml';
const OLD_STEM = 'A late registration is normally refused, because the family did not respect the legal period.';
const NEW_STEM = 'A late registration is normally refused, because the family did not respect the legal period of 60 days.';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A copy of the fixture (and the pack's content, for `sopkit check`) in a new folder. */
function copy(prefix: string): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  roots.push(root);
  cpSync(join(fixture, 'quizzes'), join(root, 'quizzes'), { recursive: true });
  cpSync(join(import.meta.dirname, '../../fixtures/translation/pack/content'), join(root, 'content'), { recursive: true });
  return root;
}

const git = (root: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: root, stdio: 'pipe' });

const edit = (root: string, file: string, from: string, to: string) => {
  const text = readFileSync(join(root, file), 'utf8');
  expect(text).toContain(from);
  writeFileSync(join(root, file), text.replace(from, to));
};

const stem = (root: string, lang: string, id: string) => {
  const source = resolveQuiz(root, 'late-registration').quiz;
  return quizIn(root, source, lang, 'en').quiz.items.find((i) => i.id === id)!.stem;
};

describe('a translated quiz whose source changed after the translation', () => {
  const root = copy('quiz-freshness-');
  git(root, 'init', '-q');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'A quiz and its translations');

  it('is current while the source is what it was translated from', () => {
    expect(quizFreshness(root, SOURCE, FR)).toEqual({ status: 'current' });
    expect(stem(root, 'fr', 'br-04')).toMatch(/^Un enregistrement tardif/);
  });

  it('names the changed item, not the unchanged one, while the change is not committed', () => {
    edit(root, SOURCE, OLD_STEM, NEW_STEM);
    expect(quizFreshness(root, SOURCE, FR)).toMatchObject({ status: 'outdated', items: ['br-04'] });
  });

  it('gives the reader the changed item in the source’s words and the others translated', () => {
    const source = resolveQuiz(root, 'late-registration').quiz;
    const fr = quizIn(root, source, 'fr', 'en');
    expect(fr.translated).toBe(true);
    expect(fr.sourceWords).toEqual(['br-04']);
    const br04 = fr.quiz.items.find((i) => i.id === 'br-04')!;
    expect(br04.stem).toBe(NEW_STEM);
    expect(br04.options.map((o) => o.text)).toEqual(['True', 'False']);
    expect(stem(root, 'fr', 'br-16')).toMatch(/^Un nouveau-né est trouvé au marché/);
  });

  it('still names it once the source’s change is committed (a second commit)', () => {
    git(root, 'commit', '-q', '-am', 'br-04 for a 60-day legal period');
    expect(quizFreshness(root, SOURCE, FR)).toMatchObject({ status: 'outdated', items: ['br-04'] });
  });

  it('warns in sopkit check on the translation, naming the item and the source to translate from', async () => {
    const found = (await checkTranslations({ project: loadProject(root), today: '2026-03-01' })).filter((d) => d.code === 'translation/quiz-outdated');
    expect(found.map((d) => `${d.file}:${d.line} ${d.severity}`).sort()).toEqual(['quizzes/ar/late-registration.yaml:15 warning', 'quizzes/fr/late-registration.yaml:16 warning']);
    expect(found.find((d) => d.file === FR)!.message).toMatch(/^the source's item br-04 \(since commit [0-9a-f]{7}\) changed after its translation here was last changed: translate it again from quizzes\/late-registration.yaml; until then readers of this language get that item in the source's words/);
  });

  it('stays outdated after a commit that changes another item of the translation, or only its top comment', () => {
    edit(root, FR, 'Un nouveau-né est trouvé au marché', 'Un nouveau-né est découvert au marché');
    git(root, 'commit', '-q', '-am', 'br-16 reworded');
    expect(quizFreshness(root, SOURCE, FR)).toMatchObject({ status: 'outdated', items: ['br-04'] });
    writeFileSync(join(root, FR), `# relu\n${readFileSync(join(root, FR), 'utf8')}`);
    // Being edited, but not br-04: it is still on the translator's list.
    expect(quizFreshness(root, SOURCE, FR)).toMatchObject({ status: 'outdated', items: ['br-04'] });
    git(root, 'commit', '-q', '-am', 'reviewed');
    expect(quizFreshness(root, SOURCE, FR)).toMatchObject({ status: 'outdated', items: ['br-04'] });
    expect(stem(root, 'fr', 'br-04')).toBe(NEW_STEM);
    expect(stem(root, 'fr', 'br-16')).toMatch(/^Un nouveau-né est découvert au marché/);
  });

  it('is current once a comment inside the item says its translation was checked, and committed', () => {
    const text = readFileSync(join(root, FR), 'utf8');
    edit(root, FR, '  - id: br-04\n', '  - id: br-04\n    # relu le 2026-03-01 : la traduction suit la source\n');
    git(root, 'commit', '-q', '-am', 'br-04 checked');
    expect(quizFreshness(root, SOURCE, FR)).toEqual({ status: 'current' });
    writeFileSync(join(root, FR), text);
    git(root, 'commit', '-q', '-am', 'comment taken out again');
    // Taking the comment out is a change of the item too: still current.
    expect(quizFreshness(root, SOURCE, FR)).toEqual({ status: 'current' });
  });

  it('counts neither a new `assumes` line (no word a reader sees) nor a new order of a single item’s options', () => {
    const ar = 'quizzes/ar/late-registration.yaml';
    const committed = readFileSync(join(root, SOURCE), 'utf8');
    edit(root, SOURCE, '    ref: birth-registration#6.7\n', '    ref: birth-registration#6.7\n    assumes:\n      - "birth-registration-period >= 1 days"\n');
    expect(staleQuizItems(root, SOURCE, ar)).toEqual(new Set(['br-04']));
    const c = committed.indexOf('      - id: c\n        text: "Nothing yet');
    const d = committed.indexOf('      - id: d\n        text: "\'Unknown\'');
    const end = committed.indexOf('    explanation: The registrar records');
    writeFileSync(join(root, SOURCE), committed.slice(0, c) + committed.slice(d, end) + committed.slice(c, d) + committed.slice(end));
    expect(resolveQuiz(root, 'late-registration').quiz.items.find((i) => i.id === 'br-16')!.options.map((o) => o.id)).toEqual(['a', 'b', 'd', 'c']);
    expect(staleQuizItems(root, SOURCE, ar)).toEqual(new Set(['br-04']));
    writeFileSync(join(root, SOURCE), committed);
  });

  it('is current once the translator has edited the translation, committed or not', () => {
    edit(root, FR, 'parce que la famille', 'parce que la famille, déclarant après 60 jours,');
    expect(quizFreshness(root, SOURCE, FR)).toEqual({ status: 'current' });
    expect(stem(root, 'fr', 'br-04')).toMatch(/^Un enregistrement tardif/);
    git(root, 'commit', '-q', '-am', 'br-04 translated again');
    expect(quizFreshness(root, SOURCE, FR)).toEqual({ status: 'current' });
  });
});

describe('a translated quiz outside git', () => {
  it('says nothing and keeps every translated item, without throwing', () => {
    const root = copy('quiz-freshness-nogit-');
    edit(root, SOURCE, OLD_STEM, NEW_STEM);
    expect(quizFreshness(root, SOURCE, FR)).toEqual({ status: 'unknown' });
    expect(staleQuizItems(root, SOURCE, FR).size).toBe(0);
    expect(stem(root, 'fr', 'br-04')).toMatch(/^Un enregistrement tardif/);
  });
});

describe('a translated glossary whose source changed after the translation', () => {
  const root = copy('list-freshness-');
  const SOURCE_LIST = 'content/glossary.yaml';
  const FR_LIST = 'content/fr/glossary.yaml';
  git(root, 'init', '-q');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'A glossary and its translation');
  const outdated = async () => (await checkTranslations({ project: loadProject(root), today: '2026-03-01' })).filter((d) => d.code === 'translation/list-outdated').map((d) => `${d.file}:${d.line} ${d.message}`);

  it('is current, then names the one entry whose definition the source corrected', async () => {
    expect(quizFreshness(root, SOURCE_LIST, FR_LIST, GLOSSARY)).toEqual({ status: 'current' });
    expect(await outdated()).toEqual([]);
    edit(root, SOURCE_LIST, 'but within the grace period set by law.', 'but within the grace period set by law, on the evidence the law requires.');
    git(root, 'commit', '-q', '-am', 'Glossary: late registration needs evidence');
    expect(quizFreshness(root, SOURCE_LIST, FR_LIST, GLOSSARY)).toMatchObject({ status: 'outdated', items: ['late-registration'] });
    const [line] = await outdated();
    expect(line).toMatch(/^content\/fr\/glossary\.yaml:1 the source's term late-registration \(since commit [0-9a-f]{7}\) changed in content\/glossary\.yaml after its translation here was last changed: translate it again;/);
  });

  it('is current again once the translated entry is committed (a comment inside it is enough); a change to related ids counts for nothing', async () => {
    edit(root, FR_LIST, "  term: déclaration tardive\n", "  # vérifié : la définition suit la source\n  term: déclaration tardive\n");
    git(root, 'commit', '-q', '-am', 'fr: late-registration checked');
    expect(await outdated()).toEqual([]);
    edit(root, SOURCE_LIST, "- id: informant\n  term: informant\n", "- id: informant\n  related: [late-registration]\n  term: informant\n");
    git(root, 'commit', '-q', '-am', 'Glossary: related terms');
    expect(quizFreshness(root, SOURCE_LIST, FR_LIST, GLOSSARY)).toEqual({ status: 'current' });
  });
});
