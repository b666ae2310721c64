import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { checkRegisters } from '../../../src/lib/lifecycle/register-check.ts';
import { readRegister } from '../../../src/lib/lifecycle/register-read.ts';
import { registerTemplateCsv, registerTemplateXlsx } from '../../../src/lib/lifecycle/register-template.ts';
import { outlineLookup } from '../../../src/lib/lifecycle/versions.ts';

const fixtures = join(import.meta.dirname, '../../fixtures/lifecycle');
const registers = join(fixtures, 'registers');
const project = loadProject(join(fixtures, 'project'));
const temp = mkdtempSync(join(tmpdir(), 'sopkit-registers-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function check(...names: string[]) {
  const read = await Promise.all(names.map((n) => readRegister(join(registers, n), n)));
  return checkRegisters(read, project, outlineLookup(project));
}

/** Each bad row of broken.csv, with the column (header) it is reported in: worked out by hand. */
const expectedErrors = [
  { row: 2, column: 'sop', code: 'register/unknown-sop' },
  { row: 3, column: 'version', code: 'register/unknown-version' },
  { row: 4, column: 'section', code: 'register/unknown-section' },
  { row: 5, column: 'paragraph', code: 'register/unknown-paragraph' },
  { row: 6, column: 'type', code: 'register/bad-type' },
  { row: 7, column: 'decision', code: 'register/bad-decision' },
  { row: 8, column: 'response', code: 'register/no-response' },
  { row: 9, column: 'commenter', code: 'register/no-commenter' },
  { row: 10, column: 'comment', code: 'register/no-comment' },
  { row: 11, column: 'line', code: 'register/bad-line' },
  { row: 12, column: 'changedIn', code: 'register/changed-before' },
  { row: 13, column: 'version', code: 'register/bad-version' },
  { row: 14, column: 'paragraph', code: 'register/unknown-paragraph' },
];

describe('comment register checks', () => {
  for (const name of ['broken.csv', 'broken-libreoffice.xlsx']) {
    it(`${name}: one error per bad row, naming its row and column; the good rows pass`, async () => {
      const { problems, comments } = await check(name);
      const errors = problems.filter((p) => p.severity === 'error').map((p) => ({ row: p.row, column: p.column, code: p.code }));
      expect(errors).toEqual(expectedErrors);
      for (const p of problems) expect(p.message.startsWith(`row ${p.row}`) || p.code === 'register/version-not-checkable').toBe(true);
      // Rows 15, 16 and 17 are comments; row 18 is an untouched template row and is skipped.
      expect(comments.map((c) => c.row)).toEqual([15, 16, 17]);
      expect(comments[0]).toMatchObject({ sop: 'alpha', version: '0.2.0', section: '6.10', paragraph: '2', line: '57', type: 'technical', decision: undefined });
      expect(comments[1]).toMatchObject({ type: 'editorial', decision: 'noted' });
    });
  }

  it('says once per register which rows could not be checked, and reports the duplicate', async () => {
    const { problems } = await check('broken.csv');
    const warnings = problems.filter((p) => p.severity === 'warning');
    expect(warnings.map((w) => [w.row, w.code])).toEqual([
      [16, 'register/version-not-checkable'],
      [17, 'register/duplicate'],
    ]);
    expect(warnings[0]?.message).toContain('alpha 0.1.0 (row 16)');
    expect(warnings[1]?.message).toContain('the same comment as row 15');
  });

  it('merges registers and reports a comment found in two of them', async () => {
    const { problems, comments } = await check('broken.csv', 'broken-libreoffice.xlsx');
    expect(comments).toHaveLength(6);
    const dup = problems.filter((p) => p.code === 'register/duplicate' && p.file === 'broken-libreoffice.xlsx').map((p) => p.row);
    expect(dup).toEqual([15, 16, 17]);
  });

  it('warns when a spreadsheet stored a section as a number that could be 6.10 (saved by LibreOffice)', async () => {
    const { problems, comments } = await check('numeric-section-libreoffice.xlsx');
    expect(problems.map((p) => [p.row, p.column, p.code, p.severity])).toEqual([[2, 'section', 'register/section-as-number', 'warning']]);
    expect(comments.map((c) => c.section)).toEqual(['6.1', '6.2']);
  });

  it('reads the ISO/IEC template\'s headings as its form prints them: note marks, hints in brackets, line breaks', async () => {
    const { columnFor } = await import('../../../src/lib/lifecycle/register-read.ts');
    expect(['MB/NC\u00b9', 'Line number\n(e.g. 17)', 'Clause/\nSubclause\n(e.g. 3.1)', 'Paragraph/\nFigure/ Table/\n(e.g. Table 1)', 'Type of comment\u00b2', 'Proposed change', 'Observations of the secretariat'].map(columnFor)).toEqual(['commenter', 'line', 'section', 'paragraph', 'type', 'proposal', 'response']);
    expect(columnFor('Remarks (internal)')).toBeUndefined();
  });

  it('reads the French template\'s "modifiée en" as reviewers retype it: Modifié en, modifiée dans, Modified in', async () => {
    const { columnFor } = await import('../../../src/lib/lifecycle/register-read.ts');
    expect(['modifiée en', 'Modifié en', 'Modifiée dans', 'Modified in', 'changed in'].map(columnFor)).toEqual(['changedIn', 'changedIn', 'changedIn', 'changedIn', 'changedIn']);
  });

  it('reads the headings of the ISO/IEC template, a semicolon delimiter and a BOM', async () => {
    const { problems, comments } = await check('iso-headers.csv');
    expect(problems).toEqual([]);
    expect(comments).toMatchObject([{ commenter: '[Ministry of Health]', section: '6.1', paragraph: '2', type: 'general', decision: 'noted', comment: 'An ISO-style register; semicolons, a BOM and CRLF.' }]);
  });

  // title-rows.csv: the ISO/IEC headings under a title, a line naming the commenter and an empty
  // row, as a spreadsheet saves them (semicolons, BOM, CRLF); title-rows.xlsx: a heading and a
  // blank row above the register's own column names (written by write-excel-file).
  it('finds the header under title rows, and reports rows by their number in the spreadsheet', async () => {
    const { problems, comments } = await check('title-rows.csv', 'title-rows.xlsx');
    expect(problems).toEqual([]);
    expect(comments.map((c) => [c.file, c.row, c.commenter, c.section, c.type, c.comment])).toEqual([
      ['title-rows.csv', 5, '[Ministry of Health]', '6.1', 'general', 'Under a title block, as the ISO/IEC form has one.'],
      ['title-rows.xlsx', 5, '[Ministry of Health]', '6.2', 'technical', 'Below a heading the reviewer added.'],
    ]);
  });

  it('names the header row it took when that row lacks a column', async () => {
    const text = readFileSync(join(registers, 'title-rows.csv'), 'utf8').replace(';Type of comment;', ';Kind;');
    writeFileSync(join(temp, 'title-no-type.csv'), text);
    const { problems } = checkRegisters([await readRegister(join(temp, 'title-no-type.csv'), 'title-no-type.csv')], project, outlineLookup(project));
    expect(problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.code, p.message])).toEqual([
      [4, 'register/missing-column', 'no column "type" in the header row (row 4; the rows above it are taken for a title); start from the template (`sopkit review-copy <sop>`) or add it'],
    ]);
  });

  it('reports a missing column and an unreadable workbook in one line each, without throwing', async () => {
    const { problems } = await check('missing-column.csv', 'corrupt.xlsx');
    expect(problems.map((p) => [p.file, p.row, p.code])).toEqual([
      ['missing-column.csv', 1, 'register/missing-column'],
      ['corrupt.xlsx', 1, 'register/xlsx'],
    ]);
    expect(problems[0]?.message).toContain('"type"');
  });

  // password-protected.xlsx: a Compound File with the EncryptionInfo (agile, 4.4) and
  // EncryptedPackage streams of a workbook Excel encrypted; `file` names it "CDFV2 Encrypted".
  it('says that a workbook protected by a password must have the password removed, not that it is an old .xls', async () => {
    const { problems } = await check('password-protected.xlsx');
    expect(problems.map((p) => [p.file, p.row, p.severity, p.code])).toEqual([['password-protected.xlsx', 1, 'error', 'register/encrypted']]);
    expect(problems[0]?.message).toContain('protected by a password');
    expect(problems[0]?.message).toContain('remove the password');
    expect(problems[0]?.message).not.toContain('.xls`');
  });

  // A third-party file: the password-protected workbook msoffcrypto-tool decrypts in its own tests
  // (Excel-made, not by us; msoffcrypto/README.md), returned by a commenter under another name.
  it('says the same of a real password-protected Excel workbook, whatever the file is called', async () => {
    copyFileSync(join(registers, 'msoffcrypto/example_password.xlsx'), join(temp, 'comments-final.csv'));
    const read = await readRegister(join(temp, 'comments-final.csv'), 'comments-final.csv');
    const { problems, comments } = checkRegisters([read], project, outlineLookup(project));
    expect(comments).toEqual([]);
    expect(problems.map((p) => [p.file, p.row, p.severity, p.code])).toEqual([['comments-final.csv', 1, 'error', 'register/encrypted']]);
    expect(problems[0]?.message).toContain('remove the password');
  });

  it('reads a register by what the file holds: a workbook saved as .csv, a CSV named .xlsx; a photo is named as such', async () => {
    copyFileSync(join(registers, 'numeric-section-libreoffice.xlsx'), join(temp, 'returned-by-email.csv'));
    copyFileSync(join(registers, 'iso-headers.csv'), join(temp, 'iso-headers.xlsx'));
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    writeFileSync(join(temp, 'photo-of-register.csv'), png);
    const read = await Promise.all(['returned-by-email.csv', 'iso-headers.xlsx', 'photo-of-register.csv'].map((n) => readRegister(join(temp, n), n)));
    const { problems, comments } = checkRegisters(read, project, outlineLookup(project));
    expect(comments.map((c) => [c.file, c.section])).toEqual([['returned-by-email.csv', '6.1'], ['returned-by-email.csv', '6.2'], ['iso-headers.xlsx', '6.1']]);
    expect(problems.filter((p) => p.severity === 'error').map((p) => [p.file, p.row, p.code, p.message])).toEqual([
      ['photo-of-register.csv', 1, 'register/not-text', 'not a CSV file: it is a PNG image; save the register from the spreadsheet as CSV (UTF-8) or as .xlsx'],
    ]);
  });
});

