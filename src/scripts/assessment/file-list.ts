// Reading the files a trainer drops on a page (the scoring page, the report page): nothing leaves
// the device. Two tablets that exported in the same minute give two files of the same name: both
// are kept, the second shown and named in messages as `name (2)`; the very same file chosen twice
// (the same bytes, not just the same size and date) is read once and said.

import { binaryType, decodeText, type BinaryType } from '../../lib/assessment/csv.ts';
import { sheetCsv, workbookRows, type KnownColumn, type WorkbookProblem } from '../../lib/assessment/workbook.ts';
import { fill } from './store.ts';

/** A chosen file and the name it is shown and named by in messages. */
export interface ChosenFile {
  file: File;
  label: string;
}

async function sameBytes(a: File, b: File): Promise<boolean> {
  if (a.size !== b.size) return false;
  const [x, y] = await Promise.all([a.arrayBuffer(), b.arrayBuffer()]).then((buffers) => buffers.map((buf) => new Uint8Array(buf)));
  return x!.length === y!.length && x!.every((v, i) => v === y![i]);
}

/**
 * The files to add to a list: each with its label (`name`, `name (2)`...), leaving out a file
 * whose bytes are those of one already there.
 * @param chosen The files already in the list.
 * @param files The files just given.
 * @returns The new entries, and the names of the files given again.
 */
export async function newFiles(chosen: readonly ChosenFile[], files: Iterable<File>): Promise<{ added: ChosenFile[]; again: string[] }> {
  const added: ChosenFile[] = [];
  const again: string[] = [];
  for (const file of [...files]) {
    const all = [...chosen, ...added];
    const same = all.filter((c) => c.file.name === file.name);
    if ((await Promise.all(same.map((c) => sameBytes(c.file, file)))).some(Boolean)) {
      again.push(file.name);
      continue;
    }
    const taken = new Set(all.map((c) => c.label));
    let label = file.name;
    for (let k = 2; taken.has(label); k++) label = `${file.name} (${k})`;
    added.push({ file, label });
  }
  return { added, again };
}

/**
 * Takes files from a file input and from drops on a zone, one batch after another (each may need
 * reading); `settled()` resolves when every batch given so far is in.
 * @param input The file input.
 * @param zone The drop zone (marked `data-over` while a file is dragged over it).
 * @param take Adds one batch.
 */
export function watchFiles(input: HTMLInputElement, zone: HTMLElement, take: (files: File[]) => Promise<void>): { settled(): Promise<void> } {
  let adding = Promise.resolve();
  const queue = (files: File[]) => (adding = adding.then(() => take(files)));
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    queue(files);
  });
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.dataset.over = '';
  });
  zone.addEventListener('dragleave', () => delete zone.dataset.over);
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    delete zone.dataset.over;
    queue([...(e.dataTransfer?.files ?? [])]);
  });
  return { settled: () => adding };
}

/**
 * The line naming a file that is not text (a workbook, a PDF, a photo), in the page's words, as
 * `sopkit` names it: read as CSV its bytes gave errors about cells and columns.
 * @param type What the file is (`binaryType`).
 * @param label The file's name in the list.
 * @param s The page's strings: `scoring.kind.*` and the template.
 * @param template `scoring.err.csv/not-text` or `reportPage.notesNotText` ({file}, {kind}).
 * @param zip The key naming a ZIP file: a workbook where a CSV is expected, a Word document for notes.
 */
export function notTextLine(type: BinaryType, label: string, s: Record<string, string>, template: string, zip = 'scoring.kind.zip'): string {
  return fill(s[template] ?? '', { file: label, kind: s[type === 'zip' ? zip : `scoring.kind.${type}`] ?? type });
}

/**
 * What to say of a table that cannot be read (`tableOf` gave no text): a workbook locked by a
 * password or with no cell filled in is said so, with what to do, as `sopkit` says it; any other
 * file is named as what it is ("is not a CSV file: it is a PDF").
 * @param s The page's strings: `scoring.err.workbook-*`, `scoring.err.csv/not-text`, `scoring.kind.*`.
 */
export function notTableLine(binary: BinaryType, problem: WorkbookProblem | undefined, label: string, s: Record<string, string>): string {
  if (problem === 'encrypted' || problem === 'empty') return fill(s[`scoring.err.workbook-${problem}`] ?? '', { file: label });
  return notTextLine(binary, label, s, 'scoring.err.csv/not-text');
}

/**
 * The text of a chosen table: a CSV file's (any encoding a spreadsheet writes), or an .xlsx
 * workbook's sheet (a Kobo export, answers typed into a spreadsheet) as CSV, read on the device by
 * the same code as `sopkit`: the sheet whose header names `known` columns, as the command line
 * picks it (`workbookRows`), so a sheet of instructions before the answers is passed over; and,
 * when it is neither (text empty), what the file is and what kept a workbook from being read; or
 * (`error`, text empty) the line `sopkit` refuses the workbook's sheet with (a header merged over
 * a column of values, `workbookCsv`), naming the file by `label`.
 * @param known The column names of the tables the page reads (`responsesColumnTest` of the
 *   scoring page's quizzes; the report page reads its files with `readDroppedFile`).
 * @param label The file's name in the list and in messages.
 */
export async function tableOf(file: File, known?: KnownColumn, label = file.name): Promise<{ text: string; binary: BinaryType | undefined; problem?: WorkbookProblem; error?: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const binary = binaryType(bytes);
  if (binary === 'zip' || binary === 'encrypted') {
    const book = await workbookRows(bytes, known, label);
    if ('rows' in book && book.refusal) return { text: '', binary: undefined, error: book.refusal };
    if ('rows' in book) return { ...sheetCsv(book.rows, book.merged, label), binary: undefined };
    return { text: '', binary, problem: book.problem };
  }
  return { text: binary ? '' : decodeText(bytes), binary };
}
