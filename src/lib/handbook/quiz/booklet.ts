import { t, tn } from '../../../i18n/index.ts';
import type { Quiz, QuizItem } from '../../../schemas/quiz.ts';
import type { Block } from '../blocks.ts';
import { layoutContext, renderParts } from '../document.ts';
import { run } from '../inline.ts';
import { withClosing, type Item } from '../items.ts';
import { layoutBlocks, type LayoutContext } from '../layout.ts';
import { breakLines } from '../lines.ts';
import { paginate } from '../paginate.ts';
import { drawLine } from '../text-items.ts';
import { colors, type, type Paper } from '../theme.ts';
import { formItems, instruction, optionLabel, printedOptions, type QuizForm } from './items.ts';
import { quizStamp } from './stamp.ts';

/** What every quiz print needs besides the quiz. */
export interface QuizPrintOptions {
  paper: Paper;
  lang: string;
  organisation: string;
  /** Date printed in the metadata (from the content, for byte-identical builds). */
  date: string;
  /**
   * The code the running footer names the quiz by: its module's or its SOP's (`quizCode`); the
   * quiz's title when absent. Never the quiz's file id.
   */
  code?: string;
  /** SOP codes by id, for an answer key whose items cite more than one SOP ("SOP-ID-01 §6.2"). */
  sopCodes?: Readonly<Record<string, string>>;
}

/**
 * What the running footer of a form's prints names them by, before the page: the quiz's code (or
 * title) and the test, "M1 · Pre-test", the same on the booklet, its answer sheet and its key, so a
 * sheet separated from its booklet is matched by it.
 */
export function formFooter(quiz: Pick<Quiz, 'title'>, form: QuizForm, o: Pick<QuizPrintOptions, 'code' | 'lang'>): string[] {
  return [o.code || quiz.title, t(form === 'pre' ? 'booklet.pre' : 'booklet.post', o.lang)];
}

/**
 * The height of a field a participant writes a name or an id in by pen (pt): 22 pt, 7.8 mm, room
 * for capitals and descenders. The 14 pt (4.9 mm) the fields had was narrower than a handwritten
 * capital with its descender.
 */
export const WRITE_IN_HEIGHT = 22;

/**
 * Labelled write-in fields: name, participant id, course, date (booklets, answer sheets, the
 * session evaluation form's participant code).
 * @param boxHeight Height of each field (pt).
 */
export function writeInFields(lang: string, labels: string[] = ['booklet.name', 'booklet.participant', 'booklet.course', 'booklet.date'], boxHeight = WRITE_IN_HEIGHT): Block {
  const pitch = boxHeight + 16;
  return {
    kind: 'custom',
    height: pitch * Math.ceil(labels.length / 2) + 4,
    spaceBefore: 10,
    draw(w, x, top, width) {
      const col = (width - 20) / 2;
      labels.forEach((key, i) => {
        const cx = x + (i % 2) * (col + 20);
        const cy = top + Math.floor(i / 2) * pitch;
        w.text([{ text: t(key as never, lang), style: 'bold', size: 9, color: colors.muted }], cx, cy + 10);
        w.rect(cx, cy + 14, col, boxHeight, { stroke: colors.text, lineWidth: 0.6 });
      });
    },
  };
}

