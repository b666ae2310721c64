import { PDFHexString, PDFName, PDFNumber, type PDFDict, type PDFDocument, type PDFRef } from 'pdf-lib';
import { withoutIsolates } from '../fonts/index.ts';
import { destination } from './links.ts';

/** A bookmark: a title, where it goes, and its depth (0 is the outermost). */
export interface OutlineEntry {
  title: string;
  level: number;
  page: number;
  top: number;
}

interface Node {
  entry: OutlineEntry;
  ref: PDFRef;
  children: Node[];
}

/** Nests entries by level (a deeper entry belongs to the nearest shallower one before it). */
function nest(entries: readonly OutlineEntry[], refOf: () => PDFRef): Node[] {
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const entry of entries) {
    const node: Node = { entry, ref: refOf(), children: [] };
    while (stack.length && stack.at(-1)!.entry.level >= entry.level) stack.pop();
    (stack.at(-1)?.children ?? roots).push(node);
    stack.push(node);
  }
  return roots;
}

function count(nodes: Node[]): number {
  return nodes.reduce((n, node) => n + 1 + count(node.children), 0);
}

/**
 * Writes the document outline (bookmarks) with pdf-lib's low-level objects (pdf-lib has no API
 * for it): one item per entry, nested by level, top levels open, and sets the viewer to show it.
 * @param doc The document, all pages added.
 * @param entries Bookmarks in reading order.
 * @param openLevels Levels shown expanded (1: top level open, its children closed).
 */
export function writeOutline(doc: PDFDocument, entries: readonly OutlineEntry[], openLevels = 1): void {
  if (!entries.length) return;
  const { context } = doc;
  const pages = doc.getPages();
  const rootRef = context.nextRef();
  const roots = nest(entries, () => context.nextRef());
  const write = (nodes: Node[], parent: PDFRef, depth: number) => {
    nodes.forEach((node, i) => {
      const dict = context.obj({}) as PDFDict;
      dict.set(PDFName.of('Title'), PDFHexString.fromText(withoutIsolates(node.entry.title)));
      dict.set(PDFName.of('Parent'), parent);
      const prev = nodes[i - 1];
      const next = nodes[i + 1];
      if (prev) dict.set(PDFName.of('Prev'), prev.ref);
      if (next) dict.set(PDFName.of('Next'), next.ref);
      if (node.children.length) {
        dict.set(PDFName.of('First'), node.children[0]!.ref);
        dict.set(PDFName.of('Last'), node.children.at(-1)!.ref);
        const n = count(node.children);
        dict.set(PDFName.of('Count'), PDFNumber.of(depth < openLevels - 1 ? n : -n));
      }
      dict.set(PDFName.of('Dest'), destination(doc, pages[node.entry.page]!, node.entry.top));
      context.assign(node.ref, dict);
      write(node.children, node.ref, depth + 1);
    });
  };
  write(roots, rootRef, 0);
  context.assign(
    rootRef,
    context.obj({ Type: 'Outlines', First: roots[0]!.ref, Last: roots.at(-1)!.ref, Count: roots.length }),
  );
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** A run of pages numbered in one style: `r` (i, ii), `D` (1, 2), or none. */
export interface LabelRange {
  start: number;
  style: 'r' | 'D' | null;
  prefix?: string;
}

/**
 * Writes /PageLabels so viewers show "ii" for the front matter and "1" where the body starts
 * (WCAG technique PDF17), the same numbers the page footers print.
 */
export function writePageLabels(doc: PDFDocument, ranges: readonly LabelRange[]): void {
  const nums: unknown[] = [];
  for (const r of ranges) {
    const dict: Record<string, unknown> = { St: 1 };
    if (r.style) dict.S = PDFName.of(r.style);
    if (r.prefix) dict.P = PDFHexString.fromText(r.prefix);
    nums.push(r.start, dict);
  }
  doc.catalog.set(PDFName.of('PageLabels'), doc.context.obj({ Nums: nums as never }));
}
