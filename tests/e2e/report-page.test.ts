// The training report page of the trainer edition: the trainer drops the course's files, the
// report is made in the browser with no request leaving the page, and it says what the CLI says.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { TrainingReport } from '../../src/lib/training/report/model.ts';
import { differences, instructionsFirstFile } from './assessment-helpers.ts';
import { axeViolations } from './harness.ts';
import { useBuiltSite } from './use-site.ts';

const E = 'examples/registry-officers';
const site = useBuiltSite('trainer');
const url = () => `${site.url}/courses/registry-officers/report/`;

async function cliJson(): Promise<TrainingReport> {
  const out: string[] = [];
  const args = ['report', '--course', 'registry-officers', '--pre', `${E}/pre.csv`, '--post', `${E}/post.csv`, '--evaluation', `${E}/evaluation.csv`, '--attendance', `${E}/attendance.csv`, '--notes', `${E}/notes.md`, '--json', '--date', '2026-03-06'];
  expect(await main(args, { out: (t) => out.push(t), err: () => undefined })).toBe(0);
  return JSON.parse(out.join('\n')) as TrainingReport;
}

/** A Word document: the smallest .docx Word opens, one paragraph of notes. */
function wordDocument(path: string): string {
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
  writeFileSync(path, zipSync({
    '[Content_Types].xml': strToU8(`${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`),
    '_rels/.rels': strToU8(`${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`),
    'word/document.xml': strToU8(`${xml}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Day 1 went well.</w:t></w:r></w:p></w:body></w:document>`),
  }));
  return path;
}

