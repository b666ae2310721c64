import { CustomFontSubsetEmbedder, PDFFont, type PDFDocument, type PDFName, type PDFPage } from 'pdf-lib';
import { eachWordPiece, faceOf, fontBytes, measureWords, shapeLatin, withoutIsolates, type FontStyle, type Script } from '../fonts/index.ts';
import { fontkitForPdfLib } from './fontkit-shim.ts';

const styles: FontStyle[] = ['regular', 'bold', 'italic', 'boldItalic'];

/** The parts of pdf-lib's subset embedder that the glyph cache feeds (private in pdf-lib's types). */
interface SubsetEmbedder {
  font: { _cmapProcessor?: { codePointsForGlyph(id: number): number[] }; layout(text: string, features?: unknown, script?: string, language?: string, direction?: string): { glyphs: Glyph[]; positions: Position[] }; unitsPerEm: number; postscriptName: string };
  fontFeatures?: unknown;
  subset: { includeGlyph(glyph: Glyph): number };
  glyphs: Glyph[];
  glyphIdMap: Map<number, number>;
  glyphCache: { invalidate(): void };
}
interface Glyph {
  id: number;
  codePoints: number[];
  /** The glyph's name in the font's post table (fontkit reads it on demand). */
  readonly name?: string;
}
/** Where fontkit places a glyph, in font units (GPOS applied). */
export interface Position {
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** A shaped run ready to emit glyph by glyph: subset codes (hex) and positions, left to right. */
export interface GlyphRun {
  codes: string[];
  positions: Position[];
  unitsPerEm: number;
}

/**
 * Shaped glyphs per (face, word), shared by every document of a process: fontkit shaping is the
 * dominant cost of a handbook, and the parsed font is shared (see fontkit-shim.ts), so a word is
 * shaped once per build, not once per PDF.
 */
const shaped = new Map<string, { glyphs: Glyph[]; positions: Position[] }>();

/**
 * The glyph with the characters the PDF's ToUnicode map gives it, decided by the font alone.
 * fontkit keeps one glyph object per id and font, with the characters of whatever made it first:
 * a text, or nothing when it was first met as a part of a composite glyph (the period inside an
 * ellipsis), or U+00A0 before U+0020. That object is shared by every document of the thread, so
 * a document's bytes would depend on the documents made before it (and on which PDF worker made
 * it). A glyph the cmap reaches from each of its characters gets the lowest character that maps
 * to it; a glyph no character of its own reaches (a ligature, a contextual form) keeps its own.
 * @param font The fontkit font.
 * @param glyph The glyph from shaping.
 */
function forToUnicode(font: SubsetEmbedder['font'], glyph: Glyph): Glyph {
  const mapped = font._cmapProcessor?.codePointsForGlyph(glyph.id) ?? [];
  const own = glyph.codePoints ?? [];
  // A contextual form no character reaches by itself (Arabic 'uni066E.init', the dotless tooth
  // that begins ب, ت, ن...; 'uni0647.fina', reached by both ه and ة) kept the characters of the
  // first text shaped with it: it takes those its name gives (Adobe Glyph List convention). The
  // text itself is read from the run's /ActualText (glyph-runs.ts), so this only fixes the bytes.
  if (!mapped.length || (own.length && !own.every((c) => mapped.includes(c)))) {
    const named = codePointsOfName(glyph.name);
    if (!named || (named.length === own.length && named.every((c, i) => c === own[i]))) return glyph;
    return Object.create(glyph, { codePoints: { value: named, enumerable: true }, id: { value: glyph.id, enumerable: true } }) as Glyph;
  }
  const lowest = Math.min(...mapped);
  if (own.length === 1 && own[0] === lowest) return glyph;
  // Everything else (advance widths, the outline) is read through to the shared glyph.
  return Object.create(glyph, { codePoints: { value: [lowest], enumerable: true }, id: { value: glyph.id, enumerable: true } }) as Glyph;
}

/**
 * The characters a glyph name stands for, by the Adobe Glyph List's rules for `uniXXXX` (one or
 * more groups of four hex digits), `uXXXX[XX]` and ligatures joined by `_`, ignoring the suffix
 * after a period (`uni066E.medi.wide`); undefined for any other name.
 */
export function codePointsOfName(name: string | undefined): number[] | undefined {
  const base = name?.split('.')[0];
  if (!base) return undefined;
  const out: number[] = [];
  for (const part of base.split('_')) {
    const uni = /^uni((?:[0-9A-F]{4})+)$/.exec(part);
    const u = /^u([0-9A-F]{4,6})$/.exec(part);
    if (uni) for (let i = 0; i < uni[1]!.length; i += 4) out.push(parseInt(uni[1]!.slice(i, i + 4), 16));
    else if (u) out.push(parseInt(u[1]!, 16));
    else return undefined;
  }
  return out.every((c) => c <= 0x10ffff && (c < 0xd800 || c > 0xdfff)) ? out : undefined;
}

/** A subset tag (six capital letters) for a font name: `pdffonts` and validators read `ABCDEF+Name` as a subset. */
function subsetTag(name: string): string {
  let h = 2166136261;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i++, h = Math.floor(h / 26)) tag += String.fromCharCode(65 + (h % 26));
  return tag;
}

