import { t, type UiKey } from '../../../i18n/index.ts';
import type { Block, Cell } from '../../handbook/blocks.ts';
import { layoutContext, renderParts } from '../../handbook/document.ts';
import { run, type Inline } from '../../handbook/inline.ts';
import { layoutBlocks } from '../../handbook/layout.ts';
import { paginate } from '../../handbook/paginate.ts';
import { stampPage } from '../../handbook/stamps.ts';
import type { Paper } from '../../handbook/theme.ts';
import type { Rgb } from '../../pdf/writer.ts';
import type { SopDiff } from './compare.ts';
import type { FieldChange } from './frontmatter.ts';
import type { SectionChange } from './sections.ts';
import { labelledRuns, readable, type BlockChange, type MarkedRun, type TextPart } from './text-diff.ts';
import { columnName, fieldWord, frontmatterFieldLabel, redlineGroups, type RedlineUnit } from './redline-layout.ts';

/** Deletions in red, insertions in blue: told apart by people who do not see red and green, and marked by strike and underline too. */
export const redlineColors = { del: [0.7, 0.09, 0.09] as Rgb, ins: [0.04, 0.3, 0.62] as Rgb };

/** Options of the redline PDF. */
export interface RedlineOptions {
  paper?: Paper;
  /** Organisation printed above the title. */
  organisation?: string;
  /** Date for the document metadata (YYYY-MM-DD); none keeps the output reproducible. */
  date?: string;
}

const del = (text: string, style: Inline['style'] = 'regular'): Inline => run(text, style, { mark: 'del', color: redlineColors.del });
const ins = (text: string, style: Inline['style'] = 'regular'): Inline => run(text, style, { mark: 'ins', color: redlineColors.ins });
const cell = (inlines: Inline[]): Cell => ({ inlines });

/** Marked words as inlines. */
export function partInlines(parts: readonly TextPart[]): Inline[] {
  return readable(parts).map((p) => (p.kind === 'del' ? del(p.text) : p.kind === 'ins' ? ins(p.text) : run(p.text)));
}

/** Marked runs as inlines: labels (`Who: `) in bold, or all of them. */
function runInlines(runs: readonly MarkedRun[], bold = false): Inline[] {
  return runs.map((p) => {
    const style = p.label || bold ? 'bold' : 'regular';
    return p.kind === 'del' ? del(p.text, style) : p.kind === 'ins' ? ins(p.text, style) : run(p.text, style);
  });
}

/** A block's marked words as inlines: its labels (`Who: `) in bold, a title all in bold. */
function blockInlines(b: Pick<BlockChange, 'parts' | 'labels' | 'form'>): Inline[] {
  return runInlines(labelledRuns(b), b.form === 'title');
}

/** Indent of a list's nesting level, as the handbook indents a list. */
const LEVEL = 18;

/** A list item's marker, when the text starts with one that did not change: printed as the handbook prints a list. */
function listItem(b: BlockChange): Block | undefined {
  const first = b.parts[0];
  const m = first && (b.kind !== 'changed' || first.kind === 'same') ? /^(?:(\d+)\.|(•)|(☐)) /.exec(first.text) : null;
  if (!m) return undefined;
  const parts = [{ ...first!, text: first!.text.slice(m[0].length) }, ...b.parts.slice(1)];
  const item: Block = { kind: 'paragraph', inlines: blockInlines({ ...b, parts }) };
  const indent = LEVEL * Math.max(0, (b.depth ?? 1) - 1);
  if (m[1]) return { kind: 'list', ordered: true, start: Number(m[1]), items: [[item]], indent };
  return { kind: 'list', ordered: false, items: [[item]], ...(m[3] ? { checkboxes: true } : {}), indent };
}

/** One compared block as the SOP prints it: a paragraph, a list item, labelled values, a title. */
function changeBlock(b: BlockChange): Block {
  if (b.form === 'item') {
    const item = listItem(b);
    if (item) return item;
  }
  const indent = LEVEL * Math.max(0, (b.depth ?? 0) - (b.form === 'item' ? 1 : 0));
  return { kind: 'paragraph', inlines: blockInlines(b), ...(indent ? { indent } : {}), ...(b.form === 'title' ? { keepWithNext: true } : {}) };
}

