import type { Rgb } from '../pdf/writer.ts';

/** Paper sizes in points (portrait). */
export const paperSizes = {
  a4: { width: 595.28, height: 841.89 },
  letter: { width: 612, height: 792 },
} as const;

/** A paper size name: A4 by default, US Letter as an option. */
export type Paper = keyof typeof paperSizes;

/** Page geometry: paper and margins, in points. */
export interface PageGeometry {
  width: number;
  height: number;
  marginTop: number;
  marginBottom: number;
  marginLeft: number;
  marginRight: number;
}

/** Portrait or landscape geometry of a paper, with margins that leave room for the running heads. */
export function geometry(paper: Paper, landscape = false): PageGeometry {
  const { width, height } = paperSizes[paper];
  const margins = { marginTop: 62, marginBottom: 62, marginLeft: 56, marginRight: 56 };
  return landscape ? { width: height, height: width, ...margins } : { width, height, ...margins };
}

/** Width and height of the text area. */
export function contentBox(g: PageGeometry): { width: number; height: number } {
  return { width: g.width - g.marginLeft - g.marginRight, height: g.height - g.marginTop - g.marginBottom };
}

/** Colours: dark enough on white paper and on a monochrome photocopier. */
export const colors = {
  text: [0.1, 0.1, 0.12],
  muted: [0.36, 0.37, 0.4],
  accent: [0.05, 0.25, 0.47],
  rule: [0.6, 0.62, 0.66],
  faint: [0.93, 0.94, 0.95],
  headerFill: [0.88, 0.91, 0.95],
  link: [0.05, 0.27, 0.55],
  watermark: [0.75, 0.1, 0.1],
  white: [1, 1, 1],
} as const satisfies Record<string, Rgb>;

/** Tones of boxed content: callouts, trainer notes, case studies. */
export const tones = {
  note: { bar: [0.12, 0.38, 0.66], fill: [0.93, 0.96, 0.99] },
  warning: { bar: [0.72, 0.45, 0.0], fill: [1.0, 0.97, 0.9] },
  'data-protection': { bar: [0.35, 0.22, 0.58], fill: [0.96, 0.94, 0.99] },
  'fraud-risk': { bar: [0.7, 0.12, 0.12], fill: [0.99, 0.94, 0.94] },
  trainer: { bar: [0.1, 0.45, 0.25], fill: [0.93, 0.98, 0.94] },
  case: { bar: [0.35, 0.37, 0.4], fill: [0.96, 0.96, 0.96] },
  code: { bar: [0.6, 0.62, 0.66], fill: [0.95, 0.95, 0.96] },
} as const satisfies Record<string, { bar: Rgb; fill: Rgb }>;

/** A tone name. */
export type Tone = keyof typeof tones;

/** Type sizes (points) and leading. */
export const type = {
  body: 10,
  leading: 1.42,
  small: 8.5,
  table: 9,
  tableLeading: 1.3,
  heading: [0, 15, 12.5, 11, 10] as readonly number[],
  paragraphGap: 6,
} as const;