/** Four hex digits of the subset glyph ids met so far, made once per thread. */
const hexCodes: string[] = [];

/** A subset glyph id as the four hex digits a content stream shows it with. */
function hex4(id: number): string {
  let code = hexCodes[id];
  if (code === undefined) {
    code = id.toString(16).padStart(4, '0');
    hexCodes[id] = code;
  }
  return code;
}

type Embedded = { embedder: SubsetEmbedder; modified: boolean };

/**
 * The faces embedded (subset: only the glyphs used are written) in one document, with the
 * per-word caches that make layout fast: widths come from src/lib/fonts `measureAdvance` (shared
 * with the web diagrams), a Latin word's glyphs from src/lib/fonts `shapeLatin` (shaped once per
 * thread for both), and its subset codes are cached per document, since subset glyph ids differ
 * by document. The four Noto Sans faces are embedded up front; the Arabic faces
 * only when a document draws Arabic, so documents without it do not change.
 */
export class TextFonts {
  private readonly fonts: Record<FontStyle, PDFFont>;
  private readonly arabic = new Map<FontStyle, PDFFont>();
  /** Hex codes per face and word (subset glyph ids differ by document). */
  private readonly hexCache: Record<FontStyle, Map<string, string>> = { regular: new Map(), bold: new Map(), italic: new Map(), boldItalic: new Map() };
  private readonly runCache = new Map<string, GlyphRun>();
  private readonly keys = new WeakMap<PDFPage, Map<string, PDFName>>();

  private constructor(
    private readonly doc: PDFDocument,
    fonts: Record<FontStyle, PDFFont>,
  ) {
    this.fonts = fonts;
  }

  /** Embeds the Latin faces in a document. */
  static async embed(doc: PDFDocument): Promise<TextFonts> {
    doc.registerFontkit(fontkitForPdfLib);
    const entries = await Promise.all(styles.map(async (s) => [s, await doc.embedFont(fontBytes(s), { subset: true })] as const));
    return new TextFonts(doc, Object.fromEntries(entries) as Record<FontStyle, PDFFont>);
  }

  /** The pdf-lib font of a face. */
  font(style: FontStyle, script: Script = 'latin'): PDFFont {
    if (script === 'latin') return this.fonts[style];
    const face = faceOf(style, script);
    let font = this.arabic.get(face);
    if (!font) {
      font = this.embedNow(fontBytes(face, script));
      this.arabic.set(face, font);
    }
    return font;
  }

  /**
   * pdf-lib's `embedFont` without its await: the Arabic faces are embedded on first use, while a
   * page is drawn. The same steps (`CustomFontSubsetEmbedder.for`, `PDFFont.of`, the document's
   * font list that `save` writes), with a proper subset tag.
   */
  private embedNow(bytes: Uint8Array): PDFFont {
    const parsed = fontkitForPdfLib.create(bytes) as unknown as SubsetEmbedder['font'];
    const name = `${subsetTag(parsed.postscriptName)}+${parsed.postscriptName}`;
    const Embedder = CustomFontSubsetEmbedder as unknown as new (font: unknown, data: Uint8Array, name: string, features: undefined) => never;
    const font = PDFFont.of(this.doc.context.nextRef(), this.doc, new Embedder(parsed, bytes, name, undefined));
    (this.doc as unknown as { fonts: PDFFont[] }).fonts.push(font);
    return font;
  }

