import type { QuizItem } from '../../schemas/quiz.ts';
import { correctAnswer, itemFraction } from '../../lib/assessment/score-item.ts';
import { fill } from './store.ts';

/** Scores the answers against the key carried by a post-test page with feedback. */
export function scoreAnswers(key: readonly QuizItem[], answers: Record<string, string[]>): number {
  return key.reduce((sum, item) => sum + itemFraction(item, answers[item.id] ?? []) * item.marks, 0);
}

function para(text: string, cls?: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  if (cls) p.className = cls;
  return p;
}

/**
 * Shows, under each question, whether the answer was right, the correct answer, the explanation
 * and the feedback of a wrong option chosen. Post-test only, and only when the quiz allows it.
 */
export function showFeedback(root: HTMLElement, key: readonly QuizItem[], answers: Record<string, string[]>, strings: Record<string, string>, refs: Record<string, string>): void {
  for (const item of key) {
    const box = root.querySelector<HTMLElement>(`[data-item="${CSS.escape(item.id)}"] [data-feedback]`);
    if (!box) continue;
    box.replaceChildren();
    // "Votre réponse : …": the label's punctuation is the language's (assess.labelled).
    const labelled = (label: string, value: string) => fill(strings['assess.labelled'] ?? '{label}: {text}', { label, text: value });
    const answer = answers[item.id] ?? [];
    const fraction = itemFraction(item, answer);
    const text = (ids: readonly string[]) => ids.map((id) => item.options.find((o) => o.id === id)?.text ?? id).join(item.type === 'order' ? ' → ' : (strings['list.semicolon'] ?? '; '));
    const verdict = answer.length === 0 ? strings['assess.noAnswer'] : fraction >= 1 ? strings['assess.right'] : fraction > 0 ? strings['assess.partly'] : strings['assess.wrong'];
    box.append(para(verdict ?? '', fraction >= 1 ? 'ok' : 'no'));
    if (answer.length) box.append(para(labelled(strings['assess.yourAnswer'] ?? '', text(answer))));
    if (fraction < 1) box.append(para(labelled(strings['assess.correctAnswer'] ?? '', text(correctAnswer(item)))));
    if (item.explanation) box.append(para(item.explanation));
    for (const id of answer) {
      const option = item.options.find((o) => o.id === id);
      if (option?.feedback && !option.correct) box.append(para(option.feedback));
    }
    const section = item.ref.split('#')[1] ?? '';
    const link = document.createElement('a');
    link.href = refs[item.id] ?? '#';
    link.textContent = fill(strings['assess.readSection'] ?? '', { ref: section });
    const p = document.createElement('p');
    p.append(link);
    box.append(p);
    box.hidden = false;
  }
}
