import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getWorkflow } from '../../../src/lib/workflow/cache.ts';
import { runScenario } from '../../../src/lib/workflow/run.ts';

// The test workers keep their modules from file to file: a dry-run test that ran the model pack's
// document replacement machine, taken from the cache after another file had loaded a fixture
// project's machine, stopped with "no parameter verification-threshold": the machine's context
// function read the parameters of the project loaded last.
const pack = process.cwd();
const fixture = join(import.meta.dirname, '../../fixtures/assessment/project');

describe('a workflow taken from the cache', () => {
  it("runs with its own project's parameters, whichever project was loaded since", async () => {
    const first = await getWorkflow(pack, 'document-replacement');
    for (const s of first.module.scenarios) expect(runScenario(first.module.machine, s).failures, s.id).toEqual([]);
    await getWorkflow(fixture, 'sample-registration');
    const again = await getWorkflow(pack, 'document-replacement');
    expect(again).toBe(first);
    for (const s of again.module.scenarios) expect(runScenario(again.module.machine, s).failures, s.id).toEqual([]);
  });
});
