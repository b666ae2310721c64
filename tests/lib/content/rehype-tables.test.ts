import type { Element, ElementContent, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { rehypeTables } from '../../../src/lib/content/rehype-tables.ts';

const el = (tagName: string, children: ElementContent[] = [], properties: Element['properties'] = {}): Element => ({ type: 'element', tagName, properties, children });
const text = (value: string): ElementContent => ({ type: 'text', value });
const table = (...heads: string[]) => el('table', [el('thead', [el('tr', heads.map((h) => el('th', [text(h)])))]), el('tbody', [el('tr', heads.map(() => el('td', [text('x')])))])]);

describe('rehypeTables', () => {
  it('puts every Markdown table, also one nested in a component, in a focusable region named by its header cells', () => {
    const tree: Root = { type: 'root', children: [el('h2', [text('Records')]), table('Record', 'Where kept'), el('aside', [table('Step', 'Who')])] };
    rehypeTables()(tree);
    const [, first, aside] = tree.children as Element[];
    expect(first).toMatchObject({ tagName: 'div', properties: { className: ['table-wrap'], role: 'region', tabIndex: 0, ariaLabel: 'Record, Where kept' } });
    expect((first!.children[0] as Element).tagName).toBe('table');
    expect(aside!.children[0]).toMatchObject({ tagName: 'div', properties: { ariaLabel: 'Step, Who' } });
  });

  it('leaves a table that is already in a scrolling box alone', () => {
    const tree: Root = { type: 'root', children: [el('div', [table('A')], { className: ['table-wrap'] })] };
    rehypeTables()(tree);
    const wrap = tree.children[0] as Element;
    expect((wrap.children[0] as Element).tagName).toBe('table');
  });
});
