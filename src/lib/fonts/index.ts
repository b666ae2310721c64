import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { hasArabic, scriptRuns, withoutIsolates, type Script } from './scripts.ts';

export { hasArabic, isolate, ownDirection, scriptRuns, withoutIsolates, type Script } from './scripts.ts';

/** The four faces the site diagrams and the PDFs use. */
export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** TTF files by script and face: Noto Sans for Latin, Noto Naskh Arabic (no italics: upright) for Arabic. */
const files: Record<Script, Record<FontStyle, string>> = {
  latin: {
    regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
    italic: '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
    boldItalic: '@expo-google-fonts/noto-sans/700Bold_Italic/NotoSans_700Bold_Italic.ttf',
  },
  arabic: {
    regular: '@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf',
    bold: '@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf',
    italic: '@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf',
    boldItalic: '@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf',
  },
};

/** The face a script really has for a style: Arabic has no italics, so italic is drawn upright. */
export function faceOf(style: FontStyle, script: Script = 'latin'): FontStyle {
  if (script === 'latin') return style;
  return style === 'bold' || style === 'boldItalic' ? 'bold' : 'regular';
}

/** The CSS font family matching these metrics, for SVG text. */
export const fontFamily = "'Noto Sans', 'NotoSans', system-ui, sans-serif";

const require = createRequire(import.meta.url);
const bytesCache = new Map<string, Uint8Array>();
const parsedFonts = new WeakMap<Uint8Array, fontkit.Font>();

/** The TTF bytes of a face (from npm; never fetched). The same array for the same file. */
export function fontBytes(style: FontStyle, script: Script = 'latin'): Uint8Array {
  const file = files[script][style];
  let bytes = bytesCache.get(file);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(require.resolve(file)));
    bytesCache.set(file, bytes);
  }
  return bytes;
}

/**
 * The fontkit font parsed from some font bytes, once per byte array: measuring (here) and the PDF
 * embedder (src/lib/pdf/fontkit-shim.ts) get the same object for the same face, so its tables and
 * glyphs are read once per thread and a word is shaped once for both.
 */
export function parseFont(bytes: Uint8Array): fontkit.Font {
  let f = parsedFonts.get(bytes);
  if (!f) {
    f = fontkit.create(Buffer.from(bytes)) as fontkit.Font;
    parsedFonts.set(bytes, f);
  }
  return f;
}

/** The parsed fontkit font of a face. */
export function font(style: FontStyle, script: Script = 'latin'): fontkit.Font {
  return parseFont(fontBytes(style, script));
}

/** A Latin word shaped in a face: its glyphs, in fontkit's own objects. */
export type ShapedGlyphs = readonly fontkit.Glyph[];

/** Glyphs of Latin texts per face, shaped with the font's default features. */
const latinShapes: Record<FontStyle, Map<string, ShapedGlyphs>> = { regular: new Map(), bold: new Map(), italic: new Map(), boldItalic: new Map() };

/**
 * The glyphs of a Latin text (a word, or a run of spaces) in a face, shaped once per thread:
 * measuring a word (`measureAdvance`) and writing its glyph codes into a PDF
 * (src/lib/pdf/text-fonts.ts) both start from this, so fontkit shapes each word once.
 */
export function shapeLatin(text: string, style: FontStyle): ShapedGlyphs {
  const cache = latinShapes[style];
  let glyphs = cache.get(text);
  if (!glyphs) {
    glyphs = font(style).layout(withoutIsolates(text)).glyphs;
    cache.set(text, glyphs);
  }
  return glyphs;
}

/**
 * Advance of an Arabic run in ems, as the PDF engine draws it: shaped (joined) with the glyph
 * positions applied, so GPOS kerning and zero-width marks count.
 */
function arabicAdvance(text: string, style: FontStyle): number {
  const f = font(style, 'arabic');
  let units = 0;
  for (const p of f.layout(withoutIsolates(text)).positions) units += p.xAdvance;
  return units / f.unitsPerEm;
}

