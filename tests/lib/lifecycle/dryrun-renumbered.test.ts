import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/lib/check/index.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import { loadDryRunModel } from '../../../src/lib/lifecycle/dryrun/model.ts';
import { main } from '../../../src/cli/main.ts';

// A dry run of alpha 1.0.0, its results typed from the sheets of 1.0.0 ("Receive the declaration"
// is 6.1); then alpha 1.1.0 inserts a section before it, which becomes 6.2, and its workflow
// follows. The results are read with 1.0.0's numbers and filed under 6.2, not under the new 6.1.
const fixtures = join(import.meta.dirname, '../../fixtures/check');
const cache = join(import.meta.dirname, '../../../.sopkit-cache');
let repo = '';
const gitIn = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
const edit = (file: string, change: (text: string) => string) => writeFileSync(join(repo, file), change(readFileSync(join(repo, file), 'utf8')));

beforeAll(() => {
  mkdirSync(cache, { recursive: true });
  repo = mkdtempSync(join(cache, 'dryrun-renumbered-'));
  cpSync(join(fixtures, 'base'), repo, { recursive: true });
  cpSync(join(fixtures, 'rules/dryrun-implausible-minutes'), repo, { recursive: true, filter: (f) => !f.endsWith('expect.json') });
  writeFileSync(join(repo, 'content/dryruns/alpha-dry-run.csv'), 'case,site,step,done,minutes,deviation,issue,proposal\ncomplete,north,6.1,yes,12,,,\ncomplete,south,6.1,partly,25,Scanner offline,Scanner unreliable,Allow a manual check\n');
  gitIn('init', '-q');
  gitIn('add', '-A');
  gitIn('commit', '-q', '-m', 'alpha 1.0.0 and its dry run');
  edit('content/sops/alpha.mdx', (t) =>
    t.replace('version: 1.0.0', 'version: 1.1.0')
      .replace('history:\n', 'history:\n  - version: 1.1.0\n    date: 2026-03-01\n    summary: A check of the register before the declaration.\n')
      .replace('### Receive the declaration', '### Check the register first\n\nThe registrar searches the register for an earlier entry.\n\n### Receive the declaration'),
  );
  edit('workflows/alpha.machine.ts', (t) => t.replaceAll("step: '6.1'", "step: '6.2'"));
  gitIn('commit', '-q', '-am', 'alpha 1.1.0');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('the results of a dry run of a version whose sections were renumbered since', () => {
  it('are read with the numbers of the version tried, and check says so once', async () => {
    const { diagnostics } = await runChecks(repo, { today: '2026-06-01' });
    // (Its results give one row of a step the case takes twice: dryrun/rows-missing, tested on its own.)
    const dryrun = diagnostics.filter((d) => d.code.startsWith('dryrun/') && d.code !== 'dryrun/rows-missing').map((d) => `${d.file} ${d.code} ${d.message}`);
    expect(dryrun).toEqual([
      'content/dryruns/alpha-dry-run.yaml dryrun/renumbered alpha renumbered its sections since version 1.0.0, which this dry run tried (6.1 "Receive the declaration" is now 6.2): content/dryruns/alpha-dry-run.csv is read with the numbers of 1.0.0, as its observation sheets printed them, and its report files each observation under the section it is now; sheets printed now carry the new numbers',
    ]);
  });

  it('a site with no observation is "not observed" in the summary, not "0 % done completely"', async () => {
    const results = join(repo, 'north-only.csv');
    writeFileSync(results, 'case,site,step,done,minutes,deviation,issue,proposal\ncomplete,north,6.1,yes,12,,,\ncomplete,north,6.1,yes,,,,\n');
    const out: string[] = [];
    const code = await main(['dryrun', 'report', 'alpha-dry-run', '--root', repo, '--results', results, '--out', join(repo, 'report-out')], { out: (t) => out.push(t), err: () => {} });
    expect(code).toBe(0);
    const lines = out.join('\n').split('\n');
    expect(lines[0]).toBe('Dry run of alpha registration (alpha-dry-run): SOP-FX-01 v1.0.0, 2 observations, 100% done completely');
    expect(lines).toContain('  North office: 1 case, 2 steps, 100% done completely, 0 of 1 timed steps over the limit');
    expect(lines).toContain('  South office: not observed (no row of the results is from this site)');
  });

  it('are filed in the report under the section observed, with its deviation', async () => {
    const model = await loadDryRunModel(loadProject(repo), 'alpha-dry-run');
    expect(model.results?.rows.map((r) => `${r.site} ${r.step} ${r.deviation}`)).toEqual(['north 6.2 ', 'south 6.2 Scanner offline']);
    expect(model.stats?.steps.map((s) => s.step)).toEqual(['6.2']);
  });
});
