import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { loadProject } from '../../../src/lib/content/project.ts';
import { loadDryRunModel } from '../../../src/lib/lifecycle/dryrun/model.ts';
import { resultColumns } from '../../../src/schemas/dryrun.ts';

// A workbook's step cell holding the number 6.1 may be a typed 6.10 that lost its last zero. It
// was compared with today's section numbers, while the observers typed those of the version the
// dry run tried: a 6.10 of that version (6.9 now) passed as 6.1 without a word, and a 6.10 added
// since (on no sheet) made a true 6.1 an error.
const fixtures = join(import.meta.dirname, '../../fixtures/check');
const cache = join(import.meta.dirname, '../../../.sopkit-cache');
const repos: string[] = [];
afterAll(() => {
  for (const repo of repos) rmSync(repo, { recursive: true, force: true });
});

/** Titles and texts of sections after 6.1, each its own words (sections are paired by them). */
const sections: [string, string][] = [
  ['Check the identity document', 'The clerk compares the photograph with the informant and notes the document number.'],
  ['Record the place of birth', 'The village, ward or facility is written as the informant names it, with its district.'],
  ['Confirm the parents', 'Each parent present signs; an absent parent is named from a marriage certificate.'],
  ['Take the fee', 'No fee within the legal period; a late declaration pays the amount on the notice board.'],
  ['Enter the register', 'The registrar writes the entry in ink, numbered in the order of the year.'],
  ['Sign the entry', 'Registrar and informant sign the entry; a thumbprint is taken from an informant who cannot sign.'],
  ['Copy to the district', 'A duplicate of each page goes to the district office at the end of the month.'],
  ['Issue the certificate', 'The informant receives a certificate, free of charge, on request.'],
];
const section = ([title, text]: [string, string]) => `### ${title}\n\n${text}\n\n`;
const extra = ['Photocopy the form', 'The clerk makes two photocopies of the form for the district.'] as [string, string];

/**
 * A project in a git repo: alpha 1.0.0 with 6.1 "Receive the declaration" and the sections given,
 * committed, then 1.1.0 with `now` instead; the workflow (as it is now) puts its registration at
 * `step`, and the dry run of 1.0.0 has an .xlsx results file whose step cell is the number 6.1.
 */
async function project(then: [string, string][], now: [string, string][], step: string): Promise<{ repo: string; results: string }> {
  mkdirSync(cache, { recursive: true });
  const repo = mkdtempSync(join(cache, 'dryrun-version-zero-lost-'));
  repos.push(repo);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
  const edit = (file: string, change: (text: string) => string) => writeFileSync(join(repo, file), change(readFileSync(join(repo, file), 'utf8')));
  cpSync(join(fixtures, 'base'), repo, { recursive: true });
  cpSync(join(fixtures, 'rules/dryrun-implausible-minutes'), repo, { recursive: true, filter: (f) => !f.endsWith('expect.json') });
  const procedure = (list: [string, string][]) => (t: string) => t.replace(/(## Procedure\n\n### Receive the declaration\n[\s\S]*?)## Records and retention/, `$1${list.map(section).join('')}## Records and retention`);
  edit('content/sops/alpha.mdx', procedure(then));
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'alpha 1.0.0 and its dry run');
  edit('content/sops/alpha.mdx', (t) =>
    procedure(now)(t.replace(/(## Procedure\n\n### Receive the declaration\n[\s\S]*?)(### [\s\S]*?)## Records and retention/, '$1## Records and retention'))
      .replace('version: 1.0.0', 'version: 1.1.0')
      .replace('history:\n', 'history:\n  - version: 1.1.0\n    date: 2026-03-01\n    summary: Sections changed.\n'),
  );
  edit('workflows/alpha.machine.ts', (t) => t.replace("meta: { step: '6.1', title: 'Register the event'", `meta: { step: '${step}', title: 'Register the event'`));
  git('commit', '-q', '-am', 'alpha 1.1.0');
  const cell = (v: string | number) => (typeof v === 'number' ? { value: v, type: Number } : { value: v, type: String });
  const rows: (string | number)[][] = [['complete', 'north', 6.1, 'yes', 12, '', '', '']];
  const results = join(repo, 'results.xlsx');
  writeFileSync(results, new Uint8Array(await writeXlsxFile([{ data: [resultColumns.map((c) => cell(c)), ...rows.map((r) => r.map(cell))] }]).toBuffer()));
  return { repo, results };
}

const numbers = (repo: string) => loadProject(repo).sops.find((s) => s.id === 'alpha')!.sections.filter((s) => s.number.startsWith('6.')).map((s) => `${s.number} ${s.title}`);

describe('a step the workbook holds as 6.1, checked against the numbers of the version tried', () => {
  it("1.0.0 had a 6.10 the case takes (6.9 now, a section before it removed): an error naming 1.0.0's 6.10", async () => {
    const { repo, results } = await project([extra, ...sections.slice(0, 8)], sections.slice(0, 8), '6.9');
    expect(numbers(repo).at(-1)).toBe('6.9 Issue the certificate');
    const error = await loadDryRunModel(loadProject(repo), 'alpha-dry-run', { results }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/row 2, column C \(step\): step 6\.1 is a number in this workbook, not text, and a spreadsheet reads 6\.10 as 6\.1: this row may be step 6\.10 \(6\.9 now\) of case "complete", as the sheets of version 1\.0\.0 numbered it/);
  }, 60_000);

  it('1.0.0 had no 6.10 and the case takes the 6.10 added since (6.9 then): 6.1 is read as 6.1', async () => {
    const { repo, results } = await project(sections.slice(0, 8), [extra, ...sections.slice(0, 8)], '6.10');
    expect(numbers(repo).at(-1)).toBe('6.10 Issue the certificate');
    const model = await loadDryRunModel(loadProject(repo), 'alpha-dry-run', { results });
    expect(model.results!.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(model.results!.rows.map((r) => r.step)).toEqual(['6.1']);
  }, 60_000);
});
