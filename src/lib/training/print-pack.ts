import { slideFileNames } from './slide-files.ts';

/**
 * How many copies to print: the participants plus a share of spares, rounded up to a whole copy.
 * Computed in whole numbers (20 participants + 10 % is 22, never 23 from 20 × 1.1 = 22.000…04).
 * @param participants Expected participants.
 * @param sparePercent Spares, percent of the participants.
 */
export function withSpares(participants: number, sparePercent: number): number {
  return participants + Math.ceil((participants * sparePercent) / 100);
}

/** What a line of the print pack is. */
export type PrintKind = 'workbook' | 'job-aid' | 'slide-handouts' | 'booklet' | 'answer-sheet' | 'evaluation-form' | 'trainer-manual' | 'speaker-notes' | 'answer-key';

/** One line of the print pack. */
export interface PrintLine {
  kind: PrintKind;
  /** What to print, in words ("M1 Legal identity: participant workbook"). */
  title: string;
  /** Copies to print. */
  copies: number;
  /** Whom the copies are for: each participant (with spares) or each trainer. */
  per: 'participant' | 'trainer';
  /** The PDF to print, relative to `handbooks/` on the site, when the site writes one. */
  file?: string;
  /** The pre-test or post-test, for booklets, answer sheets and keys. */
  form?: 'pre' | 'post';
  /** The quiz, for booklets, answer sheets and keys; the evaluation form's id, for evaluation forms. */
  of?: string;
  /** What a workbook holds that a trainer might print again: its handouts, by title. */
  includes?: string[];
}

/** A test the course runs: one form of a quiz, named in words (its module's code and title, or the quiz's title). */
export interface PrintTest {
  quiz: string;
  form: 'pre' | 'post';
  title: string;
}

/** What the print pack is computed from: the course's numbers and what its modules contain. */
export interface PrintPackInput {
  participants: number;
  sparePercent: number;
  trainers: number;
  modules: readonly { id: string; code: string; title: string; handouts: readonly { id: string; title: string }[]; jobAids: readonly { workflow: string; title: string }[] }[];
  /** Every test the course runs, in the order they are printed. */
  tests?: readonly PrintTest[];
  /** The session evaluation form, named by the course's title. */
  evaluation?: { id: string; title: string };
  /** The modules' own session evaluation forms (a module's `evaluation:`), named by the module's code and title; the course's form is not printed twice. */
  moduleEvaluations?: readonly { id: string; title: string }[];
}

/**
 * The print pack of a course: for each module its workbook (which holds its handouts: they are
 * named on its line, not printed again), job aids and slide handouts for every participant (with
 * spares) and its trainer manual and speaker notes for every trainer;
 * for every test the course runs (`courseTests`), its booklet and answer sheet for every
 * participant and its answer key for every trainer; the course's evaluation form, and each
 * module's own (its `evaluation:`), for every participant.
 * Lines name tests and forms in words, never by their ids (the file column gives those).
 */
export function printPack(input: PrintPackInput): PrintLine[] {
  const each = withSpares(input.participants, input.sparePercent);
  const lines: PrintLine[] = [];
  for (const m of input.modules) {
    // A handout is a section of the workbook: named on the workbook's line, not a line of its own
    // (which would print the whole workbook again for each handout).
    lines.push({ kind: 'workbook', title: `${m.code} ${m.title}`, copies: each, per: 'participant', file: `${m.id}.pdf`, ...(m.handouts.length ? { includes: m.handouts.map((h) => h.title) } : {}) });
    const seen = new Set<string>();
    for (const aid of m.jobAids) {
      if (seen.has(aid.workflow)) continue;
      seen.add(aid.workflow);
      lines.push({ kind: 'job-aid', title: `${m.code} ${aid.title}`, copies: each, per: 'participant', file: `${m.id}-job-aid-${aid.workflow}.pdf` });
    }
    lines.push({ kind: 'slide-handouts', title: `${m.code} ${m.title}`, copies: each, per: 'participant', file: slideFileNames.handouts(m.id) });
    lines.push({ kind: 'trainer-manual', title: `${m.code} ${m.title}`, copies: input.trainers, per: 'trainer', file: `${m.id}-trainer.pdf` });
    lines.push({ kind: 'speaker-notes', title: `${m.code} ${m.title}`, copies: input.trainers, per: 'trainer', file: slideFileNames.speakerNotes(m.id) });
  }
  for (const { quiz, form, title } of input.tests ?? []) {
    lines.push({ kind: 'booklet', title, copies: each, per: 'participant', form, of: quiz, file: `quizzes/${quiz}-${form}.pdf` });
    lines.push({ kind: 'answer-sheet', title, copies: each, per: 'participant', form, of: quiz, file: `quizzes/${quiz}-${form}-answer-sheet.pdf` });
    lines.push({ kind: 'answer-key', title, copies: input.trainers, per: 'trainer', form, of: quiz, file: `quizzes/${quiz}-${form}-key.pdf` });
  }
  const forms = new Set<string>();
  for (const e of [...(input.evaluation ? [input.evaluation] : []), ...(input.moduleEvaluations ?? [])]) {
    if (forms.has(e.id)) continue;
    forms.add(e.id);
    lines.push({ kind: 'evaluation-form', title: e.title, copies: each, per: 'participant', of: e.id, file: `${e.id}-evaluation-form.pdf` });
  }
  return lines;
}

/** Total copies of a pack. */
export function totalCopies(lines: readonly PrintLine[]): number {
  return lines.reduce((n, l) => n + l.copies, 0);
}
