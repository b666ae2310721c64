import { PDFArray, PDFName, PDFNull, PDFNumber, PDFString, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';
import type { LinkArea, Marks } from './writer.ts';

/** A destination array `[page /XYZ left top null]` for a named place. */
export function destination(doc: PDFDocument, page: PDFPage, top: number): PDFArray {
  const { height } = page.getSize();
  const arr = PDFArray.withContext(doc.context);
  arr.push(page.ref);
  arr.push(PDFName.of('XYZ'));
  arr.push(PDFNumber.of(0));
  arr.push(PDFNumber.of(Math.round((height - top + 4) * 100) / 100));
  arr.push(PDFNull);
  return arr;
}

function annotation(doc: PDFDocument, pages: PDFPage[], area: LinkArea, marks: Marks): PDFRef | undefined {
  const page = pages[area.page]!;
  const { height } = page.getSize();
  const rect = [area.x, height - area.top - area.height, area.x + area.width, height - area.top].map((n) => Math.round(n * 100) / 100);
  const base = { Type: 'Annot', Subtype: 'Link', Rect: rect, Border: [0, 0, 0] };
  if ('uri' in area.target) {
    return doc.context.register(doc.context.obj({ ...base, A: { Type: 'Action', S: 'URI', URI: PDFString.of(area.target.uri) } }));
  }
  const anchor = marks.anchors.get(area.target.dest);
  if (!anchor) return undefined;
  const dict = doc.context.obj(base);
  dict.set(PDFName.of('Dest'), destination(doc, pages[anchor.page]!, anchor.top));
  return doc.context.register(dict);
}

/**
 * Turns the link areas recorded while drawing into /Link annotations: internal ones jump to
 * their named place, web ones open the address. A link to a place the PDF does not have is
 * dropped (the text still says where it points).
 * @returns How many internal links had no destination.
 */
export function writeLinks(doc: PDFDocument, marks: Marks): number {
  const pages = doc.getPages();
  let missing = 0;
  const byPage = new Map<number, PDFRef[]>();
  for (const area of marks.links) {
    const ref = annotation(doc, pages, area, marks);
    if (!ref) {
      missing++;
      continue;
    }
    const list = byPage.get(area.page) ?? [];
    list.push(ref);
    byPage.set(area.page, list);
  }
  for (const [index, refs] of byPage) pages[index]!.node.set(PDFName.of('Annots'), doc.context.obj(refs));
  return missing;
}
