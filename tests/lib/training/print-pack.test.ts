import { describe, expect, it } from 'vitest';
import { printLineTitle } from '../../../src/lib/training/guide.ts';
import { printPack, totalCopies, withSpares } from '../../../src/lib/training/print-pack.ts';

describe('withSpares', () => {
  it('adds the spare share rounded up to a whole copy, in whole numbers', () => {
    expect(withSpares(20, 10)).toBe(22); // 20 × 1.1 in floating point is 22.000000000000004
    expect(withSpares(25, 10)).toBe(28); // 2.5 spares round up to 3
    expect(withSpares(7, 10)).toBe(8);
    expect(withSpares(30, 0)).toBe(30);
    expect(withSpares(1, 10)).toBe(2);
  });
});

describe('printPack', () => {
  const pack = printPack({
    participants: 20,
    sparePercent: 10,
    trainers: 2,
    modules: [{ id: 'm1', code: 'M1', title: 'One', handouts: [{ id: 'h1', title: 'H1' }, { id: 'h2', title: 'H2' }], jobAids: [{ workflow: 'w', title: 'W' }, { workflow: 'w', title: 'W' }] }],
    tests: [
      { quiz: 'q', form: 'pre', title: 'M1 One' },
      { quiz: 'q', form: 'post', title: 'M1 One' },
    ],
    evaluation: { id: 'e', title: 'The course' },
  });

  it('prints workbooks, job aids, slide handouts, booklets, answer sheets and evaluation forms for each participant with spares', () => {
    const perParticipant = pack.filter((l) => l.per === 'participant');
    expect(perParticipant.map((l) => [l.kind, l.copies])).toEqual([
      ['workbook', 22],
      ['job-aid', 22],
      ['slide-handouts', 22],
      ['booklet', 22],
      ['answer-sheet', 22],
      ['booklet', 22],
      ['answer-sheet', 22],
      ['evaluation-form', 22],
    ]);
  });

  it('prints trainer manuals, speaker notes and answer keys once per trainer, and names the files the build writes', () => {
    expect(pack.filter((l) => l.per === 'trainer').map((l) => [l.kind, l.copies, l.file])).toEqual([
      ['trainer-manual', 2, 'm1-trainer.pdf'],
      ['speaker-notes', 2, 'm1-speaker-notes.pdf'],
      ['answer-key', 2, 'quizzes/q-pre-key.pdf'],
      ['answer-key', 2, 'quizzes/q-post-key.pdf'],
    ]);
    expect(totalCopies(pack)).toBe(8 * 22 + 4 * 2);
  });

  it("names the handouts on their workbook's line, not as lines of their own: they are in the workbook, not printed again", () => {
    const workbook = pack.find((l) => l.kind === 'workbook')!;
    expect(workbook.includes).toEqual(['H1', 'H2']);
    expect(printLineTitle(workbook, 'en')).toBe('Participant workbook: M1 One (with its handouts: H1, H2)');
    expect(pack.filter((l) => l.file === 'm1.pdf')).toEqual([workbook]);
  });

  it('names tests and the evaluation form in words, their ids only in the file names', () => {
    const titles = pack.filter((l) => ['booklet', 'answer-sheet', 'answer-key', 'evaluation-form'].includes(l.kind)).map((l) => printLineTitle(l, 'en'));
    expect(titles).toEqual([
      'Test booklet, pre-test: M1 One',
      'Answer sheet, pre-test: M1 One',
      'Answer key, pre-test: M1 One',
      'Test booklet, post-test: M1 One',
      'Answer sheet, post-test: M1 One',
      'Answer key, post-test: M1 One',
      'Session evaluation form: The course',
    ]);
    expect(pack.filter((l) => l.kind === 'booklet').map((l) => l.file)).toEqual(['quizzes/q-pre.pdf', 'quizzes/q-post.pdf']);
    expect(pack.find((l) => l.kind === 'evaluation-form')?.file).toBe('e-evaluation-form.pdf');
  });

  it('prints every test it is given, each with its booklet, answer sheet and key', () => {
    const more = printPack({
      participants: 20,
      sparePercent: 10,
      trainers: 2,
      modules: [],
      tests: [
        { quiz: 'a', form: 'pre', title: 'M1 A' },
        { quiz: 'b', form: 'post', title: 'M2 B' },
        { quiz: 'c', form: 'pre', title: 'M3 C' },
      ],
    });
    expect(more.map((l) => l.file)).toEqual(['quizzes/a-pre.pdf', 'quizzes/a-pre-answer-sheet.pdf', 'quizzes/a-pre-key.pdf', 'quizzes/b-post.pdf', 'quizzes/b-post-answer-sheet.pdf', 'quizzes/b-post-key.pdf', 'quizzes/c-pre.pdf', 'quizzes/c-pre-answer-sheet.pdf', 'quizzes/c-pre-key.pdf']);
    expect(totalCopies(more)).toBe(3 * (22 + 22 + 2));
  });
});