/** Width in ems of a text mixing scripts: each script run in its face. */
function mixedWidth(text: string, style: FontStyle, latin: (run: string) => number): number {
  let ems = 0;
  for (const r of scriptRuns(text)) ems += r.script === 'arabic' ? arabicAdvance(r.text, style) : latin(r.text);
  return ems;
}

const widthCache = new Map<string, number>();

function latinText(text: string, style: FontStyle): number {
  const f = font(style);
  return f.layout(text).advanceWidth / f.unitsPerEm;
}

/**
 * Width of a text run in points (or pixels: the unit of `size`), shaped by fontkit, cached per
 * (style, text): laying out a handbook measures the same words thousands of times.
 */
export function measureText(text: string, size: number, style: FontStyle = 'regular'): number {
  const key = `${style}\u0000${text}`;
  let unitsPerEm = widthCache.get(key);
  if (unitsPerEm === undefined) {
    unitsPerEm = hasArabic(text) ? mixedWidth(text, style, (t) => latinText(t, style)) : latinText(text, style);
    widthCache.set(key, unitsPerEm);
  }
  return unitsPerEm * size;
}

/**
 * Advances in ems per face and text. One map per face, keyed by the text itself: a key built by
 * concatenation is a new string every call, which V8 must flatten and hash again (at library
 * scale that concatenation was the PDF worker's third largest cost).
 */
const advanceCache: Record<FontStyle, Map<string, number>> = { regular: new Map(), bold: new Map(), italic: new Map(), boldItalic: new Map() };

function latinAdvance(text: string, style: FontStyle): number {
  let units = 0;
  for (const glyph of shapeLatin(text, style)) units += glyph.advanceWidth;
  return units / font(style).unitsPerEm;
}

/**
 * Width of a text as a PDF viewer advances it: for Latin text the sum of the glyphs' advance
 * widths, without the GPOS kerning `measureText` includes (pdf-lib writes glyph ids only, so
 * kerning never reaches the page); Arabic runs are placed glyph by glyph with their positions,
 * so theirs count. The handbook measures with this so what it measures is what is drawn; cached
 * per word.
 */
export function measureAdvance(text: string, size: number, style: FontStyle = 'regular'): number {
  const cache = advanceCache[style];
  let unitsPerEm = cache.get(text);
  if (unitsPerEm === undefined) {
    unitsPerEm = hasArabic(text) ? mixedWidth(text, style, (t) => latinAdvance(t, style)) : latinAdvance(text, style);
    cache.set(text, unitsPerEm);
  }
  return unitsPerEm * size;
}

/**
 * Calls `piece` with each word and each run of spaces of a text, in order: the same pieces as
 * `text.split(/( +)/)` without the empty ones, and without the regular expression and its arrays.
 * Measuring a line (`measureWords`) and writing its glyph codes (src/lib/pdf/text-fonts.ts
 * `hexWords`) cut it the same way, so they agree and every piece hits the per-word caches.
 */
export function eachWordPiece(text: string, piece: (part: string) => void): void {
  let at = text.indexOf(' ');
  if (at === -1) {
    if (text) piece(text);
    return;
  }
  let start = 0;
  while (start < text.length) {
    if (at > start) piece(text.slice(start, at));
    let end = at;
    while (end < text.length && text.charCodeAt(end) === 32) end++;
    if (end > at) piece(text.slice(at, end));
    start = end;
    at = text.indexOf(' ', start);
    if (at === -1) at = text.length;
  }
}

/** Width of a text summed word by word (runs of spaces measured as pieces of their own: `eachWordPiece`). */
export function measureWords(text: string, size: number, style: FontStyle = 'regular'): number {
  if (!text.includes(' ')) return measureAdvance(text, size, style);
  let width = 0;
  eachWordPiece(text, (part) => {
    width += measureAdvance(part, size, style);
  });
  return width;
}

/** Ascent, descent (negative) and recommended line gap as fractions of the font size. */
export function verticalMetrics(style: FontStyle = 'regular'): { ascent: number; descent: number; lineGap: number } {
  const f = font(style);
  return { ascent: f.ascent / f.unitsPerEm, descent: f.descent / f.unitsPerEm, lineGap: f.lineGap / f.unitsPerEm };
}
