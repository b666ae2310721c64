import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject, type Project } from '../../../src/lib/content/project.ts';
import { glossarySourceLang, untranslatedLang } from '../../../src/lib/translation/localize.ts';

// The model pack: its French glossary gives some terms a source of their own (in French), others
// only their words; the Arabic one gives none.
const project = loadProject(join(import.meta.dirname, '../../..'));

/** The pack with its `lang` glossary lacking the term `id`, as a translation under way has it. */
function withoutTerm(project: Project, lang: string, id: string): Project {
  const locale = project.translations[lang]!;
  const glossary = { ...locale.glossary, entries: locale.glossary.entries.filter((e) => e.id !== id) };
  return { ...project, translations: { ...project.translations, [lang]: { ...locale, glossary } } };
}
const withoutFrenchTerm = (project: Project, id: string) => withoutTerm(project, 'fr', id);

describe("the language of a glossary term's source on a page", () => {
  it("is the page's own when the translation gives the term a source", () => {
    expect(glossarySourceLang(project, 'fr', 'civil-registration')).toBeUndefined();
  });

  it("is the source language's when the translation keeps the source's reference, or has not the term", () => {
    // "Source : UN Handbook on Civil Registration..." on the French page, "المصدر: UN Handbook..." on the Arabic one.
    expect(glossarySourceLang(project, 'fr', 'notification')).toBe('en');
    expect(glossarySourceLang(project, 'ar', 'notification')).toBe('en');
    // The pack's French glossary has every term: one it lacks is shown with the source's reference.
    expect(glossarySourceLang(withoutFrenchTerm(project, 'death'), 'fr', 'death')).toBe('en');
  });

  it('is the page language itself on a source page', () => {
    expect(glossarySourceLang(project, 'en', 'notification')).toBeUndefined();
    expect(glossarySourceLang(project, undefined, 'notification')).toBeUndefined();
  });
});

// The language a <Term>'s words and pop-up are marked with on a page (Term.astro): the model pack's
// French and Arabic glossaries have every term, so no built page shows one untranslated (the
// browser test in tests/e2e/languages.test.ts finds none to mark); a copy lacking one shows it.
describe("the language of a glossary term's words on a page", () => {
  it('is the page\'s own for every term of the French and Arabic glossaries', () => {
    for (const lang of ['fr', 'ar']) {
      for (const term of project.glossary) expect(untranslatedLang(project, lang, 'glossary', term.id), `${lang}: ${term.id}`).toBeUndefined();
    }
  });

  it("is the source language's for a term the translation lacks, and only for it", () => {
    const partial = withoutTerm(project, 'ar', 'burial-permit');
    expect(untranslatedLang(partial, 'ar', 'glossary', 'burial-permit')).toBe('en');
    expect(untranslatedLang(partial, 'ar', 'glossary', 'death-certificate')).toBeUndefined();
    expect(untranslatedLang(partial, 'fr', 'glossary', 'burial-permit')).toBeUndefined();
  });

  it('is nothing on a source page', () => {
    expect(untranslatedLang(project, 'en', 'glossary', 'burial-permit')).toBeUndefined();
    expect(untranslatedLang(project, undefined, 'glossary', 'burial-permit')).toBeUndefined();
  });
});
