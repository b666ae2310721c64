import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { responsesColumnTest } from '../../../src/lib/assessment/columns.ts';
import { decodeText, readCsv } from '../../../src/lib/assessment/csv.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import { courseInfo, type CourseInfo } from '../../../src/lib/training/report/course-info.ts';
import { readDroppedFile } from '../../../src/lib/training/report/dropped.ts';
import { guessKind } from '../../../src/lib/training/report/guess.ts';
import { buildTrainingReport, type ReportInputs } from '../../../src/lib/training/report/model.ts';
import { tableText } from '../../../src/lib/assessment/workbook.ts';
import { tableOf } from '../../../src/scripts/assessment/file-list.ts';
import { csvLines, instructions, instructionsFirst } from '../../lib/assessment/instructions-workbook.ts';

// The scoring page reads a dropped workbook on the device with `tableOf`, the report page with `readDroppedFile`. A trainer's
// workbook opens on a sheet of instructions, with the answers on the next sheet: the pages read the
// instructions (the first sheet with a cell), where `sopkit score` and `sopkit report` read the
// answers, so a file the command line took was refused on the page.
const E = resolve('examples/registry-officers');
const csvRows = (name: string) => csvLines(join(E, name));

/** The example's CSV rows on a second sheet, after a sheet of instructions, as a dropped File. */
async function bookOf(name: string): Promise<File> {
  return new File([await instructionsFirst(join(E, name))], name.replace(/\.csv$/, '.xlsx'));
}

let info: CourseInfo;
beforeAll(() => {
  info = courseInfo(loadProject(process.cwd()), 'registry-officers');
});

describe('a workbook dropped on a page, with a sheet of instructions before the table', () => {
  it('the scoring page reads the sheet of answers to its quizzes', async () => {
    const { text, binary } = await tableOf(await bookOf('pre.csv'), responsesColumnTest(info.quizzes));
    expect(binary).toBeUndefined();
    const table = readCsv(text, 'pre.xlsx');
    expect([table.header, ...table.rows]).toEqual(csvRows('pre.csv'));
  });

  it('the report page reads the tests, the evaluation and the attendance from their sheets, and makes the report of the CSV files', async () => {
    const read = await Promise.all(
      ['pre.csv', 'post.csv', 'evaluation.csv', 'attendance.csv'].map(async (name) => {
        const file = await bookOf(name);
        const { text, binary, kind } = await readDroppedFile(new Uint8Array(await file.arrayBuffer()), file.name, file.name, info);
        expect(binary).toBeUndefined();
        // The page guesses each file's kind from what it read, as for the CSV file.
        expect(kind).toBe(guessKind(name, decodeText(readFileSync(join(E, name))), info));
        return { name, text };
      }),
    );
    const inputs = (texts: { name: string; text: string }[]): ReportInputs => ({
      tests: [{ name: 'pre', text: texts[0]!.text, form: 'pre' }, { name: 'post', text: texts[1]!.text, form: 'post' }],
      evaluations: [{ name: 'evaluation', text: texts[2]!.text }],
      attendance: { name: 'attendance', text: texts[3]!.text },
    });
    const fromCsv = ['pre.csv', 'post.csv', 'evaluation.csv', 'attendance.csv'].map((name) => ({ name, text: decodeText(readFileSync(join(E, name))) }));
    expect(buildTrainingReport(info, inputs(read), '2026-03-06')).toEqual(buildTrainingReport(info, inputs(fromCsv), '2026-03-06'));
  });

  it('without the column names, the first sheet with a cell is still read (a workbook of one sheet)', async () => {
    const { text } = await tableOf(await bookOf('pre.csv'));
    expect(readCsv(text, 'pre.xlsx').header[0]).toBe(instructions[0]![0]);
  });
});

describe('a workbook whose header has a cell merged over a column of values, dropped on a page', () => {
  // The pages read it as CSV with a column of no name, where sopkit refuses it naming the cells.
  it('is refused with the line sopkit gives, naming the file as the list shows it', async () => {
    const bytes = new Uint8Array(readFileSync(resolve('tests/fixtures/lifecycle/registers/merged-header.xlsx')));
    const cli = await tableText(bytes, 'attendance.xlsx (2)').then(() => '', (error: Error) => error.message);
    expect(cli).toMatch(/^attendance\.xlsx \(2\) row 1: cells H1:I1 are merged in the header/);
    const page = await tableOf(new File([bytes], 'attendance.xlsx'), undefined, 'attendance.xlsx (2)');
    expect(page).toEqual({ text: '', binary: undefined, error: cli });
  });
});
