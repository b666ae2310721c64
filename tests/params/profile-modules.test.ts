import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/lib/content/project.ts';
import { countryProfile } from '../../src/lib/params/profile.ts';

// The model pack's country profile: a parameter a training module uses names the module as
// readers know it (code and title) and links to its page, never by its file id.
describe('country profile: uses in training modules', () => {
  it('names each module by code and title, with a link', async () => {
    const project = loadProject(process.cwd());
    const uses = (await countryProfile(project, 'en')).flatMap((g) => g.entries).flatMap((e) => e.uses).filter((u) => u.kind === 'module');
    expect(uses.length).toBeGreaterThan(0);
    for (const u of uses) {
      const m = project.modules.find((x) => u.path === `/modules/${x.id}/`)?.data;
      expect(m, u.label).toBeDefined();
      expect(u.label).toBe(`Training module ${m!.code} ${m!.title}`);
    }
  });
});
