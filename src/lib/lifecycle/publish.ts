import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { SopkitError } from '../errors.ts';
import { readRegister } from './register-read.ts';
import { join } from 'node:path';
import type { Project, SopDoc } from '../content/project.ts';
import { pageCountOf } from '../handbook/document.ts';
import type { Paper } from '../handbook/theme.ts';
import type { WrittenPdf } from '../handbook/write.ts';
import { renderConsultationReport } from './consultation-pdf.ts';
import { loadLifecycle } from './model.ts';
import { csvFile } from '../assessment/csv-write.ts';
import { registerTemplateCsv, registerTemplateXlsx } from './register-template.ts';
import { consultationReport } from './report-model.ts';
import { renderReviewCopy } from './review-copy.ts';
import { consultationReportFileName, isUnderReview, reviewFileNames } from './review-files.ts';

type ValidSop = SopDoc & { data: NonNullable<SopDoc['data']> };

/** A file written to disk: PDFs carry their page count, templates 0. */
function save(outDir: string, file: string, bytes: Uint8Array | string): WrittenPdf {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, file), bytes);
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
  return { file, bytes: size, pages: typeof bytes === 'string' ? 0 : (pageCountOf(bytes) ?? 0) };
}

/**
 * Writes the review copy of an SOP (`<id>-review-copy.pdf`) and its comment-register templates
 * (`<id>-comment-register.csv` and `.xlsx`) into a folder; for a translation (`project` the
 * project in its language, `projectIn`, and `sop` the translated SOP), `<id>-review-copy.<lang>.pdf`
 * and so on, in that language.
 * @returns The files written, the PDF first.
 */
export async function writeReviewCopy(project: Project, sop: ValidSop, o: { outDir: string; paper: Paper }): Promise<WrittenPdf[]> {
  const names = reviewFileNames(sop.id, sop.data.translationOf ? sop.data.language : undefined);
  for (const file of [names.csv, names.xlsx]) await refuseFilledRegister(join(o.outDir, file));
  return [
    save(o.outDir, names.pdf, await renderReviewCopy(project, sop.id, { paper: o.paper })),
    save(o.outDir, names.csv, csvFile(registerTemplateCsv(sop))),
    save(o.outDir, names.xlsx, await registerTemplateXlsx(sop)),
  ];
}

/**
 * Refuses to write a blank register over one that holds comments: reviewers return the register
 * under its template's name, and printing the review copy again into the same folder replaced
 * their comments with the blank template, saying nothing.
 * @param path The register file about to be written.
 */
async function refuseFilledRegister(path: string): Promise<void> {
  if (!existsSync(path)) return;
  const register = await readRegister(path, path);
  const filled = register.rows.filter((r) => r.cells.comment?.trim() || r.cells.commenter?.trim() || r.cells.decision?.trim());
  if (!filled.length) return;
  throw new SopkitError('review-copy/filled-register', `${path} holds ${filled.length === 1 ? 'a comment' : `${filled.length} comments`} (row ${filled[0]!.row}${filled.length > 1 ? ' and more' : ''}): it is a returned register, not the blank template; move it (sopkit comments check reads it wherever it is), or give --out another folder; nothing was written`);
}

/**
 * The build's life-cycle prints, beside the handbooks: the review copy and comment-register
 * templates of every SOP still under review (draft, consultation, pilot), and the completion
 * report of every consultation (`<id>-report.pdf`), its actions judged against `today`.
 * @returns The PDFs written (the templates are written beside them).
 */
export async function writeLifecyclePrints(project: Project, o: { outDir: string; paper: Paper; today: string }): Promise<WrittenPdf[]> {
  const out: WrittenPdf[] = [];
  for (const sop of project.sops) out.push(...(await writeSopReviewPrints(project, sop.id, o)).filter((f) => f.file.endsWith('.pdf')));
  out.push(...(await writeConsultationReports(project, o)));
  return out;
}

/**
 * The review copy and register templates of one SOP if it is still under review, else nothing
 * (the build caches them with the SOP's own PDFs).
 * @returns The files written, the PDF first.
 */
export async function writeSopReviewPrints(project: Project, id: string, o: { outDir: string; paper: Paper }): Promise<WrittenPdf[]> {
  const sop = project.sops.find((s) => s.id === id);
  if (!sop?.data || !sop.tree || !isUnderReview(sop.data.status)) return [];
  return writeReviewCopy(project, sop as ValidSop, o);
}

/** The completion report of every consultation (`<id>-report.pdf`), its actions judged against `today`. */
export async function writeConsultationReports(project: Project, o: { outDir: string; paper: Paper; today: string }): Promise<WrittenPdf[]> {
  const out: WrittenPdf[] = [];
  const model = await loadLifecycle(project);
  const lang = project.site?.language ?? 'en';
  for (const doc of model.consultations) {
    if (!doc.data) continue;
    const report = consultationReport({ ...doc, data: doc.data }, model, project, o.today);
    out.push(save(o.outDir, consultationReportFileName(doc.id), await renderConsultationReport(report, { paper: o.paper, lang, organisation: project.site?.organisation })));
  }
  return out;
}
