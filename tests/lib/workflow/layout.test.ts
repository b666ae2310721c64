import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { measureText } from '../../../src/lib/fonts/index.ts';
import { layoutGraph } from '../../../src/lib/workflow/elk-layout.ts';
import { buildGraph } from '../../../src/lib/workflow/graph.ts';
import { forgetLayouts, layoutWorkflow, type LayoutBox, type WorkflowLayout } from '../../../src/lib/workflow/layout.ts';
import { loadWorkflowFile } from '../../../src/lib/workflow/load.ts';
import { renderSvg } from '../../../src/lib/workflow/svg.ts';

const root = join(import.meta.dirname, '../../fixtures/workflows/project');
const loaded = await loadWorkflowFile(root, join(root, 'workflows/registration.machine.ts'));
const roles: Record<string, string> = { registrar: 'Registrar', 'registration-clerk': 'Registration clerk' };
const graph = buildGraph(loaded.module.machine);
const layout = await layoutGraph(loaded.id, graph, (r) => roles[r]);
const temp = mkdtempSync(join(tmpdir(), 'sopkit-layout-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const inside = (inner: LayoutBox, outer: LayoutBox, slack = 0.5) =>
  inner.x >= outer.x - slack && inner.y >= outer.y - slack && inner.x + inner.width <= outer.x + outer.width + slack && inner.y + inner.height <= outer.y + outer.height + slack;
const overlap = (a: LayoutBox, b: LayoutBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const onBorder = (p: { x: number; y: number }, b: LayoutBox, slack = 1.5) =>
  inside({ x: p.x, y: p.y, width: 0, height: 0 }, b, slack) &&
  (Math.abs(p.x - b.x) <= slack || Math.abs(p.x - b.x - b.width) <= slack || Math.abs(p.y - b.y) <= slack || Math.abs(p.y - b.y - b.height) <= slack);

describe('layoutWorkflow: the diagram as data', () => {
  it('places every state, and every initial marker, inside the drawing', () => {
    const box: LayoutBox = { x: 0, y: 0, width: layout.width, height: layout.height };
    expect(layout.nodes.filter((n) => n.kind !== 'initial').map((n) => n.id)).toEqual(graph.states.map((s) => s.path));
    expect(layout.nodes.filter((n) => n.kind === 'initial')).toHaveLength(3);
    for (const node of layout.nodes) expect(inside(node, box), node.id).toBe(true);
  });

  it('nests children inside their parent and keeps siblings apart', () => {
    for (const node of layout.nodes) {
      const parent = layout.nodes.find((p) => p.id === node.parent);
      if (parent) expect(inside(node, parent), `${node.id} in ${parent.id}`).toBe(true);
      for (const other of layout.nodes) {
        if (other !== node && other.parent === node.parent) expect(overlap(node, other), `${node.id} / ${other.id}`).toBe(false);
      }
    }
  });

  it('measures text with the shared font metrics and fits it in its box', () => {
    const reception = layout.nodes.find((n) => n.id === 'reception')!;
    expect(reception.text.map((t) => t.text)).toEqual(['Receive the declaration', '2.1 · Registration clerk']);
    expect(reception.text[0]!.width).toBeCloseTo(measureText('Receive the declaration', 15, 'bold'), 1);
    for (const node of layout.nodes) {
      for (const line of node.text) {
        expect(line.x).toBeGreaterThanOrEqual(node.x);
        expect(line.x + line.width).toBeLessThanOrEqual(node.x + node.width + 0.5);
        expect(line.y).toBeGreaterThan(node.y);
        expect(line.y).toBeLessThan(node.y + node.height);
      }
    }
  });

  it('routes every edge from the border of its source to the border of its target, labels in their boxes', () => {
    const byId = new Map(layout.nodes.map((n) => [n.id, n]));
    const atomic = layout.nodes.filter((n) => n.kind === 'atomic' || n.kind === 'final');
    expect(layout.edges.map((e) => e.id)).toEqual(graph.transitions.map((t) => t.id));
    for (const edge of layout.edges) {
      expect(edge.points.length, edge.id).toBeGreaterThanOrEqual(2);
      expect(onBorder(edge.points[0]!, byId.get(edge.source)!), `${edge.id} starts on its source`).toBe(true);
      expect(onBorder(edge.points.at(-1)!, byId.get(edge.target)!), `${edge.id} ends on its target`).toBe(true);
      if (!edge.labelBox) continue;
      for (const line of edge.labelText) expect(inside({ x: line.x, y: line.y - line.size, width: line.width, height: line.size }, edge.labelBox, 1)).toBe(true);
      for (const node of atomic) expect(overlap(edge.labelBox, node), `${edge.id} label over ${node.id}`).toBe(false);
    }
  });

  it('can flow across the page for landscape print', async () => {
    const across = await layoutGraph(loaded.id, graph, (r) => roles[r], 'RIGHT');
    expect(across.width).toBeGreaterThan(across.height);
    expect(layout.height).toBeGreaterThan(layout.width);
    const reception = across.nodes.find((n) => n.id === 'reception')!;
    const registered = across.nodes.find((n) => n.id === 'registered')!;
    expect(registered.x).toBeGreaterThan(reception.x + reception.width);
  });

  it('is deterministic: the same machine gives the same layout', async () => {
    const again = await layoutGraph(loaded.id, graph, (r) => roles[r]);
    expect(JSON.stringify(again)).toBe(JSON.stringify(layout));
  });

  it('caches layouts on disk by file content', async () => {
    const first = await layoutWorkflow(loaded, { root, cacheDir: temp });
    const [file] = readdirSync(temp);
    expect(file).toMatch(/^registration-[0-9a-f]{24}\.json$/);
    const cached = JSON.parse(readFileSync(join(temp, file!), 'utf8')) as WorkflowLayout;
    expect(cached.width).toBe(first.width);
    // A second process (here: a fresh memory cache) reads the file instead of running ELK again.
    writeFileSync(join(temp, file!), JSON.stringify({ ...cached, width: 12345 }));
    forgetLayouts();
    expect((await layoutWorkflow(loaded, { root, cacheDir: temp })).width).toBe(12345);
    expect(existsSync(join(temp, file!))).toBe(true);
  });
});

describe('renderSvg', () => {
  const svg = renderSvg(layout, { title: 'Workflow: <Registration>', desc: 'Steps & arrows' }, 'wf-t');

  it('marks every state and every transition for the simulator', () => {
    for (const state of graph.states) expect(svg).toContain(`data-state-id="${state.path}"`);
    for (const t of graph.transitions) expect(svg).toContain(`data-transition="${t.id}"`);
    expect(svg).toContain('data-event="declaration.submitted"');
  });

  it('is an accessible image with an escaped title and description', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="wf-t-title wf-t-desc"/);
    expect(svg).toContain('<title id="wf-t-title">Workflow: &lt;Registration&gt;</title>');
    expect(svg).toContain('<desc id="wf-t-desc">Steps &amp; arrows</desc>');
    expect(svg).toContain(`viewBox="0 0 ${layout.width} ${layout.height}"`);
  });

  it('draws final states with a double border and timers and eventless edges dashed', () => {
    expect(svg).toMatch(/<g class="wf-node wf-final" data-state-id="registered"[^>]*><rect[^>]*\/><rect/);
    expect(svg).toMatch(/class="wf-edge wf-always"[^>]*><path [^>]*stroke-dasharray="6 4"/);
    expect(svg).toMatch(/class="wf-edge wf-after"[^>]*><path [^>]*stroke-dasharray="2 4"/);
  });
});
