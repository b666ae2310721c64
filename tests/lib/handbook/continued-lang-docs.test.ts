import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject, type Project } from '../../../src/lib/content/project.ts';
import { renderReviewCopy } from '../../../src/lib/lifecycle/review-copy.ts';
import { linkDependencies } from '../../params/project.ts';

// A French SOP whose workflow diagram is too tall for one page: every document that prints it
// says on the first slices that the figure goes on, in French. The layout engine did, given the
// language (figure-caption-lang.test.ts); the review copy laid its pages out without one, so a
// French or Arabic consultation draft said "(continued)".
const temp = mkdtempSync(join(tmpdir(), 'sopkit-continued-'));
const root = join(temp, 'project');
let project: Project;

/** A workflow of `n` steps one after another: drawn top to bottom, taller than a page. */
function chainMachine(n: number): string {
  const states = Array.from({ length: n }, (_, i) => `    etape${i + 1}: ${i + 1 < n ? `{ on: { SUITE: 'etape${i + 2}' } }` : "{ type: 'final' }"},`).join('\n');
  return `import { setup } from 'xstate';\nexport const machine = setup({}).createMachine({\n  id: 'longue-chaine',\n  initial: 'etape1',\n  states: {\n${states}\n  },\n});\nexport const scenarios = [];\nexport const fields = [];\n`;
}

/** The text of every page of a PDF. */
function pdfText(bytes: Uint8Array): string {
  const file = join(temp, `doc-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

beforeAll(() => {
  cpSync(join(import.meta.dirname, '../../fixtures/handbook/project'), root, { recursive: true });
  linkDependencies(root);
  writeFileSync(join(root, 'workflows/longue-chaine.machine.ts'), chainMachine(24));
  const sop = join(root, 'content/sops/enregistrement-naissance.mdx');
  writeFileSync(sop, `${readFileSync(sop, 'utf8')}\n## Circuit\n\n<Workflow id="longue-chaine" />\n`);
  project = loadProject(root);
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('a figure that runs over pages, in a French SOP', () => {
  it('says "(suite)" in the review copy, never "(continued)"', async () => {
    const text = pdfText(await renderReviewCopy(project, 'enregistrement-naissance', { paper: 'a4' }));
    // The figure's caption on each page it runs over: the first says it goes on, the others that they are the rest.
    const captions = text.split('\n').filter((line) => line.startsWith('Figure 1 – '));
    expect(captions.length).toBeGreaterThan(1);
    expect(captions[0]).toMatch(/\(suite à la page suivante\)$/);
    expect(captions.slice(1).every((c) => c.endsWith('(suite)'))).toBe(true);
    expect(text).not.toContain('(continued)');
  });
});
