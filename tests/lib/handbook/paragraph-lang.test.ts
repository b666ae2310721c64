import { beforeAll, describe, expect, it } from 'vitest';
import type { Block } from '../../../src/lib/handbook/blocks.ts';
import { layoutContext, renderParts } from '../../../src/lib/handbook/document.ts';
import { run } from '../../../src/lib/handbook/inline.ts';
import { layoutBlocks } from '../../../src/lib/handbook/layout.ts';
import { paginate } from '../../../src/lib/handbook/paginate.ts';
import { pdfWords, saveTo, tempDir } from './pdf-tools.ts';

// A paragraph marked with its language (`lang`) inside a document of the other direction: an
// English paragraph (course content not translated yet) in an Arabic document, with an Arabic word
// in it, as a materials list or a module title can have. ARCHITECTURE.md, Printing right-to-left text.
const A4_LEFT = 56;
const A4_RIGHT = 595.28 - 56;
const english = 'Ask the clerk for the form (استمارة) at the counter, then sign it.';
let pdf: string;

beforeAll(async () => {
  const ctx = layoutContext('a4', 'ar');
  const blocks: Block[] = [
    { kind: 'paragraph', inlines: [run(english)], lang: 'en' },
    { kind: 'paragraph', inlines: [run(english)] },
    { kind: 'paragraph', inlines: [run('اطبع المجموعة الواردة أدناه.')], lang: 'ar' },
  ];
  const pages = paginate(layoutBlocks(blocks, ctx), { portrait: ctx.height, landscape: ctx.landscape.height });
  pdf = saveTo(tempDir(), 'lang.pdf', await renderParts([{ pages, numbering: 'decimal' }], 'a4', { title: 'Paragraph language', author: '', subject: '', language: 'ar' }, ctx));
}, 60_000);

/** The words of the line whose first word (logical) is `first`, in painted order, left to right. */
function lines() {
  const words = pdfWords(pdf, 1);
  const rows = [...new Set(words.map((w) => w.yMin))].sort((a, b) => a - b);
  return rows.map((y) => words.filter((w) => w.yMin === y).sort((a, b) => a.xMin - b.xMin));
}

describe('a paragraph in a language of the other direction', () => {
  it('runs left to right from its own start side in an Arabic document, its full stop at its end', () => {
    const [marked] = lines();
    expect(marked?.map((w) => w.text).join(' ')).toMatch(/^Ask the clerk for the form \(.+\) at the counter, then sign it\.$/);
    // Its start side is the left: the first word at the left margin, the line ragged on the right.
    expect(Math.abs(marked![0]!.xMin - A4_LEFT)).toBeLessThan(2);
    expect(marked!.at(-1)!.xMax).toBeLessThan(A4_RIGHT - 50);
  });

  it('leaves unmarked paragraphs, and those in the document language, as they were: right to left, at the right margin', () => {
    const [, unmarked, arabic] = lines();
    // Without a mark the paragraph takes the Arabic document's direction (it has an Arabic word):
    // its English phrases are placed from the right, the full stop at the left end.
    expect(unmarked!.at(-1)!.xMax).toBeCloseTo(A4_RIGHT, 0);
    expect(unmarked![0]!.text.startsWith('.')).toBe(true);
    expect(arabic!.at(-1)!.xMax).toBeCloseTo(A4_RIGHT, 0);
  });
});
