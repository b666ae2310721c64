import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/lib/content/project.ts';
import { buildGraph } from '../../src/lib/workflow/graph.ts';
import { layoutWorkflow, type LayoutBox } from '../../src/lib/workflow/layout.ts';
import { loadWorkflowFile, workflowFiles } from '../../src/lib/workflow/load.ts';
import { renderSvg } from '../../src/lib/workflow/svg.ts';

// The model pack's machines, and the fixtures that use every XState feature (history, invoked
// actors, transitions on the machine itself) and XState's own examples as they are written.
const roots = [process.cwd(), join(import.meta.dirname, '../fixtures/workflows/xstate'), join(import.meta.dirname, '../fixtures/workflows/xstate-examples')];
const files = roots.flatMap((root) => workflowFiles(root).map((file) => [file.slice(file.lastIndexOf('/') + 1), root, file] as const));
const overlap = (a: LayoutBox, b: LayoutBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

// Every machine in workflows/ is drawn, not only the ones we know: the diagram must stay readable
// (no label on a box, no label on a label, no edge through a box) whatever the authors write.
describe.each(files)('diagram of %s', (_name, root, file) => {
  it('draws every state and transition, readably', async () => {
    const roles = loadProject(root).roles;
    const loaded = await loadWorkflowFile(root, file);
    const graph = buildGraph(loaded.module.machine);
    // Fixture layouts are not cached on disk (the cache would land in the fixture folder).
    const layout = await layoutWorkflow(loaded, { root, roleTitle: (r) => roles.find((x) => x.id === r)?.title, ...(root === process.cwd() ? {} : { cacheDir: false }) });
    const boxes = layout.nodes.filter((n) => n.kind === 'atomic' || n.kind === 'final' || n.kind === 'history' || n.kind === 'any');
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

describe('the same diagrams in the handbook (PDF)', () => {
  it('draws history states, the ends of invoked actors, parameterised guards and "At any step" through the handbook engine', async () => {
    const { renderSopHandbook } = await import('../../src/lib/handbook/handbook.ts');
    const { pdfText, qpdfCheck, saveTo, tempDir } = await import('../lib/handbook/pdf-tools.ts');
    const dir = tempDir();
    const text = async (root: string, id: string) => {
      const file = saveTo(dir, `${id}.pdf`, await renderSopHandbook(loadProject(root), id, { edition: 'participant', paper: 'a4' }));
      expect(qpdfCheck(file).ok, qpdfCheck(file).output).toBe(true);
      return pdfText(file, undefined, undefined, '-raw');
    };
    const [interview, certificate, late, examples] = await Promise.all([
      text(roots[1]!, 'interview-resume'),
      text(roots[1]!, 'certificate-request'),
      text(roots[1]!, 'late-registration'),
      text(roots[2]!, 'xstate-examples'),
    ]);
    // Labels wrap over lines: compare words.
    const words = (t: string) => t.replace(/\s+/g, ' ');
    expect(interview).toMatch(/^H$/m);
    expect(interview).toMatch(/^H\*$/m);
    expect(words(certificate)).toContain('payment check fails');
    expect(words(late)).toContain('[is above (min 18)]');
    expect(words(examples)).toContain('At any step');
    expect(words(examples)).toContain('call credit check microservice completes');
    expect(words(examples)).not.toMatch(/xstate done|actor 0/);
  }, 120_000);
});
