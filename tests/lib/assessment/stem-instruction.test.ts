import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkQuizDoc, workflowCache } from '../../../src/lib/assessment/check.ts';
import { loadQuizFile, quizFiles } from '../../../src/lib/assessment/quiz-load.ts';
import { stemInstruction } from '../../../src/lib/assessment/quiz-rules.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import { checkTranslations } from '../../../src/lib/translation/check.ts';
import { instruction } from '../../../src/lib/handbook/quiz/items.ts';
import { t } from '../../../src/i18n/index.ts';
import { quizToMoodleXml } from '../../../src/lib/assessment/interchange/moodle-xml.ts';
import { quizToGift } from '../../../src/lib/assessment/interchange/gift-export.ts';
import type { Quiz } from '../../../src/schemas/quiz.ts';

// A multiple-answer stem that ends with "Choose all that apply." is read twice: the test page, the
// booklet and Moodle each print their own instruction under such a question.

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

describe('the instruction at the end of a stem (stemInstruction)', () => {
  it('finds it in English, French and Arabic, as the pack and other authors write it', () => {
    for (const [stem, said] of [
      ['Which of these close a case? Choose all that apply.', 'Choose all that apply.'],
      ['Which of these close a case? Select all that apply.', 'Select all that apply.'],
      ['Which of these close a case? Tick all that apply', 'Tick all that apply'],
      ['Which of these close a case? (Select all correct answers.)', '(Select all correct answers.)'],
      ['Which of these close a case? There may be more than one correct answer.', 'There may be more than one correct answer.'],
      ['Lesquels clôturent un dossier ? Cochez toutes les réponses exactes.', 'Cochez toutes les réponses exactes.'],
      ['Lesquels clôturent un dossier\u00a0? Cochez toutes les bonnes réponses.', 'Cochez toutes les bonnes réponses.'],
      ['Lesquels clôturent un dossier ? (Plusieurs réponses possibles)', '(Plusieurs réponses possibles)'],
      ['أيّ مما يلي يُغلق الملف؟ اختر كل ما ينطبق.', 'اختر كل ما ينطبق.'],
      ['أيّ مما يلي يُغلق الملف؟ اختر جميع الإجابات الصحيحة.', 'اختر جميع الإجابات الصحيحة.'],
      ['أيّ مما يلي يُغلق الملف؟ ضع علامة على كل إجابة صحيحة.', 'ضع علامة على كل إجابة صحيحة.'],
    ] as const) {
      expect(stemInstruction(stem), stem).toBe(said);
    }
  });

  it('leaves a stem alone that asks its question in the imperative, or says it elsewhere than at the end', () => {
    for (const stem of [
      'Select every document that counts as independent evidence.',
      'Which of these close a case?',
      'Choose all that apply. Which of these close a case?',
      'Which rules apply to a late registration?',
      'A clerk must check all that applies to the file. Which documents does she ask for?',
    ]) {
      expect(stemInstruction(stem), stem).toBeUndefined();
    }
  });
});

describe('sopkit check: quiz/stem-instruction', () => {
  const fixture = resolve('tests/fixtures/assessment/project');

  it('warns at the stem of a multiple-answer item, naming the item and the words to remove, and not for another type', async () => {
    const root = mkdtempSync(join(tmpdir(), 'stem-instruction-'));
    roots.push(root);
    cpSync(fixture, root, { recursive: true });
    const file = join(root, 'quizzes/sample-registration.yaml');
    const text = readFileSync(file, 'utf8');
    const multiple = /^( {4}stem: )(Which files go to the supervisor\?)(.*)$/m.exec(text);
    expect(multiple, 'the sample quiz has the multiple-answer item s-03').not.toBeNull();
    const edited = text
      .replace(multiple![0], `${multiple![1]}${multiple![2]} Select all that apply.`)
      .replace('stem: Who receives the declaration at the office?', 'stem: Who receives the declaration at the office? Select all that apply.');
    writeFileSync(file, edited);
    const project = loadProject(root);
    const found = (await checkQuizDoc({ project, today: '2026-03-01' }, loadQuizFile(root, file), workflowCache(root))).filter((d) => d.code === 'quiz/stem-instruction');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', file: 'quizzes/sample-registration.yaml', line: edited.split('\n').findIndex((l) => l.includes('Which files go to the supervisor?')) + 1 });
    expect(found[0]!.message).toMatch(/^item s-03: the stem ends with "Select all that apply\.", but the test page, the booklet and Moodle .* already print an instruction .*; remove "Select all that apply\." from the stem$/);
  });

  it('is quiet on the model pack, sources and translations', () => {
    const root = resolve('.');
    const files = [...quizFiles(root), ...['fr', 'ar'].flatMap((lang) => quizFiles(join(root, 'quizzes', lang)).map((f) => f))];
    expect(files.length).toBeGreaterThan(3);
    const left: string[] = [];
    for (const abs of files) {
      const quiz = loadQuizFile(root, abs).quiz;
      for (const item of quiz?.items ?? []) if (item.type === 'multiple' && stemInstruction(item.stem)) left.push(`${abs} ${item.id}`);
    }
    expect(left).toEqual([]);
  });
});

