import { join } from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { loadQuizzes } from '../assessment/quiz-load.ts';
import { getProject, holdProject } from '../content/cache.ts';
import { layout } from '../content/project.ts';
import type { SiteEdition } from '../edition.ts';
import { writeChangesPdfs } from '../lifecycle/diff/changes.ts';
import { writeDryRunPrints } from '../lifecycle/dryrun/write.ts';
import { writeConsultationReports, writeSopReviewPrints } from '../lifecycle/publish.ts';
import { writeTrainingPrints } from '../training/write.ts';
import { writeSopTranslations } from '../translation/handbooks.ts';
import { writeTranslatedQuizPrints } from '../translation/quiz-prints.ts';
import { writeTranslatedTrainingPrints } from '../translation/training.ts';
import { writeAdaptationPdfs, writeTranslatedAdaptations } from './adaptation.ts';
import type { PdfKeys } from './input-keys.ts';
import { onPdfSaved, writePackHandbooks, writeQuizPrints, writeSopHandbooks, type WrittenPdf } from './write.ts';

// In a PDF worker (pdf-worker.mjs, started by the pool for makePdfJob), every PDF written tells the
// pool the job is moving: its limit is on time without a finished PDF (pdf-pool.ts).
if (!isMainThread && parentPort && (workerData as { name?: unknown } | null)?.name === 'makePdfJob') {
  const port = parentPort;
  onPdfSaved(() => port.postMessage({ type: 'progress' }));
}

// What a build's PDF worker does once it has loaded, while the check runs (pdf-workers.ts).
export { parseAhead } from '../content/parse-ahead.ts';

/**
 * Largest pack whose whole-pack handbook the build writes. Past it the volume runs to thousands
 * of pages that nobody prints or downloads on a district connection, costs as much as every SOP's
 * own PDF together and is remade after any edit; `sopkit handbook --all` makes it on demand.
 */
export const PACK_HANDBOOK_MAX_SOPS = 100;

/**
 * The parts of what is printed from the whole pack, each a job of its own so that workers share
 * them: the whole-pack handbook, the translations' prints (handbooks, training prints, test
 * booklets), the training prints, and the rest
 * (adaptation documents, quiz prints, redlines, dry-run and consultation prints).
 */
export const PACK_PARTS = ['handbook', 'translations', 'training', 'records'] as const;
export type PackPart = (typeof PACK_PARTS)[number];

/** One cached unit of the PDF stage: an SOP's own PDFs, or one part of what is printed from the whole pack. */
export interface PdfJob {
  /** Cache name, unique in its edition's cache: `sop-<id>` or `pack-<part>`. */
  name: string;
  /**
   * The cache it is kept in (`.sopkit-cache/pdf/<edition>`), and the edition whose documents it
   * prints: the participant's, everything every edition has (review copies, test booklets, job
   * aids, slides, records); the trainer's, only what the trainer edition adds to those (trainer
   * handbooks and manuals, speaker notes, answer keys, the trainer's guide).
   */
  edition: SiteEdition;
  /** Hash of exactly its inputs (`pdfKeys`): every part of the pack has the pack's key. */
  key: string;
  /** The SOP it prints; none for a part of the pack. */
  sop?: string;
  /** The part of the pack it prints; none for an SOP. */
  part?: PackPart;
  /** What an error names: the SOP's file, or `the whole pack (<part>)`. */
  source: string;
}

/** Everything a job needs: plain data, so it crosses to a worker thread unchanged. */
export interface PdfJobPayload {
  job: PdfJob;
  /** Project root. */
  root: string;
  /** Folder the job writes its files into (its cache staging folder). */
  outDir: string;
  /** Date the reports judge deadlines against (YYYY-MM-DD). */
  today: string;
  /** How many SOPs the pack has (the whole-pack handbook is skipped past `PACK_HANDBOOK_MAX_SOPS`). */
  sopCount: number;
  /** Names the stage (one build, one command) the job belongs to: its jobs read the sources as they were when it began. */
  stage: string;
}

/** What a job wrote, and the lines it has for the build log. */
export interface PdfJobResult {
  written: WrittenPdf[];
  notes: { level: 'info' | 'warn'; text: string }[];
}

/**
 * The jobs of a build, the parts of the whole pack first: they are the longest, and started first
 * they do not leave one thread working alone at the end. A trainer build makes the participant
 * build's jobs (the same keys and cache: what one build made the other reuses) and jobs of its own
 * for what only it prints: it made every PDF of the participant edition again, 3,349 of its 5,473
 * pages.
 * @param keys The cache keys of each edition the build prints, the participant's first.
 */