describe('the training report page (trainer edition)', () => {
  it('makes the same report as sopkit report from the same files, with no request leaving the page', async () => {
    const context = await site.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(url());
    // Nothing is sent: no request but the site's own files (GET), whatever the browser fetches when.
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET' || !r.url().startsWith(site.url)) sent.push(`${r.method()} ${r.url()}`);
    });
    await page.setInputFiles('[data-files]', ['pre.csv', 'post.csv', 'evaluation.csv', 'attendance.csv', 'notes.md'].map((f) => `${E}/${f}`));
    await page.waitForFunction(() => document.querySelectorAll('[data-list] li').length === 5);
    // Each file is taken for what it is, from its name and columns.
    expect(await page.$$eval('[data-list] select', (els) => els.map((e) => (e as HTMLSelectElement).value))).toEqual(['pre', 'post', 'evaluation', 'attendance', 'notes']);
    await page.fill('[data-date]', '2026-03-06');
    await page.click('[data-report-form] button[type="submit"]');
    await page.locator('[data-out]').waitFor();
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-get="report.json"]')]);
    const browser = JSON.parse(readFileSync((await file.path())!, 'utf8')) as TrainingReport;
    const cli = await cliJson();
    // The files are named as given: paths on the command line, file names in the browser.
    const names = (r: TrainingReport) => ({ ...r, files: r.files.map((f) => ({ ...f, name: f.name.split('/').pop() })), attendance: r.attendance && { ...r.attendance, file: r.attendance.file.split('/').pop() }, notes: r.notes && { ...r.notes, file: r.notes.file.split('/').pop() }, tests: r.tests.map((q) => ({ ...q, files: q.files.map((f) => ({ ...f, name: f.name.split('/').pop() })) })) });
    expect(differences(names(browser), names(cli))).toEqual([]);
    // The page shows the figures, and offers each file.
    await expect(page.locator('[data-report] .summary').textContent()).resolves.toContain('19 / 20');
    expect(await page.$$eval('[data-downloads] button', (els) => els.map((e) => e.textContent))).toEqual(['report.html', 'report.json', 'legal-identity-foundations-scores.csv', 'legal-identity-foundations-items.csv', 'registry-officers-evaluation.csv']);
    await expect(page.locator('[data-command]').textContent()).resolves.toBe('npx sopkit report --course registry-officers --pre pre.csv --post post.csv --evaluation evaluation.csv --attendance attendance.csv --notes notes.md --out report/');
    expect(sent.filter((r) => !r.startsWith('GET blob:'))).toEqual([]);
    await context.close();
  });

  it('reads the tests, the attendance and the evaluation saved as Excel workbooks: the report of their CSV files', async () => {
    // Each page makes its report.json; the same report, but for the files' names.
    const report = async (files: string[]): Promise<TrainingReport> => {
      const page = await site.browser.newPage();
      await page.goto(url());
      await page.setInputFiles('[data-files]', files);
      await page.waitForFunction((n) => document.querySelectorAll('[data-list] li').length === n, files.length);
      expect(await page.$$eval('[data-list] select', (els) => els.map((e) => (e as HTMLSelectElement).value))).toEqual(['pre', 'evaluation', 'attendance']);
      await page.fill('[data-date]', '2026-03-06');
      await page.click('[data-report-form] button[type="submit"]');
      await page.locator('[data-out]').waitFor();
      const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-get="report.json"]')]);
      const json = readFileSync((await file.path())!, 'utf8').replace(/"(pre|evaluation|attendance)\.(csv|xlsx)"/g, '"$1"');
      await page.close();
      return JSON.parse(json) as TrainingReport;
    };
    const W = 'tests/fixtures/training/report/workbooks';
    const books = await report(['pre', 'evaluation', 'attendance'].map((f) => `${W}/${f}.xlsx`));
    const csv = await report(['pre', 'evaluation', 'attendance'].map((f) => `${E}/${f}.csv`));
    expect(books.tests).toHaveLength(1);
    expect(differences(books, csv)).toEqual([]);
    // Workbooks that open on a sheet of instructions: their sheets of data are read, as sopkit report reads them.
    const dir = mkdtempSync(join(tmpdir(), 'sopkit-report-sheets-'));
    const instructed = await report(await Promise.all(['pre', 'evaluation', 'attendance'].map((f) => instructionsFirstFile(`${E}/${f}.csv`, join(dir, `${f}.xlsx`)))));
    expect(differences(instructed, csv)).toEqual([]);
  });

  it('says which file, row and column is wrong, and leaves out what was not given', async () => {
    const page = await site.browser.newPage();
    await page.goto(url());
    await page.setInputFiles('[data-files]', ['tests/fixtures/training/report/bad/attendance-bad-value.csv']);
    await page.waitForFunction(() => document.querySelectorAll('[data-list] li').length === 1);
    await page.click('[data-report-form] button[type="submit"]');
    await expect(page.locator('[data-status]').textContent()).resolves.toBe('Cannot make the report: attendance-bad-value.csv row 3, column D (day2): "maybe" is neither present nor absent; write 1 (present) or 0 (absent), or leave it empty for absent');
    await page.click('[data-list] button');
    await page.setInputFiles('[data-files]', [`${E}/evaluation.csv`]);
    await page.waitForFunction(() => document.querySelectorAll('[data-list] li').length === 1);
    await page.click('[data-report-form] button[type="submit"]');
    await page.locator('[data-out]').waitFor();
    await expect(page.locator('[data-report]').textContent()).resolves.toContain('No attendance file was given, so this section is left out.');
    await page.close();
  });

  it('refuses notes given as a Word document or a PDF, a ZIP given as a test and a locked workbook, naming each as what it is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sopkit-report-page-'));
    const docx = wordDocument(join(dir, 'notes.docx'));
    const pdf = join(dir, 'notes.pdf');
    copyFileSync('tests/fixtures/offline-site/handbooks/a.pdf', pdf);
    // A ZIP that is no workbook (a workbook is read: see the test above).
    const xlsx = join(dir, 'pre.zip');
    copyFileSync('tests/fixtures/assessment/workbooks/zipped-csv.zip', xlsx);
    // The attendance saved with a password (Excel's, from msoffcrypto-tool's tests).
    const locked = join(dir, 'attendance.xlsx');
    copyFileSync('tests/fixtures/lifecycle/registers/msoffcrypto/example_password.xlsx', locked);
    // A workbook with a header cell merged over a column of values: refused as sopkit report refuses it.
    const merged = join(dir, 'merged.xlsx');
    copyFileSync('tests/fixtures/lifecycle/registers/merged-header.xlsx', merged);
    const page = await site.browser.newPage();
    const notes = 'save the notes as plain text or Markdown (.txt or .md; in Word: File > Save As > Plain Text) and give that file';
    for (const [file, expected] of [
      [docx, `Cannot make the report: notes.docx is not a text file (it is a Word document (.docx) or another ZIP archive); ${notes}`],
      [pdf, `Cannot make the report: notes.pdf is not a text file (it is a PDF); ${notes}`],
      [xlsx, 'Cannot make the report: pre.zip is not a CSV file: it is a ZIP archive, not an Excel workbook (.xlsx) that can be read; give the CSV file (from a spreadsheet: File > Save As > CSV UTF-8)'],
      [locked, 'Cannot make the report: attendance.xlsx is protected by a password, so it cannot be read; open it, remove the password (Excel: File > Info > Protect Workbook > Encrypt with Password, empty the box; LibreOffice: File > Save As without “Save with password”) and save it as .xlsx, or as CSV'],
      [merged, 'Cannot make the report: merged.xlsx row 1: cells H1:I1 are merged in the header, so only column H is named "comment" and the values in column I have no column name; unmerge the cells and give column I its own name, or move its values into column H, and save the file again'],
    ]) {
      await page.goto(url());
      await page.setInputFiles('[data-files]', [`${E}/evaluation.csv`, file!]);
      await page.waitForFunction(() => document.querySelectorAll('[data-list] li').length === 2);
      await page.click('[data-report-form] button[type="submit"]');
      await page.waitForFunction(() => document.querySelector('[data-status]')?.textContent !== '');
      await expect(page.locator('[data-status]').textContent()).resolves.toBe(expected);
      expect(await page.locator('[data-out]').isVisible()).toBe(false);
    }
    await page.close();
  });

  it('asks, on the page, whether an attendance sheet\'s slash dates are day or month first when they read both ways', async () => {
    const S = 'tests/fixtures/training/report/slash-dates';
    const page = await site.browser.newPage();
    await page.goto(url());
    const order = page.locator('[data-date-order]');
    // Not asked before it is needed.
    expect(await order.isVisible()).toBe(false);
    await page.setInputFiles('[data-files]', [`${S}/dmy.csv`]);
    await page.waitForFunction(() => document.querySelectorAll('[data-list] li').length === 1);
    await page.fill('[data-date]', '2026-03-06');
    await page.click('[data-report-form] button[type="submit"]');
    await order.waitFor();
    // The page's way out, not the command line's: the trainer here has no --date-order to give.
    const status = (await page.locator('[data-status]').textContent())!;
    expect(status).toMatch(/^Cannot make the report: dmy\.csv row 1, column C \(02\/03\/2026\): this date may be 2 March 2026 \(day first\) or 3 February 2026 \(month first\)/);
    expect(status).toContain('Choose above whether the sheet writes the day or the month first, then make the report again');
    expect(status).not.toContain('--date-order');
    expect(await page.locator('[data-out]').isVisible()).toBe(false);
    // Labelled, each way said with the sheet's own date, and no axe violation while asked.
    await expect(page.getByRole('group', { name: 'How are the dates of the attendance sheet written?' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('radio', { name: 'Day first: 02/03/2026 is 2 March 2026' }).count()).resolves.toBe(1);
    await expect(page.getByRole('radio', { name: 'Month first: 02/03/2026 is 3 February 2026' }).count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    // By keyboard: the choice has the focus; Space picks day first, Tab reaches the button, Enter makes the report.
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.value === 'dmy');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('[data-out]').waitFor();
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-get="report.json"]')]);
    const report = JSON.parse(readFileSync((await file.path())!, 'utf8')) as TrainingReport;
    expect(report.attendance?.days.map((d) => d.date)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
    // The command that makes the PDF says the order too.
    await expect(page.locator('[data-command]').textContent()).resolves.toBe('npx sopkit report --course registry-officers --attendance dmy.csv --date-order dmy --out report/');
    // Another sheet is asked about afresh: month first read from a month-first sheet.
    await page.click('[data-list] button');
    await page.setInputFiles('[data-files]', [`${S}/mdy.csv`]);
    await page.waitForFunction(() => document.querySelectorAll('[data-list] li').length === 1);
    await page.click('[data-report-form] button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('[data-status]')?.hasAttribute('data-error'));
    expect(await page.locator('[data-date-order] input:checked').count()).toBe(0);
    await page.getByRole('radio', { name: /^Month first/ }).check();
    await page.click('[data-report-form] button[type="submit"]');
    await page.waitForFunction(() => !document.querySelector('[data-status]')?.hasAttribute('data-error') && !document.querySelector<HTMLElement>('[data-out]')!.hidden);
    await expect(page.locator('[data-report]').textContent()).resolves.not.toContain('2026-02-03');
    await page.close();
  });

  it('warns when an attendance sheet\'s dates are not the dates of the course in the notes', async () => {
    const S = 'tests/fixtures/training/report/slash-dates';
    const page = await site.browser.newPage();
    await page.goto(url());
    await page.setInputFiles('[data-files]', [`${S}/dmy-13.csv`, `${S}/notes.md`]);
    await page.waitForFunction(() => document.querySelectorAll('[data-list] li').length === 2);
    await page.click('[data-report-form] button[type="submit"]');
    await page.locator('[data-out]').waitFor();
    const note = (await page.locator('[data-report] [role="note"] li', { hasText: 'not dates of the course' }).textContent())!;
    expect(note).toContain('dmy-13.csv');
    expect(note).toContain('13/03/2026');
    expect(note).toContain('2026-03-02');
    await page.close();
  });

  it('has no WCAG 2.1 A/AA violations, before and after the report, and fits a 360 px phone', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(url());
    expect(await axeViolations(page)).toEqual([]);
    await page.setInputFiles('[data-files]', ['pre.csv', 'post.csv', 'evaluation.csv', 'attendance.csv', 'notes.md'].map((f) => `${E}/${f}`));
    await page.waitForFunction(() => document.querySelectorAll('[data-list] li').length === 5);
    // The input is emptied to take more files: its own "No file chosen" beside the list of five is not shown, its button is.
    const input = page.locator('[data-files]');
    expect(await input.inputValue()).toBe('');
    expect(await input.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el, '::file-selector-button').color])).toEqual(['rgba(0, 0, 0, 0)', expect.not.stringMatching(/rgba\(0, 0, 0, 0\)/)]);
    await page.click('[data-report-form] button[type="submit"]');
    await page.locator('[data-out]').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    // The key figures two to a row on a phone (one to a row, the model course's 24 ran over four screens).
    const columns = await page.locator('[data-out] ul.summary').evaluate((ul) => getComputedStyle(ul).gridTemplateColumns.split(' ').length);
    expect(columns).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('the course page links the evaluation form and, in the trainer edition, the report page', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/courses/registry-officers/`);
    expect(await page.locator('a[href$="/evaluations/registry-officers/"]').count()).toBe(1);
    expect(await page.locator('a[href$="/handbooks/registry-officers-evaluation-form.pdf"]').count()).toBe(1);
    expect(await page.locator('a[href$="/courses/registry-officers/report/"]').count()).toBe(1);
    await page.close();
  });
});
