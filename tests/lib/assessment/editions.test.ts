import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkQuizDoc, workflowCache } from '../../../src/lib/assessment/check.ts';
import { keyShips, testPage } from '../../../src/lib/assessment/page-data.ts';
import { loadQuizFile, resolveQuiz } from '../../../src/lib/assessment/quiz-load.ts';
import { loadProject } from '../../../src/lib/content/project.ts';

const fixtures = resolve('tests/fixtures/assessment');
const root = join(fixtures, 'project');
const quiz = resolveQuiz(root, 'sample-registration').quiz;

describe('which test pages carry the answer key', () => {
  it('never the pre-test; the post-test with feedback: true only in the trainer edition; immediate in both', () => {
    expect(quiz.feedback).toBe(true);
    expect(keyShips(quiz, 'pre', 'trainer')).toBe(false);
    expect(keyShips(quiz, 'post', 'trainer')).toBe(true);
    expect(keyShips(quiz, 'post', 'participant')).toBe(false);
    const practice = { ...quiz, feedback: 'immediate' as const };
    expect(keyShips(practice, 'post', 'participant')).toBe(true);
    expect(keyShips(practice, 'pre', 'participant')).toBe(false);
    expect(keyShips({ ...quiz, feedback: false }, 'post', 'trainer')).toBe(false);
  });

  it('the participant post-test page data has no key and no correct flag', () => {
    const text = JSON.stringify(testPage(quiz, 'post', 'participant'));
    expect(text).not.toMatch(/"correct"|"explanation"|"key"/);
    // The trainer edition's page does carry them: the assertion above can fail.
    expect(JSON.stringify(testPage(quiz, 'post', 'trainer'))).toMatch(/"correct":true/);
  });
});

describe('feedback: immediate', () => {
  it('sopkit check warns that the key is public, at the feedback line', async () => {
    const file = join(fixtures, 'warn-quizzes/feedback-immediate.yaml');
    const ctx = { project: loadProject(root), today: '2026-03-01' };
    const found = await checkQuizDoc(ctx, loadQuizFile(root, file), workflowCache(root));
    const line = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('# <- warning')) + 1;
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
    expect(found).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'quiz/key-public', line }));
    expect(found.find((d) => d.code === 'quiz/key-public')?.message).toMatch(/participant edition/);
  });

  it('an unknown feedback value says what is allowed', () => {
    const doc = loadQuizFile(root, join(fixtures, 'bad-quizzes/feedback-unknown.yaml'));
    expect(doc.diagnostics[0]?.message).toBe('feedback: found "always"; allowed: false, true (feedback in the trainer edition) or immediate (feedback for everyone, key public)');
  });
});
