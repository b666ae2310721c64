import { t as tr } from '../../i18n/index.ts';
import { commentTypes, type CommentType } from '../../schemas/comment-register.ts';
import { esc } from '../assessment/charts.ts';
import { totalOf, type TypeCounts } from './report-model.ts';

/** Colours of the comment types, distinct in grey too, shared by the web and print charts. */
export const typeColors: Record<CommentType, { web: string; print: readonly [number, number, number] }> = {
  general: { web: '#5b6675', print: [0.36, 0.4, 0.46] },
  technical: { web: '#0f5f66', print: [0.06, 0.37, 0.4] },
  editorial: { web: '#c98a1b', print: [0.79, 0.54, 0.11] },
};

/** Round tick step for a maximum count: 1, 2, 5, 10... */
export function tickStep(max: number): number {
  for (const step of [1, 2, 5, 10, 20, 50, 100]) if (max / step <= 8) return step;
  return Math.ceil(max / 8);
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Comments by SOP section as horizontal bars stacked by type (general, technical, editorial),
 * each bar labelled with its count and each segment with a tooltip, for the consultation page.
 * @param rows One row per section (or per SOP).
 * @param id Unique suffix for the SVG's title ids.
 * @param labels Words for the title, the types and the axis, in the page's language.
 * @param lang The page's language, for the commas and semicolons of the chart's description.
 */
export function commentChartSvg(rows: readonly TypeCounts[], id: string, labels: { title: string; types: Record<CommentType, string>; axis: string }, lang = 'en'): string {
  const left = 150;
  const right = 36;
  const width = 640;
  const rowH = 22;
  const top = 34;
  const height = top + rows.length * rowH + 34;
  const max = Math.max(1, ...rows.map(totalOf));
  const step = tickStep(max);
  const end = Math.ceil(max / step) * step;
  const x = (n: number) => r1(left + ((width - left - right) * n) / end);
  const parts: string[] = [];
  for (let tick = 0; tick <= end; tick += step) {
    parts.push(`<line x1="${x(tick)}" y1="${top - 4}" x2="${x(tick)}" y2="${height - 28}" stroke="#d5dae0"/><text x="${x(tick)}" y="${height - 14}" text-anchor="middle" font-size="12" fill="#4a5360">${tick}</text>`);
  }
  let lx = 0;
  for (const t of commentTypes) {
    parts.push(`<rect x="${lx}" y="6" width="12" height="12" fill="${typeColors[t].web}"/><text x="${lx + 17}" y="16" font-size="12" fill="#1b1f24">${esc(labels.types[t])}</text>`);
    lx += 30 + labels.types[t].length * 7;
  }
  rows.forEach((row, i) => {
    const y = top + i * rowH;
    parts.push(`<text x="${left - 8}" y="${y + 15}" text-anchor="end" font-size="12" fill="#1b1f24">${esc(row.label)}</text>`);
    let start = 0;
    for (const t of commentTypes) {
      const n = row.counts[t];
      if (!n) continue;
      parts.push(`<rect x="${x(start)}" y="${y + 3}" width="${r1(x(start + n) - x(start))}" height="${rowH - 6}" fill="${typeColors[t].web}"><title>${esc(`${row.label}: ${n} ${labels.types[t]}`)}</title></rect>`);
      start += n;
    }
    parts.push(`<text x="${x(start) + 5}" y="${y + 15}" font-size="12" fill="#1b1f24">${start}</text>`);
  });
  parts.push(`<text x="${r1((left + width - right) / 2)}" y="${height - 1}" text-anchor="middle" font-size="12" fill="#4a5360">${esc(labels.axis)}</text>`);
  const desc = rows.map((r) => `${r.label}: ${commentTypes.map((t) => `${r.counts[t]} ${labels.types[t]}`).join(tr('list.separator', lang))}`).join(tr('list.semicolon', lang));
  return `<svg class="chart" role="img" aria-labelledby="cc-${id}-title cc-${id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif"><title id="cc-${id}-title">${esc(labels.title)}</title><desc id="cc-${id}-desc">${esc(desc)}</desc>${parts.join('')}</svg>`;
}