// merged.xlsx and merged-header.xlsx are written by make-merged.mjs beside them (its comment says
// what each row holds): cells merged as reviewers merge them, in a workbook whose sheet files are
// not numbered in the order of its sheets.
describe('a register with merged cells', () => {
  it('gives each row a reviewer, SOP, version and section merged down over it; a title and a comment merged across stay one cell', async () => {
    const { problems, comments } = await check('merged.xlsx');
    expect(problems).toEqual([]);
    expect(comments.map((c) => [c.row, c.commenter, c.sop, c.version, c.section, c.paragraph, c.comment, c.proposal])).toEqual([
      [3, '[Ministry of Health]', 'alpha', '0.2.0', '6.2', '1', 'First comment on 6.2.', ''],
      [4, '[Ministry of Health]', 'alpha', '0.2.0', '6.2', '2', 'Second comment on 6.2.', ''],
      [5, '[Ministry of Health]', 'alpha', '0.2.0', '6.2', '3', 'Third comment on 6.2.', ''],
      [6, '[Ministry of Health]', 'alpha', '0.2.0', '6.1', '2', 'A comment merged over the proposal column.', ''],
      [7, '[Statistics Office]', 'alpha', '0.2.0', '6.3', '1', 'Another reviewer, under the same SOP and version.', ''],
      [9, '[Civil Registry]', 'alpha', '0.2.0', '6.4', '2', 'After a blank row.', ''],
    ]);
  });

  it('refuses a header cell merged over a column that has values, naming the cells and what to do', async () => {
    const { problems, comments } = await check('merged-header.xlsx');
    expect(problems.filter((p) => p.severity === 'error').map((p) => [p.file, p.row, p.code, p.message])).toEqual([
      ['merged-header.xlsx', 1, 'register/merged-header', 'cells H1:I1 are merged in the header, so only column H is named "comment" and the values in column I have no column name; unmerge the cells and give column I its own name, or move its values into column H'],
    ]);
    expect(comments).toHaveLength(2);
  });
});

