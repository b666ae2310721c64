import { describe, expect, it } from 'vitest';
import ar from '../../src/i18n/ar.json';
import en from '../../src/i18n/en.json';
import { direction, formatNumber, t } from '../../src/i18n/index.ts';

describe('Arabic UI strings', () => {
  it('has only keys English has, with the same placeholders', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    // A plural form may say its count in words ("يومان", two days): `{count}` and `{n}` may be left out.
    const notCount = (p: string) => p !== '{count}' && p !== '{n}';
    for (const [key, value] of Object.entries(ar)) {
      // A unit's case forms (`param.unit.days.genitive.two`, ARCHITECTURE.md, Translations: a
      // value's case) stand beside English's one form of the unit, which has no cases.
      const cased = /^(param\.unit\.[\w-]+)\.(?:accusative|genitive)\.(?:zero|one|two|few|many|other)$/.exec(key);
      if (cased) {
        const other = en[`${cased[1]}.other` as keyof typeof en];
        expect(other, key).toBeDefined();
        expect(placeholders(value).filter(notCount), key).toEqual(placeholders(other).filter(notCount));
        continue;
      }
      // Plural categories English does not have (zero, two, few, many) stand beside its `.other`,
      // and may leave out the count ("نتيجتان": two results).
      const plural = /^(.*)\.(zero|two|few|many)$/.exec(key);
      if (plural) {
        const other = en[`${plural[1]}.other` as keyof typeof en];
        expect(other, key).toBeDefined();
        expect(placeholders(value).filter(notCount), key).toEqual(placeholders(other).filter(notCount));
        continue;
      }
      expect(key in en, key).toBe(true);
      const english = en[key as keyof typeof en];
      if (/\.one$/.test(key)) expect(placeholders(value).filter(notCount), key).toEqual(placeholders(english).filter(notCount));
      else expect(placeholders(value), key).toEqual(placeholders(english));
    }
  });

  it('covers every word the PDFs print: handbooks, booklets, answer sheets, reports, workflow tables', () => {
    const printed = Object.keys(en).filter((k) => /^(handbook|booklet|report|sop|status|legal|roles|forms|step|steps|callout|glossary)\./.test(k));
    expect(printed.filter((k) => !(k in ar))).toEqual([]);
  });

  it('is what t() returns for ar and for a regional tag, English for a key it lacks', () => {
    expect(t('handbook.page', 'ar', { n: 3, m: 12 })).toBe('صفحة 3 من 12');
    expect(t('handbook.page', 'ar-EG', { n: '٣', m: '١٢' })).toBe('صفحة ٣ من ١٢');
    expect(direction('ar')).toBe('rtl');
    expect(direction('ar-EG')).toBe('rtl');
  });

  it("prints page numbers in the locale's digits", () => {
    expect(formatNumber(1234, 'en')).toBe('1234');
    expect(formatNumber(12, 'ar-EG')).toBe('١٢');
    expect(formatNumber(12, 'ar')).toBe(new Intl.NumberFormat('ar', { useGrouping: false }).format(12));
  });
});

describe('the name of a language the UI strings do not name', () => {
  // A country adds a locale to content/site.yaml (es): pages ask for `language.es`, which no UI
  // file had, and the build stopped with "Cannot read properties of undefined (reading 'replace')".
  it('comes from the runtime in the reader’s language; a code it does not know stays the code', () => {
    const name = (code: string, lang: string) => t(`language.${code}` as Parameters<typeof t>[0], lang);
    expect(name('es', 'en')).toBe('Spanish');
    expect(name('es', 'fr')).toBe('espagnol');
    expect(name('es', 'ar')).toBe('الإسبانية');
    expect(name('es', 'es')).toBe('español');
    expect(name('xx', 'en')).toBe('xx');
    // The languages the UI names keep their own strings.
    expect(name('fr', 'en')).toBe('French');
  });
});
