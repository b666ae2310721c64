import { segments } from '../../assessment/columns.ts';
import { readCsv } from '../../assessment/csv.ts';
import { isDayHeader } from './attendance.ts';
import type { CourseInfo } from './course-info.ts';

/** What a file dropped on the report page is. `responses`: test answers whose form column says pre or post. */
export type FileKind = 'pre' | 'post' | 'responses' | 'evaluation' | 'attendance' | 'notes';

/** The form a test file's name suggests (`…pre…`, `…post…`), or none. */
export function formFromName(name: string): 'pre' | 'post' | undefined {
  const n = name.toLowerCase();
  const pre = /(^|[^a-z])pre/.test(n);
  const post = /(^|[^a-z])post/.test(n);
  return pre && !post ? 'pre' : post && !pre ? 'post' : undefined;
}

/** The kind a table's name suggests (`attendance.csv`, `evaluation-day1.csv`, `post.csv`), else test responses. */
export function kindFromName(name: string): FileKind {
  const n = name.toLowerCase();
  if (/attend|pr[eé]sence|حضور/.test(n)) return 'attendance';
  if (/eval|تقييم/.test(n)) return 'evaluation';
  return formFromName(name) ?? 'responses';
}

/**
 * A first guess at what a dropped file is, which the trainer can change: Markdown is the notes; a
 * CSV with day columns and an organisation is the attendance; one whose columns are an evaluation
 * form's items is evaluation responses; any other CSV is test responses, pre or post as its name
 * says (else read from its form column).
 * @param name File name.
 * @param text File text.
 * @param info The course (its evaluation forms).
 */
export function guessKind(name: string, text: string, info: Pick<CourseInfo, 'evaluations'>): FileKind {
  if (/\.(md|markdown)$/i.test(name)) return 'notes';
  let cells: string[];
  try {
    cells = readCsv(text, name).header;
  } catch {
    // Not readable as a table (empty, a quote left open): what its name says, so the error that follows is the right kind's.
    return /\.(csv|tsv|xlsx)$/i.test(name) ? kindFromName(name) : 'notes';
  }
  const header = cells.map((h) => (segments(h).at(-1) ?? '').toLowerCase());
  if (cells.some(isDayHeader) && header.some((h) => ['organisation', 'organization', 'office'].includes(h))) return 'attendance';
  const items = new Set(info.evaluations.flatMap((e) => e.items.map((i) => i.id)));
  if (header.filter((h) => items.has(h) || [...items].some((id) => h.endsWith(`-${id}`))).length >= Math.min(3, items.size || 1) && items.size) return 'evaluation';
  return formFromName(name) ?? 'responses';
}

/**
 * A first guess at a dropped file that is not text (`binaryType`), which the page refuses by what
 * it is taken for: a Word document or a PDF is the notes; a workbook or a photo, the test its name says.
 * @param name File name.
 */
export function guessKindOfBinary(name: string): FileKind {
  return /\.(docx?|pdf|odt|rtf)$/i.test(name) ? 'notes' : kindFromName(name);
}
