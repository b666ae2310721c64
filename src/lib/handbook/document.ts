import { PDFDocument } from 'pdf-lib';
import { direction } from '../../i18n/index.ts';
import { writeLinks } from '../pdf/links.ts';
import { writeOutline, writePageLabels, type LabelRange, type OutlineEntry } from '../pdf/outline.ts';
import { TextFonts } from '../pdf/text-fonts.ts';
import type { Direction } from '../pdf/bidi.ts';
import { PageWriter, type Marks } from '../pdf/writer.ts';
import type { HeadingMark } from './items.ts';
import type { LayoutContext } from './layout.ts';
import type { LaidPage } from './paginate.ts';
import { contentBox, geometry, type PageGeometry, type Paper } from './theme.ts';
import { useNativeDeflate } from '../pdf/deflate.ts';

/** What a part's stamp knows about the page it stamps. */
export interface PageInfo {
  /** Number within its numbering range (1-based). */
  number: number;
  /** Pages in that range. */
  count: number;
  /** Label as printed and shown by viewers: `iii` or `7`. */
  label: string;
  geometry: PageGeometry;
}

/** A run of laid-out pages sharing running heads and a page-number style. */
export interface Part {
  pages: LaidPage[];
  /** `roman` front matter (i, ii), `decimal` body (1, 2); a new style restarts at 1. */
  numbering: 'roman' | 'decimal';
  /** Draws running heads, footers and watermarks. */
  stamp?(w: PageWriter, info: PageInfo): void;
  /** Direction of its pages when it differs from the document's (an Arabic SOP in a pack). */
  dir?: Direction;
}

/** A heading with the page it landed on. */
export interface PlacedHeading extends HeadingMark {
  page: number;
  top: number;
}

/** Lower-case roman numerals, for the front matter. */
export function roman(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [value, numeral] of table) while (n >= value) (n -= value), (out += numeral);
  return out;
}

/**
 * The layout context for a paper size.
 * @param paper The paper size.
 * @param lang The document's language, for the words the engine adds; English when absent.
 */
export function layoutContext(paper: Paper, lang?: string): LayoutContext {
  const portrait = contentBox(geometry(paper));
  return { width: portrait.width, height: portrait.height, landscape: contentBox(geometry(paper, true)), images: new Map(), ...(lang ? { lang } : {}) };
}

/** Headings of laid-out parts with their absolute page indexes (0-based), for contents and bookmarks. */
export function placedHeadings(parts: readonly Part[]): PlacedHeading[] {
  const out: PlacedHeading[] = [];
  let index = 0;
  for (const part of parts) {
    for (const page of part.pages) {
      for (const p of page.placed) if (p.item.heading) out.push({ ...p.item.heading, page: index, top: p.top });
      index++;
    }
  }
  return out;
}

/** Page labels of every page, as the footers print them and viewers show them. */
export function pageLabels(parts: readonly Part[]): { label: string; number: number; count: number }[] {
  const styles = parts.flatMap((p) => p.pages.map(() => p.numbering));
  const out: { label: string; number: number; count: number }[] = [];
  let start = 0;
  styles.forEach((style, i) => {
    if (i > 0 && style !== styles[i - 1]) start = i;
    let end = i;
    while (end + 1 < styles.length && styles[end + 1] === style) end++;
    const number = i - start + 1;
    out.push({ label: style === 'roman' ? roman(number) : String(number), number, count: end - start + 1 });
  });
  return out;
}

const pageCounts = new WeakMap<Uint8Array, number>();

/** Pages of a PDF this module rendered (for logs and benchmarks, without parsing it again). */
export function pageCountOf(bytes: Uint8Array): number | undefined {
  return pageCounts.get(bytes);
}

/** Document information, fixed by the content so two builds are byte-identical. */
export interface DocInfo {
  title: string;
  author: string;
  subject: string;
  language: string;
  /** Date from the content (YYYY-MM-DD), never the clock; none leaves the dates out. */
  date?: string;
  keywords?: string[];
}

/**
 * Draws laid-out parts into a new PDF: frames, items, stamps, then links, bookmarks (one per
 * heading) and page labels. Deterministic: no clock, no random ids.
 * @param parts Parts in page order.
 * @param paper Paper size.
 * @param info Title and metadata.
 * @param ctx The layout context the parts were laid out with (holds images to embed).
 */
export async function renderParts(parts: readonly Part[], paper: Paper, info: DocInfo, ctx: LayoutContext): Promise<Uint8Array> {
  useNativeDeflate();
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await TextFonts.embed(doc);
  for (const [bytes, entry] of ctx.images) {
    try {
      entry.image = entry.format === 'png' ? await doc.embedPng(bytes) : await doc.embedJpg(bytes);
    } catch {
      // Damaged image data: its space stays blank (the check names the file: mdx/image-damaged).
    }
  }
  const marks: Marks = { links: [], anchors: new Map() };
  const labels = pageLabels(parts);
  // A right-to-left language mirrors every page (ARCHITECTURE.md, Printing right-to-left text).
  const dir = direction(info.language);
  let index = 0;
  for (const part of parts) {
    for (const laid of part.pages) {
      const g = geometry(paper, laid.landscape);
      const page = doc.addPage([g.width, g.height]);
      const w = new PageWriter(page, index, fonts, marks, part.dir ?? dir);
      for (const f of laid.frames) f.frame.draw(w, g.marginLeft + f.indent, g.marginTop + f.top, f.bottom - f.top);
      for (const { item, top } of laid.placed) {
        const x = g.marginLeft + (item.indent ?? 0);
        if (item.anchor) w.anchor(item.anchor, g.marginTop + top);
        item.draw?.(w, x, g.marginTop + top);
      }
      const l = labels[index]!;
      part.stamp?.(w, { ...l, geometry: g });
      index++;
    }
  }
  writeLinks(doc, marks);
  const g = geometry(paper);
  const outline: OutlineEntry[] = placedHeadings(parts).map((h) => ({ title: h.title, level: h.level, page: h.page, top: g.marginTop + h.top }));
  writeOutline(doc, outline);
  const ranges: LabelRange[] = [];
  let start = 0;
  for (const part of parts) {
    const style = part.numbering === 'roman' ? 'r' : 'D';
    if (ranges.at(-1)?.style !== style && part.pages.length) ranges.push({ start, style });
    start += part.pages.length;
  }
  writePageLabels(doc, ranges);
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  doc.setLanguage(info.language);
  if (info.keywords) doc.setKeywords(info.keywords);
  doc.setCreator('SOPKit');
  doc.setProducer('SOPKit handbook engine (pdf-lib)');
  if (info.date) {
    const date = new Date(`${info.date}T00:00:00Z`);
    doc.setCreationDate(date);
    doc.setModificationDate(date);
  }
  const bytes = await doc.save({ useObjectStreams: true });
  pageCounts.set(bytes, doc.getPageCount());
  return bytes;
}
