import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { loadDryRunModel } from '../../../src/lib/lifecycle/dryrun/model.ts';

// A dry run of alpha 1.0.0, whose procedure was 6.1 "Receive the declaration", 6.2 "Photocopy the
// form" and 6.3 "Register the event". Then 1.1.0 removes 6.2, so "Register the event" is 6.2 now,
// and adds 6.3 "Archive the file" and 6.4 "Issue the certificate". Results typed from the sheets
// of 1.0.0 are checked against 1.0.0's numbers: its 6.2 was the removed section, not today's 6.2
// (it was filed under "Register the event" without a word), and 6.4 was no step of 1.0.0 (it
// passed, as today's SOP has one).
const fixtures = join(import.meta.dirname, '../../fixtures/check');
const cache = join(import.meta.dirname, '../../../.sopkit-cache');
let repo = '';
const gitIn = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
const edit = (file: string, change: (text: string) => string) => writeFileSync(join(repo, file), change(readFileSync(join(repo, file), 'utf8')));
const texts: Record<string, string> = {
  'Photocopy the form': 'The clerk makes two photocopies of the form for the district.',
  'Register the event': 'The registrar enters the event in the register and signs the entry.',
  'Archive the file': 'Papers go into a fireproof cabinet, filed by year and entry number.',
  'Issue the certificate': 'The informant receives a certificate, free of charge, on request.',
};
const section = (title: string) => `### ${title}\n\n${texts[title]}\n\n`;
const header = 'case,site,step,done,minutes,deviation,issue,proposal\n';

beforeAll(() => {
  mkdirSync(cache, { recursive: true });
  repo = mkdtempSync(join(cache, 'dryrun-version-numbers-'));
  cpSync(join(fixtures, 'base'), repo, { recursive: true });
  cpSync(join(fixtures, 'rules/dryrun-implausible-minutes'), repo, { recursive: true, filter: (f) => !f.endsWith('expect.json') });
  writeFileSync(join(repo, 'content/dryruns/alpha-dry-run.csv'), `${header}complete,north,6.1,yes,12,,,\n`);
  edit('content/sops/alpha.mdx', (t) => t.replace('## Records and retention', `${section('Photocopy the form')}${section('Register the event')}## Records and retention`));
  gitIn('init', '-q');
  gitIn('add', '-A');
  gitIn('commit', '-q', '-m', 'alpha 1.0.0 and its dry run');
  edit('content/sops/alpha.mdx', (t) =>
    t.replace('version: 1.0.0', 'version: 1.1.0')
      .replace('history:\n', 'history:\n  - version: 1.1.0\n    date: 2026-03-01\n    summary: No photocopy; the file is archived and a certificate issued.\n')
      .replace(section('Photocopy the form'), '')
      .replace('## Records and retention', `${section('Archive the file')}${section('Issue the certificate')}## Records and retention`),
  );
  gitIn('commit', '-q', '-am', 'alpha 1.1.0');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const modelWith = (rows: string) => {
  const file = join(repo, `results-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, header + rows);
  return loadDryRunModel(loadProject(repo), 'alpha-dry-run', { results: file });
};

describe('the step numbers of a dry run are those of the version it tried', () => {
  it('the SOP now has 6.1 to 6.4, and 1.0.0 had 6.1 to 6.3 (the setting of the tests below)', () => {
    const sop = loadProject(repo).sops.find((s) => s.id === 'alpha')!;
    expect(sop.sections.filter((s) => s.number.startsWith('6.')).map((s) => `${s.number} ${s.title}`)).toEqual(['6.1 Receive the declaration', '6.2 Register the event', '6.3 Archive the file', '6.4 Issue the certificate']);
  });

  it("1.0.0's 6.3 is filed under the section it is now", async () => {
    const m = await modelWith('complete,north,6.1,yes,12,,,\ncomplete,north,6.3,yes,20,Registered at once,,\n');
    expect(m.results!.rows.map((r) => r.step)).toEqual(['6.1', '6.2']);
  });

  it('a section removed since is an error at its row naming it, not filed under the section that took its number', async () => {
    const error = await modelWith('complete,north,6.2,yes,5,Photocopied,,\n').catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/row 2, column C \(step\): step 6\.2 was "Photocopy the form" in version 1\.0\.0, which this dry run tried, and the SOP has removed it since/);
    expect((error as Error).message).toContain('write other under step');
  });

  it('a number the version tried did not have is an error, though the SOP has it now', async () => {
    const error = await modelWith('complete,north,6.1,yes,12,,,\ncomplete,south,6.4,yes,5,Certificate issued,,\n').catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/row 3, column C \(step\): step "6\.4" is not a section of version 1\.0\.0 of the SOP, which this dry run tried/);
  });
});
