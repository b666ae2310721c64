import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo, runSopkit } from './spawn.ts';

// tests/fixtures/cli/out-exists holds a file `results` and a folder `exports`, where the commands
// below are told to write. Each must refuse in one line before doing any work, exit 1, no stack.
const root = join(repo, 'tests/fixtures/cli/out-exists');
const quiz = '../../assessment/project/quizzes/sample-registration.yaml';

const cases: [string, string[], string][] = [
  ['score', ['score', '--quiz', quiz, '--responses', 'r.csv', '--out', 'results'], 'sopkit score: --out results is a file; --out names a folder to write into: give a folder name'],
  ['handbook', ['handbook', '--all', '--out', 'results'], 'sopkit handbook: --out results is a file; --out names a folder to write into: give a folder name'],
  ['booklet', ['booklet', '--all', '--out', 'results/quizzes'], 'sopkit booklet: --out results/quizzes: results is a file, so no folder can be made inside it; give another folder'],
  ['quiz export', ['quiz', 'export', quiz, '--out', 'exports'], 'sopkit quiz: --out exports is a folder; --out names the file to write, like exports/sample-registration.gift.txt'],
  ['quiz import', ['quiz', 'import', '../../assessment/interchange/moodle-plain.gift', '--out', 'exports'], 'sopkit quiz: --out exports is a folder; --out names the file to write, like exports/moodle-plain.yaml'],
];

describe('--out naming something that is in the way', () => {
  for (const [name, args, line] of cases) {
    it(`${name}: one line, exit 1`, async () => {
      const result = await runSopkit([...args, '--root', root]);
      expect(result.stderr).toBe(`${line}\n`);
      expect(result.stdout).toBe('');
      expect(result.status).toBe(1);
    });
  }
});

// In the sample pack, these did their work first (diff printed the whole comparison, review-copy
// and dryrun laid out their PDFs) and then failed at mkdir with "cannot use ...: something is
// already there" or "part of that path is a file".
const results = join(root, 'results');
const inPack: [string, string[], string][] = [
  ['review-copy', ['review-copy', 'certified-copies', '--out', results], `sopkit review-copy: --out ${results} is a file; --out names a folder to write into: give a folder name`],
  ['diff', ['diff', 'birth-registration', '--from', '1.3.0', '--out', results], `sopkit diff: --out ${results} is a file; --out names a folder to write into: give a folder name`],
  ['dryrun plan', ['dryrun', 'plan', 'birth-registration-2025', '--out', join(results, 'plan')], `sopkit dryrun: --out ${join(results, 'plan')}: tests/fixtures/cli/out-exists/results is a file, so no folder can be made inside it; give another folder`],
  ['dryrun report', ['dryrun', 'report', 'birth-registration-2025', '--out', results], `sopkit dryrun: --out ${results} is a file; --out names a folder to write into: give a folder name`],
];

describe('--out naming a file, in the sample pack: refused before any work', () => {
  for (const [name, args, line] of inPack) {
    it(`${name}: one line, nothing on stdout, exit 1`, async () => {
      const result = await runSopkit([...args, '--root', repo]);
      expect(result.stderr).toBe(`${line}\n`);
      expect(result.stdout).toBe('');
      expect(result.status).toBe(1);
    });
  }
});

describe('quiz export over a source of the pack', () => {
  it('refuses in one line and leaves the quiz as it was (it replaced the quiz YAML with GIFT text, exit 0)', async () => {
    const project = join(repo, 'tests/fixtures/assessment/project');
    const source = join(project, 'quizzes/sample-registration.yaml');
    const before = readFileSync(source, 'utf8');
    const result = await runSopkit(['quiz', 'export', 'sample-registration', '--out', 'quizzes/sample-registration.yaml', '--root', project]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('sopkit quiz: --out quizzes/sample-registration.yaml: that file is a source of the pack (quizzes/sample-registration.yaml); write the export elsewhere, e.g. --out exports/sample-registration.gift.txt\n');
    expect(readFileSync(source, 'utf8')).toBe(before);
  });
});
