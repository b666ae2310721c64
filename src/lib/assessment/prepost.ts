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

/** Fraction of the marks earned on the given item indexes, over the chosen attempts. */
function share(scored: ScoredForm, ids: ReadonlySet<string>, want: (itemId: string) => boolean): number | null {
  const cols = scored.items.flatMap((item, j) => (want(item.id) ? [j] : []));
  const rows = scored.responses.flatMap((r, i) => (ids.has(r.participant) ? [scored.marks[i] ?? []] : []));
  const possible = cols.reduce((sum, j) => sum + (scored.items[j]?.marks ?? 0), 0) * rows.length;
  if (possible === 0) return null;
  const earned = rows.reduce((sum, row) => sum + cols.reduce((s, j) => s + (row[j] ?? 0), 0), 0);
  return earned / possible;
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
      const ofObjective = (itemId: string) => quiz.items.find((i) => i.id === itemId)?.objective === o.id;
      return { id: o.id, pre: share(pre, matched, ofObjective), post: share(post, matched, ofObjective) };
    }),
    items: [...new Set([...pre.items, ...post.items].map((i) => i.id))].map((id) => ({
      id,
      preFacility: share(pre, matched, (x) => x === id),
      postFacility: share(post, matched, (x) => x === id),
    })),
    scale,
  };
}
