/**
 * Writes CSV without a parser library, so the test page (which only writes) stays small: commas,
 * double quotes where a cell needs them (RFC 4180), CRLF line ends as spreadsheets expect.
 */

/** One cell, quoted when it holds a comma, a quote, a line break or edge spaces. */
export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes rows as CSV text.
 * @param rows Header first, then data.
 */
export function writeCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Text a spreadsheet would run as a formula (`=`, `+`, `@`) is prefixed with `'` (CSV injection). */
export function safeText(text: string): string {
  return /^[=+@\t\r]/.test(text) ? `'${text}` : text;
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
    ...rows.map((r) => [safeText(r.participant), safeText(r.name ?? ''), form, ...itemIds.map((id) => (r.answers[id] ?? []).join(' '))]),
  ]);
}
