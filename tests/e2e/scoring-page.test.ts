// The scoring page (trainer edition) reads every file it is given: two tablets that exported in
// the same minute give two files of the same name, and both count; a participant found in two
// files of the same form is reported, naming both files, never counted twice or dropped.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { responsesCsvFor } from '../../src/lib/assessment/csv-write.ts';
import { resolveQuiz } from '../../src/lib/assessment/quiz-load.ts';
import { t } from '../../src/i18n/index.ts';
import { QUIZ, instructionsFirstFile } from './assessment-helpers.ts';
import { axeViolations } from './harness.ts';
import { useBuiltSite } from './use-site.ts';

const quiz = resolveQuiz(process.cwd(), QUIZ).quiz;
const site = useBuiltSite('trainer');
const dir = mkdtempSync(join(tmpdir(), 'sopkit-same-name-'));
const name = `${QUIZ}-pre-responses-2026-03-02-09-15-00.csv`;

/**
 * One answer to a form's first question, every other left blank: a row with no answer at all is
 * named in a warning (a sheet not typed in), which these tests are not about.
 */
function oneAnswer(items: readonly string[]): Record<string, string[]> {
  const item = quiz.items.find((i) => i.id === items[0])!;
  return { [item.id]: [item.options[0]!.id] };
}

/** A responses file of the pre-test, in its own folder (as from its own tablet), one question answered. */
function tabletFile(tablet: string, people: string[]): string {
  mkdirSync(join(dir, tablet));
  const path = join(dir, tablet, name);
  writeFileSync(path, responsesCsvFor(quiz.forms.pre, 'pre', people.map((participant) => ({ participant, answers: oneAnswer(quiz.forms.pre) }))));
  return path;
}

const first = tabletFile('tablet-1', ['S01', 'S02']);
const second = tabletFile('tablet-2', ['S03', 'S04', 'S05']);
const third = tabletFile('tablet-3', ['S06', 'S02']);