function unitBlocks(u: RedlineUnit, lang: string): Block[] {
  if (u.kind === 'block') return [changeBlock(u.block)];
  return [{ kind: 'table', header: [u.columns.map((c) => cell([run(columnName(c, lang))]))], rows: u.cells.map((row) => row.map((c) => cell(runInlines(c)))), size: 8.5 }];
}

/**
 * The compared blocks of a section, printed as the SOP prints them: the rows of a table as a
 * table, the blocks of a callout or a case study in its box (labelled by its type, unless its
 * title already says it).
 */
function changeBlocks(blocks: readonly BlockChange[], lang: string): Block[] {
  return redlineGroups(blocks, lang).flatMap((g): Block[] => {
    const children = g.units.flatMap((u) => unitBlocks(u, lang));
    return g.box ? [{ kind: 'box', tone: g.box.tone, ...(g.box.label ? { label: g.box.label } : {}), children }] : children;
  });
}

function legend(lang: string): Block {
  return {
    kind: 'box',
    tone: 'note',
    title: [run(t('diff.legend', lang))],
    children: [
      { kind: 'paragraph', inlines: [del(t('diff.legend.sample.del', lang)), run(t('diff.legend.del', lang))], spaceBefore: 2 },
      { kind: 'paragraph', inlines: [ins(t('diff.legend.sample.ins', lang)), run(t('diff.legend.ins', lang))], spaceBefore: 2 },
      { kind: 'paragraph', inlines: [run(t('diff.legend.sections', lang))], size: 9, spaceBefore: 4 },
    ],
  };
}

function fieldRow(f: FieldChange, lang: string): Cell[] {
  return [cell([run(frontmatterFieldLabel(f.field, lang), 'bold')]), cell(f.from === undefined ? [] : [del(f.from)]), cell(f.to === undefined ? [] : [ins(f.to)])];
}

function statusLabel(s: SectionChange, lang: string): string {
  if (s.status === 'moved') return t('diff.status.moved', lang, { from: s.from?.number ?? '' });
  return t(`diff.status.${s.status}` as UiKey, lang);
}

function sectionBlocks(s: SectionChange, lang: string): Block[] {
  const ref = s.to ?? s.from!;
  const titleInlines: Inline[] = s.status === 'removed' ? [del(ref.title)] : s.status === 'added' ? [ins(ref.title)] : [run(ref.title)];
  const label: Inline[] = [run(`${statusLabel(s, lang).toUpperCase()}`, 'bold', { color: s.status === 'removed' ? redlineColors.del : redlineColors.ins })];
  if (s.title) label.push(run(` · ${t('diff.retitled', lang, { title: s.from?.title ?? '' })}`, 'italic'));
  const heading: Block = { kind: 'heading', level: 2, number: ref.number, inlines: titleInlines, anchor: `diff:${s.status}:${s.from?.number ?? ''}:${s.to?.number ?? ''}`, toc: false };
  return [heading, { kind: 'paragraph', inlines: label, size: 8.5, spaceBefore: 1, keepWithNext: true }, ...changeBlocks(s.blocks, lang)];
}

function workflowBlocks(diff: SopDiff, lang: string): Block[] {
  const head: Block = { kind: 'heading', level: 1, inlines: [run(t('diff.workflow', lang))], anchor: 'diff:workflow', toc: true };
  const w = diff.workflow;
  if (!w.compared) return w.note ? [head, { kind: 'paragraph', inlines: [run(t('diff.workflow.notCompared', lang, { note: w.note }), 'italic')] }] : [];
  if (!w.changes.length) return [head, { kind: 'paragraph', inlines: [run(t('diff.workflow.none', lang))] }];
  const rows = w.changes.map((c): Cell[] => [
    cell([run(t(`diff.what.${c.what}` as UiKey, lang), 'bold'), run(` ${t(`diff.kind.${c.kind}` as UiKey, lang)}`)]),
    cell([...(c.kind === 'removed' ? [del(c.subject)] : c.kind === 'added' ? [ins(c.subject)] : [run(c.subject)]), ...(c.field ? [run(` · ${fieldWord(c.field, lang)}`, 'italic')] : [])]),
    cell(c.from === undefined ? [] : [del(c.from)]),
    cell(c.to === undefined ? [] : [ins(c.to)]),
  ]);
  return [head, { kind: 'table', header: [[cell([run(t('diff.workflow.change', lang))]), cell([run(t('diff.workflow.what', lang))]), cell([run(t('diff.before', lang))]), cell([run(t('diff.after', lang))])]], rows, widths: [1.1, 2.6, 1.4, 1.4], size: 8.5 }];
}

