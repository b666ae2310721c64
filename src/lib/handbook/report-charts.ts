import { placeLabels } from '../assessment/chart-labels.ts';
import { englishCharts, type ChartWords } from '../assessment/charts.ts';
import { fillWords } from '../assessment/report-words.ts';
import { formatDecimal, percentSign } from '../../i18n/numbers.ts';
import type { PageWriter } from '../pdf/writer.ts';
import type { Block } from './blocks.ts';
import { colors } from './theme.ts';

const pre = [0.55, 0.57, 0.6] as const;
const post = [0.05, 0.35, 0.62] as const;

/** Grid lines and tick labels along one axis of a chart (also used by the consultation report's chart). */
export function axis(w: PageWriter, x: number, top: number, width: number, height: number, ticks: number[], label: (v: number) => string, horizontal: boolean): void {
  for (const v of ticks) {
    if (horizontal) {
      const px = x + v * width;
      w.line(px, top, px, top + height, colors.faint, 0.6);
      const l = label(v);
      w.text([{ text: l, style: 'regular', size: 7, color: colors.muted }], px - w.fonts.width(l, 7, 'regular') / 2, top + height + 9);
    } else {
      const py = top + height - v * height;
      w.line(x, py, x + width, py, colors.faint, 0.6);
      const l = label(v);
      w.text([{ text: l, style: 'regular', size: 7, color: colors.muted }], x - 4 - w.fonts.width(l, 7, 'regular'), py + 2.5);
    }
  }
}

/** Participants on one chart of the dumbbell: past this, the chart is cut into parts that each fit a page. */
export const PRE_POST_ROWS = 36;

/**
 * Pre and post score of each participant as a dumbbell: grey dot for pre, blue for post, a line
 * between them, and the pass mark as a dashed line; in parts of at most `PRE_POST_ROWS` participants, as even
 * as can be, each with its axis and legend: drawn whole, 60 participants ran past the foot of
 * the page, over its footer, and the last were cut off.
 * @param words The legend's words in the report's language (`reportWordsIn(lang).charts`).
 */
export function prePostCharts(rows: readonly { id: string; pre: number; post: number }[], passMark: number, words: ChartWords = englishCharts, lang = 'en'): Block[] {
  const parts = Math.max(1, Math.ceil(rows.length / PRE_POST_ROWS));
  const size = Math.ceil(rows.length / parts);
  return Array.from({ length: parts }, (_, k) => dumbbell(rows.slice(k * size, (k + 1) * size), passMark, words, lang));
}

/**
 * A number already written, as a percent of the score report: `50 %` as it has always printed it
 * in English, else in the language's own form (`50 %`, `٥٠٪`).
 */
export const reportPercent = (number: string, lang: string) => (lang === 'en' || lang.startsWith('en-') ? `${number} %` : percentSign(number, lang));

function dumbbell(rows: readonly { id: string; pre: number; post: number }[], passMark: number, words: ChartWords, lang: string): Block {
  const rowH = 13;
  const labelW = 70;
  return {
    kind: 'custom',
    height: rows.length * rowH + 34,
    spaceBefore: 8,
    draw(w, x, top, width) {
      const cx = x + labelW;
      const cw = width - labelW - 10;
      const h = rows.length * rowH;
      axis(w, cx, top + 4, cw, h, [0, 0.25, 0.5, 0.75, 1], (v) => reportPercent(formatDecimal(Math.round(v * 100), 0, lang), lang), true);
      const pm = cx + (passMark / 100) * cw;
      w.line(pm, top, pm, top + h + 6, [0.7, 0.12, 0.12], 0.8, [3, 2]);
      rows.forEach((r, i) => {
        const y = top + 4 + i * rowH + rowH / 2;
        w.text([{ text: r.id, style: 'regular', size: 7.5 }], x, y + 2.6);
        const [a, b] = [cx + (r.pre / 100) * cw, cx + (r.post / 100) * cw];
        w.line(a, y, b, y, colors.rule, 1.2);
        w.circle(a, y, 3, { fill: pre });
        w.circle(b, y, 3, { fill: post });
      });
      // The legend, each key after the one before it (its words are the report's language's).
      const ly = top + h + 24;
      const legend = (text: string, x0: number) => w.text([{ text, style: 'regular', size: 7.5 }], x0, ly) + 16;
      let lx = cx;
      w.circle(lx + 4, ly - 3, 3, { fill: pre });
      lx = legend(words.pre, lx + 10);
      w.circle(lx + 4, ly - 3, 3, { fill: post });
      lx = legend(words.post, lx + 10);
      w.line(lx, ly - 3, lx + 14, ly - 3, [0.7, 0.12, 0.12], 0.8, [3, 2]);
      legend(fillWords(words.pass, { mark: passMark }), lx + 18);
    },
  };
}

