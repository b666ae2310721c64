import { describe, expect, it } from 'vitest';
import { diagramFigure } from '../../../src/lib/handbook/diagram.ts';
import type { LayoutEdge, LayoutNode, WorkflowLayout } from '../../../src/lib/workflow/layout-model.ts';

// A diagram split over two pages is cut in a gap: not through a state, an arrow's label, or the
// title band of a group of states.
const node = (id: string, y: number, height: number, kind: LayoutNode['kind'] = 'atomic', headerHeight = 0): LayoutNode =>
  ({ id, parent: null, kind, depth: 0, title: id, headerHeight, text: [], x: 10, y, width: 120, height }) as LayoutNode;
const edge = (id: string, labelY: number): LayoutEdge =>
  ({ id, source: 'a', target: 'b', kind: 'event', label: id, labelBox: { x: 20, y: labelY, width: 80, height: 30 }, labelText: [{ text: id, x: 20, y: labelY + 12, size: 11, style: 'regular' }], points: [] }) as unknown as LayoutEdge;
const layout = (nodes: LayoutNode[], edges: LayoutEdge[] = []): WorkflowLayout => ({ id: 'w', width: 300, height: 1000, nodes, edges }) as unknown as WorkflowLayout;
// Figure units are points: 0.75 of the layout's pixels.
const pt = (px: number) => px * 0.75;

describe('diagram cut between pages', () => {
  it('cuts at the limit when nothing is there', () => {
    expect(diagramFigure(layout([node('a', 0, 60), node('b', 600, 60)])).cutAt!(pt(400))).toBe(pt(400));
  });

  it('moves the cut above a state the limit runs through', () => {
    expect(diagramFigure(layout([node('a', 0, 60), node('b', 380, 60)])).cutAt!(pt(400))).toBe(pt(380) - 4);
  });

  it("moves the cut above an arrow's label the limit runs through", () => {
    const cut = diagramFigure(layout([node('a', 0, 60), node('b', 600, 60)], [edge('declaration checked', 390)])).cutAt!(pt(400));
    expect(cut).toBe(pt(390) - 4);
  });

  it("moves the cut above a group's title band, but may cut through the group's body", () => {
    const group = node('g', 385, 500, 'compound', 40);
    expect(diagramFigure(layout([node('a', 0, 60), group])).cutAt!(pt(400))).toBe(pt(385) - 4);
    // Well below the band, the group's frame alone does not move the cut.
    expect(diagramFigure(layout([node('a', 0, 60), group])).cutAt!(pt(700))).toBe(pt(700));
  });
});

describe('a diagram cut over pages', () => {
  // Each page drew the whole diagram and clipped it to its part: the labels of the other parts
  // were still in the page's text, where pdftotext, search and screen readers found them (mixed
  // into the running heads). A page now writes only the words of its own part.
  const states = Array.from({ length: 12 }, (_, i) => ({ ...node(`s${i}`, 20 + i * 160, 60), text: [{ text: `State ${i}`, x: 20, y: 20 + i * 160 + 35, width: 60, size: 12, style: 'regular' as const }] }));
  const arrows = states.slice(1).map((s, i) => ({ ...edge(`event ${i}`, 20 + i * 160 + 90), points: [{ x: 70, y: 20 + i * 160 + 60 }, { x: 70, y: s.y }] }));
  const tall = layout(states, arrows as LayoutEdge[]);

  async function pageTexts(): Promise<string[]> {
    const { layoutBlocks } = await import('../../../src/lib/handbook/layout.ts');
    const { paginate } = await import('../../../src/lib/handbook/paginate.ts');
    const { run } = await import('../../../src/lib/handbook/inline.ts');
    const ctx = { width: 300, height: 500, landscape: { width: 500, height: 300 }, images: new Map() };
    const pages = paginate(layoutBlocks([{ kind: 'figure', caption: [run('Figure 1')], figure: diagramFigure({ ...tall, height: 2000 }) }], ctx), { portrait: ctx.height, landscape: ctx.landscape.height });
    return pages.map((page) => {
      const written: string[] = [];
      const writer = new Proxy({}, { get: (_, name) => (...args: unknown[]) => {
        for (const a of args) if (typeof a === 'function') (a as (w: unknown) => void)(writer);
        if (name === 'text') written.push((args[0] as { text: string }[]).map((r) => r.text).join(''));
      } }) as never;
      for (const p of page.placed) p.item.draw?.(writer, 0, p.top);
      return written.join(' | ');
    });
  }

  it('writes each state and each arrow label on one page only, all of them once', async () => {
    const pages = await pageTexts();
    expect(pages.length).toBeGreaterThan(2);
    for (const label of [...states.map((_, i) => `State ${i}`), ...arrows.map((_, i) => `event ${i}`)]) {
      const on = pages.flatMap((p, i) => (p.split(' | ').includes(label) ? [i] : []));
      expect(on, label).toHaveLength(1);
    }
  });
});
