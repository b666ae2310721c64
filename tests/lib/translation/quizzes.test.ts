import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testPage } from '../../../src/lib/assessment/page-data.ts';
import { resolveQuiz } from '../../../src/lib/assessment/quiz-load.ts';
import { parseResponses } from '../../../src/lib/assessment/responses.ts';
import { responsesCsvFor } from '../../../src/lib/assessment/csv-write.ts';
import { scoreForm } from '../../../src/lib/assessment/item-analysis.ts';
import { printedOptions } from '../../../src/lib/handbook/quiz/items.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import { checkTranslations } from '../../../src/lib/translation/check.ts';
import { quizIn } from '../../../src/lib/translation/quizzes.ts';

// A small source quiz with a French and an Arabic translation (four items of the birth
// registration bank). The French file has a slip on purpose: br-16 marks b correct and has no
// explanation.
const fixture = join(import.meta.dirname, '../../fixtures/translation/quiz');
const source = resolveQuiz(fixture, 'late-registration').quiz;
const item = (quiz: typeof source, id: string) => quiz.items.find((i) => i.id === id)!;

describe('a quiz in a reader’s language', () => {
  it('shows the translation’s words on the source’s items, options and forms', () => {
    const fr = quizIn(fixture, source, 'fr', 'en');
    expect(fr.translated).toBe(true);
    expect(fr.contentLang).toBe('fr');
    expect(fr.quiz.title).toMatch(/^Enregistrement des naissances/);
    expect(item(fr.quiz, 'br-16').stem).toMatch(/^Un nouveau-né est trouvé au marché/);
    expect(item(fr.quiz, 'br-16').options[0]!.text).toMatch(/^La date estimée/);
    expect(fr.quiz.forms).toEqual(source.forms);
    expect(fr.quiz.items.map((i) => `${i.id}:${i.type}:${i.options.map((o) => o.id).join('')}`)).toEqual(source.items.map((i) => `${i.id}:${i.type}:${i.options.map((o) => o.id).join('')}`));
    const ar = quizIn(fixture, source, 'ar', 'en');
    expect(ar.contentLang).toBe('ar');
    expect(item(ar.quiz, 'br-16').stem).toContain('يُعثر على مولود جديد في السوق');
  });

  it('keeps one answer key: the source’s correct flags and explanation, whatever the translation says', () => {
    const fr = quizIn(fixture, source, 'fr', 'en').quiz;
    const translated = readFileSync(join(fixture, 'quizzes/fr/late-registration.yaml'), 'utf8');
    // The translator's slip is in the file...
    expect(translated).toMatch(/- id: b\n\s+text: [^\n]+\n\s+correct: true/);
    // ...and not in the quiz the page and the booklet get.
    expect(item(fr, 'br-16').options.filter((o) => o.correct).map((o) => o.id)).toEqual(item(source, 'br-16').options.filter((o) => o.correct).map((o) => o.id));
    expect(item(fr, 'br-16').explanation).toBe(item(source, 'br-16').explanation);
    // A trainer-edition post-test page carries the key in the page's words, on the source's answers.
    const key = testPage(fr, 'post', 'trainer').config.key!;
    expect(key.map((i) => i.options.map((o) => `${o.id}${o.correct ? '*' : ''}`).join(''))).toEqual(testPage(source, 'post', 'trainer').config.key!.map((i) => i.options.map((o) => `${o.id}${o.correct ? '*' : ''}`).join('')));
    expect(key.find((i) => i.id === 'br-15')!.explanation).not.toBe(item(source, 'br-15').explanation);
  });

  it('prints and shows order items in the same shuffled order in every language', () => {
    const fr = quizIn(fixture, source, 'fr', 'en').quiz;
    expect(printedOptions(fr, item(fr, 'br-15')).map((o) => o.id)).toEqual(printedOptions(source, item(source, 'br-15')).map((o) => o.id));
    expect(testPage(fr, 'pre', 'participant').config.itemIds).toEqual(testPage(source, 'pre', 'participant').config.itemIds);
  });

  it('scores a French attempt with the source key: the file the page downloads has the source’s columns', () => {
    const fr = quizIn(fixture, source, 'fr', 'en').quiz;
    const ids = testPage(fr, 'post', 'participant').config.itemIds;
    const right = { 'br-04': [correctOf('br-04')], 'br-15': item(source, 'br-15').options.map((o) => o.id), 'br-16': [correctOf('br-16')] };
    // P02 answers br-16 as the French file's slip says.
    const csv = responsesCsvFor(ids, 'post', [
      { participant: 'P01', answers: right },
      { participant: 'P02', answers: { ...right, 'br-16': ['b'] } },
    ]);
    const parsed = parseResponses(csv, 'fr-post.csv', source);
    const scored = scoreForm(source, 'post', parsed.responses);
    expect(scored.marks.map((m) => m.reduce((a, b) => a + b, 0))).toEqual([3, 2]);
  });
});

const correctOf = (id: string) => item(source, id).options.find((o) => o.correct)!.id;

describe('a quiz whose translation cannot be used', () => {
  const root = mkdtempSync(join(tmpdir(), 'quiz-in-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  cpSync(fixture, root, { recursive: true });

  it('shows the source when there is no translation in that language', () => {
    const de = quizIn(root, source, 'de', 'en');
    expect(de).toEqual({ quiz: source, contentLang: 'en', translated: false });
  });

  it('shows the source when the translation has other ids (sopkit check reports the file)', () => {
    const file = join(root, 'quizzes/fr/late-registration.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('- id: br-16', '- id: br-99'));
    expect(quizIn(root, source, 'fr', 'en').translated).toBe(false);
  });

  it('shows the source when the translation does not load', () => {
    mkdirSync(join(root, 'quizzes/ar'), { recursive: true });
    writeFileSync(join(root, 'quizzes/ar/late-registration.yaml'), 'id: late-registration\nitems: [\n');
    expect(quizIn(root, source, 'ar', 'en').quiz).toBe(source);
  });
});

describe('sopkit check on a translated quiz', () => {
  it('warns where the translation’s answer is not the source’s, at its item, and says the source key scores', async () => {
    const root = mkdtempSync(join(tmpdir(), 'quiz-check-'));
    try {
      cpSync(join(import.meta.dirname, '../../fixtures/translation/pack/content'), join(root, 'content'), { recursive: true });
      cpSync(join(fixture, 'quizzes'), join(root, 'quizzes'), { recursive: true });
      const found = (await checkTranslations({ project: loadProject(root), today: '2026-03-01' })).filter((d) => d.code.startsWith('translation/quiz'));
      expect(found.map((d) => `${d.file}:${d.line} ${d.severity} ${d.code}`)).toEqual(['quizzes/fr/late-registration.yaml:67 warning translation/quiz-key']);
      expect(found[0]!.message).toBe("item br-16: its answer here (b) is not the source's (a); tests are scored with the source's key, so copy its correct flags and order");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
