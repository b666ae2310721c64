import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repo, runNode, runSopkit } from './spawn.ts';

// Mistakes a user makes on the command line, run as a user runs them (`node bin/sopkit.mjs`,
// the compiled copy): each is one line on stderr naming the file or option, exit 1, never an
// internal error or a stack.
const temp = mkdtempSync(join(tmpdir(), 'sopkit-user-errors-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Runs sopkit on the model pack (the repository) and expects one line of refusal, exit 1. */
async function refused(args: string[], env: Record<string, string> = {}): Promise<string> {
  const result = await runSopkit([...args, '--root', repo], env);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.status).toBe(1);
  return result.stderr.trimEnd();
}

describe('a folder given where a file is expected', () => {
  const folder = join(temp, 'responses.csv');
  mkdirSync(folder);
  const named = `${folder} is a folder; give the file`;

  it('score --pre', async () => {
    expect(await refused(['score', '--quiz', 'legal-identity-foundations', '--pre', folder, '--post', folder])).toBe(`sopkit score: ${named}`);
  });
  it('score --quiz', async () => {
    const quiz = join(temp, 'quiz.yaml');
    mkdirSync(quiz);
    expect(await refused(['score', '--quiz', quiz, '--pre', folder])).toBe(`sopkit score: ${quiz} is a folder; give the file`);
  });
  it('comments check', async () => {
    expect(await refused(['comments', 'check', folder])).toBe(`sopkit comments: ${named}`);
  });
  it('quiz import', async () => {
    expect(await refused(['quiz', 'import', folder, '--out', join(temp, 'x.yaml')])).toBe(`sopkit quiz: ${named}`);
  });
  it('dryrun report --results', async () => {
    expect(await refused(['dryrun', 'report', 'birth-registration-2025', '--results', folder, '--out', join(temp, 'dryrun')])).toBe(`sopkit dryrun: ${named}`);
  });
  it('report --pre (as before)', async () => {
    expect(await refused(['report', '--course', 'registry-officers', '--pre', folder, '--json'])).toBe(`sopkit report: ${named}`);
  });
});

describe('sopkit new', () => {
  it('refuses an id too long to be a file name, before touching the disk', async () => {
    const root = join(temp, 'new-project');
    cpSync(join(repo, 'tests/fixtures/check/base'), root, { recursive: true });
    const id = 'a'.repeat(300);
    const result = await runSopkit(['new', 'sop', id, '--root', root]);
    expect(result.stderr).toBe(`sopkit new: "${'a'.repeat(24)}…" is 300 characters long: an id has at most 64; use a short one, like marriage-registration\n`);
    expect(result.status).toBe(1);
  });

  it('refuses an id the file it writes would fail the check with (a number, a YAML word, one letter), and writes nothing', async () => {
    const root = join(temp, 'new-yaml-ids');
    cpSync(join(repo, 'tests/fixtures/check/base'), root, { recursive: true });
    for (const id of ['123', '1e5', 'true', 'null', 'a']) {
      const result = await runSopkit(['new', 'sop', id, '--root', root]);
      expect(result.stderr, id).toMatch(new RegExp(`^sopkit new: "${id}" cannot be an id: an id has at least 3 characters and is not read as a number`));
      expect(result.status, id).toBe(1);
      expect(existsSync(join(root, `content/sops/${id}.mdx`)), id).toBe(false);
    }
  });
});

describe('sopkit simulate --input', () => {
  const simulate = (data: unknown) => {
    const file = join(temp, `case-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(data));
    return refused(['simulate', 'certified-copies', '--events', 'request.screened,entitlement.checked', '--input', file]).then((line) => line.replace(file, 'case.json'));
  };
  const fields = 'The fields of certified-copies: requestType (extract|multilingual|full-copy), applicantCategory (person|parent|representative|next-of-kin|third-party|authority), wantsCorrectionOnly (true|false), applicationComplete (true|false),';

  it('refuses a value of the wrong type, naming the field and listing the fields', async () => {
    const line = await simulate({ applicationComplete: 'false' });
    expect(line).toMatch(/^sopkit simulate: --input case\.json: applicationComplete is "false", not true or false \(without quotes\)\. /);
    expect(line).toContain(fields);
  });
  it('refuses a misspelt field, with the field meant', async () => {
    expect(await simulate({ applicationComplet: false })).toMatch(/^sopkit simulate: --input case\.json: applicationComplet is not a case field of certified-copies \(did you mean applicationComplete\?\)\. The fields/);
  });
  it('names every wrong field at once', async () => {
    expect(await simulate({ applicantCategory: 42, feePaid: 'yes', unknownField: 1 })).toMatch(
      /^sopkit simulate: --input case\.json: applicantCategory is 42, not one of person\|parent\|representative\|next-of-kin\|third-party\|authority; feePaid is "yes", not true or false \(without quotes\); unknownField is not a case field of certified-copies\. The fields/,
    );
  });
  it('runs right case data as before', async () => {
    const file = join(temp, 'right.json');
    writeFileSync(file, JSON.stringify({ applicationComplete: false }));
    const result = await runSopkit(['simulate', 'certified-copies', '--events', 'request.screened,entitlement.checked', '--input', file, '--root', repo]);
    expect(result.stdout).toContain('final: returned');
    expect(result.status).toBe(0);
  });
});

describe('dates', () => {
  it('check --today refuses a date not written YYYY-MM-DD', async () => {
    expect(await refused(['check', '--today', '31/12/2026'])).toBe('sopkit check: --today 31/12/2026: write the date as YYYY-MM-DD');
  });
  it('score --date refuses a day that does not exist', async () => {
    expect(await refused(['score', '--quiz', 'legal-identity-foundations', '--pre', 'pre.csv', '--date', '2026-13-45'])).toBe('sopkit score: --date 2026-13-45: there is no such day; write a real date as YYYY-MM-DD');
  });
  it('report --date refuses 2026-02-30 as it refuses yesterday', async () => {
    expect(await refused(['report', '--course', 'registry-officers', '--json', '--date', '2026-02-30'])).toBe('sopkit report: --date 2026-02-30: there is no such day; write a real date as YYYY-MM-DD');
    expect(await refused(['report', '--course', 'registry-officers', '--json', '--date', 'yesterday'])).toBe('sopkit report: --date yesterday: write the date as YYYY-MM-DD');
  });
  it('SOPKIT_TODAY is checked the same way', async () => {
    expect(await refused(['check'], { SOPKIT_TODAY: '31/12/2026' })).toBe('sopkit check: SOPKIT_TODAY=31/12/2026: write the date as YYYY-MM-DD');
  });
});

describe('sopkit quiz import', () => {
  const gift = (name: string, text: string | Buffer) => {
    const file = join(temp, name);
    writeFileSync(file, text);
    return file;
  };
  const importing = async (file: string, ...more: string[]) => (await refused(['quiz', 'import', file, '--out', join(temp, 'imported.yaml'), '--force', ...more])).replace(file, 'F');

  it('refuses a question that is not valid GIFT, at the line and column where it breaks', async () => {
    const file = gift('unclosed.gift', '::Q1:: Who approves a late birth registration? {\n  =The registrar\n  ~The clerk\n\n::Q2:: A birth must be declared within 30 days. {T}\n');
    expect(await importing(file)).toMatch(/^sopkit quiz: F:3:13: question "Q1" \(which starts on line 1\) is not valid GIFT \(Expected "\}" but end of input found\); fix it in the file/);
  });
  it('gives the reason of each question when none can be used', async () => {
    const file = gift('none.gift', '::Q1:: Who approves? {\n  ~The registrar\n  ~The clerk\n}\n\n::Q2:: Who signs? {\n  =The registrar\n  =The clerk\n  ~The informant\n}\n');
    expect(await importing(file)).toBe(
      'sopkit quiz: F: no question SOPKit can use: ' +
        `${file}:1:1: question "Q1" (multiple choice): no answer has a positive weight; a multiple-answer item needs right and wrong answers; ` +
        `${file}:6:1: question "Q2" (multiple choice): 2 answers are right (=) on a single-answer question; a SOPKit single-answer item has one right answer; ` +
        'SOPKit items are multiple choice, true/false, ordering, and matching to 1, 2, 3... (the order of steps)',
    );
  });
  it('refuses a file that is not UTF-8, naming the line of the first bad byte', async () => {
    const file = gift('cp1252.gift', Buffer.concat([Buffer.from('::Q1:: Fine? {T}\n\n::Q2:: caf'), Buffer.from([0xe9]), Buffer.from(' open? {T}\n')]));
    expect(await importing(file)).toBe('sopkit quiz: F is not UTF-8 (byte 0xE9 at line 3, column 11; an editor saved it as Windows-1252 or Latin-1): save it as UTF-8 (in the editor: Save as, Encoding: UTF-8)');
  });
  it('refuses --sop naming no SOP', async () => {
    const file = gift('fine.gift', '::Q1:: Fine? {T}\n');
    expect(await importing(file, '--sop', 'no-such-sop')).toMatch(/^sopkit quiz: --sop no-such-sop: no SOP with that id in content\/sops\/; known: appeals-grievances, birth-registration, /);
  });
});

describe('sopkit comments', () => {
  it('refuses a register named twice, which read every row as a duplicate of itself', async () => {
    const file = 'content/consultations/validation-2025-06-comments.csv';
    expect(await refused(['comments', 'check', file, `./${file}`])).toBe(`sopkit comments: ./${file}: the same register as ${file}; name each register once`);
    expect(await refused(['comments', 'check', file, file])).toBe(`sopkit comments: ${file} is named twice; name each register once`);
  });
});

describe('sopkit diff', () => {
  it('exits 1 when --from is not an SOP file, instead of comparing it', async () => {
    const csv = join(temp, 'responses-not-sop.csv');
    writeFileSync(csv, 'participant,form\np1,pre\n');
    expect(await refused(['diff', 'birth-registration', '--from', csv])).toBe(
      `sopkit diff: --from ${csv}: not an SOP file (no frontmatter with an id); give a version of birth-registration: its .mdx file, a version found in git (like 1.2.0) or a git ref`,
    );
  });
  it('names the YAML error of a --from file whose frontmatter does not read, not "not an SOP file"', async () => {
    const old = join(temp, 'birth-old.mdx');
    const lines = readFileSync(join(repo, 'content/sops/birth-registration.mdx'), 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('title: '));
    lines[at] = 'title: "Birth registration';
    writeFileSync(old, lines.join('\n'));
    expect(await refused(['diff', 'birth-registration', '--from', old])).toBe(
      `sopkit diff: --from ${old}: its frontmatter is not valid YAML (line ${at + 1}): Missing closing "quote; correct it, or give another version of birth-registration: its .mdx file, a version found in git (like 1.2.0) or a git ref`,
    );
  });
});

