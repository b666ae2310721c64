import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadQuizFile, quizFiles } from '../../../src/lib/assessment/quiz-load.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import { checkTranslations } from '../../../src/lib/translation/check.ts';
import { numbersIn, quizNumberMismatches, writesInWords } from '../../../src/lib/translation/quiz-numbers.ts';
import type { Quiz } from '../../../src/schemas/quiz.ts';

// A translated quiz item whose numbers are not its source's: the source was rewritten (another
// date, another count of days) and the pack has no git history to say the translation is behind.

const fixture = join(import.meta.dirname, '../../fixtures/translation/quiz');
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** The translated quiz fixture and the pack's content in a new folder that is not a git repository. */
function copy(): string {
  const root = mkdtempSync(join(tmpdir(), 'quiz-numbers-'));
  roots.push(root);
  cpSync(join(fixture, 'quizzes'), join(root, 'quizzes'), { recursive: true });
  cpSync(join(import.meta.dirname, '../../fixtures/translation/pack/content'), join(root, 'content'), { recursive: true });
  return root;
}

const edit = (root: string, file: string, from: string, to: string) => {
  const text = readFileSync(join(root, file), 'utf8');
  expect(text).toContain(from);
  writeFileSync(join(root, file), text.replace(from, to));
};

const lineOf = (root: string, file: string, part: string) => readFileSync(join(root, file), 'utf8').split('\n').findIndex((l) => l.includes(part)) + 1;

const check = async (root: string, code: string) => (await checkTranslations({ project: loadProject(root), today: '2026-03-01' })).filter((d) => d.code === code);

describe('the numbers of a text (numbersIn, writesInWords)', () => {
  it('reads thousands as each language groups them, Arabic-Indic digits, and leading zeros', () => {
    expect([...numbersIn('5,113 days')]).toEqual(['5113']);
    expect([...numbersIn('5\u00a0113 jours')]).toEqual(['5113']);
    expect([...numbersIn('قبل ٢٠ يومًا')]).toEqual(['20']);
    expect([...numbersIn('le 09/03/2025')].sort()).toEqual(['2025', '3', '9']);
  });

  it('finds a number written in words in English, French and Arabic, as whole words', () => {
    expect(writesInWords('un garçon de quatorze ans', '14')).toBe(true);
    expect(writesInWords("qu'elle ait dix-huit ans", '18')).toBe(true);
    expect(writesInWords('لصبي عمره أربع عشرة سنة', '14')).toBe(true);
    expect(writesInWords('twenty-one days', '21')).toBe(true);
    expect(writesInWords('sixty days', '6')).toBe(false);
    expect(writesInWords('quatorze ans', '15')).toBe(false);
  });
});

describe('sopkit check: translation/quiz-numbers', () => {
  it('warns at the stem of each translated item whose numbers the source no longer writes, naming them, with no git history', async () => {
    const root = copy();
    // The country rewrites the source's case for another period; the translations stay as they were.
    edit(root, 'quizzes/late-registration.yaml', 'A father declares a birth at the hospital 20 days ago.', 'A father declares a birth at the hospital 25 days ago.');
    const found = await check(root, 'translation/quiz-numbers');
    expect(found.map((d) => `${d.file}:${d.line} ${d.severity}`).sort()).toEqual([
      `quizzes/fr/late-registration.yaml:${lineOf(root, 'quizzes/fr/late-registration.yaml', 'il y a 20 jours')} warning`,
      `quizzes/ar/late-registration.yaml:${lineOf(root, 'quizzes/ar/late-registration.yaml', 'قبل 20 يومًا')} warning`,
    ].sort());
    for (const d of found) {
      expect(d.message).toMatch(/^item br-12: its numbers are not the source's \(20 here and not in the source; 25 in the source and not here\), .*quizzes\/late-registration\.yaml.*; compare the item with the source and translate it again/);
    }
  });

  it('reads Arabic-Indic digits as the source\'s digits', async () => {
    const root = copy();
    edit(root, 'quizzes/ar/late-registration.yaml', 'قبل 20 يومًا', 'قبل ٢٠ يومًا');
    expect(await check(root, 'translation/quiz-numbers')).toEqual([]);
    edit(root, 'quizzes/late-registration.yaml', 'A father declares a birth at the hospital 20 days ago.', 'A father declares a birth at the hospital 25 days ago.');
    const found = (await check(root, 'translation/quiz-numbers')).filter((d) => d.file === 'quizzes/ar/late-registration.yaml');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/\(20 here and not in the source; 25 in the source and not here\)/);
  });

  it('is quiet on the fixture as translated, and on the model pack', async () => {
    expect(await check(copy(), 'translation/quiz-numbers')).toEqual([]);
    const root = resolve('.');
    const mismatches: string[] = [];
    for (const lang of ['fr', 'ar']) {
      for (const abs of quizFiles(join(root, 'quizzes', lang))) {
        const doc = loadQuizFile(root, abs);
        const source = loadQuizFile(root, join(root, 'quizzes', `${doc.id}.yaml`));
        for (const m of quizNumberMismatches(doc.yaml.data as Quiz, source.yaml.data as Quiz)) mismatches.push(`${doc.file} ${m.item} ${JSON.stringify(m)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
