import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

/** The `<a>` tags of a built page, as [href, hreflang, text]. */
function links(path: string, within?: RegExp): [string, string, string][] {
  const html = readFileSync(join(inject('distDir'), path), 'utf8');
  const part = within ? (within.exec(html)?.[1] ?? '') : html;
  return [...part.matchAll(/<a\s([^>]*)>([\s\S]*?)<\/a>/g)].map((m) => [
    /\shref="([^"]*)"/.exec(` ${m[1]}`)?.[1] ?? '',
    /\shreflang="([^"]*)"/.exec(` ${m[1]}`)?.[1] ?? '',
    m[2]!.replace(/<[^>]+>/g, ''),
  ]);
}
const body = /<div class="(?:sop-body prose|module-body)"[^>]*>([\s\S]*?)<\/(?:article|main)>/;
/** Links to an SOP, the glossary or a module page, the pages every locale has. */
const localized = (href: string) => /^\/(?:(?:fr|ar)\/)?(?:sops|glossary|modules)\//.test(href);

describe("links in a text not translated yet keep the reader's language", () => {
  it("on a French or Arabic page of an SOP or a module shown in English, cross-references, terms and simulator links go to the reader's pages", () => {
    for (const [lang, path] of [
      ['fr', 'fr/sops/civil-status-correction/index.html'],
      ['ar', 'ar/sops/civil-status-correction/index.html'],
      ['fr', 'fr/modules/civil-registration-births-deaths/index.html'],
      ['ar', 'ar/modules/data-quality-fraud-protection/index.html'],
    ] as const) {
      const found = links(path, body).filter(([href, hreflang]) => localized(href) && hreflang === '');
      expect(found.length, path).toBeGreaterThan(3);
      // They went to /sops/..., /glossary/... : the English site, menu and all.
      expect(found.filter(([href]) => !href.startsWith(`/${lang}/`)), path).toEqual([]);
    }
    // A reference to the French birth registration SOP from an SOP not translated yet opens the French one.
    expect(links('fr/sops/civil-status-correction/index.html', body).map(([href]) => href)).toContain('/fr/sops/birth-registration/#procedure');
    expect(links('fr/modules/civil-registration-births-deaths/index.html', body).map(([href]) => href).filter((h) => h.includes('?workflow='))[0]).toMatch(/^\/fr\/sops\//);
  });

  it('leaves the English pages linking the English site', () => {
    const found = links('sops/civil-status-correction/index.html', body).filter(([href]) => localized(href));
    expect(found.length).toBeGreaterThan(3);
    expect(found.filter(([href]) => /^\/(fr|ar)\//.test(href))).toEqual([]);
  });

  it("links the home page's working documents in the reader's language, and says which are in English", () => {
    // The country profile and the concordance exist in every language now (they were English only, "(anglais)").
    const adapt = (path: string) => links(path, /<h2>[^<]*<\/h2>\s*<p>[^<]*<\/p>\s*<ul>((?:(?!<\/ul>)[\s\S])*?country-profile[\s\S]*?)<\/ul>/);
    expect(adapt('fr/index.html')).toEqual([
      ['/fr/country-profile/', '', 'Profil du pays'],
      ['/fr/concordance/', '', 'Concordance juridique'],
      ['/fr/translations/', '', 'Traductions'],
    ]);
    expect(adapt('ar/index.html').map(([href, hreflang]) => [href, hreflang])).toEqual([
      ['/ar/country-profile/', ''],
      ['/ar/concordance/', ''],
      ['/ar/translations/', ''],
    ]);
    expect(adapt('index.html')).toEqual([
      ['/country-profile/', '', 'Country profile'],
      ['/concordance/', '', 'Legal concordance'],
      ['/translations/', '', 'Translations'],
    ]);
    // The authoring guide, named in the text for consultants, is in English only too.
    expect(links('fr/index.html')).toContainEqual(['/guide/', 'en', 'guide de rédaction (anglais)']);
  });
});
