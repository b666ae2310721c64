import { join } from 'node:path';
import { loadQuizzes } from '../assessment/quiz-load.ts';
import { getProject } from '../content/cache.ts';
import { layout } from '../content/project.ts';
import type { SiteEdition } from '../edition.ts';
import { writeChangesPdfs } from '../lifecycle/diff/changes.ts';
import { writeDryRunPrints } from '../lifecycle/dryrun/write.ts';
import { writeConsultationReports, writeSopReviewPrints } from '../lifecycle/publish.ts';
import { writeTrainingPrints } from '../training/write.ts';
import { writeTranslatedHandbooks } from '../translation/handbooks.ts';
import { writeAdaptationPdfs } from './adaptation.ts';
import type { PdfKeys } from './input-keys.ts';
import { writePackHandbooks, writeQuizPrints, writeSopHandbooks, type WrittenPdf } from './write.ts';

/**
 * Largest pack whose whole-pack handbook the build writes. Past it the volume runs to thousands
 * of pages that nobody prints or downloads on a district connection, costs as much as every SOP's
 * own PDF together and is remade after any edit; `sopkit handbook --all` makes it on demand.
 */
export const PACK_HANDBOOK_MAX_SOPS = 100;

/** One cached unit of the PDF stage: an SOP's own PDFs, or everything printed from the whole pack. */
export interface PdfJob {
  /** Cache name, unique in the build: `sop-<id>` or `pack`. */
  name: string;
  /** Hash of exactly its inputs (`pdfKeys`). */
  key: string;
  /** The SOP it prints; none for the whole-pack job. */
  sop?: string;
  /** What an error names: the SOP's file, or `the whole pack`. */
  source: string;
}

/** Everything a job needs: plain data, so it crosses to a worker thread unchanged. */
export interface PdfJobPayload {
  job: PdfJob;
  /** Project root. */
  root: string;
  /** Folder the job writes its files into (its cache staging folder). */
  outDir: string;
  /** The site edition being built: the trainer edition prints both editions. */
  edition: SiteEdition;
  /** Date the reports judge deadlines against (YYYY-MM-DD). */
  today: string;
  /** How many SOPs the pack has (the whole-pack handbook is skipped past `PACK_HANDBOOK_MAX_SOPS`). */
  sopCount: number;
}

/** What a job wrote, and the lines it has for the build log. */
export interface PdfJobResult {
  written: WrittenPdf[];
  notes: { level: 'info' | 'warn'; text: string }[];
}

/**
 * The jobs of a build, the whole-pack one first: it is the longest, and started first it does
 * not leave one thread working alone at the end.
 * @param keys The build's cache keys.
 */
export function pdfJobs(keys: PdfKeys): PdfJob[] {
  const sops = [...keys.sops].map(([id, key]) => ({ name: `sop-${id}`, key, sop: id, source: `${layout.sops}/${id}.mdx` }));
  return [{ name: 'pack', key: keys.pack, source: 'the whole pack' }, ...sops];
}

/**
 * Makes one job's PDFs into `payload.outDir`, from the project loaded once in this thread
 * (`getProject`). The same function runs in the build's thread and in the PDF workers, so both
 * write the same bytes.
 * @param payload The job and where it writes.
 */
export async function makePdfJob(payload: PdfJobPayload): Promise<PdfJobResult> {
  const { job, root, outDir: out, edition } = payload;
  const project = getProject(root);
  const editions = edition === 'trainer' ? (['participant', 'trainer'] as const) : (['participant'] as const);
  const paper = 'a4';
  const notes: PdfJobResult['notes'] = [];
  if (job.sop !== undefined) {
    const id = job.sop;
    if (!project.sops.some((s) => s.id === id && s.data && s.tree)) return { written: [], notes };
    const written = [...(await writeSopHandbooks(project, [id], { editions, paper, outDir: out })), ...(await writeSopReviewPrints(project, id, { paper, outDir: out }))];
    return { written, notes };
  }
  const made: WrittenPdf[] = [];
  if (payload.sopCount <= PACK_HANDBOOK_MAX_SOPS) made.push(...(await writePackHandbooks(project, { editions, paper, outDir: out })));
  else notes.push({ level: 'info', text: `whole-pack handbook not built: ${payload.sopCount} SOPs (more than ${PACK_HANDBOOK_MAX_SOPS}); make it when it is needed with \`sopkit handbook --all\`` });
  made.push(...(await writeTranslatedHandbooks(project, { editions, paper, outDir: out })));
  made.push(...(await writeTrainingPrints(project, { editions, paper, outDir: out })));
  made.push(...(await writeAdaptationPdfs(project, { paper, outDir: out })));
  const quizzes = loadQuizzes(root).flatMap((d) => (d.quiz ? [d.quiz] : []));
  made.push(...(await writeQuizPrints(project, quizzes, { paper, outDir: join(out, 'quizzes'), keys: edition === 'trainer' })));
  made.push(...(await writeChangesPdfs(project, { outDir: out, note: (text) => notes.push({ level: 'info', text }) })));
  made.push(...(await writeDryRunPrints(project, { outDir: out, note: (text) => notes.push({ level: 'warn', text }) })));
  made.push(...(await writeConsultationReports(project, { paper, outDir: out, today: payload.today })));
  return { written: made, notes };
}
