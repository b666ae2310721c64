// A responses file of another quiz given to `sopkit score --quiz A` (the module 4 pre-test for
// module 1's): its first column was named "not an item of quiz A ... delete the column", advice
// that would have left a file of nothing. When its items are all another quiz's, say which.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveQuiz } from '../../../src/lib/assessment/quiz-load.ts';
import { scoreFiles } from '../../../src/lib/assessment/score-files.ts';

const root = resolve('.');
const dir = mkdtempSync(join(tmpdir(), 'other-quiz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fileFor = (quizId: string, name: string, extra: string[] = []) => {
  const quiz = resolveQuiz(root, quizId).quiz;
  const ids = [...quiz.forms.pre, ...extra];
  const path = join(dir, name);
  writeFileSync(path, `participant,form,${ids.join(',')}\nP01,pre,${ids.map(() => '').join(',')}\n`);
  return path;
};

describe('sopkit score given another quiz’s file', () => {
  it('names the quiz the file answers', async () => {
    const mine = resolveQuiz(root, 'legal-identity-foundations').quiz;
    const path = fileFor('data-quality-fraud-protection', 'm4-pre.csv');
    await expect(scoreFiles(root, mine, [{ path }])).rejects.toThrow(`${path}: its columns are the items of quiz data-quality-fraud-protection, not of legal-identity-foundations; give --quiz data-quality-fraud-protection for this file, or the file of legal-identity-foundations`);
  });

  it('still names the one column that does not fit its own quiz', async () => {
    const mine = resolveQuiz(root, 'legal-identity-foundations').quiz;
    const path = fileFor('legal-identity-foundations', 'm1-pre.csv', ['date']);
    await expect(scoreFiles(root, mine, [{ path }])).rejects.toThrow(/column [A-Z]+ \(date\): not an item of quiz legal-identity-foundations/);
  });
});