  /** Width of a text in points at a size, as drawn (summed per word, from the shared cache). */
  width(text: string, size: number, style: FontStyle = 'regular'): number {
    return measureWords(text, size, style);
  }

  /** Glyph codes of a Latin text as hex (4 digits a glyph), shaped once per word and face. */
  hex(text: string, style: FontStyle): string {
    const cache = this.hexCache[style];
    let hex = cache.get(text);
    if (hex === undefined) {
      hex = this.encodeGlyphs(this.fonts[style], shapeLatin(text, style) as unknown as Glyph[]).join('');
      cache.set(text, hex);
    }
    return hex;
  }

  /** Hex glyph codes of a Latin text, joined from cached words and runs of spaces (the pieces `measureWords` measures). */
  hexWords(text: string, style: FontStyle): string {
    if (!text.includes(' ')) return this.hex(text, style);
    let hex = '';
    eachWordPiece(text, (part) => {
      hex += this.hex(part, style);
    });
    return hex;
  }

  /**
   * A run of one script shaped in one direction, with fontkit's glyph positions (the GPOS offsets
   * that place Arabic dots and harakat), glyphs left to right as they are drawn.
   * @param text Text in logical order (already mirrored when right to left).
   * @param rtl Shape right to left (an odd bidi level): fontkit then returns the glyphs reversed.
   */
  glyphRun(text: string, style: FontStyle, script: Script, rtl: boolean): GlyphRun {
    const face = faceOf(style, script);
    const key = `${script}\u0000${face}\u0000${rtl ? 'rtl' : 'ltr'}\u0000${text}`;
    let run = this.runCache.get(key);
    if (!run) {
      run = this.encode(this.font(face, script), text, key, rtl ? 'rtl' : 'ltr');
      this.runCache.set(key, run);
    }
    return run;
  }

  /** pdf-lib's CustomFontSubsetEmbedder.encodeText, with the shaping cached across documents. */
  private encode(pdfFont: PDFFont, text: string, key: string, direction?: 'ltr' | 'rtl'): GlyphRun {
    const f = pdfFont as unknown as Embedded;
    const e = f.embedder;
    let shape = shaped.get(key);
    if (!shape) {
      const shown = withoutIsolates(text);
      shape = direction ? e.font.layout(shown, e.fontFeatures, undefined, undefined, direction) : e.font.layout(shown, e.fontFeatures);
      shape = { glyphs: shape.glyphs, positions: shape.positions };
      shaped.set(key, shape);
    }
    return { codes: this.encodeGlyphs(pdfFont, shape.glyphs), positions: shape.positions, unitsPerEm: e.font.unitsPerEm };
  }

  /** Subset codes (hex) of shaped glyphs, adding the glyphs the document's subset does not have yet. */
  private encodeGlyphs(pdfFont: PDFFont, glyphs: readonly Glyph[]): string[] {
    const f = pdfFont as unknown as Embedded;
    const e = f.embedder;
    const codes: string[] = [];
    for (const glyph of glyphs) {
      let id = e.glyphIdMap.get(glyph.id);
      if (id === undefined) {
        id = e.subset.includeGlyph(glyph);
        e.glyphs[id - 1] = forToUnicode(e.font, glyph);
        e.glyphIdMap.set(glyph.id, id);
        e.glyphCache.invalidate();
        f.modified = true;
      }
      codes.push(hex4(id));
    }
    return codes;
  }

  /** The resource name of a face on a page, added to the page's font dictionary once. */
  key(page: PDFPage, style: FontStyle, script: Script = 'latin'): PDFName {
    let perPage = this.keys.get(page);
    if (!perPage) {
      perPage = new Map();
      this.keys.set(page, perPage);
    }
    const id = script === 'latin' ? style : `${script}:${faceOf(style, script)}`;
    let name = perPage.get(id);
    if (!name) {
      const font = this.font(style, script);
      name = page.node.newFontDictionary(font.name, font.ref);
      perPage.set(id, name);
    }
    return name;
  }
}
