import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { glossarySourceLang } from '../../../src/lib/translation/localize.ts';

// The model pack: its French glossary gives some terms a source of their own (in French), others
// only their words; the Arabic one gives none.
const project = loadProject(join(import.meta.dirname, '../../..'));

describe("the language of a glossary term's source on a page", () => {
  it("is the page's own when the translation gives the term a source", () => {
    expect(glossarySourceLang(project, 'fr', 'civil-registration')).toBeUndefined();
  });

  it("is the source language's when the translation keeps the source's reference, or has not the term", () => {
    // "Source : UN Handbook on Civil Registration..." on the French page, "المصدر: UN Handbook..." on the Arabic one.
    expect(glossarySourceLang(project, 'fr', 'notification')).toBe('en');
    expect(glossarySourceLang(project, 'ar', 'notification')).toBe('en');
    expect(glossarySourceLang(project, 'fr', 'death')).toBe('en');
  });

  it('is the page language itself on a source page', () => {
    expect(glossarySourceLang(project, 'en', 'notification')).toBeUndefined();
    expect(glossarySourceLang(project, undefined, 'notification')).toBeUndefined();
  });
});
