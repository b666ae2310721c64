import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/lib/check/index.ts';
import type { Diagnostic } from '../../../src/lib/diagnostics.ts';

// Each folder under rules/ holds files laid over the base project (a module, a course, a quiz and
// a workflow with scenarios) and an expect.json with exactly the diagnostics the change adds: the
// rule fires, at the right place, and nothing else does. The copies live inside the repository
// so the workflow file resolves xstate.
const fixtures = join(import.meta.dirname, '../../fixtures/training');
const base = join(fixtures, 'base');
const rulesDir = join(fixtures, 'rules');
const today = '2026-06-01';
const temp = resolve('.sopkit-cache/test-training-rules');
const key = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`;
let baseline: Set<string>;

beforeAll(async () => {
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  baseline = new Set((await runChecks(base, { today })).diagnostics.map(key));
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface Expected {
  exit: number;
  diagnostics: { at: string; severity: string; code: string; message: string }[];
}

describe('sopkit check: training rules', () => {
  it('finds nothing to say about the base module and course', async () => {
    const { diagnostics } = await runChecks(base, { today });
    expect(diagnostics.filter((d) => /^(module|course|case-study|slide|handout|job-aid|mdx|evaluation)\//.test(d.code))).toEqual([]);
  });

  for (const name of readdirSync(rulesDir).sort()) {
    it(`${name}: reports exactly what expect.json says`, async () => {
      const root = join(temp, name);
      cpSync(base, root, { recursive: true });
      cpSync(join(rulesDir, name), root, { recursive: true });
      const expected = JSON.parse(readFileSync(join(rulesDir, name, 'expect.json'), 'utf8')) as Expected;
      const added = (await runChecks(root, { today })).diagnostics.filter((d) => !baseline.has(key(d)));
      expect(added.map((d) => ({ at: `${d.file}:${d.line}:${d.column}`, severity: d.severity, code: d.code, message: d.message }))).toEqual(expected.diagnostics);
      expect(added.some((d) => d.severity === 'error') ? 1 : 0).toBe(expected.exit);
    });
  }
});
