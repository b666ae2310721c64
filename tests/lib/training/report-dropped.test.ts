import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/lib/assessment/csv.ts';
import { tableText } from '../../../src/lib/assessment/workbook.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import { reportColumns } from '../../../src/lib/training/report/columns.ts';
import { courseInfo, type CourseInfo } from '../../../src/lib/training/report/course-info.ts';
import { asKind, readDroppedFile } from '../../../src/lib/training/report/dropped.ts';
import { csvLines } from '../assessment/instructions-workbook.ts';

// The report page reads a dropped workbook before it knows what the file is. It took the first
// sheet whose header named a column of any of the report's files, so a sheet that is not the
// file's table (a list of participants before the evaluation answers) was read, and the file was
// taken for test answers; `sopkit report --evaluation` reads the evaluation's sheet.
const E = resolve('examples/registry-officers');

/** A workbook (write-excel-file) of these sheets, each rows of text cells. */
async function workbook(sheets: { sheet: string; rows: string[][] }[]): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const data = sheets.map(({ sheet, rows }) => ({ sheet, data: rows.map((row) => row.map((value) => (value ? { value } : null))) }));
  return new Uint8Array(await writeXlsxFile(data as never).toBuffer());
}

/** A table's header and rows, as the report's readers take the text. */
const lines = (text: string, name: string) => {
  const table = readCsv(text, name);
  return [table.header, ...table.rows];
};

let info: CourseInfo;
beforeAll(() => {
  info = courseInfo(loadProject(process.cwd()), 'registry-officers');
});

describe('a workbook dropped on the report page', () => {
  it("with a list of participants before the evaluation answers: the answers' sheet, read as the evaluation, as sopkit report --evaluation reads it", async () => {
    // The list: participant, name, organisation (the attendance file's first columns, no day).
    const roster = csvLines(join(E, 'attendance.csv')).map((row) => row.slice(0, 3));
    const evaluation = csvLines(join(E, 'evaluation.csv'));
    const bytes = await workbook([{ sheet: 'Participants', rows: roster }, { sheet: 'Évaluation', rows: evaluation }]);
    const file = await readDroppedFile(bytes, 'day5.xlsx', 'day5.xlsx', info);
    expect(file.kind).toBe('evaluation');
    expect(file.error).toBeUndefined();
    expect(lines(file.text, 'day5.xlsx')).toEqual(evaluation);
    expect(file.text).toBe(await tableText(bytes, 'day5.xlsx', reportColumns(info).evaluation));
  });

  it('of the attendance and the evaluation: read as the first, and as the other with its own sheet when the trainer says so', async () => {
    const attendance = csvLines(join(E, 'attendance.csv'));
    const evaluation = csvLines(join(E, 'evaluation.csv'));
    const bytes = await workbook([{ sheet: 'Présence', rows: attendance }, { sheet: 'Évaluation', rows: evaluation }]);
    const file = await readDroppedFile(bytes, 'course.xlsx', 'course.xlsx', info);
    expect(file.kind).toBe('attendance');
    expect(lines(file.text, 'course.xlsx')).toEqual(attendance);
    // The trainer picks "evaluation" in the list: the evaluation's sheet, as sopkit report --evaluation course.xlsx reads it.
    const asEvaluation = asKind(file, 'evaluation');
    expect(asEvaluation.kind).toBe('evaluation');
    expect(lines(asEvaluation.text, 'course.xlsx')).toEqual(evaluation);
    expect(asEvaluation.text).toBe(await tableText(bytes, 'course.xlsx', reportColumns(info).evaluation));
    // And back.
    expect(lines(asKind(asEvaluation, 'attendance').text, 'course.xlsx')).toEqual(attendance);
  });

  it('the name says which of two tables the file is: an evaluation named so, after an attendance sheet', async () => {
    const bytes = await workbook([{ sheet: 'Présence', rows: csvLines(join(E, 'attendance.csv')) }, { sheet: 'Évaluation', rows: csvLines(join(E, 'evaluation.csv')) }]);
    const file = await readDroppedFile(bytes, 'evaluation-day5.xlsx', 'evaluation-day5.xlsx', info);
    expect(file.kind).toBe('evaluation');
    expect(lines(file.text, 'x')).toEqual(csvLines(join(E, 'evaluation.csv')));
  });

  it('with the evaluation over two sheets ("Paper", "Kiosk"): refused as sopkit report refuses it, naming the sheet not read', async () => {
    // Read, the page counted the 7 respondents of "Paper" of 14, and said nothing.
    const bytes = new Uint8Array(readFileSync(resolve('tests/fixtures/training/report/workbooks/evaluation-two-sheets.xlsx')));
    const file = await readDroppedFile(bytes, 'evaluation.xlsx', 'evaluation.xlsx', info);
    expect(file.kind).toBe('evaluation');
    expect(file.text).toBe('');
    expect(file.error).toBe('evaluation.xlsx: sheet "Kiosk" also has 7 rows under a header of the same columns (rows 2 to 8), and only one sheet of a workbook is read (sheet "Paper"); move them onto sheet "Paper", or save each sheet as a file of its own');
    await expect(tableText(bytes, 'evaluation.xlsx', reportColumns(info).evaluation)).rejects.toThrow(file.error!);
  });

  it('a CSV file is one table whatever kind it is given', async () => {
    const bytes = new Uint8Array(Buffer.from('participant,organisation,day1\nP01,Office,1\n'));
    const file = await readDroppedFile(bytes, 'register.csv', 'register.csv', info);
    expect(file.kind).toBe('attendance');
    expect(asKind(file, 'evaluation')).toEqual({ ...file, kind: 'evaluation' });
  });
});
