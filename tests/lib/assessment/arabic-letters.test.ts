import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv, writeCsv } from '../../../src/lib/assessment/csv.ts';
import { resolveQuiz } from '../../../src/lib/assessment/quiz-load.ts';
import { parseAnswer, parseResponses } from '../../../src/lib/assessment/responses.ts';
import { optionLetter } from '../../../src/lib/assessment/option-letters.ts';
import { t } from '../../../src/i18n/index.ts';
import { scoreFiles } from '../../../src/lib/assessment/score-files.ts';
import type { QuizItem } from '../../../src/schemas/quiz.ts';

// A paper test printed in Arabic labels options أ ب ج د (abjad order); the trainer types what each
// participant marked as the sheet shows it. Such a file scores exactly as the one in Latin ids
// (ARCHITECTURE.md, Formats: responses).
const fixtures = resolve('tests/fixtures/assessment');
const quiz = resolveQuiz(join(fixtures, 'project'), 'sample-registration').quiz;
const item = (id: string) => quiz.items.find((i) => i.id === id)!;

// What a typist writes for each id, written out here (not taken from the code under test), with
// the variants a keyboard gives: bare alef and its hamza and madda forms for a, ه and ة for e.
const LETTERS: Record<string, string[]> = { a: ['أ', 'ا', 'إ', 'آ'], b: ['ب'], c: ['ج'], d: ['د'], e: ['هـ', 'ه', 'ة'], f: ['و'], g: ['ز'], h: ['ح'] };
const TRUE_FALSE: Record<string, string[]> = { true: ['ص', 'صح'], false: ['خ', 'خطأ'] };

/** The Latin fixture retyped in Arabic letters: variants in turn, letters spaced, run together, or with the Arabic comma. */
function inArabic(csv: string): string {
  const table = readCsv(csv, 'x.csv');
  let turn = 0;
  const rows = table.rows.map((cells, r) =>
    cells.map((cell, i) => {
      const column = table.header[i] ?? '';
      const it = quiz.items.find((x) => x.id === column);
      if (!it || !cell.trim()) return cell;
      const ids = cell.trim().split(/\s+/);
      if (it.type === 'truefalse') return TRUE_FALSE[ids[0]!]![turn++ % 2]!;
      const letters = ids.map((id) => { const forms = LETTERS[id]!; return forms[turn++ % forms.length]!; });
      return letters.join(['  ', ' ', '', '، '][r % 4]!);
    }),
  );
  return writeCsv([table.header, ...rows]);
}