describe('the instruction the outputs print for a multiple-answer question, in each language', () => {
  const item = { id: 'x', type: 'multiple', objective: 'o', ref: 's#1', stem: 'Which?', options: [{ id: 'a', text: 'A', correct: true }, { id: 'b', text: 'B' }, { id: 'c', text: 'C' }], marks: 1 } as unknown as Quiz['items'][number];

  it('the booklet and the test page say it in English, French and Arabic (their own words, not the English ones)', () => {
    const english = [instruction(item, 'en'), t('assess.hint.multiple', 'en')];
    expect(english.every((s) => s.trim().length > 0)).toBe(true);
    for (const lang of ['fr', 'ar']) {
      const words = [instruction(item, lang), t('assess.hint.multiple', lang)];
      words.forEach((w, k) => {
        expect(w.trim().length).toBeGreaterThan(0);
        expect(w).not.toBe(english[k]);
      });
    }
  });

  it('GIFT and Moodle XML send it as a multiple-answer question, which Moodle shows with "Select one or more:" in its own language', () => {
    const quiz = { id: 'q', title: 'Q', passMark: 60, feedback: true, objectives: [{ id: 'o', text: 'O' }], items: [item], forms: { pre: ['x'], post: ['x'] } } as unknown as Quiz;
    expect(quizToMoodleXml(quiz, 'pre')).toContain('<single>false</single>');
    // GIFT: weighted answers and no "=" answer is Moodle's multiple-answer question.
    const answers = quizToGift(quiz, 'pre').split('\n').filter((l) => /^\s+[=~]/.test(l));
    expect(answers).toHaveLength(3);
    expect(answers.every((l) => /^\s+~%-?\d+(?:\.\d+)?%/.test(l))).toBe(true);
  });
});

describe('sopkit check: quiz/stem-instruction in a translation', () => {
  it('warns at the translated stem of a multiple-answer item that ends with its own instruction', async () => {
    const root = mkdtempSync(join(tmpdir(), 'stem-instruction-fr-'));
    roots.push(root);
    cpSync(resolve('tests/fixtures/translation/quiz/quizzes'), join(root, 'quizzes'), { recursive: true });
    cpSync(resolve('tests/fixtures/translation/pack/content'), join(root, 'content'), { recursive: true });
    const file = 'quizzes/fr/late-registration.yaml';
    // The fixture writes a narrow no-break space before "?", as French typography asks.
    const stem = 'ne doit-il PAS accepter sans explication\u202f?';
    const text = readFileSync(join(root, file), 'utf8');
    expect(text).toContain(stem);
    writeFileSync(join(root, file), text.replace(stem, `${stem} Cochez toutes les réponses exactes.`));
    const found = (await checkTranslations({ project: loadProject(root), today: '2026-03-01' })).filter((d) => d.code === 'quiz/stem-instruction');
    const line = text.split('\n').findIndex((l) => l.includes(stem)) + 1;
    expect(found.map((d) => `${d.file}:${d.line} ${d.severity}`)).toEqual([`${file}:${line} warning`]);
    expect(found[0]!.message).toMatch(/^item br-12: the stem ends with "Cochez toutes les réponses exactes\.", but the test page, the booklet and Moodle/);
  });
});
