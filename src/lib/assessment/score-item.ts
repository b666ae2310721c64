import type { QuizItem } from '../../schemas/quiz.ts';

/** Option ids of the right answer: the correct options, or for order items every option in order. */
export function correctAnswer(item: QuizItem): string[] {
  return item.type === 'order' ? item.options.map((o) => o.id) : item.options.filter((o) => o.correct).map((o) => o.id);
}

/** Fraction of ordered pairs (i before j) that the answer puts in the same order as the key. */
export function pairsInOrder(answer: readonly string[], key: readonly string[]): number {
  const position = new Map(answer.map((id, i) => [id, i]));
  let right = 0;
  let total = 0;
  for (let i = 0; i < key.length; i++) {
    for (let j = i + 1; j < key.length; j++) {
      total++;
      const a = position.get(key[i] ?? '');
      const b = position.get(key[j] ?? '');
      if (a !== undefined && b !== undefined && a < b) right++;
    }
  }
  return total === 0 ? 0 : right / total;
}

/**
 * The fraction (0..1) of an item's marks that an answer earns.
 * - single, truefalse, scenario: 1 for the correct option, else 0.
 * - multiple: all-or-nothing by default (exactly the correct set); with `scoring: partial`,
 *   hits / correct − false alarms / wrong options, never below 0 (ticking everything earns 0).
 * - order: 1 for the exact order; with `scoring: partial`, the fraction of pairs in the right order.
 * An empty answer earns 0.
 * @param item The item.
 * @param answer Option ids given (in order for order items).
 */
export function itemFraction(item: QuizItem, answer: readonly string[]): number {
  if (answer.length === 0) return 0;
  const key = correctAnswer(item);
  switch (item.type) {
    case 'single':
    case 'truefalse':
    case 'scenario':
      return answer.length === 1 && answer[0] === key[0] ? 1 : 0;
    case 'multiple': {
      const chosen = new Set(answer);
      const hits = key.filter((id) => chosen.has(id)).length;
      const falseAlarms = chosen.size - hits;
      if (item.scoring === 'partial') {
        const wrong = item.options.length - key.length;
        return Math.max(0, hits / key.length - (wrong > 0 ? falseAlarms / wrong : 0));
      }
      return hits === key.length && falseAlarms === 0 ? 1 : 0;
    }
    case 'order':
      if (item.scoring === 'partial') return pairsInOrder(answer, key);
      return answer.length === key.length && answer.every((id, i) => id === key[i]) ? 1 : 0;
  }
}

/** Marks an answer earns: `itemFraction × marks`. */
export function itemMarks(item: QuizItem, answer: readonly string[]): number {
  return itemFraction(item, answer) * item.marks;
}

function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}

/**
 * Expected fraction of the mark from answering at random (Moodle's "random guess score"): single
 * answer = mean of the option fractions, true/false 0.5, multiple answer none (null). Order items:
 * 1/n! exact, 0.5 by pairs.
 */
export function randomGuess(item: QuizItem): number | null {
  switch (item.type) {
    case 'single':
    case 'scenario':
      return item.options.filter((o) => o.correct).length / item.options.length;
    case 'truefalse':
      return 0.5;
    case 'multiple':
      return null;
    case 'order':
      return item.scoring === 'partial' ? 0.5 : 1 / factorial(item.options.length);
  }
}
