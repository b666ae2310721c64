import { colon, t } from '../../../i18n/index.ts';
import type { Quiz } from '../../../schemas/quiz.ts';
import type { Block, Cell } from '../blocks.ts';
import { layoutContext, renderParts } from '../document.ts';
import { run, type Inline } from '../inline.ts';
import { layoutBlocks } from '../layout.ts';
import { paginate } from '../paginate.ts';
import { colors } from '../theme.ts';
import { formFooter, type QuizPrintOptions } from './booklet.ts';
import { answerText, formItems, type QuizForm } from './items.ts';
import { quizStamp } from './stamp.ts';

const cell = (text: string, style: Inline['style'] = 'regular'): Cell => ({ inlines: [run(text, style)] });

/**
 * The blocks of a form's answer key (trainer edition only): question number, item id, the answer
 * as the booklet labels it, objective and SOP section, and the explanation to give back. Also
 * printed at the end of a module's trainer manual.
 */
export function answerKeyBlocks(quiz: Quiz, form: QuizForm, o: Pick<QuizPrintOptions, 'lang' | 'sopCodes'>): Block[] {
  const label = t(form === 'pre' ? 'booklet.pre' : 'booklet.post', o.lang);
  const items = formItems(quiz, form);
  // A module's quiz cites several SOPs: "§6.3" alone would not say whose section it is.
  const sopOf = (ref: string) => ref.split('#')[0] ?? '';
  const several = new Set(items.map((item) => sopOf(item.ref))).size > 1;
  const section = (ref: string) => ref.replace(/^[^#]*#/, '§');
  const where = (ref: string) => (several ? `${o.sopCodes?.[sopOf(ref)] ?? sopOf(ref)} ${section(ref)}` : section(ref));
  const objectives = new Map(quiz.objectives.map((ob) => [ob.id, ob.text]));
  return [
    { kind: 'heading', level: 1, inlines: [run(`${t('booklet.key', o.lang)}${colon(o.lang)} ${label}`)], anchor: `quiz:${quiz.id}:${form}:key`, toc: true },
    { kind: 'paragraph', inlines: [run(quiz.title, 'bold')] },
    { kind: 'box', tone: 'trainer', label: t('handbook.edition.trainer', o.lang), children: [{ kind: 'paragraph', inlines: [run(t('booklet.key.lead', o.lang))], spaceBefore: 2 }] },
    {
      kind: 'table',
      header: [[cell('#'), cell(t('report.item', o.lang)), cell(t('booklet.key.answer', o.lang)), cell(t('booklet.key.objective', o.lang)), cell(t('booklet.key.section', o.lang)), cell(t('booklet.key.explanation', o.lang))]],
      rows: items.map((item, i) => [cell(String(i + 1), 'bold'), cell(item.id), cell(answerText(item, o.lang), 'bold'), cell(item.objective), cell(where(item.ref)), { inlines: [run(item.explanation ?? '', 'regular', { color: colors.muted })] }]),
      widths: several ? [0.35, 0.8, 0.9, 1.1, 1.05, 3.55] : [0.35, 0.8, 0.9, 1.1, 0.6, 4],
      size: 8.5,
    },
    { kind: 'heading', level: 2, inlines: [run(t('booklet.objectives', o.lang))], toc: false },
    { kind: 'table', header: [], rows: [...objectives].map(([id, text]) => [cell(id, 'bold'), cell(text)]), widths: [1, 5], size: 8.5 },
  ];
}

/** The answer key of a form as its own PDF. */
export async function renderAnswerKey(quiz: Quiz, form: QuizForm, o: QuizPrintOptions): Promise<Uint8Array> {
  const ctx = layoutContext(o.paper, o.lang);
  const label = t(form === 'pre' ? 'booklet.pre' : 'booklet.post', o.lang);
  const blocks = answerKeyBlocks(quiz, form, o);
  const pages = paginate(layoutBlocks(blocks, ctx), { portrait: ctx.height, landscape: ctx.landscape.height });
  const what = `${t('booklet.key', o.lang)} · ${label}`;
  return renderParts([{ pages, numbering: 'decimal', stamp: quizStamp(quiz, what, o.lang, formFooter(quiz, form, o), true) }], o.paper, { title: `${what}: ${quiz.title}`, author: o.organisation, subject: quiz.title, language: o.lang, date: o.date }, ctx);
}