describe('responses typed in Arabic letters', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arabic-responses-'));
  const latin = { pre: readFileSync(join(fixtures, 'responses/class-pre.csv'), 'utf8'), post: readFileSync(join(fixtures, 'responses/class-post.csv'), 'utf8') };
  const save = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));

  it('score exactly as the same answers in Latin ids, order items included (sopkit score’s core)', async () => {
    const arabic = { pre: inArabic(latin.pre), post: inArabic(latin.post) };
    // The retyped file really is in Arabic: no Latin id is left in an item column.
    expect(arabic.pre).toMatch(/أ|ا|إ|آ/);
    expect(arabic.pre).toContain('ج');
    expect(readCsv(arabic.post, 'x').rows.flatMap((c) => c.slice(3)).join(' ')).not.toMatch(/(^|\s)[a-d](\s|$)/);
    // Every order answer of the fixture is there, in Arabic letters, in the participant's order.
    const orders = readCsv(arabic.pre, 'x').rows.map((c) => c[7]).filter(Boolean);
    expect(orders.length).toBeGreaterThan(10);
    const l = await scoreFiles(dir, quiz, [{ path: save('latin-pre.csv', latin.pre) }, { path: save('latin-post.csv', latin.post) }]);
    const a = await scoreFiles(dir, quiz, [{ path: save('arabic-pre.csv', arabic.pre) }, { path: save('arabic-post.csv', arabic.post) }]);
    expect(a.responses.map((r) => [r.participant, r.form, r.answers])).toEqual(l.responses.map((r) => [r.participant, r.form, r.answers]));
    expect(a.report).toEqual(l.report);
    // The answers are really scored, order items partly right and wrong among them.
    expect(l.report.forms.pre!.items.find((i) => i.id === 's-05')!.facility).toBeGreaterThan(0);
    expect(l.report.forms.pre!.items.find((i) => i.id === 's-05')!.facility).toBeLessThan(1);
  });

  it('reads each letter and its variants as its id, in the order typed', () => {
    expect(parseAnswer('ج أ د ب', item('s-05'), 'x')).toEqual(['c', 'a', 'd', 'b']);
    expect(parseAnswer('جادب', item('s-05'), 'x')).toEqual(['c', 'a', 'd', 'b']);
    expect(parseAnswer('ج، آ، د، ب', item('s-05'), 'x')).toEqual(['c', 'a', 'd', 'b']);
    expect(parseAnswer('إ ب', item('s-03'), 'x')).toEqual(['a', 'b']);
    expect(parseAnswer('\u200Fب\u200F', item('s-01'), 'x')).toEqual(['b']);
    expect(parseAnswer('صح', item('s-04'), 'x')).toEqual(['true']);
    expect(parseAnswer('خ', item('s-04'), 'x')).toEqual(['false']);
    // The French sheet's V (vrai) and F.
    expect(parseAnswer('V', item('s-04'), 'x')).toEqual(['true']);
    const six: QuizItem = { ...item('s-03'), options: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, text: id, correct: id === 'a' })) };
    for (const e of ['هـ', 'ه', 'ة']) expect(parseAnswer(`أ ${e}`, six, 'x')).toEqual(['a', 'e']);
    expect(parseAnswer('أ ج و', six, 'x')).toEqual(['a', 'c', 'f']);
    expect(parseAnswer('و أ', six, 'x')).toEqual(['f', 'a']);
    expect(parseAnswer('a ب', six, 'x')).toEqual(['a', 'b']);
  });

  it('a cell that is no option stays an error naming row and column', () => {
    const header = 'participant,name,form,s-01,s-02,s-03,s-04,s-05,s-06';
    const fails = (cells: string) => () => parseResponses(`${header}\nP01,Grace,pre,a,b,a b,true,c a d b,a\nP02,Joseph,pre,${cells}\n`, 'typed.csv', quiz);
    expect(fails('س,b,a b,true,c a d b,a')).toThrow(/^typed\.csv row 3, column D \(s-01\): "س" is not an option of item s-01 \(options: a, b, c, d; in Arabic letters أ ب ج د\)/);
    // هـ is e, which this item does not have: named as typed, and as read.
    expect(fails('هـ,b,a b,true,c a d b,a')).toThrow(/^typed\.csv row 3, column D \(s-01\): "هـ" \(e\) is not an option of item s-01/);
    expect(fails('أx,b,a b,true,c a d b,a')).toThrow(/^typed\.csv row 3, column D \(s-01\): "أx" is not an option/);
    expect(fails('ذ,b,a b,true,c a d b,a')).toThrow(/^typed\.csv row 3, column D \(s-01\): "ذ" is not an option/);
    expect(fails('أ ب,b,a b,true,c a d b,a')).toThrow(/^typed\.csv row 3, column D \(s-01\): "أ ب" gives 2 options but item s-01 takes one/);
    expect(fails('a,b,a b,true,ج أ د,a')).toThrow(/^typed\.csv row 3, column H \(s-05\): "ج أ د" must list each of a, b, c, d exactly once/);
    expect(fails('a,b,a b,true,ج أ د ج,a')).toThrow(/^typed\.csv row 3, column H \(s-05\): .* must list each of a, b, c, d exactly once/);
    expect(fails('a,b,a b,نعم,c a d b,a')).toThrow(/^typed\.csv row 3, column G \(s-04\): "نعم" is not an option of item s-04/);
  });

  it('does not guess: و between two letters may be option f or "and", and an item not lettered a–h takes no Arabic letter', () => {
    const six: QuizItem = { ...item('s-03'), options: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, text: id, correct: id === 'a' })) };
    expect(() => parseAnswer('أ و ج', six, 'typed.csv row 2, column F (s-03)')).toThrow(/^typed\.csv row 2, column F \(s-03\): in "أ و ج", و between two letters may be option f or the word "and"/);
    expect(() => parseAnswer('أوج', six, 'x')).toThrow(/may be option f or the word "and"/);
    const named: QuizItem = { ...item('s-01'), options: ['o1', 'o2'].map((id) => ({ id, text: id, correct: id === 'o1' })) };
    expect(() => parseAnswer('أ', named, 'x')).toThrow(/^x: "أ" is not an option of item s-01 \(options: o1, o2\); correct/);
  });
});

describe("the Arabic trainer's guide on typing a paper test", () => {
  it('names the letters the Arabic booklet prints, and says the Latin ones are accepted', () => {
    const line = t('guide.tests.paper', 'ar');
    const ids = ['a', 'b', 'c', 'd'];
    for (const id of ids) expect(line).toContain(optionLetter(ids, id, 'ar'));
    expect(line).toMatch(/A.*B.*C.*D/);
  });
});
