import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/lib/assessment/csv.ts';
import { resolveQuiz } from '../../../src/lib/assessment/quiz-load.ts';
import { buildReport } from '../../../src/lib/assessment/report.ts';
import { parseResponses } from '../../../src/lib/assessment/responses.ts';
import { tableText } from '../../../src/lib/assessment/workbook.ts';
import { responsesColumnTest } from '../../../src/lib/assessment/columns.ts';
import { tableOf } from '../../../src/scripts/assessment/file-list.ts';

// Workbooks made by LibreOffice Calc from the CSV fixtures (tests/fixtures/assessment/workbooks/
// README.md): their cells are typed (numbers, booleans, dates), as a Kobo export's are.
const fixtures = resolve('tests/fixtures/assessment');
const quiz = resolveQuiz(join(fixtures, 'project'), 'sample-registration').quiz;
const bytes = (path: string) => new Uint8Array(readFileSync(join(fixtures, path)));
const csv = (path: string) => decodeText(bytes(path));

describe('an Excel workbook where a CSV is expected', () => {
  it("a Kobo export saved as .xlsx reads as its CSV does: the same participants, answers and warnings", async () => {
    const fromBook = parseResponses(await tableText(bytes('workbooks/kobo-pre.xlsx'), 'kobo-pre.xlsx'), 'kobo-pre.xlsx', quiz, { form: 'pre' });
    const fromCsv = parseResponses(csv('responses/kobo-pre.csv'), 'kobo-pre.xlsx', quiz, { form: 'pre' });
    expect(fromBook.responses).toEqual(fromCsv.responses);
    expect(fromBook.warnings).toEqual(fromCsv.warnings);
    expect(fromBook.ignoredColumns).toEqual(fromCsv.ignoredColumns);
    // The true/false item was a boolean cell, the option columns numbers.
    expect(fromBook.responses[0]?.answers['s-04']).toEqual(['true']);
  });

  it('a class of 30 gives the statistics of its CSV, to the last digit', async () => {
    const fromBook = parseResponses(await tableText(bytes('workbooks/class-pre.xlsx'), 'class-pre.xlsx'), 'class-pre.xlsx', quiz);
    const fromCsv = parseResponses(csv('responses/class-pre.csv'), 'class-pre.xlsx', quiz);
    expect(fromBook.responses).toHaveLength(30);
    expect(buildReport(quiz, fromBook.responses)).toEqual(buildReport(quiz, fromCsv.responses));
  });

  it('keeps a comma, quotes and a line break inside their cell, and the spreadsheet rows in messages', async () => {
    const set = parseResponses(await tableText(bytes('workbooks/quoted.xlsx'), 'quoted.xlsx'), 'quoted.xlsx', quiz);
    expect(set.responses.map((r) => [r.participant, r.name])).toEqual([['Q01', 'Kamau, "Jo"\nsecond line']]);
    // Two empty rows above the header are rows 1 and 2 of the sheet, as in its CSV.
    const text = await tableText(bytes('workbooks/blank-top.xlsx'), 'blank-top.xlsx');
    expect(() => parseResponses(text, 'blank-top.xlsx', quiz)).toThrow(/^blank-top\.xlsx row 1: the row is empty, .*delete the 2 empty rows above the header/);
    expect(() => parseResponses(csv('workbooks/blank-top.csv'), 'blank-top.csv', quiz)).toThrow(/^blank-top\.csv row 1: the row is empty, .*delete the 2 empty rows above the header/);
  });

  it('names a workbook with no cell, a ZIP that is not a workbook and one protected by a password, each in one line', async () => {
    await expect(tableText(bytes('workbooks/empty.xlsx'), 'empty.xlsx')).rejects.toThrow('empty.xlsx: the workbook has no cell filled in; export the answers again (a header row, then one row per participant)');
    await expect(tableText(bytes('workbooks/zipped-csv.zip'), 'answers.zip')).rejects.toThrow(/^answers\.zip is a ZIP archive but not an Excel workbook that can be read \(.+\); give the CSV file/);
    const locked = new Uint8Array(readFileSync(resolve('tests/fixtures/lifecycle/registers/password-protected.xlsx')));
    await expect(tableText(locked, 'pre.xlsx')).rejects.toThrow(/^pre\.xlsx is protected by a password, so it cannot be read; open it, remove the password/);
    // A PDF is still named as what it is.
    await expect(tableText(new TextEncoder().encode('%PDF-1.7\n'), 'pre.pdf')).rejects.toThrow('pre.pdf is not a CSV file: it is a PDF');
  });
});

