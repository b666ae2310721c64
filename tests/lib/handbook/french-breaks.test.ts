import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import fr from '../../../src/i18n/fr.json';
import { splitFrontmatter } from '../../../src/lib/content/frontmatter.ts';
import { parseMdx } from '../../../src/lib/content/mdx.ts';
import { measureAdvance } from '../../../src/lib/fonts/index.ts';
import { collapse, run } from '../../../src/lib/handbook/inline.ts';
import { breakLines, measureWords } from '../../../src/lib/handbook/lines.ts';
import { wrapText } from '../../../src/lib/workflow/text.ts';

/** A mark French spaces off that must not begin a line (`?kiosk`, a query, may). */
const OPENS_LINE = /^[:;?!»](?![\p{L}\d])/u;

/** Every file under a folder with one of the endings. */
function filesUnder(dir: string, ending: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = join(dir, name);
    return statSync(abs).isDirectory() ? filesUnder(abs, ending) : ending.test(name) ? [abs] : [];
  });
}

/** Every string of a YAML document. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** The French texts the PDFs print: UI strings, and the sample pack's French paragraphs, headings, cells and YAML words. */
function frenchTexts(): { where: string; text: string }[] {
  const out = Object.entries(fr).map(([key, text]) => ({ where: `fr.json ${key}`, text: text.replace(/\{\w+\}/g, 'X') }));
  for (const file of [...filesUnder('content/fr', /\.(mdx|yaml)$/), ...filesUnder('quizzes/fr', /\.yaml$/), ...filesUnder('workflows/fr', /\.yaml$/)]) {
    const source = readFileSync(file, 'utf8');
    if (file.endsWith('.yaml')) {
      for (const text of strings(parse(source))) out.push({ where: file, text });
      continue;
    }
    const { yaml, body } = splitFrontmatter(source);
    for (const text of strings(parse(yaml))) out.push({ where: file, text });
    const parsed = parseMdx(body);
    if (!('tree' in parsed)) throw new Error(`${file}: ${parsed.error.message}`);
    visit(parsed.tree as Root, (node) => {
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') out.push({ where: file, text: toString(node) });
    });
  }
  return out.filter((t) => /[:;?!«»]/.test(t.text));
}

/** The lines of a text as the PDF engine breaks it at a width (10 pt, regular). */
function pdfLines(text: string, width: number): string[] {
  return breakLines(collapse([run(text)]), width, 10).map((l) => l.pieces.map((p) => p.text).join(''));
}

describe('French text in the PDFs: a no-break space keeps the mark with its word', () => {
  const texts = frenchTexts();

  it('finds the French texts (UI strings and the sample pack)', () => {
    expect(texts.filter((t) => t.where.startsWith('fr.json')).length).toBeGreaterThan(200);
    expect(texts.filter((t) => !t.where.startsWith('fr.json')).length).toBeGreaterThan(500);
  });

  it('never starts a line with ": ; ? ! »" nor ends one with "«", at any width from a table column to a page', () => {
    const bad: string[] = [];
    for (const { where, text } of texts) {
      for (let width = 100; width <= 460; width += 12) {
        const lines = pdfLines(text, width);
        lines.forEach((line, i) => {
          if ((i > 0 && OPENS_LINE.test(line)) || (i < lines.length - 1 && /«$/.test(line))) bad.push(`${where} at ${width} pt: ${JSON.stringify(lines[i - 1] ?? '')} / ${JSON.stringify(line)}`);
        });
      }
    }
    expect([...new Set(bad.map((b) => b.replace(/ at \d+ pt.*/, '')))], bad.slice(0, 5).join('\n')).toEqual([]);
  });

  it('measures a no-break space as its glyph (U+00A0 as wide as a space, U+202F narrower) and draws no line wider than the measure', () => {
    const space = measureAdvance(' ', 10, 'regular');
    expect(measureAdvance('\u00a0', 10, 'regular')).toBeCloseTo(space, 6);
    expect(measureAdvance('\u202f', 10, 'regular')).toBeGreaterThan(0);
    expect(measureAdvance('\u202f', 10, 'regular')).toBeLessThan(space);
    expect(measureWords('Date\u00a0:', 10, 'regular')).toBeCloseTo(measureWords('Date :', 10, 'regular'), 6);
    const text = 'Le document présenté est-il valide\u00a0? Vérifiez la date\u00a0: «\u00a0déclaration tardive\u00a0» si le délai est passé\u202f; sinon, enregistrez\u202f!';
    for (let width = 100; width <= 300; width += 5) {
      const lines = breakLines([run(text)], width, 10);
      for (const line of lines) expect(line.width).toBeLessThanOrEqual(width + 0.001);
      expect(lines.map((l) => l.pieces.map((p) => p.text).join('')).join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      for (const line of lines.slice(1)) expect(line.pieces[0]!.text).not.toMatch(OPENS_LINE);
    }
  });

  it('keeps guillemets and "?" with their words in a workflow diagram box, as in the PDF text', () => {
    const title = 'Vérifier la mention «\u00a0déclaration tardive\u00a0» du registre\u00a0?';
    for (let width = 60; width <= 260; width += 4) {
      const lines = wrapText(title, 12, 'regular', width).map((l) => l.text);
      lines.forEach((line, i) => {
        if (i > 0) expect(line, `${width} px`).not.toMatch(OPENS_LINE);
        if (i < lines.length - 1) expect(line, `${width} px`).not.toMatch(/«$/);
      });
      // The no-break spaces reach the SVG as they were written.
      expect(lines.join(' ')).toBe(title);
    }
  });
});
