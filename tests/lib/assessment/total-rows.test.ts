import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/lib/assessment/csv.ts';
import { resolveQuiz } from '../../../src/lib/assessment/quiz-load.ts';
import { parseResponses } from '../../../src/lib/assessment/responses.ts';
import { readAttendance } from '../../../src/lib/training/report/attendance.ts';

// A row of totals or averages typed under the data, as a spreadsheet user sums a column: it was
// taken for a participant and refused for what it lacked ("no form; add a form column", when the
// file has one; "organisation: empty").
const fixtures = resolve('tests/fixtures');
const quiz = resolveQuiz(join(fixtures, 'assessment/project'), 'sample-registration').quiz;
const lines = (path: string) => decodeText(readFileSync(join(fixtures, path))).trim().split(/\r?\n/);

describe('a row of totals under the data', () => {
  it('in a responses file is refused as such, at its row, in English, French or Arabic, under the id or the name', () => {
    const table = lines('assessment/responses/class-pre.csv');
    const width = table[0]!.split(',').length;
    const row = table.length + 1;
    for (const [cells, label] of [
      [['Total', '', ''], 'Total'],
      [['', 'Moyenne', 'pre'], 'Moyenne'],
      [['المجموع', '', 'pre'], 'المجموع'],
      [['', 'Total général :', ''], 'Total général :'],
    ] as const) {
      const last = [...cells, ...Array(width - cells.length).fill('')].join(',');
      expect(() => parseResponses([...table, last].join('\r\n'), 'pre.csv', quiz)).toThrow(`pre.csv row ${row}: "${label}" is a row of totals or averages, not a participant; delete the row (the report counts and averages the answers itself) and save the file again`);
    }
    // Without it, the same file reads.
    expect(parseResponses(table.join('\r\n'), 'pre.csv', quiz).responses).toHaveLength(table.length - 1);
  });

  it('in an attendance file is refused as such, at its row', () => {
    const table = lines('training/report/attendance.csv');
    const width = table[0]!.split(',').length;
    const total = ['Total', '', '', '', '', ...Array(width - 5).fill('3')].join(',');
    expect(() => readAttendance([...table, total].join('\n'), 'attendance.csv')).toThrow(`attendance.csv row ${table.length + 1}: "Total" is a row of totals, not a participant; delete the row (the report counts who attended each day itself) and save the file again`);
  });
});
