import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/index.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import { searchDocuments } from '../../../src/lib/search/documents.ts';
import { hitKind, kindLabels, shownHit } from '../../../src/lib/search/hits.ts';
import { localesOf } from '../../../src/lib/translation/locales.ts';

const project = loadProject(join(import.meta.dirname, '../../fixtures/check/base'));
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
    { code: 'ar', label: 'العربية', default: false },
  ],
});
const kinds = (lang: string) => ({ glossary: t(kindLabels.glossary, lang), sop: t(kindLabels.sop, lang) });

describe('search hits in the reader language', () => {
  it('tells a glossary term, a whole SOP and a section apart by the path the index writes', () => {
    const docs = searchDocuments(project, 'participant');
    expect(docs.length).toBeGreaterThan(10);
    for (const doc of docs) {
      const kind = doc.id.startsWith('glossary#') ? 'glossary' : doc.id.endsWith('#') ? 'sop' : 'section';
      expect(hitKind(doc.path), doc.id).toBe(kind);
      if (kind !== 'section') expect(doc.context, doc.id).toBe(t(kindLabels[kind], 'en'));
    }
  });

  it("links a source-language hit to its page under the reader's prefix and says Glossary or Procedures in the reader's words", () => {
    const term = { title: 'Burial permit', context: 'Glossary', path: '/glossary/#burial-permit', excerpt: 'The written authorisation…' };
    expect(shownHit(term, 'en', 'fr', locales, kinds('fr'))).toEqual({ ...term, path: '/fr/glossary/#burial-permit', context: 'Glossaire', lang: 'en', contextLang: 'fr' });
    expect(shownHit(term, 'en', 'ar', locales, kinds('ar'))).toMatchObject({ path: '/ar/glossary/#burial-permit', context: 'مسرد المصطلحات', contextLang: 'ar' });
    const sop = { title: 'SOP-CR-03 Death registration', context: 'Procedures', path: '/sops/death-registration/', excerpt: 'How a death…' };
    expect(shownHit(sop, 'en', 'fr', locales, kinds('fr'))).toMatchObject({ path: '/fr/sops/death-registration/', context: 'Procédures', contextLang: 'fr' });
    // A section's context is its SOP's title: the SOP's words, in the SOP's language.
    const section = { title: 'SOP-CR-03 §6.8 Register the death', context: 'Death registration', path: '/sops/death-registration/#register', excerpt: '…' };
    expect(shownHit(section, 'en', 'fr', locales, kinds('fr'))).toMatchObject({ path: '/fr/sops/death-registration/#register', context: 'Death registration', lang: 'en', contextLang: 'en' });
  });

  it("shows the reader's own hits as they are, and keeps the source's page for a page the locale does not have", () => {
    const own = { title: 'Acte de naissance', context: 'Glossaire', path: '/fr/glossary/#birth-certificate', excerpt: '…' };
    expect(shownHit(own, 'fr', 'fr', locales, kinds('fr'))).toEqual({ ...own, lang: 'fr', contextLang: 'fr' });
    const english = { title: 'Burial permit', context: 'Glossary', path: '/glossary/#burial-permit', excerpt: '…' };
    expect(shownHit(english, 'en', 'en', locales, kinds('en'))).toEqual({ ...english, lang: 'en', contextLang: 'en' });
    const changes = { title: 'x', context: 'Death registration', path: '/sops/death-registration/changes/', excerpt: '…' };
    expect(shownHit(changes, 'en', 'fr', locales, kinds('fr')).path).toBe('/sops/death-registration/changes/');
  });
});
