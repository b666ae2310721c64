import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/lib/assessment/csv.ts';
import type { ScoreReport } from '../../src/lib/assessment/types.ts';
import { pdfText } from '../lib/handbook/pdf-tools.ts';
import { packWithout } from '../lib/translation/pack-without.ts';
import { run } from './run.ts';

const fixtures = resolve('tests/fixtures/assessment');
const root = join(fixtures, 'project');
const pre = join(fixtures, 'responses/class-pre.csv');
const post = join(fixtures, 'responses/class-post.csv');

describe('sopkit score', () => {
  it('--json prints the score-output fields and lists the unmatched participants', async () => {
    const { code, out, err } = await run('score', '--root', root, '--quiz', 'sample-registration', '--pre', pre, '--post', post, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as ScoreReport;
    expect(Object.keys(report)).toEqual(['quiz', 'forms', 'prepost']);
    expect(Object.keys(report.forms.pre!)).toEqual(['n', 'maxScore', 'mean', 'median', 'sd', 'skewness', 'kurtosis', 'alpha', 'sem', 'items', 'participants']);
    expect(Object.keys(report.forms.pre!.items[0]!)).toEqual(['id', 'facility', 'sd', 'discrimination', 'discriminativeEfficiency', 'effectiveWeight', 'randomGuess', 'options', 'flags']);
    expect(Object.keys(report.forms.pre!.participants[0]!)).toEqual(['id', 'score', 'percent', 'passed']);
    expect(Object.keys(report.prepost!)).toEqual(['matched', 'unmatched', 'participants', 'classGain', 'meanIndividualGain', 'meanDifference', 't', 'df', 'p', 'wilcoxon', 'dz', 'objectives', 'items', 'scale']);
    expect(Object.keys(report.prepost!.wilcoxon)).toEqual(['V', 'p', 'method']);
    expect(report.prepost!.unmatched).toEqual({ pre: ['P30'], post: ['P31'] });
    expect(err).toContain('warning: only in the pre-test (not compared): P30');
    expect(err).toContain('warning: only in the post-test (not compared): P31');
  });

  it("scores Moodle's Responses report as the pre-test against a SOPKit post-test: the same report as the SOPKit pre-test CSV", async () => {
    const moodle = join(fixtures, 'moodle/responses-4x-pre.csv');
    const a = await run('score', '--root', root, '--quiz', 'sample-registration', '--pre', moodle, '--post', post, '--json');
    const b = await run('score', '--root', root, '--quiz', 'sample-registration', '--pre', pre, '--post', post, '--json');
    expect(a.code).toBe(0);
    expect(JSON.parse(a.out)).toEqual(JSON.parse(b.out));
    expect(a.err).toContain(`warning: ${moodle}: 1 attempt is not finished and not scored: row 32 (P99, In progress)`);
    const grades = await run('score', '--root', root, '--quiz', 'sample-registration', '--pre', join(fixtures, 'moodle/grades-4x-pre.csv'));
    expect(grades).toMatchObject({ code: 1, out: '' });
    expect(grades.err).toMatch(/this is Moodle's Grades report .*download the Responses report instead/);
    expect(grades.err).not.toMatch(/ at |\.ts:/);
  });

  it('says when unmatched ids differ only in how they were written (p06 for P06, P6 for P06)', async () => {
    // The post-test typed from paper sheets: ids in lower case, and some without the leading zero.
    const dir = mkdtempSync(join(tmpdir(), 'sopkit-score-ids-'));
    const typed = readFileSync(post, 'utf8').replace(/^P(\d+),/gm, (_, n: string) => (Number(n) % 2 ? `p${n},` : `P${Number(n)},`));
    writeFileSync(join(dir, 'post.csv'), typed);
    const { code, err } = await run('score', '--root', root, '--quiz', 'sample-registration', '--pre', pre, '--post', join(dir, 'post.csv'));
    expect(code).toBe(0);
    const line = err.split('\n').find((l) => l.includes('differ only in how the id is written'));
    expect(line).toMatch(/^warning: 19 of them differ only in how the id is written \(pre \/ post: P01 \/ p01, P02 \/ P2, P03 \/ p03, P04 \/ P4, P05 \/ p05, \.\.\.\)/);
    expect(line).toMatch(/; write each participant's id the same way in both files, or they are not compared$/);
  });

  it('names an id that carries two people\'s names in the two tests (a sheet numbered with another\'s id), with the files and rows', async () => {
    // Paired by id, P03's post-test score was credited to another person, without a word.
    const dir = mkdtempSync(join(tmpdir(), 'sopkit-score-names-'));
    const swapped = readFileSync(post, 'utf8').replace(/^P03,Grace K\.,/m, 'P03,Samuel O.,').replace(/^P06,Peter K\.,/m, 'P06,k. PETER,');
    writeFileSync(join(dir, 'post.csv'), swapped);
    const row = swapped.split(/\r?\n/).findIndex((l) => l.startsWith('P03,')) + 1;
    const preRow = readFileSync(pre, 'utf8').split(/\r?\n/).findIndex((l) => l.startsWith('P03,')) + 1;
    const { code, err } = await run('score', '--root', root, '--quiz', 'sample-registration', '--pre', pre, '--post', join(dir, 'post.csv'));
    expect(code).toBe(0);
    const line = err.split('\n').find((l) => l.includes('names of different people'));
    // P06 written "k. PETER" is the same person as "Peter K.": no warning for it.
    expect(line).toBe(`warning: 1 participant id carries the names of different people: P03 ("Grace K." in ${pre} row ${preRow}, "Samuel O." in ${join(dir, 'post.csv')} row ${row}); the tests are paired by id, so one person's score may be credited to another: check the ids on the answer sheets and correct the file`);
    const fine = await run('score', '--root', root, '--quiz', 'sample-registration', '--pre', pre, '--post', post);
    expect(fine.err).not.toContain('names of different people');
  });

  it('with no participant in both tests, says no gain can be computed (it printed "class gain – ()"); one participant is "1 participant"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sopkit-score-none-'));
    const [header, first] = readFileSync(post, 'utf8').split(/\r?\n/);
    writeFileSync(join(dir, 'post.csv'), `${header}\n${first!.replace(/^P\d+,/, 'Z99,')}\n`);
    const { code, out } = await run('score', '--root', root, '--quiz', 'sample-registration', '--pre', pre, '--post', join(dir, 'post.csv'));
    expect(code).toBe(0);
    expect(out).toMatch(/^  post-test: 1 participant, mean /m);
    expect(out).toContain('  pre/post: no participant took both tests (no id is in both the pre-test and the post-test), so no gain or change can be computed; the warnings list the ids found in only one');
    expect(out).not.toMatch(/\(\)|mean change/);
  });

  it('takes a quiz path, one file with a form column, and --form for a file without', async () => {
    const both = await run('score', '--root', root, '--quiz', join(root, 'quizzes/sample-registration.yaml'), '--responses', join(fixtures, 'responses/both-forms.csv'), '--json');
    expect(both.code).toBe(0);
    expect((JSON.parse(both.out) as ScoreReport).prepost?.matched).toBe(1);
    const kobo = await run('score', '--root', root, '--quiz', 'sample-registration', '--responses', join(fixtures, 'responses/kobo-pre.csv'), '--form', 'pre', '--json');
    expect(kobo.code).toBe(0);
    expect((JSON.parse(kobo.out) as ScoreReport).forms.pre?.n).toBe(3);
  });

  it('reads a Kobo export saved as an Excel workbook as it reads the CSV', async () => {
    const args = ['score', '--root', root, '--quiz', 'sample-registration', '--form', 'pre', '--json', '--responses'];
    const book = await run(...args, join(fixtures, 'workbooks/kobo-pre.xlsx'));
    const text = await run(...args, join(fixtures, 'responses/kobo-pre.csv'));
    expect(book.code).toBe(0);
    expect((JSON.parse(book.out) as ScoreReport).forms.pre?.n).toBe(3);
    expect(book.out).toBe(text.out);
    expect(book.err.replace('kobo-pre.xlsx', 'kobo-pre.csv').replace('/workbooks/', '/responses/')).toBe(text.err);
  });

  it('--lang writes report.html and report.pdf in that language, with the translated quiz; the CSVs do not change', async () => {
    // The model pack: legal-identity-foundations is translated into French and Arabic (quizzes/fr/, quizzes/ar/).
    const pack = resolve('.');
    const E = 'examples/registry-officers';
    const args = ['score', '--root', pack, '--quiz', 'legal-identity-foundations', '--pre', `${E}/pre.csv`, '--post', `${E}/post.csv`, '--date', '2026-03-06', '--out'];
    const [en, fr, ar] = [mkdtempSync(join(tmpdir(), 'sopkit-score-en-')), mkdtempSync(join(tmpdir(), 'sopkit-score-fr-')), mkdtempSync(join(tmpdir(), 'sopkit-score-ar-'))];
    expect((await run(...args, en)).code).toBe(0);
    expect((await run(...args, fr, '--lang', 'fr')).code).toBe(0);
    expect((await run(...args, ar, '--lang', 'ar')).code).toBe(0);
    const frHtml = readFileSync(join(fr, 'report.html'), 'utf8');
    expect(frHtml).toMatch(/^<!doctype html>\n<html lang="fr">/);
    // French typography: a no-break space before each colon.
    expect(frHtml).toContain('<h1>M1 Identité juridique, état civil et identification\u00a0: test de début et de fin de formation\u00a0: résultats</h1>');
    expect(pdfText(join(fr, 'report.pdf')).replace(/\s+/g, ' ')).toContain('Note de passage : 70 %');
    // Arabic page, right to left, with the Arabic quiz's title (quizzes/ar/legal-identity-foundations.yaml), nothing of it marked English.
    const arHtml = readFileSync(join(ar, 'report.html'), 'utf8');
    expect(arHtml).toMatch(/^<!doctype html>\n<html lang="ar" dir="rtl">/);
    expect(arHtml).toContain('<h1>M1 الهوية القانونية والتسجيل المدني وتحديد الهوية: الاختبار القبلي والبعدي: النتائج</h1>');
    expect(arHtml).not.toContain('M1 Legal identity, civil registration and identification');
    // A quiz with no Arabic translation keeps its English title, marked as such: M4's, in a copy of
    // the pack without its Arabic translation (quizzes/ar/data-quality-fraud-protection.yaml); its
    // responses are the model pack's (a relative path is read from --root).
    const untranslated = packWithout('quizzes/ar/data-quality-fraud-protection.yaml');
    const m4 = mkdtempSync(join(tmpdir(), 'sopkit-score-ar-m4-'));
    expect((await run('score', '--root', untranslated, '--quiz', 'data-quality-fraud-protection', '--pre', join(pack, E, 'pre-data-quality-fraud-protection.csv'), '--post', join(pack, E, 'post-data-quality-fraud-protection.csv'), '--date', '2026-03-06', '--out', m4, '--lang', 'ar')).code).toBe(0);
    expect(readFileSync(join(m4, 'report.html'), 'utf8')).toContain('<span lang="en" dir="ltr">M4 Data quality, fraud prevention and data protection: pre- and post-test</span>');
    expect(readFileSync(join(en, 'report.html'), 'utf8')).toMatch(/^<!doctype html>\n<html lang="en">/);
    for (const file of ['scores.csv', 'items.csv']) {
      expect(readFileSync(join(fr, file), 'utf8'), file).toBe(readFileSync(join(en, file), 'utf8'));
      expect(readFileSync(join(ar, file), 'utf8'), file).toBe(readFileSync(join(en, file), 'utf8'));
    }
    // Not a language of the pack: one line naming them, before any file is read.
    const wrong = await run('score', '--root', pack, '--quiz', 'legal-identity-foundations', '--pre', 'no-such.csv', '--lang', 'es');
    expect([wrong.code, wrong.err]).toEqual([1, 'sopkit score: --lang es: not a language of this pack; use one of en (English), fr (Français), ar (العربية) (the locales of content/site.yaml)']);
  });

  it('--out writes scores.csv, items.csv, report.html and report.pdf', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sopkit-score-'));
    const { code, err } = await run('score', '--root', root, '--quiz', 'sample-registration', '--pre', pre, '--post', post, '--out', dir, '--date', '2026-03-10');
    expect(code).toBe(0);
    expect(err).toMatch(/wrote scores.csv, items.csv, report.html, report.pdf/);
    expect(readFileSync(join(dir, 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    // Excel reads a CSV as UTF-8 (a name "Aïcha" as written) only with the byte order mark.
    for (const file of ['scores.csv', 'items.csv']) expect([...readFileSync(join(dir, file)).subarray(0, 3)], file).toEqual([0xef, 0xbb, 0xbf]);
    const scores = readCsv(readFileSync(join(dir, 'scores.csv'), 'utf8'), 'scores.csv');
    expect(scores.header).toEqual(['participant', 'name', 'pre_score', 'pre_percent', 'pre_passed', 'post_score', 'post_percent', 'post_passed', 'gain']);
    expect(scores.rows).toHaveLength(31);
    expect(scores.rows.find((r) => r[0] === 'P30')?.slice(5)).toEqual(['', '', '', '']);
    const items = readCsv(readFileSync(join(dir, 'items.csv'), 'utf8'), 'items.csv');
    expect(items.rows).toHaveLength(12);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<svg class="chart" role="img"');
    expect(html).toContain('pre-test only: P30');
    expect(html).toContain('report of <bdi>2026-03-10</bdi>');
  });

  it('bad input: one line with file, row and column, exit 1', async () => {
    const bad = join(fixtures, 'bad-responses/unknown-option.csv');
    const { code, err } = await run('score', '--root', root, '--quiz', 'sample-registration', '--responses', bad);
    expect(code).toBe(1);
    expect(err).toMatch(/^sopkit score: .*unknown-option.csv row 3, column D \(s-01\): "e" is not an option of item s-01/);
    expect(err.split('\n')).toHaveLength(1);
  });

  it.each([
    [['--pre', pre], /give the quiz: --quiz/],
    [['--quiz', 'sample-registration'], /give the responses/],
    [['--quiz', 'nope', '--pre', pre], /no quiz "nope" in quizzes\/; known: sample-registration/],
    [['--quiz', 'sample-registration', '--pre', 'missing.csv'], /missing.csv: no such file/],
    [['--quiz', 'sample-registration', '--responses', pre, '--form', 'mid'], /--form mid: use --form pre or --form post/],
  ])('usage mistakes are one line: %j', async (args, message) => {
    const { code, err } = await run('score', '--root', root, ...args);
    expect(code).toBe(1);
    expect(err).toMatch(message);
  });
});
