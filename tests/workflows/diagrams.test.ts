import { describe, expect, it } from 'vitest';
import { getProject } from '../../src/lib/content/cache.ts';
import { buildGraph } from '../../src/lib/workflow/graph.ts';
import { layoutWorkflow, type LayoutBox } from '../../src/lib/workflow/layout.ts';
import { loadWorkflowFile, workflowFiles } from '../../src/lib/workflow/load.ts';
import { renderSvg } from '../../src/lib/workflow/svg.ts';

const root = process.cwd();
const roles = getProject(root).roles;
const overlap = (a: LayoutBox, b: LayoutBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

// Every machine in workflows/ is drawn, not only the ones we know: the diagram must stay readable
// (no label on a box, no label on a label, no edge through a box) whatever the authors write.
describe.each(workflowFiles(root).map((f) => [f.slice(f.lastIndexOf('/') + 1), f]))('diagram of %s', (_name, file) => {
  it('draws every state and transition, readably', async () => {
    const loaded = await loadWorkflowFile(root, file);
    const graph = buildGraph(loaded.module.machine);
    const layout = await layoutWorkflow(loaded, { root, roleTitle: (r) => roles.find((x) => x.id === r)?.title });
    const boxes = layout.nodes.filter((n) => n.kind === 'atomic' || n.kind === 'final');
    const problems: string[] = [];
    for (const e of layout.edges) {
      if (e.labelBox) for (const n of boxes) if (overlap(e.labelBox, n)) problems.push(`label of ${e.id} on ${n.id}`);
      for (let k = 1; k < e.points.length; k++) {
        const [p, q] = [e.points[k - 1]!, e.points[k]!];
        const segment = { x: Math.min(p.x, q.x), y: Math.min(p.y, q.y), width: Math.abs(p.x - q.x) || 0.01, height: Math.abs(p.y - q.y) || 0.01 };
        for (const n of boxes) {
          if (n.id !== e.source && n.id !== e.target && overlap(segment, { x: n.x + 2, y: n.y + 2, width: n.width - 4, height: n.height - 4 })) problems.push(`${e.id} through ${n.id}`);
        }
      }
    }
    const labelled = layout.edges.filter((e) => e.labelBox);
    labelled.forEach((a, i) => labelled.slice(i + 1).forEach((b) => overlap(a.labelBox!, b.labelBox!) && problems.push(`labels ${a.id} / ${b.id}`)));
    expect(problems).toEqual([]);
    const svg = renderSvg(layout, { title: loaded.id, desc: loaded.id });
    for (const s of graph.states) expect(svg).toContain(`data-state-id="${s.path}"`);
    expect(svg.match(/data-transition=/g)?.length).toBe(layout.edges.length);
    expect(svg.match(/data-label-for=/g)?.length ?? 0).toBe(layout.edges.filter((e) => e.labelBox).length);
  });
});
