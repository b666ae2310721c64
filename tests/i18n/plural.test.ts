import { describe, expect, it } from 'vitest';
import fr from '../../src/i18n/fr.json';
import en from '../../src/i18n/en.json';
import { minutes, pluralCategory, pluralForms, tn } from '../../src/i18n/index.ts';
import { formatParameter } from '../../src/lib/params/format.ts';

describe('plural forms through Intl.PluralRules', () => {
  it('chooses one or other in English and French (French 0 is singular)', () => {
    expect(tn('search.results', 1, 'en', { query: 'birth' })).toBe('1 result for “birth”');
    expect(tn('search.results', 0, 'en', { query: 'birth' })).toBe('0 results for “birth”');
    expect(tn('search.results', 0, 'fr', { query: 'naissance' })).toBe('0 résultat pour «\u00a0naissance\u00a0»');
    expect(tn('search.results', 2, 'fr', { query: 'naissance' })).toBe('2 résultats pour «\u00a0naissance\u00a0»');
  });

  it('uses the six Arabic categories', () => {
    expect([0, 1, 2, 3, 11, 100].map((n) => pluralCategory(n, 'ar'))).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    expect(tn('search.results', 2, 'ar', { query: 'ولادة' })).toBe('نتيجتان لـ «ولادة»');
    expect(tn('search.results', 5, 'ar', { query: 'ولادة' })).toBe('5 نتائج لـ «ولادة»');
    expect(tn('search.results', 11, 'ar', { query: 'ولادة' })).toBe('11 نتيجة لـ «ولادة»');
  });

  it('counts sessions as each language does: Arabic 1, 2, 3–10, 11–99 and 100 take five different forms', () => {
    expect([1, 2, 8, 10, 11, 12, 100].map((n) => tn('modules.sessionCount', n, 'ar'))).toEqual(['جلسة واحدة', 'جلستان', '8 جلسات', '10 جلسات', '11 جلسة', '12 جلسة', '100 جلسة']);
    expect([1, 8].map((n) => tn('modules.sessionCount', n, 'fr'))).toEqual(['1 séance', '8 séances']);
    expect([1, 8].map((n) => tn('modules.sessionCount', n, 'en'))).toEqual(['1 session', '8 sessions']);
  });

  it('says a session or activity length in the form Arabic gives the count (10 دقائق, not 10 دقيقة); English and French keep "min"', () => {
    const ar = [1, 2, 10, 45, '10', '100'].map((n) => minutes(n, 'ar'));
    expect(ar).toEqual([tn('training.minutes', 1, 'ar'), tn('training.minutes', 2, 'ar'), '10 دقائق', '45 دقيقة', '10 دقائق', '100 دقيقة']);
    expect(ar[1]).toBe('دقيقتان');
    expect([minutes(10, 'en'), minutes('45', 'fr'), minutes(1, 'en')]).toEqual(['10 min', '45 min', '1 min']);
  });

  it("writes the count in the locale's digits", () => {
    expect(tn('search.results', 5, 'ar-EG', { query: 'x' })).toBe('٥ نتائج لـ «x»');
  });

  it('gives a browser script every form a language has', () => {
    expect(Object.keys(pluralForms('search.results', 'ar')).sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    expect(Object.keys(pluralForms('search.results', 'en')).sort()).toEqual(['one', 'other']);
  });
});

describe('parameter values in the words of each language', () => {
  it('says days in the Arabic plural form the count takes', () => {
    const days = (value: number) => formatParameter({ value, unit: 'days' }, 'ar');
    expect([1, 2, 3, 30, 100].map(days)).toEqual(['يوم واحد', 'يومان', '3 أيام', '30 يومًا', '100 يوم']);
    expect(formatParameter({ value: 30, unit: 'days' }, 'fr')).toBe('30 jours');
    expect(formatParameter({ value: 1, unit: 'days' }, 'en')).toBe('1 day');
  });
});

describe('French UI strings', () => {
  it('has only keys English has, with the same placeholders', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, value] of Object.entries(fr)) {
      expect(key in en, key).toBe(true);
      expect(placeholders(value), key).toEqual(placeholders(en[key as keyof typeof en]));
    }
  });
});

describe('formatDate', () => {
  it('writes a date as a reader of the language writes it, keeping ISO in English and anything else as written', async () => {
    const { formatDate } = await import('../../src/i18n/index.ts');
    expect(formatDate('2025-07-01', 'fr')).toBe('1er juillet 2025');
    expect(formatDate('2025-07-11', 'fr')).toBe('11 juillet 2025');
    expect(formatDate('2025-07-01', 'ar')).toMatch(/^(1|١) يوليو (2025|٢٠٢٥)$/);
    expect(formatDate('2025-12-31', 'fr')).toBe('31 décembre 2025');
    expect(formatDate('2025-07-01', 'en')).toBe('2025-07-01');
    expect(formatDate('[date]', 'fr')).toBe('[date]');
  });
});
