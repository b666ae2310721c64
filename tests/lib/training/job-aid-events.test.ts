import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { jobAidSteps } from '../../../src/lib/training/job-aid.ts';
import { graphIn } from '../../../src/lib/translation/workflow-labels.ts';
import { getWorkflow } from '../../../src/lib/workflow/cache.ts';

const root = join(import.meta.dirname, '../../..');
const project = loadProject(root);
const roleTitle = (id: string) => project.roles.find((r) => r.id === id)?.title;

describe('job aid checks', () => {
  it('name the event when a step checks the same condition after different events (death registration, 6.10)', async () => {
    const loaded = await getWorkflow(root, 'death-registration');
    const steps = jobAidSteps(graphIn(loaded, undefined, 'en'), roleTitle);
    // In every step, a check read aloud leads to one place only.
    for (const step of steps) {
      const seen = new Map<string, string>();
      for (const c of step.checks) {
        expect(seen.get(c.when) ?? c.to, `${step.step} ${step.title}: "${c.when}"`).toBe(c.to);
        seen.set(c.when, c.to);
      }
    }
    const checks = steps.flatMap((s) => s.checks.map((c) => c.when));
    expect(checks.some((w) => /^Integrity cleared: /.test(w))).toBe(true);
  });
});