/**
 * The comparison as blocks for the handbook engine: title, legend, summary, frontmatter changes,
 * every changed section with its words marked, and the workflow changes.
 */
export function redlineBlocks(diff: SopDiff, organisation = ''): Block[] {
  const lang = diff.language;
  const title = diff.title ?? diff.sop;
  const unchanged = diff.sections.filter((s) => s.status === 'unchanged').map((s) => s.to!.number);
  const blocks: Block[] = [
    ...(organisation ? [{ kind: 'paragraph', inlines: [run(organisation.toUpperCase(), 'bold')], size: 9 } as Block] : []),
    { kind: 'heading', level: 1, inlines: [run(t('diff.title', lang, { title }))], anchor: 'diff:summary', toc: true },
    { kind: 'paragraph', inlines: [run(t('diff.lead', lang, { code: diff.code ?? diff.sop, from: diff.from.label, to: diff.to.label }))] },
    legend(lang),
    { kind: 'paragraph', inlines: [run(t('diff.summary', lang, { ...diff.counts }), 'bold')] },
    ...(unchanged.length ? [{ kind: 'paragraph', inlines: [run(t('diff.unchangedList', lang, { list: unchanged.join(', ') }))], size: 9 } as Block] : []),
    { kind: 'heading', level: 1, inlines: [run(t('diff.frontmatter', lang))], anchor: 'diff:frontmatter', toc: true },
  ];
  if (diff.frontmatterNote) blocks.push({ kind: 'paragraph', inlines: [run(diff.frontmatterNote, 'italic')] });
  else if (!diff.frontmatter.length) blocks.push({ kind: 'paragraph', inlines: [run(t('diff.noChange', lang))] });
  else blocks.push({ kind: 'table', header: [[cell([run(t('diff.field', lang))]), cell([run(t('diff.before', lang))]), cell([run(t('diff.after', lang))])]], rows: diff.frontmatter.map((f) => fieldRow(f, lang)), widths: [1.2, 2, 2], size: 8.5 });
  const changed = diff.sections.filter((s) => s.status !== 'unchanged');
  blocks.push({ kind: 'heading', level: 1, inlines: [run(t('diff.sections', lang))], anchor: 'diff:sections', toc: true });
  if (!changed.length) blocks.push({ kind: 'paragraph', inlines: [run(t('diff.noChange', lang))] });
  for (const s of changed) blocks.push(...sectionBlocks(s, lang));
  blocks.push(...workflowBlocks(diff, lang));
  return blocks;
}

/**
 * The redline PDF of a comparison (`<sop>-changes.pdf`): deletions struck through in red,
 * insertions underlined in blue, with a legend; running heads name the SOP and the two versions.
 * @param diff The comparison.
 */
export async function renderRedlinePdf(diff: SopDiff, options: RedlineOptions = {}): Promise<Uint8Array> {
  const paper = options.paper ?? 'a4';
  const lang = diff.language;
  const ctx = layoutContext(paper, lang);
  const pages = paginate(layoutBlocks(redlineBlocks(diff, options.organisation), ctx), { portrait: ctx.height, landscape: ctx.landscape.height });
  const title = t('diff.title', lang, { title: diff.title ?? diff.sop });
  const code = diff.code ?? diff.sop;
  const stamp = { code, title, ...(diff.to.version ? { version: diff.to.version } : {}), lang };
  return renderParts([{ pages, numbering: 'decimal', stamp: (w, info) => stampPage(w, info, stamp) }], paper, { title: `${code} ${title}`, author: options.organisation ?? '', subject: t('diff.lead', lang, { code, from: diff.from.label, to: diff.to.label }), language: lang, ...(options.date ? { date: options.date } : {}) }, ctx);
}
