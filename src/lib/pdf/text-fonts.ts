import type { PDFDocument, PDFFont, PDFName, PDFPage } from 'pdf-lib';
import { fontBytes, measureAdvance, type FontStyle } from '../fonts/index.ts';
import { fontkitForPdfLib } from './fontkit-shim.ts';

const styles: FontStyle[] = ['regular', 'bold', 'italic', 'boldItalic'];

/** The parts of pdf-lib's subset embedder that the glyph cache feeds (private in pdf-lib's types). */
interface SubsetEmbedder {
  font: { layout(text: string, features?: unknown): { glyphs: Glyph[] } };
  fontFeatures?: unknown;
  subset: { includeGlyph(glyph: Glyph): number };
  glyphs: Glyph[];
  glyphIdMap: Map<number, number>;
  glyphCache: { invalidate(): void };
}
interface Glyph {
  id: number;
}

/**
 * Shaped glyphs per (face, word), shared by every document of a process: fontkit shaping is the
 * dominant cost of a handbook, and the parsed font is shared (see fontkit-shim.ts), so a word is
 * shaped once per build, not once per PDF.
 */
const shaped = new Map<string, Glyph[]>();

/**
 * The four Noto Sans faces embedded (subset) in one document, with the per-word caches that make
 * layout fast: widths come from src/lib/fonts `measureText` (shared with the web diagrams), glyph
 * codes are shaped once per (face, word) per document, since subset glyph ids differ by document.
 */
export class TextFonts {
  private readonly fonts: Record<FontStyle, PDFFont>;
  private readonly hexCache = new Map<string, string>();
  private readonly keys = new WeakMap<PDFPage, Map<FontStyle, PDFName>>();

  private constructor(fonts: Record<FontStyle, PDFFont>) {
    this.fonts = fonts;
  }

  /** Embeds the faces in a document (subset: only the glyphs used are written). */
  static async embed(doc: PDFDocument): Promise<TextFonts> {
    doc.registerFontkit(fontkitForPdfLib);
    const entries = await Promise.all(styles.map(async (s) => [s, await doc.embedFont(fontBytes(s), { subset: true })] as const));
    return new TextFonts(Object.fromEntries(entries) as Record<FontStyle, PDFFont>);
  }

  /** The pdf-lib font of a face. */
  font(style: FontStyle): PDFFont {
    return this.fonts[style];
  }

  /** Width of a text in points at a size, as drawn (summed per word, from the shared cache). */
  width(text: string, size: number, style: FontStyle = 'regular'): number {
    if (!text.includes(' ')) return measureAdvance(text, size, style);
    let width = 0;
    for (const part of text.split(/( +)/)) if (part) width += measureAdvance(part, size, style);
    return width;
  }

  /** Glyph codes of a text as hex (4 digits a glyph), shaped once per word and face. */
  hex(text: string, style: FontStyle): string {
    const key = `${style}\u0000${text}`;
    let hex = this.hexCache.get(key);
    if (hex === undefined) {
      hex = this.encode(text, style, key);
      this.hexCache.set(key, hex);
    }
    return hex;
  }

  /** pdf-lib's CustomFontSubsetEmbedder.encodeText, with the shaping cached across documents. */
  private encode(text: string, style: FontStyle, key: string): string {
    const pdfFont = this.fonts[style] as unknown as { embedder: SubsetEmbedder; modified: boolean };
    const e = pdfFont.embedder;
    let glyphs = shaped.get(key);
    if (!glyphs) {
      glyphs = e.font.layout(text, e.fontFeatures).glyphs;
      shaped.set(key, glyphs);
    }
    let hex = '';
    for (const glyph of glyphs) {
      let id = e.glyphIdMap.get(glyph.id);
      if (id === undefined) {
        id = e.subset.includeGlyph(glyph);
        e.glyphs[id - 1] = glyph;
        e.glyphIdMap.set(glyph.id, id);
        e.glyphCache.invalidate();
        pdfFont.modified = true;
      }
      hex += id.toString(16).padStart(4, '0');
    }
    return hex;
  }

  /** The resource name of a face on a page, added to the page's font dictionary once. */
  key(page: PDFPage, style: FontStyle): PDFName {
    let perPage = this.keys.get(page);
    if (!perPage) {
      perPage = new Map();
      this.keys.set(page, perPage);
    }
    let name = perPage.get(style);
    if (!name) {
      const font = this.fonts[style];
      name = page.node.newFontDictionary(font.name, font.ref);
      perPage.set(style, name);
    }
    return name;
  }
}
