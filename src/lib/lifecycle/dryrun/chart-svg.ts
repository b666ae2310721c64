import { direction } from '../../../i18n/index.ts';
import { esc } from '../../assessment/charts.ts';
import { hasArabic, measureWords, ownDirection } from '../../fonts/index.ts';
import type { DryRunModel } from './model.ts';
import { fitted } from './print.ts';
import { axisMax, axisTicks, chartLabel, chartRows, clipped, pct, sectionTitle, type ChartRow } from './report-data.ts';

/** Site colours on screen (AA contrast on white); the marker shape tells sites apart too. */
const siteColors = ['#0d4d8c', '#a84400', '#2b6b2b', '#6b2f80'];
const ROW = 22;
const LABEL = 200;
/** The plot between the label column and the minutes, whatever their widths. */
const PLOT = 330;
/** The minutes' column at least (the chart 820 px wide); wider where its labels need it. */
const TEXT = 290;
/** The minutes beside a step's line: 12 px, after the plot's arrow and the site's marker. */
const MINUTES_SIZE = 12;
const MINUTES_X = 24;
/** Room kept after the widest text, on the right. */
const GAP = 6;
/** A step's title: 12 px bold, in the label column (its width less a gap before the plot), lines 16 px apart. */
const TITLE_SIZE = 12;
const TITLE_WIDTH = LABEL - 10;
const TITLE_LINE = 16;
/**
 * The browser draws the chart in the reader's system font (system-ui), which SOPKit has no metrics
 * of: a title is measured in the PDF's faces (Noto Sans; its Arabic face for Arabic words) and
 * given the room the widest common system font takes more, DejaVu Sans (Linux): its bold Latin
 * runs up to 16 % wider, its Arabic 36 % (measured in Chromium), so a title never runs past the
 * label column into the plot, or off the chart's edge on the right-to-left side.
 */
const SYSTEM_FONT_SLACK = { latin: 1.17, arabic: 1.4 };
const r1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Width of a text of the chart in pixels, as the chart allows for it: the PDF faces' metrics,
 * each word given the room of a wider system font (`SYSTEM_FONT_SLACK`).
 */
export function svgTextWidth(text: string, size: number, style: 'regular' | 'bold' = 'regular'): number {
  let width = 0;
  for (const piece of text.split(/( +)/)) if (piece) width += measureWords(piece, size, style) * SYSTEM_FONT_SLACK[hasArabic(piece) ? 'arabic' : 'latin'];
  return width;
}

/** Width of a step title's text in pixels, as the chart allows for it. */
function titleWidth(text: string): number {
  return svgTextWidth(text, TITLE_SIZE, 'bold');
}

/** A word too wide for a line on its own, cut to fit with "…". */
function cutWord(word: string, width: number, measure: (s: string) => number): string {
  const chars = [...word];
  while (chars.length > 1 && measure(`${chars.join('')}…`) > width) chars.pop();
  return `${chars.join('')}…`;
}

/**
 * A step's number and title on at most `max` lines of the label column, broken between words (a
 * title used to be cut after 26 characters, mid-word: "6.3 Verify the facts and the evid…"). Only
 * a title still too long on `max` lines is cut, at a word, with "…" (a single word wider than a
 * line, at a character). Measured, not counted: French words run wider, Arabic ones narrower.
 * @param measure Width of a text in pixels (`titleWidth` by default).
 */
export function svgTitleLines(text: string, max = 2, width = TITLE_WIDTH, measure: (s: string) => number = titleWidth): string[] {
  const fit = (line: string) => (measure(line) <= width ? line : cutWord(line, width, measure));
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && measure(`${last} ${word}`) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= max) return lines.map(fit);
  const rest = lines.slice(max - 1).join(' ');
  const last = fitted(rest, width, measure);
  return [...lines.slice(0, max - 1), last === '…' ? cutWord(rest.split(' ')[0]!, width, measure) : last].map(fit);
}

/**
 * A step's title as SVG: its lines, and the whole title as the group's `<title>` (shown on hover,
 * and read where the lines are cut). A right-to-left title (Arabic) is set right to left and
 * ends at the plot (its start), as the number that begins it reads on the right.
 */
