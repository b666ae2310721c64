import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject, type Project } from '../../../src/lib/content/project.ts';
import { glossarySourceLang } from '../../../src/lib/translation/localize.ts';

// The model pack: its French glossary gives some terms a source of their own (in French), others
// only their words; the Arabic one gives none.
const project = loadProject(join(import.meta.dirname, '../../..'));

/** The pack with its French glossary lacking the term `id`, as a translation under way has it. */
function withoutFrenchTerm(project: Project, id: string): Project {
  const fr = project.translations.fr!;
  const glossary = { ...fr.glossary, entries: fr.glossary.entries.filter((e) => e.id !== id) };
  return { ...project, translations: { ...project.translations, fr: { ...fr, glossary } } };
}

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
