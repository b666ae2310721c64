import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Project } from '../content/project.ts';
import type { Quiz } from '../../schemas/quiz.ts';
import { quizCode, sopCodes } from '../assessment/quiz-code.ts';
import { pageCountOf } from './document.ts';
import type { Edition } from './editions.ts';
import { renderPackHandbook, renderSopHandbook } from './handbook.ts';
import { renderAnswerKey } from './quiz/answer-key.ts';
import { renderAnswerSheet } from './quiz/answer-sheet.ts';
import { renderTestBooklet, type QuizPrintOptions } from './quiz/booklet.ts';
import type { QuizForm } from './quiz/items.ts';
import type { Paper } from './theme.ts';

/** A PDF written to disk. */
export interface WrittenPdf {
  /** Path relative to the output folder. */
  file: string;
  bytes: number;
  /** Pages (counted from the page tree). */
  pages: number;
}

/** File name of an SOP handbook: `<id>.pdf`, `<id>-trainer.pdf`. */
export function handbookFileName(id: string, edition: Edition): string {
  return edition === 'trainer' ? `${id}-trainer.pdf` : `${id}.pdf`;
}

/** File name of the whole-pack handbook. */
export function packFileName(edition: Edition): string {
  return handbookFileName('sopkit-handbook', edition);
}

let savedListener: ((file: string) => void) | undefined;

/**
 * Calls `listener` after each PDF `save()` writes: a PDF worker tells its pool that its job is
 * moving (build-jobs.ts), so the pool's limit is on time without a finished PDF, not on a job's
 * whole length, which grows with the pack. `undefined` stops it.
 */
export function onPdfSaved(listener: ((file: string) => void) | undefined): void {
  savedListener = listener;
}

/** Writes a PDF into a folder and says what was written. */
export function save(outDir: string, file: string, bytes: Uint8Array): WrittenPdf {
  const path = join(outDir, file);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, bytes);
  savedListener?.(file);
  const pages = pageCountOf(bytes) ?? 0;
  return { file, bytes: bytes.length, pages };
}

/** Writes the handbooks of some SOPs in some editions. */
export async function writeSopHandbooks(project: Project, ids: readonly string[], o: { editions: readonly Edition[]; paper: Paper; outDir: string }): Promise<WrittenPdf[]> {
  const out: WrittenPdf[] = [];
  for (const id of ids) {
    for (const edition of o.editions) out.push(save(o.outDir, handbookFileName(id, edition), await renderSopHandbook(project, id, { edition, paper: o.paper })));
  }
  return out;
}

/** Writes the whole-pack handbook in some editions. */
export async function writePackHandbooks(project: Project, o: { editions: readonly Edition[]; paper: Paper; outDir: string }): Promise<WrittenPdf[]> {
  const out: WrittenPdf[] = [];
  for (const edition of o.editions) out.push(save(o.outDir, packFileName(edition), await renderPackHandbook(project, { edition, paper: o.paper })));
  return out;
}

/**
 * File names of a quiz form's prints; a translation's booklet and answer sheet sit beside the
 * source's as `<quiz>-<form>.<lang>.pdf`, `<quiz>-<form>-answer-sheet.<lang>.pdf` (the key has
 * one language, the source's).
 * @param quizId The quiz id.
 * @param form `pre` or `post`.
 * @param lang A translation's language; the source's prints when absent.
 */
export function quizFileNames(quizId: string, form: QuizForm, lang?: string) {
  const suffix = lang ? `.${lang}.pdf` : '.pdf';
  return { booklet: `${quizId}-${form}${suffix}`, sheet: `${quizId}-${form}-answer-sheet${suffix}`, key: `${quizId}-${form}-key${suffix}` };
}

/**
 * Writes, for each quiz and form, the test booklet, the answer sheet and (trainer material) the
 * answer key; `keys: false` leaves the keys out, `booklets: false` the booklets and sheets (a
 * trainer build takes those from the participant's, `build-jobs.ts`).
 */
export async function writeQuizPrints(project: Project, quizzes: readonly Quiz[], o: { paper: Paper; outDir: string; forms?: readonly QuizForm[]; keys?: boolean; booklets?: boolean }): Promise<WrittenPdf[]> {
  const out: WrittenPdf[] = [];
  for (const quiz of quizzes) {
    const sop = project.sops.find((s) => s.id === quiz.sop)?.data;
    const opts: QuizPrintOptions = {
      paper: o.paper,
      lang: sop?.language ?? project.site?.language ?? 'en',
      organisation: project.site?.organisation ?? '',
      date: sop?.history[0]?.date ?? sop?.effective ?? '2000-01-01',
      code: quizCode(project, quiz),
      sopCodes: sopCodes(project),
    };
    for (const form of o.forms ?? (['pre', 'post'] as const)) {
      const names = quizFileNames(quiz.id, form);
      if (o.booklets !== false) {
        out.push(save(o.outDir, names.booklet, await renderTestBooklet(quiz, form, opts)));
        out.push(save(o.outDir, names.sheet, await renderAnswerSheet(quiz, form, opts)));
      }
      if (o.keys !== false) out.push(save(o.outDir, names.key, await renderAnswerKey(quiz, form, opts)));
    }
  }
  return out;
}
