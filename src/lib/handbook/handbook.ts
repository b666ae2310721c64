import { direction, formatDate, formatNumber, t, type UiKey } from '../../i18n/index.ts';
import { localePath } from '../translation/routes.ts';
import { localesOf } from '../translation/locales.ts';
import { freshnessOf } from '../translation/freshness.ts';
import { sourceProjectOf } from '../translation/localize.ts';
import type { Project, SopDoc } from '../content/project.ts';
import { SopkitError } from '../errors.ts';
import type { Block } from './blocks.ts';
import { layoutContext, placedHeadings, renderParts, type Part } from './document.ts';
import type { Edition } from './editions.ts';
import { contentsBlocks, coverBlock, exampleNote, historyBlocks, signatureBlocks, type CoverInfo } from './front-matter.ts';
import { glossaryBlocks } from './glossary.ts';
import { run } from './inline.ts';
import { layoutBlocks, type LayoutContext } from './layout.ts';
import { paginate } from './paginate.ts';
import { anchors } from './print-context.ts';
import { siteUrl, sopBodyBlocks, type BodyOptions } from './sop-body.ts';
import { stampPage, type StampInfo } from './stamps.ts';
import type { Paper } from './theme.ts';
import { loadWorkflowPrints } from './workflow-print.ts';
import { approvalScope, changedSinceApproval, footerEffective } from '../lifecycle/approval.ts';
import { approvalIsExample, recordOf } from '../lifecycle/history-records.ts';
import { knownIds } from '../known-ids.ts';

/** Choices for a printed handbook. */
export interface HandbookOptions {
  edition: Edition;
  paper: Paper;
}

function pages(blocks: readonly Block[], ctx: LayoutContext) {
  return paginate(layoutBlocks(blocks, ctx), { portrait: ctx.height, landscape: ctx.landscape.height });
}

function usableSop(project: Project, id: string): SopDoc & { data: NonNullable<SopDoc['data']> } {
  const sop = project.sops.find((s) => s.id === id);
  if (!sop) throw new SopkitError('handbook/unknown-sop', `no SOP "${id}" in content/sops/; known: ${knownIds(project.root, project.sops.map((s) => s.id))}`);
  if (!sop.data || !sop.tree) throw new SopkitError('handbook/invalid-sop', `${sop.file} has errors; run \`sopkit check\` and fix them first`);
  return sop as SopDoc & { data: NonNullable<SopDoc['data']> };
}

function stampFor(sop: SopDoc & { data: NonNullable<SopDoc['data']> }, edition: Edition): StampInfo {
  const d = sop.data;
  return { code: d.code, title: d.title, version: d.version, status: d.status, effective: footerEffective(d), edition, lang: d.language };
}

/**
 * What the front matter marks as a model example: the history lines whose record is one, and the
 * approval when the line it approved is such a line (src/lib/lifecycle/history-records.ts).
 */
function examplesOf(d: NonNullable<SopDoc['data']>, project: Project) {
  const isExample = (line: { record?: string }) => recordOf(project, line)?.example === true;
  const scope = approvalScope(d);
  return { isExample, approval: approvalIsExample(project, d.approval, scope?.approved) };
}

function coverRows(d: NonNullable<SopDoc['data']>, project: Project): [string, string][] {
  const lang = d.language;
  // The version the approval covers, and the version that changed the procedure since, if any.
  const scope = approvalScope(d);
  const changed = changedSinceApproval(d)?.changedSince[0];
  const rows: [string, string][] = [
    [t('sop.code', lang), d.code],
    [t('sop.version', lang), d.version],
    [t('sop.status', lang), t(`status.${d.status}` as UiKey, lang)],
    // Changed since its approval: the date is the approved version's, and says so.
    [t('sop.effective', lang), changed && scope ? `${formatDate(d.effective, lang)} (${t('sop.versionNamed', lang, { version: scope.approved.version })})` : formatDate(d.effective, lang)],
    [t('sop.reviewDue', lang), formatDate(d.reviewDue, lang)],
    [t('sop.owner', lang), d.owner],
  ];
  if (d.approval) {
    const example = examplesOf(d, project).approval ? exampleNote(lang) : '';
    const approved = `${d.approval.by}${t('list.separator', lang)}${d.approval.title} (${formatDate(d.approval.date, lang)}${scope ? `${t('list.separator', lang)}${t('sop.versionNamed', lang, { version: scope.approved.version })}` : ''})${example}`;
    rows.push([t('sop.approvedBy', lang), changed ? `${approved}. ${t('sop.changedSince.value', lang, { version: changed.version, date: formatDate(changed.date, lang), current: d.version })}` : approved]);
  }
  if (project.site) rows.push([t('handbook.organisation', lang), project.site.organisation]);
  return rows;
}

