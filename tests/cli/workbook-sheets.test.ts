import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResults, readResultsFile } from '../../src/lib/lifecycle/dryrun/results.ts';
import { run } from './run.ts';
import { csvLines, instructionsFirst } from '../lib/assessment/instructions-workbook.ts';
import { handContext } from '../lib/lifecycle/hand-case.ts';

// A trainer's workbook opens on a sheet of instructions (or a cover), with the table on the next
// sheet, as a template handed round an office is made. Only the first sheet with a cell was read:
// the instructions' first line came back as "not an item of the quiz; delete the column".
const dir = mkdtempSync(join(tmpdir(), 'sopkit-sheets-'));
const lines = csvLines;

/** A workbook of the instructions, then the CSV file's rows on a second sheet, as text cells. */
async function bookOf(csvPath: string, name: string): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await instructionsFirst(csvPath));
  return path;
}

describe('a workbook with a sheet of instructions before the table', () => {
  it('sopkit score reads the sheet of answers: the same report as the CSV', async () => {
    const fixtures = resolve('tests/fixtures/assessment');
    const root = join(fixtures, 'project');
    const csv = join(fixtures, 'responses/class-pre.csv');
    const book = await bookOf(csv, 'pre.xlsx');
    const fromCsv = await run('score', '--root', root, '--quiz', 'sample-registration', '--pre', csv, '--json');
    const fromBook = await run('score', '--root', root, '--quiz', 'sample-registration', '--pre', book, '--json');
    expect(fromBook.err).toBe(fromCsv.err);
    expect(fromBook.code).toBe(0);
    expect(JSON.parse(fromBook.out)).toEqual(JSON.parse(fromCsv.out));
  });

  it('sopkit report reads the tests, the attendance and the evaluation from their sheets of data', async () => {
    const E = resolve('examples/registry-officers');
    const names = ['pre', 'post', 'attendance', 'evaluation'] as const;
    const books = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await bookOf(join(E, `${n}.csv`), `${n}.xlsx`)] as const)));
    const args = (f: (n: (typeof names)[number]) => string) => ['report', '--course', 'registry-officers', '--pre', f('pre'), '--post', f('post'), '--attendance', f('attendance'), '--evaluation', f('evaluation'), '--json', '--date', '2026-03-06'];
    const fromCsv = await run(...args((n) => join(E, `${n}.csv`)));
    const fromBook = await run(...args((n) => books[n]!));
    expect(fromCsv.err).not.toMatch(/sopkit report:/);
    expect(fromBook.err).not.toMatch(/sopkit report:/);
    expect(fromCsv.code).toBe(0);
    expect(fromBook.code).toBe(0);
    // The report names each file; apart from the names, the same report.
    const unnamed = (out: string, from: string[]) => from.reduce((text, path, i) => text.split(JSON.stringify(path).slice(1, -1)).join(`<file ${i}>`), out);
    expect(unnamed(fromBook.out, names.map((n) => books[n]!))).toBe(unnamed(fromCsv.out, names.map((n) => join(E, `${n}.csv`))));
  });

  it('a dry run reads its results from the sheet of results', async () => {
    const ctx = handContext;
    const csv = resolve('tests/fixtures/lifecycle/dryrun/results/hand.csv');
    const book = await bookOf(csv, 'results.xlsx');
    const fromCsv = readResults(readFileSync(csv, 'utf8'), 'results', ctx);
    expect(fromCsv.problems).toEqual([]);
    expect(await readResultsFile(new Uint8Array(readFileSync(book)), 'results', ctx)).toEqual(fromCsv);
  });
});

describe('a workbook with the table on two sheets (one per group, per site)', () => {
  // Only the first sheet was read, and the other's rows dropped without a word: the report's
  // attendance had 10 of 20 participants and its evaluation 7 of 14 respondents; the dry run's
  // second site had no observation at all.
  const E = resolve('examples/registry-officers');
  const W = resolve('tests/fixtures/training/report/workbooks');

  it('sopkit report refuses the evaluation and the attendance split over two sheets, naming the sheet not read', async () => {
    const base = ['report', '--course', 'registry-officers', '--pre', join(E, 'pre.csv'), '--post', join(E, 'post.csv'), '--json', '--date', '2026-03-10'];
    const evaluation = await run(...base, '--evaluation', join(W, 'evaluation-two-sheets.xlsx'), '--attendance', join(E, 'attendance.csv'));
    expect(evaluation.code).toBe(1);
    expect(evaluation.err).toContain(`${join(W, 'evaluation-two-sheets.xlsx')}: sheet "Kiosk" also has 7 rows under a header of the same columns (rows 2 to 8), and only one sheet of a workbook is read (sheet "Paper")`);
    const attendance = await run(...base, '--evaluation', join(E, 'evaluation.csv'), '--attendance', join(W, 'attendance-two-sheets.xlsx'));
    expect(attendance.code).toBe(1);
    expect(attendance.err).toContain(`${join(W, 'attendance-two-sheets.xlsx')}: sheet "Group 2" also has 10 rows under a header of the same columns (rows 2 to 11), and only one sheet of a workbook is read (sheet "Group 1")`);
  });

  it('a dry run refuses results with one sheet per site', async () => {
    const book = resolve('tests/fixtures/lifecycle/dryrun/results-two-sheets.xlsx');
    const r = await run('dryrun', 'report', 'birth-registration-2025', '--results', book, '--out', dir, '--json');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`results-two-sheets.xlsx: sheet "hospital-point" also has 35 rows under a header of the same columns (rows 2 to 36), and only one sheet of a workbook is read (sheet "district-office"); move them onto sheet "district-office"`);
  });
});
