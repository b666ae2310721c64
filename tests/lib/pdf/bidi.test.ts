import { describe, expect, it } from 'vitest';
import { levelsOf, mirrored, visualChunks } from '../../../src/lib/pdf/bidi.ts';

/** The texts of a line's chunks, left to right as printed, with their direction. */
function painted(texts: string[], dir: 'ltr' | 'rtl', paragraph = texts.join(''), offset = 0): string[] {
  const line = texts.join('');
  return visualChunks(texts, paragraph, offset, dir).map((c) => `${line.slice(c.start, c.end)}${c.level % 2 ? '←' : '→'}`);
}

describe('visual order of a line (UAX #9 levels, rule L2)', () => {
  it('puts an English placeholder, a number, a date and a section number in an Arabic line in reading order', () => {
    const line = 'وفق [Civil Registration Act]، خلال 30 يوماً من 2026-03-15 (القسم 6.2).';
    expect(painted([line], 'rtl')).toEqual([
      ').←',
      '6.2→',
      ' ←',
      '(القسم←',
      ' ←',
      '2026-03-15→',
      ' ←',
      'من←',
      ' ←',
      'يوماً←',
      ' ←',
      '30→',
      ' ←',
      'خلال←',
      ' ←',
      '،←',
      ']←',
      'Civil Registration Act→',
      ' [←',
      'وفق←',
    ]);
  });

  it('keeps an English paragraph of an Arabic document left to right, its full stop at its end', () => {
    expect(painted(['Overall, I am satisfied (mostly).'], 'rtl')).toEqual(['Overall, I am satisfied (mostly).→']);
    // Digits alone keep the document's direction (no letter to say otherwise).
    expect(levelsOf('2026', 'rtl').paragraphs[0]?.level).toBe(1);
  });

  it('reverses an Arabic phrase inside an English line, and only it', () => {
    expect(painted(['Register in Juba (جوبا مدينة) within 30 days.'], 'ltr')).toEqual([
      'Register in Juba →',
      '(→',
      'مدينة←',
      ' ←',
      'جوبا←',
      ')→',
      ' within 30 days.→',
    ]);
  });

  it('keeps a run (a bold word) apart, in its place among the words', () => {
    expect(painted(['يسجل ', 'موظف', ' التسجيل'], 'rtl')).toEqual(['التسجيل←', ' ←', 'موظف←', ' ←', 'يسجل←']);
  });

  it('takes the levels of the whole paragraph for a line broken from it', () => {
    // The brackets pair up (rule N0) and take the direction of the Arabic word before them, which
    // is on the previous line: the line alone would resolve them left to right.
    const paragraph = 'Offices in جوبا (ملكال) and Wau';
    const second = '(ملكال) and Wau';
    expect(painted([second], 'ltr', paragraph, paragraph.indexOf(second))).toEqual(['(ملكال)←', ' and Wau→']);
    expect(painted([second], 'ltr')).not.toEqual(['(ملكال)←', ' and Wau→']);
  });

  it('keeps ISO dates and web addresses left to right after Arabic words', () => {
    const text = 'من 2026-03-15 في https://example.org/sops/x/';
    const levels = levelsOf(text, 'rtl').levels;
    const date = text.indexOf('2026');
    expect(new Set(levels.slice(date, date + 10))).toEqual(new Set([2]));
    const url = text.indexOf('https');
    expect(new Set(levels.slice(url))).toEqual(new Set([2]));
  });

  it('keeps a time range in its order, alone in a right-to-left cell or after Arabic words', () => {
    expect(painted(['08:30–09:00'], 'rtl')).toEqual(['08:30–09:00→']);
    expect(painted(['من 08:30–09:00'], 'rtl')).toEqual(['08:30–09:00→', ' ←', 'من←']);
  });

  it('keeps a negative number\'s minus sign before it, alone in a right-to-left cell or after Arabic words; a code\'s hyphen is not a minus', () => {
    // The sign moved to the other end: an Arabic score report printed a reliability of −0.54 as 0.54−.
    expect(painted(['\u22120.54'], 'rtl')).toEqual(['\u22120.54→']);
    expect(painted(['-12'], 'rtl')).toEqual(['-12→']);
    expect(painted(['الفرق \u22123.5 درجة'], 'rtl')).toEqual(['درجة←', ' ←', '\u22123.5→', ' ←', 'الفرق←']);
    expect(painted(['t = \u22121.20, df = 7'], 'rtl')).toEqual(painted(['t = \u22121.20, df = 7'], 'ltr'));
    // A code's hyphen, after a letter, is not a minus sign: "CR-01" prints as it did.
    expect(painted(['رمز CR-01'], 'rtl')).toEqual(['CR-01→', ' ←', 'رمز←']);
  });

  it('mirrors brackets of a right-to-left chunk', () => {
    expect(mirrored('(مثال) [x]')).toBe(')مثال( ]x[');
  });
});
