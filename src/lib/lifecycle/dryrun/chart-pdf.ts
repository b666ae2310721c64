import { direction } from '../../../i18n/index.ts';
import { ownDirection } from '../../fonts/index.ts';
import type { Block } from '../../handbook/blocks.ts';
import { run } from '../../handbook/inline.ts';
import { breakLines, measureWords, type Line, type Measure } from '../../handbook/lines.ts';
import { drawLine } from '../../handbook/text-items.ts';
import { colors, contentBox, geometry } from '../../handbook/theme.ts';
import type { Direction } from '../../pdf/bidi.ts';
import type { PageWriter, Rgb } from '../../pdf/writer.ts';
import { axisMax, axisTicks, chartLabel, chartRows, clipped, pct, sectionTitle, type ChartRow } from './report-data.ts';
import type { DryRunModel } from './model.ts';
import { fitted } from './print.ts';

/** Marker colours of the sites; the marker shape (circle, square, diamond) tells them apart too. */
export const siteColors: readonly Rgb[] = [[0.05, 0.3, 0.55], [0.72, 0.3, 0.0], [0.2, 0.45, 0.2], [0.45, 0.2, 0.5]];
const ROW = 13;
const LABEL = 140;
/** The minutes' column at least; wider where its labels need it (`textColumn`). */
const TEXT = 142;
/** The minutes beside a step's line: 7 pt, after the plot's arrow and the site's marker. */
const MINUTES_SIZE = 7;
const MINUTES_X = 16;

/** A site's marker: circle, square, diamond, triangle, in its colour. */
export function marker(w: PageWriter, index: number, cx: number, cy: number, r = 3.2): void {
  const fill = siteColors[index % siteColors.length]!;
  const shape = index % 4;
  if (shape === 0) w.circle(cx, cy, r, { fill });
  else if (shape === 1) w.rect(cx - r, cy - r, 2 * r, 2 * r, { fill });
  else if (shape === 2) w.polyline([[cx, cy - r - 0.6], [cx + r + 0.6, cy], [cx, cy + r + 0.6], [cx - r - 0.6, cy]], { fill }, true);
  else w.polyline([[cx, cy - r], [cx + r, cy + r], [cx - r, cy + r]], { fill }, true);
}

function plot(x: number, width: number, text: number): { x0: number; w: number } {
  return { x0: x + LABEL, w: width - LABEL - text };
}

/** A line's minutes as the chart writes them, bold where the line runs past its limit. */
function minutesLabel(r: ChartRow, noLimit: string, lang: string): { text: string; style: 'regular' | 'bold' } {
  return { text: chartLabel(r, noLimit, lang), style: r.minutes.ratio && r.minutes.ratio.max > 1 ? 'bold' : 'regular' };
}

/**
 * Width of the minutes' column: the widest label after the marker, measured (the plot narrows to
 * make room). The Arabic "2,600 دقيقة (2,500–2,950)؛ 3 من 3 تجاوزت المهلة" took 142 pt of a 126 pt
 * column and ran 16 pt into the page's margin.
 */
function textColumn(rows: readonly ChartRow[], noLimit: string, lang: string, measure: Measure = measureWords): number {
  const widest = Math.max(0, ...rows.map((r) => minutesLabel(r, noLimit, lang)).map((l) => measure(l.text, MINUTES_SIZE, l.style)));
  return Math.max(TEXT, Math.ceil(MINUTES_X + widest + 2));
}

function axisBlock(max: number, top: boolean, text: number, lang = 'en'): Block {
  return {
    kind: 'custom',
    height: 14,
    keepWithNext: top,
    draw(w, x, y, width) {
      const p = plot(x, width, text);
      for (const v of axisTicks(max)) {
        const px = p.x0 + (v / max) * p.w;
        const label = pct(v, lang);
        w.text([{ text: label, style: v === 1 ? 'bold' : 'regular', size: 7, color: v === 1 ? colors.text : colors.muted }], px - w.fonts.width(label, 7, v === 1 ? 'bold' : 'regular') / 2, y + 9);
      }
    },
  };
}

const TITLE_SIZE = 7.5;

