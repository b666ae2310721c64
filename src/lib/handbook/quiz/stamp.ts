import { formatNumber, t } from '../../../i18n/index.ts';
import type { Quiz } from '../../../schemas/quiz.ts';
import type { PageWriter } from '../../pdf/writer.ts';
import type { PageInfo } from '../document.ts';
import { colors } from '../theme.ts';

/**
 * Running head and footer of quiz prints (and of the evaluation form and the score report): the
 * title and what the document is, then the names the reader knows it by and the page ("M1 ·
 * Pre-test · Page 1 of 4"), never a file id.
 * @param quiz What the head names (its title).
 * @param what What the document is, at the end of the head ("Answer sheet · Pre-test").
 * @param lang The document's language.
 * @param footer The names the footer gives before the page ("M1", "Pre-test"), joined with " · ";
 *   the first is cut with an ellipsis when they would not fit (a title); none for the page alone.
 * @param trainerOnly Trainer material: `what` in the trainer edition's colour.
 */
export function quizStamp(quiz: Pick<Quiz, 'title'>, what: string, lang: string, footer: readonly string[], trainerOnly = false) {
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
      const page = t('handbook.page', lang, { n: formatNumber(info.number, lang), m: formatNumber(info.count, lang) });
      const [first, ...rest] = footer.filter(Boolean);
      const tail = [...rest, page].join(' · ');
      const measure = (text: string) => w.fonts.width(text, size, 'regular');
      const text = first ? `${fitted(first, right - left - measure(` · ${tail}`), measure)} · ${tail}` : tail;
      w.text([{ text, style: 'regular', size }], left, footY);
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
