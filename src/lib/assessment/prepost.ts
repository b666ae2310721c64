import type { Quiz } from '../../schemas/quiz.ts';
import { pairedT, wilcoxonSignedRank } from './inference.ts';
import { byParticipant, type ScoredForm } from './item-analysis.ts';
import { mean } from './stats.ts';
import type { PrePostStats } from './types.ts';

/** Individual normalized gain (post% − pre%) / (100 − pre%); null when pre% is already 100. */
export function normalizedGain(prePercent: number, postPercent: number): number | null {
  return prePercent >= 100 - 1e-9 ? null : (postPercent - prePercent) / (100 - prePercent);
}

function rowsById(scored: ScoredForm) {
  const max = scored.items.reduce((sum, item) => sum + item.marks, 0);
  return new Map(
    scored.responses.map((r, i) => {
      const row = scored.marks[i] ?? [];
      const score = row.reduce((a, b) => a + b, 0);
      return [r.participant, { row, score, percent: max > 0 ? (100 * score) / max : 0 }];
    }),
  );
}

/**
 * Marks earned on each item by the matched participants, and what they could have earned: the
 * sums every share below is made of, computed once (O(participants × items)).
 */
function columnSums(scored: ScoredForm, matched: ReadonlySet<string>) {
  const earned = new Map(scored.items.map((item) => [item.id, 0]));
  let rows = 0;
  scored.responses.forEach((r, i) => {
    if (!matched.has(r.participant)) return;
    rows++;
    const row = scored.marks[i] ?? [];
    scored.items.forEach((item, j) => earned.set(item.id, (earned.get(item.id) ?? 0) + (row[j] ?? 0)));
  });
  const possible = new Map(scored.items.map((item) => [item.id, item.marks * rows]));
  /** Fraction of the marks earned on the items `want` picks; null when the form has none of them. */
  return (want: (itemId: string) => boolean): number | null => {
    let got = 0;
    let max = 0;
    for (const [id, value] of earned) {
      if (!want(id)) continue;
      got += value;
      max += possible.get(id) ?? 0;
    }
    return max === 0 ? null : got / max;
  };
}

/**
 * Pairs the pre- and post-test by participant id and compares them: individual and class
 * normalized gain, paired t, Wilcoxon signed-rank, d_z, mastery per objective and facility per
 * item. Only matched participants enter the comparison; the others are listed in `unmatched`.
 */
export function prePost(quiz: Quiz, pre: ScoredForm, post: ScoredForm): PrePostStats {
  const before = rowsById(pre);
  const after = rowsById(post);
  const ids = [...before.keys()].filter((id) => after.has(id)).sort(byParticipant);
  const unmatched = {
    pre: [...before.keys()].filter((id) => !after.has(id)).sort(byParticipant),
    post: [...after.keys()].filter((id) => !before.has(id)).sort(byParticipant),
  };
  const pairs = ids.flatMap((id) => {
    const a = before.get(id);
    const b = after.get(id);
    return a && b ? [{ id, a, b }] : [];
  });
  const matched = new Set(ids);
  const preShare = columnSums(pre, matched);
  const postShare = columnSums(post, matched);
  const objectiveOf = new Map(quiz.items.map((i) => [i.id, i.objective]));
  const maxPre = pre.items.reduce((s, i) => s + i.marks, 0);
  const maxPost = post.items.reduce((s, i) => s + i.marks, 0);
  const scale = Math.abs(maxPre - maxPost) < 1e-9 ? 'marks' : 'percent';
  const participants = pairs.map(({ id, a, b }) => ({ id, pre: a.score, post: b.score, gain: normalizedGain(a.percent, b.percent) }));
  const gains = participants.flatMap((p) => (p.gain === null ? [] : [p.gain]));
  const meanPre = mean(pairs.map((p) => p.a.percent));
  const meanPost = mean(pairs.map((p) => p.b.percent));
  const differences = pairs.map(({ a, b }) => (scale === 'marks' ? b.score - a.score : b.percent - a.percent));
  const t = pairedT(differences);
  return {
    matched: ids.length,
    unmatched,
    participants,
    classGain: meanPre === null || meanPost === null ? null : normalizedGain(meanPre, meanPost),
    meanIndividualGain: mean(gains),
    meanDifference: t.meanDifference,
    t: t.t,
    df: t.df,
    p: t.p,
    wilcoxon: wilcoxonSignedRank(differences),
    dz: t.dz,
    objectives: quiz.objectives.map((o) => {
      const ofObjective = (itemId: string) => objectiveOf.get(itemId) === o.id;
      return { id: o.id, pre: preShare(ofObjective), post: postShare(ofObjective) };
    }),
    items: [...new Set([...pre.items, ...post.items].map((i) => i.id))].map((id) => ({
      id,
      preFacility: preShare((x) => x === id),
      postFacility: postShare((x) => x === id),
    })),
    scale,
  };
}
