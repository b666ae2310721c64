/**
 * Writes CSV without a parser library, so the test page (which only writes) stays small: commas,
 * double quotes where a cell needs them (RFC 4180), CRLF line ends as spreadsheets expect.
 */

/** What a spreadsheet would run as a formula when a text cell starts with it (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made safe to open in a spreadsheet: one that starts with `=`, `+`, `-`, `@`, a tab
 * or a carriage return gets a leading `'`, which spreadsheets read as "this is text" and do not
 * show. Applied by `writeCsv` to every text cell, on output only; `unprotectCell` undoes it when
 * such a file is read back, so a participant id `+233...` stays `+233...`.
 */
export function protectCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text of a cell written by `protectCell` (or typed with a leading `'` in a spreadsheet). */
export function unprotectCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** One cell, quoted when it holds a comma, a quote, a line break or edge spaces. Numbers stay numbers. */
export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : typeof value === 'number' ? String(value) : protectCell(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes rows as CSV text; text cells are protected against formulas (`protectCell`).
 * @param rows Header first, then data.
 */
export function writeCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * The byte order mark a CSV file for people starts with. Excel (Windows and Mac) opens a CSV
 * without it in the computer's legacy code page, so "Aïcha", "Pré-test" or an Arabic name shows
 * as "AÃ¯cha"; with it, as written. Every reader here removes it (`readCsv`).
 */
export const CSV_BOM = '\uFEFF';

/** CSV text as the content of a file a person opens in a spreadsheet: with the byte order mark, once. */
export function csvFile(text: string): string {
  return text.startsWith(CSV_BOM) ? text : CSV_BOM + text;
}

/** A response as the test page and the template write it: the responses format. */
export interface ResponseRow {
  participant: string;
  name?: string;
  answers: Record<string, readonly string[]>;
}

/**
 * Responses in the responses format: `participant,name,form,<item ids>`, option ids separated by
 * spaces. With no rows it is the blank template for typing in a paper test.
 * @param itemIds The form's item ids, in order.
 * @param form `pre` or `post`.
 * @param rows The responses.
 */
export function responsesCsvFor(itemIds: readonly string[], form: string, rows: readonly ResponseRow[] = []): string {
  return writeCsv([
    ['participant', 'name', 'form', ...itemIds],
    ...rows.map((r) => [r.participant, r.name ?? '', form, ...itemIds.map((id) => (r.answers[id] ?? []).join(' '))]),
  ]);
}
