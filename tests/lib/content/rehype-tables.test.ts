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
    expect(first).toMatchObject({ tagName: 'div', properties: { className: ['table-wrap', 'narrow-cards'], role: 'region', tabIndex: 0, ariaLabel: 'Record, Where kept' } });
    expect((first!.children[0] as Element).tagName).toBe('table');
    expect(aside!.children[0]).toMatchObject({ tagName: 'div', properties: { ariaLabel: 'Step, Who' } });
  });

  it('numbers tables of the same header cells, so that no two regions of the page share a name', () => {
    const tree: Root = { type: 'root', children: [table('', 'New enrolment', 'Candidate record'), table('Step', 'Who'), table('', 'New enrolment', 'Candidate record'), el('aside', [table('', 'New enrolment', 'Candidate record')])] };
    rehypeTables()(tree);
    const [a, single, b, aside] = tree.children as Element[];
    expect([a, b, aside!.children[0] as Element].map((w) => w!.properties.ariaLabel)).toEqual(['New enrolment, Candidate record (1)', 'New enrolment, Candidate record (2)', 'New enrolment, Candidate record (3)']);
    expect(single!.properties.ariaLabel).toBe('Step, Who');
  });

  it('leaves a table that is already in a scrolling box alone', () => {
    const tree: Root = { type: 'root', children: [el('div', [table('A')], { className: ['table-wrap'] })] };
    rehypeTables()(tree);
    const wrap = tree.children[0] as Element;
    expect((wrap.children[0] as Element).tagName).toBe('table');
  });

  it('reads a table of three or more columns as cards on a phone: each cell but the first under its column\'s name', () => {
    const tree: Root = { type: 'root', children: [table('Record', 'Where kept', 'Retention'), table('Term', 'Meaning')] };
    rehypeTables()(tree);
    const [three, two] = tree.children as Element[];
    expect(three!.properties.className).toEqual(['table-wrap', 'phone-cards']);
    const cells = ((three!.children[0] as Element).children[1] as Element).children[0] as Element;
    expect((cells.children as Element[]).map((c) => c.properties.dataLabel)).toEqual([undefined, 'Where kept: ', 'Retention: ']);
    expect(two!.properties.className).toEqual(['table-wrap', 'narrow-cards']);
  });

  it('reads a table of two columns as cards on the narrowest phones only, its second cell under its name', () => {
    const rows = (w: Element) => ((w.children[0] as Element).children[1] as Element).children as Element[];
    // A worksheet: the second column is for the participant to write.
    const blankSecond = el('table', [el('thead', [el('tr', [el('th', [text('Task')]), el('th', [text('Done')])])]), el('tbody', [el('tr', [el('td', [text('Sign')]), el('td', [text(' ')])])])]);
    const tree: Root = { type: 'root', children: [table('Role', 'Responsibility'), table('', 'Meaning'), table('Term', ''), blankSecond] };
    rehypeTables()(tree, { data: { astro: { frontmatter: { language: 'fr' } } } });
    const [roles, corner, unnamed, grid] = tree.children as Element[];
    expect([roles, corner, unnamed, grid].map((w) => w!.properties.className)).toEqual([
      ['table-wrap', 'narrow-cards'],
      ['table-wrap', 'narrow-cards'],
      ['table-wrap'],
      ['table-wrap', 'narrow-cards', 'fill-in'],
    ]);
    expect(rows(roles!)[0]!.children.map((c) => (c as Element).properties.dataLabel)).toEqual([undefined, 'Responsibility\u00a0: ']);
    expect(rows(corner!)[0]!.children.map((c) => [(c as Element).tagName, (c as Element).properties.scope])).toEqual([['th', 'row'], ['td', undefined]]);
  });

  it('reads columns that all bear one name (cut-out cards) as a list of items: one card per cell, no column name', () => {
    const tree: Root = { type: 'root', children: [table('Task', 'Task'), table('Card', 'Card', 'Card'), table('Task', 'Task', 'Done')] };
    rehypeTables()(tree);
    const [two, three, mixed] = tree.children as Element[];
    expect([two, three, mixed].map((w) => w!.properties.className)).toEqual([
      ['table-wrap', 'phone-items'],
      ['table-wrap', 'phone-items'],
      ['table-wrap', 'phone-cards'],
    ]);
    const cells = (((two!.children[0] as Element).children[1] as Element).children[0] as Element).children as Element[];
    expect(cells.map((c) => [c.tagName, c.properties.dataLabel])).toEqual([['td', undefined], ['td', undefined]]);
  });

  it('labels the cells in the page\'s language, with French spacing before the colon', () => {
    const tree: Root = { type: 'root', children: [table('Registre', 'Lieu', 'Durée')] };
    rehypeTables()(tree, { data: { astro: { frontmatter: { language: 'fr' } } } });
    const row = (((tree.children[0] as Element).children[0] as Element).children[1] as Element).children[0] as Element;
    expect((row.children[2] as Element).properties.dataLabel).toBe('Durée\u00a0: ');
  });

  it("names the region with the page's commas: Arabic ones on an Arabic page", () => {
    const tree: Root = { type: 'root', children: [table('السجل', 'مكان الحفظ', 'مدة الحفظ')] };
    rehypeTables()(tree, { data: { astro: { frontmatter: { language: 'ar' } } } });
    expect((tree.children[0] as Element).properties.ariaLabel).toBe('السجل، مكان الحفظ، مدة الحفظ');
  });

  it('keeps a table as a table when a header cell but the first is empty, or a cell spans', () => {
    const firstCell = (t: Element) => ((t.children[1] as Element).children[0] as Element).children[0] as Element;
    const spanning = table('A', 'B', 'C');
    firstCell(spanning).properties.rowSpan = 2;
    // A cell holding only a component (MDX's own node, as `<Param>` is before it renders) is not blank.
    const component = table('Record', 'Kept', 'Retention');
    firstCell(component).children = [{ type: 'mdxJsxTextElement', name: 'Param', attributes: [], children: [] } as unknown as ElementContent];
    const tree: Root = { type: 'root', children: [table('A', '', 'C'), spanning, table('A', 'B', 'C'), component] };
    rehypeTables()(tree);
    expect((tree.children as Element[]).map((w) => w.properties.className)).toEqual([['table-wrap'], ['table-wrap'], ['table-wrap', 'phone-cards'], ['table-wrap', 'phone-cards']]);
  });

  it('reads a comparison with an empty corner as cards, its first column as row headers', () => {
    const tree: Root = { type: 'root', children: [table('', 'New enrolment', 'Candidate record')] };
    rehypeTables()(tree);
    const wrap = tree.children[0] as Element;
    expect(wrap.properties).toMatchObject({ className: ['table-wrap', 'phone-cards'], ariaLabel: 'New enrolment, Candidate record' });
    const row = ((wrap.children[0] as Element).children[1] as Element).children[0] as Element;
    expect((row.children as Element[]).map((c) => [c.tagName, c.properties.scope, c.properties.dataLabel])).toEqual([
      ['th', 'row', undefined],
      ['td', undefined, 'New enrolment: '],
      ['td', undefined, 'Candidate record: '],
    ]);
  });

  it("reads an exercise's grid as cards that keep its blanks to fill in, and a reference table's blank as left out", () => {
    const rows = (t: Element) => ((t.children[1] as Element).children as Element[]);
    const grid = (heads: string[], body: string[][]) => el('table', [el('thead', [el('tr', heads.map((h) => el('th', [text(h)])))]), el('tbody', body.map((r) => el('tr', r.map((c) => el('td', c ? [text(c)] : [text(' ')])))))]);
    // Module M2's worksheet: the days and the category are for the participant to write.
    const exercise = grid(['No.', 'Event', 'Declared', 'Days'], [['1', '14 Mar 2025', '2 Apr 2025', ''], ['11', 'returned 7 Jul 2025', '', '']]);
    // A time-limit table where some cases have no decision: nothing to write, the blank is left out.
    const reference = grid(['Case', 'Time limit', 'Decision within'], [['Birth', '90 days', ''], ['Late', '1 year', '30 days']]);
    const tree: Root = { type: 'root', children: [exercise, reference] };
    rehypeTables()(tree);
    const [a, b] = tree.children as Element[];
    expect(a!.properties.className).toEqual(['table-wrap', 'phone-cards', 'fill-in']);
    expect(b!.properties.className).toEqual(['table-wrap', 'phone-cards']);
    const second = rows(a!.children[0] as Element)[1]!.children as Element[];
    expect(second.map((c) => c.properties.dataLabel)).toEqual([undefined, 'Event: ', 'Declared: ', 'Days: ']);
    // Emptied, so that `:empty` (global.css) finds it.
    expect(second[3]!.children).toEqual([]);
  });
});