describe('times in a workbook', () => {
  it('a time typed alone ("0:20" minutes on a dry-run sheet) reads as H:MM, not as a date of 1899; a date-time to the second', async () => {
    const { default: writeXlsxFile } = await import('write-excel-file/node');
    const at = (...parts: number[]) => new Date(Date.UTC(parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 0, parts[4] ?? 0, parts[5] ?? 0));
    const rows = [
      [{ value: 'minutes' }, { value: 'when' }],
      [{ value: at(1899, 11, 30, 0, 20), type: Date, format: 'h:mm' }, { value: at(2027, 0, 12, 9, 5), type: Date, format: 'yyyy-mm-dd h:mm' }],
      [{ value: at(1899, 11, 30, 1, 30, 15), type: Date, format: 'h:mm:ss' }, { value: at(2027, 0, 12), type: Date, format: 'yyyy-mm-dd' }],
    ];
    const text = await tableText(new Uint8Array(await writeXlsxFile(rows as never).toBuffer()), 'x.xlsx');
    expect(text.trim().split('\n')).toEqual(['"minutes","when"', '"0:20","2027-01-12T09:05:00.000Z"', '"1:30:15","2027-01-12"']);
  });
});

describe('merged cells in a workbook', () => {
  // A trainer who typed a class's answers merged the "form" cell down over every participant
  // (write-excel-file's rowSpan writes <mergeCell ref="C2:C4"/>): read-excel-file gives "pre" in
  // C2 only, and the rows below had no form.
  const lines = csv('responses/class-pre.csv').trim().split(/\r?\n/).slice(0, 4).map((line) => line.split(','));

  it('carries a value merged down a column into each row it covers, so the answers read as the CSV does', async () => {
    const { default: writeXlsxFile } = await import('write-excel-file/node');
    const rows = lines.map((cells, r) => cells.map((value, c) => (c !== 2 || r < 1 ? { value } : r === 1 ? { value, rowSpan: 3 } : null)));
    const book = new Uint8Array(await writeXlsxFile(rows as never).toBuffer());
    const text = await tableText(book, 'merged.xlsx');
    expect(parseResponses(text, 'merged.xlsx', quiz).responses).toEqual(parseResponses(lines.map((l) => l.join(',')).join('\n'), 'merged.xlsx', quiz).responses);
    expect(text.split('\n').slice(1, 4).map((line) => line.split(',')[2])).toEqual(['"pre"', '"pre"', '"pre"']);
  });

  it('refuses a header cell merged over a column with values, naming the file, the row and the cells', async () => {
    const header = new Uint8Array(readFileSync(resolve('tests/fixtures/lifecycle/registers/merged-header.xlsx')));
    await expect(tableText(header, 'attendance.xlsx')).rejects.toThrow('attendance.xlsx row 1: cells H1:I1 are merged in the header, so only column H is named "comment" and the values in column I have no column name; unmerge the cells and give column I its own name, or move its values into column H, and save the file again');
  });
});

