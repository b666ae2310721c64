import { colon, direction, formatDate, formatNumber, t } from '../../../i18n/index.ts';
import { hasArabic, isolate } from '../../fonts/index.ts';
import type { Block, Cell } from '../../handbook/blocks.ts';
import { layoutContext, renderParts, type PageInfo } from '../../handbook/document.ts';
import { run, type Inline } from '../../handbook/inline.ts';
import { layoutBlocks } from '../../handbook/layout.ts';
import { paginate } from '../../handbook/paginate.ts';
import { colors } from '../../handbook/theme.ts';
import type { PageWriter } from '../../pdf/writer.ts';
import type { CaseStep } from './cases.ts';
import { drawnFromOther, type DryRunModel } from './model.ts';

export { drawnFromOther };

/** Shared pieces of the dry-run PDFs: the example banner, the running heads, cells and rendering. */

export const cell = (text: string, style: Inline['style'] = 'regular'): Cell => ({ inlines: [run(text, style)] });

/**
 * `Code: district-office`: a case's or site's id, which the observers' results file takes in its
 * `case` and `site` columns, labelled as the code it is (the documents name cases and sites by their
 * titles and names).
 */
export function codeLabel(id: string, lang: string): string {
  return `${t('dryrun.code', lang)}${colon(lang)} ${id}`;
}

/**
 * Words of the record or the workflow (a site's name, a title, a place) set among the document's
 * own words: isolated (FSI … PDI) in a right-to-left document, so an English
 * `[Northern District] civil registration office` in an Arabic line keeps its brackets and word
 * order (ARCHITECTURE.md, Printing right-to-left text); in a left-to-right one where they have
 * Arabic, so `نقطة تسجيل المواليد في [Regional Referral Hospital]` in an English table reads right to
 * left as a whole (it printed "[ نقطة تسجيل المواليد في" left of "Regional Referral Hospital]").
 * Text without Arabic in a left-to-right document is left as it is (those PDFs keep their bytes).
 */
export function own(text: string, lang: string): string {
  return text && (direction(lang) === 'rtl' || hasArabic(text)) ? isolate(text) : text;
}

/** The "model example, to replace" box at the top of every output of an `example: true` record. */
export function exampleBanner(model: Pick<DryRunModel, 'data'>, lang: string): Block[] {
  if (!model.data.example) return [];
  return [{ kind: 'box', tone: 'warning', label: t('dryrun.example.title', lang), children: [{ kind: 'paragraph', inlines: [run(t('dryrun.example.text', lang))], spaceBefore: 2 }] }];
}

/** The SOP, version and dates of the record, as a two-column table. */
export function factsTable(model: DryRunModel, lang: string): Block {
  const d = model.data;
  const rows: [string, string][] = [
    [t('dryrun.sop', lang), `${model.sop.data.code} ${own(model.sop.data.title, lang)}`],
    [t('dryrun.version', lang), d.version],
    // Printed today for an earlier version (its text not checked out): the paper says whose steps
    // it lists, as the command's warning does; observers read 1.3.3's steps under "Version tried out 1.0.0".
    ...(drawnFromOther(model) ? [[t('dryrun.drawnFrom', lang), t('dryrun.drawnFrom.value', lang, { now: model.sop.data.version, tried: d.version })] as [string, string]] : []),
    [t('dryrun.dates', lang), t('dryrun.dateRange', lang, { start: formatDate(d.dates.start, lang), end: formatDate(d.dates.end, lang) })],
    [t('dryrun.sites', lang), d.sites.map((s) => own(s.name, lang)).join(t('list.semicolon', lang))],
  ];
  return { kind: 'table', header: [], rows: rows.map(([k, v]) => [cell(k, 'bold'), cell(v)]), widths: [1, 3.4] };
}


/** The line under a case's title on its observation sheet: `SOP-CR-01 v1.0.0 · Case C1`, and whose steps it lists when not that version's. */
export function sheetLine(model: DryRunModel, caseLabel: string, lang: string): string {
  const from = drawnFromOther(model) ? ` (${t('dryrun.drawnFrom.short', lang, { now: model.sop.data.version })})` : '';
  return `${model.sop.data.code} v${model.data.version}${from} · ${caseLabel}`;
}

/** One step in words: `6.2 Receive and screen the declaration`, with `ends with: declaration checked`. */
export function stepAction(step: CaseStep, lang: string): Inline[] {
  return [run(step.title, 'bold'), ...(step.next ? [run(` — ${t('dryrun.then', lang, { next: step.next })}`, 'italic', { color: colors.muted })] : [])];
}

/**
 * Running head (record title, what the document is, MODEL EXAMPLE) and footer: the dry run named by
 * its SOP's code and the version tried out ("Dry run of SOP-CR-01 v1.0.0 · Page 2 of 4"), in the
 * document's language, never the record's file id.
 */
export function dryRunStamp(model: DryRunModel, what: string, lang: string) {
  return (w: PageWriter, info: PageInfo): void => {
    const g = info.geometry;
    const [left, right] = [g.marginLeft, g.width - g.marginRight];
    w.artifact(() => {
      const size = 8;
      const headY = g.marginTop - 26;
      const tag = model.data.example ? `${t('dryrun.example.title', lang).toUpperCase()} · ${what}` : what;
      const tw = w.fonts.width(tag, size, 'bold');
      // The title up to the tag, shortened with an ellipsis: a long (French) title ran under it.
      const title = fitted(model.data.title, right - left - tw - 12, (s) => w.fonts.width(s, size, 'regular'));
      w.text([{ text: title, style: 'regular', size, color: colors.muted }], left, headY);
      w.text([{ text: tag, style: 'bold', size, color: model.data.example ? colors.watermark : colors.muted }], right - tw, headY);
      w.line(left, headY + 5, right, headY + 5, colors.rule, 0.5);
      const footY = g.height - g.marginBottom + 30;
      w.line(left, footY - 11, right, footY - 11, colors.rule, 0.5);
      const name = t('dryrun.footer', lang, { sop: model.sop.data.code, version: model.data.version });
      const page = t('handbook.page', lang, { n: formatNumber(info.number, lang), m: formatNumber(info.count, lang) });
      w.text([{ text: `${name} · ${page}`, style: 'regular', size }], left, footY);
    });
  };
}

/** A text cut at a word and ended with "…" to fit a width, or the text when it fits. */
export function fitted(text: string, width: number, measure: (s: string) => number): string {
  if (measure(text) <= width) return text;
  const words = text.split(' ');
  while (words.length > 1) {
    words.pop();
    const cut = `${words.join(' ').replace(/[\s,;:·–—]+$/, '')}…`;
    if (measure(cut) <= width) return cut;
  }
  return '…';
}

/**
 * Lays out and renders the blocks of one dry-run document (A4, deterministic: the date in the
 * metadata is the record's last day).
 */
export async function renderDryRunDoc(model: DryRunModel, blocks: readonly Block[], title: string, what: string, lang: string): Promise<Uint8Array> {
  const ctx = layoutContext('a4', lang);
  const pages = paginate(layoutBlocks(blocks, ctx), { portrait: ctx.height, landscape: ctx.landscape.height });
  return renderParts([{ pages, numbering: 'decimal', stamp: dryRunStamp(model, what, lang) }], 'a4', { title, author: model.organisation, subject: `${model.sop.data.code} ${model.sop.data.title} v${model.data.version}`, language: lang, date: model.data.dates.end }, ctx);
}