describe('the line a comment cites', () => {
  it('warns at a register with no comment in it: a header alone, or the template untouched', async () => {
    const header = join(temp, 'header-only.csv');
    writeFileSync(header, 'commenter,sop,version,section,type,comment\n');
    const template = join(temp, 'template.csv');
    const alpha = project.sops.find((s) => s.id === 'alpha')!;
    writeFileSync(template, registerTemplateCsv(alpha as typeof alpha & { data: NonNullable<typeof alpha.data> }));
    for (const [file, name] of [[header, 'header-only.csv'], [template, 'template.csv']] as const) {
      const { problems, comments } = checkRegisters([await readRegister(file, name)], project, outlineLookup(project));
      expect(comments, name).toEqual([]);
      expect(problems.map((p) => [p.row, p.severity, p.code]), name).toEqual([[1, 'warning', 'register/no-comments']]);
    }
  });

  it('names every row of the wrong length, and still checks the other rows', async () => {
    const file = join(temp, 'commas.csv');
    writeFileSync(file, ['commenter,sop,version,section,type,comment', '[Registrar, District 4],alpha,0.2.0,6.2,editorial,Unquoted comma.', '[Registry],alpha,0.2.0,6.2,nonsense,Bad type.', '[Registry],alpha,0.2.0,6.2,editorial,Fine.', '[Clerk, District 9],alpha,0.2.0,6.2,editorial,Another.', ''].join('\n'));
    const { problems, comments } = checkRegisters([await readRegister(file, 'commas.csv')], project, outlineLookup(project));
    expect(problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.code])).toEqual([[2, 'register/csv'], [3, 'register/bad-type'], [5, 'register/csv']]);
    expect(problems[0]!.message).toBe('row 2: 7 cells but the header has 6 (more); a value may contain the delimiter "," without quotes, or a cell is missing');
    expect(comments.map((c) => c.row)).toEqual([4]);
  });

  it('reads §6.2 and ¶3 as the review copy prints them in its margin', async () => {
    const file = join(temp, 'marks.csv');
    writeFileSync(file, ['commenter,sop,version,section,paragraph,type,comment', '[Registry],alpha,0.2.0,§6.2,¶1,editorial,As printed.', '[Registry],alpha,0.2.0,§ 6.10,,technical,With a space.', '[Registry],alpha,0.2.0,§9.9,,technical,No such section.', ''].join('\n'));
    const { problems, comments } = checkRegisters([await readRegister(file, 'marks.csv')], project, outlineLookup(project));
    expect(comments.map((c) => [c.row, c.section, c.paragraph])).toEqual([[2, '6.2', '¶1'], [3, '6.10', '']]);
    expect(problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.code])).toEqual([[4, 'register/unknown-section']]);
  });

  it('reads a section, version and SOP as reviewers write them: Section 6.1, sec. 6.1, 6.1., 6,1, 6.1 with its title, §6.1 ¶1, v0.2.0, the SOP code', async () => {
    const file = join(temp, 'messy.csv');
    const rows = [
      ['Section 6.1', '', '0.2.0', 'alpha', 'One.'],
      ['sec. 6.1', '1', '0.2.0', 'alpha', 'Two.'],
      ['6.1.', '', 'v0.2.0', 'alpha', 'Three.'],
      ['"6,1"', '', '0.2.0', 'SOP-LC-01', 'Four.'],
      ['6.1 Receive the declaration', '', '0.2.0', 'sop-lc-01', 'Five.'],
      ['§6.1 ¶1', '', '0.2.0', 'alpha', 'Six.'],
      ['6.1', '§6.1 ¶1', '0.2.0', 'alpha', 'Seven.'],
      ['6.1', '1', '0.2.0', 'alpha', 'Six.'],
      ['2026-02-06', '', '0.2.0', 'alpha', 'Eight.'],
    ].map(([section, paragraph, version, sop, comment]) => `[Registry],${sop},${version},${section},${paragraph},technical,${comment}`);
    writeFileSync(file, ['commenter,sop,version,section,paragraph,type,comment', ...rows, ''].join('\n'));
    const { problems, comments } = checkRegisters([await readRegister(file, 'messy.csv')], project, outlineLookup(project));
    expect(comments.slice(0, 8).map((c) => [c.sop, c.version, c.section, c.paragraph])).toEqual([
      ['alpha', '0.2.0', '6.1', ''], ['alpha', '0.2.0', '6.1', '1'], ['alpha', '0.2.0', '6.1', ''], ['alpha', '0.2.0', '6.1', ''],
      ['alpha', '0.2.0', '6.1', ''], ['alpha', '0.2.0', '6.1', '1'], ['alpha', '0.2.0', '6.1', '¶1'], ['alpha', '0.2.0', '6.1', '1'],
    ]);
    expect(problems.map((p) => [p.row, p.severity, p.code])).toEqual([[9, 'warning', 'register/duplicate'], [10, 'error', 'register/unknown-section']]);
    expect(problems[1]!.message).toMatch(/has no section 2026-02-06 .*; the cell holds a date: a spreadsheet turned a section number into one/);
  });

  it('takes one line or the first and last line of a passage, and refuses a range written backwards', async () => {
    const file = join(temp, 'ranges.csv');
    writeFileSync(file, [
      'commenter,sop,version,section,line,type,comment',
      '[Registry],alpha,0.2.0,6.2,57-59,editorial,A hyphen.',
      '[Registry],alpha,0.2.0,6.2,57 – 59,editorial,An en dash with spaces.',
      '[Registry],alpha,0.2.0,6.2,57 to 59,editorial,In words.',
      '[Registry],alpha,0.2.0,6.2,12,editorial,One line.',
      '[Registry],alpha,0.2.0,6.2,59-57,editorial,Backwards.',
      '[Registry],alpha,0.2.0,6.2,57-,editorial,No end.',
      '',
    ].join('\n'));
    const { problems, comments } = checkRegisters([await readRegister(file, 'ranges.csv')], project, outlineLookup(project));
    expect(comments.map((c) => [c.row, c.line])).toEqual([[2, '57–59'], [3, '57–59'], [4, '57–59'], [5, '12']]);
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.row, p.code])).toEqual([[6, 'register/bad-line'], [7, 'register/bad-line']]);
    expect(errors[0]!.message).toContain('"59-57" runs backwards; write the first line of the passage, then the last (57-59)');
    expect(errors[1]!.message).toContain('or the first and last line of a passage (57-59)');
  });

  it('checks the end of a range against the length of the review copy', async () => {
    const file = join(temp, 'range-past-end.csv');
    writeFileSync(file, 'commenter,sop,version,section,line,type,comment\n[Registry],alpha,0.2.0,6.2,100-900,editorial,Runs off the end.\n');
    const counts = new Map([['alpha@0.2.0', { a4: 120, letter: 118 }]]);
    const { problems } = checkRegisters([await readRegister(file, 'range-past-end.csv')], project, outlineLookup(project), counts);
    expect(problems.map((p) => p.code)).toEqual(['register/line-beyond']);
    expect(problems[0]!.message).toContain('line 100–900 is past the end of the review copy of alpha 0.2.0, whose text has 120 lines on A4 paper, 118 on letter');
  });
});