/**
 * Items as points: facility (x, 0–1) against discrimination (y, from −0.5, or lower to reach the lowest item, to 1), with the review zone
 * (discrimination below 0.2, facility outside 0.2–0.9) shaded, each point labelled with its item;
 * items at the same or nearly the same place share one label ("li-03, li-24") and labels move
 * aside rather than print over each other (`placeLabels`).
 * @param separator Between the ids of a shared label (`t('list.separator', lang)`).
 * @param words The axes' words in the report's language (`reportWordsIn(lang).charts`).
 */
export function itemScatter(points: readonly { id: string; facility: number; discrimination: number }[], separator = ', ', words: ChartWords = englishCharts, lang = 'en'): Block {
  // The axis reaches down to the lowest item, as on the HTML report: pinned at −0.5, an item of
  // −0.8 (the worst of a test) was drawn as one of −0.5.
  const low = Math.min(-0.5, ...points.map((p) => Math.floor(p.discrimination * 2) / 2));
  const span = 1 - low;
  const height = 220;
  return {
    kind: 'custom',
    height: height + 40,
    spaceBefore: 8,
    draw(w, x, top0, width) {
      const top = top0 + 14;
      const cx = x + 34;
      const cw = Math.min(width - 44, 380);
      const yOf = (d: number) => top + height - ((d - low) / span) * height;
      w.rect(cx, yOf(0.2), cw, yOf(low) - yOf(0.2), { fill: [0.99, 0.94, 0.94] });
      w.rect(cx, top, 0.2 * cw, height, { fill: [0.99, 0.94, 0.94] });
      w.rect(cx + 0.9 * cw, top, 0.1 * cw, height, { fill: [0.99, 0.94, 0.94] });
      axis(w, cx, top, cw, height, [0, 0.2, 0.4, 0.6, 0.8, 1], (v) => formatDecimal(v, 1, lang), true);
      for (let d = low; d <= 1; d += 0.5) {
        const py = yOf(d);
        w.line(cx, py, cx + cw, py, d === 0 ? colors.rule : colors.faint, 0.6);
        const l = formatDecimal(d, 1, lang);
        w.text([{ text: l, style: 'regular', size: 7, color: colors.muted }], cx - 4 - w.fonts.width(l, 7, 'regular'), py + 2.5);
      }
      w.rect(cx, top, cw, height, { stroke: colors.rule, lineWidth: 0.6 });
      const at = points.map((p) => ({ label: p.id, x: cx + p.facility * cw, y: yOf(Math.min(1, p.discrimination)) }));
      for (const p of at) w.circle(p.x, p.y, 2.6, { fill: post });
      const labels = placeLabels(at, { measure: (text) => w.fonts.width(text, 6.5, 'regular'), size: 6.5, radius: 2.6, separator, bounds: { left: cx, top: top0 + 2, right: x + width, bottom: top + height } });
      for (const l of labels) w.text([{ text: l.text, style: 'regular', size: 6.5, color: colors.text }], l.x, l.baseline);
      w.text([{ text: words.facilityAxis, style: 'regular', size: 7.5, color: colors.muted }], cx + cw - w.fonts.width(words.facilityAxis, 7.5, 'regular'), top + height + 20);
      w.text([{ text: words.discriminationAxis, style: 'regular', size: 7.5, color: colors.muted }], cx - 30, top - 6);
    },
  };
}
