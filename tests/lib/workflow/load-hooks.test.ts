// Loading a workflow leaves Node's require hooks as it found them. tsx's tsImport wraps them in
// one more transformer per call and never takes it off; a test worker that keeps its modules from
// file to file (isolate: false) loads workflows thousands of times, and stopped with "Maximum
// call stack size exceeded" in tsx's transformer once every require ran through that many.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkflowFile, loadWorkflowFileInRun } from '../../../src/lib/workflow/load.ts';

const hooks = (createRequire(import.meta.url)('node:module') as { _extensions: Record<string, unknown> })._extensions;
const root = join(import.meta.dirname, '../../fixtures/workflows/project');

describe('loading a workflow file', () => {
  it('adds no require hook, however many times it loads', async () => {
    const before = { ...hooks };
    for (let i = 0; i < 5; i++) {
      const loaded = await loadWorkflowFile(root, join(root, 'workflows/registration.machine.ts'));
      expect(loaded.module.machine.id).toBe('registration');
    }
    expect(Object.keys(hooks).sort()).toEqual(Object.keys(before).sort());
    for (const key of Object.keys(before)) expect(hooks[key], key).toBe(before[key]);
  });
});

describe('loading a workflow file within one run of the checks', () => {
  it('imports it once for the run, and afresh for another run', async () => {
    const file = join(root, 'workflows/registration.machine.ts');
    const [run, next] = [{}, {}];
    const first = await loadWorkflowFileInRun(run, root, file);
    // The workflow, quiz and translation checks of one run get the same module: it is not compiled again.
    expect(await loadWorkflowFileInRun(run, root, file)).toBe(first);
    // The next run (a new project loaded, the file perhaps edited) imports it again.
    const again = await loadWorkflowFileInRun(next, root, file);
    expect(again).not.toBe(first);
    expect(again.module).not.toBe(first.module);
    expect(again.module.machine.id).toBe('registration');
  });
});
