import { t } from '../../../i18n/index.ts';
import type { Evaluation, EvaluationItem } from '../../../schemas/evaluation.ts';
import type { Block } from '../../handbook/blocks.ts';
import { layoutContext, renderParts } from '../../handbook/document.ts';
import { run, type Inline } from '../../handbook/inline.ts';
import { layoutBlocks } from '../../handbook/layout.ts';
import { breakLines } from '../../handbook/lines.ts';
import { paginate } from '../../handbook/paginate.ts';
import { writeInFields } from '../../handbook/quiz/booklet.ts';
import { quizStamp } from '../../handbook/quiz/stamp.ts';
import { withClosing } from '../../handbook/items.ts';
import { drawLine } from '../../handbook/text-items.ts';
import { colors, type Paper } from '../../handbook/theme.ts';
import type { CourseDoc } from '../courses.ts';
import { scaleOf, type Scale } from './scale.ts';

/** Choices for the printed form. */
export interface EvaluationFormOptions {
  paper: Paper;
  organisation: string;
  /** Date for the document metadata (YYYY-MM-DD), so the PDF is reproducible. */
  date?: string;
  /** Title of the course the form evaluates, in the form's language, for the running footer (none: the page alone). */
  course?: string;
}

/**
 * The title of the course a form evaluates, for its running footer: from the courses of the
 * form's language (`projectIn(project, lang).courses` for a translated form); none for a form of no
 * course, or of a course that does not load.
 */
export function formCourseTitle(courses: readonly Pick<CourseDoc, 'id' | 'data'>[], form: Pick<Evaluation, 'course'>): string | undefined {
  return form.course ? courses.find((c) => c.id === form.course)?.data?.title : undefined;
}

/** File name of a form's printed version, beside the handbooks. */
export function evaluationFormFileName(id: string): string {
  return `${id}-evaluation-form.pdf`;
}

const SIZE = 9.5;
const LEAD = SIZE * 1.35;
const BOX = 9;
const NUMBER = 20;

/** Width of the grid of tick boxes: one column per point. */
const gridWidth = (width: number, points: number) => Math.min(width * 0.5, points * 56);

/** The labels of the scale over its columns, repeated above each group's statements. */
function scaleHeader(scale: Scale, width: number): Block {
  const grid = gridWidth(width, scale.points);
  const col = grid / scale.points;
  const lines = scale.labels.map((l) => breakLines([run(l, 'bold')], col - 4, 7));
  const height = Math.max(...lines.map((l) => l.length)) * 8.5 + 12;
  return {
    kind: 'custom',
    height,
    spaceBefore: 4,
    keepWithNext: true,
    draw(w, x, top) {
      const left = x + width - grid;
      lines.forEach((label, k) => {
        label.forEach((line, j) => {
          const cx = left + col * k + (col - line.width) / 2;
          drawLine(w, line, cx, top + j * 8.5, 7, 8.5, colors.muted);
        });
        const n = String(k + 1);
        w.text([{ text: n, style: 'regular', size: 7, color: colors.muted }], left + col * k + col / 2 - w.fonts.width(n, 7, 'regular') / 2, top + height - 2);
      });
    },
  };
}

/**
 * The form's instructions, as its settings make them: "how far you agree" only on the default
 * agreement scale (a Poor … Excellent scale was asked for agreement), and "You may leave out any
 * question" only when none is required (a required question was unmarked under that sentence).
 */
function instructions(form: Evaluation, lang: string): string {
  const likert = form.items.some((i) => i.type === 'likert') ? [t(form.scale.labels ? 'evaluation.form.howLikert.scale' : 'evaluation.form.howLikert.agree', lang)] : [];
  const other = form.items.some((i) => i.type !== 'likert') ? [t('evaluation.form.howOther', lang)] : [];
  const skip = form.items.some((i) => i.required) ? t('evaluation.form.skip.required', lang, { mark: t('evaluation.page.requiredMark', lang) }) : t('evaluation.form.skip.any', lang);
  return [...likert, ...other, skip].join(' ');
}

/** A question's words, with "(required)" after a question the form requires, as its web page marks it. */
function questionText(item: EvaluationItem, lang: string): Inline[] {
  return [run(item.text), ...(item.required ? [run(` (${t('evaluation.page.requiredMark', lang)})`, 'italic')] : [])];
}

