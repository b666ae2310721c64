import { colon, formatDate, t, type UiKey } from '../../i18n/index.ts';
import type { Project, SopDoc } from '../content/project.ts';
import { SopkitError } from '../errors.ts';
import type { Block, Cell } from '../handbook/blocks.ts';
import { layoutContext, renderParts, type Part } from '../handbook/document.ts';
import { historyBlocks } from '../handbook/front-matter.ts';
import { glossaryBlocks } from '../handbook/glossary.ts';
import { run } from '../handbook/inline.ts';
import { layoutBlocks } from '../handbook/layout.ts';
import { paginate, type LaidPage } from '../handbook/paginate.ts';
import { sopBodyBlocks, type BodyOptions } from '../handbook/sop-body.ts';
import type { PageInfo } from '../handbook/document.ts';
import { stampPage, type StampInfo } from '../handbook/stamps.ts';
import type { PageWriter } from '../pdf/writer.ts';
import { colors, type Paper } from '../handbook/theme.ts';
import { loadWorkflowPrints } from '../handbook/workflow-print.ts';
import { commentSheetPages } from './comment-sheet.ts';
import { drawMargins, marginsOf } from './line-numbers.ts';
import { recordOf } from './history-records.ts';
import { reviewFileNames } from './review-files.ts';
import { approvalScope, changedSinceApproval, footerEffective } from './approval.ts';
import { knownIds } from '../known-ids.ts';

type ValidSop = SopDoc & { data: NonNullable<SopDoc['data']> };

const cell = (text: string, style: 'regular' | 'bold' = 'regular'): Cell => ({ inlines: [run(text, style)] });

function validSop(project: Project, id: string): ValidSop {
  const sop = project.sops.find((s) => s.id === id);
  if (!sop) throw new SopkitError('review/unknown-sop', `no SOP "${id}" in content/sops/; known: ${knownIds(project.root, project.sops.map((s) => s.id))}`);
  if (!sop.data || !sop.tree) throw new SopkitError('review/invalid-sop', `${sop.file} has errors; run \`sopkit check\` and fix them first`);
  return sop as ValidSop;
}

/**
 * Whether the SOP is in force: approved, and its approval covers the current version. Its review
 * copy (a periodic review) was stamped "CONSULTATION DRAFT — not for use" and "It is not in force:
 * do not apply it", over a status row saying Approved.
 */
function inForce(d: Pick<ValidSop['data'], 'status' | 'approval' | 'history'>): boolean {
  return d.status === 'approved' && approvalScope(d) !== undefined && !changedSinceApproval(d);
}

/** The front page: what the document is, that it is a draft, how to comment, and its history. */
function frontBlocks(sop: ValidSop, project: Project): Block[] {
  const d = sop.data;
  const lang = d.language;
  // A translation's front page names its own register files (`….fr.csv`).
  const files = reviewFileNames(d.id, d.translationOf ? lang : undefined);
  const changedSince = changedSinceApproval(d)?.changedSince[0];
  const rows: [string, string][] = [
    [t('sop.code', lang), d.code],
    [t('sop.version', lang), d.version],
    [t('sop.status', lang), t(`status.${d.status}` as UiKey, lang)],
    [t('sop.owner', lang), d.owner],
  ];
  return [
    ...(project.site ? [{ kind: 'paragraph', inlines: [run(project.site.organisation.toUpperCase(), 'bold', { color: colors.muted })], size: 9 } as Block] : []),
    { kind: 'heading', level: 1, inlines: [run(t('review.copy.title', lang))], anchor: `review:${d.id}`, toc: false },
    { kind: 'paragraph', inlines: [run(`${d.code}  `, 'bold', { color: colors.accent }), run(d.title, 'bold')], size: 15 },
    // An SOP in force reviewed (a periodic review) is not "a draft ... not in force".
    { kind: 'paragraph', inlines: [run(t(inForce(d) ? 'review.lead.inForce' : 'review.lead', lang), 'bold', { color: colors.watermark })] },
    { kind: 'table', header: [], rows: rows.map(([k, v]) => [cell(k, 'bold'), cell(v)]), widths: [1, 3] },
    // "Approved" over a draft for comment: an SOP approved and changed since says which version
    // the approval covers, as its web page does.
    ...(changedSince ? [{ kind: 'paragraph', inlines: [run(t('sop.changedSinceApproval', lang, { version: changedSince.version, date: formatDate(changedSince.date, lang), current: d.version }), 'bold', { color: colors.watermark })] } as Block] : []),
    { kind: 'heading', level: 2, inlines: [run(t('review.how', lang))], toc: false },
    { kind: 'paragraph', inlines: [run(t('review.how.cite', lang))] },
    { kind: 'paragraph', inlines: [run(t('review.how.register', lang, { csv: files.csv, xlsx: files.xlsx }))] },
    { kind: 'paragraph', inlines: [run(t('review.how.types', lang))] },
    { kind: 'space', height: 6 },
    // As in the handbook, a line backed by a model record says so.
    ...historyBlocks(d, lang, (h) => recordOf(project, h)?.example === true),
  ];
}

