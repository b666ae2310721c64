import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/** The four faces the site diagrams and the PDFs use. */
export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

const files: Record<FontStyle, string> = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  italic: '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/noto-sans/700Bold_Italic/NotoSans_700Bold_Italic.ttf',
};

/** The CSS font family matching these metrics, for SVG text. */
export const fontFamily = "'Noto Sans', 'NotoSans', system-ui, sans-serif";

const require = createRequire(import.meta.url);
const bytesCache = new Map<FontStyle, Uint8Array>();
const fontCache = new Map<FontStyle, fontkit.Font>();

/** The TTF bytes of a face (Noto Sans from npm; never fetched). */
export function fontBytes(style: FontStyle): Uint8Array {
  let bytes = bytesCache.get(style);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(require.resolve(files[style])));
    bytesCache.set(style, bytes);
  }
  return bytes;
}

/** The parsed fontkit font of a face. */
export function font(style: FontStyle): fontkit.Font {
  let f = fontCache.get(style);
  if (!f) {
    f = fontkit.create(Buffer.from(fontBytes(style))) as fontkit.Font;
    fontCache.set(style, f);
  }
  return f;
}

const widthCache = new Map<string, number>();

/**
 * Width of a text run in points (or pixels: the unit of `size`), shaped by fontkit, cached per
 * (style, text): laying out a handbook measures the same words thousands of times.
 */
export function measureText(text: string, size: number, style: FontStyle = 'regular'): number {
  const key = `${style}\u0000${text}`;
  let unitsPerEm = widthCache.get(key);
  if (unitsPerEm === undefined) {
    const f = font(style);
    unitsPerEm = f.layout(text).advanceWidth / f.unitsPerEm;
    widthCache.set(key, unitsPerEm);
  }
  return unitsPerEm * size;
}

const advanceCache = new Map<string, number>();

/**
 * Width of a text as a PDF viewer advances it: the sum of the glyphs' advance widths, without the
 * GPOS kerning `measureText` includes (pdf-lib writes glyph ids only, so kerning never reaches the
 * page). The handbook measures with this so what it measures is what is drawn; cached per word.
 */
export function measureAdvance(text: string, size: number, style: FontStyle = 'regular'): number {
  const key = `${style}\u0000${text}`;
  let unitsPerEm = advanceCache.get(key);
  if (unitsPerEm === undefined) {
    const f = font(style);
    let units = 0;
    for (const glyph of f.layout(text).glyphs) units += glyph.advanceWidth;
    unitsPerEm = units / f.unitsPerEm;
    advanceCache.set(key, unitsPerEm);
  }
  return unitsPerEm * size;
}

/** Ascent, descent (negative) and recommended line gap as fractions of the font size. */
export function verticalMetrics(style: FontStyle = 'regular'): { ascent: number; descent: number; lineGap: number } {
  const f = font(style);
  return { ascent: f.ascent / f.unitsPerEm, descent: f.descent / f.unitsPerEm, lineGap: f.lineGap / f.unitsPerEm };
}
