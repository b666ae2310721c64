import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyProject, repo, tempFolder } from '../params/project.ts';
import { runSopkit } from './spawn.ts';

// A small project (the parameters fixture, its machine and quiz, and a second SOP) with two
// seeded errors that `sopkit check` reports: a misspelt parameter in one SOP, and a quiz item with
// no right answer. Before, `handbook` and `review-copy` printed the misspelt parameter's placeholder
// ("{param:…}") and `booklet` an answer key with a blank, each with exit 0. (It was a copy of the whole sample
// pack: each run checked all of it, 63 s in CI.)
const fixtureQuiz = join(repo, 'tests/fixtures/params/project/quizzes/registration.yaml');
const parent = tempFolder('sopkit-print-gate-');
const root = copyProject(parent, 'project', (root) => {
  const sop = join(root, 'content/sops/registration.mdx');
  const text = readFileSync(sop, 'utf8');
  // A second SOP, without the machine: its print must not wait on the first one's error.
  writeFileSync(
    join(root, 'content/sops/certificates.mdx'),
    text
      .replace('id: registration\ncode: SOP-PX-01\ntitle: Registration with parameters', 'id: certificates\ncode: SOP-PX-02\ntitle: Certificates of registration')
      .replace('workflow: registration\n', '')
      .replace('<Workflow id="registration" />\n\n<StepTable workflow="registration" />\n\n', '')
      .replaceAll('PX-01', 'PX-02'),
  );
  const body = text.indexOf('## Procedure');
  expect(text.slice(body)).toContain('<Param id="late-registration-period" />');
  writeFileSync(sop, text.slice(0, body) + text.slice(body).replace('<Param id="late-registration-period" />', '<Param id="late-registration-periodz" />'));
  const quiz = join(root, 'quizzes/registration.yaml');
  const yaml = readFileSync(quiz, 'utf8');
  // Item px-01's right option (a single-answer item): the file still loads, and only the check sees it.
  const first = /id: px-01\n[\s\S]*?( +correct: true\n)/.exec(yaml);
  expect(first).not.toBeNull();
  const at = first!.index + first![0].length - first![1]!.length;
  writeFileSync(quiz, yaml.slice(0, at) + yaml.slice(at + first![1]!.length));
});
const out = join(root, 'prints');
afterAll(() => rmSync(parent, { recursive: true, force: true }));

const printed = () => (existsSync(out) ? readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.pdf')) : []);

describe('printing what sopkit check rejects', () => {
  it('handbook and review-copy refuse the SOP, naming the error, and write nothing', async () => {
    for (const args of [['handbook', 'registration'], ['review-copy', 'registration']]) {
      const result = await runSopkit([...args, '--out', out, '--root', root]);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr).toContain(`sopkit ${args[0]}: nothing printed: \`sopkit check\` reports 1 error in `);
      expect(result.stderr).toContain('content/sops/registration.mdx:');
      expect(result.stderr).toContain('error  params/unknown  <Param id="late-registration-periodz" />');
      expect(printed()).toEqual([]);
    }
  });

  it('an error in another SOP does not stop the print of this one', async () => {
    const result = await runSopkit(['handbook', 'certificates', '--out', out, '--root', root]);
    expect(result.stderr).toMatch(/^1 PDF, \d+ pages in /);
    expect(result.status).toBe(0);
    expect(printed()).toEqual(['certificates.pdf']);
  });

  it('booklet refuses a quiz with an item without its right answer', async () => {
    const result = await runSopkit(['booklet', 'registration', '--out', join(out, 'quizzes'), '--root', root]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('quizzes/registration.yaml:');
    expect(result.stderr).toContain('error  quiz/correct-count');
    expect(printed()).toEqual(['certificates.pdf']);
  });

  it('reuses the last check while nothing changed, and checks again after a fix', async () => {
    const stored = join(root, '.sopkit-cache/check/last.json');
    const quiz = join(root, 'quizzes/registration.yaml');
    const broken = readFileSync(quiz, 'utf8');
    const before = readFileSync(stored, 'utf8');
    // Nothing changed since the runs above: the stored result answers, and is not written again.
    const again = await runSopkit(['booklet', 'registration', '--out', join(out, 'quizzes'), '--root', root]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('error  quiz/correct-count');
    expect(readFileSync(stored, 'utf8')).toBe(before);
    // The quiz mended: the print goes ahead (the stored refusal was for the file as it was).
    writeFileSync(quiz, readFileSync(fixtureQuiz));
    try {
      const mended = await runSopkit(['booklet', 'registration', '--out', join(out, 'quizzes'), '--root', root]);
      expect(mended.stderr).not.toContain('quiz/correct-count');
      expect(mended.status).toBe(0);
      expect(readFileSync(stored, 'utf8')).not.toBe(before);
    } finally {
      writeFileSync(quiz, broken);
    }
  });
});
