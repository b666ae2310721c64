import { describe, expect, it } from 'vitest';
import { run } from '../../../src/lib/handbook/inline.ts';
import { breakLines, measureWords } from '../../../src/lib/handbook/lines.ts';

const text = (lines: ReturnType<typeof breakLines>) => lines.map((l) => l.pieces.map((p) => p.text).join(''));

describe('breakLines (UAX #14, first fit)', () => {
  it('never makes a line wider than the measure, and loses no text', () => {
    const source = 'The registrar reads every entry back to the informant before signing, and writes the registration number on the declaration. '.repeat(5).trim();
    const lines = breakLines([run(source)], 200, 10);
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(200.001);
    expect(text(lines).join(' ')).toBe(source);
  });

  it('fills each line: the next word would not have fitted', () => {
    const lines = breakLines([run('aa bb cc dd ee ff gg hh ii jj kk ll mm nn oo pp')], 60, 10);
    for (let i = 0; i < lines.length - 1; i++) {
      const next = text(lines)[i + 1]!.split(' ')[0]!;
      expect(lines[i]!.width + measureWords(` ${next}`, 10, 'regular')).toBeGreaterThan(60);
    }
  });

  it('breaks after a hyphen but not before closing punctuation or inside "(model value)"', () => {
    const lines = breakLines([run('a well-known rule (model value): ninety days')], 55, 10);
    const all = text(lines);
    expect(all.some((l) => l.endsWith('well-'))).toBe(true);
    for (const l of all) expect(l.startsWith(')') || l.startsWith(':')).toBe(false);
  });

  it("breaks a web address only after a slash of its path: never inside 'https://host', nor at a hyphen of the path", () => {
    // The Arabic trainer's guide broke 'M3 National ID enrolment…: https://' / 'sopkit.example.org/modules/…',
    // and 'https://sopkit.example.org/modules/data-' / 'quality-fraud-protection/'.
    const host = 'https://sopkit.example.org/';
    for (const [lead, url] of [
      ['M3 National ID enrolment, biometrics, deduplication and document replacement: ', `${host}modules/national-id-enrolment-module/`],
      ['M4 Data quality, fraud prevention and data protection: ', `${host}modules/data-quality-fraud-protection/`],
    ] as const) {
      const start = lead.length;
      const hostEnd = start + host.length;
      let inside = 0;
      // From the narrowest measure that holds the host and each part of the path (a narrower one breaks between characters).
      const narrowest = Math.ceil(Math.max(...[host, ...url.slice(host.length).split(/(?<=\/)/)].map((w) => measureWords(w, 10, 'regular'))));
      for (let width = narrowest; width <= 460; width += 5) {
        const lines = breakLines([run(lead), run(url, 'regular', { link: { uri: url } })], width, 10);
        // Where each line after the first starts in the paragraph's text.
        for (const line of lines.slice(1)) {
          const at = line.pieces[0]!.start!;
          if (at <= start || at >= start + url.length) continue;
          inside++;
          expect(`${lead}${url}`[at - 1], `${width}: ${JSON.stringify(text(lines))}`).toBe('/');
          expect(at, `${width}: ${JSON.stringify(text(lines))}`).toBeGreaterThanOrEqual(hostEnd);
        }
      }
      expect(inside, 'some widths should break inside the address').toBeGreaterThan(0);
    }
    // Outside an address a hyphen and a slash still let a line break.
    expect(text(breakLines([run('a well-known either/or rule')], measureWords('a well-', 10, 'regular') + 1, 10))[0]).toBe('a well-');
  });

  it('keeps a number range whole: no break after the en dash between its digits', () => {
    for (const source of ['2,200 (960–2,950)', '5,400 (4,300–6,100)', 'من ٤–٦ أيام']) {
      // Wide enough for the range but not for the whole text: the break goes before the range.
      const width = Math.max(...source.split(' ').map((w) => measureWords(w, 10, 'regular'))) + 1;
      const lines = text(breakLines([run(source)], width, 10));
      for (const l of lines) expect(l, source).not.toMatch(/–$|^–/);
      expect(lines.join(' ')).toBe(source);
    }
    // A dash that is not between digits still lets the line break (a word range, an aside).
    const words = text(breakLines([run('Monday–Friday opening–closing hours')], measureWords('Monday–Friday', 10, 'regular') + 1, 10));
    expect(words.some((l) => l.endsWith('–'))).toBe(true);
  });

  it('keeps runs of different faces and links on one line, with their offsets', () => {
    const link = { uri: 'https://example.org' };
    const [line] = breakLines([run('plain '), run('bold', 'bold'), run(' and '), run('link', 'regular', { link })], 500, 10);
    expect(line!.pieces.map((p) => [p.text, p.inline.style])).toEqual([['plain ', 'regular'], ['bold', 'bold'], [' and ', 'regular'], ['link', 'regular']]);
    expect(line!.pieces[1]!.x).toBeCloseTo(measureWords('plain ', 10, 'regular'), 5);
    expect(line!.pieces[3]!.inline.link).toBe(link);
  });

  it('splits a word longer than the line between characters', () => {
    const url = 'https://sopkit.example.org/sops/birth-registration/appendix/forms/very-long-anchor-name';
    const lines = breakLines([run(url.replace(/[/-]/g, 'x'))], 80, 10);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(80.001);
  });

  it('honours hard line breaks', () => {
    expect(text(breakLines([run('first\nsecond')], 500, 10))).toEqual(['first', 'second']);
  });

  it('measures letters beyond Latin-1 (Ŋ ŋ ɛ ɔ ɣ) with the embedded font, not as zero', () => {
    expect(measureWords('ŋɔɔr ɣɛɛn', 10, 'regular')).toBeGreaterThan(30);
  });

  it('remembers where each piece sits in its paragraph, for the bidi levels of right-to-left lines', () => {
    const inlines = [run('يُحيل أمين السجل '), run('الطلب', 'bold'), run(' إلى المشرف إذا تجاوزت المدة 30 يوماً، وفق [Civil Registration Act]. '.repeat(3))];
    const lines = breakLines(inlines, 150, 10);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      for (const piece of line.pieces) expect(line.paragraph!.slice(piece.start!, piece.start! + piece.text.length)).toBe(piece.text);
    }
  });

  it('measures Arabic words shaped in the Arabic face (narrower than Noto Sans\'s missing-glyph boxes)', () => {
    const shaped = measureWords('الولادة', 10, 'regular');
    expect(shaped).toBeGreaterThan(10);
    expect(shaped).toBeLessThan(measureWords('\u25a1'.repeat(7), 10, 'regular'));
    // Joined letters are narrower than the same letters apart.
    expect(shaped).toBeLessThan(measureWords('ا ل و ل ا د ة', 10, 'regular'));
  });
});
