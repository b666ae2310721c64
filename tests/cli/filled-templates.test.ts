import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './run.ts';

// Reviewers return the comment register, and a dry-run team its results, under the template's
// own name; printing the review copy or the plan again into that folder replaced them with the
// blank template and said it had written it.
describe('templates never written over the filled files returned under their names', () => {
  it('sopkit review-copy refuses a folder whose register holds comments, writes nothing, and rewrites a blank one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sopkit-register-'));
    expect((await run('review-copy', 'birth-registration', '--out', dir)).code).toBe(0);
    const register = join(dir, 'birth-registration-comment-register.csv');
    // Printed again over its own blank templates: fine.
    expect((await run('review-copy', 'birth-registration', '--out', dir)).code).toBe(0);
    copyFileSync('content/consultations/draft-review-2024-12-comments.csv', register);
    const returned = readFileSync(register, 'utf8');
    const pdf = join(dir, 'birth-registration-review-copy.pdf');
    const printed = statSync(pdf).mtimeMs;
    const { code, err } = await run('review-copy', 'birth-registration', '--out', dir);
    expect(code).toBe(1);
    expect(err).toMatch(new RegExp(`^sopkit review-copy: ${register.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} holds \\d+ comments \\(row 2 and more\\): it is a returned register, not the blank template; move it .*nothing was written$`));
    expect(readFileSync(register, 'utf8')).toBe(returned);
    expect(statSync(pdf).mtimeMs).toBe(printed);
  });

  it('sopkit dryrun plan refuses a folder whose results template holds results, writes nothing, and rewrites a blank one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sopkit-results-'));
    expect((await run('dryrun', 'plan', 'birth-registration-2025', '--out', dir)).code).toBe(0);
    expect((await run('dryrun', 'plan', 'birth-registration-2025', '--out', dir)).code).toBe(0);
    const template = join(dir, 'birth-registration-2025-results-template.csv');
    copyFileSync('content/dryruns/results/birth-registration-2025.csv', template);
    const results = readFileSync(template, 'utf8');
    const before = readdirSync(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs]);
    const { code, err } = await run('dryrun', 'plan', 'birth-registration-2025', '--out', dir);
    expect(code).toBe(1);
    expect(err.split('\n').at(-1)).toMatch(/^sopkit dryrun: .*birth-registration-2025-results-template\.csv holds \d+ filled-in rows of results: it is the team's results file, not the blank template; move it .*nothing was written$/);
    expect(readFileSync(template, 'utf8')).toBe(results);
    expect(readdirSync(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs])).toEqual(before);
  });

  it('sopkit dryrun plan writes the results template when the record names a results file not written yet (it refused, and told the user to run the plan)', async () => {
    const root = mkdtempSync(join(process.cwd(), '.sopkit-cache', 'plan-no-results-'));
    try {
      cpSync('tests/fixtures/check/base', root, { recursive: true });
      cpSync('tests/fixtures/check/rules/dryrun-no-observations', root, { recursive: true });
      rmSync(join(root, 'content/dryruns/alpha-dry-run.csv'));
      rmSync(join(root, 'expect.json'));
      const out = join(root, 'print');
      const { code, err } = await run('dryrun', 'plan', 'alpha-dry-run', '--root', root, '--out', out);
      expect(err).not.toMatch(/does not exist/);
      expect(code).toBe(0);
      expect(existsSync(join(out, 'alpha-dry-run-results-template.csv'))).toBe(true);
      // The report still needs the results, and says so.
      const report = await run('dryrun', 'report', 'alpha-dry-run', '--root', root, '--out', join(root, 'report'));
      expect(report.code).toBe(1);
      expect(report.err).toMatch(/alpha-dry-run\.csv does not exist/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
