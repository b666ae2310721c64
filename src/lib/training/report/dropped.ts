// A file dropped on the training report page: its text and what it is taken to be, read on the
// device (the page's island calls this; it is here, plain TypeScript, so that it is tested in Node).
import { binaryType, decodeText, type BinaryType } from '../../assessment/csv.ts';
import { workbookCsv, workbookRows, type WorkbookProblem } from '../../assessment/workbook.ts';
import { isUserError } from '../../errors.ts';
import { anyReportColumn } from './columns.ts';
import type { CourseInfo } from './course-info.ts';
import { guessKind, guessKindOfBinary, type FileKind } from './guess.ts';

/** A dropped file as the report page holds it. */
export interface DroppedFile {
  /** The table as CSV text (a workbook's sheet), the notes, or empty when it cannot be read. */
  text: string;
  /** What the file is taken to be; the trainer can change it. */
  kind: FileKind;
  /** What the file is when it is not text (a workbook that could not be read, a Word document, a PDF, a photo): refused when the report is made. */
  binary: BinaryType | undefined;
  /** Why a workbook gave no text: locked by a password, no cell filled in, not readable. */
  problem?: WorkbookProblem;
  /** The line `sopkit report` refuses the workbook's sheet with (a header merged over a column of values). */
  error?: string;
}

/**
 * Reads a dropped file: a CSV file's text (any encoding a spreadsheet writes) or an .xlsx
 * workbook's sheet as CSV, and a first guess at what it is (`guessKind`).
 * @param bytes The file's bytes.
 * @param name The file's name (what it suggests: `attendance.xlsx`, `post.csv`, `notes.md`).
 * @param label The file's name in the page's list and in messages (`name (2)` for a second file of the same name).
 * @param info The course: its quizzes' and evaluation forms' columns.
 */
export async function readDroppedFile(bytes: Uint8Array, name: string, label: string, info: Pick<CourseInfo, 'quizzes' | 'evaluations' | 'evaluationsAlso'>): Promise<DroppedFile> {
  const binary = binaryType(bytes);
  if (binary === 'zip' || binary === 'encrypted') {
    const book = await workbookRows(bytes, anyReportColumn(info));
    if (!('rows' in book)) return { text: '', binary, problem: book.problem, kind: guessKindOfBinary(name) };
    try {
      const text = workbookCsv(book.rows, book.merged, label);
      return { text, binary: undefined, kind: guessKind(name, text, info) };
    } catch (error) {
      if (!isUserError(error)) throw error;
      return { text: '', binary: undefined, error: error.message, kind: guessKind(name, '', info) };
    }
  }
  const text = binary ? '' : decodeText(bytes);
  return { text, binary, kind: binary ? guessKindOfBinary(name) : guessKind(name, text, info) };
}
