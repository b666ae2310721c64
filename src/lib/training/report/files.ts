import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BINARY_KINDS, binaryType, decodeText } from '../../assessment/csv.ts';
import { csvFile } from '../../assessment/csv-write.ts';
import { itemsCsv, scoresCsv } from '../../assessment/export-csv.ts';
import type { FormId } from '../../assessment/types.ts';
import { tableText, type KnownColumn } from '../../assessment/workbook.ts';
import { SopkitError } from '../../errors.ts';
import { inputFile } from '../../input-file.ts';
import type { Paper } from '../../handbook/theme.ts';
import type { ReportColumns } from './columns.ts';
import type { CourseInfo } from './course-info.ts';
import { trainingReportHtml } from './html.ts';
import type { InputFile, ReportInputs, TrainingReport } from './model.ts';
import { renderTrainingReportPdf } from './pdf.ts';
import { evaluationStatsCsv } from './stats-csv.ts';

/** The files of `sopkit report`, as the user named them. */
export interface ReportArgs {
  pre: string[];
  post: string[];
  evaluation: string[];
  attendance?: string;
  notes?: string;
}

/** `quiz=path` (a quiz or form named before the file) or a plain path that exists. */
function target(root: string, value: string): { path: string; id?: string } {
  const named = /^([a-z0-9]+(?:-[a-z0-9]+)*)=(.+)$/.exec(value);
  if (named && !existsSync(resolve(root, value))) return { id: named[1]!, path: named[2]! };
  return { path: value };
}

/**
 * A table's text: CSV in whatever encoding a spreadsheet wrote it, or an .xlsx workbook's first
 * sheet as CSV; one line when it is missing or neither.
 */
async function readText(root: string, path: string, known?: KnownColumn): Promise<InputFile> {
  return { name: path, text: await tableText(readFileSync(inputFile(root, path, 'report/not-found')), path, known) };
}


/**
 * The trainer's notes, Markdown or plain text: a Word document or a PDF is refused in one line
 * (read as text, its bytes went into the report as a page of garbage).
 */
function readNotes(root: string, path: string): InputFile {
  const bytes = readFileSync(inputFile(root, path, 'report/not-found'));
  const type = binaryType(bytes);
  if (type) throw new SopkitError('report/notes-not-text', `--notes ${path} is not a text file (it is ${type === 'zip' ? 'a Word document (.docx) or another ZIP archive' : BINARY_KINDS[type]}); save the notes as plain text or Markdown (.txt or .md; in Word: File > Save As > Plain Text) and give that file`);
  return { name: path, text: decodeText(bytes) };
}

/**
 * Reads the files of a report from disk; messages name each by the path the user gave.
 * @param root Folder relative paths are resolved against.
 * @param args The files.
 * @param columns The column names each kind of file holds (`reportColumns`: the course's quizzes and forms).
 */
export async function readReportInputs(root: string, args: ReportArgs, columns: ReportColumns = {}): Promise<ReportInputs> {
  // One file after another, in the order given: the first bad one is the one named.
  const tests: ReportInputs['tests'] = [];
  for (const [form, values] of [['pre', args.pre], ['post', args.post]] as const) {
    for (const value of values) {
      const { path, id } = target(root, value);
      tests.push({ ...(await readText(root, path, columns.tests)), form, ...(id ? { quiz: id } : {}) });
    }
  }
  const evaluations: ReportInputs['evaluations'] = [];
  for (const value of args.evaluation) {
    const { path, id } = target(root, value);
    evaluations.push({ ...(await readText(root, path, columns.evaluation)), ...(id ? { form: id } : {}) });
  }
  return {
    tests,
    evaluations,
    ...(args.attendance ? { attendance: await readText(root, args.attendance, columns.attendance) } : {}),
    ...(args.notes ? { notes: readNotes(root, args.notes) } : {}),
  };
}

/**
 * Writes `report.html`, `report.pdf`, and beside them each quiz's `<quiz>-scores.csv` and
 * `<quiz>-items.csv` and each evaluation form's `<form>-evaluation.csv`.
 * @param dir Output folder (created).
 * @param report The report.
 * @param info The course (its quizzes, for the item tables).
 * @param paper Paper size of the PDF.
 * @returns The names of the files written.
 */
/**
 * Refuses an output folder where the report would write over one of the files it reads: an
 * output named as an input (`--evaluation out/registry-officers-evaluation.csv --out out`)
 * replaced the responses with the statistics, and said it had written them.
 * @param dir The output folder.
 * @param report The report (its tests and evaluation forms name the CSV files).
 * @param inputs The files read, absolute.
 */
export function refuseInputClash(dir: string, report: TrainingReport, inputs: readonly string[]): void {
  const given = new Set(inputs.map((file) => resolve(file)));
  const names = ['report.html', 'report.pdf', ...report.tests.flatMap((r) => [`${r.quiz}-scores.csv`, `${r.quiz}-items.csv`]), ...report.evaluation.map((e) => `${e.form}-evaluation.csv`)];
  const clash = names.find((name) => given.has(resolve(dir, name)));
  if (clash) throw new SopkitError('report/overwrite-input', `${join(dir, clash)} is one of the files given to read, and the report writes a file of that name there: give --out another folder, or move the file; nothing was written`);
}

export async function writeReportFiles(dir: string, report: TrainingReport, info: CourseInfo, paper: Paper = 'a4'): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const files: [string, string | Uint8Array][] = [
    ['report.html', trainingReportHtml(report)],
    ['report.pdf', await renderTrainingReportPdf(report, { paper })],
  ];
  for (const r of report.tests) {
    const quiz = info.quizzes.find((q) => q.id === r.quiz)!;
    files.push([`${r.quiz}-scores.csv`, scoresCsv(r.report, new Map(Object.entries(r.names)))], [`${r.quiz}-items.csv`, itemsCsv(r.report, quiz)]);
  }
  for (const e of report.evaluation) files.push([`${e.form}-evaluation.csv`, evaluationStatsCsv(e)]);
  for (const [name, data] of files) writeFileSync(join(dir, name), typeof data === 'string' && name.endsWith('.csv') ? csvFile(data) : data);
  return files.map(([name]) => name);
}
