/**
 * Descriptive statistics with the conventions of Moodle's quiz statistics: variances and covariances
 * divide by (s − 1); undefined results are null, never NaN.
 */

/** Numbers: a plain array or a typed array. */
export type Numbers = ArrayLike<number>;

/** Arithmetic mean; null for no values. */
export function mean(xs: Numbers): number | null {
  if (xs.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i] ?? 0;
  return sum / xs.length;
}

/** Median (mean of the two middle values for an even count); null for no values. */
export function median(xs: Numbers): number | null {
  if (xs.length === 0) return null;
  const sorted = Float64Array.from(xs).sort();
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Sample covariance (s − 1 denominator); null with fewer than two pairs. */
export function covariance(xs: Numbers, ys: Numbers): number | null {
  const n = xs.length;
  if (n < 2 || ys.length !== n) return null;
  const mx = mean(xs) ?? 0;
  const my = mean(ys) ?? 0;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += ((xs[i] ?? 0) - mx) * ((ys[i] ?? 0) - my);
  return sum / (n - 1);
}

/** Sample variance (s − 1 denominator); null with fewer than two values. */
export function variance(xs: Numbers): number | null {
  return covariance(xs, xs);
}

/** Sample standard deviation; null with fewer than two values. */
export function sd(xs: Numbers): number | null {
  const v = variance(xs);
  return v === null ? null : Math.sqrt(v);
}

/** Pearson correlation; null when either variable does not vary. */
export function correlation(xs: Numbers, ys: Numbers): number | null {
  const c = covariance(xs, ys);
  const vx = variance(xs);
  const vy = variance(ys);
  if (c === null || !vx || !vy) return null;
  return c / Math.sqrt(vx * vy);
}

/**
 * Central moment m_r = Σ(x − mean)^r / s, for r = 2, 3, 4. Powers are plain products (not `**`,
 * whose rounding may differ between JavaScript engines), so Node and the browser agree to the bit.
 */
function moment(xs: Numbers, r: 2 | 3 | 4): number {
  const m = mean(xs) ?? 0;
  let sum = 0;
  for (let i = 0; i < xs.length; i++) {
    const d = (xs[i] ?? 0) - m;
    const d2 = d * d;
    sum += r === 2 ? d2 : r === 3 ? d2 * d : d2 * d2;
  }
  return sum / xs.length;
}

/** A variance this small is rounding noise, not spread: the shape statistics are then undefined. */
const EPSILON = 1e-12;

/**
 * Bias-corrected skewness G1 = k3 / k2^1.5 with k2 = s·m2/(s−1), k3 = s²·m3/((s−1)(s−2)).
 * Null for fewer than 3 values or no spread.
 */
export function skewness(xs: Numbers): number | null {
  const s = xs.length;
  if (s < 3) return null;
  const k2 = (s * moment(xs, 2)) / (s - 1);
  if (k2 < EPSILON) return null;
  const k3 = (s * s * moment(xs, 3)) / ((s - 1) * (s - 2));
  return k3 / (k2 * Math.sqrt(k2));
}

/**
 * Bias-corrected excess kurtosis G2 = k4 / k2² with
 * k4 = s²·((s+1)·m4 − 3(s−1)·m2²)/((s−1)(s−2)(s−3)). Null for fewer than 4 values or no spread.
 */
export function kurtosis(xs: Numbers): number | null {
  const s = xs.length;
  if (s < 4) return null;
  const m2 = moment(xs, 2);
  const k2 = (s * m2) / (s - 1);
  if (k2 < EPSILON) return null;
  const k4 = (s * s * ((s + 1) * moment(xs, 4) - 3 * (s - 1) * m2 * m2)) / ((s - 1) * (s - 2) * (s - 3));
  return k4 / (k2 * k2);
}

/**
 * Cronbach's alpha from an attempts × items matrix of marks: (p/(p−1))·(1 − Σ var(item) / var(total)).
 * Equals KR-20 for 0/1 items. Null with fewer than two items or attempts, or no spread in totals.
 * @param matrix One row per attempt, one column per item.
 */
export function cronbachAlpha(matrix: readonly (readonly number[])[]): number | null {
  const p = matrix[0]?.length ?? 0;
  if (p < 2 || matrix.length < 2) return null;
  const totals = Float64Array.from(matrix, (row) => row.reduce((a, b) => a + b, 0));
  const vt = variance(totals);
  if (vt === null || vt < EPSILON) return null;
  let sumItems = 0;
  for (let j = 0; j < p; j++) sumItems += variance(Float64Array.from(matrix, (row) => row[j] ?? 0)) ?? 0;
  return (p / (p - 1)) * (1 - sumItems / vt);
}
