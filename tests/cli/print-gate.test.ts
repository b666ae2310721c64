import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repo, runSopkit } from './spawn.ts';

// A copy of the sample pack (inside the repository, so that its workflows find xstate) with two
// seeded errors that `sopkit check` reports: a misspelt parameter in one SOP, and a quiz item
// with no right answer. Before, `handbook` and `review-copy` printed "{param:copy-issue-timez}"
// and `booklet` an answer key with a blank, each with exit 0.
mkdirSync(join(repo, '.sopkit-cache'), { recursive: true });
const root = mkdtempSync(join(repo, '.sopkit-cache', 'print-gate-'));
const out = join(root, 'prints');

beforeAll(() => {
  for (const dir of ['content', 'workflows', 'quizzes']) cpSync(join(repo, dir), join(root, dir), { recursive: true });
  // The workflows import the pack's date helpers from src/.
  symlinkSync(join(repo, 'src'), join(root, 'src'));
  const sop = join(root, 'content/sops/certified-copies.mdx');
  const text = readFileSync(sop, 'utf8');
  expect(text).toContain('<Param id="copy-issue-time" />');
  writeFileSync(sop, text.replace('<Param id="copy-issue-time" />', '<Param id="copy-issue-timez" />'));
  const quiz = join(root, 'quizzes/birth-registration.yaml');
  const yaml = readFileSync(quiz, 'utf8');
  // Item br-01's right option (a single-answer item): the file still loads, and only the check sees it.
  const first = /id: br-01\n[\s\S]*?( +correct: true\n)/.exec(yaml);
  expect(first).not.toBeNull();
  const at = first!.index + first![0].length - first![1]!.length;
  writeFileSync(quiz, yaml.slice(0, at) + yaml.slice(at + first![1]!.length));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const printed = () => (existsSync(out) ? readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.pdf')) : []);

describe('printing what sopkit check rejects', () => {
  it('handbook and review-copy refuse the SOP, naming the error, and write nothing', async () => {
    for (const args of [['handbook', 'certified-copies'], ['review-copy', 'certified-copies']]) {
      const result = await runSopkit([...args, '--out', out, '--root', root]);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr).toContain(`sopkit ${args[0]}: nothing printed: \`sopkit check\` reports 1 error in `);
      expect(result.stderr).toContain('content/sops/certified-copies.mdx:');
      expect(result.stderr).toContain('error  params/unknown  <Param id="copy-issue-timez" />');
      expect(printed()).toEqual([]);
    }
  });

  it('an error in another SOP does not stop the print of this one', async () => {
    const result = await runSopkit(['handbook', 'death-registration', '--out', out, '--root', root]);
    expect(result.stderr).toMatch(/^1 PDF, \d+ pages in /);
    expect(result.status).toBe(0);
    expect(printed()).toEqual(['death-registration.pdf']);
  });

  it('booklet refuses a quiz with an item without its right answer', async () => {
    const result = await runSopkit(['booklet', 'birth-registration', '--out', join(out, 'quizzes'), '--root', root]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('quizzes/birth-registration.yaml:');
    expect(result.stderr).toContain('error  quiz/correct-count');
    expect(printed()).toEqual(['death-registration.pdf']);
  });

  it('reuses the last check while nothing changed, and checks again after a fix', async () => {
    const stored = join(root, '.sopkit-cache/check/last.json');
    const quiz = join(root, 'quizzes/birth-registration.yaml');
    const broken = readFileSync(quiz, 'utf8');
    const before = readFileSync(stored, 'utf8');
    // Nothing changed since the runs above: the stored result answers, and is not written again.
    const again = await runSopkit(['booklet', 'birth-registration', '--out', join(out, 'quizzes'), '--root', root]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('error  quiz/correct-count');
    expect(readFileSync(stored, 'utf8')).toBe(before);
    // The quiz mended: the print goes ahead (the stored refusal was for the file as it was).
    writeFileSync(quiz, readFileSync(join(repo, 'quizzes/birth-registration.yaml')));
    try {
      const mended = await runSopkit(['booklet', 'birth-registration', '--out', join(out, 'quizzes'), '--root', root]);
      expect(mended.stderr).not.toContain('quiz/correct-count');
      expect(mended.status).toBe(0);
      expect(readFileSync(stored, 'utf8')).not.toBe(before);
    } finally {
      writeFileSync(quiz, broken);
    }
  });
});
