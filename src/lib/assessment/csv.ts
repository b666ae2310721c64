import Papa from 'papaparse';
import { binaryKind } from '../binary-kind.ts';
import { SopkitError } from '../errors.ts';
import { unprotectCell } from './csv-write.ts';

/** A CSV file read into cells, with the spreadsheet row number of every data row. */
export interface CsvTable {
  /** Header cells, trimmed. */
  header: string[];
  /** Data rows (blank rows left out), each as long as the header. */
  rows: string[][];
  /** Spreadsheet row number of each data row (the header is row 1, or below the title lines `titles: 'skip'` skipped). */
  rowNumbers: number[];
  /** The header's spreadsheet row: 1, or below title lines skipped. */
  headerRow?: number;
  /** The delimiter found: `,`, `;` or a tab. */
  delimiter: string;
  /**
   * With `{ ragged: 'keep' }`: the rows with more or fewer cells than the header, left out of
   * `rows`, each with what to say (without the file name), so a register or a results file names
   * every such row at once.
   */
  ragged?: { row: number; message: string }[];
}

const DELIMITERS = [',', ';', '\t'] as const;

/** Counts each candidate delimiter in a line, outside double quotes. */
function countOutsideQuotes(line: string): Map<string, number> {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return counts;
}

/**
 * The delimiter of a CSV text, read from its header line: the one of `,` `;` tab that occurs most
 * often outside quotes (a header of one column gives `,`). Spreadsheets in many locales write `;`.
 */
export function detectDelimiter(text: string): string {
  // The first line with a delimiter: a title typed alone on the first line (one cell) has none, and
  // a register of semicolons under it was read with commas, every row "12 cells but the header has 1".
  for (const line of text.split(/\r?\n/, TITLE_SEARCH + 1)) {
    let best: string = ',';
    let most = 0;
    for (const [d, n] of countOutsideQuotes(line)) {
      if (n > most) [best, most] = [d, n];
    }
    if (most) return best;
  }
  return ',';
}

/**
 * Turns a file's bytes into text the way a trainer's spreadsheet meant it: UTF-8 (with or without
 * BOM), UTF-16 with a BOM (Excel's "Unicode text"), or, when the bytes are not valid UTF-8, the
 * Windows-1252 of older Excel "CSV" exports. Works in Node and in the browser.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return decodeWindows1252(bytes);
  }
}

export { BINARY_KINDS, binaryKind, binaryType, type BinaryType } from '../binary-kind.ts';

/**
 * The text of a CSV file (`decodeText`), refused in one line when the file is not text: read as
 * CSV, a workbook's or an image's bytes gave messages about cells and columns ("row 3: 1 cells
 * but the header has 2", 'column A (‰PNG) is not an item').
 * @param bytes The file's bytes.
 * @param file File name for messages.
 * @throws SopkitError naming the file and what it is.
 */
export function csvText(bytes: Uint8Array, file: string): string {
  const kind = binaryKind(bytes);
  if (kind) throw new SopkitError('csv/not-text', `${file} is not a CSV file: it is ${kind}; give the CSV file (from a spreadsheet: File > Save As > CSV UTF-8)`);
  return decodeText(bytes);
}

/**
 * Windows-1252 code points of the bytes 0x80–0x9F (the WHATWG Encoding table; the five bytes the
 * code page leaves undefined keep their C1 code point, as browsers do). Every other byte is the
 * Latin-1 code point of the same number.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Decodes Windows-1252 (older Excel "CSV" on Windows) with SOPKit's own table: Node 20.18.3+,
 * 22.13+ and 24 decode `new TextDecoder('windows-1252')` as ISO-8859-1 (nodejs/node#56542), which
 * turned a reviewer's ’ – € “ ” into invisible control characters (U+0092, U+0096, U+0080…).
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const chunk: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    chunk.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b);
    if (chunk.length === 8192) out += String.fromCharCode(...chunk.splice(0));
  }
  return out + String.fromCharCode(...chunk);
}

/**
 * A cell's text for a message, on one line and cut with an ellipsis past `max` characters: a
 * 4 MB cell pasted by mistake is named, not echoed whole.
 */
