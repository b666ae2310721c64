import { colon, t, type UiKey } from '../../../i18n/index.ts';
import { rowCells, type BlockChange, type BlockShape, type MarkedRun } from './text-diff.ts';
import type { WorkflowChange } from './workflow.ts';

/*
 * What the redline PDF and HTML share: the words they add, and how they group the compared blocks
 * of a section as the SOP prints them (the blocks of a callout or case study in its box, the rows
 * of a table as a table).
 */

/** The detail of a step that changed, as the step table heads its column. */
export function fieldWord(field: NonNullable<WorkflowChange['field']>, lang: string): string {
  return t(field === 'step' ? 'steps.step' : field === 'title' ? 'steps.title' : field === 'role' ? 'steps.role' : 'steps.forms', lang);
}

/** Frontmatter fields named by the words the SOP page prints beside them. */
const fieldWords: Record<string, UiKey> = {
  title: 'diff.field.title',
  code: 'sop.code',
  summary: 'diff.field.summary',
  version: 'sop.version',
  status: 'sop.status',
  effective: 'sop.effective',
  reviewDue: 'sop.reviewDue',
  owner: 'sop.owner',
  workflow: 'diff.field.workflow',
  language: 'diff.field.language',
  'approval.by': 'sop.approvedBy',
  'approval.title': 'diff.field.approvalTitle',
  'approval.date': 'sop.approvedOn',
  roles: 'diff.field.roles',
  legalBasis: 'diff.field.legalBasis',
  forms: 'diff.field.forms',
  history: 'sop.history',
};

/**
 * A changed frontmatter field as a reader of the redline knows it: `Revision history`, `Legal
 * basis`, `Form DQ-05: fields`, not the file's keys (`history`, `legalBasis`, `forms.DQ-05.fields`);
 * a field without a word keeps its key.
 */
export function frontmatterFieldLabel(field: string, lang: string): string {
  const word = fieldWords[field];
  if (word) return t(word, lang);
  const form = /^forms\.(.+)\.(title|purpose|fields)$/.exec(field);
  if (form) return t(`diff.field.form.${form[2] as 'title' | 'purpose' | 'fields'}`, lang, { id: form[1]! });
  return field;
}

/** The word above a box, as the SOP labels it: the callout's type, "Case study", "Trainer note". */
export function boxLabel(box: NonNullable<BlockShape['box']>, lang: string): string {
  return box === 'case' ? t('case.label', lang) : box === 'trainer' ? t('trainer.note', lang) : t(`callout.${box}` as UiKey, lang);
}

/** A column's heading from its label: `Who: ` → `Who`. */
export function columnName(label: string, lang: string): string {
  const text = label.trimEnd();
  const mark = colon(lang).trim();
  return text.endsWith(mark) ? text.slice(0, -mark.length).trimEnd() : text;
}

/** One thing a section prints: a block, or the rows of a table with their cells. */
export type RedlineUnit = { kind: 'block'; block: BlockChange } | { kind: 'table'; columns: string[]; rows: BlockChange[]; cells: MarkedRun[][][] };

/** Consecutive units, in a box (a callout, a case study) or not. */
export interface RedlineGroup {
  /** The box and the word above it (none when the box's title already says it: an untitled warning). */
  box?: { tone: NonNullable<BlockShape['box']>; label?: string };
  units: RedlineUnit[];
}

const sameColumns = (a: BlockChange, b: BlockChange) => !!a.columns && !!b.columns && a.columns.join('\0') === b.columns.join('\0');

/** Rows of one table: their cells, or each row as it reads when a row does not fall into the columns. */
function tableUnits(rows: BlockChange[]): RedlineUnit[] {
  const columns = rows[0]!.columns!;
  const cells = rows.map((r) => rowCells(r, columns));
  if (cells.every((c): c is MarkedRun[][] => c !== undefined)) return [{ kind: 'table', columns, rows, cells }];
  return rows.map((block) => ({ kind: 'block', block }));
}

/**
 * The compared blocks of a section as the SOP prints them: consecutive rows of one table together,
 * and the blocks of a box together.
 * @param blocks The section's compared blocks.
 * @param lang The document's language.
 */
export function redlineGroups(blocks: readonly BlockChange[], lang: string): RedlineGroup[] {
  const groups: RedlineGroup[] = [];
  let rows: BlockChange[] = [];
  const flush = () => {
    if (rows.length) groups.at(-1)!.units.push(...tableUnits(rows));
    rows = [];
  };
  blocks.forEach((b, i) => {
    const prev = blocks[i - 1];
    const newBox = b.box ? !prev || prev.box !== b.box || b.opens : !!prev?.box;
    if (newBox || !groups.length) {
      flush();
      const label = b.box ? boxLabel(b.box, lang) : undefined;
      const titled = label !== undefined && b.form === 'title' && b.parts.map((p) => p.text).join('').trim().toLowerCase() === label.toLowerCase();
      // A box whose kind changed says what it was: "Warning (was: Note)".
      const was = b.box && b.boxWas !== undefined ? ` (${t('diff.boxWas', lang, { label: b.boxWas ? boxLabel(b.boxWas, lang) : t('diff.noBox', lang) })})` : '';
      groups.push({ ...(b.box ? { box: { tone: b.box, ...(titled && !was ? {} : { label: `${label}${was}` }) } } : {}), units: [] });
    }
    if (b.columns) {
      if (rows.length && !sameColumns(rows[0]!, b)) flush();
      rows.push(b);
      return;
    }
    flush();
    groups.at(-1)!.units.push({ kind: 'block', block: b });
  });
  flush();
  return groups;
}
