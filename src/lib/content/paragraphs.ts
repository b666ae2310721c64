import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Position } from '../diagnostics.ts';
import { componentSpecs } from './components.ts';
import type { SectionData } from './sections.ts';

/** What kind of block a numbered paragraph is: reviewers may cite tables and figures by kind. */
export type ParagraphKind = 'paragraph' | 'item' | 'table' | 'figure' | 'code' | 'quote' | 'component';

/** A numbered paragraph of an SOP body: `§6.2 ¶3`. */
export interface Paragraph {
  /** Number of the section it is in: `6.2`. */
  section: string;
  /** Its number within the section, from 1. */
  n: number;
  kind: ParagraphKind;
  /** Stable HTML id: `p-6.2-3`. */
  anchor: string;
  at: Position;
}

/** Data attached to a numbered block's node (`node.data.paragraph`), read by the web and print renderers. */
export interface ParagraphData {
  section: string;
  n: number;
  anchor: string;
  /** As printed: `§6.2 ¶3`. */
  label: string;
}

/** The HTML id of a paragraph: `p-6.2-3`. */
export function paragraphAnchor(section: string, n: number): string {
  return `p-${section}-${n}`;
}

/** The printed form of a paragraph reference: `§6.2 ¶3`. */
export function paragraphLabel(section: string, n: number): string {
  return `§${section} ¶${n}`;
}

/** Components that draw a table or a figure, so "table 1" and "figure 1" can be cited. */
const tableComponents = new Set(['StepTable', 'Roles', 'LegalBasis', 'FormsAnnex']);
const figureComponents = new Set(['Workflow']);

/** The paragraph kind of a top-level block, or undefined when the block is not numbered. */
function kindOf(node: RootContent): ParagraphKind | undefined {
  switch (node.type) {
    case 'paragraph': {
      if (!toString(node).trim() && !node.children.some((c) => c.type !== 'text')) return undefined;
      const only = node.children.length === 1 ? node.children[0] : undefined;
      return only?.type === 'image' ? 'figure' : 'paragraph';
    }
    case 'table':
      return 'table';
    case 'code':
      return 'code';
    case 'blockquote':
      return 'quote';
    case 'mdxJsxFlowElement': {
      const name = node.name ?? '';
      // A block that only one edition prints (a trainer note) takes no number, so the numbers
      // are the same in every edition and on the review copy.
      const spec = componentSpecs[name];
      if (spec && !spec.editions.includes('participant')) return undefined;
      if (tableComponents.has(name)) return 'table';
      if (figureComponents.has(name)) return 'figure';
      return 'component';
    }
    default:
      // Headings, rules, HTML comments, imports and expressions are not paragraphs.
      return undefined;
  }
}

/**
 * Numbers the paragraphs of an SOP body, after `numberSections` has numbered its headings, and
 * records each on its node (`node.data.paragraph`). The rule (ARCHITECTURE.md, Formats:
 * paragraph numbers): inside a numbered section, from its heading to the next numbered heading,
 * every top-level block is one paragraph, counted from 1: a paragraph, each item of a top-level
 * list (its nested lists belong to it), a table, a code block, a quotation, a component
 * (`<Callout>`, `<Step>`, `<Workflow>`...) whatever it holds. Headings, rules and trainer-only
 * blocks take no number. The page, the review copy and the comment checks all call this.
 * @param tree The SOP body, with numbered sections.
 */
export function numberParagraphs(tree: Root): Paragraph[] {
  const out: Paragraph[] = [];
  let section: string | undefined;
  let n = 0;
  const mark = (node: { data?: unknown; position?: { start: { line: number; column: number } } }, kind: ParagraphKind) => {
    if (!section) return;
    n++;
    const anchor = paragraphAnchor(section, n);
    const data = ((node as { data?: Record<string, unknown> }).data ??= {});
    data.paragraph = { section, n, anchor, label: paragraphLabel(section, n) } satisfies ParagraphData;
    out.push({ section, n, kind, anchor, at: { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 } });
  };
  for (const node of tree.children) {
    if (node.type === 'heading') {
      const numbered = (node.data as { section?: SectionData } | undefined)?.section;
      if (numbered) [section, n] = [numbered.number, 0];
      continue;
    }
    if (node.type === 'list') {
      for (const item of node.children) mark(item, 'item');
      continue;
    }
    const kind = kindOf(node);
    if (kind) mark(node, kind);
  }
  return out;
}

/** The paragraph data recorded on a node, if it is a numbered paragraph. */
export function paragraphOf(node: unknown): ParagraphData | undefined {
  return ((node as { data?: { paragraph?: ParagraphData } }).data ?? {}).paragraph;
}
