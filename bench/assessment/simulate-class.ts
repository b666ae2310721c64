// A simulated class for a quiz: pre- and post-test responses in the responses format, from a
// simple ability model (seeded, so the same files every run). For benchmarks and for looking at
// the report with realistic numbers; the statistics tests use the fixed files of tests/fixtures.
import { responsesCsv } from '../../src/lib/assessment/export-csv.ts';
import { formItems } from '../../src/lib/assessment/quiz-rules.ts';
import { correctAnswer } from '../../src/lib/assessment/score-item.ts';
import type { FormId, ParticipantResponse } from '../../src/lib/assessment/types.ts';
import type { Quiz, QuizItem } from '../../src/schemas/quiz.ts';

/** mulberry32: a small seeded generator. */
function rng(seed: number): () => number {
  let h = seed >>> 0;
  return () => {
    h = (h + 0x6d2b79f5) >>> 0;
    let t = Math.imul(h ^ (h >>> 15), h | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function answer(item: QuizItem, theta: number, random: () => number, difficulty: number): string[] {
  if (random() < 0.05) return [];
  const key = correctAnswer(item);
  if (random() < 1 / (1 + Math.exp(-1.5 * (theta - difficulty)))) return key;
  const ids = item.options.map((o) => o.id);
  if (item.type === 'order') {
    const out = [...key];
    const i = Math.floor(random() * (out.length - 1));
    [out[i], out[i + 1]] = [out[i + 1] ?? '', out[i] ?? ''];
    return out;
  }
  if (item.type === 'multiple') return ids.filter(() => random() < 0.5).slice(0, Math.max(1, ids.length - 1));
  const wrong = ids.filter((id) => !key.includes(id));
  return [wrong[Math.floor(random() * wrong.length)] ?? ids[0] ?? ''];
}

/**
 * Pre- and post-test CSV texts for `n` participants (2 % miss each test, so some are unmatched).
 * @param quiz The quiz.
 * @param n Class size.
 * @param seed Seed of the generator.
 */
export function simulateClass(quiz: Quiz, n: number, seed = 1): Record<FormId, string> {
  const random = rng(seed);
  const difficulty = new Map(quiz.items.map((item) => [item.id, random() * 3 - 1.5]));
  const rows: Record<FormId, ParticipantResponse[]> = { pre: [], post: [] };
  for (let p = 1; p <= n; p++) {
    const theta = (random() + random() + random() - 1.5) * 1.4;
    const id = `P${String(p).padStart(String(n).length, '0')}`;
    for (const form of ['pre', 'post'] as const) {
      if (random() < 0.02) continue;
      const ability = form === 'post' ? theta + 0.9 + (random() - 0.5) : theta;
      const answers = Object.fromEntries(formItems(quiz, form).map((item) => [item.id, answer(item, ability, random, difficulty.get(item.id) ?? 0)]));
      rows[form].push({ participant: id, name: `Participant ${p}`, form, answers, source: { file: '', row: 0 } });
    }
  }
  return { pre: responsesCsv(quiz, 'pre', rows.pre), post: responsesCsv(quiz, 'post', rows.post) };
}