export function shorten(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Characters that print as nothing: zero-width spaces and joiners, soft hyphens, bidi marks, byte-order marks. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * `shorten`, in double quotes; a character that prints as nothing is named where it is ("a<U+200B>"):
 * the message `"a​" is not an option` looked like a plain "a", and the trainer could not see what to fix.
 */
export function quoteCell(text: string, max = 40): string {
  const shown = shorten(text, max).replace(INVISIBLE, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
  return `"${shown}"${shown.includes('<U+') && !text.includes('<U+') ? ' (the <U+...> is an invisible character in the cell: delete it)' : ''}`;
}

/** Spreadsheet column name: 1 → A, 27 → AA. */
export function columnLetter(index1: number): string {
  let n = index1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** What an empty file of a kind is told to do: the error code and the advice after "the file is empty; ". */
export interface EmptyAdvice {
  code: string;
  advice: string;
}

/** How a reader tells its header from a title typed above it (`readCsv`'s `header` option). */
export interface HeaderTest {
  /** Whether a filled cell names one of the file's columns (an item id, participant, day1...). */
  known: (cell: string) => boolean;
  /** What the header holds, for the message: `participant, form and one column per item`. */
  holds: string;
}

/** How many rows under a title are searched for the header. */
const TITLE_SEARCH = 10;

/**
 * A title typed above the header ("Pre-test results, March 2026" in A1, the header in row 3) was
 * read as the header: its one cell was "not an item; delete the column", and deleting column A
 * deleted the participant ids. A first row with one filled cell that names no column, over rows
 * of several cells, is refused as a title, naming the row that looks like the header (every
 * filled cell a known column) when there is one; so is a first row of several cells that names
 * no column when such a header row is below it.
 */
function refuseTitleRow(rows: readonly (readonly string[])[], file: string, code: string, test: HeaderTest): void {
  const filled = (cells: readonly string[] = []) => cells.map((c) => c.trim()).filter(Boolean);
  const first = filled(rows[0]);
  const [title, ...more] = first;
  if (title === undefined || first.some(test.known)) return;
  const below = rows.slice(1, TITLE_SEARCH + 1).map((cells) => filled(cells));
  if (!below.some((cells) => cells.length >= 2)) return;
  const at = below.findIndex((cells) => cells.length >= 2 && cells.every(test.known));
  // A title of several cells ("Pre-test", "March 2026"; "Trainer:", "M. Diallo") naming no column,
  // over a row that is the header: its first cell was "not an item; delete the column". Without
  // such a row below, a first row of several cells is the header, and its cells are judged there.
  if (more.length && at < 0) return;
  const rowsAbove = (n: number) => (n === 1 ? 'row 1' : `rows 1 to ${n}`);
  const remedy = at >= 0 ? `delete ${rowsAbove(at + 1)}, above the header in row ${at + 2}` : 'delete the rows above the header';
  throw new SopkitError(code.replace(/\/empty$/, '/title-row'), `${file} row 1: ${quoteCell(title)} looks like a title, not the header; the header (${test.holds}) must be the first row: ${remedy}, and save the file again`);
}

/** Leading lines of at most one filled cell above a row of several, within the title search: 0 when there is none. */
function titleLines(rows: readonly (readonly string[])[]): number {
  const filled = (cells: readonly string[] = []) => cells.filter((c) => c.trim()).length;
  let k = 0;
  while (k < TITLE_SEARCH && k < rows.length && filled(rows[k]) <= 1) k++;
  return k < rows.length && filled(rows[k]) >= 2 ? k : 0;
}

const RESPONSES_EMPTY: EmptyAdvice = { code: 'responses/empty', advice: 'export the responses again (a header row, then one row per participant)' };

/**
 * Reads a CSV text exported by a spreadsheet, the test page or Kobo/ODK: UTF-8 BOM removed, CRLF
 * or LF (both in one file too: rows added in another editor), quoted fields, delimiter detected, the `'` that protects a cell from being run as a
 * formula removed (`'+233...` is `+233...`). Blank rows are skipped; a row with more or fewer cells
 * than the header is an error (it usually means an unquoted delimiter, and guessing would score
 * someone wrongly).
 * @param text The file's text.
 * @param file File name for messages.
 * @param empty What an empty file is told to do (by default: a test's responses, exported again).
 * @param options `ragged: 'keep'` lists rows of the wrong length in `ragged` instead of throwing at
 *   the first (where each row stands alone: a comment, an observation; never a participant's score).
 *   `header`: how to tell the file's header from a title typed above it, which is refused
 *   (`refuseTitleRow`).
 * @throws SopkitError naming the file and row.
 */
export function readCsv(text: string, file: string, empty: EmptyAdvice = RESPONSES_EMPTY, options: { ragged?: 'throw' | 'keep'; header?: HeaderTest; titles?: 'skip' } = {}): CsvTable {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '') {
    throw new SopkitError(empty.code, `${file}: the file is empty; ${empty.advice}`);
  }
  // Blank lines above the header (a spreadsheet's empty first rows): read as the header, an empty
  // line had one column, and every row after it was "more cells than the header", blamed on the
  // delimiter. The header is row 1 in every message about it, so the blank rows are refused here.
  const above = /^(?:[ \t]*(?:\r\n?|\n))+/.exec(clean)?.[0];
  if (above) {
    const n = above.split(/\r\n?|\n/).length - 1;
    throw new SopkitError(empty.code.replace(/\/empty$/, '/blank-first-row'), `${file} row 1: the row is empty, but the first row must be the header (the column names); delete the ${n === 1 ? 'empty row' : `${n} empty rows`} above the header and save the file again`);
  }
  // Excel's delimiter hint (`sep=;`) as the first line: read as the header, every row was "8 cells
  // but the header has 2". Refused in one line rather than read with the rows numbered otherwise
  // than the spreadsheet shows them.
  const hint = /^"?sep=(.)"?[ \t]*(?:\r\n?|\n)/i.exec(clean);
  if (hint) throw new SopkitError(empty.code.replace(/\/empty$/, '/sep-line'), `${file} row 1: "sep=${hint[1]}" is a line telling Excel the delimiter, not the header (the column names); delete row 1 and save the file again (the delimiter is found without it)`);
  const delimiter = detectDelimiter(clean);
  // One kind of line break: papaparse takes the first it sees for the whole file, so rows added
  // with LF to an Excel export (CRLF) ran together into one row of too many cells.
  const parsed = Papa.parse<string[]>(clean.replace(/\r\n?/g, '\n'), { delimiter, newline: '\n', skipEmptyLines: false });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    const row = (quoteError.row ?? 0) + 1;
    throw new SopkitError('responses/quotes', `${file} row ${row}: a quoted cell is not closed (${quoteError.message}); check the quotes in that row`);
  }
  const table = parsed.data.map((cells) => cells.map(unprotectCell));
  if (options.header) refuseTitleRow(table, file, empty.code, options.header);
  // Title lines of one cell above the header (a register's "Comments of the Ministry on SOP-CR-03"),
  // where the reader allows a title: the header is the first row of several cells below them.
  const skip = options.titles === 'skip' ? titleLines(table) : 0;
  const [head = [], ...data] = table.slice(skip);
  const header = head.map((h) => h.trim());
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const ragged: { row: number; message: string }[] = [];
  data.forEach((cells, i) => {
    const row = i + 2 + skip;
    if (cells.every((c) => c.trim() === '')) return;
    if (cells.length !== header.length) {
      const what = cells.length > header.length ? 'more' : 'fewer';
      const message = `${cells.length} cells but the header has ${header.length} (${what}); a value may contain the delimiter "${delimiter === '\t' ? 'tab' : delimiter}" without quotes, or a cell is missing`;
      if (options.ragged === 'keep') {
        ragged.push({ row, message });
        return;
      }
      throw new SopkitError('responses/cell-count', `${file} row ${row}: ${message}`);
    }
    rows.push(cells);
    rowNumbers.push(row);
  });
  return { header, rows, rowNumbers, delimiter, ...(skip ? { headerRow: skip + 1 } : {}), ...(options.ragged === 'keep' ? { ragged } : {}) };
}

export { writeCsv } from './csv-write.ts';