describe('a title typed above the header', () => {
  // The auditor's file: "Pre-test results, March 2026" in A1, row 2 empty, the header in row 3.
  // Read as the header, the title was "not an item of the quiz ... delete the column", and
  // deleting column A deleted the participant ids.
  const table = csv('responses/class-pre.csv').trim().split(/\r?\n/).slice(0, 4);
  const titled = /^(\S+) row 1: "Pre-test results, March 2026" looks like a title, not the header; the header \(participant, form and one column per item\) must be the first row: delete rows 1 to 2, above the header in row 3, and save the file again$/;

  it('in a workbook (written by write-excel-file) is refused as a title, naming the row of the header', async () => {
    const { default: writeXlsxFile } = await import('write-excel-file/node');
    const rows = [[{ value: 'Pre-test results, March 2026' }], [], ...table.map((line) => line.split(',').map((value) => ({ value })))];
    const book = new Uint8Array(await writeXlsxFile(rows as never).toBuffer());
    const text = await tableText(book, 'x.xlsx');
    expect(() => parseResponses(text, 'x.xlsx', quiz)).toThrow(titled);
  });

  it('merged across the table, is refused as a title too, not as a header cell merged over columns (it said to unmerge it and name column B)', async () => {
    const { default: writeXlsxFile } = await import('write-excel-file/node');
    const width = table[0]!.split(',').length;
    const rows = [[{ value: 'Pre-test results, March 2026', span: width }, ...Array.from({ length: width - 1 }, () => null)], [], ...table.map((line) => line.split(',').map((value) => ({ value })))];
    const book = new Uint8Array(await writeXlsxFile(rows as never).toBuffer());
    const text = await tableText(book, 'x.xlsx');
    expect(() => parseResponses(text, 'x.xlsx', quiz)).toThrow(titled);
  });

  it('in a CSV, padded with delimiters as a spreadsheet saves it or as one cell, the same; one title row over the header says row 1', () => {
    const width = table[0]!.split(',').length;
    const padded = ['"Pre-test results, March 2026"' + ','.repeat(width - 1), ','.repeat(width - 1), ...table].join('\r\n');
    expect(() => parseResponses(padded, 'x.csv', quiz)).toThrow(titled);
    expect(() => parseResponses(['"Pre-test results, March 2026"', '', ...table].join('\n'), 'x.csv', quiz)).toThrow(titled);
    expect(() => parseResponses(['Results', ...table].join('\n'), 'x.csv', quiz)).toThrow('x.csv row 1: "Results" looks like a title, not the header; the header (participant, form and one column per item) must be the first row: delete row 1, above the header in row 2, and save the file again');
  });

  it('of several cells (a title and a date, a trainer line) is refused as a title too, naming the row of the header', async () => {
    // As a French office types it: the course over two cells, the trainer on the next row, a blank
    // row, then the header. Its first cell was "not an item of quiz ...; delete the column".
    const { default: writeXlsxFile } = await import('write-excel-file/node');
    const cells = (values: string[]) => values.map((value) => (value ? { value } : null));
    const rows = [cells(['Pré-test, cours des agents', '', 'Mars 2026']), cells(['Formateur :', 'M. Diallo']), [], ...table.map((line) => cells(line.split(',')))];
    const book = new Uint8Array(await writeXlsxFile(rows as never).toBuffer());
    const message = 'x.xlsx row 1: "Pré-test, cours des agents" looks like a title, not the header; the header (participant, form and one column per item) must be the first row: delete rows 1 to 3, above the header in row 4, and save the file again';
    const text = await tableText(book, 'x.xlsx');
    expect(() => parseResponses(text, 'x.xlsx', quiz)).toThrow(message);
    const csvText = ['"Pré-test, cours des agents";;"Mars 2026"', 'Formateur :;M. Diallo;', ';;', ...table.map((line) => line.replace(/,/g, ';'))].join('\r\n');
    expect(() => parseResponses(csvText, 'x.csv', quiz)).toThrow(message.replace('x.xlsx', 'x.csv'));
  });

  it('a first row of several cells that names no column, with no header below it, is judged as the header', () => {
    const [head = '', ...data] = table;
    const unknown = head.split(',').map((_, i) => `col${i + 1}`).join(',');
    expect(() => parseResponses([unknown, ...data].join('\n'), 'x.csv', quiz)).toThrow(/^x\.csv row 1, column A \(col1\): not an item of quiz sample-registration/);
  });

  it('an empty first row keeps its own message; a real header with one unknown column keeps the advice to fix the header', () => {
    expect(() => parseResponses(['', ...table].join('\n'), 'x.csv', quiz)).toThrow(/^x\.csv row 1: the row is empty, but the first row must be the header/);
    const header = table[0]!.replace(/^participant,/, 'paticipant,');
    expect(() => parseResponses([header, ...table.slice(1)].join('\n'), 'x.csv', quiz)).toThrow(/^x\.csv row 1, column A \(paticipant\): not an item of quiz sample-registration/);
  });
});

describe('a title above the header of a file the training report finds the quiz of', () => {
  it('is refused as a title, not as "the columns are not the items of any quiz"', async () => {
    const { scoreCourseTests } = await import('../../../src/lib/training/report/tests.ts');
    const lines = csv('responses/class-pre.csv').trim().split(/\r?\n/).slice(0, 4);
    const text = ['"Pre-test results, March 2026"', '', ...lines].join('\n');
    expect(() => scoreCourseTests([{ name: 'pre.csv', text, form: 'pre' }], [quiz])).toThrow('pre.csv row 1: "Pre-test results, March 2026" looks like a title, not the header; the header (participant, form and one column per item) must be the first row: delete rows 1 to 2, above the header in row 3, and save the file again');
  });
});

describe('an empty template left as the first sheet, the answers typed on a later sheet', () => {
  // The workbook handed round opens on the template (the header alone); its header names the
  // quiz's columns, so it was the sheet read: "a header but no responses".
  const answers = responsesColumnTest([quiz]);

  it('the sheet with rows under the header is read, on the command line and on the pages alike', async () => {
    const fromCsv = parseResponses(csv('responses/class-pre.csv'), 'template-first.xlsx', quiz);
    const fromBook = parseResponses(await tableText(bytes('workbooks/template-first.xlsx'), 'template-first.xlsx', answers), 'template-first.xlsx', quiz);
    expect(fromBook.responses).toHaveLength(fromCsv.responses.length);
    expect(buildReport(quiz, fromBook.responses)).toEqual(buildReport(quiz, fromCsv.responses));
    const page = await tableOf(new File([bytes('workbooks/template-first.xlsx')], 'template-first.xlsx'), answers);
    expect(parseResponses(page.text, 'template-first.xlsx', quiz).responses).toEqual(fromBook.responses);
  });

  it('a workbook of templates only is still read from the first, and said to have no responses', async () => {
    const { default: writeXlsxFile } = await import('write-excel-file/node');
    const header = csv('responses/class-pre.csv').split('\n')[0]!.split(',').map((value) => ({ value }));
    const book = new Uint8Array(await writeXlsxFile([{ data: [header], sheet: 'Modèle' }, { data: [header], sheet: 'Copie' }] as never).toBuffer());
    const text = await tableText(book, 'blank.xlsx', answers);
    expect(() => parseResponses(text, 'blank.xlsx', quiz)).toThrow(/^blank\.xlsx: a header but no responses/);
  });
});