function titleSvg(full: string, lines: readonly string[], y: number): string {
  const rtl = hasArabic(full);
  const at = rtl ? ` x="${TITLE_WIDTH}" direction="rtl"` : ' x="0"';
  const text = lines.map((line, k) => `<text${at} y="${y + 18 + k * TITLE_LINE}" font-size="${TITLE_SIZE}" font-weight="700" fill="#1b1f24">${esc(line)}</text>`).join('');
  return `<g class="step-title"><title>${esc(full)}</title>${text}</g>`;
}

/**
 * A line's minutes, beginning after its site's marker. An Arabic label is set right to left, its
 * end at the marker (`text-anchor="end"` in a right-to-left text is its left side): in the chart's
 * left-to-right box it read "دقيقة (960–1,900)؛ … تجاوزت المهلة" first and its number last.
 */
function minutesSvg(text: string, x: number, y: number, over: boolean): string {
  const rtl = hasArabic(text) ? ' direction="rtl" text-anchor="end"' : '';
  return `<text x="${x}" y="${r1(y)}"${rtl} font-size="${MINUTES_SIZE}" fill="${over ? '#9e1a1a' : '#1b1f24'}"${over ? ' font-weight="700"' : ''}>${esc(text)}</text>`;
}

/**
 * A name of the legend, beginning at x on the chart's start side (its right edge there in a
 * right-to-left chart). A name is set in its own direction (`ownDirection`, its first letter's), in
 * either chart: an Arabic one right to left, another left to right.
 */
function legendText(text: string, x: number, y: number, rtlChart: boolean): string {
  // The name's own direction, from its first letter (the PDF's legend takes the same).
  const rtl = ownDirection(text) === 'rtl';
  const anchor = rtlChart !== rtl ? ' text-anchor="end"' : '';
  return `<text x="${x}" y="${y}"${rtl ? ' direction="rtl"' : ''}${anchor} font-size="12" fill="#1b1f24">${esc(text)}</text>`;
}

function marker(index: number, cx: number, cy: number, r = 5): string {
  const fill = siteColors[index % siteColors.length]!;
  switch (index % 4) {
    case 0:
      return `<circle cx="${r1(cx)}" cy="${r1(cy)}" r="${r}" fill="${fill}"/>`;
    case 1:
      return `<rect x="${r1(cx - r)}" y="${r1(cy - r)}" width="${2 * r}" height="${2 * r}" fill="${fill}"/>`;
    case 2:
      return `<polygon points="${r1(cx)},${r1(cy - r - 1)} ${r1(cx + r + 1)},${r1(cy)} ${r1(cx)},${r1(cy + r + 1)} ${r1(cx - r - 1)},${r1(cy)}" fill="${fill}"/>`;
    default:
      return `<polygon points="${r1(cx)},${r1(cy - r)} ${r1(cx + r)},${r1(cy + r)} ${r1(cx - r)},${r1(cy + r)}" fill="${fill}"/>`;
  }
}

/**
 * Minutes against the time limit as an SVG (the dry-run page and report.html), the same drawing as
 * the PDF's: per step and site, a line from the shortest to the longest observation and a mark at
 * the median, as shares of the limit, with the minutes written beside it.
 * @param model The dry run, with its statistics.
 * @param labels `title` and `desc` for screen readers; `noLimit` and `limit` as in the PDF.
 */
