import type { Quiz, QuizItem } from '../../schemas/quiz.ts';
import { formItems } from './quiz-rules.ts';
import { itemMarks, randomGuess } from './score-item.ts';
import { correlation, covariance, cronbachAlpha, kurtosis, mean, median, sd, skewness, variance } from './stats.ts';
import type { FormId, FormStats, ItemFlag, ItemStats, ParticipantResponse } from './types.ts';

/** Thresholds for the review flags (Moodle's statistics report highlights the same ranges). */
export const flagLimits = { discrimination: 0.2, facilityLow: 0.2, facilityHigh: 0.9 } as const;

const collator = new Intl.Collator('en', { numeric: true });

/** Compares participant ids as people read them: P2 before P10 (ties broken by code point). */
export const byParticipant = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** One form's attempts scored: marks[attempt][item], in participant order. */
export interface ScoredForm {
  form: FormId;
  items: QuizItem[];
  responses: ParticipantResponse[];
  marks: number[][];
}

/**
 * Scores every attempt at a form. Attempts are sorted by participant id, so the order of the rows
 * in the files never changes a result.
 */
export function scoreForm(quiz: Quiz, form: FormId, responses: readonly ParticipantResponse[]): ScoredForm {
  const items = formItems(quiz, form);
  const attempts = responses.filter((r) => r.form === form).sort((a, b) => byParticipant(a.participant, b.participant));
  const marks = attempts.map((r) => items.map((item) => itemMarks(item, r.answers[item.id] ?? [])));
  return { form, items, responses: attempts, marks };
}

/**
 * Flags in the order a trainer should act on them: negative discrimination first, then
 * discrimination below 0.2, then facility outside 0.2–0.9.
 */
export function itemFlags(stats: Pick<ItemStats, 'facility' | 'discrimination'>, cov: number | null, itemVariance: number | null): ItemFlag[] {
  const flags: ItemFlag[] = [];
  const r = stats.discrimination;
  // Negative as printed (two decimals): -0.004 printed "0.00" beside the flag "negative discrimination".
  if (r !== null && Number(r.toFixed(2)) < 0) flags.push('negative-discrimination');
  else if (r !== null && r < flagLimits.discrimination) flags.push('low-discrimination');
  const f = stats.facility;
  if (f !== null && f < flagLimits.facilityLow) flags.push('too-hard');
  if (f !== null && f > flagLimits.facilityHigh) flags.push('too-easy');
  if (cov !== null && cov < 0) flags.push('negative-covariance');
  if (itemVariance !== null && itemVariance === 0) flags.push('no-variance');
  return flags;
}

function optionCounts(item: QuizItem, attempts: readonly ParticipantResponse[]): Record<string, number> {
  const counts = new Map(item.options.map((o) => [o.id, 0]));
  const firstOnly = item.type === 'order';
  for (const r of attempts) {
    const answer = r.answers[item.id];
    if (!answer) continue;
    const last = firstOnly ? Math.min(1, answer.length) : answer.length;
    for (let k = 0; k < last; k++) {
      const id = answer[k] ?? '';
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return Object.fromEntries(counts);
}

/**
 * Statistics of one form as Moodle's quiz statistics compute them (definitions in stats.ts and below):
 * facility, item sd, discrimination = r(item, rest of test), discriminative efficiency, effective
 * weight, random guess score, option counts and flags; test mean, median, sd, skewness, kurtosis,
 * alpha and sem; each participant's score and pass.
 */
export function formStats(quiz: Quiz, scored: ScoredForm): FormStats {
  const { items, marks, responses } = scored;
  const totals = Float64Array.from(marks, (row) => row.reduce((a, b) => a + b, 0));
  const maxScore = items.reduce((sum, item) => sum + item.marks, 0);
  const columns = items.map((_, j) => Float64Array.from(marks, (row) => row[j] ?? 0));
  const covWithTotal = columns.map((x) => covariance(x, totals));
  const weightSum = covWithTotal.reduce<number>((sum, c) => (c !== null && c >= 0 ? sum + Math.sqrt(c) : sum), 0);
  const itemStats = items.map((item, j): ItemStats => {
    const x = columns[j] ?? new Float64Array();
    const rest = totals.map((t, i) => t - (x[i] ?? 0));
    const cov = covariance(x, rest);
    // Typed arrays sort numerically, and in place: sort copies.
    const covMax = covariance(x.slice().sort(), rest.slice().sort());
    const m = mean(x);
    const s = sd(x);
    const c = covWithTotal[j] ?? null;
    const base = {
      id: item.id,
      facility: m === null ? null : m / item.marks,
      sd: s === null ? null : s / item.marks,
      discrimination: correlation(x, rest),
      discriminativeEfficiency: cov !== null && covMax !== null && covMax > 1e-12 ? cov / covMax : null,
      effectiveWeight: c !== null && c >= 0 && weightSum > 0 ? Math.sqrt(c) / weightSum : null,
      randomGuess: randomGuess(item),
      options: optionCounts(item, responses),
    };
    return { ...base, flags: itemFlags(base, c, variance(x)) };
  });
  const sdTotal = sd(totals);
  const alpha = cronbachAlpha(marks);
  return {
    n: responses.length,
    maxScore,
    mean: mean(totals),
    median: median(totals),
    sd: sdTotal,
    skewness: skewness(totals),
    kurtosis: kurtosis(totals),
    alpha,
    sem: sdTotal !== null && alpha !== null ? sdTotal * Math.sqrt(Math.max(0, 1 - alpha)) : null,
    items: itemStats,
    participants: responses.map((r, i) => {
      const score = totals[i] ?? 0;
      const percent = maxScore > 0 ? (100 * score) / maxScore : 0;
      return { id: r.participant, score, percent, passed: percent + 1e-9 >= quiz.passMark };
    }),
  };
}

/** Items to review, most urgent first: by their first flag, then by discrimination (lowest first). */
export function reviewOrder(items: readonly ItemStats[]): ItemStats[] {
  const rank: ItemFlag[] = ['negative-discrimination', 'low-discrimination', 'too-hard', 'too-easy', 'negative-covariance', 'no-variance'];
  return items
    .filter((item) => item.flags.length > 0)
    .sort((a, b) => rank.indexOf(a.flags[0]!) - rank.indexOf(b.flags[0]!) || (a.discrimination ?? 0) - (b.discrimination ?? 0));
}
