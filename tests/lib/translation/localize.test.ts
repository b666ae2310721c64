import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { projectIn, translatedSop } from '../../../src/lib/translation/localize.ts';
import { siteIn } from '../../../src/lib/translation/locales.ts';
import { siteSchema } from '../../../src/schemas/site.ts';

const fixture = join(import.meta.dirname, '../../fixtures/translation/pack');
const root = mkdtempSync(join(tmpdir(), 'localize-'));
cpSync(join(fixture, 'content'), join(root, 'content'), { recursive: true });
cpSync(join(fixture, 'versions/late-registration-1.0.0.mdx'), join(root, 'content/sops/late-registration.mdx'));
const project = loadProject(root);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the project in a language, with fallback to the source', () => {
  it('has the translated SOP, with the source anchors on its sections', () => {
    const fr = translatedSop(project, 'fr', 'late-registration');
    expect(fr?.data?.title).toBe('Enregistrement tardif des naissances');
    expect(fr?.sections.map((s) => `${s.number} ${s.anchor}`)).toEqual(project.sops[0]!.sections.map((s) => `${s.number} ${s.anchor}`));
    expect(fr?.sections.at(-1)?.title).toBe('Enregistrement tardif');
  });

  it('translates what has a translation and keeps the source for the rest', () => {
    const fr = projectIn(project, 'fr');
    expect(fr.glossary.map((g) => g.term)).toEqual(['déclaration tardive', 'informant']);
    expect(fr.roles.map((r) => r.title)).toEqual(['Registrar', 'Informant']);
    const ar = projectIn(project, 'ar');
    expect(ar.roles.map((r) => r.title)).toEqual(['أمين السجل المدني', 'Informant']);
    expect(ar.sops[0]?.data?.language).toBe('ar');
  });

  it('is the project itself in the source language', () => {
    expect(projectIn(project, 'en')).toBe(project);
  });
});

describe("the site's name and organisation in a language", () => {
  const site = siteSchema.parse({
    title: 'Model pack',
    organisation: '[Authority]',
    country: '[Country]',
    url: 'https://example.org',
    language: 'en',
    locales: [
      { code: 'en', label: 'English', default: true },
      { code: 'fr', label: 'Français', title: 'Ensemble modèle', organisation: '[Autorité]' },
      { code: 'ar', label: 'العربية' },
    ],
  });

  it("takes a locale's own words, and the site's where the locale gives none", () => {
    expect(siteIn(site, 'fr')).toEqual({ title: 'Ensemble modèle', organisation: '[Autorité]' });
    expect(siteIn(site, 'ar')).toEqual({ title: 'Model pack', organisation: '[Authority]' });
    expect(siteIn(site, 'en')).toEqual({ title: 'Model pack', organisation: '[Authority]' });
    expect(siteIn(undefined, 'fr')).toEqual({ title: 'SOPKit', organisation: '' });
  });

  it('gives them to the project in that language, which its PDFs and pages print', () => {
    const withWords = { ...project, site: site };
    expect(projectIn(withWords, 'fr').site).toMatchObject({ title: 'Ensemble modèle', organisation: '[Autorité]', country: '[Country]' });
    expect(projectIn(withWords, 'ar').site).toMatchObject({ title: 'Model pack', organisation: '[Authority]' });
  });
});