describe('arguments', () => {
  it('takes --root before the command, as --help says', async () => {
    const result = await runSopkit(['--root', join(repo, 'tests/fixtures/check/base'), 'check', '--today', '2026-06-01']);
    expect(result.stderr).toMatch(/2 SOPs checked: 0 errors, 0 warnings/);
    expect(result.status).toBe(0);
  });
  it('refuses an argument a command would ignore', async () => {
    expect(await refused(['check', 'content/sops/birth-registration.mdx'])).toBe('sopkit check: unexpected argument "content/sops/birth-registration.mdx": sopkit check takes no arguments, only options. Run `sopkit check --help`.');
    expect(await refused(['handbook', '--all', 'certified-copies'])).toBe('sopkit handbook: unexpected argument "certified-copies": --all prints every SOP; give ids or --all, not both');
  });
  it('sopkit new refuses an extra argument, and a kind it does not make, listing the kinds', async () => {
    const root = join(temp, 'new-args');
    cpSync(join(repo, 'tests/fixtures/check/base'), root, { recursive: true });
    const extra = await runSopkit(['new', 'sop', 'a-b', 'extra-arg', '--root', root]);
    expect(extra.stderr).toBe('sopkit new: unexpected argument "extra-arg": sopkit new takes 2 arguments. Run `sopkit new --help`.\n');
    expect(extra.status).toBe(1);
    expect(existsSync(join(root, 'content/sops/a-b.mdx'))).toBe(false);
    const kind = await runSopkit(['new', 'frob', 'x', '--root', root]);
    expect(kind.stderr).toBe('sopkit new: "frob" is not a kind of file sopkit new makes; kinds: sop, quiz, module, course, evaluation, workflow\n');
    expect(kind.status).toBe(1);
  });
});

