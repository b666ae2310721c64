import { colon, formatDate, t, type UiKey } from '../../i18n/index.ts';
import type { SopFrontmatter } from '../../schemas/index.ts';
import { drawQr } from '../pdf/qr.ts';
import type { Block, Cell } from './blocks.ts';
import type { PlacedHeading } from './document.ts';
import type { Edition } from './editions.ts';
import { run, type Inline } from './inline.ts';
import { breakLines } from './lines.ts';
import { drawLine } from './text-items.ts';
import { colors, type } from './theme.ts';

const cell = (text: string, style: Inline['style'] = 'regular'): Cell => ({ inlines: [run(text, style)] });

/** What the cover prints. */
export interface CoverInfo {
  organisation: string;
  country?: string;
  code: string;
  title: string;
  summary?: string;
  rows: [string, string][];
  status?: SopFrontmatter['status'];
  lang: string;
  edition: Edition;
  /** Address of the page on the site, encoded in the QR code. */
  url: string;
}

const statusColor: Record<string, readonly [number, number, number]> = {
  approved: [0.1, 0.45, 0.22],
  superseded: [0.45, 0.45, 0.45],
};

/** The cover: organisation, code, title, summary, document data, status, edition and a QR code. */
export function coverBlock(c: CoverInfo, height: number): Block {
  return {
    kind: 'custom',
    height,
    draw(w, x, top, width) {
      let y = top;
      for (const line of breakLines([run(c.organisation.toUpperCase(), 'bold', { color: colors.muted })], width, 10)) {
        drawLine(w, line, x, y, 10, 14);
        y += 14;
      }
      w.rect(x, y + 8, width, 2.5, { fill: colors.accent });
      y += 60;
      w.text([{ text: c.code, style: 'bold', size: 16, color: colors.accent }], x, y);
      y += 16;
      for (const line of breakLines([run(c.title, 'bold')], width, 26)) {
        drawLine(w, line, x, y, 26, 33, colors.text);
        y += 33;
      }
      y += 8;
      if (c.summary) {
        for (const line of breakLines([run(c.summary, 'italic')], width * 0.85, 11.5)) {
          drawLine(w, line, x, y, 11.5, 16, colors.muted);
          y += 16;
        }
      }
      y += 24;
      if (c.status) {
        const label = t(`status.${c.status}` as UiKey, c.lang).toUpperCase();
        const lw = w.fonts.width(label, 11, 'bold');
        const color = statusColor[c.status] ?? colors.watermark;
        w.roundRect(x, y, lw + 20, 22, 4, { stroke: color, lineWidth: 1.5 });
        w.text([{ text: label, style: 'bold', size: 11, color }], x + 10, y + 15);
        const edition = t(`handbook.edition.${c.edition}`, c.lang);
        w.text([{ text: edition, style: 'bold', size: 11, color: colors.text }], x + lw + 36, y + 15);
        y += 40;
      }
      const labelWidth = 110;
      for (const [label, value] of c.rows) {
        const lines = breakLines([run(value)], width - labelWidth - 140, 10.5);
        w.text([{ text: label, style: 'bold', size: 10.5, color: colors.muted }], x, y + 12);
        lines.forEach((line, i) => drawLine(w, line, x + labelWidth, y + i * 15, 10.5, 15));
        y += Math.max(1, lines.length) * 15 + 5;
        w.line(x, y - 2, x + width - 140, y - 2, colors.faint, 0.6);
      }
      const qr = 104;
      const qy = top + height - qr - 28;
      drawQr(w, c.url, x + width - qr, qy, qr);
      const note = [run(`${t('handbook.scan', c.lang)}${colon(c.lang)} `, 'bold', { color: colors.muted }), run(c.url, 'regular', { color: colors.link, link: { uri: c.url } })];
      breakLines(note, width - qr - 16, 9).forEach((line, i) => drawLine(w, line, x, qy + qr - 30 + i * 13, 9, 13, colors.muted));
      w.link(x + width - qr, qy, qr, qr, { uri: c.url });
    },
  };
}

/** " (Model example)" in a document's language: said after what a model record backs. */
export function exampleNote(lang: string): string {
  // One unit on the line: "(Model" at a line's end read as a stray word.
  return ` (${t('lifecycle.example.short', lang).replace(/ /g, '\u00a0')})`;
}

/**
 * The approval and signature block: prepared, reviewed, approved, with room to sign.
 * @param approvalExample True when the approval rests on a model record: the approver's name says so.
 */
