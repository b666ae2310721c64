import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuizFile } from '../../../src/lib/assessment/quiz-load.ts';
import { quizRules } from '../../../src/lib/assessment/quiz-rules.ts';
import type { Quiz, QuizItem } from '../../../src/schemas/quiz.ts';

/** A four-option single-choice item whose right answer is at `at` (0 = A). */
function item(id: string, at: number): QuizItem {
  const options = ['a', 'b', 'c', 'd'].map((o, i) => ({ id: o, text: `Option ${o}`, ...(i === at ? { correct: true } : {}) }));
  return { id, type: 'single', objective: 'o', stem: `Question ${id}?`, options } as QuizItem;
}

/** A quiz whose pre form holds items with their answers at `pre`, and post at `post`. */
function quiz(pre: number[], post: number[]): Quiz {
  const items = [...pre.map((at, i) => item(`p${i}`, at)), ...post.map((at, i) => item(`q${i}`, at))];
  return {
    id: 'positions',
    title: 'Positions',
    passMark: 60,
    feedback: true,
    objectives: [{ id: 'o', text: 'Objective' }],
    items,
    forms: { pre: pre.map((_, i) => `p${i}`), post: post.map((_, i) => `q${i}`) },
  } as unknown as Quiz;
}

const positionWarnings = (q: Quiz) => quizRules(q).filter((d) => d.code === 'quiz/answer-position');

describe('the place of the right answer (quiz/answer-position)', () => {
  it('warns, at the form, when more than half of its one-answer items have the answer at the same letter', () => {
    const found = positionWarnings(quiz([0, 0, 0, 1, 0, 2], [0, 1, 2, 3, 0, 1]));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', path: ['forms', 'pre'] });
    expect(found[0]?.message).toMatch(/^forms\.pre: the correct answer is option 1 \(A\) in 4 of 6 one-answer items/);
  });

  it('is quiet at half or less, and for forms too short to judge', () => {
    expect(positionWarnings(quiz([2, 2, 2, 0, 1, 3], [3, 3, 3, 3]))).toEqual([]);
  });

  it('finds no such form in the sample pack: its right answers are spread over the letters', () => {
    const root = resolve(import.meta.dirname, '../../..');
    const files = readdirSync(join(root, 'quizzes')).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const doc = loadQuizFile(root, join(root, 'quizzes', f));
      expect(doc.quiz, f).toBeDefined();
      expect(positionWarnings(doc.quiz!), f).toEqual([]);
    }
  });
});
