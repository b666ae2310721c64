import type { Quiz, QuizItem } from '../../../schemas/quiz.ts';
import { formItems } from '../quiz-rules.ts';
import type { FormId } from '../types.ts';
import { moodleWeight } from './gift-export.ts';
import type { OrderAs } from './moodle-xml.ts';

/**
 * An item of an export that Moodle marks differently from `sopkit score` (`itemFraction`):
 * - `all-or-nothing`: a multiple-answer item without `scoring: partial`. Core Moodle's
 *   multiple-answer question adds up the weights of the answers ticked (kept between 0 and 100 %),
 *   so it gives part marks; no set of weights makes it all or nothing (that needs the
 *   qtype_multichoiceset plugin, which GIFT and the Moodle XML written here do not use).
 * - `order`: an order item sent as a matching question (GIFT, which has no ordering question
 *   SOPKit can write safely, and Moodle XML for Moodle before 4.4): Moodle gives each step put at
 *   its right position its share of the marks; SOPKit gives the exact order (or, with `scoring:
 *   partial`, the share of pairs of steps in the right order), never that. Sent as Moodle's
 *   ordering question (Moodle XML's default), it is marked alike.
 * - `rounded`: a `scoring: partial` multiple-answer item whose weight 100/k or −100/(n − k) is not
 *   one Moodle accepts, so the file holds the nearest one.
 */
export interface MarkingDifference {
  id: string;
  kind: 'all-or-nothing' | 'order' | 'rounded';
  /** What Moodle does and what `sopkit score` does, for the message. */
  detail: string;
}

const pct = (w: number) => `${Number(w.toFixed(2))} %`;

function difference(item: QuizItem, orderAs: OrderAs): MarkingDifference | undefined {
  if (item.type === 'order') {
    if (orderAs === 'ordering') return undefined;
    const ours = item.scoring === 'partial' ? 'the share of pairs of steps in the right order (scoring: partial)' : 'the marks for the exact order only';
    return { id: item.id, kind: 'order', detail: `order item, sent as a matching question: Moodle gives a share of the marks for each step at its right position, \`sopkit score\` gives ${ours}` };
  }
  if (item.type !== 'multiple') return undefined;
  const k = item.options.filter((o) => o.correct).length;
  const wrong = item.options.length - k;
  const right = 100 / k;
  const penalty = wrong > 0 ? -100 / wrong : 0;
  if (item.scoring !== 'partial') {
    return { id: item.id, kind: 'all-or-nothing', detail: `several right answers: Moodle gives ${pct(moodleWeight(right))} for each right answer ticked and ${pct(moodleWeight(penalty))} for each wrong one (never below 0), \`sopkit score\` gives the marks only for exactly the right set` };
  }
  const off = [right, penalty].filter((w) => w !== 0 && Math.abs(moodleWeight(w) - w) > 1e-4);
  if (!off.length) return undefined;
  return { id: item.id, kind: 'rounded', detail: `scoring: partial, but Moodle has no answer weight of ${off.map(pct).join(' or ')} and the file holds the nearest, ${off.map((w) => pct(moodleWeight(w))).join(' or ')}` };
}

/**
 * The items of an export (one form, or the whole bank) that Moodle will mark differently from
 * `sopkit score`, in the order of the export.
 * @param quiz The quiz.
 * @param form The form exported; the whole bank when omitted.
 * @param orderAs How the export writes order items: `matching` (GIFT, and Moodle XML for Moodle
 *   before 4.4) or `ordering` (Moodle XML's default).
 */
export function moodleMarkingDifferences(quiz: Quiz, form?: FormId, orderAs: OrderAs = 'matching'): MarkingDifference[] {
  return (form ? formItems(quiz, form) : quiz.items).flatMap((item) => difference(item, orderAs) ?? []);
}

/**
 * One warning for a GIFT or Moodle XML export whose items Moodle marks differently from `sopkit
 * score`: which items, what Moodle does, and what the trainer can do. Undefined when every item
 * is marked alike.
 * @param quiz The quiz.
 * @param file The quiz file, as the message names it.
 * @param form The form exported; the whole bank when omitted.
 */
