import { describe, expect, it } from 'vitest';
import { orderSavedPages } from '../../../src/lib/offline/pack.ts';

const page = (path: string, lang: string | undefined, title: string) => ({ path, title, ...(lang ? { lang } : {}) });
const pages = [
  page('', 'en', 'Home'),
  page('sops/birth/', 'en', 'Birth'),
  page('glossary/', undefined, 'Glossary'),
  page('fr/', 'fr', 'Accueil'),
  page('fr/sops/birth/', 'fr', 'Naissances'),
  page('ar/glossary/', 'ar', 'مسرد'),
  page('ar/sops/birth/', 'ar', 'المواليد'),
  page('ar/', 'ar', 'الرئيسية'),
];
const locales = ['en', 'fr', 'ar'];

describe('the saved pages the offline page lists', () => {
  it("lists the reader's own language first (home, SOPs, the rest), then the others in the site's order", () => {
    // /ar/offline/ listed the English home page first.
    expect(orderSavedPages(pages, 'ar', locales).map((p) => p.path)).toEqual(['ar/', 'ar/sops/birth/', 'ar/glossary/', '', 'sops/birth/', 'glossary/', 'fr/', 'fr/sops/birth/']);
    expect(orderSavedPages(pages, 'fr', locales).map((p) => p.path)).toEqual(['fr/', 'fr/sops/birth/', '', 'sops/birth/', 'glossary/', 'ar/', 'ar/sops/birth/', 'ar/glossary/']);
    expect(orderSavedPages(pages, 'en', locales).map((p) => p.path)).toEqual(['', 'sops/birth/', 'glossary/', 'fr/', 'fr/sops/birth/', 'ar/', 'ar/sops/birth/', 'ar/glossary/']);
  });
});
