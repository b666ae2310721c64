import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../src/lib/check/index.ts';
import { copyModelPack, setParameter, tempFolder } from './project.ts';

// The model pack with a 14-day period for deaths (the model: 30). The births and deaths module's
// worked answers that no longer hold must each be named, so that the country rewrites all of
// them: its assumes lines once named only the counting exercise's boundary cases, and a trainer
// who rewrote those kept "Sixteen days: on time" in the role-play's key.
const parent = tempFolder('model-pack-assumes-');
const root = join(parent, 'pack');
copyModelPack(root);
setParameter(root, 'death-registration-period', 14);
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe("the model module's worked answers under a country's time limit", () => {
  it('names every answer that a 14-day period for deaths makes wrong, and none that still holds', async () => {
    const { diagnostics } = await runChecks(root, { today: '2026-06-01' });
    const module = diagnostics.filter((d) => d.file === 'content/modules/civil-registration-births-deaths.mdx' && d.code === 'params/assumption').map((d) => d.message);
    expect(module).toHaveLength(2);
    expect(module.join('\n')).toContain('counting exercise, cases 8 and 9');
    expect(module.join('\n')).toContain('the Omari role-play (16 days: on time)');
    expect(module.join('\n')).not.toContain('round two');
  });
});
