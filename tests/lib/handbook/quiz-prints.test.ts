import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadQuizFile } from '../../../src/lib/assessment/quiz-load.ts';
import type { ScoreReport } from '../../../src/lib/assessment/types.ts';
import { componentsWithoutPrintRenderer } from '../../../src/lib/handbook/check.ts';
import { renderAnswerKey } from '../../../src/lib/handbook/quiz/answer-key.ts';
import { renderAnswerSheet } from '../../../src/lib/handbook/quiz/answer-sheet.ts';
import { renderTestBooklet, type QuizPrintOptions } from '../../../src/lib/handbook/quiz/booklet.ts';
import { answerText, formItems, printedOptions } from '../../../src/lib/handbook/quiz/items.ts';
import { renderTrainingReport } from '../../../src/lib/handbook/report.ts';
import type { Quiz } from '../../../src/schemas/quiz.ts';
import { pdfInfo, pdfText, qpdfCheck, saveTo, tempDir } from './pdf-tools.ts';

const root = resolve('tests/fixtures/handbook/project');
const options: QuizPrintOptions = { paper: 'a4', lang: 'en', organisation: '[Fixture Authority]', date: '2026-01-01' };
let quiz: Quiz;
let dir: string;

beforeAll(() => {
  quiz = loadQuizFile(root, resolve(root, 'quizzes/sample-registration.yaml')).quiz!;
  dir = tempDir();
});

describe('quiz prints', () => {
  it('a test booklet numbers every question of the form, with name and id fields', async () => {
    const path = saveTo(dir, 'pre.pdf', await renderTestBooklet(quiz, 'pre', options));
    expect(qpdfCheck(path).ok).toBe(true);
    const text = pdfText(path);
    const items = formItems(quiz, 'pre');
    expect(text).toContain('Participant ID');
    expect(text).toContain('Name');
    items.forEach((item, i) => expect(text).toContain(`${i + 1}.`));
    expect(text).toContain(items[0]!.stem.slice(0, 40));
    expect(text).toMatch(/Page 1 of \d+/);
    const explained = items.find((i) => i.explanation);
    if (explained) expect(text.replace(/\s+/g, ' ')).not.toContain(explained.explanation!.slice(0, 30));
  });

  it('prints order items shuffled, never in the right order, the same way every time', () => {
    for (const item of quiz.items.filter((i) => i.type === 'order')) {
      const shown = printedOptions(quiz, item).map((o) => o.id);
      expect(shown).not.toEqual(item.options.map((o) => o.id));
      expect([...shown].sort()).toEqual(item.options.map((o) => o.id).sort());
      expect(printedOptions(quiz, item).map((o) => o.id)).toEqual(shown);
    }
  });

  it('an answer sheet fits one page with a row per question', async () => {
    const path = saveTo(dir, 'sheet.pdf', await renderAnswerSheet(quiz, 'post', options));
    expect(qpdfCheck(path).ok).toBe(true);
    expect(pdfInfo(path).Pages).toBe('1');
    const text = pdfText(path);
    formItems(quiz, 'post').forEach((_, i) => expect(text).toContain(`${i + 1}.`));
  });

  it('an answer key gives the answer of every question as the booklet labels it', async () => {
    const path = saveTo(dir, 'key.pdf', await renderAnswerKey(quiz, 'post', options));
    expect(qpdfCheck(path).ok).toBe(true);
    const text = pdfText(path);
    for (const item of formItems(quiz, 'post')) expect(text).toContain(item.id);
    const single = formItems(quiz, 'post').find((i) => i.type === 'single');
    if (single) expect(answerText(single, 'en')).toBe(single.options.find((o) => o.correct)!.id.toUpperCase());
    // Several right answers are listed with the language's comma.
    const multi = [...formItems(quiz, 'pre'), ...formItems(quiz, 'post')].find((i) => i.type === 'multiple' && i.options.filter((o) => o.correct).length > 1);
    expect(multi).toBeDefined();
    expect(answerText(multi!, 'en')).toMatch(/^[A-Z](, [A-Z])+$/);
    expect(answerText(multi!, 'ar')).toMatch(/^[A-Z](، [A-Z])+$/);
    expect(text).toMatch(/trainer edition/i);
  });

  it('the training report has the summary, the gain and the item analysis', async () => {
    const report = JSON.parse(readFileSync('tests/fixtures/handbook/score-report.json', 'utf8')) as ScoreReport;
    const path = saveTo(dir, 'report.pdf', await renderTrainingReport(report, quiz));
    expect(qpdfCheck(path).ok).toBe(true);
    const text = pdfText(path);
    expect(text).toContain('Training report');
    expect(text).toContain('Learning gain');
    expect(text).toMatch(/Class normalized gain\s+0\.31/);
    expect(text).toContain('Item analysis');
    expect(text).toContain(report.forms.post!.items[0]!.id);
  });
});

describe('print renderers', () => {
  it('every component of the registry has a print renderer', () => {
    expect(componentsWithoutPrintRenderer()).toEqual([]);
  });
});
