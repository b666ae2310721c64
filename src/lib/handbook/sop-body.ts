import type { Project, SopDoc } from '../content/project.ts';
import type { LinkTarget } from '../pdf/writer.ts';
import type { Block } from './blocks.ts';
import type { Edition } from './editions.ts';
import { toBlocks, toInlines } from './from-mdast.ts';
import { anchors, type PrintContext, type WorkflowPrint } from './print-context.ts';
import { localePath } from '../translation/routes.ts';

/** Options shared by the builders of an SOP's body. */
export interface BodyOptions {
  project: Project;
  edition: Edition;
  /** SOP ids printed in the same PDF: links to them stay inside it. */
  inPdf: ReadonlySet<string>;
  workflows: Map<string, WorkflowPrint>;
  /** Collects glossary terms used (shared across a pack). */
  terms: Set<string>;
  /** Figure counter (shared across a pack). */
  figures: { n: number };
  /** Print paragraph markers (`§6.2 ¶3`) in the margin (the review copy). */
  paragraphMarks?: boolean;
}

/** The public site address without a trailing slash. */
export function siteUrl(project: Project): string {
  return (project.site?.url ?? 'https://example.org').replace(/\/$/, '');
}

/**
 * The print context of one SOP: links to SOPs in this PDF are internal, to the others they go to
 * the site; terms link to the glossary annex.
 */
export function printContext(sop: SopDoc, o: BodyOptions): PrintContext {
  const url = siteUrl(o.project);
  const lang = sop.data?.language ?? o.project.site?.language ?? 'en';
  // A French or Arabic document's links go to the pages in its language, as the site's do (they
  // went to the English pages).
  const pageUrl = (path: string) => `${url}${localePath(path, lang, o.project.locales)}`;
  const sectionLink = (sopId: string, anchor?: string): LinkTarget => {
    if (o.inPdf.has(sopId)) return { dest: anchor ? anchors.section(sopId, anchor) : anchors.sop(sopId) };
    return { uri: pageUrl(`/sops/${sopId}/${anchor ? `#${anchor}` : ''}`) };
  };
  const ctx: PrintContext = {
    project: o.project,
    sop,
    edition: o.edition,
    paragraphMarks: o.paragraphMarks,
    lang,
    siteUrl: url,
    pageUrl,
    sectionLink,
    formLink: (sopId, formId) => (o.inPdf.has(sopId) ? { dest: anchors.form(sopId, formId) } : { uri: pageUrl(`/sops/${sopId}/#form-${formId.toLowerCase()}`) }),
    termLink: (termId) => ({ dest: anchors.term(termId) }),
    terms: o.terms,
    workflows: o.workflows,
    nextFigure: () => ++o.figures.n,
    blocks: (children) => toBlocks(children, ctx),
    inlines: (children, style) => toInlines(children, ctx, style),
  };
  return ctx;
}

/** An SOP body as blocks, for an edition. */
export function sopBodyBlocks(sop: SopDoc, o: BodyOptions): Block[] {
  if (!sop.tree) return [];
  return toBlocks(sop.tree.children, printContext(sop, o));
}
