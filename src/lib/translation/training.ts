import type { Project } from '../content/project.ts';
import type { Edition } from '../handbook/editions.ts';
import type { Paper } from '../handbook/theme.ts';
import { save, type WrittenPdf } from '../handbook/write.ts';
import { evaluationFormFileName, formCourseTitle, renderEvaluationForm } from '../training/evaluation/form-pdf.ts';
import { publishedEvaluations } from '../training/evaluation/load.ts';
import { renderTrainerGuide } from '../training/guide-pdf.ts';
import { renderJobAid, renderModuleBook } from '../training/module-pdf.ts';
import type { ModuleDoc } from '../training/modules.ts';
import { allOf } from '../training/outline.ts';
import { renderSlidePrints } from '../training/slides-pdf.ts';
import { guideEdition, guideFileName, moduleFileNames, type TrainingPrintOptions } from '../training/write.ts';
import type { ModuleFrontmatter as Module } from '../../schemas/module.ts';
import { evaluationIn } from './evaluations.ts';
import type { Freshness } from './freshness.ts';
import { projectIn, translatedModule } from './localize.ts';
import { translatedPdfName } from './paths.ts';

export { translatedPdfName };

/** A module as a reader of one language gets it (ARCHITECTURE.md, Translations: pages). */
export interface ModuleInLanguage {
  /** The translation, or the source when there is none. */
  doc: ModuleDoc & { data: Module };
  /** The language of what `doc` says. */
  contentLang: string;
  /** What the page tells the reader: `missing` (the source is shown), an out-of-date translation, or nothing. */
  notice: 'missing' | Extract<Freshness, { status: 'outdated' }> | undefined;
  /** A file name of the module's PDFs in the reader's language: the translation's when there is one, the source's otherwise. */
  pdf: (file: string) => string;
}

/**
 * A module in a reader's language: its translation when one loads without errors, else the source
 * with a "not translated yet" notice. A translation of an older version of the module says so.
 * @param project The loaded project.
 * @param id Module id.
 * @param lang The reader's language.
 */
export function moduleIn(project: Project, id: string, lang: string): ModuleInLanguage | undefined {
  const source = project.modules.find((m) => m.id === id);
  if (!source?.data) return undefined;
  const valid = source as ModuleDoc & { data: Module };
  if (lang === project.locales[0]?.code || lang === source.data.language) return { doc: valid, contentLang: source.data.language, notice: undefined, pdf: (f) => f };
  const tr = translatedModule(project, lang, id);
  if (!tr?.data) return { doc: valid, contentLang: source.data.language, notice: 'missing', pdf: (f) => f };
  const from = tr.data.translationOf?.version;
  const to = source.data.version;
  const notice = from && from !== to ? { status: 'outdated' as const, from, to, sections: undefined } : undefined;
  return { doc: tr as ModuleDoc & { data: Module }, contentLang: tr.data.language, notice, pdf: (f) => translatedPdfName(f, lang) };
}

/**
 * Writes one translated module's prints (`<name>.<lang>.pdf`): workbook and trainer manual, slides,
 * handouts and speaker notes, job aids. Used by the build for every translation and by
 * `sopkit handbook <module> --lang <lang>`.
 * @param view The project in that language (`projectIn`).
 */
export async function writeTranslatedModule(view: Project, id: string, lang: string, o: TrainingPrintOptions): Promise<WrittenPdf[]> {
  const out: WrittenPdf[] = [];
  const shared = o.shared !== false;
  for (const edition of o.editions) out.push(save(o.outDir, translatedPdfName(moduleFileNames.book(id, edition), lang), await renderModuleBook(view, id, { edition, paper: o.paper })));
  for (const p of await renderSlidePrints(view, id, o.editions, o.paper, shared)) out.push(save(o.outDir, translatedPdfName(p.file, lang), p.bytes));
  // Job aids from the translation's <JobAid>s, in its words (`workflows/<lang>/<id>.yaml`).
  const tr = view.modules.find((x) => x.id === id);
  const workflows = new Set(tr?.outline ? allOf(tr.outline, 'jobAids').map((a) => a.workflow) : []);
  if (o.editions.length && shared) for (const wf of workflows) out.push(save(o.outDir, translatedPdfName(moduleFileNames.jobAid(id, wf), lang), await renderJobAid(view, id, wf, o.paper)));
  return out;
}

/**
 * Writes the training prints of every translated locale beside the source's (`<name>.<lang>.pdf`):
 * a translated module's workbook (and trainer manual in the trainer edition), its slides and
 * handouts (and speaker notes) and job aids (`<module>-job-aid-<workflow>.<lang>.pdf`, the
 * workflow's words from `workflows/<lang>/<id>.yaml`); a translated evaluation form's paper form;
 * and each course's trainer's guide with its words in the locale.
 * @param project The loaded project.
 * @param o Editions, paper and output folder (`handbooks/`).
 */
export async function writeTranslatedTrainingPrints(project: Project, o: TrainingPrintOptions): Promise<WrittenPdf[]> {
  const out: WrittenPdf[] = [];
  for (const lang of Object.keys(project.translations)) {
    const view = projectIn(project, lang);
    const organisation = view.site?.organisation ?? '';
    for (const m of project.modules) {
      if (!m.data || !m.tree || !translatedModule(project, lang, m.id)) continue;
      out.push(...(await writeTranslatedModule(view, m.id, lang, o)));
    }
    for (const source of o.shared === false ? [] : publishedEvaluations(project.root)) {
      const form = evaluationIn(project.root, source.id, lang);
      if (!form?.translated) continue;
      const course = formCourseTitle(view.courses, form.form); // in the locale's words (`projectIn`)
      out.push(save(o.outDir, translatedPdfName(evaluationFormFileName(source.id), lang), await renderEvaluationForm(form.form, { paper: o.paper, organisation, ...(course ? { course } : {}) })));
    }
    for (const c of project.courses.filter((x) => x.data)) out.push(save(o.outDir, translatedPdfName(guideFileName(c.id), lang), await renderTrainerGuide(view, c.id, o.paper, lang, guideEdition(o.editions))));
  }
  return out;
}