/**
 * A step's number and title on at most `max` lines (two, or one per site drawn for the step), in bold
 * beside its lines. A longer title is cut at a word and ends with "…" (`fitted`, counting lines
 * instead of points): the last lines were dropped silently, so "6.2 Check the evidence against the"
 * read as the whole title. The cut text is broken again as one paragraph, so a right-to-left title
 * keeps its order and the "…" lands at its end (its left).
 */
export function titleLines(text: string, max: number, measure: Measure = measureWords): Line[] {
  const limit = Math.max(1, max);
  const linesOf = (s: string) => breakLines([run(s, 'bold')], LABEL - 10, TITLE_SIZE, measure);
  return linesOf(fitted(text, limit, (s) => linesOf(s).length)).slice(0, limit);
}

function stepBlock(model: DryRunModel, rows: readonly ChartRow[], max: number, text: number, noLimit: string, lang: string): Block {
  const first = rows[0]!;
  // The section's title on two lines at least (as many as the step has sites where it has more):
  // a step seen at one site had one line, and its title was cut after two or three words.
  const lines = titleLines(`${first.step} ${sectionTitle(model, first.step)}`, Math.max(2, rows.length));
  const height = Math.max(rows.length, lines.length) * ROW + 4;
  return {
    kind: 'custom',
    height,
    draw(w, x, top, width) {
      const p = plot(x, width, text);
      w.line(x, top, x + width, top, colors.faint, 0.6);
      for (const v of axisTicks(max)) {
        const px = p.x0 + (v / max) * p.w;
        w.line(px, top, px, top + height, v === 1 ? colors.text : colors.faint, v === 1 ? 0.8 : 0.5, v === 1 ? [3, 2] : undefined);
      }
      lines.forEach((line, i) => drawLine(w, line, x, top + 2 + i * ROW, TITLE_SIZE, ROW));
      rows.forEach((r, i) => {
        const cy = top + 2 + i * ROW + ROW / 2;
        const ratio = r.minutes.ratio;
        if (ratio) {
          const at = (v: number) => p.x0 + (Math.min(v, max) / max) * p.w;
          w.line(at(ratio.min), cy, Math.max(at(ratio.max), at(ratio.min) + 0.5), cy, siteColors[r.siteIndex % siteColors.length]!, 1.6);
          marker(w, r.siteIndex, at(ratio.median), cy, 3.4);
          // Beyond the axis: an arrow at its end says the line goes on; the minutes are written beside it.
          // Drawn over the median's mark, which sits at the end too when the median is beyond.
          if (clipped(r, max)) w.polyline([[p.x0 + p.w + 1.5, cy - 2.8], [p.x0 + p.w + 6.5, cy], [p.x0 + p.w + 1.5, cy + 2.8]], { fill: siteColors[r.siteIndex % siteColors.length]! }, true);
        }
        marker(w, r.siteIndex, p.x0 + p.w + 10, cy, 2.6);
        const label = minutesLabel(r, noLimit, lang);
        w.text([{ text: label.text, style: label.style, size: MINUTES_SIZE, color: label.style === 'bold' ? [0.62, 0.1, 0.1] : colors.text }], p.x0 + p.w + MINUTES_X, cy + 2.5);
      });
    },
  };
}

/** The legend's names: 7.5 pt, on lines 12 pt apart, 2 pt below the block's top. */
const LEGEND_SIZE = 7.5;
const LEGEND_LINE = 12;
const LEGEND_TOP = 2;
/** Before a site's name, its marker; before the limit's word, the dashed line; after each entry, a gap. */
const SITE_LEAD = 11;
const LIMIT_LEAD = 20;
const LEGEND_GAP = 7;

/** One entry of the legend placed: its marker (`site`, an index of the record's sites) or the dashed limit, and its text's lines. */
export interface LegendEntry {
  site?: number;
  /** Layout x of the entry's start (its marker), from the chart's start edge. */
  x: number;
  /** The legend line the entry starts on. */
  line: number;
  /** Where the text starts after the marker. */
  lead: number;
  lines: Line[];
  /**
   * A site name's own direction (`ownDirection`, its first letter's), whatever the document's, as
   * the HTML legend sets it; the limit's word takes the document's. Set in the document's,
   * `نقطة تسجيل المواليد في [Regional Referral Hospital]` in an English report printed its
   * bracketed English words before the Arabic ones, and `[Northern District] office (مكتب الشمال)`
   * in an Arabic report put its first words last.
   */
  dir?: Direction;
}

