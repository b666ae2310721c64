import { font } from '../fonts/index.ts';
import type { GraphState, GraphTransition } from './graph.ts';
import { humanise } from './humanise.ts';
import type { LayoutFontStyle, LayoutText } from './layout-model.ts';
import { wrapText, type MeasuredLine } from './text.ts';

/** Sizes of the diagram's text and boxes, in px. Big enough to read on a phone at 1:1. */
export const metrics = {
  titleSize: 15,
  metaSize: 13,
  labelSize: 13,
  lineHeight: 1.3,
  nodeTextWidth: 180,
  nodeMinWidth: 130,
  padX: 12,
  padY: 9,
  finalInset: 4,
  labelTextWidth: 130,
  labelPad: 3,
  markerSize: 16,
  historySize: 30,
  containerPad: 16,
} as const;

/** Text lines before placement: measured, with their face and size. */
export interface TextBlock {
  lines: (MeasuredLine & { size: number; style: LayoutFontStyle })[];
  width: number;
  height: number;
}

function block(parts: { text: string; size: number; style: LayoutFontStyle; max: number }[]): TextBlock {
  const lines = parts.flatMap((p) => wrapText(p.text, p.size, p.style, p.max).map((l) => ({ ...l, size: p.size, style: p.style })));
  return {
    lines,
    width: Math.max(0, ...lines.map((l) => l.width)),
    height: lines.reduce((h, l) => h + l.size * metrics.lineHeight, 0),
  };
}

/** `6.3 · Registrar`: where the SOP describes the state, and who acts. */
export function metaLine(state: GraphState, roleTitle: string | undefined): string {
  const role = roleTitle ?? (state.meta?.role ? humanise(state.meta.role) : undefined);
  return [state.meta?.step, role].filter(Boolean).join(' · ');
}

/** The title of a state: `meta.title`, or the words the graph gives it (history states), or its key in words. */
export function stateTitle(state: GraphState): string {
  return typeof state.meta?.title === 'string' && state.meta.title ? state.meta.title : (state.fallbackTitle ?? humanise(state.key));
}

/** The text of a history node: H (shallow) or H* (deep), as in UML and Harel's statecharts. */
export function historyText(state: GraphState): TextBlock {
  return block([{ text: state.history === 'deep' ? 'H*' : 'H', size: metrics.labelSize, style: 'bold', max: metrics.historySize }]);
}

/** The text of the "at any step" node that transitions written on the machine itself start from. */
export function anyText(title: string): TextBlock {
  return block([{ text: title, size: metrics.metaSize, style: 'italic', max: metrics.nodeTextWidth }]);
}

/** The text of a state box: its title (bold) and the meta line. */
export function stateText(state: GraphState, roleTitle: string | undefined): TextBlock {
  const meta = metaLine(state, roleTitle);
  return block([
    { text: stateTitle(state), size: metrics.titleSize, style: 'bold', max: metrics.nodeTextWidth },
    ...(meta ? [{ text: meta, size: metrics.metaSize, style: 'regular' as const, max: metrics.nodeTextWidth }] : []),
  ]);
}

/** The text of an edge label. */
export function labelText(transition: GraphTransition): TextBlock {
  return block([{ text: transition.label, size: metrics.labelSize, style: 'regular', max: metrics.labelTextWidth }]);
}

/** Size of an atomic or final state's box around its text. */
export function leafSize(text: TextBlock, final: boolean): { width: number; height: number } {
  const inset = final ? metrics.finalInset : 0;
  return {
    width: Math.ceil(Math.max(metrics.nodeMinWidth, text.width + 2 * (metrics.padX + inset))),
    height: Math.ceil(text.height + 2 * (metrics.padY + inset)),
  };
}

/** Cap height as a fraction of the font size, to centre capitals in each line box. */
function capHeight(): number {
  const f = font('regular');
  return f.capHeight / f.unitsPerEm;
}

/**
 * Places text lines in a box: centred horizontally when `centre`, else from the left padding;
 * each line's capitals centred in a line box of `lineHeight` × size, the first box at `top`.
 */
export function placeText(text: TextBlock, box: { x: number; width: number }, top: number, centre: boolean): LayoutText[] {
  const cap = capHeight();
  let y = top;
  return text.lines.map((line) => {
    const lineHeight = line.size * metrics.lineHeight;
    const baseline = y + (lineHeight + cap * line.size) / 2;
    y += lineHeight;
    const x = centre ? box.x + (box.width - line.width) / 2 : box.x + metrics.padX;
    return { text: line.text, x: round(x), y: round(baseline), width: round(line.width), size: line.size, style: line.style };
  });
}

/** Rounds to 0.01 px, so output is stable and small. */
export function round(n: number): number {
  return Math.round(n * 100) / 100;
}
