import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readCsv } from '../../src/lib/assessment/csv.ts';
import type { TrainingReport } from '../../src/lib/training/report/model.ts';
import { pdfText, qpdfCheck } from '../lib/handbook/pdf-tools.ts';
import { run } from './run.ts';

const E = 'examples/registry-officers';
const files = ['--pre', `${E}/pre.csv`, '--post', `${E}/post.csv`, '--evaluation', `${E}/evaluation.csv`, '--attendance', `${E}/attendance.csv`, '--notes', `${E}/notes.md`];

describe('sopkit report', () => {
  it('on the example files writes report.pdf (valid, every section heading), report.html and the CSVs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sopkit-report-'));
    const { code, out, err } = await run('report', '--course', 'registry-officers', ...files, '--out', dir, '--date', '2026-03-06');
    expect(code).toBe(0);
    expect(out).toMatch(/19 \/ 20 {2}participants attended \(20 expected\)/);
    expect(err).toMatch(/^wrote report\.html, report\.pdf, legal-identity-foundations-scores\.csv, legal-identity-foundations-items\.csv, registry-officers-evaluation\.csv to /m);
    expect(readdirSync(dir).sort()).toEqual(['legal-identity-foundations-items.csv', 'legal-identity-foundations-scores.csv', 'registry-officers-evaluation.csv', 'report.html', 'report.pdf']);
    expect(qpdfCheck(join(dir, 'report.pdf')).ok).toBe(true);
    const text = pdfText(join(dir, 'report.pdf')).replace(/\s+/g, ' ');
    for (const h of ['Contents', 'Summary', 'The course', 'Participants and attendance', 'Pre-test and post-test results', 'Items to review', 'Session evaluation', "Trainer's observations and recommendations", 'Annex A. Timetable', 'Annex B. Item analysis']) expect(text).toContain(h);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.csv'))) expect(readFileSync(join(dir, file), 'utf8').startsWith('\uFEFF'), `${file} starts with the byte order mark Excel needs`).toBe(true);
    const scores = readCsv(readFileSync(join(dir, 'legal-identity-foundations-scores.csv'), 'utf8'), 'scores.csv');
    expect(scores.header.slice(0, 3)).toEqual(['participant', 'name', 'pre_score']);
    expect(scores.rows).toHaveLength(19);
  });

  it('an empty notes file is a warning, and its section says no notes were given (it printed a heading over a blank page)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sopkit-report-empty-notes-'));
    const notes = join(dir, 'notes.md');
    writeFileSync(notes, '\n  \n');
    const { code, err } = await run('report', '--course', 'registry-officers', '--notes', notes, '--json', '--date', '2026-03-06');
    expect(code).toBe(0);
    expect(err).toContain(`warning: The notes file ${notes} is empty: the trainer’s observations section is left out.`);
    const withNotes = await run('report', '--course', 'registry-officers', '--notes', `${E}/notes.md`, '--json', '--date', '2026-03-06');
    expect(withNotes.err).not.toContain('is empty');
  });

  it('refuses an output folder where it would write over a file it reads, and writes nothing', async () => {
    // The evaluation responses, kept in the output folder under the name the report gives its
    // statistics, were replaced by them, and the command said it had written them.
    const dir = mkdtempSync(join(tmpdir(), 'sopkit-report-clash-'));
    const responses = join(dir, 'registry-officers-evaluation.csv');
    writeFileSync(responses, readFileSync(`${E}/evaluation.csv`));
    const before = readFileSync(responses, 'utf8');
    const { code, out, err } = await run('report', '--course', 'registry-officers', '--evaluation', responses, '--out', dir, '--date', '2026-03-06');
    expect(err.trim()).toBe(`sopkit report: ${responses} is one of the files given to read, and the report writes a file of that name there: give --out another folder, or move the file; nothing was written`);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(readFileSync(responses, 'utf8')).toBe(before);
    expect(readdirSync(dir)).toEqual(['registry-officers-evaluation.csv']);
  });

  it('warns when there are more evaluation forms than participants (the same file given twice read as a 147 % response rate)', async () => {
    const once = JSON.parse((await run('report', '--course', 'registry-officers', '--evaluation', `${E}/evaluation.csv`, '--attendance', `${E}/attendance.csv`, '--json', '--date', '2026-03-06')).out) as TrainingReport;
    expect(once.warnings.filter((w) => /evaluation forms for/.test(w))).toEqual([]);
    const twice = JSON.parse((await run('report', '--course', 'registry-officers', '--evaluation', `${E}/evaluation.csv`, '--evaluation', `${E}/evaluation.csv`, '--attendance', `${E}/attendance.csv`, '--json', '--date', '2026-03-06')).out) as TrainingReport;
    const returned = twice.evaluation[0]!.respondents;
    expect(returned).toBe(2 * once.evaluation[0]!.respondents);
    expect(twice.warnings).toContainEqual(expect.stringMatching(new RegExp(`^${returned} evaluation forms for 19 participants \\(.*evaluation\\.csv.*\\): is a file given twice`)));
  });

  it('--json prints the report and nothing else on stdout; a missing file leaves its section out', async () => {
    const { code, out } = await run('report', '--course', 'registry-officers', '--evaluation', `${E}/evaluation.csv`, '--json', '--date', '2026-03-06');
    expect(code).toBe(0);
    const r = JSON.parse(out) as TrainingReport;
    expect(r.missing).toEqual(['attendance', 'tests', 'notes']);
    expect(r.evaluation[0]?.expectedFrom).toBe('course');
  });

  it('a bad file is one line naming the file, row and column; exit 1', async () => {
    const { code, err } = await run('report', '--course', 'registry-officers', '--attendance', 'tests/fixtures/training/report/bad/attendance-bad-value.csv', '--out', mkdtempSync(join(tmpdir(), 'sopkit-report-')));
    expect(code).toBe(1);
    expect(err).toBe('sopkit report: tests/fixtures/training/report/bad/attendance-bad-value.csv row 3, column D (day2): "maybe" is neither present nor absent; write 1 (present) or 0 (absent), or leave it empty for absent');
    for (const [args, message] of [
      [['--pre', 'nowhere.csv'], 'sopkit report: nowhere.csv: no such file'],
      [['--notes', `${E}/notes.md`, '--notes', `${E}/notes.md`], 'sopkit report: --notes is given 2 times; give one file (the report has one notes section)'],
      [['--course', 'no-such-course'], 'sopkit report: no course "no-such-course" in content/courses/; known: registry-officers'],
    ] as const) {
      const course = (args as readonly string[]).includes('--course') ? [] : ['--course', 'registry-officers'];
      const r = await run('report', ...course, ...args, '--json');
      expect([r.code, r.err]).toEqual([1, message]);
    }
    expect((await run('report', '--course', 'registry-officers')).err).toBe('sopkit report: give --out DIR for report.html and report.pdf, or --json to print the report');
    // A file at --out is refused before anything is printed (the summary came first, then the error).
    const onFile = await run('report', '--course', 'registry-officers', ...files, '--out', `${E}/notes.md`);
    expect(onFile).toEqual({ code: 1, out: '', err: `sopkit report: --out ${E}/notes.md is a file; --out names a folder to write into: give a folder name` });
  });

  it('takes the tests, the attendance and the evaluation as Excel workbooks: the same report as from their CSV files', async () => {
    const W = 'tests/fixtures/training/report/workbooks';
    const fromCsv = await run('report', '--course', 'registry-officers', '--pre', `${E}/pre.csv`, '--attendance', `${E}/attendance.csv`, '--evaluation', `${E}/evaluation.csv`, '--json', '--date', '2026-03-06');
    const fromBooks = await run('report', '--course', 'registry-officers', '--pre', `${W}/pre.xlsx`, '--attendance', `${W}/attendance.xlsx`, '--evaluation', `${W}/evaluation.xlsx`, '--json', '--date', '2026-03-06');
    expect(fromBooks.code).toBe(0);
    const report = JSON.parse(fromBooks.out) as { attendance?: unknown; tests: unknown[]; evaluation: unknown[] };
    expect(report.tests).toHaveLength(1);
    expect(report.evaluation).toHaveLength(1);
    expect(report.attendance).toBeDefined();
    // The same report, but for the files' names.
    const names = (text: string) => text.replace(/[\w/.-]+\/(pre|attendance|evaluation)\.(csv|xlsx)/g, '$1');
    expect(names(fromBooks.out)).toBe(names(fromCsv.out));
  });

  it('reads an attendance sheet dated day first (02/03/2026), as CSV or workbook, by the dates of the notes or the order given', async () => {
    const S = 'tests/fixtures/training/report/slash-dates';
    const days = async (...args: string[]) => {
      const r = await run('report', '--course', 'registry-officers', ...args, '--json', '--date', '2026-03-06');
      expect(r.err.split('\n').filter((l) => l && !l.startsWith('warning:'))).toEqual([]);
      expect(r.code).toBe(0);
      const report = JSON.parse(r.out) as TrainingReport;
      return report.attendance?.days.map((d) => [d.date, d.present]);
    };
    const expected = [['2026-03-02', 2], ['2026-03-03', 1], ['2026-03-04', 2]];
    for (const file of ['dmy.csv', 'dmy.xlsx', 'dmy-dates.xlsx']) expect(await days('--attendance', `${S}/${file}`, '--notes', `${S}/notes.md`), file).toEqual(expected);
    expect(await days('--attendance', `${S}/dmy.xlsx`, '--date-order', 'dmy')).toEqual(expected);
    expect(await days('--attendance', `${S}/mdy.csv`, '--notes', `${S}/notes.md`)).toEqual(expected);
    // Without the course's dates or the order, both readings are plausible: refused, never guessed.
    const refused = await run('report', '--course', 'registry-officers', '--attendance', `${S}/dmy.xlsx`, '--json');
    expect(refused.code).toBe(1);
    expect(refused.out).toBe('');
    expect(refused.err).toMatch(/^sopkit report: tests\/fixtures\/training\/report\/slash-dates\/dmy\.xlsx row 1, column C \(02\/03\/2026\): this date may be 2 March 2026 \(day first\) or 3 February 2026 \(month first\).*--date-order dmy/);
    expect((await run('report', '--course', 'registry-officers', '--attendance', `${S}/dmy.csv`, '--json', '--date-order', 'ymd')).err).toBe('sopkit report: --date-order ymd: write dmy (day first: 02/03/2026 is 2 March) or mdy (month first: 3 February)');
  });

  it('warns when an attendance sheet read in the only order that gives real days does not give the dates of the notes', async () => {
    const S = 'tests/fixtures/training/report/slash-dates';
    // 13/03/2026 and 14/03/2026 are day first, whatever the notes say; the notes give 2-6 March.
    const r = await run('report', '--course', 'registry-officers', '--attendance', `${S}/dmy-13.csv`, '--notes', `${S}/notes.md`, '--json', '--date', '2026-03-06');
    expect(r.code).toBe(0);
    const warning = r.err.split('\n').find((l) => l.includes('dmy-13.csv: '));
    expect(warning).toBe(`warning: ${S}/dmy-13.csv: the dates of its columns "13/03/2026" (2026-03-13), "14/03/2026" (2026-03-14) are not dates of the course in ${S}/notes.md (2026-03-02, 2026-03-03, 2026-03-04, 2026-03-05, 2026-03-06); check that the sheet is this course's and its dates (a slash date is read day or month first, whichever gives real days), or correct the dates in the notes.`);
    expect((JSON.parse(r.out) as TrainingReport).warnings).toContain(warning!.slice('warning: '.length));
    // The sheet of the notes' dates: no such warning.
    const fits = await run('report', '--course', 'registry-officers', '--attendance', `${S}/dmy.csv`, '--notes', `${S}/notes.md`, '--json', '--date', '2026-03-06');
    expect(fits.err).not.toContain('not dates of the course');
  });

  it('a file of the wrong kind is named as what it is: a ZIP that is no workbook for the tests, a Word document for the notes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sopkit-report-'));
    // The first bytes of an .xlsx and a .docx (both ZIP archives); read as text, the notes became a page of garbage.
    const zip = Buffer.concat([Buffer.from('504b030414000600080000002100', 'hex'), Buffer.from('[Content_Types].xml')]);
    writeFileSync(join(dir, 'notes.docx'), zip);
    writeFileSync(join(dir, 'pre.xlsx'), zip);
    const notes = await run('report', '--course', 'registry-officers', '--notes', join(dir, 'notes.docx'), '--json');
    expect(notes).toMatchObject({ code: 1, out: '', err: `sopkit report: --notes ${join(dir, 'notes.docx')} is not a text file (it is a Word document (.docx) or another ZIP archive); save the notes as plain text or Markdown (.txt or .md; in Word: File > Save As > Plain Text) and give that file` });
    const pre = await run('report', '--course', 'registry-officers', '--pre', join(dir, 'pre.xlsx'), '--json');
    expect(pre).toMatchObject({ code: 1, out: '' });
    expect(pre.err).toMatch(new RegExp(`^sopkit report: ${join(dir, 'pre.xlsx').replace(/[.\\]/g, '\\$&')} is a ZIP archive but not an Excel workbook that can be read \\(.+\\); give the CSV file`));
  });

  it("the example attendance names each participant's role by a role of the pack, so the report gives its title", async () => {
    // "supervisor" is no role id of content/roles.yaml: the report listed it as typed, beside
    // "Registration clerk" and "Registrar".
    const { out } = await run('report', '--course', 'registry-officers', '--attendance', `${E}/attendance.csv`, '--json', '--date', '2026-03-06');
    const byRole = (JSON.parse(out) as { attendance: { byRole: { key: string }[] } }).attendance.byRole.map((r) => r.key);
    const titles = new Set(parse(readFileSync('content/roles.yaml', 'utf8')).map((r: { title: string }) => r.title));
    expect(byRole.length).toBeGreaterThan(2);
    for (const label of byRole) expect(titles, label).toContain(label);
  });

  it('the example files are exactly what their seeded generator writes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sopkit-examples-'));
    execFileSync(process.execPath, ['--import', 'tsx', resolve(E, 'generate.ts'), dir], { stdio: 'pipe' });
    const made = readdirSync(dir).sort();
    expect(made).toEqual(readdirSync(E).filter((f) => !['generate.ts', 'README.md'].includes(f)).sort());
    for (const name of made) expect(readFileSync(join(dir, name), 'utf8'), `${name}: run npx tsx ${E}/generate.ts after changing a quiz or the course`).toBe(readFileSync(join(E, name), 'utf8'));
    expect(existsSync(join(dir, 'notes.md'))).toBe(true);
  });
});
