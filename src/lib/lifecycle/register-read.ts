import { existsSync, readFileSync, statSync } from 'node:fs';
import { t, uiLanguages, type UiKey } from '../../i18n/index.ts';
import { registerColumns, type RegisterColumnName } from '../../schemas/comment-register.ts';
import { binaryKind, binaryType, columnLetter, decodeText, readCsv } from '../assessment/csv.ts';
import { mergedHeader, mergedHeaderAdvice, readWorkbook, type WorkbookSheet } from '../assessment/workbook.ts';
import { isUserError } from '../errors.ts';

/** A problem with a register, placed by spreadsheet row and column header. */
export interface RegisterProblem {
  /** The register's path as given (relative to the project root in `sopkit check`). */
  file: string;
  /** Spreadsheet row (the header is row 1). */
  row: number;
  /** The column's header as written in the file, when one column is concerned. */
  column?: string;
  /** 1-based column index, for `path:row:col` messages. */
  columnIndex?: number;
  severity: 'error' | 'warning';
  code: string;
  message: string;
}

/** One comment row, cell text by column (empty string when the cell is empty or the column absent). */
export interface RegisterRow {
  row: number;
  cells: Record<RegisterColumnName, string>;
  /** Columns whose cell is a number in the spreadsheet: Excel drops trailing zeros (6.10 → 6.1). */
  numeric: ReadonlySet<RegisterColumnName>;
}

/** A register file read into rows. */
export interface Register {
  file: string;
  /** 1-based index and header text of each register column found. */
  columns: Partial<Record<RegisterColumnName, { index: number; header: string }>>;
  rows: RegisterRow[];
  /** Problems with the file as a whole: unreadable, missing columns, unknown columns. */
  problems: RegisterProblem[];
}

/** Other names spreadsheets use for the same columns (the ISO/IEC template's headings among them). */
const aliases: Record<string, RegisterColumnName> = {
  commenter: 'commenter', organisation: 'commenter', organization: 'commenter', mbnc: 'commenter',
  sop: 'sop', sopid: 'sop', document: 'sop',
  version: 'version',
  section: 'section', clause: 'section', clausesubclause: 'section',
  paragraph: 'paragraph', '¶': 'paragraph', paragraphfiguretable: 'paragraph', paragraphfiguretablenote: 'paragraph',
  line: 'line', linenumber: 'line',
  type: 'type', typeofcomment: 'type',
  comment: 'comment', comments: 'comment',
  proposal: 'proposal', proposedchange: 'proposal',
  decision: 'decision',
  response: 'response', observationsofthesecretariat: 'response',
  // "Modifié en", "modifiée dans": the French template's "modifiée en" as reviewers retype it.
  changedin: 'changedIn', modifiedin: 'changedIn', modifieen: 'changedIn', modifiedans: 'changedIn', modifieedans: 'changedIn',
};

/** A header as matched: lower case, without spaces, `_`, `-`, `/`, `.`, accents or harakat (`Décision` is `decision`). */
const key = (header: string) => header.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\s_\-/.’']+/g, '');

/**
 * The headers of the templates in every language of the UI (`register.col.<name>`: `auteur`,
 * `صاحب الملاحظة`), so a register a French or Arabic reviewer fills in from the template of a
 * translated review copy is read as the English one is.
 */
const localized: Record<string, RegisterColumnName> = Object.fromEntries(
  uiLanguages.flatMap((lang) => registerColumns.map((c) => [key(t(`register.col.${c.name}` as UiKey, lang)), c.name] as const)),
);

/**
 * The register column a header names, matched without regard to case, spaces, `_`, `-`, `/`,
 * `.` or accents, in any language a template is written in, and without what the ISO/IEC
 * template adds to its headings: a hint in brackets ("Clause/Subclause (e.g. 3.1)"), a note mark
 * ("MB/NC¹", "Type of comment²") and line breaks.
 */
export function columnFor(header: string): RegisterColumnName | undefined {
  const bare = key(header.replace(/\([^)]*\)/g, '').replace(/[\u00b9\u00b2\u00b3\u2070-\u2079*]+/g, ''));
  return aliases[bare] ?? localized[bare];
}

