import { t } from '../../../i18n/index.ts';
import type { Quiz } from '../../../schemas/quiz.ts';
import type { Block } from '../blocks.ts';
import { layoutContext, renderParts } from '../document.ts';
import { run } from '../inline.ts';
import { layoutBlocks } from '../layout.ts';
import { paginate } from '../paginate.ts';
import { colors } from '../theme.ts';
import { formFooter, writeInFields, type QuizPrintOptions } from './booklet.ts';
import { formItems, optionLabel, printedOptions, type QuizForm } from './items.ts';
import { quizStamp } from './stamp.ts';

const ROW = 21;
const ARABIC = /[\u0600-\u06FF]/;

/**
 * The answer sheet of a form: name and id fields, then a bubble grid, one row per question
 * (circles lettered with the option ids, T/F for true/false, write-in boxes for order items), in
 * two columns so a 20-question form fits one page.
 */
export async function renderAnswerSheet(quiz: Quiz, form: QuizForm, o: QuizPrintOptions): Promise<Uint8Array> {
  const ctx = layoutContext(o.paper, o.lang);
  const items = formItems(quiz, form);
  const perColumn = Math.ceil(items.length / 2);
  const label = t(form === 'pre' ? 'booklet.pre' : 'booklet.post', o.lang);
  const grid: Block = {
    kind: 'custom',
    height: perColumn * ROW + 6,
    spaceBefore: 14,
    draw(w, x, top, width) {
      const colWidth = (width - 24) / 2;
      items.forEach((item, i) => {
        const cx = x + Math.floor(i / perColumn) * (colWidth + 24);
        const cy = top + (i % perColumn) * ROW;
        if (i % 2 === 1) w.rect(cx - 4, cy, colWidth + 4, ROW, { fill: colors.faint });
        const baseline = cy + ROW / 2 + 3.5;
        const num = `${i + 1}.`;
        w.text([{ text: num, style: 'bold', size: 10 }], cx + 22 - w.fonts.width(num, 10, 'bold'), baseline);
        const options = printedOptions(quiz, item);
        if (item.type === 'order') {
          options.forEach((_, k) => w.rect(cx + 34 + k * 20, cy + 3, 16, ROW - 6, { stroke: colors.text, lineWidth: 0.7, fill: [1, 1, 1] }));
          return;
        }
        const sorted = [...options].sort((a, b) => (a.id < b.id ? -1 : 1));
        (item.type === 'truefalse' ? options : sorted).forEach((option, k) => {
          const ox = cx + 42 + k * 24;
          w.circle(ox, cy + ROW / 2, 7.5, { stroke: colors.text, lineWidth: 0.8, fill: [1, 1, 1] });
          const l = item.type === 'truefalse' ? optionLabel(item, option, o.lang).slice(0, 1) : optionLabel(item, option, o.lang);
          // Naskh letters are drawn smaller than Latin capitals of the same size: a larger size fills the circle alike.
          const size = ARABIC.test(l) ? 9 : 7.5;
          w.text([{ text: l, style: 'regular', size, color: colors.muted }], ox - w.fonts.width(l, size, 'regular') / 2, cy + ROW / 2 + (size === 7.5 ? 2.7 : 2.5));
        });
      });
    },
  };
  const blocks: Block[] = [
    { kind: 'paragraph', inlines: [run(o.organisation.toUpperCase(), 'bold', { color: colors.muted })], size: 9 },
    { kind: 'heading', level: 1, inlines: [run(t('assess.labelled', o.lang, { label: t('booklet.answerSheet', o.lang), text: label }))], anchor: `quiz:${quiz.id}:${form}:sheet`, toc: true },
    { kind: 'paragraph', inlines: [run(quiz.title, 'bold')] },
    writeInFields(o.lang, ['booklet.name', 'booklet.participant']),
    { kind: 'paragraph', inlines: [run(t('booklet.answerSheet.lead', o.lang), 'italic', { color: colors.muted })], size: 8.5 },
    grid,
  ];
  const pages = paginate(layoutBlocks(blocks, ctx), { portrait: ctx.height, landscape: ctx.landscape.height });
  const what = `${t('booklet.answerSheet', o.lang)} · ${label}`;
  return renderParts([{ pages, numbering: 'decimal', stamp: quizStamp(quiz, what, o.lang, formFooter(quiz, form, o)) }], o.paper, { title: t('assess.labelled', o.lang, { label: what, text: quiz.title }), author: o.organisation, subject: quiz.title, language: o.lang, date: o.date }, ctx);
}
