import { commentTypes, type CommentType } from '../../schemas/comment-register.ts';
import type { Block } from '../handbook/blocks.ts';
import { axis } from '../handbook/report-charts.ts';
import { colors } from '../handbook/theme.ts';
import { tickStep, typeColors } from './comment-chart.ts';
import { totalOf, type TypeCounts } from './report-model.ts';

/**
 * The same chart as the consultation page, drawn by the handbook engine: comments by SOP section,
 * horizontal bars stacked by type, with the count at the end of each bar and a legend.
 * @param rows One row per section.
 * @param types Words for the types, in the report's language.
 */
export function commentChartBlock(rows: readonly TypeCounts[], types: Record<CommentType, string>): Block {
  const rowH = 14;
  const labelW = 110;
  return {
    kind: 'custom',
    height: rows.length * rowH + 44,
    spaceBefore: 8,
    keepWithNext: false,
    draw(w, x, top, width) {
      let lx = x + labelW;
      for (const t of commentTypes) {
        w.rect(lx, top, 8, 8, { fill: typeColors[t].print });
        w.text([{ text: types[t], style: 'regular', size: 7.5 }], lx + 11, top + 7.2);
        lx += 22 + w.fonts.width(types[t], 7.5, 'regular');
      }
      const cx = x + labelW;
      const cw = width - labelW - 24;
      const h = rows.length * rowH;
      const max = Math.max(1, ...rows.map(totalOf));
      const step = tickStep(max);
      const end = Math.ceil(max / step) * step;
      const ticks = Array.from({ length: end / step + 1 }, (_, i) => (i * step) / end);
      const chartTop = top + 16;
      axis(w, cx, chartTop, cw, h, ticks, (v) => String(Math.round(v * end)), true);
      rows.forEach((row, i) => {
        const y = chartTop + i * rowH;
        const label = row.label;
        w.text([{ text: label, style: 'regular', size: 7.5, color: colors.text }], cx - 6 - w.fonts.width(label, 7.5, 'regular'), y + rowH / 2 + 2.6);
        let start = 0;
        for (const t of commentTypes) {
          const n = row.counts[t];
          if (!n) continue;
          w.rect(cx + (start / end) * cw, y + 2.5, (n / end) * cw, rowH - 5, { fill: typeColors[t].print });
          start += n;
        }
        w.text([{ text: String(start), style: 'bold', size: 7.5, color: colors.text }], cx + (start / end) * cw + 3, y + rowH / 2 + 2.6);
      });
    },
  };
}
