import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/lib/check/index.ts';

// Each folder under rules/ holds files laid over the clean base project and an expect.json with
// exactly the diagnostics that must come out: the rule fires, at the right place, and nothing else.
const fixtures = join(import.meta.dirname, '../../fixtures/check');
const base = join(fixtures, 'base');
const rulesDir = join(fixtures, 'rules');
const today = '2026-06-01';
// Inside the project (its cache folder), so a fixture's workflow machine resolves `import 'xstate'`.
const cache = join(import.meta.dirname, '../../../.sopkit-cache');
mkdirSync(cache, { recursive: true });
const temp = mkdtempSync(join(cache, 'check-rules-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface Expected {
  exit: number;
  diagnostics: { at: string; severity: string; code: string; message: string }[];
}

describe('sopkit check rules', () => {
  it('passes the clean base project with no diagnostics', async () => {
    const { diagnostics } = await runChecks(base, { today });
    expect(diagnostics).toEqual([]);
  });

  for (const name of readdirSync(rulesDir).sort()) {
    it(`${name}: reports exactly what expect.json says`, async () => {
      const root = join(temp, name);
      cpSync(base, root, { recursive: true });
      cpSync(join(rulesDir, name), root, { recursive: true });
      const expected = JSON.parse(readFileSync(join(rulesDir, name, 'expect.json'), 'utf8')) as Expected;
      const { diagnostics } = await runChecks(root, { today });
      const actual = diagnostics.map((d) => ({ at: `${d.file}:${d.line}:${d.column}`, severity: d.severity, code: d.code, message: d.message }));
      expect(actual).toEqual(expected.diagnostics);
      expect(diagnostics.some((d) => d.severity === 'error') ? 1 : 0).toBe(expected.exit);
    });
  }
});

describe('content/site.yaml missing', () => {
  // The build stops at once without it ("restore it"), where check passed the same project.
  it('is an error in a project the site is built from (astro.config.mjs beside content/), and nothing where only the CLI runs', async () => {
    const root = join(temp, 'site-missing');
    cpSync(base, root, { recursive: true });
    rmSync(join(root, 'content/site.yaml'));
    expect((await runChecks(root, { today })).diagnostics).toEqual([]);
    writeFileSync(join(root, 'astro.config.mjs'), 'export default {};\n');
    const { diagnostics } = await runChecks(root, { today });
    expect(diagnostics.map((d) => [d.severity, d.code, d.file, d.message])).toEqual([
      ['error', 'site/missing', 'content/site.yaml', "content/site.yaml is missing, and the site cannot be built without it: the site's title, address, organisation and languages come from it; restore it (from the model pack, or git)"],
    ]);
  });
});
