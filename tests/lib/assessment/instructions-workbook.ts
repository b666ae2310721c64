import { readFileSync } from 'node:fs';
import { decodeText, readCsv } from '../../../src/lib/assessment/csv.ts';

/** The first sheet of a trainer's template: two lines of instructions, in French. */
export const instructions = [['Saisir les réponses dans la feuille « Réponses », une ligne par participant.'], ['Ne pas modifier les en-têtes.']];

/** A CSV file's header and rows, as `sopkit` reads it. */
export function csvLines(csvPath: string): string[][] {
  const table = readCsv(decodeText(readFileSync(csvPath)), csvPath);
  return [table.header, ...table.rows];
}

/**
 * A trainer's workbook (write-excel-file) that opens on a sheet of instructions, with a CSV file's
 * rows as text cells on the second sheet ("Réponses"), as a template handed round an office is made:
 * the command line, the scoring page and the report page must all read the second sheet.
 */
export async function instructionsFirst(csvPath: string): Promise<Uint8Array<ArrayBuffer>> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const sheet = (rows: string[][]) => rows.map((row) => row.map((value) => (value ? { value } : null)));
  const bytes = await writeXlsxFile([
    { data: sheet(instructions), sheet: 'Instructions' },
    { data: sheet(csvLines(csvPath)), sheet: 'Réponses' },
  ] as never).toBuffer();
  return new Uint8Array(bytes) as Uint8Array<ArrayBuffer>;
}
