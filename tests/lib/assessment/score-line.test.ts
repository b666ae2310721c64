import { describe, expect, it } from 'vitest';
import { t, tn } from '../../../src/i18n/index.ts';
import { formatDecimal, numberLocale, scoreLine } from '../../../src/lib/assessment/score-line.ts';

describe('the score line in the reader’s language', () => {
  it('writes score, maximum and percent in French with a decimal comma', () => {
    const line = scoreLine(t('assess.score', 'fr'), { score: 11.5, max: 16, passMark: 70 }, numberLocale('fr'));
    expect(line).toEqual({ text: 'Votre note\u00a0: 11,5 sur 16 (72\u00a0%).', passed: true });
  });

  it('keeps the decimals that decide pass or fail (47.6, not 48, against 48)', () => {
    const line = scoreLine(t('assess.score', 'fr'), { score: 47.6, max: 100, passMark: 48 }, numberLocale('fr'));
    expect(line.text).toBe('Votre note\u00a0: 47,6 sur 100 (47,6\u00a0%).');
    expect(line.passed).toBe(false);
    expect(scoreLine(t('assess.score', 'en'), { score: 47.6, max: 100, passMark: 48 }, numberLocale('en')).text).toBe('Your score: 47.6 of 100 (47.6%).');
  });

  it('pins the digits the server’s ICU gives a language, so the browser prints the same', () => {
    const ar = numberLocale('ar');
    expect(ar).toBe(`ar-u-nu-${new Intl.NumberFormat('ar').resolvedOptions().numberingSystem}`);
    expect(formatDecimal(12, ar)).toBe(new Intl.NumberFormat('ar').format(12));
    // A region whose locale uses Arabic-Indic digits gets them, on the page and in the script.
    expect(formatDecimal(12.5, numberLocale('ar-EG'))).toBe('١٢٫٥');
    expect(scoreLine(t('assess.score', 'ar'), { score: 12, max: 16, passMark: 70 }, numberLocale('ar-EG')).text).toBe('درجتك: ١٢ من ١٦ (٧٥\u00a0%).');
  });
});

describe('counts on the test page and the booklet', () => {
  it('say one and several in English and French', () => {
    expect(tn('assess.count.questions', 1, 'en')).toBe('1 question');
    expect(tn('assess.count.questions', 16, 'en')).toBe('16 questions');
    expect(tn('assess.count.minutes', 25, 'fr')).toBe('Durée\u00a0: 25 minutes.');
    expect(tn('assess.count.marks', 1, 'fr')).toBe('1 point');
  });

  it('use the Arabic forms for two, a few and many', () => {
    expect([1, 2, 3, 16, 100].map((n) => tn('assess.count.questions', n, 'ar'))).toEqual(['سؤال واحد', 'سؤالان', '3 أسئلة', '16 سؤالًا', '100 سؤال']);
    expect(tn('assess.count.minutes', 25, 'ar')).toBe('الوقت المسموح به: 25 دقيقة.');
    expect(tn('assess.count.marks', 2, 'ar')).toBe('درجتان');
  });
});
