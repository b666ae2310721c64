import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadQuizFile } from '../../../src/lib/assessment/quiz-load.ts';
import { renderAnswerKey } from '../../../src/lib/handbook/quiz/answer-key.ts';
import { renderAnswerSheet } from '../../../src/lib/handbook/quiz/answer-sheet.ts';
import { renderTestBooklet, type QuizPrintOptions } from '../../../src/lib/handbook/quiz/booklet.ts';
import { answerText, formItems, optionLabel } from '../../../src/lib/handbook/quiz/items.ts';
import type { Quiz, QuizItem } from '../../../src/schemas/quiz.ts';
import { pdfText, qpdfCheck, saveTo, tempDir, withoutBidiMarks } from './pdf-tools.ts';

// Arabic prints of a quiz label options أ ب ج د (abjad order), as Arabic-speaking trainees know
// them; English and French keep A B C D (ARCHITECTURE.md, Formats: responses).
const root = resolve('tests/fixtures/handbook/project');
const base: QuizPrintOptions = { paper: 'a4', lang: 'en', organisation: '[Fixture Authority]', date: '2026-01-01' };
let quiz: Quiz;
let dir: string;
const item = (id: string): QuizItem => quiz.items.find((i) => i.id === id)!;
/** The text of a print in `lang`, bidi marks removed, as a list of words. */
async function words(render: typeof renderTestBooklet, lang: string, name: string): Promise<string[]> {
  const path = saveTo(dir, `${name}.${lang}.pdf`, await render(quiz, 'post', { ...base, lang }));
  expect(qpdfCheck(path).ok).toBe(true);
  return withoutBidiMarks(pdfText(path)).split(/\s+/).filter(Boolean);
}
// A label as pdftotext gives it: "A.", "أ.", or ".أ" (the full stop before the letter in visual order), a space apart and run into the option's first word at times (ب .يُدخل).
const labelled = (list: string[], letter: string) => new RegExp(`(^|\\s)(${letter} ?\\.|\\.${letter}(\\s|$))`).test(list.join(' '));
const LATIN_LABELS = ['A', 'B', 'C'];
const ARABIC_LABELS = ['أ', 'ب', 'ج'];

beforeAll(() => {
  quiz = loadQuizFile(root, resolve(root, 'quizzes/sample-registration.yaml')).quiz!;
  dir = tempDir();
});

describe('option letters of a quiz printed in Arabic', () => {
  it('labels in abjad order for ids a–h, the id in capitals for other ids and in other languages', () => {
    const options = (ids: string[]): QuizItem => ({ ...item('s-07'), options: ids.map((id) => ({ id, text: id, correct: id === ids[0] })) });
    const lettered = options(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    expect(lettered.options.map((o) => optionLabel(lettered, o, 'ar'))).toEqual(['أ', 'ب', 'ج', 'د', 'هـ', 'و', 'ز', 'ح']);
    expect(lettered.options.map((o) => optionLabel(lettered, o, 'ar-EG'))).toEqual(['أ', 'ب', 'ج', 'د', 'هـ', 'و', 'ز', 'ح']);
    expect(lettered.options.map((o) => optionLabel(lettered, o, 'en'))).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    expect(lettered.options.map((o) => optionLabel(lettered, o, 'fr'))).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    // An item is lettered as a whole: one id outside a–h keeps every label as it was.
    const other = options(['a', 'b', 'i']);
    expect(other.options.map((o) => optionLabel(other, o, 'ar'))).toEqual(['A', 'B', 'I']);
    const named = options(['o1', 'o2']);
    expect(named.options.map((o) => optionLabel(named, o, 'ar'))).toEqual(['O1', 'O2']);
    // True/false keeps its words.
    expect(item('s-09').options.map((o) => optionLabel(item('s-09'), o, 'ar'))).toEqual(['صح', 'خطأ']);
  });

  it('the answer key gives the answer as the Arabic booklet labels it, order items too', () => {
    expect(answerText(item('s-07'), 'ar')).toBe('أ');
    expect(answerText(item('s-08'), 'ar')).toBe('أ، ب');
    expect(answerText(item('s-10'), 'ar')).toBe('أ ب ج');
    expect(answerText(item('s-09'), 'ar')).toBe('خطأ');
    expect(answerText(item('s-08'), 'en')).toBe('A, B');
    expect(answerText(item('s-10'), 'fr')).toBe('A B C');
  });

  it('the Arabic booklet prints أ. ب. ج. and no A. B. C.', async () => {
    const ar = await words(renderTestBooklet, 'ar', 'booklet');
    for (const letter of ARABIC_LABELS) expect(labelled(ar, letter), letter).toBe(true);
    for (const letter of LATIN_LABELS) expect(labelled(ar, letter), letter).toBe(false);
  });

  it('the Arabic answer sheet letters its circles أ ب ج, one row per question', async () => {
    const path = saveTo(dir, 'sheet-rows.ar.pdf', await renderAnswerSheet(quiz, 'post', { ...base, lang: 'ar' }));
    const lines = withoutBidiMarks(pdfText(path)).split('\n');
    // Question 1 (s-07, three options) is a row of the grid with its three letters.
    const row = lines.find((l) => /(^|\s)(\.1|1\.)(\s|$)/.test(l));
    expect(row).toBeDefined();
    for (const letter of ARABIC_LABELS) expect(row!.split(/\s+/)).toContain(letter);
    const ar = await words(renderAnswerSheet, 'ar', 'sheet');
    for (const letter of LATIN_LABELS) expect(ar).not.toContain(letter);
    // True/false circles keep the first letters of صح and خطأ.
    expect(ar).toContain('ص');
    expect(ar).toContain('خ');
  });

  it('the Arabic answer key prints the answers in Arabic letters', async () => {
    const text = withoutBidiMarks(pdfText(saveTo(dir, 'key.ar.pdf', await renderAnswerKey(quiz, 'post', { ...base, lang: 'ar' }))));
    const row = (id: string) => text.split('\n').find((l) => l.includes(id))!.split(/\s+/);
    expect(row('s-07')).toContain('أ');
    // pdftotext joins one-letter Arabic words a space apart (أب ج): the letters are there, none Latin.
    for (const letter of ARABIC_LABELS) expect(row('s-10').join(' ')).toContain(letter);
    for (const letter of LATIN_LABELS) expect(text.split(/\s+/)).not.toContain(letter);
  });

  it('English and French prints keep A. B. C. and print no Arabic letter', async () => {
    for (const lang of ['en', 'fr']) {
      const booklet = await words(renderTestBooklet, lang, 'booklet');
      for (const letter of LATIN_LABELS) expect(labelled(booklet, letter), `${lang} ${letter}`).toBe(true);
      const sheet = await words(renderAnswerSheet, lang, 'sheet');
      for (const letter of LATIN_LABELS) expect(sheet, `${lang} ${letter}`).toContain(letter);
      const key = await words(renderAnswerKey, lang, 'key');
      for (const list of [booklet, sheet, key]) expect(list.join(' ')).not.toMatch(/[\u0600-\u06FF]/);
    }
    expect(formItems(quiz, 'post').length).toBeGreaterThan(0);
  });
});
