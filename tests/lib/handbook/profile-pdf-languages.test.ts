import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { t } from '../../../src/i18n/index.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import { writeTranslatedAdaptations } from '../../../src/lib/handbook/adaptation.ts';
import { printedLang } from '../../../src/lib/params/profile.ts';
import type { WrittenPdf } from '../../../src/lib/handbook/write.ts';
import { parameterAnchor } from '../../../src/lib/params/anchor.ts';
import { siteUrl } from '../../../src/lib/handbook/sop-body.ts';
import { contentText, pdfInfo, pdfText, qpdfCheck, withoutBidiMarks } from './pdf-tools.ts';

// The working committee's documents printed in the reader's language. The French and Arabic pages
// linked to one country profile and one concordance, in English, marked "(English)": a committee
// meeting in French printed its values, reasons, steps and legal basis in another language.
const project = loadProject(process.cwd());
const dir = mkdtempSync(join(tmpdir(), 'profile-pdf-languages-'));
const words = (file: string, mode: '-layout' | '-raw' = '-layout') => withoutBidiMarks(pdfText(join(dir, file), undefined, undefined, mode)).replace(/\s+/g, ' ');
const labels = (lang: string) => YAML.parse(readFileSync(join(process.cwd(), `content/${lang}/parameters.yaml`), 'utf8')) as { id: string; label: string; why?: string }[];
let written: WrittenPdf[] = [];

beforeAll(async () => {
  written = await writeTranslatedAdaptations(project, { paper: 'a4', outDir: dir });
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the country profile and concordance PDFs in each translated language', () => {
  it('writes country-profile.<lang>.pdf and concordance.<lang>.pdf for every translated locale of the site, valid PDFs in that language', () => {
    expect(written.map((w) => w.file).sort()).toEqual(['concordance.ar.pdf', 'concordance.fr.pdf', 'country-profile.ar.pdf', 'country-profile.fr.pdf']);
    for (const w of written) {
      const lang = w.file.includes('.fr.') ? 'fr' : 'ar';
      expect(qpdfCheck(join(dir, w.file)).ok, w.file).toBe(true);
      expect(pdfInfo(join(dir, w.file)).Title, w.file).toBe(t(w.file.startsWith('country') ? 'profile.title' : 'concordance.title', lang));
    }
  });

  it("concordance: each translated SOP's steps and legal basis in the language, an SOP not translated in its own words", () => {
    // (In content order: the table's columns side by side would interleave the cells' lines.)
    const fr = words('concordance.fr.pdf', '-raw');
    expect(fr).toContain(t('legal.national', 'fr'));
    expect(fr).toContain("[Loi sur l'état civil, année]");
    expect(fr).toContain("[article relatif à l'obligation d'enregistrer les naissances et aux personnes tenues de les déclarer]");
    expect(fr).toContain('6.1 Notifier la naissance');
    // The correction SOP is not in French: its steps and basis stay as its source words them.
    expect(fr).toContain('SOP-CR-03 Correction and amendment of civil-status records');
    expect(fr).not.toContain('National provision');
    const ar = words('concordance.ar.pdf');
    expect(ar).toContain(t('legal.national', 'ar'));
    expect(ar).toContain('[المادة المتعلقة بوجوب تسجيل المواليد');
    expect(ar).toContain('الإخطار بالولادة');
    const links = [...contentText(join(dir, 'concordance.fr.pdf'), dir).matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]!);
    expect(links.filter((u) => u.includes('/fr/sops/birth-registration/#')).length).toBeGreaterThan(3);
    expect(links.filter((u) => /\/sops\//.test(u) && !u.includes('/fr/sops/'))).toEqual([]);
  });

  it('French: the labels, values, reasons and the names of the places a value is used in French', () => {
    const text = words('country-profile.fr.pdf');
    expect(text).toContain(t('profile.title', 'fr'));
    const birth = labels('fr').find((p) => p.id === 'birth-registration-period')!;
    expect(text).toContain(birth.label);
    expect(text).toContain('90 jours');
    expect(text).toContain(birth.why!.split(' ').slice(0, 8).join(' '));
    // A section of the French SOP, by its French title; not the English profile's words.
    expect(text).toContain('SOP-CR-01 §6 Procédure');
    expect(text).not.toContain('Legal time limit');
    expect(text).not.toContain('Why the model uses it');
  });

  it('Arabic: the labels and reasons in Arabic', () => {
    const text = words('country-profile.ar.pdf');
    // (Labels of letters and spaces only: pdftotext moves an Arabic comma to the next word.)
    const plain = labels('ar').filter((p) => /^[\u0621-\u0652 ]+$/.test(p.label));
    expect(plain.length).toBeGreaterThan(20);
    for (const p of plain) expect(text, p.id).toContain(p.label);
    expect(text).not.toContain('Why the model uses it');
    expect(text).toContain(t('profile.title', 'ar'));
  });

  it("links each parameter to its entry on the language's own profile page, and each use to the language's pages", () => {
    const uris = [...contentText(join(dir, 'country-profile.fr.pdf'), dir).matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]!);
    expect(uris).toContain(`${siteUrl(project)}/fr/country-profile/#${parameterAnchor('birth-registration-period')}`);
    expect(uris.filter((u) => /\/fr\/sops\/birth-registration\/#/.test(u)).length).toBeGreaterThan(0);
    // Never the English page of a place the French site has.
    expect(uris.filter((u) => /[^r]\/(sops|glossary|assessments)\//.test(u) && !/\/fr\//.test(u))).toEqual([]);
  });

  it('prints nothing again for a locale the pack has no translation into: its pages link the source PDFs', async () => {
    // A generated pack of 1,000 SOPs with French and Arabic locales and no translation printed two
    // more concordances of hundreds of pages each in the source's words, again after every edit.
    const bare = { ...project, translations: {} };
    expect(printedLang(bare, 'fr')).toBe('en');
    expect(printedLang(bare, 'en')).toBe('en');
    expect(printedLang(project, 'ar')).toBe('ar');
    expect(await writeTranslatedAdaptations(bare, { paper: 'a4', outDir: join(dir, 'bare') })).toEqual([]);
  });
});
