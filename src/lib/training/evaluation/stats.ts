import type { Evaluation } from '../../../schemas/evaluation.ts';
import type { EvaluationResponse } from './responses.ts';
import { scaleOf } from './scale.ts';

/** Statistics of one Likert item. Fractions, not percentages; `null` where undefined for the data. */
export interface LikertStats {
  id: string;
  group: string;
  text: string;
  /** Respondents who answered the item. */
  n: number;
  /** Mean of the points answered (1..points). */
  mean: number | null;
  /** Sample standard deviation, with n − 1 (null below two answers). */
  sd: number | null;
  /** How many answered each point: `counts[0]` is point 1. */
  counts: number[];
  /** Share of answers on the top two points (the "top-two box"; never the midpoint). */
  percentAgree: number | null;
  /** Shares of answers below the midpoint, on it and above it: the diverging bar. */
  disagree: number | null;
  neutral: number | null;
  agree: number | null;
}

/** Statistics of one choice item: how many chose each option. */
export interface ChoiceStats {
  id: string;
  group: string;
  text: string;
  n: number;
  options: { id: string; text: string; count: number }[];
}

/** The answers to one open question, verbatim, in the order of the files and rows. */
export interface CommentList {
  id: string;
  group: string;
  text: string;
  comments: string[];
}

/** Every statistic of a session evaluation (ARCHITECTURE.md, Formats: evaluation). */
export interface EvaluationStats {
  form: string;
  title: string;
  /** Respondents counted (rows with at least one answer). */
  respondents: number;
  /** Who could have answered: the participants who attended, or those expected; null when unknown. */
  expected: number | null;
  /** Where `expected` comes from. */
  expectedFrom: 'attendance' | 'course' | null;
  /**
   * respondents / expected; with a `session` column naming several sessions, respondents /
   * (expected × sessions): each session's form could come from every participant (70 forms over
   * 5 days from 19 participants is 74 %, where it printed 368 %).
   */
  responseRate: number | null;
  /** The scale's labels, lowest first, and how it splits. */
  scale: { points: number; labels: string[]; neutral: number | null; top: number[] };
  likert: LikertStats[];
  choice: ChoiceStats[];
  comments: CommentList[];
  /** Every question's id in the form's order: question n of the printed form is `itemIds[n - 1]`. */
  itemIds: string[];
  /** Pooled over every Likert answer of a group (and of the whole form): mean and answers. */
  groups: { id: string; title: string; mean: number | null; answers: number }[];
  /** Pooled over every Likert answer: mean, answers, and the share on the top two points. */
  overall: { mean: number | null; answers: number; percentAgree: number | null };
  /** Respondents per `session` value, when the files say. */
  sessions: { session: string; n: number }[];
}

/** Arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** Sample standard deviation (n − 1 denominator); null below two values. */
export function sampleSd(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null || values.length < 2) return null;
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1));
}

const share = (part: number, n: number) => (n ? part / n : null);

/**
 * The statistics of a session evaluation: for each Likert item n, mean, sd (n − 1), the count of
 * each point, the percent agree (top two points) and the shares below, on and above the
 * midpoint; for each choice item the count of each option; every comment verbatim by question;
 * means per group and overall; and the response rate against those who could answer.
 * @param form The evaluation form.
 * @param responses Every response (`combineEvaluationResponses`).
 * @param expected Who could have answered, and where that number comes from; omit when unknown.
 */
export function evaluationStats(form: Evaluation, responses: readonly EvaluationResponse[], expected?: { n: number; from: 'attendance' | 'course' }): EvaluationStats {
  const scale = scaleOf(form);
  const answersTo = (id: string) => responses.flatMap((r) => (r.answers[id] === undefined ? [] : [r.answers[id]!]));
  const likert = form.items
    .filter((i) => i.type === 'likert')
    .map((item): LikertStats => {
      const values = answersTo(item.id) as number[];
      const counts = scale.labels.map((_, k) => values.filter((v) => v === k + 1).length);
      const sum = (points: number[]) => points.reduce((s, p) => s + (counts[p - 1] ?? 0), 0);
      const n = values.length;
      return {
        id: item.id,
        group: item.group,
        text: item.text,
        n,
        mean: mean(values),
        sd: sampleSd(values),
        counts,
        percentAgree: share(sum(scale.top), n),
        disagree: share(sum(scale.disagree), n),
        neutral: share(scale.neutral ? sum([scale.neutral]) : 0, n),
        agree: share(sum(scale.agree), n),
      };
    });
  const choice = form.items
    .filter((i) => i.type === 'choice')
    .map((item): ChoiceStats => {
      const values = answersTo(item.id);
      return { id: item.id, group: item.group, text: item.text, n: values.length, options: (item.options ?? []).map((o) => ({ id: o.id, text: o.text, count: values.filter((v) => v === o.id).length })) };
    });
  const comments = form.items.filter((i) => i.type === 'text').map((item): CommentList => ({ id: item.id, group: item.group, text: item.text, comments: answersTo(item.id).map(String) }));
  const pooled = (ids: Set<string>) => responses.flatMap((r) => Object.entries(r.answers).flatMap(([id, v]) => (ids.has(id) && typeof v === 'number' ? [v] : [])));
  const likertIds = (group?: string) => new Set(form.items.filter((i) => i.type === 'likert' && (!group || i.group === group)).map((i) => i.id));
  const groups = form.groups.flatMap((g) => {
    const ids = likertIds(g.id);
    if (!ids.size) return [];
    const values = pooled(ids);
    return [{ id: g.id, title: g.title, mean: mean(values), answers: values.length }];
  });
  const all = pooled(likertIds());
  const bySession = new Map<string, number>();
  for (const r of responses) if (r.session) bySession.set(r.session, (bySession.get(r.session) ?? 0) + 1);
  const possible = expected ? expected.n * Math.max(1, bySession.size) : 0;
  return {
    form: form.id,
    title: form.title,
    respondents: responses.length,
    expected: expected?.n ?? null,
    expectedFrom: expected?.from ?? null,
    responseRate: expected ? share(responses.length, possible) : null,
    scale: { points: scale.points, labels: scale.labels, neutral: scale.neutral ?? null, top: scale.top },
    likert,
    choice,
    comments,
    itemIds: form.items.map((i) => i.id),
    groups,
    overall: { mean: mean(all), answers: all.length, percentAgree: share(all.filter((v) => scale.top.includes(v)).length, all.length) },
    sessions: [...bySession].map(([session, n]) => ({ session, n })),
  };
}

/**
 * A question's number as the printed form and the responses CSV's columns give it (its place
 * among the form's items); the report used to number the statements first, then the choices,
 * then the comments.
 */
export function questionNumber(stats: EvaluationStats, id: string): number {
  return stats.itemIds.indexOf(id) + 1;
}
