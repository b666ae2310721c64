import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkUnusedRoles } from '../../../src/lib/check/unused-roles.ts';
import { loadProject } from '../../../src/lib/content/project.ts';

// A role of content/roles.yaml that nothing names prints nowhere, yet a country reads it as one of
// its posts and a translator translates it. What names a role: an SOP's roles: and text, a
// workflow state's meta.role, a module's or a course's audience, a dry run's roles.
const fixtures = join(import.meta.dirname, '../../fixtures');
// Inside the project (its cache folder), so a fixture's workflow machine resolves `import 'xstate'`.
const cache = join(import.meta.dirname, '../../../.sopkit-cache');
mkdirSync(cache, { recursive: true });
const temp = mkdtempSync(join(cache, 'unused-roles-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function copy(fixture: string, name: string, edit: (file: (f: string) => string) => void): string {
  const root = join(temp, name);
  cpSync(join(fixtures, fixture), root, { recursive: true });
  const file = (f: string) => join(root, f);
  edit(file);
  return root;
}
const replace = (path: string, from: string, to: string) => {
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
};
const addRole = (file: (f: string) => string, id: string, title: string) => writeFileSync(file('content/roles.yaml'), `${readFileSync(file('content/roles.yaml'), 'utf8').trimEnd()}\n- id: ${id}\n  title: ${title}\n  description: A post the test adds to the roles file.\n`);
const unused = async (root: string) => (await checkUnusedRoles({ project: loadProject(root), today: '2026-06-01' })).map((d) => `${d.file}:${d.line} ${d.severity} ${d.code} ${d.message.slice(0, d.message.indexOf(':'))}`);

describe('role/unused', () => {
  it('names a role nothing uses at its line of roles.yaml, and none that a module or a course names', async () => {
    const root = copy('training/base', 'training', (file) => {
      addRole(file, 'trainer', 'Trainer');
      addRole(file, 'coordinator', 'Training coordinator');
      addRole(file, 'cashier', 'Cashier');
      replace(file('content/modules/intro.mdx'), 'audience:\n  - registrar\n', 'audience:\n  - registrar\n  - trainer\n');
      replace(file('content/courses/basics.yaml'), 'audience: [registrar]', 'audience: [registrar, coordinator]');
    });
    const line = readFileSync(join(root, 'content/roles.yaml'), 'utf8').split('\n').indexOf('- id: cashier') + 1;
    expect(await unused(root)).toEqual([`content/roles.yaml:${line} warning role/unused role "cashier" (Cashier) is used by no SOP, workflow, module or course`]);
  });

  it("counts a workflow state's meta.role as a use, even when the SOP does not declare the role", async () => {
    // The fixture's SOP declares informant; the workflow's "Returned for correction" is the informant's.
    const undeclared = copy('workflows/project', 'workflow-only', (file) => replace(file('content/sops/registration.mdx'), '  - informant\n', ''));
    expect(await unused(undeclared)).toEqual([]);
    // The same state given to the registrar leaves the informant with nothing to do.
    const none = copy('workflows/project', 'workflow-none', (file) => {
      replace(file('content/sops/registration.mdx'), '  - informant\n', '');
      replace(file('workflows/registration.machine.ts'), "title: 'Returned for correction', role: 'informant'", "title: 'Returned for correction', role: 'registrar'");
    });
    expect(await unused(none)).toEqual([expect.stringMatching(/^content\/roles\.yaml:7 warning role\/unused role "informant" /)]);
  });

  it("counts a dry run's roles as a use", async () => {
    const root = copy('check/base', 'dry-run', (file) => {
      addRole(file, 'cashier', 'Cashier');
      mkdirSync(file('content/dryruns'));
      writeFileSync(file('content/dryruns/alpha-2026.yaml'), 'sop: alpha\nroles:\n  - role: cashier\n    who: A clerk of the pilot office\n');
    });
    expect(await unused(root)).toEqual([]);
  });

  it('is silent when roles.yaml lists no role', async () => {
    const root = copy('check/base', 'no-roles', (file) => writeFileSync(file('content/roles.yaml'), '[]\n'));
    expect(await unused(root)).toEqual([]);
  });
});