/** One statement with a tick box under each point of the scale; rows shaded in turn. */
function likertRow(item: EvaluationItem, n: number, scale: Scale, width: number, shaded: boolean, lang: string): Block {
  const grid = gridWidth(width, scale.points);
  const col = grid / scale.points;
  const lines = breakLines(questionText(item, lang), width - grid - NUMBER - 8, SIZE);
  const height = Math.max(lines.length * LEAD, BOX + 6) + 6;
  return {
    kind: 'custom',
    height,
    draw(w, x, top) {
      if (shaded) w.rect(x - 3, top, width + 6, height, { fill: colors.faint });
      w.text([{ text: `${n}.`, style: 'bold', size: SIZE, color: colors.accent }], x, top + 3 + LEAD / 2 + SIZE * 0.357);
      lines.forEach((line, j) => drawLine(w, line, x + NUMBER, top + 3 + j * LEAD, SIZE, LEAD));
      const left = x + width - grid;
      for (let k = 0; k < scale.points; k++) w.rect(left + col * k + (col - BOX) / 2, top + (height - BOX) / 2, BOX, BOX, { stroke: colors.text, lineWidth: 0.8, fill: colors.white });
    },
  };
}

/** Ruled lines to write an answer on. */
function writingLines(count: number): Block {
  return {
    kind: 'custom',
    height: count * 22,
    draw(w, x, top, width) {
      for (let i = 1; i <= count; i++) w.line(x + NUMBER, top + i * 22, x + width, top + i * 22, colors.rule, 0.6);
    },
  };
}

/** The questions of one group: the scale over its statements, options with boxes, lines for comments. */
function groupBlocks(form: Evaluation, items: readonly EvaluationItem[], scale: Scale, width: number): Block[] {
  const out: Block[] = [];
  let likertRun = 0;
  items.forEach((item) => {
    const n = form.items.indexOf(item) + 1;
    if (item.type !== 'likert') likertRun = 0;
    if (item.type === 'likert') {
      if (likertRun === 0) out.push(scaleHeader(scale, width));
      out.push(likertRow(item, n, scale, width, likertRun % 2 === 1, form.language));
      likertRun++;
    } else {
      out.push({ kind: 'paragraph', inlines: [run(`${n}. `, 'bold', { color: colors.accent }), ...questionText(item, form.language)], keepWithNext: true, spaceBefore: 8 });
      if (item.type === 'choice') out.push({ kind: 'list', ordered: false, checkboxes: true, items: (item.options ?? []).map((o) => [{ kind: 'paragraph', inlines: [run(o.text)] }]) });
      else out.push(writingLines(form.items.length > 12 ? 4 : 5));
    }
  });
  return out;
}

/**
 * The printed evaluation form: its title and purpose, a reminder that it is anonymous (or a
 * field for the respondent's code), then each group with its statements on a grid of tick boxes
 * under the scale's labels, choice questions with a box per option and open questions with lines
 * to write on. Each question carries its place among the form's items, the order of the responses
 * CSV's columns, so paper answers can be typed in row by row.
 * @param form The evaluation form (valid).
 * @param o Paper, organisation, date and the course's title.
 */
export async function renderEvaluationForm(form: Evaluation, o: EvaluationFormOptions): Promise<Uint8Array> {
  const lang = form.language;
  const ctx = layoutContext(o.paper, lang);
  const scale = scaleOf(form);
  const blocks: Block[] = [
    { kind: 'paragraph', inlines: [run(o.organisation.toUpperCase(), 'bold', { color: colors.muted })], size: 9 },
    { kind: 'heading', level: 1, inlines: [run(form.title)], anchor: `evaluation:${form.id}`, toc: true },
    ...(form.intro ? [{ kind: 'paragraph', inlines: [run(form.intro, 'italic')] } as Block] : []),
    form.anonymous ? { kind: 'paragraph', inlines: [run(t('evaluation.form.anonymous', lang), 'bold')] } : writeInFields(lang, ['evaluation.respondent', 'booklet.date']),
    { kind: 'box', tone: 'note', label: t('booklet.instructions', lang), children: [{ kind: 'paragraph', inlines: [run(instructions(form, lang))], spaceBefore: 2 }] },
  ];
  for (const group of form.groups) {
    const items = form.items.filter((i) => i.group === group.id);
    if (!items.length) continue;
    blocks.push({ kind: 'heading', level: 2, inlines: [run(group.title)], anchor: `evaluation:${form.id}:${group.id}`, toc: true });
    blocks.push(...groupBlocks(form, items, scale, ctx.width));
  }
  const thanks = layoutBlocks([{ kind: 'paragraph', inlines: [run(t('evaluation.form.thanks', lang), 'italic')], spaceBefore: 14, align: 'center' }], ctx);
  const pages = paginate(withClosing(layoutBlocks(blocks, ctx), thanks), { portrait: ctx.height, landscape: ctx.landscape.height });
  const what = t('evaluation.form.what', lang);
  return renderParts([{ pages, numbering: 'decimal', stamp: quizStamp(form, what, lang, o.course ? [o.course] : []) }], o.paper, { title: `${form.title}`, author: o.organisation, subject: what, language: lang, date: o.date }, ctx);
}