export function pdfJobs(keys: readonly { edition: SiteEdition; keys: PdfKeys }[]): PdfJob[] {
  const jobs = (edition: SiteEdition, k: PdfKeys) => ({
    pack: PACK_PARTS.map((part): PdfJob => ({ name: `pack-${part}`, edition, key: k.pack, part, source: `the whole pack (${part})` })),
    sops: [...k.sops].map(([id, key]): PdfJob => ({ name: `sop-${id}`, edition, key, sop: id, source: `${layout.sops}/${id}.mdx` })),
  });
  const each = keys.map(({ edition, keys: k }) => jobs(edition, k));
  return [...each.flatMap((j) => j.pack), ...each.flatMap((j) => j.sops)];
}

/** The stage whose project a PDF worker holds. */
let heldStage: string | undefined;

/**
 * The project a job prints. A PDF worker thread loads it at its stage's first job and holds it
 * (`holdProject`) for the stage's other jobs, as the build's own thread does from the start of
 * the build: otherwise `getProject` compares the times of every source for every job, 1 s of the
 * worker's 29 s in a cold build of 300 SOPs. A job of another stage reads the sources again. The
 * build's thread is left alone: the build holds the project there, and a CLI or dev process must
 * see later edits.
 */
function stageProject(root: string, stage: string) {
  if (isMainThread) return getProject(root);
  if (heldStage !== stage) {
    holdProject(root);
    heldStage = stage;
  }
  return getProject(root);
}

/**
 * Makes one job's PDFs into `payload.outDir`, from the project loaded once in this thread
 * (`getProject`). The same function runs in the build's thread and in the PDF workers, so both
 * write the same bytes.
 * @param payload The job and where it writes.
 */
export async function makePdfJob(payload: PdfJobPayload): Promise<PdfJobResult> {
  const { job, root, outDir: out } = payload;
  const project = stageProject(root, payload.stage);
  // The participant's job prints its edition and what every edition shares; the trainer's, only what it adds.
  const editions = [job.edition] as const;
  const shared = job.edition === 'participant';
  const paper = 'a4';
  const notes: PdfJobResult['notes'] = [];
  if (job.sop !== undefined) {
    const id = job.sop;
    if (!project.sops.some((s) => s.id === id && s.data && s.tree)) return { written: [], notes };
    // Its translations' handbooks too: in the translations' part of the pack they made one job of
    // every translated SOP, the longest of the stage, run by one worker while the others waited.
    const written = [
      ...(await writeSopHandbooks(project, [id], { editions, paper, outDir: out })),
      ...(shared ? await writeSopReviewPrints(project, id, { paper, outDir: out }) : []),
      ...(await writeSopTranslations(project, id, { editions, paper, outDir: out })),
    ];
    return { written, notes };
  }
  const made: WrittenPdf[] = [];
  switch (job.part) {
    case 'handbook':
      if (payload.sopCount <= PACK_HANDBOOK_MAX_SOPS) return { written: await writePackHandbooks(project, { editions, paper, outDir: out }), notes };
      if (shared) notes.push({ level: 'info', text: `whole-pack handbook not built: ${payload.sopCount} SOPs (more than ${PACK_HANDBOOK_MAX_SOPS}); make it when it is needed with \`sopkit handbook --all\`` });
      return { written: [], notes };
    case 'translations': {
      // Translated training prints, test booklets and answer sheets, and the working documents (a
      // translated SOP's handbooks are made by the SOP's own job).
      made.push(...(await writeTranslatedTrainingPrints(project, { editions, paper, outDir: out, shared })));
      const quizzes = loadQuizzes(root).flatMap((d) => (d.quiz ? [d.quiz] : []));
      // The trainer's answer keys in each language its booklets are printed in.
      if (!shared) return { written: [...made, ...(await writeTranslatedQuizPrints(project, quizzes, { paper, outDir: join(out, 'quizzes'), keys: true, booklets: false }))], notes };
      made.push(...(await writeTranslatedQuizPrints(project, quizzes, { paper, outDir: join(out, 'quizzes') })));
      // The country profile and the concordance as each language's pages read them.
      made.push(...(await writeTranslatedAdaptations(project, { paper, outDir: out })));
      return { written: made, notes };
    }
    case 'training':
      return { written: await writeTrainingPrints(project, { editions, paper, outDir: out, shared }), notes };
  }
  const quizzes = loadQuizzes(root).flatMap((d) => (d.quiz ? [d.quiz] : []));
  // The answer keys are the trainer's; the booklets and answer sheets, everyone's.
  if (!shared) return { written: await writeQuizPrints(project, quizzes, { paper, outDir: join(out, 'quizzes'), keys: true, booklets: false }), notes };
  made.push(...(await writeAdaptationPdfs(project, { paper, outDir: out })));
  made.push(...(await writeQuizPrints(project, quizzes, { paper, outDir: join(out, 'quizzes'), keys: false })));
  made.push(...(await writeChangesPdfs(project, { outDir: out, note: (text) => notes.push({ level: 'info', text }) })));
  made.push(...(await writeDryRunPrints(project, { outDir: out, note: (text) => notes.push({ level: 'warn', text }) })));
  made.push(...(await writeConsultationReports(project, { paper, outDir: out, today: payload.today })));
  return { written: made, notes };
}