/**
 * The legend laid out in a width: the sites' names, then the limit, one after the other on a line
 * and onto the next where the next entry does not fit; a name wider than the whole width is broken
 * between words on lines of its own. Measured with the embedded faces: one line of every site's
 * name ran off the page with two long office names, or three sites.
 */
export function legendLayout(entries: readonly { site?: number; text: string }[], width: number, measure: Measure = measureWords): { entries: LegendEntry[]; lines: number } {
  const out: LegendEntry[] = [];
  let [x, line] = [0, 0];
  for (const e of entries) {
    const lead = e.site === undefined ? LIMIT_LEAD : SITE_LEAD;
    const lines = breakLines([run(e.text)], Math.max(1, width - lead), LEGEND_SIZE, measure);
    const w = lead + Math.max(0, ...lines.map((l) => l.width));
    if (x > 0 && (lines.length > 1 || x + w > width)) [x, line] = [0, line + 1];
    const dir = e.site === undefined ? undefined : ownDirection(e.text);
    out.push({ site: e.site, x, line, lead, lines, ...(dir ? { dir } : {}) });
    if (lines.length > 1) [x, line] = [0, line + lines.length];
    else x += w + LEGEND_GAP;
  }
  return { entries: out, lines: x > 0 ? line + 1 : line };
}

function legend(model: DryRunModel, rows: readonly ChartRow[], limitLabel: string, lang: string): Block {
  const sites = model.data.sites.map((s, i) => ({ site: i, text: s.name })).filter(({ site }) => rows.some((r) => r.siteIndex === site));
  const entries = [...sites, { text: limitLabel }];
  const heightAt = (width: number) => 2 * LEGEND_TOP + legendLayout(entries, width).lines * LEGEND_LINE;
  return {
    kind: 'custom',
    // The dry-run documents are A4; the layout asks `heightAt` its own width.
    height: heightAt(contentBox(geometry('a4')).width),
    heightAt,
    spaceBefore: 4,
    // With the chart it explains: in Arabic it stayed alone at the foot of a page, the chart on the next.
    keepWithNext: true,
    draw(w, x, top, width) {
      for (const e of legendLayout(entries, width).entries) {
        const y = top + LEGEND_TOP + e.line * LEGEND_LINE;
        if (e.site === undefined) w.line(x + e.x, y + LEGEND_LINE / 2, x + e.x + 16, y + LEGEND_LINE / 2, colors.text, 0.8, [3, 2]);
        else marker(w, e.site, x + e.x + 4, y + LEGEND_LINE / 2);
        // A name broken on lines of its own in the other direction is aligned to its own start side.
        const widest = Math.max(0, ...e.lines.map((l) => l.width));
        const other = e.dir !== undefined && e.dir !== direction(lang);
        e.lines.forEach((l, k) => drawLine(w, l, x + e.x + e.lead + (other ? widest - l.width : 0), y + k * LEGEND_LINE, LEGEND_SIZE, LEGEND_LINE, colors.text, e.dir));
      }
    },
  };
}

/**
 * Minutes against the time limit, for the PDF: per step, one line per site from the shortest to
 * the longest observation and a mark at the median, as shares of the limit (the dashed line at
 * 100 %); the minutes are written beside each line. Sites have their own marker shape and colour.
 * @param model The dry run, with its statistics.
 * @param labels `noLimit`: words for a step with no limit in minutes; `limit`: the legend's word for the dashed line; `lang`: the language of the numbers.
 */
export function minutesChart(model: DryRunModel, labels: { noLimit: string; limit: string; lang?: string }): Block[] {
  const rows = chartRows(model);
  if (!rows.length) return [];
  const max = axisMax(rows);
  const steps = [...new Set(rows.map((r) => r.step))];
  const lang = labels.lang ?? 'en';
  const text = textColumn(rows, labels.noLimit, lang);
  return [
    legend(model, rows, labels.limit, lang),
    axisBlock(max, true, text, labels.lang),
    ...steps.map((s) => stepBlock(model, rows.filter((r) => r.step === s), max, text, labels.noLimit, lang)),
    axisBlock(max, false, text, labels.lang),
  ];
}
