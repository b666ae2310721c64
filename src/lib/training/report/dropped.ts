// A file dropped on the training report page: its text and what it is taken to be, read on the
// device (the page's island calls this; it is here, plain TypeScript, so that it is tested in Node).
import { binaryType, decodeText, type BinaryType } from '../../assessment/csv.ts';
import { sheetCsv, sheetRefusal, tableSheet, workbookSheets, type WorkbookProblem, type WorkbookSheet } from '../../assessment/workbook.ts';
import { reportColumns, type ReportColumns } from './columns.ts';
import type { CourseInfo } from './course-info.ts';
import { guessKind, guessKindOfBinary, kindFromName, type FileKind } from './guess.ts';

/** A table read from a workbook's sheet: its CSV text, or the line `sopkit report` refuses the sheet with. */
export interface SheetTable {
  text: string;
  error?: string;
}

/** A dropped file as the report page holds it. */
export interface DroppedFile {
  /** The table as CSV text (a workbook's sheet), the notes, or empty when it cannot be read. */
  text: string;
  /** What the file is taken to be; the trainer can change it (`asKind`). */
  kind: FileKind;
  /** What the file is when it is not text (a workbook that could not be read, a Word document, a PDF, a photo): refused when the report is made. */
  binary: BinaryType | undefined;
  /** Why a workbook gave no text: locked by a password, no cell filled in, not readable. */
  problem?: WorkbookProblem;
  /** The line `sopkit report` refuses the workbook's sheet with (a header merged over a column of values). */
  error?: string;
  /**
   * A workbook's table for each kind of file, each from the sheet `sopkit report` reads for that
   * kind (`--pre`/`--post`, `--evaluation`, `--attendance`: the sheet that names its columns).
   */
  tables?: Record<keyof ReportColumns, SheetTable>;
}

/** Which columns a file of a kind is read with (none for the notes). */
export function columnsOfKind(kind: FileKind): keyof ReportColumns | undefined {
  if (kind === 'notes') return undefined;
  return kind === 'evaluation' || kind === 'attendance' ? kind : 'tests';
}

/** The sheet's table as CSV, or the line that refuses it (`sheetCsv`). */
const sheetTable = (sheet: WorkbookSheet, label: string): SheetTable => sheetCsv(sheet.data, sheet.merged, label);

/**
 * What a workbook is and its table for each kind: each kind's sheet is the one `sopkit report`
 * reads for it (`tableSheet` with that kind's columns). A workbook whose evaluation's or
 * attendance's sheet reads as that kind (`guessKind`) is that kind; when both do (a workbook of
 * the whole course), the one its name says, else the one on the earlier sheet; otherwise test
 * responses, as the tests' sheet reads. Undefined when no sheet has a cell.
 */
function workbookTables(sheets: readonly WorkbookSheet[], name: string, label: string, info: Pick<CourseInfo, 'quizzes' | 'evaluations' | 'evaluationsAlso'>): { kind: FileKind; tables: Record<keyof ReportColumns, SheetTable> } | undefined {
  const columns = reportColumns(info);
  const picked = { tests: tableSheet(sheets, columns.tests), evaluation: tableSheet(sheets, columns.evaluation), attendance: tableSheet(sheets, columns.attendance) };
  if (!picked.tests || !picked.evaluation || !picked.attendance) return undefined;
  const table = (kind: keyof ReportColumns): SheetTable => {
    const refusal = sheetRefusal(sheets, picked[kind]!, columns[kind], label);
    return refusal ? { text: '', error: refusal } : sheetTable(picked[kind]!, label);
  };
  const tables = { tests: table('tests'), evaluation: table('evaluation'), attendance: table('attendance') };
  const confirmed = (['evaluation', 'attendance'] as const).filter((k) => guessKind(name, tables[k].text, info) === k);
  const named = kindFromName(name);
  const kind = confirmed.find((k) => k === named) ?? confirmed.sort((a, b) => sheets.indexOf(picked[a]!) - sheets.indexOf(picked[b]!))[0] ?? guessKind(name, tables.tests.text, info);
  return { kind, tables };
}

/**
 * Reads a dropped file: a CSV file's text (any encoding a spreadsheet writes) or an .xlsx
 * workbook's sheet as CSV, and a first guess at what it is (`guessKind`). A workbook's sheet is
 * the one `sopkit report` reads for the kind the file turns out to be, and the file keeps each
 * kind's, for `asKind`.
 * @param bytes The file's bytes.
 * @param name The file's name (what it suggests: `attendance.xlsx`, `post.csv`, `notes.md`).
 * @param label The file's name in the page's list and in messages (`name (2)` for a second file of the same name).
 * @param info The course: its quizzes' and evaluation forms' columns.
 */
export async function readDroppedFile(bytes: Uint8Array, name: string, label: string, info: Pick<CourseInfo, 'quizzes' | 'evaluations' | 'evaluationsAlso'>): Promise<DroppedFile> {
  const binary = binaryType(bytes);
  if (binary === 'zip' || binary === 'encrypted') {
    const book = await workbookSheets(bytes);
    const read = 'sheets' in book ? workbookTables(book.sheets, name, label, info) : undefined;
    if (!read) return { text: '', binary, problem: 'problem' in book ? book.problem : 'empty', kind: guessKindOfBinary(name) };
    return asKind({ text: '', binary: undefined, kind: read.kind, tables: read.tables }, read.kind);
  }
  const text = binary ? '' : decodeText(bytes);
  return { text, binary, kind: binary ? guessKindOfBinary(name) : guessKind(name, text, info) };
}

/**
 * A dropped file taken as another kind (the trainer's choice in the list): a workbook's table
 * becomes that kind's sheet, as `sopkit report` reads the workbook given as that kind; a CSV file,
 * or a workbook taken as the notes, keeps its text.
 */
export function asKind<T extends DroppedFile>(file: T, kind: FileKind): T {
  const columns = columnsOfKind(kind);
  const table = file.tables && columns ? file.tables[columns] : undefined;
  if (!table) return { ...file, kind };
  const { error: _, ...rest } = file;
  return { ...rest, kind, text: table.text, ...(table.error ? { error: table.error } : {}) } as T;
}
