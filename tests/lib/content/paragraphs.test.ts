import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMdx } from '../../../src/lib/content/mdx.ts';
import { markParagraphs } from '../../../src/lib/content/paragraph-marks.ts';
import { numberParagraphs, paragraphOf } from '../../../src/lib/content/paragraphs.ts';
import { numberSections } from '../../../src/lib/content/sections.ts';
import type { Root } from 'mdast';

const source = readFileSync(join(import.meta.dirname, '../../fixtures/lifecycle/paragraphs/numbering.mdx'), 'utf8');

function parse(): Root {
  const parsed = parseMdx(source);
  if ('error' in parsed) throw new Error(parsed.error.message);
  numberSections(parsed.tree);
  return parsed.tree;
}

describe('numberParagraphs', () => {
  const paragraphs = numberParagraphs(parse());
  const summary = paragraphs.map((p) => `${p.section}/${p.n}/${p.kind}`);

  it('counts every top-level block of a section, each item of a top-level list, and nothing before the first section', () => {
    expect(summary).toEqual([
      '1/1/paragraph',
      '1/2/paragraph',
      '2/1/component', // <Step>
      '2/2/item',
      '2/3/item', // its nested list is part of it
      '2/4/item',
      '2/5/table',
      // the trainer note and the rule take no number
      '2/6/component', // <Callout>, with its inner paragraph and list
      '2.1/1/figure', // <Workflow>
      '2.1/2/code',
      '2.1/3/quote',
      '2.1/4/paragraph', // under a ##### heading, still in 2.1
      '2.1.1/1/figure', // an image on its own
      '2.1.1/2/item',
      '2.1.1/3/item',
    ]);
  });

  it('gives each paragraph a stable anchor and its source line', () => {
    const step = paragraphs.find((p) => p.section === '2' && p.n === 3);
    expect(step?.anchor).toBe('p-2-3');
    expect(step?.at.line).toBe(source.split('\n').findIndex((l) => l.startsWith('2. Second step')) + 1);
  });

  it('gives the same numbers to the same text every time (stable for a version)', () => {
    expect(numberParagraphs(parse()).map((p) => p.anchor)).toEqual(paragraphs.map((p) => p.anchor));
  });
});

describe('markParagraphs (the web page)', () => {
  it('puts the anchor on paragraphs and list items and wraps other blocks, with a marker link to itself', () => {
    const tree = parse();
    markParagraphs(tree);
    const first = tree.children.find((n) => paragraphOf(n)?.anchor === 'p-1-1');
    expect(first?.type).toBe('paragraph');
    expect((first?.data as { hProperties?: { id?: string } }).hProperties?.id).toBe('p-1-1');
    const mark = (first as { children: { type: string; data?: { hProperties?: { href?: string }; hChildren?: { value: string }[] } }[] }).children[0];
    expect(mark?.data?.hProperties?.href).toBe('#p-1-1');
    expect(mark?.data?.hChildren?.[0]?.value).toBe('§1 ¶1');
    const wrapped = tree.children.find((n) => (n.data as { hProperties?: { id?: string } } | undefined)?.hProperties?.id === 'p-2-5');
    expect(wrapped?.type).toBe('sopParagraph');
    expect((wrapped as unknown as { children: { type: string }[] }).children[1]?.type).toBe('table');
  });
});
