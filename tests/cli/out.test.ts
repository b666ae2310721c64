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
