import { formatDate, formatNumber, t, type UiKey } from '../../i18n/index.ts';
import type { PageWriter } from '../pdf/writer.ts';
import { roman, type PageInfo } from './document.ts';
import type { Edition } from './editions.ts';
import { colors } from './theme.ts';

/** What the running heads of a document print. */
export interface StampInfo {
  /** The document's code (SOP-CR-01, M1); empty for a document that has none (a course's guide). */
  code: string;
  title: string;
  /** Document version; none for a volume of several documents. */
  version?: string;
  status?: string;
  effective?: string;
  edition?: Edition;
  lang: string;
  /** Leave out header and footer (the cover), keep the watermark. */
  bare?: boolean;
  /** Watermark text instead of the status word (a review copy's "CONSULTATION DRAFT — version 0.4.0 — not for use"). */
  watermark?: string;
}

function fit(w: PageWriter, text: string, size: number, width: number): string {
  if (w.fonts.width(text, size, 'regular') <= width) return text;
  let s = text;
  while (s.length > 4 && w.fonts.width(`${s}…`, size, 'regular') > width) s = s.slice(0, -1);
  return `${s.trimEnd()}…`;
}

/** The watermark word for a status, or nothing when the SOP is approved. */
export function watermarkFor(status: string | undefined, lang: string): string | undefined {
  if (!status || status === 'approved') return undefined;
  return t(status === 'superseded' ? 'handbook.watermark.superseded' : 'handbook.watermark.draft', lang);
}

/**
 * Running header (code and title, edition), footer ("SOP-CR-01 v1.2.0 · Page 3 of 24 ·
 * uncontrolled when printed", effective date of an SOP in force) and the diagonal watermark of an
 * unapproved SOP.
 * Drawn as artifacts so they stay out of the reading order.
 */
export function stampPage(w: PageWriter, page: PageInfo, s: StampInfo): void {
  const g = page.geometry;
  const left = g.marginLeft;
  const right = g.width - g.marginRight;
  const mark = s.watermark ?? watermarkFor(s.status, s.lang);
  if (mark) {
    w.artifact(() =>
      w.withOpacity(0.09, () => {
        // A long watermark shrinks to run corner to corner; a short word stays at its full size.
        const diagonal = Math.hypot(g.width, g.height) * 0.82;
        const size = Math.min(Math.min(g.width, g.height) / 4.6, diagonal / Math.max(1, w.fonts.width(mark, 1, 'bold')));
        const tw = w.fonts.width(mark, size, 'bold');
        const angle = (Math.atan2(g.height, g.width) * 180) / Math.PI;
        const a = (angle * Math.PI) / 180;
        const x = g.width / 2 - (Math.cos(a) * tw) / 2 + (Math.sin(a) * size * 0.35);
        const baseline = g.height / 2 + (Math.sin(a) * tw) / 2 + Math.cos(a) * size * 0.35;
        w.rotatedText({ text: mark, style: 'bold', size, color: colors.watermark }, x, baseline, angle);
      }),
    );
  }
  if (s.bare) return;
  w.artifact(() => {
    const size = 8;
    const headY = g.marginTop - 26;
    const edition = s.edition ? t(`handbook.edition.${s.edition}` as UiKey, s.lang) : '';
    const ew = edition ? w.fonts.width(edition, size, 'bold') : 0;
    w.text([{ text: fit(w, s.code ? `${s.code} · ${s.title}` : s.title, size, right - left - ew - 20), style: 'regular', size, color: colors.muted }], left, headY);
    if (edition) w.text([{ text: edition, style: 'bold', size, color: s.edition === 'trainer' ? [0.1, 0.45, 0.25] : colors.muted }], right - ew, headY);
    w.line(left, headY + 5, right, headY + 5, colors.rule, 0.5);
    const footY = g.height - g.marginBottom + 30;
    w.line(left, footY - 11, right, footY - 11, colors.rule, 0.5);
    const decimal = /^\d+$/.test(page.label);
    const pageText = t('handbook.page', s.lang, { n: decimal ? formatNumber(page.number, s.lang) : page.label, m: decimal ? formatNumber(page.count, s.lang) : roman(page.count) });
    const foot = [s.code ? `${s.code}${s.version ? ` v${s.version}` : ''}` : '', pageText, t('handbook.uncontrolled', s.lang)].filter(Boolean).join(' · ');
    w.text([{ text: foot, style: 'regular', size, color: colors.text }], left, footY);
    // Only an SOP in force has an effective date: a draft's or a consultation copy's planned one,
    // beside a cover saying "not in force", read as a date it took effect.
    if (s.effective && (s.status === undefined || s.status === 'approved' || s.status === 'superseded')) {
      const eff = `${t('sop.effective', s.lang)} ${formatDate(s.effective, s.lang)}`;
      w.text([{ text: eff, style: 'regular', size, color: colors.muted }], right - w.fonts.width(eff, size, 'regular'), footY);
    }
  });
}
