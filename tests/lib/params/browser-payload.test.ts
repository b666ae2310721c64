/**
 * The browser bundle carries the parameters the workflow files name, not all of them: every value
 * with its text in three languages weighed 2.9 kB gzipped on each SOP page.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runtimePayloadFor } from '../../../src/lib/params/payload.ts';
import { browserPayload, workflowParamIds } from '../../../src/lib/params/vite-plugin.ts';

function files(sources: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'sopkit-params-'));
  mkdirSync(join(dir, 'lib'));
  return Object.entries(sources).map(([name, text]) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  });
}

describe('the parameters the browser gets', () => {
  it('are those the machines name, in any of the three readers and in a helper file', () => {
    const ids = workflowParamIds(files({
      'a.machine.ts': "const LATE = param('birth-registration-period');\nconst t = paramText( \"appeal-period\" , 'fr');",
      'lib/shared.ts': 'export const wait = paramMs(`death-grace-period`);\nexport const limit = paramDays("death-registration-period");',
    }));
    expect([...ids!].sort()).toEqual(['appeal-period', 'birth-registration-period', 'death-grace-period', 'death-registration-period']);
  });

  it('are all of them when an id is computed, which the source cannot tell', () => {
    expect(workflowParamIds(files({ 'a.machine.ts': "param('appeal-period');\nconst id = 'x';\nparam(id);" }))).toBeUndefined();
    expect(workflowParamIds(files({ 'a.machine.ts': 'paramText(`${kind}-period`);' }))).toBeUndefined();
  });

  it('in the sample pack: each value a machine reads, and fewer than the pack sets', () => {
    const dir = resolve('workflows');
    const scripts = readdirSync(dir).filter((n) => n.endsWith('.ts')).map((n) => join(dir, n));
    const ids = workflowParamIds(scripts)!;
    expect(ids.has('birth-registration-period')).toBe(true);
    const all = runtimePayloadFor(process.cwd());
    const sent = browserPayload(all, ids);
    expect(Object.keys(sent.values).sort()).toEqual([...ids].sort());
    expect(sent.values['appeal-period']).toEqual(all.values['appeal-period']);
    expect(Object.keys(sent.values).length).toBeLessThan(Object.keys(all.values).length);
    expect(browserPayload(all, undefined)).toBe(all);
  });
});
