import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/lib/diagnostics.ts';
import { copyModelPack, copyProject } from '../params/project.ts';
import { repo, runSopkit } from './spawn.ts';

// Content written to hang or fool `sopkit check`: each folder under hostile/ holds files laid over
// the clean base project, and an expect.json with the arguments, the exit code and exactly the
// lines the user sees on stdout. Run as a user runs it (`node bin/sopkit.mjs`), in a process of
// its own: a hang would hang the test, stray output would break the JSON.
const fixtures = join(repo, 'tests/fixtures/check');
/** A dry run of the parameters fixture's SOP, planned (a model example, as the pack's are). */
const DRY_RUN_PLAN = `sop: registration
version: 1.0.0
title: Dry run of the registration fixture in one office
example: true
objectives:
  - Check that late declarations go to the supervisor.
sites:
  - id: office
    name: "[Fixture office]"
    type: district office
dates:
  start: 2026-03-02
  end: 2026-03-06
observers:
  - name: "[Name], inspector"
    organisation: "[Fixture authority]"
    site: office
roles:
  - role: registrar
    who: "[Name]"
  - role: registration-supervisor
    who: "[Name]"
cases:
  - on-time
  - late-approved
`;
const hostile = join(fixtures, 'hostile');
const temp = mkdtempSync(join(tmpdir(), 'sopkit-hostile-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface Expected {
  /** Extra arguments after `check --root <project> --today 2026-06-01`. */
  args?: string[];
  exit: number;
  /** Every line of stdout (with --json: every diagnostic, formatted). */
  stdout: string[];
  /** Text that must appear on stderr (what content code printed). */
  stderrIncludes?: string[];
}

function project(name: string): string {
  const root = join(temp, name);
  cpSync(join(fixtures, 'base'), root, { recursive: true });
  cpSync(join(hostile, name), root, { recursive: true });
  // Workflow files import xstate and use top-level await: give them the repository's packages.
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'));
  cpSync(join(repo, 'package.json'), join(root, 'package.json'));
  return root;
}

describe('sopkit check on hostile content', () => {
  for (const name of readdirSync(hostile).sort()) {
    it(`${name}: exits as expect.json says, one line per problem, no stack`, async () => {
      const expected = JSON.parse(readFileSync(join(hostile, name, 'expect.json'), 'utf8')) as Expected;
      const root = project(name);
      const args = expected.args ?? [];
      const result = await runSopkit(['check', '--root', root, '--today', '2026-06-01', ...args]);
      const lines = args.includes('--json')
        ? (JSON.parse(result.stdout) as { diagnostics: Diagnostic[] }).diagnostics.map(formatDiagnostic)
        : result.stdout.split('\n').filter(Boolean);
      expect(lines).toEqual(expected.stdout);
      expect(result.status).toBe(expected.exit);
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
      for (const text of expected.stderrIncludes ?? []) expect(result.stderr).toContain(text);
    });
  }
});

describe('sopkit check on content files that are not ordinary files', () => {
  it('names a named pipe and a link to a device, exit 1, rather than wait forever reading them', async () => {
    // Neither can be committed as a fixture: made here. Reading a pipe waits for a writer that
    // never comes; reading /dev/zero never ends.
    const root = join(temp, 'not-ordinary');
    cpSync(join(fixtures, 'base'), root, { recursive: true });
    mkdirSync(join(root, 'quizzes'));
    for (const file of ['content/sops/pipe.mdx', 'quizzes/pipe.yaml']) expect(spawnSync('mkfifo', [join(root, file)]).status).toBe(0);
    symlinkSync('/dev/zero', join(root, 'content/sops/zero.mdx'));
    const result = await runSopkit(['check', '--root', root, '--today', '2026-06-01']);
    const lines = result.stdout.split('\n').filter(Boolean);
    expect(lines).toContain('content/sops/pipe.mdx:1:1  error  file/unreadable  content/sops/pipe.mdx is a named pipe, not a file: reading it would wait for a program to write to it; delete it, or put the file itself in its place');
    expect(lines).toContain('content/sops/zero.mdx:1:1  error  file/unreadable  content/sops/zero.mdx is a device, not a file: reading it may never end; delete it, or put the file itself in its place');
    expect(lines).toContain('quizzes/pipe.yaml:1:1  error  file/unreadable  quizzes/pipe.yaml is a named pipe, not a file: reading it would wait for a program to write to it; delete it, or put the file itself in its place');
    expect(result.status).toBe(1);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});

describe('a command run in a worker (handbook) that cannot write its output', () => {
  it('says which file and why in one line, exit 1, as every other command does, not "internal error"', async () => {
    // --out DIR where DIR/birth-registration.pdf is a folder (a read-only --out gave EACCES the same way).
    const out = join(temp, 'pdf-is-a-folder');
    mkdirSync(join(out, 'birth-registration.pdf'), { recursive: true });
    const result = await runSopkit(['handbook', 'birth-registration', '--root', repo, '--out', out]);
    expect(result.stderr.trim().split('\n').at(-1)).toBe(`sopkit handbook: cannot use ${join(out, 'birth-registration.pdf')}: it is a folder, not a file`);
    expect(result.status).toBe(1);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});

describe('sopkit check on a content file far too large', () => {
  it('names an SOP of one 6 MB line, exit 1, rather than run out of memory naming no file', async () => {
    const root = join(temp, 'too-large');
    cpSync(join(fixtures, 'base'), root, { recursive: true });
    writeFileSync(join(root, 'content/sops/pasted.mdx'), `---\nid: pasted\n---\n${'x'.repeat(6 * 1024 * 1024)}\n`);
    const result = await runSopkit(['check', '--root', root, '--today', '2026-06-01']);
    expect(result.stdout.split('\n')).toContain('content/sops/pasted.mdx:1:1  error  file/too-large  content/sops/pasted.mdx is 6.0 MB; a content file may be at most 4.0 MB (the largest of the model pack is under 0.1 MB): split it, or take out what was pasted into it by mistake');
    expect(result.status).toBe(1);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});

describe('sopkit simulate on hostile content', () => {
  it('stops a guard that never returns and names the file, exit 1', async () => {
    const result = await runSopkit(['simulate', 'guard-loop', '--scenario', 'on-time', '--root', join(hostile, 'loop-in-guard')], { SOPKIT_TIME_LIMIT: '5' });
    expect(result.stderr).toBe(
      'sopkit simulate: workflows/guard-loop.machine.ts: did not finish running the machine within 5 s: a loop that never ends, or far too much work for a content file; fix the code (the limit: sopkit check --time-limit, or SOPKIT_TIME_LIMIT, in seconds)\n',
    );
    expect(result.stdout).toBe('');
    expect(result.status).toBe(1);
  });

  it('keeps --json stdout pure when a guard prints', async () => {
    const result = await runSopkit(['simulate', 'noisy', '--scenario', 'late', '--json', '--root', join(hostile, 'prints')]);
    expect(JSON.parse(result.stdout)).toMatchObject({ workflow: 'noisy', scenario: 'late', final: 'late', passed: true });
    expect(result.stderr).toContain('isLate called with 40');
    expect(result.status).toBe(0);
  });
});

describe('sopkit writing to a reader that stops early', () => {
  it('stops quietly when the pipe closes (`sopkit diff --json | head`): no "Unhandled error" and no trace', () => {
    // The base project's SOP against an earlier text of it with 120 more sections, each reported
    // removed: 130 kB of JSON through a shell pipe (64 kB), so the writes after `head` has gone fail.
    const root = join(temp, 'pipe');
    cpSync(join(fixtures, 'base'), root, { recursive: true });
    const text = readFileSync(join(root, 'content/sops/alpha.mdx'), 'utf8');
    const sections = Array.from({ length: 120 }, (_, i) => `\n## 6.${i + 20} Extra step ${i}\n\n${'The clerk records the declaration in the register and checks every field against the documents presented. '.repeat(6)}\n`);
    const before = join(temp, 'alpha-before.mdx');
    writeFileSync(before, text + sections.join(''));
    const full = spawnSync(process.execPath, ['bin/sopkit.mjs', 'diff', 'alpha', '--from', before, '--json', '--root', root], { cwd: repo, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    expect(full.stdout.length).toBeGreaterThan(100_000);
    const shell = spawnSync('sh', ['-c', `"${process.execPath}" bin/sopkit.mjs diff alpha --from "${before}" --json --root "${root}" | head -c 10`], { cwd: repo, encoding: 'utf8' });
    expect(shell.stdout).toBe('{\n  "sop":');
    expect(shell.stderr).toBe('');
  });
});

describe('sopkit dryrun on a workflow that ends the program while loading', () => {
  it('refuses to print, naming the machine (it exited 0 having written nothing)', async () => {
    // The parameters fixture with a dry run of its SOP planned: it prints as it is (exit 0, the
    // plan's PDFs), and not once its machine ends the program while loading. (It was a copy of
    // the whole sample pack: 35 s in CI.)
    const root = copyProject(temp, 'dryrun-exit', (root) => {
      mkdirSync(join(root, 'content/dryruns'));
      writeFileSync(join(root, 'content/dryruns/registration-trial.yaml'), DRY_RUN_PLAN);
    });
    const printed = await runSopkit(['dryrun', 'plan', 'registration-trial', '--out', join(root, 'first'), '--root', root]);
    expect(printed.status, printed.stderr).toBe(0);
    expect(readdirSync(join(root, 'first'))).toContain('registration-trial-test-plan.pdf');
    const machine = join(root, 'workflows/registration.machine.ts');
    writeFileSync(machine, `process.exit(0);\n${readFileSync(machine, 'utf8')}`);
    const out = join(root, 'printed');
    const result = await runSopkit(['dryrun', 'plan', 'registration-trial', '--out', out, '--root', root]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('workflows/registration.machine.ts');
    expect(result.stderr).toContain('workflow/exit');
    expect(existsSync(out)).toBe(false);
  });
});

describe('sopkit diff against an SOP that does not pass the check as it is now', () => {
  it('refuses, naming the error, rather than report every section removed with exit 0', async () => {
    const root = join(temp, 'diff-broken');
    cpSync(join(fixtures, 'base'), root, { recursive: true });
    const sop = join(root, 'content/sops/alpha.mdx');
    const before = join(temp, 'alpha-before-broken.mdx');
    writeFileSync(before, readFileSync(sop, 'utf8'));
    writeFileSync(sop, `${readFileSync(sop, 'utf8')}\n<Callout type="note">\n\nunclosed\n`);
    const result = await runSopkit(['diff', 'alpha', '--from', before, '--root', root]);
    expect(result.status).toBe(1);
    expect(result.stdout).not.toMatch(/Sections:/);
    expect(result.stderr).toMatch(/content\/sops\/alpha\.mdx:\d+:\d+ {2}error {2}mdx\//);
    // A --from that is no version (no git here, no such file) is refused first, in one line, without the check's wait.
    const mistyped = await runSopkit(['diff', 'alpha', '--from', '0.10.1', '--root', root]);
    expect(mistyped.status).toBe(1);
    expect(mistyped.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(mistyped.stderr).toMatch(/^sopkit diff: .* is not in a git repository, so it has no versions to compare: give --from and --to as files$/m);
    expect(mistyped.stderr).not.toMatch(/mdx\//);
  });
});

describe('sopkit simulate on a machine whose initial state does not exist', () => {
  it('names the file and the problem, exit 1 (it was an "internal error", exit 2)', async () => {
    const root = join(temp, 'simulate-initial');
    copyModelPack(root);
    const machine = join(root, 'workflows/certified-copies.machine.ts');
    const text = readFileSync(machine, 'utf8');
    expect(text).toContain("initial: 'reception'");
    writeFileSync(machine, text.replace("initial: 'reception'", "initial: 'nowhere'"));
    for (const args of [[], ['--scenario', 'all']]) {
      const result = await runSopkit(['simulate', 'certified-copies', ...args, '--root', root]);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe('sopkit simulate: workflows/certified-copies.machine.ts: the machine cannot run: Initial state node "nowhere" not found on parent state node #certified-copies; `sopkit check` names the problem at its line\n');
    }
  });
});
