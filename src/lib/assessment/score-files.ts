import { readFileSync } from 'node:fs';
import type { Quiz } from '../../schemas/quiz.ts';
import { inputFile } from '../input-file.ts';
import { buildReport } from './report.ts';
import { combineResponses, parseResponses, type ReadResponses } from './responses.ts';
import type { FormId, ParticipantResponse, ScoreReport } from './types.ts';
import { tableText } from './workbook.ts';

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
    const text = await tableText(readFileSync(inputFile(root, path, 'responses/not-found')), path);
    sets.push(parseResponses(text, path, quiz, form ? { form } : {}));
  }
  const responses = combineResponses(sets);
  return { report: buildReport(quiz, responses), responses, sets };
}
