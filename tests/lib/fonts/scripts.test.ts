import { describe, expect, it } from 'vitest';
import { faceOf, ownDirection, scriptRuns } from '../../../src/lib/fonts/index.ts';

const runs = (text: string) => scriptRuns(text).map((r) => `${r.script === 'arabic' ? 'AR' : 'LA'}:${r.text}`);

describe('faces by script', () => {
  it('draws Arabic letters, harakat, Arabic-Indic digits and Arabic punctuation in the Arabic face, spaces and Latin in Noto Sans', () => {
    expect(runs('تُقيَّد ٢٠٢٦، Juba')).toEqual(['AR:تُقيَّد', 'LA: ', 'AR:٢٠٢٦،', 'LA: Juba']);
  });

  it('gives digits and brackets the face of the nearest letter of their word, Noto Sans when the word has none', () => {
    expect(runs('(مثال) 30 يوماً [Civil')).toEqual(['AR:(مثال)', 'LA: 30 ', 'AR:يوماً', 'LA: [Civil']);
    expect(runs('جوبا2024 Juba-جوبا')).toEqual(['AR:جوبا2024', 'LA: Juba-', 'AR:جوبا']);
  });

  it('draws Arabic italics upright: Noto Naskh Arabic has no italic face', () => {
    expect(faceOf('italic', 'arabic')).toBe('regular');
    expect(faceOf('boldItalic', 'arabic')).toBe('bold');
    expect(faceOf('italic', 'latin')).toBe('italic');
  });
});

describe("a text's own direction", () => {
  it('is its first letter\'s, past brackets and digits; none without a letter', () => {
    expect(ownDirection('نقطة تسجيل المواليد في [Regional Referral Hospital]')).toBe('rtl');
    expect(ownDirection('[Eastern District] office (مكتب الشرق)')).toBe('ltr');
    expect(ownDirection('(3) [مكتب] Juba')).toBe('rtl');
    expect(ownDirection('2026 – ٢٠٢٦')).toBeUndefined();
  });
});
