import { esc } from '../../assessment/charts.ts';
import type { DryRunModel } from './model.ts';
import { axisMax, axisTicks, chartLabel, chartRows, clipped, pct, sectionTitle, type ChartRow } from './report-data.ts';

/** Site colours on screen (AA contrast on white); the marker shape tells sites apart too. */
const siteColors = ['#0d4d8c', '#a84400', '#2b6b2b', '#6b2f80'];
const ROW = 22;
const LABEL = 200;
const TEXT = 290;
const WIDTH = 820;
/** Characters of a step's title per line (12 px bold in 190 px). */
const LABEL_CHARS = 26;
const r1 = (n: number) => Math.round(n * 10) / 10;

/** Words on at most `max` lines of about `LABEL_CHARS` characters, the last one shortened if need be. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && (last + ' ' + word).length <= LABEL_CHARS) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = `${kept[max - 1]!.slice(0, LABEL_CHARS - 1)}…`;
  return kept;
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
  const plotW = WIDTH - LABEL - TEXT;
  const at = (v: number) => LABEL + (Math.min(v, max) / max) * plotW;
  const sites = model.data.sites.map((s, i) => ({ s, i })).filter(({ i }) => rows.some((r) => r.siteIndex === i));
  // The legend: one line per site, then the limit, so long office names never run off the chart.
  const legendH = (sites.length + 1) * 18;
  const top = legendH + 26;
  const height = top + rows.length * ROW + steps.length * 6 + 30;
  const parts: string[] = [];
  sites.forEach(({ s, i }, k) => parts.push(marker(i, 6, 10 + k * 18), `<text x="18" y="${14 + k * 18}" font-size="12" fill="#1b1f24">${esc(s.name)}</text>`));
  const ly = 10 + sites.length * 18;
  parts.push(`<line x1="0" y1="${ly}" x2="14" y2="${ly}" stroke="#1b1f24" stroke-dasharray="4 3"/><text x="18" y="${ly + 4}" font-size="12" fill="#1b1f24">${esc(labels.limit)}</text>`);
  for (const v of axisTicks(max)) {
    parts.push(`<line x1="${r1(at(v))}" y1="${top - 6}" x2="${r1(at(v))}" y2="${height - 26}" stroke="${v === 1 ? '#1b1f24' : '#d5dae0'}"${v === 1 ? ' stroke-dasharray="4 3"' : ''}/>`);
    parts.push(`<text x="${r1(at(v))}" y="${top - 10}" text-anchor="middle" font-size="11" fill="#4a5360"${v === 1 ? ' font-weight="700"' : ''}>${pct(v, labels.lang)}</text>`);
  }
  let y = top;
  for (const step of steps) {
    const mine: ChartRow[] = rows.filter((r) => r.step === step);
    parts.push(`<line x1="0" y1="${y}" x2="${WIDTH}" y2="${y}" stroke="#eef0f3"/>`);
    wrap(`${step} ${sectionTitle(model, step)}`, Math.max(1, mine.length)).forEach((line, k) => parts.push(`<text x="0" y="${y + 18 + k * ROW}" font-size="12" font-weight="700" fill="#1b1f24">${esc(line)}</text>`));
    mine.forEach((r, k) => {
      const cy = y + 3 + k * ROW + ROW / 2;
      const ratio = r.minutes.ratio;
      const color = siteColors[r.siteIndex % siteColors.length]!;
      if (ratio) parts.push(`<line x1="${r1(at(ratio.min))}" y1="${r1(cy)}" x2="${r1(Math.max(at(ratio.max), at(ratio.min) + 1))}" y2="${r1(cy)}" stroke="${color}" stroke-width="2.5"/>`, marker(r.siteIndex, at(ratio.median), cy));
      // Beyond the axis: an arrow at its end says the line goes on; the minutes are written beside it.
      // Drawn over the median's mark, which sits at the end too when the median is beyond.
      if (clipped(r, max)) parts.push(`<polygon points="${r1(LABEL + plotW + 2)},${r1(cy - 4.5)} ${r1(LABEL + plotW + 9)},${r1(cy)} ${r1(LABEL + plotW + 2)},${r1(cy + 4.5)}" fill="${color}"/>`);
      const over = Boolean(ratio && ratio.max > 1);
      parts.push(marker(r.siteIndex, LABEL + plotW + 14, cy, 4), `<text x="${LABEL + plotW + 24}" y="${r1(cy + 4)}" font-size="12" fill="${over ? '#9e1a1a' : '#1b1f24'}"${over ? ' font-weight="700"' : ''}>${esc(chartLabel(r, labels.noLimit, labels.lang))}</text>`);
    });
    y += mine.length * ROW + 6;
  }
  return `<svg class="chart" role="img" aria-labelledby="dr-chart-title dr-chart-desc" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif"><title id="dr-chart-title">${esc(labels.title)}</title><desc id="dr-chart-desc">${esc(labels.desc)}</desc>${parts.join('')}</svg>`;
}
