import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { changesSincePrevious, writeChangesPdfs } from '../../../src/lib/lifecycle/diff/changes.ts';
import { pdfText } from '../handbook/pdf-tools.ts';

// The site's changes of an SOP since its previous version, in a throw-away repository (inside the
// project's cache folder, so the machine's `import 'xstate'` resolves): 0.9.0 committed, 1.0.0 in
// the working tree, with a trainer note, a step, a checklist and the machine changed between them;
// the pack's roles and parameters.
const fixtures = join(import.meta.dirname, '../../fixtures/lifecycle/diff/components');
const content = join(import.meta.dirname, '../../../content');
const cache = join(import.meta.dirname, '../../../.sopkit-cache');
let repo = '';

const gitIn = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const write = (sop: string, machine: string) => {
  writeFileSync(join(repo, 'content/sops/fixture-registration.mdx'), sop);
  writeFileSync(join(repo, 'workflows/fixture-registration.machine.ts'), machine);
};

beforeAll(() => {
  mkdirSync(cache, { recursive: true });
  repo = mkdtempSync(join(cache, 'changes-'));
  mkdirSync(join(repo, 'content/sops'), { recursive: true });
  mkdirSync(join(repo, 'workflows'), { recursive: true });
  gitIn(repo, 'init', '-q');
  // The pack's roles and parameters, for the words of the comparison.
  for (const file of ['roles.yaml', 'parameters.yaml']) writeFileSync(join(repo, 'content', file), readFileSync(join(content, file), 'utf8'));
  write(read('before.mdx'), read('before.machine.ts'));
  gitIn(repo, 'add', '-A');
  gitIn(repo, 'commit', '-q', '-m', 'v0.9.0');
  write(read('after.mdx'), read('after.machine.ts'));
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("the site's changes since the previous version", () => {
  it('leave trainer notes out in the trainer edition too: the changes are for the reviewers of the SOP text, one PDF for both editions', async () => {
    const edition = process.env.SOPKIT_EDITION;
    process.env.SOPKIT_EDITION = 'trainer';
    try {
      const project = loadProject(repo);
      const result = await changesSincePrevious(project, project.sops.find((s) => s.id === 'fixture-registration')!);
      if (!('diff' in result)) throw new Error(result.note);
      expect(result.previous).toBe('0.9.0');
      const blocks = result.diff.sections.flatMap((s) => s.blocks);
      expect(blocks.filter((b) => b.box === 'trainer')).toEqual([]);
      expect(JSON.stringify(result.diff)).not.toMatch(/Teaching the counter|refuses to wait|TrainerNote/);
      // The rest of the changed text is there, as the SOP reads.
      expect(blocks.map((b) => b.parts.map((p) => p.text).join(''))).toContain('☐ Identity document seen and recorded.');
      const [pdf] = await writeChangesPdfs(project, { outDir: join(repo, 'out') });
      expect(pdf?.file).toBe('fixture-registration-changes.pdf');
      const text = pdfText(join(repo, 'out', pdf!.file), undefined, undefined, '-raw');
      expect(text).toMatch(/Who: Registration clerk · Input: The informant/);
      expect(text).not.toMatch(/\[(?:Step|TrainerNote)\b|Teaching the counter|cra-duty/);
    } finally {
      if (edition === undefined) delete process.env.SOPKIT_EDITION;
      else process.env.SOPKIT_EDITION = edition;
    }
  });
});
