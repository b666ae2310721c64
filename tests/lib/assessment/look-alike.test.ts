import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lookAlikeList, lookAlikes, looseId } from '../../../src/lib/assessment/look-alike.ts';
import { binaryType, csvText } from '../../../src/lib/assessment/csv.ts';
import { isUserError } from '../../../src/lib/errors.ts';
import { guessKind, guessKindOfBinary } from '../../../src/lib/training/report/guess.ts';

describe('ids written differently (shared by sopkit score and the scoring page)', () => {
  it('pairs unmatched ids that differ only in case, separators or leading zeros', () => {
    expect(['P01', 'p1', 'P-01', 'p 001', 'P_1'].map(looseId)).toEqual(['p1', 'p1', 'p1', 'p1', 'p1']);
    expect(looseId('P10')).not.toBe(looseId('P1'));
    expect(lookAlikes(['P01', 'P02', 'P03'], ['p1', 'P-02', 'Q9'])).toEqual(['P01 / p1', 'P02 / P-02']);
    expect(lookAlikes(['A1'], ['B1'])).toEqual([]);
  });

  it('lists five pairs at the most, in the separator of the page', () => {
    const pairs = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(lookAlikeList(pairs)).toBe('a, b, c, d, e, ...');
    expect(lookAlikeList(pairs.slice(0, 2), '، ')).toBe('a، b');
  });
});

describe('a dropped file that is not text', () => {
  it('is told by its first bytes, and guessed as notes when its name is a document', () => {
    expect(binaryType(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe('zip');
    expect(binaryType(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]))).toBe('pdf');
    expect(binaryType(new TextEncoder().encode('participant,form\nP01,pre\n'))).toBeUndefined();
    // An Excel workbook protected by a password (msoffcrypto-tool's test input, made by Excel): a
    // Compound File like the old .xls, and named for what it is, not "an old Excel workbook".
    const encrypted = readFileSync(join(import.meta.dirname, '../../fixtures/lifecycle/registers/msoffcrypto/example_password.xlsx'));
    expect(binaryType(encrypted)).toBe('encrypted');
    expect(binaryType(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('xls');
    let message = '';
    try {
      csvText(encrypted, 'responses-pre.csv');
    } catch (error) {
      if (!isUserError(error)) throw error;
      message = error.message;
    }
    expect(message).toBe('responses-pre.csv is not a CSV file: it is a file protected by a password (an Excel workbook or a Word document); give the CSV file (from a spreadsheet: File > Save As > CSV UTF-8)');
    expect(['notes.docx', 'notes.pdf', 'pre.xlsx', 'register.png', 'attendance.xlsx'].map(guessKindOfBinary)).toEqual(['notes', 'notes', 'pre', 'responses', 'attendance']);
  });

  it('a table the report page cannot read (empty, a quote left open) is taken for what its name says, so its error is that kind\'s', () => {
    const info = { evaluations: [] };
    expect(['attendance.csv', 'day2-evaluation.csv', 'post.csv', 'm1.csv'].map((name) => guessKind(name, '', info))).toEqual(['attendance', 'evaluation', 'post', 'responses']);
    expect(guessKind('attendance.csv', 'participant,"organisation\nP01,Office\n', info)).toBe('attendance');
  });

  it('a sheet named anything, with an organisation and days dated as spreadsheets write them (02/03/2026), is the attendance', () => {
    const info = { evaluations: [] };
    for (const day of ['day1', '2026-03-02', '02/03/2026', '3/2/26']) expect(guessKind('register.csv', `participant,organisation,${day}\nP01,Office,1\n`, info), day).toBe('attendance');
  });
});
