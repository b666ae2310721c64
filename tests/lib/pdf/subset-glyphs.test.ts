import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { fontBytes } from '../../../src/lib/fonts/index.ts';
import { reuseGlyphData } from '../../../src/lib/pdf/subset-glyphs.ts';

type Subset = { includeGlyph(glyph: number): number; encode(): Uint8Array };
type Parsed = Omit<fontkit.Font, 'createSubset'> & { createSubset(): Subset };
const parse = (bytes: Uint8Array) => fontkit.create(Buffer.from(bytes)) as unknown as Parsed;

/** A subset of the glyphs of a text, made by fontkit alone or with glyph data reused. */
function subset(font: ReturnType<typeof parse>, text: string, reuse: boolean): Uint8Array {
  const s = font.createSubset();
  if (reuse) reuseGlyphData(font, s);
  for (const glyph of font.layout(text).glyphs) s.includeGlyph(glyph.id);
  return s.encode();
}

// Accented letters and the ellipsis are composite glyphs in Noto Sans (parts renumbered in the
// subset); the Arabic line has marks and joined forms.
const texts = ['Register the birth… Résumé, naïve, Ŋ ŋ ɛ ɔ ɣ, «état civil» – §6.2', 'تسجيل المواليد، بما في ذلك التسجيل المتأخر'];

describe('reuseGlyphData', () => {
  it.each([
    ['Noto Sans', fontBytes('regular'), texts[0]!],
    ['Noto Naskh Arabic', fontBytes('regular', 'arabic'), texts[1]!],
  ])('writes the same %s subset as fontkit, also when the glyph data comes from an earlier subset', (_name, bytes, text) => {
    const plain = subset(parse(bytes), text, false);
    const font = parse(bytes);
    const first = subset(font, 'ée… a different document first', true);
    expect(first.length).toBeGreaterThan(0);
    const reused = subset(font, text, true);
    expect(Buffer.from(reused).equals(Buffer.from(plain))).toBe(true);
  });
});
