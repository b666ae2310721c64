import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkQuizDoc, workflowCache } from '../../../src/lib/assessment/check.ts';
import { keyShips, practicePage, testPage } from '../../../src/lib/assessment/page-data.ts';
import { loadQuizFile, loadQuizzes, resolveQuiz } from '../../../src/lib/assessment/quiz-load.ts';
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

describe('the practice page', () => {
  // The sample quiz with s-12 (in no form of this copy) and s-04 (still on the pre-test) marked as practice.
  const marked = {
    ...quiz,
    items: quiz.items.map((item) => (item.id === 's-12' || item.id === 's-04' ? { ...item, practice: true } : item)),
    forms: { ...quiz.forms, post: quiz.forms.post.filter((id) => id !== 's-12') },
  };

  it('carries the key of the practice questions on no form, and nothing of any other question', () => {
    const { items, config } = practicePage(marked);
    expect(items.map((i) => i.id)).toEqual(['s-12']);
    expect(config.key.map((i) => i.id)).toEqual(['s-12']);
    expect(config.key[0]!.options.find((o) => o.correct)?.text).toBe('Permanently');
    const text = JSON.stringify(practicePage(marked));
    for (const item of quiz.items.filter((i) => i.id !== 's-12')) {
      expect(text).not.toContain(`"${item.id}"`);
      if (item.explanation) expect(text).not.toContain(item.explanation);
    }
  });

  it('has no question for a quiz without practice questions', () => {
    expect(practicePage(quiz).items).toEqual([]);
  });

  it('in the sample pack: the practice questions of each quiz, none of them on a form', () => {
    const banks = loadQuizzes(process.cwd()).flatMap((d) => (d.quiz ? [d.quiz] : []));
    const withPractice = banks.filter((b) => practicePage(b).items.length > 0);
    expect(withPractice.map((b) => b.id)).toEqual(expect.arrayContaining(['birth-registration', 'death-registration']));
    for (const bank of withPractice) {
      const ids = practicePage(bank).items.map((i) => i.id);
      expect(ids, bank.id).toEqual(bank.items.filter((i) => i.practice).map((i) => i.id));
      for (const id of ids) expect([...bank.forms.pre, ...bank.forms.post], bank.id).not.toContain(id);
    }
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
