import { describe, expect, it } from 'vitest';
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
    pretest: 'q',
    posttest: 'q',
    evaluation: 'e',
  });

  it('prints workbooks, handouts, job aids, slide handouts, booklets, answer sheets and evaluation forms for each participant with spares', () => {
    const perParticipant = pack.filter((l) => l.per === 'participant');
    expect(perParticipant.map((l) => [l.kind, l.copies])).toEqual([
      ['workbook', 22],
      ['handout', 22],
      ['handout', 22],
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
    expect(totalCopies(pack)).toBe(10 * 22 + 4 * 2);
  });
});
