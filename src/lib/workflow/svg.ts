import { hasArabic } from '../fonts/scripts.ts';
import type { LayoutEdge, LayoutNode, LayoutPoint, LayoutText, WorkflowLayout } from './layout-model.ts';

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Colours with at least 4.5:1 (text) and 3:1 (lines) against their fills (WCAG 2.1 AA). */
export const palette = {
  text: '#1b1f24',
  muted: '#3d4550',
  line: '#4a5360',
  stateFill: '#ffffff',
  containerFill: '#f4f6f8',
  regionFill: '#ffffff',
  finalFill: '#e3f1f2',
  finalLine: '#0f5f66',
  labelFill: '#ffffff',
} as const;

const n = (v: number) => String(Math.round(v * 100) / 100);

function textEl(t: LayoutText, fill: string): string {
  const weight = t.style === 'bold' ? ' font-weight="700"' : '';
  const italic = t.style === 'italic' ? ' font-style="italic"' : '';
  // textLength pins each line to the width measured with Noto Sans, so a fallback font can
  // never push text out of its box.
  const box = `font-size="${t.size}"${weight}${italic} fill="${fill}" textLength="${n(t.width)}" lengthAdjust="spacingAndGlyphs"`;
  // A line with Arabic reads right to left (the browser shapes and orders it, so digits and Latin
  // words in it keep their places); anchored at its middle, it sits in the same box either way.
  if (hasArabic(t.text)) return `<text x="${n(t.x + t.width / 2)}" y="${n(t.y)}" text-anchor="middle" direction="rtl" unicode-bidi="embed" ${box}>${escapeXml(t.text)}</text>`;
  return `<text x="${n(t.x)}" y="${n(t.y)}" ${box}>${escapeXml(t.text)}</text>`;
}

function nodeEl(node: LayoutNode): string {
  const attrs = `class="wf-node wf-${node.kind}" data-state-id="${escapeXml(node.id)}" data-kind="${node.kind}"`;
  if (node.kind === 'initial') {
    const r = node.width / 2;
    return `<g ${attrs} aria-hidden="true"><circle cx="${n(node.x + r)}" cy="${n(node.y + r)}" r="${n(r - 2)}" fill="${palette.line}"/></g>`;
  }
  if (node.kind === 'history') {
    // A circled H (shallow) or H* (deep), as in UML; the title says what it resumes, for readers of the SVG's text.
    const r = Math.min(node.width, node.height) / 2;
    const text = node.text.map((t) => textEl(t, palette.text)).join('');
    return `<g ${attrs} data-history="${node.history ?? 'shallow'}"><title>${escapeXml(node.title)}</title><circle class="wf-box" cx="${n(node.x + node.width / 2)}" cy="${n(node.y + node.height / 2)}" r="${n(r - 1)}" fill="${palette.stateFill}" stroke="${palette.line}" stroke-width="1.5"/>${text}</g>`;
  }
  const parts: string[] = [];
  const rect = (x: number, y: number, w: number, h: number, rx: number, fill: string, stroke: string, extra = '') =>
    `<rect class="wf-box" x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${rx}" fill="${fill}" stroke="${stroke}" stroke-width="1.5"${extra}/>`;
  if (node.kind === 'compound' || node.kind === 'parallel') {
    const region = node.parent !== null && node.depth > 0;
    const dash = node.kind === 'parallel' ? '' : region ? ' stroke-dasharray="6 4"' : '';
    parts.push(rect(node.x, node.y, node.width, node.height, 10, region ? palette.regionFill : palette.containerFill, palette.line, dash));
    parts.push(`<line x1="${n(node.x)}" y1="${n(node.y + node.headerHeight)}" x2="${n(node.x + node.width)}" y2="${n(node.y + node.headerHeight)}" stroke="${palette.line}" stroke-width="1"/>`);
  } else if (node.kind === 'any') {
    parts.push(rect(node.x, node.y, node.width, node.height, node.height / 2, palette.containerFill, palette.line, ' stroke-dasharray="2 3"'));
  } else if (node.kind === 'final') {
    parts.push(rect(node.x, node.y, node.width, node.height, 10, palette.finalFill, palette.finalLine));
    parts.push(`<rect x="${n(node.x + 4)}" y="${n(node.y + 4)}" width="${n(node.width - 8)}" height="${n(node.height - 8)}" rx="7" fill="none" stroke="${palette.finalLine}" stroke-width="1.5"/>`);
  } else {
    parts.push(rect(node.x, node.y, node.width, node.height, 8, palette.stateFill, palette.line));
  }
  parts.push(...node.text.map((t) => textEl(t, t.style === 'regular' ? palette.muted : palette.text)));
  return `<g ${attrs}>${parts.join('')}</g>`;
}

