import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/lib/assessment/csv.ts';
import { resolveQuiz } from '../../../src/lib/assessment/quiz-load.ts';
import { parseResponses } from '../../../src/lib/assessment/responses.ts';
import { readAttendance } from '../../../src/lib/training/report/attendance.ts';
import { tableText } from '../../../src/lib/assessment/workbook.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import { evaluationHeaderTest, parseEvaluationResponses } from '../../../src/lib/training/evaluation/responses.ts';
import { courseInfo } from '../../../src/lib/training/report/course-info.ts';
import { evaluationSchema } from '../../../src/schemas/evaluation.ts';
import { parse } from 'yaml';

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

  describe('in an evaluation responses file', () => {
    // It was refused for its first average as "not on the scale of item ..." (or, under a course
    // column, as "this row evaluates course Moyenne"); rounded to points of the scale, it was one more respondent.
    const form = evaluationSchema.parse(parse(readFileSync(join(fixtures, 'training/evaluation/form.yaml'), 'utf8')));
    const table = lines('training/evaluation/responses.csv');
    const refused = (file: string, row: number, label: string) => `${file} row ${row}: "${label}" is a row of totals or averages, not a respondent; delete the row (the report counts and averages the answers itself) and save the file again`;

    it('is refused as such at its row, under the respondent or in the first filled cell, averaged or rounded', () => {
      const row = table.length + 1;
      for (const [last, label] of [
        ['Moyenne,,4.33,3.33,,', 'Moyenne'],
        ['Total,,13,10,,', 'Total'],
        [',Average,4,3,,', 'Average'],
        ['المتوسط,,4,3,right,', 'المتوسط'],
      ] as const) {
        expect(() => parseEvaluationResponses([...table, last].join('\n'), 'ev.csv', form), last).toThrow(refused('ev.csv', row, label));
      }
      // An anonymous file (no respondent column): the label is in the first item's column.
      const anonymous = table.map((line) => line.split(',').slice(2).join(','));
      expect(() => parseEvaluationResponses([...anonymous, 'Moyenne,3.33,,'].join('\n'), 'anon.csv', form)).toThrow(refused('anon.csv', row, 'Moyenne'));
      // Without it, the same file reads, every row a respondent's or an empty one.
      const set = parseEvaluationResponses(table.join('\n'), 'ev.csv', form);
      expect(set.responses.length + set.emptyRows.length).toBe(table.length - 1);
    });

    it('a point of the scale or a text answer that reads like a total is an answer, not a row of totals', () => {
      const rated = evaluationSchema.parse({ ...form, scale: { points: 3, labels: ['Poor', 'Average', 'Good'] } });
      const anonymous = table.map((line) => line.split(',').slice(2).join(',')).slice(0, 1);
      const set = parseEvaluationResponses([...anonymous, 'Average,Good,right,', ',,,Overall'].join('\n'), 'anon.csv', rated);
      expect(set.responses.map((r) => r.answers)).toEqual([{ useful: 2, clear: 3, pace: 'right' }, { improve: 'Overall' }]);
    });

    it('in a workbook (a row of averages under the LibreOffice export) is refused naming its row', async () => {
      const info = courseInfo(loadProject(process.cwd()), 'registry-officers');
      const bytes = new Uint8Array(readFileSync(join(fixtures, 'training/report/workbooks/evaluation-average.xlsx')));
      const text = await tableText(bytes, 'evaluation-average.xlsx', evaluationHeaderTest(info.evaluationsAlso).known);
      expect(() => parseEvaluationResponses(text, 'evaluation-average.xlsx', info.evaluations[0]!, { course: info.id })).toThrow(refused('evaluation-average.xlsx', 16, 'Moyenne'));
    });
  });
});
