/**
 * What fontkit's TrueType subset reads of a glyph to copy it into a subset: its `glyf` bytes,
 * the components of a composite glyph (whose ids the subset renumbers), its advance and left
 * side bearing.
 */
interface GlyphData {
  bytes: Uint8Array;
  components: { glyphID: number; pos: number }[] | undefined;
  advance: number;
  bearing: number;
}

/** The parts of fontkit 2's font and TTFSubset this reads (private in its types). */
interface TtfFont {
  directory: { tables: Record<string, unknown> };
  _variationProcessor?: unknown;
  loca: { offsets: number[] };
  getGlyph(id: number): { advanceWidth: number; _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null; _getMetrics(): { leftBearing: number } };
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
}
interface TtfSubset {
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  includeGlyph(glyph: number): number;
  _addGlyph?: (gid: number) => number;
}

const perFont = new WeakMap<object, Map<number, GlyphData>>();

/** Reads a glyph as fontkit's `TTFSubset._addGlyph` does. */
function read(font: TtfFont, gid: number): GlyphData {
  const glyph = font.getGlyph(gid);
  const glyf = glyph._decode();
  const [from, to] = [font.loca.offsets[gid]!, font.loca.offsets[gid + 1]!];
  const stream = font._getTableStream('glyf');
  stream.pos += from;
  const bytes = stream.readBuffer(to - from);
  const components = glyf && glyf.numberOfContours < 0 ? (glyf.components ?? []).map((c) => ({ glyphID: c.glyphID, pos: c.pos })) : undefined;
  return { bytes, components, advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing };
}

/**
 * Makes a fontkit TrueType subset copy glyphs from data read once per font and thread: fontkit
 * decodes each glyph's outline again for every document only to learn whether it is composite.
 * The subset written is the same, byte for byte (the steps of `TTFSubset._addGlyph`, in the same
 * order). CFF fonts and variable fonts keep fontkit's own code.
 * @param font The parsed font the subset belongs to.
 * @param subset A subset fontkit made of it.
 */
export function reuseGlyphData(font: object, subset: object): void {
  const f = font as TtfFont;
  const s = subset as TtfSubset;
  if (f.directory.tables['CFF '] || f._variationProcessor || typeof s._addGlyph !== 'function') return;
  let cache = perFont.get(font);
  if (!cache) {
    cache = new Map();
    perFont.set(font, cache);
  }
  const glyphs = cache;
  s._addGlyph = function addGlyph(this: TtfSubset, gid: number): number {
    let data = glyphs.get(gid);
    if (!data) {
      data = read(f, gid);
      glyphs.set(gid, data);
    }
    let bytes = data.bytes;
    if (data.components) {
      // A composite glyph names its parts by glyph id: copy it and write the subset's ids.
      bytes = new Uint8Array(data.bytes);
      const view = new DataView(bytes.buffer);
      for (const c of data.components) view.setUint16(c.pos, this.includeGlyph(c.glyphID));
    }
    this.glyf.push(bytes);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: data.advance, bearing: data.bearing });
    this.offset += bytes.length;
    return this.glyf.length - 1;
  };
}
