import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveQuiz } from '../../../src/lib/assessment/quiz-load.ts';
import { formItems } from '../../../src/lib/assessment/quiz-rules.ts';
import { buildReport } from '../../../src/lib/assessment/report.ts';
import { correctAnswer, itemFraction, pairsInOrder } from '../../../src/lib/assessment/score-item.ts';
import type { FormId, ParticipantResponse } from '../../../src/lib/assessment/types.ts';
import type { QuizItem } from '../../../src/schemas/quiz.ts';

const quiz = resolveQuiz(join(resolve('tests/fixtures/assessment'), 'project'), 'sample-registration').quiz;

/** Any answer the responses reader accepts for an item: empty, one option, a subset, a permutation. */
function answerFor(item: QuizItem): fc.Arbitrary<string[]> {
  const ids = item.options.map((o) => o.id);
  const empty = fc.constant<string[]>([]);
  if (item.type === 'order') return fc.oneof(empty, fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length }));
  if (item.type === 'multiple') return fc.oneof(empty, fc.shuffledSubarray(ids, { minLength: 1 }));
  return fc.oneof(empty, fc.constantFrom(...ids).map((id) => [id]));
}

function attempt(form: FormId): fc.Arbitrary<Omit<ParticipantResponse, 'participant' | 'source'>> {
  const items = formItems(quiz, form);
  return fc.tuple(...items.map(answerFor)).map((answers) => ({ form, answers: Object.fromEntries(items.map((item, i) => [item.id, answers[i] ?? []])) }));
}

/** A class: up to 25 people, each in pre, post or both. */
const classArb = fc
  .array(fc.tuple(fc.boolean(), fc.boolean(), attempt('pre'), attempt('post')), { minLength: 1, maxLength: 25 })
  .map((people) =>
    people.flatMap(([inPre, inPost, pre, post], i) => {
      const participant = `P${i + 1}`;
      const rows: ParticipantResponse[] = [];
      if (inPre || !inPost) rows.push({ ...pre, participant, source: { file: 'pre.csv', row: i + 2 } });
      if (inPost) rows.push({ ...post, participant, source: { file: 'post.csv', row: i + 2 } });
      return rows;
    }),
  );

const inUnit = (x: number | null) => x === null || (x >= -1e-12 && x <= 1 + 1e-12);

describe('scoring properties', () => {
  it('every answer earns between 0 and the full mark; the key earns the full mark', () => {
    for (const item of quiz.items) {
      expect(itemFraction(item, correctAnswer(item))).toBe(1);
      fc.assert(fc.property(answerFor(item), (answer) => {
        const f = itemFraction(item, answer);
        return f >= 0 && f <= 1;
      }));
    }
  });

  it('pairs in order: 1 for the key, 0 for its reverse', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.integer(), { minLength: 2, maxLength: 8 }), (xs) => {
      const key = xs.map(String);
      return pairsInOrder(key, key) === 1 && pairsInOrder([...key].reverse(), key) === 0;
    }));
  });

  it('statistics stay within their bounds', () => {
    fc.assert(fc.property(classArb, (responses) => {
      const report = buildReport(quiz, responses);
      for (const stats of Object.values(report.forms)) {
        for (const p of stats.participants) {
          if (p.score < 0 || p.score > stats.maxScore + 1e-9 || p.percent < 0 || p.percent > 100 + 1e-9) return false;
        }
        for (const item of stats.items) {
          if (!inUnit(item.facility) || !inUnit(item.effectiveWeight)) return false;
          if (item.discrimination !== null && Math.abs(item.discrimination) > 1 + 1e-9) return false;
          // Sorting both sides gives the largest covariance, so efficiency ≤ 1 (it can fall below −1).
          if (item.discriminativeEfficiency !== null && item.discriminativeEfficiency > 1 + 1e-9) return false;
        }
        const weights = stats.items.flatMap((i) => (i.effectiveWeight === null ? [] : [i.effectiveWeight]));
        if (weights.length && weights.some((w) => w > 0) && Math.abs(weights.reduce((a, b) => a + b, 0) - 1) > 1e-9) return false;
        if (stats.alpha !== null && stats.alpha > 1 + 1e-9) return false;
      }
      const pp = report.prepost;
      if (pp) {
        if (pp.participants.some((p) => p.gain !== null && p.gain > 1 + 1e-9)) return false;
        if (pp.p !== null && !inUnit(pp.p)) return false;
        if (pp.wilcoxon.p !== null && !inUnit(pp.wilcoxon.p)) return false;
        if (!pp.objectives.every((o) => inUnit(o.pre) && inUnit(o.post))) return false;
        if (pp.matched + pp.unmatched.pre.length !== report.forms.pre?.n) return false;
      }
      return true;
    }), { numRuns: 150 });
  });

  it('shuffling the rows changes nothing', () => {
    fc.assert(fc.property(classArb, fc.infiniteStream(fc.nat()), (responses, seeds) => {
      const shuffled = [...responses];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = (seeds.next().value as number) % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      expect(buildReport(quiz, shuffled)).toEqual(buildReport(quiz, responses));
    }), { numRuns: 100 });
  });
});

describe('pre/post on forms of equal length', () => {
  it('compares marks, not percent', () => {
    const equal = { ...quiz, forms: { pre: ['s-01', 's-02', 's-03'], post: ['s-07', 's-09', 's-12'] }, objectives: quiz.objectives };
    const rows: ParticipantResponse[] = [
      { participant: 'A', form: 'pre', answers: { 's-01': ['a'] }, source: { file: 'x', row: 2 } },
      { participant: 'A', form: 'post', answers: { 's-07': ['a'], 's-09': ['false'], 's-12': ['b'] }, source: { file: 'x', row: 3 } },
      { participant: 'B', form: 'pre', answers: {}, source: { file: 'x', row: 4 } },
      { participant: 'B', form: 'post', answers: { 's-07': ['a'] }, source: { file: 'x', row: 5 } },
    ];
    const pp = buildReport(equal, rows).prepost!;
    expect(pp.scale).toBe('marks');
    expect(pp.meanDifference).toBe(1.5);
    expect(pp.participants).toEqual([
      { id: 'A', pre: 1, post: 3, gain: 1 },
      { id: 'B', pre: 0, post: 1, gain: expect.closeTo(1 / 3, 12) },
    ]);
    expect(pp.classGain).toBeCloseTo((200 / 3 - 50 / 3) / (100 - 50 / 3), 12);
  });
});