async function score(page: Page, files: string[], lang = ''): Promise<string> {
  await page.goto(`${site.url}/${lang}scoring/`);
  await page.selectOption('[data-quiz]', QUIZ);
  for (const file of files) await page.setInputFiles('[data-files]', file);
  await page.click('[data-scoring-form] button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('[data-status]')?.textContent !== '');
  return (await page.locator('[data-status]').textContent()) ?? '';
}

describe('scoring page: files of the same name', () => {
  it('reads both files, listed under distinct names', async () => {
    const page = await site.browser.newPage();
    expect(await score(page, [first, second])).toBe('Scored: Pre-test 5.');
    expect(await page.$$eval('[data-list] .name', (els) => els.map((e) => e.textContent))).toEqual([name, `${name} (2)`]);
    await page.close();
  });

  it('says so when the very same file is chosen twice, and reads it once', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/scoring/`);
    await page.setInputFiles('[data-files]', first);
    await page.setInputFiles('[data-files]', first);
    await page.waitForFunction(() => document.querySelector('[data-status]')?.textContent !== '');
    await expect(page.locator('[data-status]').textContent()).resolves.toMatch(/already in the list; it is read once/);
    expect(await page.locator('[data-list] li').count()).toBe(1);
    await page.close();
  });

  it('reports a participant found in two files of the same form, naming both', async () => {
    const page = await site.browser.newPage();
    const status = await score(page, [first, second, third]);
    expect(status).toBe(`Cannot score: ${name} (3) row 3: participant S02 already answered the pre-test in ${name} row 3; remove one of the rows`);
    expect(await page.locator('[data-out]').isVisible()).toBe(false);
    await page.close();
  });
});

describe('scoring page: files that are not CSV, and ids written differently', () => {
  // A ZIP that is no workbook (the CSV export zipped); a workbook itself is read (below).
  const workbook = join(dir, 'pre.zip');
  copyFileSync('tests/fixtures/assessment/workbooks/zipped-csv.zip', workbook);

  it('names a ZIP, a locked workbook or a photo as what it is, in the page\'s language, not as cell errors', async () => {
    const page = await site.browser.newPage();
    expect(await score(page, [workbook])).toBe('Cannot score: pre.zip is not a CSV file: it is a ZIP archive, not an Excel workbook (.xlsx) that can be read; give the CSV file (from a spreadsheet: File > Save As > CSV UTF-8)');
    expect(await page.locator('[data-out]').isVisible()).toBe(false);
    // A real PNG: a photo (here a screenshot) of the paper register.
    const photo = join(dir, 'register.png');
    await page.screenshot({ path: photo });
    expect(await score(page, [photo])).toBe('Cannot score: register.png is not a CSV file: it is a PNG image; give the CSV file (from a spreadsheet: File > Save As > CSV UTF-8)');
    // A workbook protected by a password (Excel's, from msoffcrypto-tool's tests), as data-protection
    // rules ask of files with names in them: said so, with how to remove the password (a CSV is
    // not the only way out: the page reads .xlsx), not "an old Excel workbook (.xls)".
    const locked = join(dir, 'post.xlsx');
    copyFileSync('tests/fixtures/lifecycle/registers/msoffcrypto/example_password.xlsx', locked);
    expect(await score(page, [locked])).toBe('Cannot score: post.xlsx is protected by a password, so it cannot be read; open it, remove the password (Excel: File > Info > Protect Workbook > Encrypt with Password, empty the box; LibreOffice: File > Save As without “Save with password”) and save it as .xlsx, or as CSV');
    const frLocked = t('scoring.error', 'fr', { message: t('scoring.err.workbook-encrypted', 'fr', { file: 'post.xlsx' }) });
    expect(await score(page, [locked], 'fr/')).toBe(frLocked);
    expect(frLocked).toContain('protégé par un mot de passe');
    // A workbook with no cell filled in (saved by LibreOffice Calc): said so, not "a ZIP archive".
    const empty = join(dir, 'blank.xlsx');
    copyFileSync('tests/fixtures/assessment/workbooks/empty.xlsx', empty);
    expect(await score(page, [empty])).toBe('Cannot score: blank.xlsx: the workbook has no cell filled in; export the answers again (a header row, then one row per participant)');
    expect(await score(page, [empty], 'ar/')).toBe(t('scoring.error', 'ar', { message: t('scoring.err.workbook-empty', 'ar', { file: 'blank.xlsx' }) }));
    // A header cell merged over a column of values: refused as sopkit score refuses it, not read as a column of no name.
    const merged = join(dir, 'merged.xlsx');
    copyFileSync('tests/fixtures/lifecycle/registers/merged-header.xlsx', merged);
    expect(await score(page, [merged])).toBe('Cannot score: merged.xlsx row 1: cells H1:I1 are merged in the header, so only column H is named "comment" and the values in column I have no column name; unmerge the cells and give column I its own name, or move its values into column H, and save the file again');
    const fr = t('scoring.error', 'fr', { message: t('scoring.err.csv/not-text', 'fr', { file: 'pre.zip', kind: t('scoring.kind.zip', 'fr') }) });
    expect(await score(page, [workbook], 'fr/')).toBe(fr);
    expect(fr).toContain('n’est pas un fichier CSV\u00a0: c’est une archive ZIP');
    const ar = t('scoring.error', 'ar', { message: t('scoring.err.csv/not-text', 'ar', { file: 'pre.zip', kind: t('scoring.kind.zip', 'ar') }) });
    expect(await score(page, [workbook], 'ar/')).toBe(ar);
    await page.close();
  });

  it('warns, as sopkit score does, when unmatched participants differ only in how their id was written', async () => {
    mkdirSync(join(dir, 'typed'));
    const pre = join(dir, 'typed', 'pre.csv');
    const post = join(dir, 'typed', 'post.csv');
    writeFileSync(pre, responsesCsvFor(quiz.forms.pre, 'pre', ['P01', 'P02', 'P03'].map((participant) => ({ participant, answers: oneAnswer(quiz.forms.pre) }))));
    // The post-test typed from paper: p1, P-02 for P01, P02; Q9 is someone else.
    writeFileSync(post, responsesCsvFor(quiz.forms.post, 'post', ['p1', 'P-02', 'Q9'].map((participant) => ({ participant, answers: oneAnswer(quiz.forms.post) }))));
    const page = await site.browser.newPage();
    const status = await score(page, [pre, post]);
    expect(status).toContain("Only in one test, but the same ids written differently (pre-test / post-test): P01 / p1, P02 / P-02; write each participant's id the same way in both files, or they are not compared.");
    // Ids written the same way: no such warning.
    expect(await score(page, [first, second])).toBe('Scored: Pre-test 5.');
    await page.close();
  });
});

describe('scoring page: an Excel workbook', () => {
  const scores = async (file: string) => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/scoring/`);
    await page.selectOption('[data-quiz]', 'legal-identity-foundations');
    await page.setInputFiles('[data-files]', file);
    await page.click('[data-scoring-form] button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('[data-status]')?.textContent !== '');
    const status = await page.locator('[data-status]').textContent();
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-get="scores.json"]')]);
    const report = readFileSync((await json.path())!, 'utf8');
    await page.close();
    return { status, report };
  };

  it('scores the first sheet of an .xlsx as it scores the same answers in CSV', async () => {
    // examples/registry-officers/pre.csv saved by LibreOffice Calc as .xlsx (number and boolean cells).
    const book = await scores('tests/fixtures/training/report/workbooks/pre.xlsx');
    expect(book.status).toBe('Scored: Pre-test 18.');
    expect(book).toEqual(await scores('examples/registry-officers/pre.csv'));
  });

  it('scores the sheet of answers of a workbook that opens on a sheet of instructions, as sopkit score does', async () => {
    // The page read the instructions: "not an item of the quiz".
    mkdirSync(join(dir, 'instructions'));
    const book = await scores(await instructionsFirstFile('examples/registry-officers/pre.csv', join(dir, 'instructions', 'pre.xlsx')));
    expect(book.status).toBe('Scored: Pre-test 18.');
    expect(book).toEqual(await scores('examples/registry-officers/pre.csv'));
  });
});

