import { formatNumber, t } from '../../../i18n/index.ts';
import type { Quiz } from '../../../schemas/quiz.ts';
import type { PageWriter } from '../../pdf/writer.ts';
import type { PageInfo } from '../document.ts';
import { colors } from '../theme.ts';

/** Running head and footer of quiz prints: title and what it is, then "quiz · form · Page n of m". */
export function quizStamp(quiz: Pick<Quiz, 'title'>, what: string, lang: string, code: string, trainerOnly = false) {
  return (w: PageWriter, info: PageInfo): void => {
    const g = info.geometry;
    const [left, right] = [g.marginLeft, g.width - g.marginRight];
    w.artifact(() => {
      const size = 8;
      const headY = g.marginTop - 26;
      const ww = w.fonts.width(what, size, 'bold');
      w.text([{ text: fitted(quiz.title, right - left - ww - 16, (t) => w.fonts.width(t, size, 'regular')), style: 'regular', size, color: colors.muted }], left, headY);
      w.text([{ text: what, style: 'bold', size, color: trainerOnly ? [0.1, 0.45, 0.25] : colors.muted }], right - ww, headY);
      w.line(left, headY + 5, right, headY + 5, colors.rule, 0.5);
      const footY = g.height - g.marginBottom + 30;
      w.line(left, footY - 11, right, footY - 11, colors.rule, 0.5);
      w.text([{ text: `${code} · ${t('handbook.page', lang, { n: formatNumber(info.number, lang), m: formatNumber(info.count, lang) })}`, style: 'regular', size }], left, footY);
    });
  };
}

/**
 * A running-head text cut at a word with an ellipsis so it fits a width (a translated title is
 * often longer than the source's and would run into the form's name).
 * @param text The text.
 * @param width Room in points.
 * @param measure Width of a text in points.
 */
export function fitted(text: string, width: number, measure: (text: string) => number): string {
  if (measure(text) <= width) return text;
  const words = text.split(' ');
  while (words.length > 1) {
    words.pop();
    const cut = `${words.join(' ').replace(/[\s,;:]+$/, '')}…`;
    if (measure(cut) <= width) return cut;
  }
  return `${words[0] ?? ''}…`;
}