function pathData(points: LayoutPoint[]): string {
  return points.map((p, i) => `${i ? 'L' : 'M'}${n(p.x)} ${n(p.y)}`).join(' ');
}

/** Line styles of the edge kinds (solid for events), shared with the legend. */
export const edgeDashes: Partial<Record<LayoutEdge['kind'], string>> = { always: '6 4', after: '2 4', invoke: '8 3 2 3', done: '10 3' };

/** Edge kinds a trainee fires in the simulator (the edge carries `data-event`). */
export const firedKinds: ReadonlySet<LayoutEdge['kind']> = new Set(['event', 'after', 'invoke']);

function edgeEl(edge: LayoutEdge, prefix: string): string {
  const dash = edgeDashes[edge.kind] ? ` stroke-dasharray="${edgeDashes[edge.kind]}"` : '';
  const event = edge.event && firedKinds.has(edge.kind) ? ` data-event="${escapeXml(edge.event)}"` : '';
  return `<g class="wf-edge wf-${edge.kind}" data-transition="${escapeXml(edge.id)}" data-source="${escapeXml(edge.source)}" data-target="${escapeXml(edge.target)}"${event}><path d="${pathData(edge.points)}" fill="none" stroke="${palette.line}" stroke-width="1.5"${dash} marker-end="url(#${prefix}-arrow)"/></g>`;
}

function labelEl(edge: LayoutEdge): string {
  const box = edge.labelBox;
  if (!box) return '';
  return `<g class="wf-label" data-label-for="${escapeXml(edge.id)}"><rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="3" fill="${palette.labelFill}" fill-opacity="0.92"/>${edge.labelText.map((t) => textEl(t, palette.text)).join('')}</g>`;
}

/** What the SVG says about itself, for screen readers. */
export interface SvgText {
  /** `<title>`: the diagram's name. */
  title: string;
  /** `<desc>`: a sentence about what it shows and where the text version is. */
  desc: string;
}

/**
 * The diagram as inline SVG: `data-state-id` on each state, `data-transition` on each edge,
 * `<title>` and `<desc>`, colours with AA contrast, deterministic output. The SVG is an image
 * (`role="img"`); its text alternative is the ordered list of steps the page puts next to it.
 * @param layout The laid-out diagram.
 * @param text Title and description.
 * @param prefix A prefix unique in the page for ids (marker, title, desc).
 */
export function renderSvg(layout: WorkflowLayout, text: SvgText, prefix = `wf-${layout.id}`): string {
  const w = layout.width;
  const h = layout.height;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="wf-diagram" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-labelledby="${prefix}-title ${prefix}-desc" data-workflow="${escapeXml(layout.id)}" font-family="${escapeXml(layout.fontFamily)}">`,
    `<title id="${prefix}-title">${escapeXml(text.title)}</title>`,
    `<desc id="${prefix}-desc">${escapeXml(text.desc)}</desc>`,
    `<defs><marker id="${prefix}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse" markerUnits="userSpaceOnUse"><path d="M0 0 L10 5 L0 10 z" fill="${palette.line}"/></marker></defs>`,
    `<g class="wf-nodes">${layout.nodes.map(nodeEl).join('')}</g>`,
    `<g class="wf-edges">${layout.edges.map((edge) => edgeEl(edge, prefix)).join('')}</g>`,
    `<g class="wf-labels">${layout.edges.map(labelEl).join('')}</g>`,
    '</svg>',
  ].join('\n');
}
