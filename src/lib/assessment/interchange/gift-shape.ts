import type { GIFTQuestion, TextFormat } from 'gift-pegjs';
import type { QuizItem, QuizOption } from '../../../schemas/quiz.ts';
import { moodleWeight } from './gift-export.ts';
import type { OrderingPart } from './gift-ordering.ts';
import { inFormat, questionFormat, type ItemFormat } from './gift-text.ts';

/** A GIFT question that holds answers. */
export type GiftQuestion = Exclude<GIFTQuestion, { type: 'Category' | 'Description' }>;

/** Why a question cannot become a SOPKit item. */
export class NotImportable extends Error {}

/** What an item gets from a question's answers. */
export interface Shape {
  type: QuizItem['type'];
  options: QuizOption[];
  scoring?: QuizItem['scoring'];
  format: ItemFormat;
  stem: string;
  explanation?: string;
}

const letters = 'abcdefghijklmnopqrstuvwxyz';
/** What a GIFT question must be to become an item. */
export const SUPPORTED = 'SOPKit items are multiple choice, true/false, ordering, and matching to 1, 2, 3... (the order of steps)';
const near = (a: number, b: number) => Math.abs(a - b) < 0.01 || Math.abs(a - moodleWeight(b)) < 1e-4;
const percent = (w: number) => `${Number(w.toFixed(5))} %`;

/**
 * Multiple choice as Moodle reads it: a question with an `=` answer is single-answer; without,
 * it is multiple-answer and its weights add up. Weights are kept exactly or the question is
 * refused: SOPKit scores a single-answer item all or nothing, and several right answers as
 * right/k − wrong/(n − k) (never below 0), which is Moodle's sum of weights only for weights
 * 100/k and −100/(n − k).
 */
function choices(q: Extract<GiftQuestion, { type: 'MC' }>, text: (t: TextFormat | null | undefined) => string | undefined): Pick<Shape, 'type' | 'options' | 'scoring'> {
  const weight = (c: (typeof q.choices)[number]) => c.weight ?? (c.isCorrect ? 100 : 0);
  const option = (c: (typeof q.choices)[number], i: number, correct: boolean): QuizOption => {
    const feedback = text(c.feedback);
    return { id: letters[i] ?? `o${i}`, text: text(c.text) ?? '', correct, ...(feedback ? { feedback } : {}) };
  };
  const weights = q.choices.map(weight);
  if (q.choices.some((c) => c.isCorrect)) {
    const partial = weights.filter((w) => w !== 100 && w !== 0);
    if (partial.length) throw new NotImportable(`answer weights ${partial.map(percent).join(', ')} give part marks on a single-answer question; a SOPKit single-answer item is right or wrong`);
    const right = weights.filter((w) => w === 100).length;
    if (right !== 1) throw new NotImportable(`${right} answers are right (=) on a single-answer question; a SOPKit single-answer item has one right answer`);
    return { type: 'single', options: q.choices.map((c, i) => option(c, i, weight(c) === 100)) };
  }
  const k = weights.filter((w) => w > 0).length;
  const n = weights.length;
  if (k === 0 || k === n) throw new NotImportable(`${k === 0 ? 'no answer has' : 'every answer has'} a positive weight; a multiple-answer item needs right and wrong answers`);
  const fits = weights.every((w) => (w > 0 ? near(w, 100 / k) : near(w, -100 / (n - k))));
  if (!fits) {
    throw new NotImportable(
      `answer weights ${weights.map(percent).join(', ')} cannot be kept: SOPKit scores several right answers as right/k − wrong/(n − k), which here is ${percent(moodleWeight(100 / k))} for each right and ${percent(moodleWeight(-100 / (n - k)))} for each wrong answer; set those weights in Moodle, or write the item in the quiz YAML`,
    );
  }
  return { type: 'multiple', options: q.choices.map((c, i) => option(c, i, weight(c) > 0)), scoring: 'partial' };
}

/**
 * The item a GIFT question becomes, or `NotImportable` with the reason.
 * @param q The parsed question.
 * @param onMixed Told when a text stays in a format other than the question's.
 */
