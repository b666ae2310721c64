import { describe, expect, it } from 'vitest';
import { checkQuizzes } from '../../../src/lib/assessment/check.ts';
import { loadQuizzes } from '../../../src/lib/assessment/quiz-load.ts';
import { itemTypes } from '../../../src/schemas/quiz.ts';
import { loadProject } from '../../../src/lib/content/project.ts';

// The content targets of the model pack (issue 4, item 1): not schema rules, since any quiz that
// meets the quiz rules is valid, but what every model SOP's bank must reach.
const root = process.cwd();
const project = loadProject(root);
const quizzes = loadQuizzes(root);

describe('model item banks', () => {
  it('pass sopkit check', async () => {
    const found = await checkQuizzes({ project, today: '2026-03-01' });
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
  });

  for (const sop of project.sops) {
    it(`${sop.id} has a bank of 20+ items, forms of 15+, 4+ objectives and every item type`, () => {
      const quiz = quizzes.find((q) => q.quiz?.sop === sop.id)?.quiz;
      expect(quiz, `a quiz with sop: ${sop.id} in quizzes/`).toBeDefined();
      if (!quiz) return;
      expect(quiz.items.length).toBeGreaterThanOrEqual(20);
      expect(quiz.forms.pre.length).toBeGreaterThanOrEqual(15);
      expect(quiz.forms.post.length).toBeGreaterThanOrEqual(15);
      expect(quiz.objectives.length).toBeGreaterThanOrEqual(4);
      expect(new Set(quiz.items.map((i) => i.type))).toEqual(new Set(itemTypes));
    });
  }
});
