import { placeLabels } from './chart-labels.ts';
import { flagLimits } from './item-analysis.ts';
import type { FormStats, PrePostStats } from './types.ts';

/** Escapes text for HTML and SVG. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/**
 * A text from a file or a course (a name, a venue, an untranslated title), escaped and isolated in
 * its own direction (`<bdi>`): on an Arabic report "Amina K." kept its full stop at its start and
 * "[Training room, …]" its brackets mirrored. Empty for no text.
 */
export function bdi(text: string | undefined): string {
  return text ? `<bdi>${esc(text)}</bdi>` : '';
}

/** The charts' words; `{name}` placeholders are filled by the chart. English by default. */
export interface ChartWords {
  /** Legend of the pre/post chart: the pre-test's and post-test's short names. */
  pre: string;
  post: string;
  /** `pass {mark}%` */
  pass: string;
  /** Title of the pre/post chart. */
  prePostTitle: string;
  /** `{n} participants; hollow dot = pre-test, filled dot = post-test, in percent of the maximum score.` */
  prePostDesc: string;
  facilityAxis: string;
  discriminationAxis: string;
  /** `{id}: facility {f}, discrimination {d}` */
  point: string;
  /** `Facility against discrimination, {form}` */
  itemMapTitle: string;
  /** The forms' names in the item map's title: `pre-test`, `post-test`. */
  preTest: string;
  postTest: string;
  /** `{n} items. The shaded band ...` */
  itemMapDesc: string;
}

/** The charts' words in English, as `sopkit score` writes them. */
export const englishCharts: ChartWords = {
  pre: 'pre',
  post: 'post',
  pass: 'pass {mark}%',
  prePostTitle: 'Pre-test and post-test score of each participant',
  prePostDesc: '{n} participants; hollow dot = pre-test, filled dot = post-test, in percent of the maximum score.',
  facilityAxis: 'facility (share of marks earned)',
  discriminationAxis: 'discrimination r(item, rest)',
  point: '{id}: facility {f}, discrimination {d}',
  itemMapTitle: 'Facility against discrimination, {form}',
  preTest: 'pre-test',
  postTest: 'post-test',
  itemMapDesc: '{n} items. The shaded band holds items with facility between 0.2 and 0.9 and discrimination of at least 0.2; red items discriminate negatively.',
};

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (whole, k: string) => (k in values ? String(values[k]) : whole));

const colors = { text: '#1b1f24', muted: '#4a5360', grid: '#d5dae0', gain: '#0f5f66', loss: '#a11d1d', band: '#e3f1f2' };
const r1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Pre vs post for each matched participant: a dot for each score (percent of the form) joined by
 * a line, teal when the score rose and red when it fell, with the pass mark as a dashed line.
 * @param prepost The pre/post comparison.
 * @param percents Percent scores by participant id, for each form.
 * @param passMark Pass mark in percent.
 * @param words The chart's words (English when absent).
 */
export function prePostChart(prepost: PrePostStats, percents: { pre: Map<string, number>; post: Map<string, number> }, passMark: number, words: ChartWords = englishCharts): string {
  const rows = prepost.participants
    .map((p) => ({ id: p.id, pre: percents.pre.get(p.id) ?? 0, post: percents.post.get(p.id) ?? 0 }))
    .sort((a, b) => b.post - b.pre - (a.post - a.pre) || a.id.localeCompare(b.id, 'en', { numeric: true }));
  const left = 84;
  const right = 16;
  const width = 640;
  const rowH = 20;
  const top = 28;
  const height = top + rows.length * rowH + 30;
  const x = (pct: number) => r1(left + ((width - left - right) * Math.max(0, Math.min(100, pct))) / 100);
  const parts: string[] = [];
  for (const tick of [0, 25, 50, 75, 100]) {
    parts.push(`<line x1="${x(tick)}" y1="${top - 6}" x2="${x(tick)}" y2="${height - 24}" stroke="${colors.grid}"/>`);
    parts.push(`<text x="${x(tick)}" y="${height - 8}" text-anchor="middle" font-size="12" fill="${colors.muted}">${tick}%</text>`);
  }
  parts.push(`<circle cx="12" cy="${top - 14}" r="5" fill="#fff" stroke="${colors.muted}" stroke-width="2"/><text x="22" y="${top - 10}" font-size="12" fill="${colors.text}">${esc(words.pre)}</text>`);
  parts.push(`<circle cx="56" cy="${top - 14}" r="5" fill="${colors.gain}"/><text x="66" y="${top - 10}" font-size="12" fill="${colors.text}">${esc(words.post)}</text>`);
  parts.push(`<line x1="${x(passMark)}" y1="${top - 10}" x2="${x(passMark)}" y2="${height - 24}" stroke="${colors.text}" stroke-dasharray="4 3"/>`);
  parts.push(`<text x="${x(passMark)}" y="${top - 14}" text-anchor="middle" font-size="12" fill="${colors.text}">${esc(fill(words.pass, { mark: passMark }))}</text>`);
  rows.forEach((row, i) => {
    const y = top + i * rowH + rowH / 2;
    const color = row.post >= row.pre ? colors.gain : colors.loss;
    parts.push(`<text x="${left - 8}" y="${y + 4}" text-anchor="end" font-size="12" fill="${colors.text}">${esc(row.id)}</text>`);
    parts.push(`<line x1="${x(row.pre)}" y1="${y}" x2="${x(row.post)}" y2="${y}" stroke="${color}" stroke-width="3"/>`);
    parts.push(`<circle cx="${x(row.pre)}" cy="${y}" r="5" fill="#fff" stroke="${colors.muted}" stroke-width="2"><title>${esc(row.id)} ${esc(words.pre)} ${r1(row.pre)}%</title></circle>`);
    parts.push(`<circle cx="${x(row.post)}" cy="${y}" r="5" fill="${color}"><title>${esc(row.id)} ${esc(words.post)} ${r1(row.post)}%</title></circle>`);
  });
  const desc = fill(words.prePostDesc, { n: rows.length });
  return `<svg class="chart" role="img" aria-labelledby="pp-title pp-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif"><title id="pp-title">${esc(words.prePostTitle)}</title><desc id="pp-desc">${esc(desc)}</desc>${parts.join('')}</svg>`;
}

