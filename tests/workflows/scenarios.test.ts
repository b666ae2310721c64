import { describe, expect, it } from 'vitest';
import { loadWorkflowFile, workflowFiles } from '../../src/lib/workflow/load.ts';
import { runScenario } from '../../src/lib/workflow/run.ts';

const root = process.cwd();
const files = workflowFiles(root);

describe('model workflows', () => {
  it('has machines to test', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    describe(file.slice(root.length + 1), async () => {
      const { module } = await loadWorkflowFile(root, file);
      it('has at least three scenarios', () => {
        expect(module.scenarios.length).toBeGreaterThanOrEqual(3);
      });
      for (const scenario of module.scenarios) {
        it(`scenario ${scenario.id}: ${scenario.title}`, () => {
          const { failures } = runScenario(module.machine, scenario);
          expect(failures).toEqual([]);
        });
      }
    });
  }
});
