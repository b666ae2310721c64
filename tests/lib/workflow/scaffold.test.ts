import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
});
