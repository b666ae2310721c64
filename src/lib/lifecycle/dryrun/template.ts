import writeXlsxFile from 'write-excel-file/node';
import type { Cell, Sheet } from 'write-excel-file/node';
import { writeCsv } from '../../assessment/csv-write.ts';
import { fixZipTimes } from '../../zip-times.ts';
import { resultColumns } from '../../../schemas/dryrun.ts';
import type { DryRunCase } from './cases.ts';
import { OTHER_STEP_CELL } from './results.ts';

/**
 * The results file to fill in: the header, then one row per step of every case at every site with
 * `case`, `site` and `step` written, in the order of the observation sheets, and after each case's
 * steps a row with `other` under step for what its sheet has under "Other observations". Rows left
 * blank are ignored when the file is read, so a team types only what it observed.
 * @param cases The dry run's cases.
 * @param sites Site ids.
 */
export function resultsTemplate(cases: readonly DryRunCase[], sites: readonly string[]): string {
  return writeCsv([[...resultColumns], ...templateRows(cases, sites)]);
}

function templateRows(cases: readonly DryRunCase[], sites: readonly string[]): string[][] {
  return sites.flatMap((site) => cases.flatMap((c) => [...c.steps.map((s) => s.step), OTHER_STEP_CELL].map((step) => [c.id, site, step, '', '', '', '', ''])));
}

const widths: Record<string, number> = { case: 24, site: 20, step: 8, done: 9, minutes: 9, deviation: 40, issue: 40, proposal: 40 };

/**
 * The results template as an Excel workbook, written with write-excel-file as the comment
 * register's is: the same header and rows as the CSV on one sheet, header frozen, and every cell
 * but `minutes` formatted as text, so a spreadsheet keeps step 6.10 as typed (opened from the CSV
 * and saved, Excel read it as the number 6.1, which the check took for another step) and a case
 * or site id as it is. Deterministic bytes (`fixZipTimes`).
 * @param cases The dry run's cases.
 * @param sites Site ids.
 */
export async function resultsTemplateXlsx(cases: readonly DryRunCase[], sites: readonly string[]): Promise<Uint8Array> {
  const text = (value: string): Cell => ({ value, type: String, format: '@' });
  // Empty cells keep the text format too: what a consultant types under done or step stays text.
  const cell = (col: string, value: string): Cell => (col === 'minutes' ? null : text(value));
  const sheet: Sheet<Buffer> = {
    sheet: 'results',
    stickyRowsCount: 1,
    columns: resultColumns.map((c) => ({ width: widths[c] ?? 14 })),
    data: [resultColumns.map((c) => ({ value: c, type: String, format: '@', fontWeight: 'bold', backgroundColor: '#E1E8F2' })), ...templateRows(cases, sites).map((row) => row.map((v, i) => cell(resultColumns[i]!, v)))],
  };
  return fixZipTimes(new Uint8Array(await writeXlsxFile([sheet]).toBuffer()));
}
