// The training report in a UI language: the English words of src/i18n/en.json are exactly the
// report's (so `sopkit score` and the English scoring page stay as they were), and a French or
// Arabic report of the same responses carries the same numbers in its own words and format.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/lib/assessment/report.ts';
import { renderReportFragment, renderReportHtml } from '../../../src/lib/assessment/report-html.ts';
import { englishReport, reportNumber } from '../../../src/lib/assessment/report-words.ts';
import { reportWordsIn } from '../../../src/lib/assessment/report-words-in.ts';
import { resolveQuiz } from '../../../src/lib/assessment/quiz-load.ts';
import { combineResponses, parseResponses } from '../../../src/lib/assessment/responses.ts';
import { numberLocale } from '../../../src/lib/assessment/score-line.ts';
import { percentSign } from '../../../src/i18n/numbers.ts';

const fixtures = resolve('tests/fixtures/assessment');
const quiz = resolveQuiz(join(fixtures, 'project'), 'sample-registration').quiz;
const read = (name: string) => parseResponses(readFileSync(join(fixtures, 'responses', name), 'utf8'), name, quiz);
const report = buildReport(quiz, combineResponses([read('class-pre.csv'), read('class-post.csv')]));
/** The numbers of the report's number cells, read with a decimal separator. */
/** The report without the cells' column names (data-label, for the phone cards), whose content these tests compare. */
const unlabel = (html: string) => html.replace(/ data-label="[^"]*"/g, '');
const cells = (html: string, decimal: string) =>
  [...unlabel(html).matchAll(/<td class="n">(?:<span[^>]*><\/span>)?([^<]*)<\/td>/g)].map((m) => (m[1] ?? '').replace(/\s/g, '').replaceAll(decimal, '.'));

describe('report words', () => {
  it('English from en.json is the report as sopkit score writes it', () => {
    expect(reportWordsIn('en')).toEqual(englishReport);
  });

  it('French and Arabic have every word, with as many table headers as the English', () => {
    for (const lang of ['fr', 'ar']) {
      const words = reportWordsIn(lang);
      expect(words.itemsHead).toHaveLength(10);
      expect(words.stats).toHaveLength(9);
      expect(words.prePost).not.toBe(englishReport.prePost);
      expect(Object.values(words.flags).every((f) => f.length > 0)).toBe(true);
    }
  });

  it('formats numbers in the locale with the English decimals and a real minus sign', () => {
    const fr = reportNumber(numberLocale('fr'));
    expect(fr(0.5234, 3)).toBe('0,523');
    expect(fr(-1.25, 1)).toBe('−1,3');
    expect(fr(-0.001, 2)).toBe('0,00');
    expect(fr(null)).toBe('–');
    expect(reportNumber()(-1.25, 1)).toBe('−1.3');
  });

  it('a French report has the English report’s numbers, in French words and format', () => {
    const english = renderReportFragment(report, quiz, { level: 2 });
    const french = renderReportFragment(report, quiz, { level: 2, words: reportWordsIn('fr'), locale: numberLocale('fr') });
    const en = cells(english, ',');
    expect(en.length).toBeGreaterThan(20);
    expect(cells(french, ',')).toEqual(en);
    expect(french).toContain('<h3 id="prepost">Pré-test et post-test</h3>');
    expect(french).not.toContain('Mastery of each objective');
    expect(unlabel(french)).toMatch(/<td class="n">\d+,\d+<\/td>/);
  });

  it('writes the percent sign of each percent cell as the locale does: 72.5% in English, 72,5 % in French (no-break space), ٪ after Arabic-Indic digits', () => {
    const signs = (html: string) => [...unlabel(html).matchAll(/<td class="n">(?:<span[^>]*><\/span>)?[^<]*?(\s?[%٪])[^<]*<\/td>/g)].map((m) => m[1]);
    const english = signs(renderReportFragment(report, quiz, { level: 2 }));
    const french = signs(renderReportFragment(report, quiz, { level: 2, words: reportWordsIn('fr'), locale: numberLocale('fr') }));
    const arabic = signs(renderReportFragment(report, quiz, { level: 2, words: reportWordsIn('ar'), locale: 'ar-u-nu-arab' }));
    expect(english.length).toBeGreaterThan(10);
    expect(new Set(english)).toEqual(new Set(['%']));
    expect(french).toHaveLength(english.length);
    expect(new Set(french)).toEqual(new Set([percentSign('', 'fr')]));
    expect(percentSign('', 'fr')).toMatch(/^[\u00a0\u202f]%$/);
    expect(new Set(arabic)).toEqual(new Set(['٪']));
  });

  it('marks an untranslated quiz’s words with their language and direction on an Arabic report', () => {
    const html = renderReportFragment(report, quiz, { words: reportWordsIn('ar'), locale: numberLocale('ar'), content: { lang: 'en', dir: 'ltr' } });
    expect(html).toContain(`<span lang="en" dir="ltr">${quiz.title}</span>`);
    expect(unlabel(html)).toContain(`<td><span lang="en" dir="ltr">${quiz.objectives[0]!.text}</span></td>`);
    expect(renderReportFragment(report, quiz)).not.toContain('<span lang=');
    // A participant's name from the file keeps its own direction (its full stop moved to its start without).
    const named = renderReportFragment(report, quiz, { words: reportWordsIn('ar'), locale: numberLocale('ar'), names: new Map([['P22', 'Emmanuel K.']]) });
    expect(named).toContain('<bdi>Emmanuel K.</bdi>');
  });

  it('an Arabic or French report punctuates its lists in its own language, says "x من y", and keeps a date left to right', () => {
    // Two more participants left after the pre-test, so that the pre-test's list has three ids.
    const post = readFileSync(join(fixtures, 'responses', 'class-post.csv'), 'utf8').split('\n').filter((l) => !/^P(09|23),/.test(l)).join('\n');
    const report = buildReport(quiz, combineResponses([read('class-pre.csv'), parseResponses(post, 'class-post.csv', quiz)]));
    expect(report.prepost?.unmatched.pre.length).toBeGreaterThan(1);
    expect(report.prepost?.unmatched.post.length).toBeGreaterThan(0);
    const ar = renderReportFragment(report, quiz, { words: reportWordsIn('ar'), locale: numberLocale('ar'), date: '2026-12-04' });
    const unmatched = /<p class="note" role="note">([^<]*)<\/p>/.exec(ar)?.[1] ?? '';
    expect(unmatched).toContain(report.prepost!.unmatched.pre.join('، '));
    expect(unmatched).toContain('؛ ');
    expect(unmatched).not.toMatch(/[,;] /);
    const passed = report.forms.post!.participants.filter((p) => p.passed).length;
    expect(ar).toContain(`<b>${passed} من ${report.forms.post!.n}</b>`);
    expect(ar).toContain('<bdi>2026-12-04</bdi>');
    const fr = renderReportFragment(report, quiz, { words: reportWordsIn('fr'), locale: numberLocale('fr') });
    expect(/<p class="note" role="note">([^<]*)<\/p>/.exec(fr)?.[1]).toContain('\u00a0; ');
    expect(renderReportFragment(report, quiz)).toContain(`<b>${passed} / ${report.forms.post!.n}</b>`);
  });

  it('the Arabic report.html says its language and direction', () => {
    const html = renderReportHtml(report, quiz, { words: reportWordsIn('ar'), locale: numberLocale('ar'), lang: 'ar', dir: 'rtl' });
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain(reportWordsIn('ar').methodTitle);
    expect(renderReportHtml(report, quiz)).toContain('<html lang="en">');
  });
});
