import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { formCourseTitle, renderEvaluationForm } from '../../../src/lib/training/evaluation/form-pdf.ts';
import { coursePrintPack } from '../../../src/lib/training/guide.ts';
import { renderJobAid, renderModuleBook } from '../../../src/lib/training/module-pdf.ts';
import { evaluationIn } from '../../../src/lib/translation/evaluations.ts';
import { projectIn } from '../../../src/lib/translation/localize.ts';
import { translationStatus } from '../../../src/lib/translation/status.ts';
import { moduleIn, translatedPdfName } from '../../../src/lib/translation/training.ts';
import { packWithout } from './pack-without.ts';

// The model pack itself: modules 1 and 2 are translated into French, the other modules are not;
// the course evaluation form is translated into French and Arabic. Every module is in Arabic, so
// `noArabicM4`, a copy of the pack without module 4's Arabic file, has a module in English only there.
const root = join(import.meta.dirname, '../../..');
const project = loadProject(root);
const noArabicM4 = loadProject(packWithout('content/ar/modules/data-quality-fraud-protection.mdx'));
const out = mkdtempSync(join(tmpdir(), 'training-i18n-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const M1 = 'legal-identity-foundations';
const M2 = 'civil-registration-births-deaths';

function pdfText(bytes: Uint8Array, name: string, mode: '-layout' | '-raw' = '-layout'): string {
  const file = join(out, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', [mode, file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('training in a reader’s language', () => {
  it('names PDFs in a language beside the source’s', () => {
    expect(translatedPdfName('legal-identity-foundations.pdf', 'fr')).toBe('legal-identity-foundations.fr.pdf');
    expect(translatedPdfName('registry-officers-evaluation-form.pdf', 'ar')).toBe('registry-officers-evaluation-form.ar.pdf');
  });

  it('gives the translation of a translated module, and the source with the notice otherwise', () => {
    const fr = moduleIn(project, M1, 'fr');
    expect(fr?.contentLang).toBe('fr');
    expect(fr?.notice).toBeUndefined();
    expect(fr?.doc.outline.sessions[0]?.title).not.toBe(project.modules.find((m) => m.id === M1)?.outline.sessions[0]?.title);
    expect(fr?.pdf('x.pdf')).toBe('x.fr.pdf');
    // Module 2 is translated too; a module with no file in a language (in Arabic, module 4 in
    // the copy without its Arabic file) falls back to the source.
    expect(moduleIn(project, M2, 'fr')?.contentLang).toBe('fr');
    const arabic = new Set(noArabicM4.translations.ar?.modules.map((m) => m.id));
    const other = noArabicM4.modules.find((m) => !arabic.has(m.id) && m.data)!;
    expect(other).toBeDefined();
    const fallback = moduleIn(noArabicM4, other.id, 'ar');
    expect(fallback?.notice).toBe('missing');
    expect(fallback?.contentLang).toBe('en');
    expect(fallback?.pdf('x.pdf')).toBe('x.pdf');
    expect(moduleIn(project, M1, 'en')?.notice).toBeUndefined();
    expect(moduleIn(project, 'no-such-module', 'fr')).toBeUndefined();
  });

  it('prints the French workbook in French, without speaker notes or facilitator keys (the manual has them)', async () => {
    const fr = projectIn(project, 'fr');
    const workbook = pdfText(await renderModuleBook(fr, M1, { edition: 'participant', paper: 'a4' }), 'm1.fr.pdf');
    expect(workbook).toContain('Objectifs');
    expect(workbook).toContain('Identité juridique');
    expect(workbook).not.toContain('Présentez-vous et présentez le co-formateur');
    expect(workbook).not.toContain('Une activité sur l’enregistrement d’identité postérieure'.replace(/’/g, "'"));
    expect(workbook).not.toMatch(/notes de l.intervenant|corrig. du formateur/i);
    expect(workbook).not.toContain('Strongly agree');
    const manual = pdfText(await renderModuleBook(fr, M1, { edition: 'trainer', paper: 'a4' }), 'm1-trainer.fr.pdf');
    expect(manual).toContain('Présentez-vous et présentez le co-formateur');
    expect(manual).toMatch(/corrig. du formateur/i);
    expect(manual).toContain('Une activité sur l’enregistrement d’identité postérieure'.replace(/’/g, "'"));
  }, 120_000);

  it('prints the French job aid with the French step titles of workflows/fr/birth-registration.yaml', async () => {
    // In reading order (-raw): a step title wraps in its column, which -layout interleaves with the next columns' lines.
    const text = pdfText(await renderJobAid(projectIn(project, 'fr'), M1, 'birth-registration', 'a4'), 'm1-job-aid.fr.pdf', '-raw');
    for (const title of ['Notifier la naissance', 'Recevoir et contrôler la déclaration', 'Vérifier les faits et les preuves']) expect(text).toContain(title);
    expect(text).not.toContain('Receive and screen the declaration');
    // The source's job aid stays English.
    const en = pdfText(await renderJobAid(project, M1, 'birth-registration', 'a4'), 'm1-job-aid.pdf');
    expect(en).toContain('Receive and screen the declaration');
    expect(en).not.toContain('Notifier la naissance');
  });

  it('gives the course its words in French and Arabic, and the status page lists it', () => {
    const ar = projectIn(project, 'ar').courses.find((c) => c.id === 'registry-officers')?.data;
    expect(ar?.title).toBe('الهوية القانونية والتسجيل المدني: دورة تدريبية لموظفي السجل المدني');
    expect(ar?.dayTemplate?.breaks.map((b) => b.label)).toEqual(['استراحة شاي', 'استراحة الغداء', 'استراحة شاي']);
    expect(ar?.language).toBe('ar');
    expect(projectIn(project, 'fr').courses.find((c) => c.id === 'registry-officers')?.data?.venue).toBe("[Salle de formation, bureau régional de l'état civil]");
    // A guide's print pack names the French PDFs of the modules translated into French (M1 and M2
    // among them), the source PDFs of the others; in Arabic (read from the copy without module 4's
    // Arabic file), the Arabic PDFs of M1 to M3 and M4's source PDFs.
    const fr = projectIn(project, 'fr');
    const files = coursePrintPack(fr, fr.courses.find((c) => c.id === 'registry-officers')!.data!).flatMap((l) => (l.file ? [l.file] : []));
    expect(files).toContain(`${M1}-job-aid-birth-registration.fr.pdf`);
    const modules = project.courses.find((c) => c.id === 'registry-officers')!.data!.modules;
    expect(modules).toEqual(expect.arrayContaining([M1, M2]));
    for (const lang of ['fr', 'ar']) {
      const source = lang === 'ar' ? noArabicM4 : project;
      const pack = lang === 'fr' ? files : coursePrintPack(projectIn(source, lang), projectIn(source, lang).courses.find((c) => c.id === 'registry-officers')!.data!).flatMap((l) => (l.file ? [l.file] : []));
      const translated = (id: string) => source.translations[lang]?.modules.some((m) => m.id === id) ?? false;
      expect(translated(M1)).toBe(true);
      for (const id of modules) {
        expect(pack, `${lang} ${id}`).toContain(translated(id) ? `${id}.${lang}.pdf` : `${id}.pdf`);
        expect(pack, `${lang} ${id}`).not.toContain(translated(id) ? `${id}.pdf` : `${id}.${lang}.pdf`);
      }
    }
    expect(modules.some((id) => !noArabicM4.translations.ar?.modules.some((m) => m.id === id))).toBe(true);
    const en = coursePrintPack(project, project.courses.find((c) => c.id === 'registry-officers')!.data!).flatMap((l) => (l.file ? [l.file] : []));
    expect(en.filter((f) => f.includes('.fr.'))).toEqual([]);
    const row = translationStatus(project).docs.find((d) => d.kind === 'course' && d.id === 'registry-officers');
    expect(row?.languages.map((l) => `${l.lang} ${l.state === 'missing' ? 'missing' : l.state.status}`)).toEqual(['fr current', 'ar current']);
  });

  it('prints the evaluation form in French and Arabic', async () => {
    const organisation = project.site?.organisation ?? '';
    const fr = pdfText(await renderEvaluationForm(evaluationIn(root, 'registry-officers', 'fr')!.form, { paper: 'a4', organisation }), 'eval.fr.pdf');
    expect(fr).toContain('Évaluation du cours');
    expect(fr).toContain('Tout à fait d’accord');
    const ar = pdfText(await renderEvaluationForm(evaluationIn(root, 'registry-officers', 'ar')!.form, { paper: 'a4', organisation }), 'eval.ar.pdf');
    expect(ar).toContain('المدرّبون');
    expect(ar).toContain('أوافق بشدة');
  }, 60_000);

  it('the evaluation form’s footer names the course by its title in the form’s language, never by id', async () => {
    const organisation = project.site?.organisation ?? '';
    for (const [lang, page] of [['en', 'Page 1 of'], ['fr', 'Page 1 sur'], ['ar', 'صفحة']] as const) {
      const form = evaluationIn(root, 'registry-officers', lang)!.form;
      const course = formCourseTitle(projectIn(project, lang).courses, form);
      expect(course).toBe(projectIn(project, lang).courses.find((c) => c.id === 'registry-officers')!.data!.title);
      const text = pdfText(await renderEvaluationForm(form, { paper: 'a4', organisation, course }), `eval-footer.${lang}.pdf`);
      expect(text).not.toContain('registry-officers');
      // Long titles are cut with an ellipsis to leave room for the page; the start is the course's.
      expect(text).toContain(course!.slice(0, 20));
      expect(text).toContain(page);
    }
  }, 60_000);
});