/**
 * The notice a translation behind its source prints before its signatures, as its web page shows
 * one: the version translated, the source's, and the sections changed since (by the titles this
 * translation gives them). A printed copy in an office outlives the page it came from.
 */
function outdatedNotice(view: Project, sop: SopDoc & { data: NonNullable<SopDoc['data']> }): Block | undefined {
  const of = sop.data.translationOf?.version;
  const source = of ? sourceProjectOf(view)?.sops.find((s) => s.id === sop.id) : undefined;
  if (!source) return undefined;
  const fresh = freshnessOf(view.root, source, of);
  if (fresh.status !== 'outdated') return undefined;
  const lang = sop.data.language;
  const titleOf = new Map(sop.sections.map((s) => [s.number, s.title]));
  const sections = (fresh.sections ?? []).map((s) => `§${s.number} ${titleOf.get(s.number) ?? s.title}`).join(t('list.separator', lang));
  return {
    kind: 'box',
    tone: 'warning',
    children: [
      { kind: 'paragraph', inlines: [run(t('translation.outdated', lang, { from: fresh.from, to: fresh.to }), 'bold')] },
      ...(sections ? [{ kind: 'paragraph', inlines: [run(`${t('translation.outdated.sections', lang)} ${sections}`)] } as Block] : []),
    ],
  };
}

/**
 * The handbook of one SOP: cover with QR code, signatures and revision history, contents, the
 * body with its diagrams and tables, the glossary of the terms used; running heads, DRAFT
 * watermark, bookmarks, page labels and links.
 * @param project The loaded project.
 * @param id SOP id.
 * @param options Edition and paper.
 */
export async function renderSopHandbook(project: Project, id: string, options: HandbookOptions): Promise<Uint8Array> {
  const sop = usableSop(project, id);
  const d = sop.data;
  const lang = d.language;
  const ctx = layoutContext(options.paper, lang);
  const workflows = (await loadWorkflowPrints(project, [sop])).get(sop.id)!;
  const body: BodyOptions = { project, edition: options.edition, inPdf: new Set([sop.id]), workflows, terms: new Set(), figures: { n: 0 } };
  const blocks = sopBodyBlocks(sop, body);
  blocks.push(...glossaryBlocks(project, body.terms, lang, `glossary:${sop.id}`));
  const stamp = stampFor(sop, options.edition);
  const bodyPart: Part = { pages: pages(blocks, ctx), numbering: 'decimal', stamp: (w, info) => stampPage(w, info, stamp) };
  // The QR code opens the page in the handbook's language (`/fr/sops/x/` for a French handbook).
  const url = `${siteUrl(project)}${localePath(`/sops/${sop.id}/`, lang, localesOf(project.site))}`;
  const cover: CoverInfo = { organisation: project.site?.organisation ?? '', code: d.code, title: d.title, summary: d.summary, rows: coverRows(d, project), status: d.status, lang, edition: options.edition, url };
  const coverPart: Part = { pages: pages([coverBlock(cover, ctx.height)], ctx), numbering: 'roman', stamp: (w, info) => stampPage(w, info, { ...stamp, bare: true }) };
  const examples = examplesOf(d, project);
  const outdated = outdatedNotice(project, sop);
  const front: Block[] = [...(outdated ? [outdated, { kind: 'space', height: 10 } as Block] : []), ...signatureBlocks(d, lang, examples.approval), { kind: 'space', height: 10 }, ...historyBlocks(d, lang, examples.isExample)];
  const toc = contentsBlocks(placedHeadings([bodyPart]), (page) => formatNumber(page + 1, lang), lang, ctx.width);
  toc[0] = { ...toc[0]!, kind: 'heading', level: 1, inlines: [run(t('handbook.contents', lang))], pageBreakBefore: true } as Block;
  const frontPart: Part = { pages: pages([...front, ...toc], ctx), numbering: 'roman', stamp: (w, info) => stampPage(w, info, stamp) };
  return renderParts([coverPart, frontPart, bodyPart], options.paper, { title: `${d.code} ${d.title}`, author: project.site?.organisation ?? d.owner, subject: d.summary, language: lang, date: d.history[0]?.date ?? d.effective, keywords: [d.code, d.id, `v${d.version}`, d.status] }, ctx);
}

