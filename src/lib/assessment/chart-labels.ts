// Labels of the points of a scatter chart (the item map: facility against discrimination) that do
// not print over each other, for the PDF and the SVG alike. Pure geometry: no DOM, no fonts (the
// caller measures), so the scoring page's script can use it.

/** A point of the chart, in the drawing's units, with the label it carries (an item id). */
export interface LabelPoint {
  label: string;
  x: number;
  y: number;
}

/** A label placed: its text, the start of its baseline, and the points it names. */
export interface PlacedLabel {
  text: string;
  x: number;
  baseline: number;
  /** The labels of the points it stands for, in the order given. */
  labels: string[];
}

/** How the labels are measured and where they may go. */
export interface LabelOptions {
  /** Width of a label's text, in the drawing's units. */
  measure(text: string): number;
  /** Font size of the labels. */
  size: number;
  /** Radius of a point's marker. */
  radius: number;
  /** Points closer than this share one label ("li-03, li-24"); the marker's diameter by default. */
  near?: number;
  /** Between the labels of points that share one: `, ` by default (`t('list.separator')` in a PDF). */
  separator?: string;
  /** Where labels may go (the drawing's box); anywhere when absent. */
  bounds?: { left: number; top: number; right: number; bottom: number };
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

/** Points within `near` of each other, chained: one group per place. */
function groups(points: readonly LabelPoint[], near: number): LabelPoint[][] {
  const parent = points.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      if (Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y) <= near) parent[find(j)] = find(i);
    }
  }
  const out = new Map<number, LabelPoint[]>();
  points.forEach((p, i) => {
    const root = find(i);
    out.set(root, [...(out.get(root) ?? []), p]);
  });
  return [...out.values()];
}

/**
 * Places one label per place on the chart. Points at the same or nearly the same place (closer
 * than `near`) share one label, their ids joined ("li-03, li-24"), instead of two labels printed
 * one over the other. Each label then takes the first place beside its point (right, left, right
 * or left a line up or down, above, below, further up or down) that overlaps no label placed
 * before it and no other point's marker and stays in the bounds; when none is free, the place
 * that overlaps least.
 * Deterministic: the same points give the same places.
 * @param points The points, in the order their labels are listed when shared.
 * @param o Measures, sizes and bounds.
 */
export function placeLabels(points: readonly LabelPoint[], o: LabelOptions): PlacedLabel[] {
  const near = o.near ?? 2 * o.radius;
  const separator = o.separator ?? ', ';
  // The ink of an id (lowercase letters without descenders, digits, hyphens, commas), not the em box:
  // labels of points a line apart still fit one under the other.
  const ascent = o.size * 0.74;
  const descent = o.size * 0.12;
  const gap = o.radius + 1.5;
  const line = o.size * 1.05;
  const placed: Box[] = [];
  const markers: Box[] = points.map((p) => ({ left: p.x - o.radius, top: p.y - o.radius, right: p.x + o.radius, bottom: p.y + o.radius }));
  // Left to right, top to bottom: a crowded column is labelled in reading order.
  const order = groups(points, near).sort((a, b) => a[0]!.x - b[0]!.x || a[0]!.y - b[0]!.y);
  return order.map((group) => {
    const labels = group.map((p) => p.label);
    const text = labels.join(separator);
    const width = o.measure(text);
    const cx = group.reduce((s, p) => s + p.x, 0) / group.length;
    const cy = group.reduce((s, p) => s + p.y, 0) / group.length;
    const middle = cy + (ascent - descent) / 2;
    const right = cx + gap;
    const left = cx - gap - width;
    const candidates: [number, number][] = [
      [right, middle],
      [left, middle],
      [right, middle - line],
      [right, middle + line],
      [left, middle - line],
      [left, middle + line],
      [cx - width / 2, cy - gap - descent],
      [cx - width / 2, cy + gap + ascent],
      [right, middle - 2 * line],
      [right, middle + 2 * line],
      [left, middle - 2 * line],
      [left, middle + 2 * line],
    ];
    const own = new Set(group);
    let best: { x: number; baseline: number; box: Box; cost: number } | undefined;
    for (const [x, baseline] of candidates) {
      const box = { left: x, top: baseline - ascent, right: x + width, bottom: baseline + descent };
      const b = o.bounds;
      const out = b ? Math.max(0, b.left - box.left) + Math.max(0, box.right - b.right) + Math.max(0, b.top - box.top) + Math.max(0, box.bottom - b.bottom) : 0;
      let cost = out * o.size * 4;
      for (const other of placed) cost += overlap(box, other);
      points.forEach((p, i) => {
        if (!own.has(p)) cost += overlap(box, markers[i]!);
      });
      if (!best || cost < best.cost) best = { x, baseline, box, cost };
      if (cost === 0) break;
    }
    placed.push(best!.box);
    return { text, x: best!.x, baseline: best!.baseline, labels };
  });
}
