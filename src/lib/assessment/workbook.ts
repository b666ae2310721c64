// An Excel workbook (.xlsx) where a CSV is expected: KoboToolbox exports as XLSX by default, and a
// trainer who typed paper answers into a spreadsheet saves a workbook unless told otherwise. The
// first sheet with any cell becomes the CSV text the readers already take, row for row (a blank
// row stays a blank row, so every message names the row the spreadsheet shows), on the command
// line and in the browser alike (read-excel-file's universal build reads an ArrayBuffer in both).

import { binaryType } from '../binary-kind.ts';
import { SopkitError } from '../errors.ts';
import { csvText } from './csv.ts';

type Cell = string | number | boolean | Date | null | undefined;

/**
 * A cell as the CSV export of the same sheet writes it: a number in its shortest form (1, 0.5), a
 * boolean as true or false, a date as YYYY-MM-DD (with the time when it has one), text as it is.
 */
function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  return String(value);
}

/**
 * Rows of cells as CSV text: every cell quoted, so a comma or a line break in a cell stays in it;
 * a row with no cell filled in is an empty line, as a spreadsheet's CSV writes it (above the
 * header, the CSV reader names such rows).
 */
export function rowsToCsv(rows: readonly (readonly Cell[])[]): string {
  const line = (row: readonly Cell[]) => (row.every((cell) => cellText(cell) === '') ? '' : row.map((cell) => `"${cellText(cell).replace(/"/g, '""')}"`).join(','));
  return rows.map(line).join('\n') + '\n';
}

/** Why a workbook gives no rows, in English (the CLI's message; the pages have their own words). */
export type WorkbookProblem = 'encrypted' | 'unreadable' | 'empty';

/**
 * The rows of the first sheet of an .xlsx workbook that has any cell, or why there are none.
 * @param bytes The file's bytes (a ZIP, or a Compound File holding an encrypted workbook).
 */
export async function workbookRows(bytes: Uint8Array): Promise<{ rows: Cell[][] } | { problem: WorkbookProblem; reason?: string }> {
  if (binaryType(bytes) === 'encrypted') return { problem: 'encrypted' };
  let sheets: { sheet: string; data: Cell[][] }[];
  try {
    const { default: readXlsxFile } = await import('read-excel-file/universal');
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    sheets = (await readXlsxFile(buffer)) as { sheet: string; data: Cell[][] }[];
  } catch (cause) {
    return { problem: 'unreadable', reason: cause instanceof Error ? cause.message.split('\n')[0] : String(cause) };
  }
  const first = sheets.find((s) => s.data.some((row) => row.some((cell) => cellText(cell).trim() !== '')));
  return first ? { rows: first.data } : { problem: 'empty' };
}

/**
 * The text of a table a user gives (responses, evaluation responses, attendance): a CSV file in
 * any encoding a spreadsheet writes (`csvText`), or the first sheet of an .xlsx workbook as CSV.
 * @param bytes The file's bytes.
 * @param file The file's name for messages.
 * @throws SopkitError naming the file: not text and not a workbook, a workbook protected by a
 *   password, one that cannot be read, or one with no cell.
 */
export async function tableText(bytes: Uint8Array, file: string): Promise<string> {
  const type = binaryType(bytes);
  if (type !== 'zip' && type !== 'encrypted') return csvText(bytes, file);
  const book = await workbookRows(bytes);
  if ('rows' in book) return rowsToCsv(book.rows);
  if (book.problem === 'encrypted') throw new SopkitError('csv/encrypted', `${file} is protected by a password, so it cannot be read; open it, remove the password (Excel: File > Info > Protect Workbook > Encrypt with Password, empty the box; LibreOffice: File > Save As without "Save with password") and save it as .xlsx, or as CSV`);
  if (book.problem === 'empty') throw new SopkitError('csv/empty-workbook', `${file}: the workbook has no cell filled in; export the answers again (a header row, then one row per participant)`);
  throw new SopkitError('csv/not-workbook', `${file} is a ZIP archive but not an Excel workbook that can be read (${book.reason}); give the CSV file (from a spreadsheet: File > Save As > CSV UTF-8) or the .xlsx itself`);
}