export function signatureBlocks(data: SopFrontmatter, lang: string, approvalExample = false): Block[] {
  const approval = data.approval;
  const row = (role: UiKey, name = '', position = '', date = ''): Cell[] => [cell(t(role, lang), 'bold'), cell(name), cell(position), { inlines: [], minHeight: 26 }, cell(date)];
  const approved = row('handbook.approved', approval?.by ?? '', approval?.title ?? '', approval?.date ? formatDate(approval.date, lang) : '');
  if (approval && approvalExample) approved[1] = { inlines: [run(approval.by), run(exampleNote(lang), 'bold')] };
  return [
    { kind: 'heading', level: 1, inlines: [run(t('handbook.signatures', lang))], anchor: `front:${data.id}:signatures`, toc: false },
    { kind: 'paragraph', inlines: [run(t('handbook.signatures.lead', lang), 'regular', { color: colors.muted })] },
    {
      kind: 'table',
      header: [[cell(''), cell(t('handbook.name', lang)), cell(t('handbook.position', lang)), cell(t('handbook.signature', lang)), cell(t('handbook.date', lang))]],
      rows: [row('handbook.prepared', '', data.owner), row('handbook.reviewed'), approved],
      widths: [1.1, 1.5, 1.9, 1.5, 0.9],
      keepTogether: true,
    },
  ];
}

/**
 * The revision history, newest first, as the frontmatter lists it.
 * @param isExample Whether a line's record (`record:`) is a model example: its summary then says
 *   so, since "approved after the validation workshop" otherwise reads as a workshop that took place.
 */
export function historyBlocks(data: SopFrontmatter, lang: string, isExample: (line: SopFrontmatter['history'][number]) => boolean = () => false): Block[] {
  return [
    { kind: 'heading', level: 1, inlines: [run(t('sop.history', lang))], anchor: `front:${data.id}:history`, toc: false },
    {
      kind: 'table',
      header: [[cell(t('sop.history.version', lang)), cell(t('sop.history.date', lang)), cell(t('sop.history.summary', lang))]],
      rows: data.history.map((h) => [cell(h.version), cell(formatDate(h.date, lang)), isExample(h) ? { inlines: [run(h.summary), run(exampleNote(lang), 'bold')] } : cell(h.summary)]),
      widths: [0.8, 1.1, 6],
    },
  ];
}

/**
 * Table of contents: one line per listed heading, indented by level, with dot leaders and the
 * page label, each line a link to its heading.
 * @param headings Headings with their page indexes.
 * @param labelOf The printed page label of a page index.
 * @param textWidth Width of the text area.
 * @param baseLevel Level of the outermost entries (0 in the whole-pack contents, where SOPs head their sections).
 */
export function contentsBlocks(headings: readonly PlacedHeading[], labelOf: (page: number) => string, lang: string, textWidth: number, baseLevel = 1): Block[] {
  const title = t('handbook.contents', lang);
  const entries = headings.filter((h) => h.toc);
  const blocks: Block[] = [{ kind: 'heading', level: 1, inlines: [run(title)], toc: false }];
  for (const h of entries) {
    const indent = Math.max(0, h.level - baseLevel) * 16;
    const size = h.level <= baseLevel ? 10.5 : type.body;
    const style = h.level <= baseLevel ? 'bold' : 'regular';
    const label = labelOf(h.page);
    const lineHeight = size * 1.45;
    const measure = (width: number) => breakLines([run(h.title, style)], width - indent - 40, size);
    blocks.push({
      kind: 'custom',
      height: lineHeight * measure(textWidth).length,
      spaceBefore: h.level <= baseLevel ? (baseLevel === 0 ? 10 : 5) : 1,
      draw(w, x, top, width) {
        const lines = measure(width);
        lines.forEach((line, i) => drawLine(w, line, x + indent, top + i * lineHeight, size, lineHeight));
        const last = lines.at(-1);
        const lastTop = top + (lines.length - 1) * lineHeight;
        const baseline = lastTop + lineHeight / 2 + size * 0.357;
        const pw = w.fonts.width(label, size, style);
        const dotsFrom = x + indent + (last?.width ?? 0) + 6;
        const dotsTo = x + width - pw - 6;
        const unit = w.fonts.width(' .', size, 'regular');
        const n = Math.floor((dotsTo - dotsFrom) / unit);
        if (n > 0) w.text([{ text: ' .'.repeat(n), style: 'regular', size, color: colors.rule }], dotsTo - n * unit, baseline);
        w.text([{ text: label, style, size }], x + width - pw, baseline);
        w.link(x + indent, top, width - indent, lines.length * lineHeight, { dest: h.anchor });
      },
    });
  }
  return blocks;
}
