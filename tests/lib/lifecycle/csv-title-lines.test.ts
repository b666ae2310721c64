import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, readCsv } from '../../../src/lib/assessment/csv.ts';
import { readRegister } from '../../../src/lib/lifecycle/register-read.ts';
import { readResults } from '../../../src/lib/lifecycle/dryrun/results.ts';
import { tempDir } from '../handbook/pdf-tools.ts';
import { handContext } from './hand-case.ts';

// A CSV whose first line is a title typed alone, or Excel's "sep=;" hint: every row was refused as
// "12 cells but the header has 1", and a register's header "had no column commenter".
const header = 'commenter;sop;version;section;paragraph;line;type;comment;proposal;decision;response;changedIn';

describe('a first line that is not the header', () => {
  it('the delimiter is found on the first line that has one', () => {
    expect(detectDelimiter(`Comments of the Ministry\r\n${header}\r\n`)).toBe(';');
    expect(detectDelimiter('a,b\nc;d;e\n')).toBe(',');
    expect(detectDelimiter('one cell\n')).toBe(',');
  });

  it('"sep=;" is refused in one line naming it, in every reader', () => {
    expect(() => readCsv(`sep=;\r\n${header}\r\n`, 'r.csv')).toThrow('r.csv row 1: "sep=;" is a line telling Excel the delimiter, not the header (the column names); delete row 1 and save the file again (the delimiter is found without it)');
  });

  it('a comment register: title lines above the header are skipped, rows keep their spreadsheet numbers', async () => {
    const file = join(tempDir(), 'titled.csv');
    writeFileSync(file, `Comments of the Ministry of Justice on SOP-CR-03\r\n\r\n${header}\r\nA;civil-status-correction;0.5.2;6.2;;;te;After the title;;;;\r\n`);
    const reg = await readRegister(file, 'titled.csv');
    expect(reg.problems).toEqual([]);
    expect(reg.rows.map((r) => [r.row, r.cells.section, r.cells.comment])).toEqual([[4, '6.2', 'After the title']]);
  });

  it("a dry run's results: a title above the header is refused as a title, naming the header's row", () => {
    const text = 'Results: district office\ncase,site,step,done,minutes,deviation,issue,proposal\nc1,s1,1.1,yes,12,,,\n';
    expect(() => readResults(text, 'r.csv', handContext)).toThrow('r.csv row 1: "Results: district office" looks like a title, not the header; the header (case,site,step,done,minutes,deviation,issue,proposal) must be the first row: delete row 1, above the header in row 2, and save the file again');
  });
});