export function minutesChartSvg(model: DryRunModel, labels: { title: string; desc: string; noLimit: string; limit: string; lang?: string }): string {
  const rows = chartRows(model);
  if (!rows.length) return '';
  const max = axisMax(rows);
  const steps = [...new Set(rows.map((r) => r.step))];
  const plotW = PLOT;
  const at = (v: number) => LABEL + (Math.min(v, max) / max) * plotW;
  const sites = model.data.sites.map((s, i) => ({ s, i })).filter(({ i }) => rows.some((r) => r.siteIndex === i));
  // The minutes' column and the legend measured as the titles are: "1,200 دقيقة (980–1,400)؛ 6 من 6
  // تجاوزت المهلة" ran 50 px past an 820 px chart, cut off by its edge. The chart widens instead.
  const minutes = rows.map((r) => ({ text: chartLabel(r, labels.noLimit, labels.lang), over: Boolean(r.minutes.ratio && r.minutes.ratio.max > 1) }));
  const minutesW = Math.max(...minutes.map((m) => svgTextWidth(m.text, MINUTES_SIZE, m.over ? 'bold' : 'regular')));
  const legendW = Math.max(...[...sites.map(({ s }) => s.name), labels.limit].map((text) => 18 + svgTextWidth(text, 12)));
  const width = Math.ceil(Math.max(LABEL + plotW + Math.max(TEXT, MINUTES_X + minutesW + GAP), legendW + GAP));
  // The legend: one line per site, then the limit, so long office names never run off the chart.
  // Each step's title on two lines at most (more where it has more sites); a step seen at one
  // site is as tall as its title.
  const titles = new Map(steps.map((step) => {
    const full = `${step} ${sectionTitle(model, step)}`.trim();
    const sitesOf = rows.filter((r) => r.step === step).length;
    const lines = svgTitleLines(full, Math.max(2, sitesOf));
    return [step, { full, lines, height: Math.max(sitesOf * ROW, lines.length * TITLE_LINE + 8) }];
  }));
  const legendH = (sites.length + 1) * 18;
  const top = legendH + 26;
  const height = top + [...titles.values()].reduce((h, t) => h + t.height + 6, 0) + 30;
  const parts: string[] = [];
  // The legend from the start side of the chart's language: in an Arabic chart each marker on the
  // right and its name to its left, as the PDF's mirrored legend (its Arabic names in the chart's
  // left-to-right box read left to right, their brackets turned round).
  const rtlChart = direction(labels.lang ?? 'en') === 'rtl';
  const side = (x: number) => (rtlChart ? width - x : x);
  sites.forEach(({ s, i }, k) => parts.push(marker(i, side(6), 10 + k * 18), legendText(s.name, side(18), 14 + k * 18, rtlChart)));
  const ly = 10 + sites.length * 18;
  parts.push(`<line x1="${side(0)}" y1="${ly}" x2="${side(14)}" y2="${ly}" stroke="#1b1f24" stroke-dasharray="4 3"/>${legendText(labels.limit, side(18), ly + 4, rtlChart)}`);
  for (const v of axisTicks(max)) {
    parts.push(`<line x1="${r1(at(v))}" y1="${top - 6}" x2="${r1(at(v))}" y2="${height - 26}" stroke="${v === 1 ? '#1b1f24' : '#d5dae0'}"${v === 1 ? ' stroke-dasharray="4 3"' : ''}/>`);
    parts.push(`<text x="${r1(at(v))}" y="${top - 10}" text-anchor="middle" font-size="11" fill="#4a5360"${v === 1 ? ' font-weight="700"' : ''}>${pct(v, labels.lang)}</text>`);
  }
  let y = top;
  for (const step of steps) {
    const mine: ChartRow[] = rows.filter((r) => r.step === step);
    parts.push(`<line x1="0" y1="${y}" x2="${width}" y2="${y}" stroke="#eef0f3"/>`);
    const title = titles.get(step)!;
    parts.push(titleSvg(title.full, title.lines, y));
    mine.forEach((r, k) => {
      const cy = y + 3 + k * ROW + ROW / 2;
      const ratio = r.minutes.ratio;
      const color = siteColors[r.siteIndex % siteColors.length]!;
      if (ratio) parts.push(`<line x1="${r1(at(ratio.min))}" y1="${r1(cy)}" x2="${r1(Math.max(at(ratio.max), at(ratio.min) + 1))}" y2="${r1(cy)}" stroke="${color}" stroke-width="2.5"/>`, marker(r.siteIndex, at(ratio.median), cy));
      // Beyond the axis: an arrow at its end says the line goes on; the minutes are written beside it.
      // Drawn over the median's mark, which sits at the end too when the median is beyond.
      if (clipped(r, max)) parts.push(`<polygon points="${r1(LABEL + plotW + 2)},${r1(cy - 4.5)} ${r1(LABEL + plotW + 9)},${r1(cy)} ${r1(LABEL + plotW + 2)},${r1(cy + 4.5)}" fill="${color}"/>`);
      const label = minutes[rows.indexOf(r)]!;
      parts.push(marker(r.siteIndex, LABEL + plotW + 14, cy, 4), minutesSvg(label.text, LABEL + plotW + MINUTES_X, cy + 4, label.over));
    });
    y += title.height + 6;
  }
  return `<svg class="chart" role="img" aria-labelledby="dr-chart-title dr-chart-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif"><title id="dr-chart-title">${esc(labels.title)}</title><desc id="dr-chart-desc">${esc(labels.desc)}</desc>${parts.join('')}</svg>`;
}
