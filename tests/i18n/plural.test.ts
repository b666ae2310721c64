import { describe, expect, it } from 'vitest';
import { pluralCategory, pluralForms, tn } from '../../src/i18n/index.ts';

describe('plural forms through Intl.PluralRules', () => {
  it('chooses one or other in English and French (French 0 is singular)', () => {
    expect(tn('search.results', 1, 'en', { query: 'birth' })).toBe('1 result for “birth”');
    expect(tn('search.results', 0, 'en', { query: 'birth' })).toBe('0 results for “birth”');
    expect(tn('search.results', 0, 'fr', { query: 'naissance' })).toBe('0 résultat pour « naissance »');
    expect(tn('search.results', 2, 'fr', { query: 'naissance' })).toBe('2 résultats pour « naissance »');
  });

  it('uses the six Arabic categories', () => {
    expect([0, 1, 2, 3, 11, 100].map((n) => pluralCategory(n, 'ar'))).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    expect(tn('search.results', 2, 'ar', { query: 'ولادة' })).toBe('نتيجتان لـ «ولادة»');
    expect(tn('search.results', 5, 'ar', { query: 'ولادة' })).toBe('5 نتائج لـ «ولادة»');
    expect(tn('search.results', 11, 'ar', { query: 'ولادة' })).toBe('11 نتيجة لـ «ولادة»');
  });

  it("writes the count in the locale's digits", () => {
    expect(tn('search.results', 5, 'ar-EG', { query: 'x' })).toBe('٥ نتائج لـ «x»');
  });

  it('gives a browser script every form a language has', () => {
    expect(Object.keys(pluralForms('search.results', 'ar')).sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    expect(Object.keys(pluralForms('search.results', 'en')).sort()).toEqual(['one', 'other']);
  });
});