/**
 * The running heads of a review copy: those of a handbook, the diagonal watermark, and the same
 * words under the running head, where they stay legible on a faint photocopy and more than 10 mm
 * from the edge that many office printers leave blank (above the head, 4 to 8 mm from the edge,
 * they could be lost in print).
 */
function stampReviewPage(w: PageWriter, info: PageInfo, stamp: StampInfo & { watermark: string }): void {
  stampPage(w, info, stamp);
  const g = info.geometry;
  const size = 8;
  const width = w.fonts.width(stamp.watermark, size, 'bold');
  w.artifact(() => w.text([{ text: stamp.watermark, style: 'bold', size, color: colors.watermark }], (g.width - width) / 2, g.marginTop - 10));
}

/** The blocks of a review copy's numbered text: the SOP body with paragraph markers, then the glossary of its terms. */
async function bodyBlocksOf(project: Project, sop: ValidSop): Promise<Block[]> {
  const workflows = (await loadWorkflowPrints(project, [sop])).get(sop.id)!;
  const body: BodyOptions = { project, edition: 'participant', inPdf: new Set([sop.id]), workflows, terms: new Set(), figures: { n: 0 }, paragraphMarks: true };
  const blocks = sopBodyBlocks(sop, body);
  blocks.push(...glossaryBlocks(project, body.terms, sop.data.language, `glossary:${sop.id}`));
  return blocks;
}

/** Those blocks laid out in pages on one paper. */
function bodyPagesOf(blocks: readonly Block[], ctx: ReturnType<typeof layoutContext>): LaidPage[] {
  return paginate(layoutBlocks(blocks, ctx), { portrait: ctx.height, landscape: ctx.landscape.height });
}

/**
 * How many lines the review copy of an SOP's current version numbers in its left margin on each
 * paper: the highest line a comment register can cite. The text is made once and laid out on
 * each paper.
 * @param project The loaded project.
 * @param id SOP id.
 * @param papers The papers it may have been printed on.
 */
export async function reviewCopyLineCounts<P extends Paper>(project: Project, id: string, papers: readonly P[]): Promise<Record<P, number>> {
  const sop = validSop(project, id);
  const blocks = await bodyBlocksOf(project, sop);
  const count = (paper: P) => marginsOf(bodyPagesOf(blocks, layoutContext(paper, sop.data.language))).reduce((n, m) => n + m.lines.length, 0);
  return Object.fromEntries(papers.map((paper) => [paper, count(paper)])) as Record<P, number>;
}

/** Options of a review copy. */
export interface ReviewCopyOptions {
  paper: Paper;
}

/**
 * The review copy of an SOP for a consultation: a front page (what it is, how to comment, the
 * history), the text with paragraph markers (`§6.2 ¶3`) in the right margin and every line
 * numbered in the left margin, a "CONSULTATION DRAFT — version x.y.z — not for use" watermark on
 * every page, the glossary of the terms used, and a comment sheet with the register's columns.
 * @param project The loaded project.
 * @param id SOP id.
 * @param options Paper size.
 */
export async function renderReviewCopy(project: Project, id: string, options: ReviewCopyOptions): Promise<Uint8Array> {
  const sop = validSop(project, id);
  const d = sop.data;
  const lang = d.language;
  const ctx = layoutContext(options.paper, lang);
  const stamp: StampInfo & { watermark: string } = { code: d.code, title: d.title, version: d.version, status: d.status, effective: footerEffective(d), lang, watermark: t(inForce(d) ? 'review.watermark.inForce' : 'review.watermark', lang, { version: d.version }) };
  const pages = (bs: readonly Block[]) => paginate(layoutBlocks(bs, ctx), { portrait: ctx.height, landscape: ctx.landscape.height });
  const bodyPages = bodyPagesOf(await bodyBlocksOf(project, sop), ctx);
  const margins = marginsOf(bodyPages);
  const parts: Part[] = [
    { pages: pages(frontBlocks(sop, project)), numbering: 'roman', stamp: (w, info) => stampReviewPage(w, info, stamp) },
    {
      pages: bodyPages,
      numbering: 'decimal',
      stamp: (w, info) => {
        stampReviewPage(w, info, stamp);
        const m = margins[info.number - 1];
        if (m) drawMargins(w, info.geometry, m);
      },
    },
    { pages: commentSheetPages(d, ctx), numbering: 'decimal', stamp: (w, info) => stampReviewPage(w, info, stamp) },
  ];
  const title = `${d.code} ${d.title}${colon(lang)} ${t('review.copy.title', lang)}${t('list.separator', lang)}v${d.version}`;
  return renderParts(parts, options.paper, { title, author: project.site?.organisation ?? d.owner, subject: d.summary, language: lang, date: d.history[0]?.date ?? d.effective, keywords: [d.code, d.id, `v${d.version}`, 'review copy'] }, ctx);
}