/** The comment sheet's name in every language of the templates ("Comments", "Observations"), in lower case. */
const commentSheets = new Set(uiLanguages.map((lang) => t('register.sheet.comments', lang).toLowerCase()));

type RawCell = string | number | boolean | Date | null | undefined;

function cellText(value: RawCell): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** How many of a row's cells name a register column. */
const namedColumns = (cells: readonly RawCell[]) => cells.filter((c) => columnFor(cellText(c))).length;

/** Rows above the header a spreadsheet may have (a title, the date, the document commented on). */
const TITLE_ROWS = 10;

/** The header row of a table (`fromTable`): its cells, its spreadsheet row, and the rows below it. */
function findHeader<Row extends { row: number; cells: readonly RawCell[] }>(first: readonly string[], below: readonly Row[], firstRow = 1): { header: readonly string[]; headerRow: number; rows: readonly Row[] } {
  const best = below.slice(0, TITLE_ROWS).reduce<{ at: number; n: number }>((b, r, at) => {
    const n = namedColumns(r.cells);
    return n > b.n ? { at, n } : b;
  }, { at: -1, n: Math.max(namedColumns(first), 2) });
  if (best.at < 0) return { header: first, headerRow: firstRow, rows: below };
  return { header: below[best.at]!.cells.map(cellText), headerRow: below[best.at]!.row, rows: below.slice(best.at + 1) };
}

/**
 * Rows of cells (the first row, with spreadsheet row numbers) → a register. The header is the first
 * row unless it names fewer register columns than one of the next ten, which then is the header and
 * the rows above it a title (a register kept in a form with a title block, as the ISO/IEC comment
 * template has, or a sheet given a heading before it was sent back).
 */
function fromTable(file: string, first: readonly string[], below: readonly { row: number; cells: readonly RawCell[] }[], firstRow = 1): Register {
  const reg: Register = { file, columns: {}, rows: [], problems: [] };
  const { header, headerRow, rows } = findHeader(first, below, firstRow);
  header.forEach((h, i) => {
    if (!h) return;
    const name = columnFor(h);
    if (!name) {
      reg.problems.push({ file, row: headerRow, column: h, columnIndex: i + 1, severity: 'warning', code: 'register/unknown-column', message: `column ${columnLetter(i + 1)} "${h}" is not a register column and is ignored; the columns are ${registerColumns.map((c) => c.name).join(', ')}` });
    } else if (reg.columns[name]) {
      reg.problems.push({ file, row: headerRow, column: h, columnIndex: i + 1, severity: 'error', code: 'register/duplicate-column', message: `column ${columnLetter(i + 1)} "${h}" repeats column "${reg.columns[name].header}"; keep one` });
    } else reg.columns[name] = { index: i + 1, header: h };
  });
  const missing = registerColumns.filter((c) => c.required && !reg.columns[c.name]).map((c) => c.name);
  if (missing.length) {
    reg.problems.push({ file, row: headerRow, severity: 'error', code: 'register/missing-column', message: `no column ${missing.map((m) => `"${m}"`).join(', ')} in the header row${headerRow > 1 ? ` (row ${headerRow}; the rows above it are taken for a title)` : ''}; start from the template (\`sopkit review-copy <sop>\`) or add ${missing.length > 1 ? 'them' : 'it'}` });
    return reg;
  }
  for (const { row, cells } of rows) {
    const text = {} as Record<RegisterColumnName, string>;
    const numeric = new Set<RegisterColumnName>();
    for (const c of registerColumns) {
      const at = reg.columns[c.name];
      const value = at ? cells[at.index - 1] : undefined;
      text[c.name] = cellText(value);
      if (typeof value === 'number') numeric.add(c.name);
    }
    // The review copy prints "§6.2 ¶3" in its margin, and reviewers copy it: §6.2 is section 6.2
    // (as ¶3 is paragraph 3). They also write "Section 6.2", "sec. 6.2", "6.2." or "6,2" (a French
    // spreadsheet), or copy the title after the number ("6.2 Publish the notice"): each was
    // "no section Section 6.2". The section is the number; a ¶ after it, the paragraph.
    const section = /^(?:§|sect?(?:ion)?\.?|clause)?\s*(\d+(?:[.,]\d+)*)\.?(?:\s*¶\s*(\d+)|\s+[^\d\s¶].*)?$/i.exec(text.section.trim());
    if (section) {
      text.section = section[1]!.replace(/,/g, '.');
      if (section[2] && !text.paragraph) text.paragraph = section[2];
    } else text.section = text.section.replace(/^§\s*/, '');
    // "§6.3 ¶1" copied whole from the margin into the paragraph column: ¶1.
    text.paragraph = text.paragraph.trim().replace(/^§\s*\d+(?:\.\d+)*\s+(?=¶)/, '');
    // The footer prints "v1.2.0".
    text.version = text.version.trim().replace(/^v(?=\d)/i, '');
    // Rows of a template that nobody filled in (only sop, version and section) are not comments.
    if (!text.commenter && !text.comment && !text.proposal && !text.decision && !text.response) continue;
    reg.rows.push({ row, cells: text, numeric });
  }
  return reg;
}

