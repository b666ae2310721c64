import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parseMdx } from '../../../src/lib/content/mdx.ts';
import { remarkTraining } from '../../../src/lib/training/remark-training.ts';

const body = readFileSync(join(import.meta.dirname, '../../fixtures/training/remark/module-fr.mdx'), 'utf8');

/** The `__lang` each component gets from the training remark plugin, for a file in a language. */
function langs(language: string | undefined): string[] {
  const parsed = parseMdx(body);
  if (!('tree' in parsed)) throw new Error('fixture does not parse');
  const tree = structuredClone(parsed.tree);
  remarkTraining()(tree, { path: '/x/content/fr/modules/m.mdx', data: { astro: { frontmatter: { language } } } });
  const out: string[] = [];
  visit(tree, 'mdxJsxFlowElement', (node: MdxJsxFlowElement) => {
    const lang = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === '__lang')?.value;
    out.push(`${node.name}:${typeof lang === 'string' ? lang : '-'}`);
  });
  return out;
}

describe('remarkTraining', () => {
  it('gives the components that print words of their own the file’s language', () => {
    expect(langs('fr')).toEqual(['Session:fr', 'Slide:-', 'SpeakerNotes:fr', 'Activity:fr', 'Handout:fr']);
  });

  it('says English when the frontmatter names no language', () => {
    expect(langs(undefined)).toContain('Activity:en');
  });
});