describe('scoring page: the quiz of the files', () => {
  it('chooses the quiz whose items are the columns of the files dropped, and says so, in the page\'s language', async () => {
    const page = await site.browser.newPage();
    const E = 'examples/registry-officers';
    const m1 = resolveQuiz(process.cwd(), 'legal-identity-foundations').quiz;
    for (const [lang, expected] of [
      ['', `Quiz chosen: “${m1.title}”, whose items are the columns of pre.csv.`],
      ['fr/', undefined],
    ] as const) {
      await page.goto(`${site.url}/${lang}scoring/`);
      // The page opens on another quiz (the first of the list).
      expect(await page.locator('[data-quiz]').inputValue()).not.toBe(m1.id);
      await page.setInputFiles('[data-files]', [`${E}/pre.csv`, `${E}/post.csv`]);
      await page.waitForFunction(() => document.querySelector('[data-status]')?.textContent !== '');
      expect(await page.locator('[data-quiz]').inputValue()).toBe(m1.id);
      const status = (await page.locator('[data-status]').textContent()) ?? '';
      const title = await page.locator('[data-quiz] option:checked').textContent();
      expect(status).toBe(expected ?? t('scoring.quizFromFiles', 'fr', { quiz: title!, file: 'pre.csv' }));
      await page.click('[data-scoring-form] button[type="submit"]');
      await page.waitForFunction((before) => document.querySelector('[data-status]')?.textContent !== before, status);
      expect(await page.locator('[data-status]').getAttribute('data-error')).toBeNull();
      expect(await page.locator('[data-out]').isVisible()).toBe(true);
    }
    // On a phone the report's charts keep a readable size and scroll sideways in their own region.
    await page.setViewportSize({ width: 360, height: 740 });
    const charts = await page.locator('[data-report] .chart-wrap').evaluateAll((wraps) =>
      wraps.map((w) => {
        const svg = w.querySelector('svg') as SVGSVGElement;
        return { scale: svg.getBoundingClientRect().width / svg.viewBox.baseVal.width, scrolls: w.scrollWidth > w.clientWidth, focusable: w.getAttribute('tabindex') === '0', name: w.getAttribute('aria-label') };
      }),
    );
    expect(charts.length).toBe(3); // pre/post, and the item map of each form
    for (const c of charts) expect(c).toMatchObject({ scrolls: true, focusable: true, name: expect.stringMatching(/\w/) });
    for (const c of charts) expect(c.scale).toBeGreaterThanOrEqual(0.79);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
    // A file of another quiz added to the list changes nothing: scoring says what is wrong.
    await page.setInputFiles('[data-files]', ['examples/registry-officers/pre-data-quality-fraud-protection.csv']);
    await page.waitForFunction(() => document.querySelectorAll('[data-list] li').length === 3);
    expect(await page.locator('[data-quiz]').inputValue()).toBe(m1.id);
    await page.close();
  });
});