function readCsvRegister(bytes: Uint8Array, file: string): Register {
  const kind = binaryKind(bytes);
  if (kind) return { file, columns: {}, rows: [], problems: [{ file, row: 1, severity: 'error', code: 'register/not-text', message: `not a CSV file: it is ${kind}; save the register from the spreadsheet as CSV (UTF-8) or as .xlsx` }] };
  const text = decodeText(bytes);
  if (!text.trim()) return { file, columns: {}, rows: [], problems: [{ file, row: 1, severity: 'error', code: 'register/empty', message: 'the file is empty; start from the template (a header row, then one comment per row)' }] };
  try {
    // Each row is one comment: a row of the wrong length is named, and the others are still checked.
    // A title typed on its own line(s) above the header is skipped, as a workbook's title rows are.
    const table = readCsv(text, file, undefined, { ragged: 'keep', titles: 'skip' });
    const reg = fromTable(file, table.header, table.rows.map((cells, i) => ({ row: table.rowNumbers[i] ?? i + 2, cells })), table.headerRow);
    const ragged = (table.ragged ?? []).map((r): RegisterProblem => ({ file, row: r.row, severity: 'error', code: 'register/csv', message: `row ${r.row}: ${r.message}` }));
    return { ...reg, problems: [...ragged, ...reg.problems].sort((a, b) => a.row - b.row) };
  } catch (error) {
    if (!isUserError(error)) throw error;
    const where = /row (\d+): (.*)$/.exec(error.message);
    return { file, columns: {}, rows: [], problems: [{ file, row: Number(where?.[1] ?? 1), severity: 'error', code: 'register/csv', message: where?.[2] ?? error.message }] };
  }
}

/**
 * Whether a file is a workbook protected by a password (`binaryType`: a Compound File holding an
 * EncryptedPackage stream), which read-excel-file takes for a legacy .xls, so that the advice to
 * save it again as .xlsx kept the password on.
 */
const isEncryptedWorkbook = (bytes: Uint8Array): boolean => binaryType(bytes) === 'encrypted';

