import { colon, t } from '../../i18n/index.ts';
import type { SopFrontmatter } from '../../schemas/index.ts';
import type { Block, Cell } from '../handbook/blocks.ts';
import { run } from '../handbook/inline.ts';
import { layoutBlocks, type LayoutContext } from '../handbook/layout.ts';
import { paginate, type LaidPage } from '../handbook/paginate.ts';
import { colors, type } from '../handbook/theme.ts';

const cell = (text: string, style: 'regular' | 'bold' = 'regular'): Cell => ({ inlines: [run(text, style)] });

/** Height left for writing in each row, in points. */
const ROW_HEIGHT = 31;

/**
 * The comment sheet at the end of a review copy: the register's columns as a ruled table on a
 * landscape page, for reviewers who comment on paper. The drafting team's column is the
 * resolution (decision and response) of the register.
 * @param d The SOP's frontmatter.
 * @param ctx The layout context (its landscape text area is used).
 */
export function commentSheetPages(d: SopFrontmatter, ctx: LayoutContext): LaidPage[] {
  const lang = d.language;
  const header = [
    cell(t('review.col.no', lang)),
    cell(t('review.col.section', lang)),
    cell(t('review.col.paragraph', lang)),
    cell(t('review.col.line', lang)),
    cell(t('review.col.type', lang)),
    cell(t('review.col.comment', lang)),
    cell(t('review.col.proposal', lang)),
    cell(t('review.col.resolution', lang)),
  ];
  const rows = (n: number): Cell[][] => Array.from({ length: n }, (_, i) => [{ inlines: [run(String(i + 1), 'regular', { color: colors.muted })], minHeight: ROW_HEIGHT }, ...header.slice(1).map(() => ({ inlines: [] }))]);
  const blocks = (n: number): Block[] => [
    { kind: 'heading', level: 1, inlines: [run(t('review.sheet.title', lang))], anchor: `review:${d.id}:sheet`, toc: true },
    { kind: 'paragraph', inlines: [run(t('review.sheet.lead', lang, { code: d.code, title: d.title, version: d.version }))], size: type.small + 0.5 },
    { kind: 'paragraph', inlines: [run(`${t('review.sheet.commenter', lang)}${colon(lang)} ______________________________________________    ${t('handbook.date', lang)}${colon(lang)} ________________`, 'bold')], spaceBefore: 10 },
    { kind: 'table', header: [header], rows: rows(n), widths: [0.35, 0.65, 0.35, 0.45, 0.45, 3.2, 2.6, 2.1], size: 8.5 },
  ];
  // As many rows as fill one landscape page.
  const heightOf = (n: number) => layoutBlocks(blocks(n), ctx, ctx.landscape.width).reduce((h, it) => h + it.height + (it.spaceBefore ?? 0), 0);
  const one = heightOf(1);
  const row = heightOf(2) - one;
  const items = layoutBlocks(blocks(1 + Math.max(0, Math.floor((ctx.landscape.height - one - 2) / row))), ctx, ctx.landscape.width);
  return paginate(items, { portrait: ctx.landscape.height, landscape: ctx.landscape.height }).map((p) => ({ ...p, landscape: true }));
}