export function shapeOf(q: GiftQuestion, onMixed: (from: ItemFormat, to: ItemFormat) => void): Shape {
  const texts: (TextFormat | null | undefined)[] = [q.stem, q.globalFeedback];
  if (q.type === 'MC') texts.push(...q.choices.flatMap((c) => [c.text, c.feedback]));
  if (q.type === 'TF') texts.push(q.trueFeedback, q.falseFeedback);
  if (q.type === 'Matching') texts.push(...q.matchPairs.map((p) => p.subquestion));
  const format = questionFormat(texts);
  const text = (t: TextFormat | null | undefined) => (t && t.text !== '' ? inFormat(t, format, (from) => onMixed(from, format)) : undefined);
  const base = { format, stem: text(q.stem) ?? '', ...(text(q.globalFeedback) ? { explanation: text(q.globalFeedback) } : {}) };
  const opt = (id: string, label: string, correct: boolean, feedback?: string): QuizOption => ({ id, text: label, correct, ...(feedback ? { feedback } : {}) });
  if (q.type === 'TF') {
    // gift-pegjs names GIFT's two feedbacks trueFeedback and falseFeedback; Moodle reads the first
    // as the feedback for a wrong answer and the second for a right one.
    const [wrong, right] = [text(q.trueFeedback), text(q.falseFeedback)];
    return { ...base, type: 'truefalse', options: [opt('true', 'True', q.isTrue, q.isTrue ? right : wrong), opt('false', 'False', !q.isTrue, q.isTrue ? wrong : right)] };
  }
  if (q.type === 'MC') return { ...base, ...choices(q, text) };
  if (q.type === 'Matching') {
    const positions = q.matchPairs.map((p) => p.subanswer.trim());
    if (!positions.every((p, _, all) => /^\d+$/.test(p) && all.filter((x) => x === p).length === 1)) {
      throw new NotImportable(`it matches to ${positions.slice(0, 3).map((p) => `"${p}"`).join(', ')}...; ${SUPPORTED}`);
    }
    // Moodle's extra answer ("= -> 3": a right-hand side no question matches) has no place in an
    // order item, where every option takes a place.
    const extra = q.matchPairs.find((p) => !(text(p.subquestion) ?? '').trim());
    if (extra) throw new NotImportable(`its line "= -> ${extra.subanswer.trim()}" is an extra answer with no question (Moodle's distractor); an SOPKit order item puts every option in a place, so delete that line, or write the step that goes there`);
    const sorted = [...q.matchPairs].sort((a, b) => Number(a.subanswer) - Number(b.subanswer));
    return { ...base, type: 'order', options: sorted.map((p, i) => opt(letters[i] ?? `o${i}`, text(p.subquestion) ?? '', false)) };
  }
  throw new NotImportable(SUPPORTED);
}

/**
 * The order item a Moodle ordering question becomes: its items in the right order, plain text as
 * Moodle keeps them (converted to the question's format), scored `partial` when Moodle grades it
 * by pairs in the right order (RELATIVE_ALL_PREVIOUS_AND_NEXT). `orderingProblem` has said it fits.
 * @param q The question as gift-pegjs read it with its answer part emptied (an essay).
 * @param part The answer part.
 * @param onMixed Told when a text stays in a format other than the question's.
 */
export function orderingShape(q: GiftQuestion, part: OrderingPart, onMixed: (from: ItemFormat, to: ItemFormat) => void): Shape {
  const itemTexts = part.items.map((text) => ({ text, format: 'moodle' as const }));
  const feedback = part.feedback ? { text: part.feedback, format: q.stem.format } : undefined;
  const format = questionFormat([q.stem, feedback, ...itemTexts]);
  const text = (t: TextFormat | null | undefined) => (t && t.text !== '' ? inFormat(t, format, (from) => onMixed(from, format)) : undefined);
  const explanation = text(feedback);
  return {
    type: 'order',
    format,
    stem: text(q.stem) ?? '',
    ...(explanation ? { explanation } : {}),
    options: itemTexts.map((t, i) => ({ id: letters[i] ?? `o${i}`, text: text(t) ?? '', correct: false })),
    ...(part.grading === 'RELATIVE_ALL_PREVIOUS_AND_NEXT' ? { scoring: 'partial' as const } : {}),
  };
}
