/**
 * Colours of the points of a Likert scale for the diverging bars, the same on screen and in print:
 * brown for disagreement, grey for the neutral point, teal for agreement (ColorBrewer's BrBG, which
 * people with red-green colour blindness tell apart), darker towards the ends. Each fill comes
 * with the text colour (white or near-black) that contrasts most with it.
 */
export interface PointColor {
  /** `#rrggbb`. */
  fill: string;
  /** `#ffffff` or `#1b1f24`. */
  text: string;
  /** The fill as 0–1 channels, for the PDF. */
  rgb: [number, number, number];
}

const STRONG_DISAGREE = [140, 81, 10];
const MILD_DISAGREE = [223, 194, 125];
const NEUTRAL = [217, 217, 217];
const MILD_AGREE = [128, 205, 193];
const STRONG_AGREE = [1, 102, 94];

const hex = (c: number[]) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
const mix = (a: number[], b: number[], f: number) => a.map((v, i) => v + ((b[i] ?? 0) - v) * f);

/** Relative luminance (WCAG 2.1) of an 8-bit RGB colour. */
function luminance(c: number[]): number {
  const [r = 0, g = 0, b = 0] = c.map((v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
const DARK = [27, 31, 36];

/**
 * The colour of each point of a scale, lowest first.
 * @param points Number of points (3 to 11).
 */
export function likertColors(points: number): PointColor[] {
  const side = Math.floor(points / 2);
  const ramp = (from: number[], to: number[]) => Array.from({ length: side }, (_, i) => (side === 1 ? from : mix(from, to, i / (side - 1))));
  const colors = [...ramp(STRONG_DISAGREE, MILD_DISAGREE), ...(points % 2 ? [NEUTRAL] : []), ...ramp(MILD_AGREE, STRONG_AGREE)];
  return colors.map((c) => {
    const l = luminance(c);
    const text = contrast(l, 1) >= contrast(l, luminance(DARK)) ? '#ffffff' : hex(DARK);
    return { fill: hex(c), text, rgb: c.map((v) => Math.round(v) / 255) as [number, number, number] };
  });
}

/** One segment of a diverging bar: a point of the scale, its count, and where it lies (fractions of the bar's width). */
export interface DivergingSegment {
  point: number;
  count: number;
  left: number;
  width: number;
}

/**
 * Where each answered point of a Likert item lies on its diverging bar: the centre line is at 0.5
 * and each half holds every answer, so the neutral point straddles the line, disagreement runs to
 * the left of it and agreement to the right. Points nobody chose are left out.
 * @param s The item's counts and n.
 * @param scale The scale's points and neutral point.
 */
export function divergingSegments(s: { counts: readonly number[]; n: number }, scale: { points: number; neutral: number | null }): DivergingSegment[] {
  if (!s.n) return [];
  const share = (p: number) => (s.counts[p - 1] ?? 0) / s.n / 2;
  const out: DivergingSegment[] = [];
  const mid = scale.neutral;
  const half = mid ? share(mid) / 2 : 0;
  if (mid) out.push({ point: mid, count: s.counts[mid - 1] ?? 0, left: 0.5 - half, width: 2 * half });
  let left = 0.5 - half;
  for (let p = Math.ceil((scale.points + 1) / 2) - 1; p >= 1; p--) {
    if (p === mid) continue;
    left -= share(p);
    out.push({ point: p, count: s.counts[p - 1] ?? 0, left, width: share(p) });
  }
  let right = 0.5 + half;
  for (let p = Math.floor((scale.points + 1) / 2) + 1; p <= scale.points; p++) {
    if (p === mid) continue;
    out.push({ point: p, count: s.counts[p - 1] ?? 0, left: right, width: share(p) });
    right += share(p);
  }
  return out.filter((seg) => seg.count > 0).sort((a, b) => a.point - b.point);
}
