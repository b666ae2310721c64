import { readFileSync } from 'node:fs';
import type { Quiz } from '../../schemas/quiz.ts';
import { SopkitError } from '../errors.ts';
import { inputFile } from '../input-file.ts';
import { classifyColumns, responsesColumnTest } from './columns.ts';
import { readCsv } from './csv.ts';
import { loadQuizzes } from './quiz-load.ts';
import { buildReport } from './report.ts';
import { combineResponses, parseResponses, type ReadResponses } from './responses.ts';
import type { FormId, ParticipantResponse, ScoreReport } from './types.ts';
import { tableText } from './workbook.ts';

/**
 * A file of another quiz given for this one (the module 4 pre-test for module 1's): its first
 * column that is no item of this quiz was named, with the advice to delete it. When every item
 * column is an item of one other quiz of the project, say so instead.
 */
function otherQuiz(error: unknown, root: string, quiz: Quiz, text: string, path: string): SopkitError | undefined {
  if (!(error instanceof SopkitError) || error.code !== 'responses/unknown-column') return undefined;
  let header: readonly string[];
  try {
    header = readCsv(text, path).header;
  } catch {
    return undefined;
  }
  const fits = loadQuizzes(root).flatMap((doc) => {
    if (!doc.quiz || doc.quiz.id === quiz.id) return [];
    try {
      return classifyColumns(header, doc.quiz, path).some((c) => c.kind === 'item' || c.kind === 'expanded') ? [doc.quiz.id] : [];
    } catch {
      return [];
    }
  });
  if (fits.length !== 1) return undefined;
  return new SopkitError('responses/other-quiz', `${path}: its columns are the items of quiz ${fits[0]}, not of ${quiz.id}; give --quiz ${fits[0]} for this file, or the file of ${quiz.id}`);
}

/** A responses file to read, and the form it was given as (if any). */
export interface ResponsesFile {
  path: string;
  form?: FormId;
}

/** Everything `sopkit score` computes from its files. */
export interface Scored {
  report: ScoreReport;
  responses: ParticipantResponse[];
  /** Each file as read, with its ignored columns and warnings. */
  sets: ReadResponses[];
}

/**
 * Reads responses files from disk (CSV in any encoding a spreadsheet writes, or an .xlsx
 * workbook's first sheet) and scores them. Messages name each file by the path the user gave.
 * @param root Folder relative paths are resolved against.
 * @param quiz The quiz.
 * @param files The files, each with the form it was given as.
 */
export async function scoreFiles(root: string, quiz: Quiz, files: readonly ResponsesFile[]): Promise<Scored> {
  const sets: ReadResponses[] = [];
  for (const { path, form } of files) {
    // A workbook's sheet of answers, not a sheet of instructions before it.
    const text = await tableText(readFileSync(inputFile(root, path, 'responses/not-found')), path, responsesColumnTest([quiz]));
    try {
      sets.push(parseResponses(text, path, quiz, form ? { form } : {}));
    } catch (error) {
      throw otherQuiz(error, root, quiz, text, path) ?? error;
    }
  }
  const responses = combineResponses(sets);
  return { report: buildReport(quiz, responses), responses, sets };
}
