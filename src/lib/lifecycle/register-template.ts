import writeXlsxFile from 'write-excel-file/node';
import type { Cell, Sheet } from 'write-excel-file/node';
import { t, type UiKey } from '../../i18n/index.ts';
import { fixZipTimes } from '../zip-times.ts';
import { commentDecisions, commentTypes, registerColumns } from '../../schemas/comment-register.ts';
import { writeCsv } from '../assessment/csv.ts';
import type { SopDoc } from '../content/project.ts';

type ValidSop = SopDoc & { data: NonNullable<SopDoc['data']> };

/** The template's rows: one per section, with the SOP, its version and the section filled in. */
function templateRows(sop: ValidSop): string[][] {
  return sop.sections.map((s) => registerColumns.map((c) => (c.name === 'sop' ? sop.id : c.name === 'version' ? sop.data.version : c.name === 'section' ? s.number : '')));
}

/**
 * The header of a register column in the SOP's language: the column's name in the source
 * language (`commenter`), its word in a translation's (`auteur`), which `columnFor` reads back.
 */
const header = (name: string, lang: string) => t(`register.col.${name}` as UiKey, lang);

/**
 * The comment register template of an SOP as CSV: the register's header, then one row per
 * section with `sop`, `version` and `section` filled in. Rows left without a comment are not
 * comments (`sopkit comments check` skips them), so reviewers write on the row of the section.
 * A translated SOP's template has its headers in its language (ARCHITECTURE.md, Formats: comment
 * register); the values (ids, versions, section numbers, types and decisions) are the same.
 * @param sop The SOP (valid frontmatter).
 */
export function registerTemplateCsv(sop: ValidSop): string {
  return writeCsv([registerColumns.map((c) => header(c.name, sop.data.language)), ...templateRows(sop)]);
}

const head = { fontWeight: 'bold', backgroundColor: '#E1E8F2', wrap: true, alignVertical: 'top' } as const;
const text = (value: string, extra: object = {}): Cell => ({ value, type: String, format: '@', alignVertical: 'top', wrap: true, ...extra });

/**
 * The comment register template of an SOP as XLSX, written with write-excel-file: a "Comments"
 * sheet like the CSV (header frozen, section, version and paragraph cells formatted as text so a
 * spreadsheet keeps 6.10 and 1.2.0 as typed), a "Sections" sheet listing every section with its
 * title and paragraphs, and a "Help" sheet with each column and the allowed values.
 * @param sop The SOP (valid frontmatter).
 */
export async function registerTemplateXlsx(sop: ValidSop): Promise<Uint8Array> {
  const lang = sop.data.language;
  const say = (key: string, params?: Record<string, string>) => t(key as UiKey, lang, params);
  const widths: Record<string, number> = { commenter: 22, sop: 22, version: 9, section: 9, paragraph: 10, line: 7, type: 11, comment: 50, proposal: 40, decision: 16, response: 40, changedIn: 11 };
  const comments: Sheet<Buffer> = {
    sheet: say('register.sheet.comments'),
    stickyRowsCount: 1,
    columns: registerColumns.map((c) => ({ width: widths[c.name] ?? 14 })),
    data: [registerColumns.map((c) => ({ value: header(c.name, lang), ...head })), ...templateRows(sop).map((row) => row.map((v) => text(v)))],
  };
  const counts = new Map<string, number>();
  for (const p of sop.paragraphs) counts.set(p.section, (counts.get(p.section) ?? 0) + 1);
  const sections: Sheet<Buffer> = {
    sheet: say('register.sheet.sections'),
    stickyRowsCount: 1,
    columns: [{ width: 10 }, { width: 60 }, { width: 12 }],
    data: [
      [{ value: say('register.sections.section'), ...head }, { value: say('register.sections.title'), ...head }, { value: say('register.sections.paragraphs'), ...head }],
      ...sop.sections.map((s) => [text(s.number), text(`${'  '.repeat(s.level - 1)}${s.title}`), { value: counts.get(s.number) ?? 0, type: Number }]),
    ],
  };
  const help: Sheet<Buffer> = {
    sheet: say('register.sheet.help'),
    columns: [{ width: 14 }, { width: 90 }],
    data: [
      [{ value: say('register.help.title', { code: sop.data.code, title: sop.data.title, version: sop.data.version }), fontWeight: 'bold', columnSpan: 2 }, null],
      [{ value: say('register.help.column'), ...head }, { value: say('register.help.what'), ...head }],
      ...registerColumns.map((c) => [text(header(c.name, lang), { fontWeight: 'bold' }), text(`${say(`register.help.${c.name}`)}${c.required ? ` ${say('register.help.required')}` : ''}`)]),
      [text(say('register.help.types'), { fontWeight: 'bold' }), text(commentTypes.join(', '))],
      [text(say('register.help.decisions'), { fontWeight: 'bold' }), text(commentDecisions.join(', '))],
    ],
  };
  const buffer = await writeXlsxFile([comments, sections, help]).toBuffer();
  // The same SOP gives the same bytes on every build (src/lib/zip-times.ts).
  return fixZipTimes(new Uint8Array(buffer));
}
