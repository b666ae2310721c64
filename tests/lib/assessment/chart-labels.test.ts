import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { placeLabels, type LabelPoint } from '../../../src/lib/assessment/chart-labels.ts';
import { itemMapChart } from '../../../src/lib/assessment/charts.ts';
import type { ScoreReport } from '../../../src/lib/assessment/types.ts';

const measure = (text: string) => text.length * 4;
const options = { measure, size: 7, radius: 2.5 };
const box = (l: { x: number; baseline: number; text: string }) => ({ left: l.x, right: l.x + measure(l.text), top: l.baseline - 7 * 0.74, bottom: l.baseline + 7 * 0.12 });
const overlapping = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('labels of a scatter chart', () => {
  it('points at the same place share one label, in the order given', () => {
    const labels = placeLabels([
      { label: 'li-03', x: 100, y: 50 },
      { label: 'li-24', x: 100, y: 50 },
      { label: 'li-09', x: 200, y: 50 },
    ], options);
    expect(labels.map((l) => l.text).sort()).toEqual(['li-03, li-24', 'li-09']);
    expect(labels.find((l) => l.labels.length === 2)?.labels).toEqual(['li-03', 'li-24']);
  });

  it('points nearly at the same place share one too, with the separator given', () => {
    const labels = placeLabels([
      { label: 'a', x: 10, y: 10 },
      { label: 'b', x: 11.5, y: 10.5 },
    ], { ...options, separator: '، ' });
    expect(labels.map((l) => l.text)).toEqual(['a، b']);
  });

  it('labels of points close together never overlap each other or another point', () => {
    // A crowded column: points a little less than a line apart, and one just right of another.
    const points: LabelPoint[] = [
      ...[0, 6, 12, 18, 24].map((dy, i) => ({ label: `li-1${i}`, x: 100, y: 100 + dy })),
      { label: 'li-20', x: 112, y: 103 },
    ];
    const labels = placeLabels(points, { ...options, bounds: { left: 0, top: 0, right: 400, bottom: 400 } });
    expect(labels).toHaveLength(points.length);
    const boxes = labels.map(box);
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => expect(overlapping(a, b)).toBe(false)));
    for (const [i, l] of labels.entries()) {
      for (const p of points.filter((q) => !l.labels.includes(q.label))) {
        expect(overlapping(boxes[i]!, { left: p.x - 2.5, right: p.x + 2.5, top: p.y - 2.5, bottom: p.y + 2.5 })).toBe(false);
      }
    }
    expect(placeLabels(points, { ...options, bounds: { left: 0, top: 0, right: 400, bottom: 400 } })).toEqual(labels);
  });

  it('a lone point keeps its label on its right', () => {
    const [l] = placeLabels([{ label: 'li-01', x: 50, y: 50 }], options);
    expect(l!.x).toBeGreaterThan(50);
    expect(Math.abs(l!.baseline - 50)).toBeLessThan(7);
  });

  it('the HTML item map prints one label for items at the same place', () => {
    const report = JSON.parse(readFileSync('tests/fixtures/handbook/score-report.json', 'utf8')) as ScoreReport;
    const post = report.forms.post!;
    const [a, b] = post.items;
    const same = { ...post, items: [a!, { ...b!, facility: a!.facility, discrimination: a!.discrimination }, ...post.items.slice(2)] };
    const svg = itemMapChart(same, 'post');
    const texts = [...svg.matchAll(/<text [^>]*font-size="11"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toContain(`${a!.id}, ${b!.id}`);
    expect(texts).not.toContain(a!.id);
    expect(texts).not.toContain(b!.id);
  });
});