describe('comment register templates', () => {
  const sop = project.sops[0]! as typeof project.sops[0] & { data: NonNullable<(typeof project.sops)[0]['data']> };

  it('CSV and XLSX: one row per section with SOP, version and section, read back as no comment at all', async () => {
    writeFileSync(join(temp, 'template.csv'), registerTemplateCsv(sop));
    writeFileSync(join(temp, 'template.xlsx'), await registerTemplateXlsx(sop));
    for (const name of ['template.csv', 'template.xlsx']) {
      const reg = await readRegister(join(temp, name), name);
      expect(reg.problems).toEqual([]);
      expect(Object.keys(reg.columns)).toHaveLength(12);
      expect(reg.rows).toEqual([]);
    }
    expect(registerTemplateCsv(sop).split('\r\n').filter(Boolean).slice(1).map((l) => l.split(',').slice(1, 4).join(' '))).toEqual(sop.sections.map((s) => `alpha 0.2.0 ${s.number}`));
  });

  it('the XLSX template has the same bytes whenever it is written (its ZIP entries carry no clock time)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-01-05T08:30:00Z'));
      const first = await registerTemplateXlsx(sop);
      vi.setSystemTime(new Date('2027-06-15T17:45:12Z'));
      const second = await registerTemplateXlsx(sop);
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a workbook with comments on a second sheet, which is not read (open comments there passed the approval gate)', async () => {
    const writeXlsxFile = (await import('write-excel-file/node')).default;
    const header = ['commenter', 'sop', 'version', 'section', 'paragraph', 'line', 'type', 'comment', 'proposal', 'decision', 'response', 'changedIn'].map((value) => ({ value }));
    const row = (who: string, decision: string) => [who, 'alpha', '0.2.0', '6.1', '1', '', 'technical', 'Say who signs.', 'Name the registrar.', decision, decision ? 'Done.' : '', ''].map((value) => ({ value }));
    const sheets = [
      { sheet: 'Comments', data: [header, row('[Ministry of Health]', 'accepted')] },
      { sheet: 'Day 2', data: [header, row('[Ministry of Interior]', ''), row('[Civil society]', '')] },
      { sheet: 'Notes', data: [[{ value: 'Two days of workshop.' }]] },
    ];
    writeFileSync(join(temp, 'two-sheets.xlsx'), await writeXlsxFile(sheets).toBuffer());
    const reg = await readRegister(join(temp, 'two-sheets.xlsx'), 'two-sheets.xlsx');
    expect(reg.rows).toHaveLength(1);
    expect(reg.problems.map((p) => [p.severity, p.code, p.message])).toEqual([
      ['error', 'register/other-sheet', 'sheet "Day 2" holds 2 more comments (rows 2 to 3), which are not read: only sheet "Comments" is; move them onto that sheet, or save the sheet as a register of its own and list it under comments:'],
    ]);
  });

  it('reads the visible sheet of a workbook whose first sheet, an old copy of the register, is hidden', async () => {
    // The hidden copy's comments were read (still open), the register its user sees was not.
    const writeXlsxFile = (await import('write-excel-file/node')).default;
    const { unzipSync, zipSync, strFromU8, strToU8 } = await import('fflate');
    const header = ['commenter', 'sop', 'version', 'section', 'paragraph', 'line', 'type', 'comment', 'proposal', 'decision', 'response', 'changedIn'].map((value) => ({ value }));
    const row = (who: string, decision: string) => [who, 'alpha', '0.2.0', '6.1', '1', '', 'technical', 'Say who signs.', 'Name the registrar.', decision, decision ? 'Done.' : '', ''].map((value) => ({ value }));
    const sheets = [
      { sheet: 'Old copy', data: [header, row('[Ministry of Health]', ''), row('[Civil society]', '')] },
      { sheet: 'Register', data: [header, row('[Ministry of Health]', 'accepted'), row('[Civil society]', 'accepted')] },
    ];
    const files = unzipSync(new Uint8Array(await writeXlsxFile(sheets).toBuffer()));
    const book = strFromU8(files['xl/workbook.xml']!);
    expect(book).toMatch(/<sheet [^>]*name="Old copy"/);
    files['xl/workbook.xml'] = strToU8(book.replace(/(<sheet [^>]*name="Old copy")/, '$1 state="hidden"'));
    writeFileSync(join(temp, 'hidden-copy.xlsx'), zipSync(files));
    const reg = await readRegister(join(temp, 'hidden-copy.xlsx'), 'hidden-copy.xlsx');
    expect(reg.problems).toEqual([]);
    expect(reg.rows.map((r) => r.cells.decision)).toEqual(['accepted', 'accepted']);
  });

  it('a filled-in XLSX template keeps 6.10 as text and checks clean', async () => {
    copyFileSync(join(temp, 'template.xlsx'), join(temp, 'filled.xlsx'));
    const reg = await readRegister(join(temp, 'filled.xlsx'), 'filled.xlsx');
    const sectionCol = reg.columns.section!.index;
    expect(sectionCol).toBe(4);
    // The template's sections are text cells: 6.10 comes back as "6.10", not 6.1.
    const readXlsx = (await import('read-excel-file/node')).default;
    const sheets = await readXlsx(join(temp, 'filled.xlsx'));
    const sections = sheets.find((s) => s.sheet === 'Comments')!.data.slice(1).map((r) => r[sectionCol - 1]);
    expect(sections).toContain('6.10');
    expect(sheets.map((s) => s.sheet)).toEqual(['Comments', 'Sections', 'Help']);
  });
});

