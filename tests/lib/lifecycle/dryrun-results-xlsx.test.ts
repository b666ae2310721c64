import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { main } from '../../../src/cli/main.ts';
import { readWorkbook } from '../../../src/lib/assessment/workbook.ts';
import type { DryRunCase } from '../../../src/lib/lifecycle/dryrun/cases.ts';
import { readResultsFile, type ResultsContext } from '../../../src/lib/lifecycle/dryrun/results.ts';
import { resultsTemplate } from '../../../src/lib/lifecycle/dryrun/template.ts';
import { resultColumns } from '../../../src/schemas/dryrun.ts';
import { tempDir } from '../handbook/pdf-tools.ts';

// The results template was a CSV only: opened in Excel and saved, step 6.10 came back as the
// number 6.1, and the check read it as step 6.1 (silently when the case takes 6.1 too). The plan
// now writes an .xlsx beside the CSV with its cells formatted as text, and a step a workbook holds
// as a number that may have lost its last zero is an error at its row.
const root = join(import.meta.dirname, '../../..');
const ID = 'birth-registration-2025';
const io = () => {
  const err: string[] = [];
  return { err, io: { out: () => {}, err: (t: string) => err.push(t) } };
};

/** The cells of the first sheet of an .xlsx: reference → its type (`t`) and number format code. */
function cellsOf(bytes: Uint8Array): Map<string, { t?: string; format?: string }> {
  const files = unzipSync(bytes);
  const styles = strFromU8(files['xl/styles.xml']!);
  const formats = new Map([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
  const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf\b([^>]*)>/g)].map((m) => /numFmtId="(\d+)"/.exec(m[1]!)?.[1]);
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
  const out = new Map<string, { t?: string; format?: string }>();
  for (const m of sheet.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)\/?>/g)) {
    const attrs = m[2]!;
    const s = /\bs="(\d+)"/.exec(attrs)?.[1];
    const id = s === undefined ? undefined : xfs[Number(s)];
    // Built-in format 49 is "@" too.
    out.set(m[1]!, { t: /\bt="(\w+)"/.exec(attrs)?.[1], format: id === undefined ? undefined : id === '49' ? '@' : formats.get(id) });
  }
  return out;
}

describe('the results template as an Excel workbook', () => {
  it('plan writes it beside the CSV: the same rows, read back as text, case, site and step cells formatted as text', async () => {
    const out = tempDir();
    const r = io();
    expect(await main(['dryrun', 'plan', ID, '--out', out, '--root', root], r.io)).toBe(0);
    const path = join(out, `${ID}-results-template.xlsx`);
    expect(r.err).toContain(`wrote ${path}`);
    const bytes = new Uint8Array(readFileSync(path));
    const csv = readFileSync(join(out, `${ID}-results-template.csv`), 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((l) => l.split(','));
    const [sheet] = await readWorkbook(bytes);
    // Every cell read back as the CSV has it, as a string (a step 6.10 would stay 6.10).
    expect(sheet!.data.map((row) => row.map((c) => c ?? ''))).toEqual(csv);
    expect(sheet!.data.slice(1).every((row) => row.slice(0, 3).every((c) => typeof c === 'string'))).toBe(true);
    const cells = cellsOf(bytes);
    for (let row = 2; row <= csv.length; row++) {
      for (const col of ['A', 'B', 'C']) expect(cells.get(`${col}${row}`), `${col}${row}`).toMatchObject({ t: 's', format: '@' });
      // done, deviation, issue and proposal are typed into: text too, before anything is typed.
      for (const col of ['D', 'F', 'G', 'H']) expect(cells.get(`${col}${row}`)?.format, `${col}${row}`).toBe('@');
    }
  });
});

const step = (s: string) => ({ state: `s${s}`, step: s, title: `Step ${s}`, forms: [] });
const cases: DryRunCase[] = [
  { id: 'long-case', title: 'Long case', description: '', outcome: 'Done', steps: [step('6.1'), step('6.9'), step('6.10')] },
  { id: 'short-case', title: 'Short case', description: '', outcome: 'Done', steps: [step('6.3')] },
];
const ctx: ResultsContext = { cases, sites: ['office'], sections: new Set(['6.1', '6.3', '6.9', '6.10']) };

/** A results workbook with the rows given; a number is written as a number cell, as Excel saves a step typed into a cell of General format. */
async function workbook(rows: (string | number)[][]): Promise<Uint8Array> {
  const cell = (v: string | number) => (typeof v === 'number' ? { value: v, type: Number } : { value: v, type: String });
  return new Uint8Array(await writeXlsxFile([{ data: [resultColumns.map((c) => cell(c)), ...rows.map((r) => r.map(cell))] }]).toBuffer());
}

describe('a step a workbook holds as a number', () => {
  it('6.1 where the case takes 6.10 (and 6.1): an error at its row, saying the cell may have lost its last zero', async () => {
    const bytes = await workbook([
      ['long-case', 'office', '6.1', 'yes', 5, '', '', ''],
      ['long-case', 'office', 6.1, 'yes', 7, '', '', ''],
    ]);
    const results = await readResultsFile(bytes, 'results.xlsx', ctx);
    const errors = results.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.code, p.row])).toEqual([['dryrun/step-number', 3]]);
    expect(errors[0]!.message).toMatch(/^row 3, column C \(step\): step 6\.1 is a number in this workbook, not text.*6\.10.*format the step column as text/);
    expect(results.rows.map((r) => r.step)).toEqual(['6.1']);
  });

  it('a number that cannot be another step is read as before, and a CSV has no types to check', async () => {
    const bytes = await workbook([['short-case', 'office', 6.3, 'yes', 5, '', '', '']]);
    const results = await readResultsFile(bytes, 'results.xlsx', ctx);
    expect(results.problems).toEqual([]);
    expect(results.rows.map((r) => r.step)).toEqual(['6.3']);
    const csv = new TextEncoder().encode(resultsTemplate(cases, ['office']).replace('long-case,office,6.1,,', 'long-case,office,6.1,yes,5'));
    expect((await readResultsFile(csv, 'results.csv', ctx)).problems).toEqual([]);
  });
});
