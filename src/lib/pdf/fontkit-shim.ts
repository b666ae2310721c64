import { EventEmitter } from 'node:events';
import type { PDFDocument } from 'pdf-lib';
import * as fontkit from 'fontkit';
import { parseFont } from '../fonts/index.ts';
import { reuseGlyphData } from './subset-glyphs.ts';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type Subset = { encode(): Uint8Array; encodeStream?: () => EventEmitter };
type ShimmedFont = Omit<fontkit.Font, 'createSubset'> & { createSubset(): Subset; __sopkitShim?: true };

/**
 * Adds the `encodeStream` pdf-lib 1.17 calls on a subset; fontkit 2 only has `encode()`
 * (D-pdf §1.2: `@pdf-lib/fontkit` 1.1.1 silently corrupts TrueType subsets, fontkit 2 does not).
 * Subsets copy glyphs from data read once per thread (subset-glyphs.ts).
 */
function shim(font: ShimmedFont): ShimmedFont {
  if (font.__sopkitShim) return font;
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset: Subset = createSubset();
    reuseGlyphData(font, subset);
    subset.encodeStream = () => {
      const stream = new EventEmitter();
      queueMicrotask(() => {
        try {
          stream.emit('data', subset.encode());
          stream.emit('end');
        } catch (error) {
          stream.emit('error', error);
        }
      });
      return stream;
    };
    return subset;
  };
  font.__sopkitShim = true;
  return font;
}

/**
 * Upstream fontkit 2, shaped for `PDFDocument.registerFontkit`. Fonts are parsed once per byte
 * array, by src/lib/fonts `parseFont`: the same bytes come from there for every document of a
 * build, and the font that measures a word is the one that embeds it.
 */
export const fontkitForPdfLib: Fontkit = {
  create(bytes: Uint8Array, postscriptName?: string) {
    const font = postscriptName ? (fontkit.create(Buffer.from(bytes), postscriptName) as ShimmedFont) : (parseFont(bytes) as unknown as ShimmedFont);
    return shim(font) as unknown as ReturnType<Fontkit['create']>;
  },
};
