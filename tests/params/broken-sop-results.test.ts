import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../src/lib/check/index.ts';
import { copyModelPack, tempFolder } from './project.ts';

// The model pack with its birth registration SOP broken by one unclosed component: the trust
// audit found the one MDX error followed by 67 "step is not a section of the SOP" errors, one per
// row of the dry-run results typed against that SOP.
const parent = tempFolder('broken-sop-results-');
const root = join(parent, 'pack');
copyModelPack(root);
const sop = join(root, 'content/sops/birth-registration.mdx');
writeFileSync(sop, readFileSync(sop, 'utf8').replace(/\n## /, '\n<Callout type="note">\n\n## '));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('an SOP that does not parse, with dry-run results typed against it', () => {
  it('gives its MDX error, and no error per row of the results', async () => {
    const { diagnostics } = await runChecks(root, { today: '2026-06-01' });
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors.filter((d) => d.file === 'content/sops/birth-registration.mdx' && d.code.startsWith('mdx/')).length).toBeGreaterThan(0);
    expect(errors.filter((d) => d.code.startsWith('dryrun/'))).toEqual([]);
  });
});
