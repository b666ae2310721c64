import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Project } from '../content/project.ts';
import { pageCountOf } from '../handbook/document.ts';
import type { Edition } from '../handbook/editions.ts';
import type { Paper } from '../handbook/theme.ts';
import type { WrittenPdf } from '../handbook/write.ts';
import { renderModuleBook, renderJobAid } from './module-pdf.ts';
import { allOf } from './outline.ts';
import { renderTrainerGuide } from './guide-pdf.ts';
import { renderSlidePrints } from './slides-pdf.ts';
import { evaluationFormFileName, formCourseTitle, renderEvaluationForm } from './evaluation/form-pdf.ts';
import { publishedEvaluations } from './evaluation/load.ts';

/** The edition a course's guide is printed for: the trainer's where the build prints trainer material. */
export function guideEdition(editions: readonly Edition[]): Edition {
  return editions.includes('trainer') ? 'trainer' : 'participant';
}

/** File name of a course's trainer's guide. */
export function guideFileName(courseId: string): string {
  return `${courseId}-guide.pdf`;
}

/** File names of a module's PDFs: `<id>.pdf` (workbook), `<id>-trainer.pdf` (manual), `<id>-job-aid-<workflow>.pdf`. */
export const moduleFileNames = {
  book: (id: string, edition: Edition) => (edition === 'trainer' ? `${id}-trainer.pdf` : `${id}.pdf`),
  jobAid: (id: string, workflow: string) => `${id}-job-aid-${workflow}.pdf`,
};

function save(outDir: string, file: string, bytes: Uint8Array): WrittenPdf {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, file), bytes);
  return { file, bytes: bytes.length, pages: pageCountOf(bytes) ?? 0 };
}

/**
 * Writes the printed outputs of some modules: the participant workbook and/or the trainer manual,
 * one job aid per workflow a module names in `<JobAid>` (the same for both editions; written
 * with the participant edition, or with the trainer edition when it is the only one asked for),
 * and the slides, handouts and (trainer edition) speaker notes (`slides-pdf.ts`).
 * @param project The loaded project.
 * @param ids Module ids.
 * @param o Editions, paper and output folder.
 */
export async function writeModulePrints(project: Project, ids: readonly string[], o: TrainingPrintOptions): Promise<WrittenPdf[]> {
  const out: WrittenPdf[] = [];
  const shared = o.shared !== false;
  for (const id of ids) {
    for (const edition of o.editions) out.push(save(o.outDir, moduleFileNames.book(id, edition), await renderModuleBook(project, id, { edition, paper: o.paper })));
    const m = project.modules.find((x) => x.id === id);
    const workflows = new Set(m ? allOf(m.outline, 'jobAids').map((a) => a.workflow) : []);
    if (o.editions.length && shared) for (const wf of workflows) out.push(save(o.outDir, moduleFileNames.jobAid(id, wf), await renderJobAid(project, id, wf, o.paper)));
    for (const p of await renderSlidePrints(project, id, o.editions, o.paper, shared)) out.push(save(o.outDir, p.file, p.bytes));
  }
  return out;
}

/**
 * Editions, paper and output folder of the training prints. `shared: false` leaves out what is
 * the same in every edition (job aids, slides, handouts, evaluation forms): a trainer build
 * takes those from the participant build's (`build-jobs.ts`).
 */
export interface TrainingPrintOptions {
  editions: readonly Edition[];
  paper: Paper;
  outDir: string;
  shared?: boolean;
}

/** Ids of the modules that load without errors, for the build. */
export function printableModules(project: Project): string[] {
  return project.modules.filter((m) => m.data && m.tree).map((m) => m.id);
}

/**
 * Everything the training content prints, for the build: every valid module's workbook (and, in
 * the trainer edition, its manual) and job aids, every valid course's trainer's guide, and every
 * valid evaluation form's paper form.
 * @param project The loaded project.
 * @param o Editions of the module books, paper and output folder.
 */
export async function writeTrainingPrints(project: Project, o: TrainingPrintOptions): Promise<WrittenPdf[]> {
  const out = await writeModulePrints(project, printableModules(project), o);
  for (const c of project.courses.filter((x) => x.data)) out.push(save(o.outDir, guideFileName(c.id), await renderTrainerGuide(project, c.id, o.paper, undefined, guideEdition(o.editions))));
  if (o.shared === false) return out;
  const organisation = project.site?.organisation ?? '';
  for (const form of publishedEvaluations(project.root)) {
    const course = formCourseTitle(project.courses, form);
    out.push(save(o.outDir, evaluationFormFileName(form.id), await renderEvaluationForm(form, { paper: o.paper, organisation, ...(course ? { course } : {}) })));
  }
  return out;
}