export function moodleMarkingWarning(quiz: Quiz, file: string, form?: FormId, orderAs: OrderAs = 'matching'): string | undefined {
  const diffs = moodleMarkingDifferences(quiz, form, orderAs);
  if (!diffs.length) return undefined;
  const exported = form ? formItems(quiz, form).length : quiz.items.length;
  const ids = (kind: MarkingDifference['kind']) => diffs.filter((d) => d.kind === kind).map((d) => d.id);
  const [all, order, rounded] = [ids('all-or-nothing'), ids('order'), ids('rounded')];
  const todo = [
    ...(all.length ? [`set \`scoring: partial\` on ${all.join(', ')} in ${file} so that SOPKit marks ${all.length === 1 ? 'it' : 'them'} as Moodle does (core Moodle cannot mark a multiple-answer question all or nothing)`] : []),
    ...(rounded.length ? [`give ${rounded.join(', ')} 1 to 10 (or 20) right answers and 1 to 10 (or 20) wrong ones, whose weights Moodle has`] : []),
    ...(order.length ? [`on Moodle 4.4 or later, import the Moodle XML export (\`sopkit quiz export ${quiz.id}${form ? ` --form ${form}` : ''} --format moodle-xml\`), which sends ${order.join(', ')} as Moodle's ordering question, marked as \`sopkit score\` marks ${order.length === 1 ? 'it' : 'them'}`] : []),
    `score the answers with \`sopkit score\` (\`sopkit quiz export ${quiz.id} --format template --form ${form ?? 'pre'}\` gives the responses CSV to fill in) rather than trusting Moodle's grade`,
  ];
  return [
    `warning: ${file}${form ? ` (${form}-test)` : ''}: Moodle will mark ${diffs.length} of the ${exported} items exported differently from \`sopkit score\`, so the same answers can get other marks and another pass or fail:`,
    ...diffs.map((d) => `  ${d.id}: ${d.detail}`),
    `  To have the same marks: ${todo.join('; or ')}.`,
  ].join('\n');
}

/** A step as Moodle's Responses report writes it for an ordering question (shorten_text($item, 10, true)). */
export const moodleCut = (text: string) => ([...text].length <= 10 ? text : `${[...text].slice(0, 7).join('')}...`);

/**
 * One warning for a Moodle XML export whose ordering questions have steps that Moodle's Responses
 * report will not tell apart (it writes each step cut to its first 7 characters), so that `sopkit
 * score` cannot read the order given from that report without the steps written in full.
 * Undefined when there is none or order items go as matching questions (written in full).
 * @param quiz The quiz.
 * @param file The quiz file, as the message names it.
 * @param form The form exported; the whole bank when omitted.
 * @param orderAs How the export writes order items.
 */
export function moodleCutWarning(quiz: Quiz, file: string, form: FormId | undefined, orderAs: OrderAs): string | undefined {
  if (orderAs !== 'ordering') return undefined;
  const alike = (form ? formItems(quiz, form) : quiz.items).flatMap((item) => {
    if (item.type !== 'order') return [];
    const cuts = item.options.map((o) => moodleCut(o.text));
    const twice = [...new Set(cuts.filter((c, i) => cuts.indexOf(c) !== i))];
    return twice.length ? [`${item.id} (${twice.map((c) => `"${c}"`).join(', ')})`] : [];
  });
  if (!alike.length) return undefined;
  return [
    `warning: ${file}${form ? ` (${form}-test)` : ''}: Moodle's Responses report writes each step of an ordering question cut to its first 7 characters, and steps of ${alike.length === 1 ? 'this item' : 'these items'} begin alike: ${alike.join(', ')};`,
    `  \`sopkit score\` cannot read the order given from that report unless the steps are written there in full. Give the steps different beginnings, or export with --order-as matching (each step written in full, but Moodle then marks the item step by step).`,
  ].join('\n');
}