/**
 * The whole-pack handbook: a cover, a master table of contents, then every SOP (title page data,
 * signatures, history, body) with its own running heads and watermark, and one glossary.
 * @param project The loaded project.
 * @param options Edition and paper.
 */
export async function renderPackHandbook(project: Project, options: HandbookOptions): Promise<Uint8Array> {
  const sops = project.sops.filter((s) => s.data && s.tree).map((s) => usableSop(project, s.id)).sort((a, b) => a.data.code.localeCompare(b.data.code));
  if (!sops.length) throw new SopkitError('handbook/no-sops', 'no valid SOP in content/sops/; run `sopkit check`');
  const lang = project.site?.language ?? 'en';
  const ctx = layoutContext(options.paper, lang);
  const prints = await loadWorkflowPrints(project, sops);
  const inPdf = new Set(sops.map((s) => s.id));
  const terms = new Set<string>();
  const figures = { n: 0 };
  const parts: Part[] = [];
  for (const sop of sops) {
    const d = sop.data;
    const examples = examplesOf(d, project);
    const body: BodyOptions = { project, edition: options.edition, inPdf, workflows: prints.get(sop.id)!, terms, figures };
    // Each SOP's pages in its own language (a pack may mix them).
    const sopCtx = { ...ctx, lang: d.language };
    const head = layoutBlocks([{ kind: 'heading', level: 1, inlines: [run(`${d.code}  ${d.title}`)], anchor: anchors.sop(sop.id), pageBreakBefore: true }], sopCtx);
    for (const it of head) if (it.heading) it.heading = { ...it.heading, level: 0, title: `${d.code} ${d.title}`, toc: true };
    const items = [
      ...head,
      ...layoutBlocks([{ kind: 'table', header: [], rows: coverRows(d, project).map(([k, v]) => [{ inlines: [run(k, 'bold')] }, { inlines: [run(v)] }]), widths: [1, 4] }, ...signatureBlocks(d, d.language, examples.approval), ...historyBlocks(d, d.language, examples.isExample), ...sopBodyBlocks(sop, body)], sopCtx),
    ];
    const stamp = stampFor(sop, options.edition);
    parts.push({ pages: paginate(items, { portrait: ctx.height, landscape: ctx.landscape.height }), numbering: 'decimal', stamp: (w, info) => stampPage(w, info, stamp), dir: direction(d.language) });
  }
  const packStamp: StampInfo = { code: project.site?.title ?? 'SOPKit', title: t('handbook.pack', lang), edition: options.edition, lang };
  parts.push({ pages: pages(glossaryBlocks(project, terms, lang, 'glossary:pack'), ctx), numbering: 'decimal', stamp: (w, info) => stampPage(w, info, packStamp) });
  const headings = placedHeadings(parts).filter((h) => h.level <= 1 && h.toc);
  const toc = contentsBlocks(headings, (page) => formatNumber(page + 1, lang), lang, ctx.width, 0);
  const url = `${siteUrl(project)}/sops/`;
  const cover: CoverInfo = { organisation: project.site?.organisation ?? '', code: project.site?.title ?? 'SOPKit', title: t('handbook.pack', lang), summary: t('handbook.pack.lead', lang), rows: sops.map((s) => [s.data.code, `${s.data.title} (v${s.data.version}, ${t(`status.${s.data.status}` as UiKey, lang).toLowerCase()})`]), lang, edition: options.edition, url };
  const coverPart: Part = { pages: pages([coverBlock(cover, ctx.height)], ctx), numbering: 'roman', stamp: (w, info) => stampPage(w, info, { ...packStamp, bare: true }) };
  const tocPart: Part = { pages: pages(toc, ctx), numbering: 'roman', stamp: (w, info) => stampPage(w, info, packStamp) };
  const date = sops.map((s) => s.data.history[0]?.date ?? s.data.effective).sort().at(-1)!;
  return renderParts([coverPart, tocPart, ...parts], options.paper, { title: `${project.site?.title ?? 'SOPKit'}: ${t('handbook.pack', lang)}`, author: project.site?.organisation ?? '', subject: t('handbook.pack.lead', lang), language: lang, date }, ctx);
}
