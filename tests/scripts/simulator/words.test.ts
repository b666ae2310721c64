import { describe, expect, it } from 'vitest';
import { pluralForms } from '../../../src/i18n/index.ts';
import { count, plural } from '../../../src/scripts/simulator/words.ts';

const data = (lang: string) => ({ lang, plurals: { 'sim.score.wrong': pluralForms('sim.score.wrong', lang) } });

describe('counts in the simulator, in the page language', () => {
  it('picks the plural form Intl.PluralRules gives, from the forms the page wrote', () => {
    expect(plural(data('en'), 'sim.score.wrong', 1)).toBe('1 wrong choice');
    expect(plural(data('en'), 'sim.score.wrong', 2)).toBe('2 wrong choices');
    expect(plural(data('fr'), 'sim.score.wrong', 0)).toBe('0 mauvais choix');
    // Arabic has six forms: none, one, two, a few (3–10), many (11–99), other.
    expect([0, 1, 2, 3, 11, 100].map((n) => plural(data('ar'), 'sim.score.wrong', n))).toEqual([
      'لا اختيار خاطئ',
      'اختيار خاطئ واحد',
      'اختياران خاطئان',
      '3 اختيارات خاطئة',
      '11 اختيارًا خاطئًا',
      '100 اختيار خاطئ',
    ]);
  });

  it('writes numbers in the digits of the locale', () => {
    expect(count('fr', 12)).toBe('12');
    expect(count('ar-EG', 12)).toBe('١٢');
    expect(plural({ lang: 'ar-EG', plurals: data('ar').plurals }, 'sim.score.wrong', 3)).toBe('٣ اختيارات خاطئة');
  });
});