describe('a relative path read from --root', () => {
  it('names the full path tried when --root is not the working folder', async () => {
    const result = await runNode([join(repo, 'bin/sopkit.mjs'), 'score', '--quiz', 'legal-identity-foundations', '--root', repo, '--pre', 'pre.csv'], {}, temp);
    expect(result.stderr).toBe(`sopkit score: pre.csv: no such file (looked for ${join(repo, 'pre.csv')}: a relative path is read from the --root folder)\n`);
    expect(result.status).toBe(1);
  });
});

describe('an option of the other action is refused, not ignored', () => {
  it('quiz import --form (an export option)', async () => {
    const out = join(temp, 'other-action.yaml');
    expect(await refused(['quiz', 'import', join(repo, 'tests/fixtures/assessment/interchange/moodle/questions_in_category.gift.txt'), '--out', out, '--form', 'pre'])).toBe(
      'sopkit quiz: --form is an option of sopkit quiz export, not of sopkit quiz import, which would ignore it; leave it out (run `sopkit quiz --help`)',
    );
    expect(existsSync(out)).toBe(false);
  });
  it('quiz export --strict (an import option)', async () => {
    expect(await refused(['quiz', 'export', 'legal-identity-foundations', '--strict'])).toBe(
      'sopkit quiz: --strict is an option of sopkit quiz import, not of sopkit quiz export, which would ignore it; leave it out (run `sopkit quiz --help`)',
    );
  });
  it('dryrun plan --results (a report option)', async () => {
    const out = join(temp, 'plan-other');
    expect(await refused(['dryrun', 'plan', 'birth-registration-2025', '--results', 'r.csv', '--out', out])).toBe(
      'sopkit dryrun: --results is an option of sopkit dryrun report, not of sopkit dryrun plan, which would ignore it; leave it out (run `sopkit dryrun --help`)',
    );
    expect(existsSync(out)).toBe(false);
  });
  it('--out, which both take, is still taken', async () => {
    const out = join(temp, 'gift-out.txt');
    const result = await runSopkit(['quiz', 'export', 'legal-identity-foundations', '--out', out, '--root', repo]);
    expect(result.status).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});

describe('sopkit handbook with an id that is neither an SOP nor a module', () => {
  it('names the one meant and both lists, before checking the pack', async () => {
    const message = await refused(['handbook', 'birth-registraton', '--out', join(temp, 'handbooks')]);
    expect(message).toMatch(/^sopkit handbook: no SOP or module "birth-registraton" \(did you mean "birth-registration"\?\); SOPs \(content\/sops\/\): appeals-grievances, birth-registration, .*; modules \(content\/modules\/\): civil-registration-births-deaths, .*legal-identity-foundations/);
    expect(existsSync(join(temp, 'handbooks'))).toBe(false);
  });
});
