import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../src/lib/check/index.ts';
import { loadProject } from '../../src/lib/content/project.ts';
import { projectAssumptions } from '../../src/lib/params/assumptions.ts';
import { copyModelPack, setParameter, tempFolder } from './project.ts';

// The data-quality audit's worked examples count 67 records drawn at random, two thirds of the
// model's sample of 100, and its trainer note says "not 12% of 100". A country that samples 150
// records an office kept them silently: an SOP had no way to say what its examples were written
// for, so `sopkit check` could not stop at them as it does at a module's or a quiz item's.
const parent = tempFolder('sop-assumes-');
const root = join(parent, 'pack');
copyModelPack(root);
setParameter(root, 'audit-sample-size', 150);
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe("an SOP's assumes lines", () => {
  it('are read from SOP frontmatter, with the SOP as their holder', () => {
    const sop = projectAssumptions(loadProject(root)).filter((a) => a.kind === 'sop');
    const line = readFileSync(join(root, 'content/sops/data-quality-audit.mdx'), 'utf8').split('\n').findIndex((l) => l.includes('- "audit-sample-size = 100')) + 1;
    expect(line).toBeGreaterThan(1);
    expect(sop.map((a) => `${a.doc} ${a.file} ${a.at.line}`)).toContain(`data-quality-audit content/sops/data-quality-audit.mdx ${line}`);
  });

  it("stop the check when the country's sample size breaks the audit's worked examples", async () => {
    const { diagnostics } = await runChecks(root, { today: '2026-06-01' });
    const broken = diagnostics.filter((d) => d.file === 'content/sops/data-quality-audit.mdx' && d.code === 'params/assumption');
    expect(broken).toHaveLength(1);
    expect(broken[0]!.severity).toBe('error');
    expect(broken[0]!.message).toMatch(/^SOP data-quality-audit assumes audit-sample-size = 100 \(".*67 records drawn at random.*"\), but content\/parameters\.yaml sets 150 records \(the model value: 100 records\); /);
    expect(broken[0]!.message).toContain('rewrite the examples for the country');
  });
});
