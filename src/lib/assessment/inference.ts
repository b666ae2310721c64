import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import { mean, sd } from './stats.ts';
import type { WilcoxonResult } from './types.ts';

/** A paired t test of post against pre. */
export interface PairedT {
  meanDifference: number | null;
  t: number | null;
  df: number | null;
  /** Two-sided p from the t distribution (stdlib's CDF). */
  p: number | null;
  /** Cohen's d_z: mean difference / sd of the differences. */
  dz: number | null;
}

/**
 * Paired t test on differences d = post − pre, as R's `t.test(post, pre, paired = TRUE)`.
 * t and p are null when the differences do not vary (R stops with "data are essentially constant").
 */
export function pairedT(differences: readonly number[]): PairedT {
  const n = differences.length;
  const m = mean(differences);
  const s = sd(differences);
  if (m === null || s === null || n < 2 || s < 1e-12 * Math.max(1, Math.abs(m))) {
    return { meanDifference: m, t: null, df: n >= 2 ? n - 1 : null, p: null, dz: null };
  }
  const t = m / (s / Math.sqrt(n));
  const df = n - 1;
  const p = Math.min(1, 2 * tCdf(-Math.abs(t), df));
  return { meanDifference: m, t, df, p, dz: m / s };
}

/** Ranks with ties given their average rank (R's `rank`, ties.method = "average"). */
export function averageRanks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x);
  const ranks = new Array<number>(xs.length).fill(0);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.x === order[start]?.x) end++;
    const rank = (start + end + 2) / 2;
    for (let k = start; k <= end; k++) ranks[order[k]?.i ?? 0] = rank;
    start = end + 1;
  }
  return ranks;
}

/**
 * The exact null distribution of the signed-rank statistic V for n pairs without ties:
 * counts[v] = number of subsets of {1..n} with sum v (R's `dsignrank` × 2^n).
 */
export function signedRankCounts(n: number): number[] {
  const max = (n * (n + 1)) / 2;
  const counts = new Array<number>(max + 1).fill(0);
  counts[0] = 1;
  for (let k = 1; k <= n; k++) {
    for (let v = max; v >= k; v--) counts[v] = (counts[v] ?? 0) + (counts[v - k] ?? 0);
  }
  return counts;
}

/**
 * P(V ≤ q), or P(V > q) when `lower` is false, for the exact signed-rank distribution (R's
 * `psignrank(q, n, lower.tail)`). Each tail is summed directly so a small p keeps its precision.
 */
export function pSignRank(q: number, n: number, lower = true): number {
  const counts = signedRankCounts(n);
  const cut = Math.floor(q);
  let sum = 0;
  counts.forEach((c, v) => {
    if (lower ? v <= cut : v > cut) sum += c;
  });
  return sum / 2 ** n;
}

/**
 * Wilcoxon signed-rank test on the differences post − pre, two-sided, following R's
 * `wilcox.test(post, pre, paired = TRUE)`: zero differences are dropped; the exact distribution is
 * used when fewer than 50 differences remain and there are neither ties nor zeros; otherwise the
 * normal approximation with the tie correction of the variance and a continuity correction.
 */
export function wilcoxonSignedRank(differences: readonly number[]): WilcoxonResult {
  // Differences computed from floating marks (partial credit) can be 1e-16 off; round before comparing.
  const rounded = differences.map((d) => Math.round(d * 1e9) / 1e9);
  const zeros = rounded.some((d) => d === 0);
  const d = rounded.filter((x) => x !== 0);
  const n = d.length;
  if (n === 0) return { V: null, p: null, method: 'not computed' };
  const ranks = averageRanks(d.map(Math.abs));
  const V = d.reduce((sum, x, i) => (x > 0 ? sum + (ranks[i] ?? 0) : sum), 0);
  const ties = new Set(ranks).size !== ranks.length;
  if (n < 50 && !ties && !zeros) {
    const half = (n * (n + 1)) / 4;
    const p = V > half ? pSignRank(V - 1, n, false) : pSignRank(V, n);
    return { V, p: Math.min(1, 2 * p), method: 'exact' };
  }
  const counts = new Map<number, number>();
  for (const r of ranks) counts.set(r, (counts.get(r) ?? 0) + 1);
  let tieSum = 0;
  for (const t of counts.values()) tieSum += t ** 3 - t;
  const z0 = V - (n * (n + 1)) / 4;
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieSum / 48);
  if (sigma === 0) return { V, p: null, method: 'normal approximation with continuity correction' };
  const z = (z0 - Math.sign(z0) * 0.5) / sigma;
  const p = 2 * Math.min(normalCdf(z, 0, 1), normalCdf(-z, 0, 1));
  return { V, p: Math.min(1, p), method: 'normal approximation with continuity correction' };
}