/**
 * Facility against discrimination for each item of a form, with the band where items work well
 * (facility 0.2–0.9, discrimination ≥ 0.2) shaded. Items without a discrimination are left out.
 * @param form Form statistics.
 * @param id Unique suffix for the SVG's title ids.
 * @param words The chart's words (English when absent).
 */
export function itemMapChart(form: FormStats, id: 'pre' | 'post', words: ChartWords = englishCharts): string {
  const points = form.items.flatMap((item) => (item.facility === null || item.discrimination === null ? [] : [{ id: item.id, f: item.facility, d: item.discrimination }]));
  const width = 480;
  const height = 320;
  const pad = { left: 52, right: 16, top: 16, bottom: 44 };
  const dMin = Math.min(-0.2, ...points.map((p) => Math.floor(p.d * 5) / 5));
  const x = (f: number) => r1(pad.left + (width - pad.left - pad.right) * f);
  const y = (d: number) => r1(pad.top + ((height - pad.top - pad.bottom) * (1 - d)) / (1 - dMin));
  const parts: string[] = [
    `<rect x="${x(flagLimits.facilityLow)}" y="${y(1)}" width="${r1(x(flagLimits.facilityHigh) - x(flagLimits.facilityLow))}" height="${r1(y(flagLimits.discrimination) - y(1))}" fill="${colors.band}"/>`,
  ];
  for (let f = 0; f <= 1.0001; f += 0.2) {
    parts.push(`<line x1="${x(f)}" y1="${y(1)}" x2="${x(f)}" y2="${y(dMin)}" stroke="${colors.grid}"/><text x="${x(f)}" y="${height - 26}" text-anchor="middle" font-size="12" fill="${colors.muted}">${f.toFixed(1)}</text>`);
  }
  for (let d = dMin; d <= 1.0001; d += 0.2) {
    const v = Math.round(d * 10) / 10;
    parts.push(`<line x1="${x(0)}" y1="${y(v)}" x2="${x(1)}" y2="${y(v)}" stroke="${v === 0 ? colors.muted : colors.grid}"/><text x="${pad.left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="12" fill="${colors.muted}">${v.toFixed(1)}</text>`);
  }
  parts.push(`<text x="${r1((x(0) + x(1)) / 2)}" y="${height - 6}" text-anchor="middle" font-size="12" fill="${colors.text}">${esc(words.facilityAxis)}</text>`);
  parts.push(`<text transform="translate(14 ${r1((y(1) + y(dMin)) / 2)}) rotate(-90)" text-anchor="middle" font-size="12" fill="${colors.text}">${esc(words.discriminationAxis)}</text>`);
  for (const p of points) {
    const good = p.d >= flagLimits.discrimination && p.f >= flagLimits.facilityLow && p.f <= flagLimits.facilityHigh;
    const color = p.d < 0 ? colors.loss : good ? colors.gain : colors.text;
    parts.push(`<circle cx="${x(p.f)}" cy="${y(p.d)}" r="4.5" fill="${color}"><title>${esc(fill(words.point, { id: p.id, f: p.f.toFixed(2), d: p.d.toFixed(2) }))}</title></circle>`);
  }
  // Items at the same place share one label; labels move aside rather than print over each other.
  // The SVG has no font metrics: a label's width is estimated (system-ui, about 0.6 em a character).
  const labels = placeLabels(points.map((p) => ({ label: p.id, x: x(p.f), y: y(p.d) })), { measure: (text) => text.length * 11 * 0.6, size: 11, radius: 4.5, bounds: { left: pad.left, top: 0, right: width, bottom: height - 34 } });
  for (const l of labels) parts.push(`<text x="${r1(l.x)}" y="${r1(l.baseline)}" font-size="11" fill="${colors.text}">${esc(l.text)}</text>`);
  const desc = fill(words.itemMapDesc, { n: points.length });
  return `<svg class="chart" role="img" aria-labelledby="im-${id}-title im-${id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif"><title id="im-${id}-title">${esc(fill(words.itemMapTitle, { form: id === 'pre' ? words.preTest : words.postTest }))}</title><desc id="im-${id}-desc">${esc(desc)}</desc>${parts.join('')}</svg>`;
}
