import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import { checkWorkflows } from '../../../src/lib/workflow/check.ts';
import { loadWorkflowFile } from '../../../src/lib/workflow/load.ts';
import { runScenario } from '../../../src/lib/workflow/run.ts';

// A scratch copy inside the repository, so the new machine finds the xstate package.
mkdirSync(join(process.cwd(), '.sopkit-cache'), { recursive: true });
const root = mkdtempSync(join(process.cwd(), '.sopkit-cache', 'wf-new-'));
cpSync(join(import.meta.dirname, '../../fixtures/workflows/project'), root, { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('sopkit new workflow', () => {
  it('writes a machine that passes check against the SOP that declares it', async () => {
    // content/sops/references.mdx declares `workflow: missing-one`, with one procedure step (2.1).
    const io = { out: () => undefined, err: () => undefined };
    expect(await main(['new', 'workflow', 'missing-one', '--root', root], io)).toBe(0);
    const file = 'workflows/missing-one.machine.ts';
    expect(readFileSync(join(root, file), 'utf8')).toContain("meta: { step: '2.1', title: 'Receive the application', role: 'registrar' }");
    const found = await checkWorkflows({ project: loadProject(root), today: '2026-06-01' });
    expect(found.filter((d) => d.file === file)).toEqual([]);
    expect(found.filter((d) => d.file === 'content/sops/references.mdx' && d.message.startsWith('workflow:'))).toEqual([]);
    const { module } = await loadWorkflowFile(root, join(root, file));
    for (const s of module.scenarios) expect(runScenario(module.machine, s).failures).toEqual([]);
    expect(await main(['new', 'workflow', 'missing-one', '--root', root], io)).toBe(1);
  });

  it("sopkit new sop x, then sopkit new workflow x: the machine names the new SOP's steps and says how to link the two", async () => {
    // It named section 1 and the first role of the pack, and said nothing: the SOP declared no
    // workflow, so the check warned that no SOP used it.
    const lines: string[] = [];
    const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) };
    expect(await main(['new', 'sop', 'marriage-registration', '--root', root], io)).toBe(0);
    expect(await main(['new', 'workflow', 'marriage-registration', '--root', root], io)).toBe(0);
    expect(lines.slice(-2)).toEqual([
      'created workflows/marriage-registration.machine.ts',
      'next: add "workflow: marriage-registration" to the frontmatter of content/sops/marriage-registration.mdx, so that check holds each state to its step and the SOP\'s page simulates the machine',
    ]);
    const file = 'workflows/marriage-registration.machine.ts';
    const sopFile = join(root, 'content/sops/marriage-registration.mdx');
    expect(readFileSync(join(root, file), 'utf8')).toContain("meta: { step: '6.1', title: 'Receive the application', role: 'registration-clerk' }");
    // Done as it says, the check finds nothing to say about either.
    writeFileSync(sopFile, readFileSync(sopFile, 'utf8').replace(/^language: en$/m, 'workflow: marriage-registration\nlanguage: en'));
    const found = await checkWorkflows({ project: loadProject(root), today: '2026-06-01' });
    expect(found.filter((d) => d.file === file || d.file === 'content/sops/marriage-registration.mdx')).toEqual([]);
  });
});
