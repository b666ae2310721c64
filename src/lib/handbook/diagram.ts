import type { LayoutEdge, LayoutNode, LayoutText, WorkflowLayout } from '../workflow/layout-model.ts';
import type { PageWriter, Rgb } from '../pdf/writer.ts';
import type { Figure } from './blocks.ts';
import { colors } from './theme.ts';

/** Points per CSS pixel: the layout model is in px at 1:1. */
const PT = 0.75;

const fills: Record<LayoutNode['kind'], Rgb> = {
  atomic: [0.93, 0.96, 0.99],
  compound: [0.97, 0.97, 0.98],
  parallel: [0.97, 0.97, 0.98],
  final: [0.92, 0.97, 0.93],
  initial: [0.1, 0.1, 0.12],
  history: [1, 1, 1],
  any: [0.97, 0.97, 0.98],
};

/** The part of a diagram a page shows, in the layout's px; everything when absent. */
type Window = { from: number; to: number } | undefined;

/** Whether a span of the layout (px) reaches into the window. */
const shows = (window: Window, top: number, bottom: number) => !window || (bottom > window.from && top < window.to);

function drawText(w: PageWriter, lines: readonly LayoutText[], ox: number, oy: number, s: number, color: Rgb, window?: Window): void {
  for (const l of lines) {
    // A line whose glyphs (baseline y, ascent and descent within its size) are wholly outside the page's part.
    if (!shows(window, l.y - l.size, l.y + l.size * 0.3)) continue;
    w.text([{ text: l.text, style: l.style, size: l.size * s, color }], ox + l.x * s, oy + l.y * s);
  }
}

function drawNode(w: PageWriter, n: LayoutNode, ox: number, oy: number, s: number, window?: Window): void {
  if (!shows(window, n.y - 2, n.y + n.height + 2)) return;
  const [x, y, width, height] = [ox + n.x * s, oy + n.y * s, n.width * s, n.height * s];
  if (n.kind === 'initial') {
    w.circle(x + width / 2, y + height / 2, Math.min(width, height) / 2, { fill: fills.initial });
    return;
  }
  if (n.kind === 'history') {
    // The circled H (shallow) or H* (deep) of the web diagram.
    w.circle(x + width / 2, y + height / 2, Math.min(width, height) / 2 - 0.5 * s, { fill: fills.history, stroke: colors.accent, lineWidth: 1 * s });
    drawText(w, n.text, ox, oy, s, colors.text, window);
    return;
  }
  const container = n.kind === 'compound' || n.kind === 'parallel';
  w.roundRect(x, y, width, height, 6 * s, {
    fill: fills[n.kind],
    stroke: container ? colors.rule : colors.accent,
    lineWidth: (n.kind === 'final' ? 2 : 1) * s,
    dash: n.kind === 'parallel' ? [4 * s, 3 * s] : n.kind === 'any' ? [1.5 * s, 2 * s] : undefined,
  });
  if (n.kind === 'final') w.roundRect(x + 3 * s, y + 3 * s, width - 6 * s, height - 6 * s, 4 * s, { stroke: [0.1, 0.45, 0.22], lineWidth: 0.8 * s });
  if (container && n.headerHeight) w.line(x, y + n.headerHeight * s, x + width, y + n.headerHeight * s, colors.rule, 0.6 * s);
  drawText(w, n.text, ox, oy, s, colors.text, window);
}

function drawEdge(w: PageWriter, e: LayoutEdge, ox: number, oy: number, s: number, window?: Window): void {
  if (e.points.length < 2 || !shows(window, Math.min(...e.points.map((p) => p.y)) - 8, Math.max(...e.points.map((p) => p.y)) + 8)) return;
  const pts = e.points.map((p) => [ox + p.x * s, oy + p.y * s] as const);
  const color: Rgb = e.kind === 'always' || e.kind === 'after' ? colors.muted : [0.25, 0.27, 0.3];
  const dash = e.kind === 'always' ? [3 * s, 2 * s] : e.kind === 'after' ? [1 * s, 2 * s] : e.kind === 'invoke' ? [4 * s, 1.5 * s, 1 * s, 1.5 * s] : undefined;
  const [tip, prev] = [pts.at(-1)!, pts.at(-2)!];
  const len = Math.hypot(tip[0] - prev[0], tip[1] - prev[1]) || 1;
  const [ux, uy] = [(tip[0] - prev[0]) / len, (tip[1] - prev[1]) / len];
  const head = 7 * s;
  const base = [tip[0] - ux * head, tip[1] - uy * head] as const;
  // Stop the line at the arrowhead's base so the tip stays sharp.
  w.polyline([...pts.slice(0, -1), base], { stroke: color, lineWidth: 1 * s, dash });
  const half = head * 0.45;
  w.polyline([tip, [base[0] - uy * half, base[1] + ux * half], [base[0] + uy * half, base[1] - ux * half]], { fill: color }, true);
  if (e.labelBox && e.labelText.length && shows(window, e.labelBox.y, e.labelBox.y + e.labelBox.height)) {
    const b = e.labelBox;
    w.rect(ox + b.x * s - 1, oy + b.y * s - 1, b.width * s + 2, b.height * s + 2, { fill: colors.white });
    drawText(w, e.labelText, ox, oy, s, [0.2, 0.22, 0.25], window);
  }
}

/**
 * The workflow diagram as a figure: the same boxes, routes and labels as the web SVG (the shared
 * layout model), drawn with PDF paths; arrowheads are triangles; labels go through the text
 * pipeline in the embedded fonts, so they stay selectable and searchable.
 */
export function diagramFigure(layout: WorkflowLayout): Figure {
  return {
    width: layout.width * PT,
    height: layout.height * PT,
    cutAt(limit) {
      // Cut in a gap, never through a box, an arrow's label or a group's title band: the highest
      // gap at or above the limit.
      const span = (y: number, height: number) => [y * PT - 4, (y + height) * PT + 4] as const;
      const boxes = [
        ...layout.nodes.map((n) => (n.kind === 'compound' || n.kind === 'parallel' ? span(n.y, n.headerHeight) : span(n.y, n.height))),
        ...layout.edges.flatMap((e) => (e.labelBox && e.labelText.length ? [span(e.labelBox.y, e.labelBox.height)] : [])),
      ];
      const inside = (y: number) => boxes.some(([a, b]) => y > a && y < b);
      const candidates = [limit, ...boxes.map(([a]) => a)].filter((y) => y <= limit && y > limit * 0.5 && !inside(y));
      return candidates.length ? Math.max(...candidates) : limit;
    },
    draw(w, x, top, scale, window) {
      const s = scale * PT;
      // The page's part in the layout's px (the cut runs in a gap between boxes and labels where the figure has one).
      const part = window ? { from: window.from / PT, to: window.to / PT } : undefined;
      for (const n of layout.nodes) if (n.kind === 'compound' || n.kind === 'parallel') drawNode(w, n, x, top, s, part);
      for (const e of layout.edges) drawEdge(w, e, x, top, s, part);
      for (const n of layout.nodes) if (n.kind !== 'compound' && n.kind !== 'parallel') drawNode(w, n, x, top, s, part);
    },
  };
}
