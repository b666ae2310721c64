import { describe, expect, it } from 'vitest';
import { localesOf } from '../../../src/lib/translation/locales.ts';
import { isLocalized, localePath, splitLocale } from '../../../src/lib/translation/routes.ts';

const locales = localesOf({
  title: 'x',
  organisation: 'x',
  model: false,
  country: 'x',
  url: 'https://x.example.org',
  language: 'en',
  locales: [
    { code: 'fr', label: 'Français', default: false },
    { code: 'en', label: 'English', default: true },
    { code: 'ar', label: 'العربية', default: false, dir: 'rtl' },
  ],
});

describe('locale routes', () => {
  it('lists the default locale first and decides directions', () => {
    expect(locales.map((l) => `${l.code}:${l.dir}`)).toEqual(['en:ltr', 'fr:ltr', 'ar:rtl']);
  });

  it('prefixes localized page types only, and never the source language', () => {
    expect(localePath('/sops/birth-registration/#late', 'fr', locales)).toBe('/fr/sops/birth-registration/#late');
    expect(localePath('/', 'ar', locales)).toBe('/ar/');
    expect(localePath('/sops/x/', 'en', locales)).toBe('/sops/x/');
    // Pages that exist in the source language only: the source's page.
    expect(localePath('/assessments/x/', 'fr', locales)).toBe('/assessments/x/');
    expect(localePath('/sops/x/', 'de', locales)).toBe('/sops/x/');
    expect(localePath('/sops/x/changes/', 'fr', locales)).toBe('/sops/x/changes/');
    expect(localePath('/search/?q=acte', 'fr', locales)).toBe('/fr/search/?q=acte');
  });

  it('localizes the training pages, not the trainer-only report or the CSV template', () => {
    expect(localePath('/modules/', 'fr', locales)).toBe('/fr/modules/');
    expect(localePath('/modules/m1/#session-2', 'fr', locales)).toBe('/fr/modules/m1/#session-2');
    expect(localePath('/modules/m1/slides/', 'ar', locales)).toBe('/ar/modules/m1/slides/');
    expect(localePath('/courses/c/', 'fr', locales)).toBe('/fr/courses/c/');
    expect(localePath('/courses/c/guide/', 'fr', locales)).toBe('/fr/courses/c/guide/');
    expect(localePath('/evaluations/e/?kiosk', 'ar', locales)).toBe('/ar/evaluations/e/?kiosk');
    expect(localePath('/courses/c/report/', 'fr', locales)).toBe('/courses/c/report/');
    expect(localePath('/evaluations/e/template.csv', 'fr', locales)).toBe('/evaluations/e/template.csv');
    expect(localePath('/modules/m1/slides/extra/', 'fr', locales)).toBe('/modules/m1/slides/extra/');
  });

  it('localizes the assessments page and each test page, not the files a test page links to', () => {
    expect(localePath('/assessments/', 'ar', locales)).toBe('/ar/assessments/');
    expect(localePath('/assessments/birth-registration/pre/?kiosk', 'fr', locales)).toBe('/fr/assessments/birth-registration/pre/?kiosk');
    expect(localePath('/assessments/birth-registration/pre/template.csv', 'fr', locales)).toBe('/assessments/birth-registration/pre/template.csv');
    expect(localePath('/assessments/birth-registration/gift.txt', 'fr', locales)).toBe('/assessments/birth-registration/gift.txt');
  });

  it('localizes the trainer’s scoring page, not the course report page', () => {
    expect(localePath('/scoring/', 'fr', locales)).toBe('/fr/scoring/');
    expect(localePath('/scoring/', 'en', locales)).toBe('/scoring/');
    expect(localePath('/courses/registry-officers/report/', 'fr', locales)).toBe('/courses/registry-officers/report/');
  });

  it('localizes the offline page: the footer of a French page links the French one, unmarked', () => {
    expect(isLocalized('/offline/')).toBe(true);
    expect(localePath('/offline/', 'fr', locales)).toBe('/fr/offline/');
    expect(localePath('/offline/', 'ar', locales)).toBe('/ar/offline/');
    expect(localePath('/offline/', 'en', locales)).toBe('/offline/');
    // The pack list beside it is one file for the whole site.
    expect(localePath('/offline/pack.json', 'fr', locales)).toBe('/offline/pack.json');
  });

  it('localizes the legal concordance page, and its spreadsheet is named by the page', () => {
    expect(isLocalized('/concordance/')).toBe(true);
    expect(localePath('/concordance/', 'fr', locales)).toBe('/fr/concordance/');
    expect(localePath('/concordance/', 'en', locales)).toBe('/concordance/');
    expect(isLocalized('/concordance.csv')).toBe(false);
  });

  it('splits a path into its locale and the source path', () => {
    expect(splitLocale('/fr/sops/x/', locales)).toEqual({ lang: 'fr', path: '/sops/x/' });
    expect(splitLocale('/ar/', locales)).toEqual({ lang: 'ar', path: '/' });
    expect(splitLocale('/sops/x/', locales)).toEqual({ lang: 'en', path: '/sops/x/' });
    // "en" is not a prefix: the source language has none.
    expect(splitLocale('/en/sops/', locales)).toEqual({ lang: 'en', path: '/en/sops/' });
  });

  it('is one locale, the pack language, without a locales list', () => {
    expect(localesOf({ title: 'x', organisation: 'x', model: false, country: 'x', url: 'https://x.example.org', language: 'fr' })).toEqual([{ code: 'fr', label: 'fr', default: true, dir: 'ltr' }]);
  });
});
