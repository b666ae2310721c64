// An Excel workbook (.xlsx) where a CSV is expected: KoboToolbox exports as XLSX by default, and a
// trainer who typed paper answers into a spreadsheet saves a workbook unless told otherwise. The
// first sheet with any cell becomes the CSV text the readers already take, row for row (a blank
// row stays a blank row, so every message names the row the spreadsheet shows), on the command
// line and in the browser alike (read-excel-file's universal build reads an ArrayBuffer in both).

import { strFromU8, unzipSync } from 'fflate';
import { binaryType } from '../binary-kind.ts';
import { isUserError, SopkitError } from '../errors.ts';
import { columnLetter, csvText } from './csv.ts';

export type Cell = string | number | boolean | Date | null | undefined;

/**
 * A cell as the CSV export of the same sheet writes it: a number in its shortest form (1, 0.5), a
 * boolean as true or false, a date as YYYY-MM-DD (with the time when it has one), a time alone
 * (a cell where "0:20" was typed) as H:MM or H:MM:SS, text as it is.
 */
function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    // A workbook keeps a date as a fraction of days: 09:05 comes back as 09:04:59.999.
    const iso = new Date(Math.round(value.getTime() / 1000) * 1000).toISOString();
    // A time with no date is a day fraction from the workbook's epoch (1899-12-30, or 1904-01-01):
    // it was written "1899-12-30T00:20:00.000Z", a value nobody typed.
    const time = /^(?:1899-12-3[01]|1904-01-01)T(\d\d):(\d\d):(\d\d)/.exec(iso);
    if (time) return `${Number(time[1])}:${time[2]}${time[3] === '00' ? '' : `:${time[3]}`}`;
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

/** A merged range of a sheet (`<mergeCell ref="B3:B6"/>`): 0-based rows and columns, inclusive. */
export interface MergedRange {
  ref: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A cell that holds no value a reader can take, though it is not empty: an error value (`#N/A`,
 * `#REF!`: a formula that failed) or a formula whose value was never calculated (a workbook
 * written by a program and never opened in a spreadsheet). read-excel-file gives both as an
 * empty cell, so an answer was scored as no answer, and nothing pointed at the cell.
 */
export interface CellFault {
  /** The cell's address, as the spreadsheet shows it ("D2"). */
  ref: string;
  /** The error value ("#N/A"), for an error. */
  error?: string;
  /** The formula (without "="), for a formula with no value. */
  formula?: string;
}

/** A sheet as read: its name, its rows (merged cells filled, `fillMerged`) and its merged ranges. */
export interface WorkbookSheet {
  sheet: string;
  data: Cell[][];
  merged: MergedRange[];
  /** Hidden in the spreadsheet (`state="hidden"` or `"veryHidden"`): not the sheet its user sees. */
  hidden?: boolean;
  /** Cells with an error value or a formula never calculated (`CellFault`). */
  faults?: CellFault[];
}

/** "B3" → [row, column], 0-based. */
function cellAddress(ref: string): [number, number] | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref);
  if (!m) return undefined;
  const column = [...m[1]!.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return [Number(m[2]) - 1, column - 1];
}

/** An XML attribute's text, entities decoded (a sheet named "Q&amp;A" is "Q&A"). */
const xmlText = (text: string) =>
  text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_, hex: string, dec: string, name: string) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name.toLowerCase()]!);