async function readXlsxRegister(bytes: Buffer, file: string): Promise<Register> {
  if (isEncryptedWorkbook(bytes)) {
    return { file, columns: {}, rows: [], problems: [{ file, row: 1, severity: 'error', code: 'register/encrypted', message: 'the workbook is protected by a password, so it cannot be read; open it, remove the password (Excel: File > Info > Protect Workbook > Encrypt with Password, empty the box; LibreOffice: File > Save As without "Save with password") and save it as .xlsx, or as .csv' }] };
  }
  let sheets: WorkbookSheet[];
  try {
    // Merged cells filled: a Section or Reviewer cell merged down over several comments is each one's.
    sheets = await readWorkbook(new Uint8Array(bytes));
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    return { file, columns: {}, rows: [], problems: [{ file, row: 1, severity: 'error', code: 'register/xlsx', message: `not a readable XLSX workbook (${reason}); save it again from the spreadsheet as .xlsx, or as .csv` }] };
  }
  // The sheet named "Comments" (in a template's language), else the first whose header row names register columns.
  const headerOf = (data: RawCell[][]) => (data[0] ?? []).map(cellText);
  const score = (data: RawCell[][]) => Math.max(0, ...data.slice(0, TITLE_ROWS + 1).map(namedColumns));
  // A hidden sheet (an old copy) is not the register its user sees: one only when no visible sheet is.
  const seen = sheets.filter((s) => !s.hidden);
  const chosen = [seen, sheets].map((pool) => pool.find((s) => commentSheets.has(s.sheet.toLowerCase())) ?? pool.find((s) => score(s.data) >= 3)).find((s) => s !== undefined) ?? seen[0] ?? sheets[0];
  const data = chosen?.data ?? [];
  const rows = data.slice(1).map((cells, i) => ({ row: i + 2, cells })).filter((r) => r.cells.some((c) => cellText(c) !== ''));
  const reg = fromTable(file, headerOf(data), rows);
  // A header cell merged over two columns names the first only: the other's values are not read.
  const merge = mergedHeader(data, chosen?.merged ?? [], findHeader(headerOf(data), rows).headerRow - 1);
  if (merge) reg.problems.unshift({ file, row: merge.row, severity: 'error', code: 'register/merged-header', message: mergedHeaderAdvice(merge) });
  // Another sheet kept as a register ("Day 2", a second commenter's sheet) is not read: its open
  // comments let an SOP pass the approval gate. It is an error until its rows are moved.
  for (const other of sheets) {
    if (other === chosen || other.hidden || score(other.data) < 3) continue;
    const theirs = fromTable(file, headerOf(other.data), other.data.slice(1).map((cells, i) => ({ row: i + 2, cells })).filter((r) => r.cells.some((c) => cellText(c) !== '')));
    if (!theirs.rows.length) continue;
    const n = theirs.rows.length;
    reg.problems.push({ file, row: 1, severity: 'error', code: 'register/other-sheet', message: `sheet "${other.sheet}" holds ${n} more comment${n === 1 ? '' : 's'} (rows ${theirs.rows[0]!.row} to ${theirs.rows.at(-1)!.row}), which ${n === 1 ? 'is' : 'are'} not read: only sheet "${chosen?.sheet ?? ''}" is; move ${n === 1 ? 'it' : 'them'} onto that sheet, or save the sheet as a register of its own and list it under comments:` });
  }
  return reg;
}

/**
 * Reads a comment register, CSV or XLSX (ARCHITECTURE.md, Formats: comment register). CSV goes
 * through the project's CSV reader (delimiter, quotes, BOM, encodings); XLSX through
 * read-excel-file, from the sheet named "Comments" or the first sheet with register headers.
 * Never throws for a bad file: what is wrong with it comes back in `problems`.
 * @param path Absolute path of the file.
 * @param file The path to print in messages.
 */
export async function readRegister(path: string, file: string): Promise<Register> {
  if (!existsSync(path)) return { file, columns: {}, rows: [], problems: [{ file, row: 1, severity: 'error', code: 'register/missing', message: 'no such file; check the name and its folder' }] };
  // A folder (or a link to one) named like a register: one problem, not a crash reading it.
  if (statSync(path).isDirectory()) return { file, columns: {}, rows: [], problems: [{ file, row: 1, severity: 'error', code: 'register/not-a-file', message: `${file} is a folder, not a file: list a .csv or .xlsx register under comments:, or rename the folder` }] };
  if (!/\.(xlsx|csv)$/i.test(path)) return { file, columns: {}, rows: [], problems: [{ file, row: 1, severity: 'error', code: 'register/format', message: 'a comment register is a .csv or .xlsx file' }] };
  // Read by what the file holds, not its name: a workbook saved as "x.csv" or a CSV register named
  // "x.xlsx" is read as what it is (a ZIP is a workbook; text with register headers is CSV).
  const bytes = readFileSync(path);
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  // A password-protected workbook returned as "x.csv" must say so too, not "not a CSV file".
  if (zip || isEncryptedWorkbook(bytes) || (/\.xlsx$/i.test(path) && binaryKind(bytes))) return readXlsxRegister(bytes, file);
  const csv = readCsvRegister(new Uint8Array(bytes), file);
  if (/\.csv$/i.test(path) || !csv.problems.some((p) => p.code === 'register/missing-column')) return csv;
  return readXlsxRegister(bytes, file);
}
