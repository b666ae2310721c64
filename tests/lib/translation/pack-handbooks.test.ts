// The model pack's French and Arabic birth registration handbooks: the step table and the diagram
// read the words of workflows/<lang>/birth-registration.yaml, as the translated web pages do.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { loadProject, type Project } from '../../../src/lib/content/project.ts';
import { renderSopHandbook } from '../../../src/lib/handbook/handbook.ts';
import { renderModuleBook } from '../../../src/lib/training/module-pdf.ts';
import { projectIn } from '../../../src/lib/translation/localize.ts';
import { t } from '../../../src/i18n/index.ts';
import { pdfInfo, pdfText, saveTo, withoutBidiMarks } from '../handbook/pdf-tools.ts';

const root = join(import.meta.dirname, '../../..');

describe('a translated handbook of the model pack', () => {
  it('prints the step table in the translation language', async () => {
    const project = loadProject(root);
    const labels = YAML.parse(readFileSync(join(root, 'workflows/fr/birth-registration.yaml'), 'utf8')) as { states: Record<string, string>; events: Record<string, string> };
    const dir = mkdtempSync(join(tmpdir(), 'fr-handbook-'));
    const path = saveTo(dir, 'fr.pdf', await renderSopHandbook(projectIn(project, 'fr'), 'birth-registration', { edition: 'participant', paper: 'a4' }));
    const raw = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' });
    const text = raw.replace(/\s+/g, ' ');
    for (const state of ['reception', 'verification', 'registration']) expect(text, state).toContain(labels.states[state]!);
    // No printed line begins with the arrow (a French reader takes "» 6.2" for a closing guillemet):
    // it stays on the line of its event.
    expect(raw.split('\n').filter((line) => line.trimStart().startsWith('»'))).toEqual([]);
    // The table's "next" column: the event in French, then the section it leads to.
    expect(text).toContain(`${labels.events['declaration.submitted']} » 6.2`);
    expect(text).not.toMatch(/declaration submitted » 6\.2/i);
  }, 120_000);

  it('says where a group of steps starts in the translation language', async () => {
    const project = loadProject(root);
    const dir = mkdtempSync(join(tmpdir(), 'fr-handbook-'));
    const path = saveTo(dir, 'fr.pdf', await renderSopHandbook(projectIn(project, 'fr'), 'national-id-enrolment', { edition: 'participant', paper: 'a4' }));
    const text = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toMatch(new RegExp(`${t('wf.startsWith', 'fr')} » 6\\.\\d`));
    expect(text).not.toContain('starts with');
  }, 120_000);

  it('marks the glossary terms the language has no translation for yet, as the site does', async () => {
    // The pack's French glossary has every term; a translation under way lacks some of those module 1 uses.
    const pack = loadProject(root);
    const missing = ['non-refoulement', 'stateless-person'];
    const source = pack.translations.fr!;
    const glossary = { ...source.glossary, entries: source.glossary.entries.filter((e) => !missing.includes(e.id)) };
    const project: Project = { ...pack, translations: { ...pack.translations, fr: { ...source, glossary } } };
    const dir = mkdtempSync(join(tmpdir(), 'fr-module-'));
    const path = saveTo(dir, 'fr.pdf', await renderModuleBook(projectIn(project, 'fr'), 'legal-identity-foundations', { edition: 'participant', paper: 'a4' }));
    const text = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const translated = new Set(glossary.entries.map((e) => e.id));
    const mark = ` (${t('modules.notTranslated', 'fr')}) —`;
    const marked = project.glossary.filter((g) => text.includes(`${g.term}${mark}`));
    expect(marked.map((g) => g.id).sort()).toEqual([...missing].sort());
    expect(marked.filter((g) => translated.has(g.id))).toEqual([]);
    // A translated term of the annex has no mark.
    const fr = projectIn(project, 'fr').glossary.filter((g) => translated.has(g.id) && text.includes(`${g.term} —`));
    expect(fr.length).toBeGreaterThan(0);
  }, 120_000);

  it.each(['fr', 'ar'])('draws the workflow diagram in the translation’s words (%s)', async (lang) => {
    const project = loadProject(root);
    const labels = YAML.parse(readFileSync(join(root, `workflows/${lang}/birth-registration.yaml`), 'utf8')) as { states: Record<string, string> };
    const dir = mkdtempSync(join(tmpdir(), `${lang}-diagram-`));
    const path = saveTo(dir, `${lang}.pdf`, await renderSopHandbook(projectIn(project, lang), 'birth-registration', { edition: 'participant', paper: 'a4' }));
    // The diagram's pages: those with its caption ("Figure 1 – ..." in the language, on each part),
    // not the step table's. Arabic is read in pdftotext's reading mode, which gives logical order.
    const caption = t('handbook.figure', lang, { n: '' }).trim();
    const pages = Array.from({ length: Number(pdfInfo(path).Pages) }, (_, i) => i + 1);
    const read = (p: number) => (lang === 'ar' ? execFileSync('pdftotext', ['-f', String(p), '-l', String(p), path, '-'], { encoding: 'utf8' }) : pdfText(path, p, p, '-raw'));
    const texts = pages.map((p) => withoutBidiMarks(read(p)).replace(/\s+/g, ' '));
    const diagram = texts.filter((text) => text.includes(caption) && !text.includes(t('handbook.steps', lang))).join(' ');
    expect(diagram.length, `no page has the caption ${caption}`).toBeGreaterThan(0);
    // Titles as the boxes wrap them (one line after another in the text).
    for (const state of ['reception', 'verification', 'registration', 'certificateIssued']) expect(diagram, state).toContain(labels.states[state]!);
    // Not the machine's own words (its title for reception, as its box wraps it).
    expect(diagram).not.toContain('Receive and screen the');
  }, 180_000);
});