describe('a register of many rows', () => {
  // A copy of the row list per row made 50,000 rows on a version whose text is not in the git
  // history take about six minutes (quadratic: `sopkit comments check` seemed to hang); added to
  // in place they take a few seconds, far inside the unit tests' two-minute limit.
  it('lists the rows of a version that cannot be checked without copying the list per row', () => {
    const count = 50_000;
    const header = ['commenter', 'sop', 'version', 'section', 'type', 'comment'];
    const columns = Object.fromEntries(header.map((h, i) => [h, { index: i + 1, header: h }]));
    const cells = (n: number) => ({ commenter: '[Registry]', sop: 'alpha', version: '0.2.0', section: '6.2', paragraph: '', line: '', type: 'editorial', comment: `Comment ${n}.`, proposal: '', decision: '', response: '', changedIn: '' });
    const rows = Array.from({ length: count }, (_, i) => ({ row: i + 2, cells: cells(i), numeric: new Set<never>() }));
    const { comments, problems } = checkRegisters([{ file: 'big.csv', columns, rows, problems: [] }], project, () => undefined);
    expect(comments).toHaveLength(count);
    expect(problems.map((p) => [p.row, p.code, p.message])).toEqual([
      [2, 'register/version-not-checkable', `sections and paragraphs not checked for alpha 0.2.0 (rows 2–${count + 1}): the text of this version is neither the current file nor in its git history`],
    ]);
  });
});
