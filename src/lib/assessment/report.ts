import type { Quiz } from '../../schemas/quiz.ts';
import { formStats, scoreForm } from './item-analysis.ts';
import { prePost } from './prepost.ts';
import { formIds } from './quiz-rules.ts';
import type { ParticipantResponse, ScoreReport } from './types.ts';

/**
 * Scores every response and computes the statistics of classical test theory: one entry per form that has
 * responses, and the pre/post comparison when both have.
 * @param quiz The quiz (valid: see `resolveQuiz`).
 * @param responses Parsed responses of either or both forms (`combineResponses`).
 */
export function buildReport(quiz: Quiz, responses: readonly ParticipantResponse[]): ScoreReport {
  const scored = formIds.filter((form) => responses.some((r) => r.form === form)).map((form) => scoreForm(quiz, form, responses));
  const report: ScoreReport = { quiz: quiz.id, forms: Object.fromEntries(scored.map((s) => [s.form, formStats(quiz, s)])) };
  const pre = scored.find((s) => s.form === 'pre');
  const post = scored.find((s) => s.form === 'post');
  if (pre && post) report.prepost = prePost(quiz, pre, post);
  return report;
}