function question(quiz: Quiz, item: QuizItem, n: number, width: number, lang: string): Item[] {
  const size = type.body;
  const lh = size * type.leading;
  const numberWidth = 22;
  const stem = breakLines([run(item.stem)], width - numberWidth, size);
  const note = `${instruction(item, lang)}${item.marks !== 1 ? ` (${tn('assess.count.marks', item.marks, lang)})` : ''}`;
  const items: Item[] = stem.map((line, i) => ({
    height: lh,
    spaceBefore: i === 0 ? 12 : 0,
    keepWithNext: true,
    draw(w, x, top) {
      if (i === 0) w.text([{ text: `${n}.`, style: 'bold', size, color: colors.accent }], x, top + lh / 2 + size * 0.357);
      drawLine(w, line, x + numberWidth, top, size, lh);
    },
  }));
  items.push({ height: lh, keepWithNext: true, draw: (w, x, top) => w.text([{ text: note, style: 'italic', size: type.small, color: colors.muted }], x + numberWidth, top + lh / 2 + 3) });
  const options = printedOptions(quiz, item);
  options.forEach((option, k) => {
    const label = optionLabel(item, option, lang);
    const textX = numberWidth + 40;
    const lines = item.type === 'truefalse' ? [] : breakLines([run(option.text)], width - textX, size);
    const height = Math.max(1, lines.length) * lh + 3;
    items.push({
      height,
      keepWithNext: k < options.length - 1,
      draw(w, x, top) {
        const baseline = top + lh / 2 + size * 0.357;
        const bx = x + numberWidth;
        if (item.type === 'order') w.rect(bx, top + 2, 14, 13, { stroke: colors.text, lineWidth: 0.7 });
        else if (item.type === 'multiple') w.rect(bx + 1, top + 3, 10, 10, { stroke: colors.text, lineWidth: 0.8 });
        else w.circle(bx + 6, top + 8, 5.2, { stroke: colors.text, lineWidth: 0.8 });
        w.text([{ text: item.type === 'truefalse' ? label : `${label}.`, style: 'bold', size }], bx + 20, baseline);
        lines.forEach((line, i) => drawLine(w, line, x + textX, top + i * lh, size, lh));
      },
    });
  });
  return items;
}

/** The cover blocks of a booklet: title, form, write-in fields, instructions. */
function coverBlocks(quiz: Quiz, form: QuizForm, o: QuizPrintOptions, count: number): Block[] {
  const formName = t(form === 'pre' ? 'booklet.pre' : 'booklet.post', o.lang);
  const facts = [tn('assess.count.questions', count, o.lang), ...(quiz.timeLimit ? [tn('assess.count.minutes', quiz.timeLimit, o.lang)] : [])].join(' · ');
  return [
    { kind: 'paragraph', inlines: [run(o.organisation.toUpperCase(), 'bold', { color: colors.muted })], size: 9 },
    { kind: 'heading', level: 1, inlines: [run(t('assess.labelled', o.lang, { label: formName, text: quiz.title }))], anchor: `quiz:${quiz.id}:${form}`, toc: true },
    { kind: 'paragraph', inlines: [run(facts, 'bold')] },
    writeInFields(o.lang),
    { kind: 'box', tone: 'note', label: t('booklet.instructions', o.lang), children: [{ kind: 'paragraph', inlines: [run(t('booklet.instructions.text', o.lang))], spaceBefore: 2 }] },
  ];
}

/**
 * A test booklet for one form: a cover with name and id fields and the instructions, then the
 * numbered questions with a box (or circle) for each option, never split from their options.
 */
export async function renderTestBooklet(quiz: Quiz, form: QuizForm, o: QuizPrintOptions): Promise<Uint8Array> {
  const ctx: LayoutContext = layoutContext(o.paper, o.lang);
  const list = formItems(quiz, form);
  const items: Item[] = [...layoutBlocks(coverBlocks(quiz, form, o, list.length), ctx)];
  list.forEach((item, i) => items.push(...question(quiz, item, i + 1, ctx.width, o.lang)));
  const end = layoutBlocks([{ kind: 'paragraph', inlines: [run(t('booklet.end', o.lang), 'italic', { color: colors.muted })], spaceBefore: 18, align: 'center' }], ctx);
  const pages = paginate(withClosing(items, end), { portrait: ctx.height, landscape: ctx.landscape.height });
  const label = t(form === 'pre' ? 'booklet.pre' : 'booklet.post', o.lang);
  const stamp = quizStamp(quiz, label, o.lang, formFooter(quiz, form, o));
  return renderParts([{ pages, numbering: 'decimal', stamp }], o.paper, { title: t('assess.labelled', o.lang, { label, text: quiz.title }), author: o.organisation, subject: quiz.title, language: o.lang, date: o.date }, ctx);
}
