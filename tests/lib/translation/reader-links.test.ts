import { describe, expect, it } from 'vitest';
import { localesOf } from '../../../src/lib/translation/locales.ts';
import { readerLinks } from '../../../src/lib/translation/reader-links.ts';

const locales = localesOf({
  title: 'x',
  organisation: 'x',
  model: false,
  country: 'x',
  url: 'https://x.example.org',
  language: 'en',
  locales: [
    { code: 'en', label: 'English', default: true },
    { code: 'fr', label: 'Français', default: false },
    { code: 'ar', label: 'العربية', default: false, dir: 'rtl' },
  ],
});

// An English body as its components render it (remarkSop's __lang is the file's language).
const body = [
  '<a class="ref" href="/sops/birth-registration/#procedure">SOP-CR-01 §6 Procedure</a>',
  '<span class="term"><a href="/glossary/#late-registration" aria-describedby="d1">late registration</a></span>',
  '<a href="/sops/death-registration/?workflow=death-registration&#38;scenario=x#practise-death-registration">Practise</a>',
  '<a href="/country-profile/#param-x">30 days</a>',
  '<a href="/sops/x/changes/">changes</a>',
  '<a href="#p-2-7" class="pmark">§2 ¶7</a>',
  '<a href="https://example.org/sops/">outside</a>',
  '<a class="ref" href="/fr/sops/appeals-grievances/#procedure" hreflang="en">already</a>',
  '<a href="/sops/y/" hreflang="en">says its language</a>',
].join('\n');

describe('readerLinks', () => {
  it("leaves a link already to a locale's page as it is: a translated SOP's references to itself are not marked as another language's", () => {
    const own = '<a class="ref" href="/fr/sops/birth-registration/#register-the-birth">§6.8 Enregistrer la naissance</a>';
    expect(readerLinks(own, 'fr', locales)).toBe(own);
    expect(readerLinks('<a href="/ar/glossary/#x">x</a>', 'ar', locales)).toBe('<a href="/ar/glossary/#x">x</a>');
  });

  it("points a body's links to pages that exist in every locale at the reader's", () => {
    const out = readerLinks(body, 'fr', locales).split('\n');
    expect(out[0]).toBe('<a class="ref" href="/fr/sops/birth-registration/#procedure">SOP-CR-01 §6 Procedure</a>');
    expect(out[1]).toContain('href="/fr/glossary/#late-registration"');
    expect(out[2]).toContain('href="/fr/sops/death-registration/?workflow=death-registration&#38;scenario=x#practise-death-registration"');
    // A value's link opens the country profile in the reader's language, as on a translated page.
    expect(out[3]).toBe('<a href="/fr/country-profile/#param-x">30 days</a>');
  });

  it('leaves anchors, outside addresses and links that name their language, and says a source-only page is in the source language', () => {
    const out = readerLinks(body, 'ar', locales).split('\n');
    // A link to a page in the source language only, in an SOP not translated yet shown under /ar/
    // or /fr/, had no hreflang, where the menu's links to such pages have one.
    expect(out[4]).toBe('<a href="/sops/x/changes/" hreflang="en">changes</a>');
    expect(out.slice(5)).toEqual(body.split('\n').slice(5));
  });

  it('changes nothing on a source-language page, and keeps the base', () => {
    expect(readerLinks(body, 'en', locales)).toBe(body);
    expect(readerLinks('<a href="/pack/sops/x/#y">x</a> <a href="/sops/x/">outside the base</a>', 'fr', locales, '/pack/')).toBe('<a href="/pack/fr/sops/x/#y">x</a> <a href="/sops/x/">outside the base</a>');
  });
});
