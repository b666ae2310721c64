import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './run.ts';

const base = join(import.meta.dirname, '../fixtures/check/base');
const temp = mkdtempSync(join(tmpdir(), 'sopkit-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function copyBase(name: string): string {
  const root = join(temp, name);
  cpSync(base, root, { recursive: true });
  return root;
}

describe('sopkit CLI', () => {
  it('lists the commands with --help', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/check\s+check SOPs/);
  });

  it('rejects an unknown command in one line', async () => {
    const r = await run('chek');
    expect(r.code).toBe(1);
    expect(r.err).toBe('sopkit: unknown command "chek". Commands: ' + r.err.split('Commands: ')[1]);
    expect(r.err.split('\n')).toHaveLength(1);
  });

  it('rejects an unknown option with a pointer to --help', async () => {
    const r = await run('check', '--jsno');
    expect(r.code).toBe(1);
    expect(r.err).toBe('sopkit check: unknown option --jsno (did you mean --json?); the options are --json, --today, --time-limit, --root, --help. Run `sopkit check --help`.');
    const longer = await run('score', '--output', 'results');
    expect(longer.err).toMatch(/^sopkit score: unknown option --output \(did you mean --out\?\); the options are --quiz, /);
    const far = await run('handbook', '-x');
    expect(far.err).toBe('sopkit handbook: unknown option -x; the options are --all, --edition, --paper, --lang, --out, --root, --help. Run `sopkit handbook --help`.');
  });

  it('names a misspelt or missing action of comments, dryrun and quiz, instead of the bare usage line', async () => {
    expect(await run('comments', 'chek', 'register.csv', '--root', base)).toMatchObject({ code: 1, err: 'sopkit comments: "chek" is not an action of sopkit comments (did you mean "check"?); it takes check: sopkit comments check <register.csv|register.xlsx...> (run `sopkit comments --help`)' });
    expect(await run('comments', 'check', '--root', base)).toMatchObject({ code: 1, err: expect.stringMatching(/^sopkit comments: name the registers to check: /) });
    expect(await run('dryrun', 'repot', 'x', '--root', base)).toMatchObject({ code: 1, err: expect.stringMatching(/^sopkit dryrun: "repot" is not an action of sopkit dryrun \(did you mean "report"\?\); it takes plan or report: /) });
    expect(await run('quiz', '--root', base)).toMatchObject({ code: 1, err: expect.stringMatching(/^sopkit quiz: say what to do \(export or import\): sopkit quiz export <id>, or sopkit quiz import <file\.gift>/) });
  });

  it('handbook prints an SOP named twice once', async () => {
    const out = join(temp, 'twice');
    const r = await run('handbook', 'alpha', 'beta', 'alpha', '--edition', 'participant', '--out', out, '--root', base);
    expect(r.code).toBe(0);
    const wrote = r.out.split('\n').filter((l) => l.startsWith('wrote '));
    expect(wrote).toHaveLength(2);
    expect(new Set(wrote.map((l) => l.split('  ')[0])).size).toBe(2);
    expect(r.err).toMatch(/^2 PDFs, /);
  });

  it('handbook --all also prints the country profile and the concordance, as the build does', async () => {
    const out = join(temp, 'all');
    const r = await run('handbook', '--all', '--edition', 'participant', '--out', out, '--root', base);
    expect(r.code).toBe(0);
    const wrote = r.out.split('\n').filter((l) => l.startsWith('wrote ')).map((l) => l.split('  ')[0]!.replace(`wrote ${out}/`, ''));
    expect(wrote).toEqual(['alpha.pdf', 'beta.pdf', 'sopkit-handbook.pdf', 'country-profile.pdf', 'concordance.pdf']);
    expect(readFileSync(join(out, 'country-profile.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('says which option lost its value when the next option follows it', async () => {
    // parseArgs said "Option '--quiz' argument is ambiguous.." for this.
    const r = await run('score', '--quiz', '--pre', 'pre.csv', '--post', 'post.csv');
    expect(r).toMatchObject({ code: 1, err: 'sopkit score: --quiz needs a value, but is followed by the option --pre; give the value after --quiz (a value that starts with "-" as --quiz=-value). Run `sopkit score --help`.' });
  });

  it('says which option lost its value when it ends the command line', async () => {
    // parseArgs said "Option '--quiz <value>' argument missing" for this.
    const r = await run('score', '--pre', 'pre.csv', '--post', 'post.csv', '--quiz');
    expect(r).toMatchObject({ code: 1, err: 'sopkit score: --quiz needs a value, and nothing follows it; give the value after --quiz. Run `sopkit score --help`.' });
    const today = await run('check', '--today');
    expect(today).toMatchObject({ code: 1, err: 'sopkit check: --today needs a value, and nothing follows it; give the value after --today. Run `sopkit check --help`.' });
  });

  it('refuses an option that takes one value given twice, instead of using the last', async () => {
    const r = await run('score', '--quiz', 'm1-pre', '--quiz', 'm2-pre', '--pre', 'pre.csv', '--post', 'post.csv', '--root', base);
    expect(r).toMatchObject({ code: 1, err: 'sopkit score: --quiz given twice ("m1-pre" and "m2-pre"); it takes one value: give it once. Run `sopkit score --help`.' });
    // The same value twice is harmless, and --root may be given before and after the command.
    const same = await run('--root', temp, 'check', '--today', '2026-06-01', '--today', '2026-06-01', '--root', base);
    expect(same.code).toBe(0);
  });

  it('refuses a --root that does not exist, is a file or is not a project, instead of passing "0 SOPs checked"', async () => {
    const missing = await run('check', '--root', join(temp, 'no-such-pack'));
    expect(missing).toMatchObject({ code: 1, err: `sopkit check: --root ${join(temp, 'no-such-pack')}: no such folder; give the project's folder (the one with content/, workflows/ and quizzes/)` });
    const file = await run('check', '--root', join(base, 'content/glossary.yaml'));
    expect(file).toMatchObject({ code: 1, err: expect.stringContaining('glossary.yaml is a file; give the project') });
    const { mkdirSync } = await import('node:fs');
    const downloads = join(temp, 'Downloads');
    mkdirSync(downloads);
    const elsewhere = await run('check', '--root', downloads, '--json');
    expect(elsewhere).toMatchObject({ code: 1, out: '', err: `sopkit check: ${downloads} is not a SOPKit project: it has no content/, workflows/ or quizzes/ folder; run sopkit in the project's folder, or give it with --root DIR` });
    // new and comments check said "content/roles.yaml has no roles" and "no SOP …; known: " there.
    for (const [command, args] of [['new', ['sop', 'marriage-registration']], ['new', ['translation', 'birth-registration', '--lang', 'fr']], ['comments', ['check', 'register.csv']]] as const) {
      const r = await run(command, ...args, '--root', downloads);
      expect(r, `${command} ${args.join(' ')}`).toMatchObject({ code: 1, out: '', err: `sopkit ${command}: ${downloads} is not a SOPKit project: it has no content/, workflows/ or quizzes/ folder; run sopkit in the project's folder, or give it with --root DIR` });
    }
  });

  it('says a folder is no project when a command run there finds no quiz, workflow, SOP or dry run of that name', async () => {
    const { mkdirSync } = await import('node:fs');
    const elsewhere = join(temp, 'Desktop');
    mkdirSync(elsewhere);
    const hint = `${elsewhere} is not a SOPKit project (it has no content/, workflows/ or quizzes/ folder); run sopkit in the project's folder, or give it with --root DIR`;
    for (const [args, lookup] of [
      [['score', '--quiz', 'birth-registration', '--responses', 'answers.csv'], 'no quiz "birth-registration" in quizzes/; known: none'],
      [['simulate', 'birth-registration'], 'no workflow "birth-registration" in workflows/; known: none'],
      [['handbook', 'birth-registration'], 'no SOP or module "birth-registration"; SOPs (content/sops/): none; modules (content/modules/): none'],
      [['dryrun', 'plan', 'birth-registration-2025'], 'no dry run "birth-registration-2025" in content/dryruns/; known: none'],
    ] as const) {
      const r = await run(...args, '--root', elsewhere);
      expect(r, args.join(' ')).toMatchObject({ code: 1, err: `sopkit ${args[0]}: ${lookup}: ${hint}` });
    }
    // In a project, "known: none" stays as it was.
    const empty = copyBase('no-dry-runs');
    const inProject = await run('dryrun', 'plan', 'x', '--root', empty);
    expect(inProject.err).toMatch(/; known: none$/);
  });

  it('booklet --all in a folder with no quiz says so, instead of "0 PDFs" and exit 0', async () => {
    const root = copyBase('no-quizzes');
    const r = await run('booklet', '--all', '--root', root, '--out', join(temp, 'booklets'));
    expect(r).toMatchObject({ code: 1, out: '', err: `sopkit booklet: no quiz in ${join(root, 'quizzes')}; run sopkit in the project's folder (or give it with --root DIR), or add a quiz: sopkit new quiz <id>` });
    expect(existsSync(join(temp, 'booklets'))).toBe(false);
  });

  it('refuses an option given an empty value (an unset variable), instead of writing into the project folder', async () => {
    const root = join(temp, 'empty-out');
    cpSync(join(import.meta.dirname, '../fixtures/assessment/project'), root, { recursive: true });
    const responses = join(import.meta.dirname, '../fixtures/assessment/responses');
    // As `--out "$RESULTS"` with RESULTS unset: scores.csv, items.csv and the reports went into the root.
    const r = await run('score', '--quiz', 'sample-registration', '--pre', join(responses, 'class-pre.csv'), '--post', join(responses, 'class-post.csv'), '--out', '', '--root', root);
    expect(r).toMatchObject({ code: 1, out: '', err: 'sopkit score: --out is empty; give it a value (a variable in the command line may be unset). Run `sopkit score --help`.' });
    expect(existsSync(join(root, 'scores.csv'))).toBe(false);
    expect((await run('diff', 'alpha', '--from=', '--root', root)).err).toBe('sopkit diff: --from is empty; give it a value (a variable in the command line may be unset). Run `sopkit diff --help`.');
  });

  it('diff warns when --from is the newer version (the comparison runs backwards), and not the right way round', async () => {
    const repo = join(import.meta.dirname, '../..');
    const dir = join(repo, 'tests/fixtures/lifecycle/diff/components');
    const backwards = await run('diff', 'fixture-registration', '--from', join(dir, 'after.mdx'), '--to', join(dir, 'before.mdx'), '--root', repo);
    expect(backwards.code).toBe(0);
    expect(backwards.err).toBe('warning: --from 1.0.0 is newer than --to 0.9.0, so the comparison runs backwards (what 1.0.0 added reads as removed); give the older version as --from: --from 0.9.0 --to 1.0.0');
    const forwards = await run('diff', 'fixture-registration', '--from', join(dir, 'before.mdx'), '--to', join(dir, 'after.mdx'), '--root', repo);
    expect(forwards).toMatchObject({ code: 0, err: '' });
  });

  it('check exits 0 on a clean project and prints a summary', async () => {
    const r = await run('check', '--root', base, '--today', '2026-06-01');
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/2 SOPs checked: 0 errors, 0 warnings/);
  });

  it('check --json prints diagnostics and counts; exits 1 on an error', async () => {
    const root = copyBase('json');
    const file = join(root, 'content/sops/alpha.mdx');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: approved', 'status: signed'));
    const r = await run('check', '--root', root, '--json', '--today', '2026-06-01');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { diagnostics: { file: string; line: number; code: string }[]; errors: number };
    expect(json.errors).toBe(1);
    expect(json.diagnostics[0]).toMatchObject({ file: 'content/sops/alpha.mdx', line: 7, code: 'sop/frontmatter' });
  });

  it('new sop writes a scaffold that passes check, and refuses to overwrite it', async () => {
    const root = copyBase('new');
    const created = await run('new', 'sop', 'marriage-registration', '--root', root);
    expect(created).toMatchObject({ code: 0, out: 'created content/sops/marriage-registration.mdx' });
    expect(existsSync(join(root, 'content/sops/marriage-registration.mdx'))).toBe(true);
    const checked = await run('check', '--root', root);
    expect(checked.code).toBe(0);
    expect(checked.out).toBe('');
    const again = await run('new', 'sop', 'marriage-registration', '--root', root);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists/);
  });

  it('new sop writes a scaffold that passes check for an id that begins with a digit (its form code begins with a letter)', async () => {
    const root = copyBase('new-digit');
    expect(await run('new', 'sop', '2026-births', '--root', root)).toMatchObject({ code: 0, out: 'created content/sops/2026-births.mdx' });
    const checked = await run('check', '--root', root);
    expect(checked).toMatchObject({ code: 0, out: '' });
    expect(readFileSync(join(root, 'content/sops/2026-births.mdx'), 'utf8')).toContain('- id: F2026-BIRTHS-01');
  });

  it('new sop refuses a bad id with advice', async () => {
    const r = await run('new', 'sop', 'Marriage Registration', '--root', copyBase('bad-id'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/not a valid id: use lower case letters, digits and hyphens/);
  });
});