/** An attribute of one XML start tag, whatever its namespace prefix (`r:id`, `ns:id`). */
const attribute = (tag: string, name: string) => {
  const m = new RegExp(`\\s(?:[\\w.-]+:)?${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? xmlText(m[2] ?? m[3] ?? '') : undefined;
};

/** The error values and uncalculated formulas of a sheet's XML (`CellFault`). */
function cellFaults(xml: string): CellFault[] {
  const faults: CellFault[] = [];
  // <c r="D2" t="e"><v>#N/A</v></c>: an error value (with or without the formula that made it).
  for (const [, attrs, value] of xml.matchAll(/<(?:[\w.-]+:)?c\b([^>]*\bt\s*=\s*["']e["'][^>]*)>(?:(?!<\/(?:[\w.-]+:)?c>)[\s\S])*?<(?:[\w.-]+:)?v>([^<]*)</g)) {
    const ref = attribute(`<c${attrs}`, 'r');
    if (ref) faults.push({ ref, error: xmlText(value!).trim() || '#VALUE!' });
  }
  // <c r="D2"><f>LOWER("A")</f></c>: a formula and no <v> after it (a shared formula's later
  // cells write <f t="shared" si="0"/>, with their value in <v> as well).
  for (const [, attrs, formula, after] of xml.matchAll(/<(?:[\w.-]+:)?c\b([^>]*)>\s*<(?:[\w.-]+:)?f\b[^>]*?(?:\/>|>([^<]*)<\/(?:[\w.-]+:)?f>)\s*(<\/(?:[\w.-]+:)?c>|<(?:[\w.-]+:)?v\b)/g)) {
    if (!after!.startsWith('</') || /\bt\s*=\s*["']e["']/.test(attrs!)) continue;
    const ref = attribute(`<c${attrs}`, 'r');
    if (ref) faults.push({ ref, formula: xmlText(formula ?? '').trim() });
  }
  return faults;
}

/** What `readWorkbook` learns of each sheet from the archive itself, beside read-excel-file's rows. */
interface SheetFacts {
  merged: MergedRange[];
  hidden: boolean;
  faults: CellFault[];
}

/**
 * The merged ranges of each sheet, whether it is hidden, and its cells with an error value or a
 * formula never calculated, in the order of `xl/workbook.xml`'s `<sheet>` elements (the order
 * read-excel-file returns the sheets in). A sheet's XML file is not `sheetN.xml` for the
 * N-th sheet: `<sheet r:id="rId3"/>` names a relationship in `xl/_rels/workbook.xml.rels`, whose
 * Target is the file (relative to xl/, or absolute from the archive's root). read-excel-file
 * gives a merged range's value in its top-left cell only and does not return the ranges; it reads
 * hidden sheets as any other, and an error value or a formula with no value as an empty cell.
 */
function sheetFacts(bytes: Uint8Array): SheetFacts[] {
  const files = unzipSync(bytes, { filter: (f) => /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|worksheets\/[^/]+\.xml)$/i.test(f.name) });
  const text = (name: string) => (files[name] ? strFromU8(files[name]!) : '');
  const targets = new Map<string, string>();
  for (const [tag] of text('xl/_rels/workbook.xml.rels').matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  return [...text('xl/workbook.xml').matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)]
    .filter(([tag]) => attribute(tag, 'name') !== undefined)
    .map(([tag]) => {
      const sheet = text(targets.get(attribute(tag, 'id') ?? '') ?? '');
      const ranges: MergedRange[] = [];
      for (const [mergeTag] of sheet.matchAll(/<(?:[\w.-]+:)?mergeCell\b[^>]*>/g)) {
        const ref = attribute(mergeTag, 'ref') ?? '';
        const [from, to = from] = ref.split(':').map(cellAddress);
        if (from && to) ranges.push({ ref, top: Math.min(from[0], to[0]), left: Math.min(from[1], to[1]), bottom: Math.max(from[0], to[0]), right: Math.max(from[1], to[1]) });
      }
      const state = attribute(tag, 'state');
      return { merged: ranges, hidden: state === 'hidden' || state === 'veryHidden', faults: cellFaults(sheet) };
    });
}

/**
 * A sheet's rows with each merged range's value carried down its first column: a reviewer merges
 * the Section (or Reviewer) cell down over the comments on that section, and each of those rows
 * has that section. A range is not carried across columns: a title merged over the header's width
 * stays one cell (a title, not a row of copies), a comment merged over the proposal's column
 * leaves the proposal empty, and a header merged over two columns does not make two columns of
 * one name (`mergedHeader` says so instead). A row the range covers with nothing else in it stays
 * blank, as it looks in the spreadsheet.
 */
export function fillMerged(data: readonly (readonly Cell[])[], merged: readonly MergedRange[]): Cell[][] {
  const blank = data.map((row) => row.every((cell) => cellText(cell).trim() === ''));
  const rows = data.map((row) => [...row]);
  for (const range of merged) {
    const value = rows[range.top]?.[range.left];
    if (cellText(value) === '') continue;
    for (let r = range.top + 1; r <= range.bottom && r < rows.length; r++) {
      const row = rows[r]!;
      if (blank[r] || range.left >= row.length || cellText(row[range.left]) !== '') continue;
      row[range.left] = value;
    }
  }
  return rows;
}

/**
 * A header cell merged over columns that hold values below it: only the first column has the
 * name, so the others' values would be read as a column with no name (or dropped). Undefined when
 * no such merge.
 * @param headerRow 0-based index of the header row.
 */
export function mergedHeader(data: readonly (readonly Cell[])[], merged: readonly MergedRange[], headerRow: number): { ref: string; row: number; name: string; column: string; unnamed: string } | undefined {
  for (const range of merged) {
    if (range.right === range.left || headerRow < range.top || headerRow > range.bottom) continue;
    for (let c = range.left + 1; c <= range.right; c++) {
      if (!data.slice(range.bottom + 1).some((row) => cellText(row[c]).trim() !== '')) continue;
      return { ref: range.ref, row: range.top + 1, name: cellText(data[range.top]?.[range.left]).trim(), column: columnLetter(range.left + 1), unnamed: columnLetter(c + 1) };
    }
  }
  return undefined;
}

/** What to say of `mergedHeader`'s merge, after the file and row. */
export const mergedHeaderAdvice = (m: NonNullable<ReturnType<typeof mergedHeader>>) =>
  `cells ${m.ref} are merged in the header, so only column ${m.column} is named${m.name ? ` "${m.name}"` : ''} and the values in column ${m.unnamed} have no column name; unmerge the cells and give column ${m.unnamed} its own name, or move its values into column ${m.column}`;

/**
 * Every sheet of an .xlsx workbook, merged cells filled (`fillMerged`).
 * @throws what read-excel-file throws for a file it cannot read.
 */
export async function readWorkbook(bytes: Uint8Array): Promise<WorkbookSheet[]> {
  const { default: readXlsxFile } = await import('read-excel-file/universal');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const sheets = (await readXlsxFile(buffer)) as { sheet: string; data: Cell[][] }[];
  let facts: SheetFacts[] = [];
  try {
    facts = sheetFacts(bytes);
  } catch {
    // read-excel-file read the archive; one it cannot be unzipped again is read as it was.
  }
  // Paired by position only when both list the same sheets (a workbook.xml <sheet> with no name
  // is skipped by both).
  if (facts.length !== sheets.length) facts = [];
  return sheets.map((s, i) => {
    const f = facts[i];
    return { sheet: s.sheet, data: fillMerged(s.data, f?.merged ?? []), merged: f?.merged ?? [], ...(f?.hidden ? { hidden: true } : {}), ...(f?.faults.length ? { faults: f.faults } : {}) };
  });
}

/** How many rows from the top of a sheet are searched for its header (a title may be above it). */
const HEADER_ROWS = 11;

/**
 * Which column names a reader knows (an item id, `participant`, `day1`, `case`...): a workbook's
 * sheet is the table when a row near its top names two of them.
 */
export type KnownColumn = (cell: string) => boolean;

/**
 * Every sheet of an .xlsx workbook (`readWorkbook`), or why there are none to read.
 * @param bytes The file's bytes (a ZIP, or a Compound File holding an encrypted workbook).
 */
export async function workbookSheets(bytes: Uint8Array): Promise<{ sheets: WorkbookSheet[] } | { problem: WorkbookProblem; reason?: string }> {
  if (binaryType(bytes) === 'encrypted') return { problem: 'encrypted' };
  try {
    return { sheets: await readWorkbook(bytes) };
  } catch (cause) {
    return { problem: 'unreadable', reason: cause instanceof Error ? cause.message.split('\n')[0] : String(cause) };
  }
}

/**
 * The sheet of a workbook that holds the table: the first sheet that has any cell, or, with
 * `known`, the first sheet whose header (a row among its first eleven) names two known columns:
 * a trainer's workbook opens on a sheet of instructions ("Saisir les réponses dans la feuille
 * Réponses") or a cover, and the answers on the second sheet were never read (its first line was
 * "not an item of the quiz"). Of such sheets, the first with a row under its header: an empty
 * template kept as the first sheet, the answers typed on a copy of it, is passed over. Undefined
 * when no sheet has a cell.
 * @param known The column names of the table looked for; without it, or when no sheet has them,
 *   the first sheet with a cell.
 */
export function tableSheet(sheets: readonly WorkbookSheet[], known?: KnownColumn): WorkbookSheet | undefined {
  // A hidden sheet (an old copy, a lookup list) is not the one its user sees and means: the
  // visible sheets are looked at first, a hidden one only when none of them has the table. A
  // hidden first sheet of wrong answers was scored, the visible one never read.
  const visible = chooseSheet(sheets.filter((s) => !s.hidden), known);
  if (visible.headed || (visible.sheet && !known)) return visible.sheet;
  const any = chooseSheet(sheets, known);
  return any.headed ? any.sheet : (visible.sheet ?? any.sheet);
}

const blankRow = (row: readonly Cell[]) => row.every((cell) => cellText(cell).trim() === '');

/** The row of a sheet's header (a row among its first eleven naming two known columns), or -1. */
function headerRow(s: WorkbookSheet, known: KnownColumn): number {
  const names = (row: readonly Cell[]) => row.map((cell) => cellText(cell).trim()).filter((cell) => cell !== '' && known(cell)).length;
  return s.data.slice(0, HEADER_ROWS).findIndex((row) => names(row) >= 2);
}

/** `tableSheet`'s choice among some sheets, and whether it has a header of known columns. */
function chooseSheet(sheets: readonly WorkbookSheet[], known?: KnownColumn): { sheet?: WorkbookSheet; headed: boolean } {
  const filled = sheets.filter((s) => s.data.some((row) => !blankRow(row)));
  const headed = known ? filled.filter((s) => headerRow(s, known) >= 0) : [];
  // An empty template (the header alone) before the sheet the answers were typed on is passed
  // over: read, it was "a header but no participants".
  const sheet = headed.find((s) => s.data.slice(headerRow(s, known!) + 1).some((row) => !blankRow(row))) ?? headed[0];
  return sheet ? { sheet, headed: true } : { sheet: filled[0], headed: false };
}

/** "D2", "D2 and E2", "D2, E2, F2 and 3 more". */
function cellList(refs: readonly string[]): string {
  if (refs.length <= 1) return refs.join('');
  if (refs.length <= 3) return `${refs.slice(0, -1).join(', ')} and ${refs.at(-1)}`;
  return `${refs.slice(0, 3).join(', ')} and ${refs.length - 3} more`;
}

/**
 * Why the table sheet `tableSheet` chose cannot be read as it is, or undefined:
 * - another visible sheet has a table under the known columns' header too (one sheet per class
 *   group, per site, per tablet; a pre-test sheet and a post-test sheet): only one sheet is read,
 *   and its rows were dropped without a word (the comment register refuses the same,
 *   `register/other-sheet`);
 * - a cell of the sheet holds an error value or a formula never calculated (`CellFault`): read as
 *   an empty cell, an answer became no answer.
 * @param label The file's name for the message.
 */
export function sheetRefusal(sheets: readonly WorkbookSheet[], chosen: WorkbookSheet, known: KnownColumn | undefined, label: string): string | undefined {
  const name = (s: WorkbookSheet) => `sheet "${s.sheet}"`;
  if (known) {
    for (const other of sheets) {
      if (other === chosen || other.hidden) continue;
      const at = headerRow(other, known);
      if (at < 0) continue;
      const rows = other.data.map((row, i) => (i > at && !blankRow(row) ? i + 1 : 0)).filter((n) => n > 0);
      if (!rows.length) continue;
      const n = rows.length;
      return `${label}: ${name(other)} also has ${n} row${n === 1 ? '' : 's'} under a header of the same columns (row${n === 1 ? ` ${rows[0]}` : `s ${rows[0]} to ${rows.at(-1)}`}), and only one sheet of a workbook is read (${name(chosen)}); move ${n === 1 ? 'it' : 'them'} onto ${name(chosen)}, or save each sheet as a file of its own`;
    }
  }
  const faults = chosen.faults ?? [];
  const errors = faults.filter((f) => f.error !== undefined);
  if (errors.length) {
    const values = [...new Set(errors.map((f) => f.error))].join(', ');
    const one = errors.length === 1;
    return `${label}: in ${name(chosen)}, cell${one ? '' : 's'} ${cellList(errors.map((f) => f.ref))} ${one ? 'holds' : 'hold'} ${values} (the error of a formula), not a value; type the value${one ? '' : 's'} in ${one ? 'the cell' : 'those cells'}, or correct the formula, and save the file again`;
  }
  const formulas = faults.filter((f) => f.formula !== undefined);
  if (formulas.length) {
    const one = formulas.length === 1;
    return `${label}: in ${name(chosen)}, cell${one ? '' : 's'} ${cellList(formulas.map((f) => f.ref))} ${one ? `holds the formula =${formulas[0]!.formula}, whose value` : 'hold formulas whose values'} ${one ? 'was' : 'were'} never calculated (the workbook was written by a program, not saved from a spreadsheet); open it in a spreadsheet and save it again, or type the values`;
  }
  return undefined;
}

/**
 * The rows of an .xlsx workbook's sheet that holds the table (`tableSheet`), or why there are none.
 * @param bytes The file's bytes (a ZIP, or a Compound File holding an encrypted workbook).
 * @param known The column names of the table looked for (`tableSheet`).
 */
export async function workbookRows(bytes: Uint8Array, known: KnownColumn | undefined, label: string): Promise<{ rows: Cell[][]; merged: MergedRange[]; refusal?: string } | { problem: WorkbookProblem; reason?: string }> {
  const book = await workbookSheets(bytes);
  if (!('sheets' in book)) return book;
  const sheet = tableSheet(book.sheets, known);
  if (!sheet) return { problem: 'empty' };
  const refusal = sheetRefusal(book.sheets, sheet, known, label);
  return { rows: sheet.data, merged: sheet.merged, ...(refusal ? { refusal } : {}) };
}

/**
 * A workbook's sheet (`workbookRows`) as the CSV text the readers take, on the command line and on
 * the pages alike.
 * @param file The file's name for messages.
 * @throws SopkitError naming the file and row: a header cell merged over a column that has values
 *   (`mergedHeader`).
 */
export function workbookCsv(rows: readonly (readonly Cell[])[], merged: readonly MergedRange[], file: string): string {
  // The header is the first row with a cell (the readers refuse blank rows above it by number).
  const first = rows.findIndex((row) => row.some((cell) => cellText(cell).trim() !== ''));
  const merge = mergedHeader(rows, merged, first);
  // A title merged across the table ("Pre-test answers, Venue X" over A1:S1) is no header: the
  // readers say to delete its row, as for the same title unmerged (this said to unmerge it and
  // give column B a name).
  if (merge && !titleBanner(rows, merged, first)) throw new SopkitError('csv/merged-header', `${file} row ${merge.row}: ${mergedHeaderAdvice(merge)}, and save the file again`);
  return rowsToCsv(rows);
}

/** Whether a row is one filled cell merged across (nearly) the whole width of the rows below it: a title, not a header. */
function titleBanner(rows: readonly (readonly Cell[])[], merged: readonly MergedRange[], row: number): boolean {
  const filled = (cells: readonly Cell[] = []) => cells.filter((cell) => cellText(cell).trim() !== '').length;
  if (row < 0 || filled(rows[row]) !== 1) return false;
  const width = Math.max(0, ...rows.slice(row + 1).map((cells) => cells.reduce<number>((last, cell, i) => (cellText(cell).trim() !== '' ? i + 1 : last), 0)));
  return width >= 2 && merged.some((m) => m.top <= row && m.bottom >= row && m.right - m.left + 1 >= Math.max(2, width * 0.8));
}

/**
 * `workbookCsv` as a page holds it: the CSV text, or the line that refuses the sheet (a header
 * cell merged over a column of values), to show beside the file rather than throw.
 */
export function sheetCsv(rows: readonly (readonly Cell[])[], merged: readonly MergedRange[], file: string): { text: string; error?: string } {
  try {
    return { text: workbookCsv(rows, merged, file) };
  } catch (error) {
    if (!isUserError(error)) throw error;
    return { text: '', error: error.message };
  }
}

/**
 * The text of a table a user gives (responses, evaluation responses, attendance): a CSV file in
 * any encoding a spreadsheet writes (`csvText`), or the first sheet of an .xlsx workbook as CSV
 * (the first whose header names `known` columns, when given: `workbookRows`).
 * @param bytes The file's bytes.
 * @param file The file's name for messages.
 * @param known The column names the reader knows.
 * @throws SopkitError naming the file: not text and not a workbook, a workbook protected by a
 *   password, one that cannot be read, or one with no cell.
 */
export async function tableText(bytes: Uint8Array, file: string, known?: KnownColumn): Promise<string> {
  return (await tableRows(bytes, file, known)).text;
}

/**
 * `tableText`, with the workbook's cells as read (typed: a number stays a number) when the file is
 * an .xlsx, for a reader that needs to know what a spreadsheet made of a cell; none for a CSV.
 * @throws SopkitError as `tableText`.
 */
export async function tableRows(bytes: Uint8Array, file: string, known?: KnownColumn): Promise<{ text: string; rows?: Cell[][] }> {
  const type = binaryType(bytes);
  if (type !== 'zip' && type !== 'encrypted') return { text: csvText(bytes, file) };
  const book = await workbookRows(bytes, known, file);
  if ('rows' in book && book.refusal) throw new SopkitError('csv/workbook-sheet', book.refusal);
  if ('rows' in book) return { text: workbookCsv(book.rows, book.merged, file), rows: book.rows };
  if (book.problem === 'encrypted') throw new SopkitError('csv/encrypted', `${file} is protected by a password, so it cannot be read; open it, remove the password (Excel: File > Info > Protect Workbook > Encrypt with Password, empty the box; LibreOffice: File > Save As without "Save with password") and save it as .xlsx, or as CSV`);
  if (book.problem === 'empty') throw new SopkitError('csv/empty-workbook', `${file}: the workbook has no cell filled in; export the answers again (a header row, then one row per participant)`);
  throw new SopkitError('csv/not-workbook', `${file} is a ZIP archive but not an Excel workbook that can be read (${book.reason}); give the CSV file (from a spreadsheet: File > Save As > CSV UTF-8) or the .xlsx itself`);
}
