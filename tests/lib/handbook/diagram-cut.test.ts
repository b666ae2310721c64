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
