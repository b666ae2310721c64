import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import { loadDryRunModel } from '../../../src/lib/lifecycle/dryrun/model.ts';
import { limitMinutes } from '../../../src/lib/lifecycle/dryrun/time-limit.ts';

// A workflow whose states give no meta.sla, for an SOP whose <Step time="same day"> does: the
// report said "no timed step" at every site, though the SOP the offices tried prints its limits.
const fixtures = join(import.meta.dirname, '../../fixtures/check');
const cache = join(import.meta.dirname, '../../../.sopkit-cache');
const made: string[] = [];
const edit = (root: string, file: string, change: (text: string) => string) => writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8')));

/** The alpha fixture and its dry run, its workflow without time limits; `sopTime` false takes the SOP's away too. */
function project(sopTime: boolean): string {
  mkdirSync(cache, { recursive: true });
  const root = mkdtempSync(join(cache, 'dryrun-step-times-'));
  made.push(root);
  cpSync(join(fixtures, 'base'), root, { recursive: true });
  cpSync(join(fixtures, 'rules/dryrun-implausible-minutes'), root, { recursive: true, filter: (f) => !f.endsWith('expect.json') });
  writeFileSync(join(root, 'content/dryruns/alpha-dry-run.csv'), 'case,site,step,done,minutes,deviation,issue,proposal\ncomplete,north,6.1,yes,12,,,\ncomplete,north,6.1,yes,600,,,\ncomplete,south,6.1,partly,25,,,\n');
  edit(root, 'workflows/alpha.machine.ts', (t) => t.replace(/, sla: '[^']*'/g, ''));
  if (!sopTime) edit(root, 'content/sops/alpha.mdx', (t) => t.replace(' time="same day"', ''));
  return root;
}
let withTime = '';
let without = '';
beforeAll(() => {
  withTime = project(true);
  without = project(false);
});
afterAll(() => {
  for (const root of made) rmSync(root, { recursive: true, force: true });
});

const report = async (root: string) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['dryrun', 'report', 'alpha-dry-run', '--root', root, '--out', join(root, 'report-out')], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out, err };
};

describe("a workflow without time limits: the SOP's <Step time> is the limit", () => {
  it('the steps take the time of their section\'s <Step>, said to come from the SOP', async () => {
    const m = await loadDryRunModel(loadProject(withTime), 'alpha-dry-run');
    const steps = m.cases.flatMap((c) => c.steps);
    expect(steps.length).toBeGreaterThan(0);
    const sop = readFileSync(join(withTime, 'content/sops/alpha.mdx'), 'utf8');
    const time = /<Step [^>]*time="([^"]+)"/.exec(sop)![1]!;
    for (const s of steps) expect(s).toMatchObject({ step: '6.1', sla: time, slaFrom: 'sop' });
    // Every row with minutes is compared with that limit.
    const limit = limitMinutes(time, m.data.workingDay)!;
    const timed = m.results!.rows.filter((r) => r.minutes !== undefined);
    expect(m.stats!.sites.reduce((n, s) => n + s.timed, 0)).toBe(timed.length);
    expect(m.stats!.sites.reduce((n, s) => n + s.over, 0)).toBe(timed.filter((r) => r.minutes! > limit).length);
  });

  it('the summary counts the timed steps over the limit, not "no timed step"', async () => {
    const { code, out } = await report(withTime);
    expect(code).toBe(0);
    const sites = out.filter((l) => /^  (North|South) office:/.test(l));
    expect(sites).toHaveLength(2);
    for (const l of sites) expect(l).toMatch(/\d+ of \d+ timed steps over the limit/);
  });

  it('with no limit in the SOP either, the summary says where to write one', async () => {
    const { code, out } = await report(without);
    expect(code).toBe(0);
    const north = out.find((l) => l.startsWith('  North office:'))!;
    expect(north).toContain('no timed step (its steps have no time limit in minutes: write one on each section\'s <Step time="..."> in content/sops/alpha.mdx, or as meta.sla on its states in workflows/alpha.machine.ts');
  });
});
