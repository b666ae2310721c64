import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/lib/content/project.ts';
import { reviewCopyLineCounts } from '../../src/lib/lifecycle/review-copy.ts';
import { run } from './run.ts';

const root = join(import.meta.dirname, '../fixtures/lifecycle/project');
const registers = join(import.meta.dirname, '../fixtures/lifecycle/registers');
const temp = mkdtempSync(join(tmpdir(), 'sopkit-cli-lifecycle-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('sopkit comments check', () => {
  it('prints every bad row as path:row:col with the column header, and exits 1', async () => {
    const r = await run('comments', 'check', '--root', root, join(registers, 'broken.csv'));
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines).toHaveLength(15);
    expect(lines).toContain(`${join(registers, 'broken.csv')}:4:4  error  register/unknown-section  row 4, column "section": alpha 0.2.0 has no section 12 (its sections run 1 to 11; see the review copy)`);
    // Every row counted: 13 of its 16 rows have errors (it read "3 comments").
    expect(r.err).toBe('1 register, 16 comments (13 with errors, left out; of the others 2 open, 1 decided): 13 errors, 2 warnings');
  });

  it('counts one comment in the singular', async () => {
    const r = await run('comments', 'check', '--root', root, join(registers, 'iso-headers.csv'));
    expect(r).toMatchObject({ code: 0, err: '1 register, 1 comment (0 open, 1 decided): 0 errors, 0 warnings' });
  });

  it('exits 0 on a register with no error, and prints JSON with --json', async () => {
    const r = await run('comments', 'check', '--root', root, '--json', join(root, 'content/consultations/review-2025-11-comments.csv'));
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { comments: unknown[]; errors: number };
    expect(json.comments).toHaveLength(5);
    expect(json.errors).toBe(0);
  });

  it('refuses a line number past the end of the review copy of the version commented on', async () => {
    // Row 3: 573 typed for 57. Row 4 comments on an older version, whose review copy is not laid out again.
    const file = join(registers, 'line-past-end.csv');
    const r = await run('comments', 'check', '--root', root, file);
    expect(r.code).toBe(1);
    const error = r.out.split('\n').filter((l) => l.includes('  error  '));
    expect(error).toEqual([expect.stringMatching(/:3:6  error  register\/line-beyond  row 3, column "line": line 573 is past the end of the review copy of alpha 0\.2\.0, whose text has \d+ lines.*; write the number from the review copy's margin \(the left one; the right one in an Arabic copy\), or leave it empty$/)]);
    expect(error[0]!.startsWith(`${file}:3:6`)).toBe(true);
  });

  it("takes the review copy's last line, and refuses the one after it", async () => {
    const project = loadProject(root);
    const { a4, letter } = await reviewCopyLineCounts(project, 'alpha', ['a4', 'letter'] as const);
    const last = Math.max(a4, letter);
    const file = join(temp, 'edge.csv');
    writeFileSync(file, `commenter,sop,version,section,line,type,comment\n[Registry],alpha,0.2.0,6.2,${last},editorial,Last line.\n[Registry],alpha,0.2.0,6.2,${last + 1},editorial,One past it.\n`);
    const r = await run('comments', 'check', '--root', root, file);
    expect(r.out.split('\n')).toEqual([expect.stringContaining(`:3:5  error  register/line-beyond  row 3, column "line": line ${last + 1} is past the end`)]);
  });

  it('names a missing file, or the usage, in one line', async () => {
    const missing = await run('comments', 'check', '--root', root, 'nope.csv');
    // Read from --root, not the working folder: the message says where it looked.
    expect(missing).toMatchObject({ code: 1, err: `sopkit comments: nope.csv: no such file (looked for ${join(root, 'nope.csv')}: a relative path is read from the --root folder)` });
    const usage = await run('comments', '--root', root);
    expect(usage.code).toBe(1);
    expect(usage.err.split('\n')).toHaveLength(1);
  });
});

describe('sopkit review-copy', () => {
  it('writes the review copy and the register templates', async () => {
    const r = await run('review-copy', 'alpha', '--root', root, '--out', temp);
    expect(r.code).toBe(0);
    for (const f of ['alpha-review-copy.pdf', 'alpha-comment-register.csv', 'alpha-comment-register.xlsx']) expect(existsSync(join(temp, f))).toBe(true);
    expect(r.out).toMatch(/alpha-review-copy\.pdf {2}\(\d+ pages/);
    // The registers are files, not PDFs of 0 pages.
    expect(r.out).toMatch(/alpha-comment-register\.csv {2}\(\d+ kB\)$/m);
    // Section titles in French or Arabic show as written in Excel only with the byte order mark.
    expect(readFileSync(join(temp, 'alpha-comment-register.csv'), 'utf8')).toMatch(/^\uFEFFcommenter,sop,/);
    expect(r.err).toMatch(/^1 PDF, \d+ pages and 2 other files in [\d.]+ s$/);
  });

  it('lists the errors of an SOP whose frontmatter does not validate, rather than only "run sopkit check"', async () => {
    const copy = join(temp, 'invalid-project');
    cpSync(root, copy, { recursive: true });
    const file = join(copy, 'content/sops/alpha.mdx');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('    date: 2025-11-01');
    writeFileSync(file, text.replace('    date: 2025-11-01', '    date: 01/11/2025'));
    const r = await run('review-copy', 'alpha', '--root', copy, '--out', join(temp, 'invalid-out'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^sopkit review-copy: nothing printed: `sopkit check` reports 1 error in SOP alpha/);
    expect(r.err).toMatch(/\n {2}content\/sops\/alpha\.mdx:\d+:\d+ {2}error {2}sop\/frontmatter {2}history\[0\]\.date: found "01\/11\/2025"; expected a date written YYYY-MM-DD/);
  });

  it('refuses an unknown SOP in one line', async () => {
    const r = await run('review-copy', 'omega', '--root', root, '--out', temp);
    expect(r).toMatchObject({ code: 1, err: 'sopkit review-copy: no SOP "omega" in content/sops/; known: alpha' });
  });
});