describe('a workbook whose answers are not all on the sheet read', () => {
  // Written by a script (tests/fixtures/assessment/workbooks/README.md): each cut a class's
  // answers without a word, or scored the wrong ones.
  const answers = responsesColumnTest([quiz]);
  const fromCsv = parseResponses(csv('responses/class-pre.csv'), 'class-pre.csv', quiz);

  it('one sheet per class group: refused, naming the other sheet and its rows, on the command line and on the pages alike', async () => {
    // Read, only "Group A" counted: n 15, mean 4.07, where the class of 30 has 2.93.
    const message = 'two-groups.xlsx: sheet "Group B" also has 15 rows under a header of the same columns (rows 2 to 16), and only one sheet of a workbook is read (sheet "Group A"); move them onto sheet "Group A", or save each sheet as a file of its own';
    await expect(tableText(bytes('workbooks/two-groups.xlsx'), 'two-groups.xlsx', answers)).rejects.toThrow(message);
    const page = await tableOf(new File([bytes('workbooks/two-groups.xlsx')], 'two-groups.xlsx'), answers);
    expect(page).toMatchObject({ text: '', error: message });
    // A sheet of instructions or an empty template beside the answers is no such sheet.
    await expect(tableText(bytes('workbooks/template-first.xlsx'), 'template-first.xlsx', answers)).resolves.toContain('P30');
  });

  it('a hidden first sheet (an old copy, every answer wrong) is passed over for the sheet its user sees', async () => {
    const set = parseResponses(await tableText(bytes('workbooks/hidden-first-sheet.xlsx'), 'hidden-first-sheet.xlsx', answers), 'hidden-first-sheet.xlsx', quiz);
    expect(buildReport(quiz, set.responses)).toEqual(buildReport(quiz, fromCsv.responses));
    const page = await tableOf(new File([bytes('workbooks/hidden-first-sheet.xlsx')], 'hidden-first-sheet.xlsx'), answers);
    expect(parseResponses(page.text, 'hidden-first-sheet.xlsx', quiz).responses).toEqual(set.responses);
  });

  it('a cell holding an error value (#N/A, #REF!) or a formula never calculated: refused, naming the cells, not read as no answer', async () => {
    await expect(tableText(bytes('workbooks/error-values.xlsx'), 'error-values.xlsx', answers)).rejects.toThrow('error-values.xlsx: in sheet "S", cells D2, E2, F2 and 3 more hold #N/A (the error of a formula), not a value; type the values in those cells, or correct the formula, and save the file again');
    await expect(tableText(bytes('workbooks/error-with-formula.xlsx'), 'error-with-formula.xlsx', answers)).rejects.toThrow('error-with-formula.xlsx: in sheet "S", cell E2 holds #N/A (the error of a formula), not a value');
    // The participant's cell said "empty" when it showed #REF!.
    await expect(tableText(bytes('workbooks/error-participant.xlsx'), 'error-participant.xlsx', answers)).rejects.toThrow('error-participant.xlsx: in sheet "S", cell A2 holds #REF!');
    await expect(tableText(bytes('workbooks/formula-no-value.xlsx'), 'formula-no-value.xlsx', answers)).rejects.toThrow('formula-no-value.xlsx: in sheet "S", cell D2 holds the formula =LOWER("A"), whose value was never calculated (the workbook was written by a program, not saved from a spreadsheet); open it in a spreadsheet and save it again, or type the values');
    const page = await tableOf(new File([bytes('workbooks/error-values.xlsx')], 'error-values.xlsx'), answers);
    expect(page.error).toMatch(/^error-values\.xlsx: in sheet "S", cells D2/);
    // The same formula with its value kept, as a spreadsheet saves it, is read as that value.
    const kept = parseResponses(await tableText(bytes('workbooks/formula-with-value.xlsx'), 'formula-with-value.xlsx', answers), 'formula-with-value.xlsx', quiz);
    expect(kept.responses[0]!.answers['s-01']).toEqual(['a']);
  });
});
