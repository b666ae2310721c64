/**
 * Moodle's ordering question in GIFT, as Moodle 4.4 and later write it (the question type came
 * into core Moodle from the qtype_ordering plugin, whose GIFT syntax it kept):
 *
 *     ::name::[html]Put these steps in order.{>4 ALL VERTICAL ALL_OR_NOTHING SHOW none
 *     First step
 *     Second step
 *     }
 *
 * After `{>` come the number of items shown, which items are shown (ALL, RANDOM, CONTIGUOUS),
 * the layout, the grading, whether the grading is shown and the numbering style, each optional
 * but the number; then one item per line, in the right order, written as they are (Moodle does not
 * unescape them). gift-pegjs does not know this syntax, so the answer part is read here and the
 * rest of the question (name, id, tags, text) by gift-pegjs with an empty answer part.
 */

/** What an ordering question's answer part says. */
export interface OrderingPart {
  /** The items in the right order. */
  items: string[];
  /** Items Moodle shows: all, or `count` of them (RANDOM or CONTIGUOUS selection). */
  select: 'ALL' | 'RANDOM' | 'CONTIGUOUS';
  count: number;
  /** Moodle's grading type, in its words (its default when the file gives none). */
  grading: string;
  /** The general feedback after `####`, when there is one. */
  feedback?: string;
  /** The block with its answer part emptied, for gift-pegjs to read the rest. */
  rest: string;
}

const SELECT: Record<string, OrderingPart['select']> = { ALL: 'ALL', EXACT: 'ALL', RANDOM: 'RANDOM', REL: 'RANDOM', CONTIGUOUS: 'CONTIGUOUS', CONTIG: 'CONTIGUOUS' };
const GRADING: Record<string, string> = {
  ALL_OR_NOTHING: 'ALL_OR_NOTHING',
  ABS: 'ABSOLUTE_POSITION',
  ABSOLUTE: 'ABSOLUTE_POSITION',
  ABSOLUTE_POSITION: 'ABSOLUTE_POSITION',
  REL: 'RELATIVE_NEXT_EXCLUDE_LAST',
  RELATIVE: 'RELATIVE_NEXT_EXCLUDE_LAST',
  RELATIVE_NEXT_EXCLUDE_LAST: 'RELATIVE_NEXT_EXCLUDE_LAST',
  RELATIVE_NEXT_INCLUDE_LAST: 'RELATIVE_NEXT_INCLUDE_LAST',
  RELATIVE_ONE_PREVIOUS_AND_NEXT: 'RELATIVE_ONE_PREVIOUS_AND_NEXT',
  RELATIVE_ALL_PREVIOUS_AND_NEXT: 'RELATIVE_ALL_PREVIOUS_AND_NEXT',
  RELATIVE_TO_CORRECT: 'RELATIVE_TO_CORRECT',
  LONGEST_ORDERED_SUBSET: 'LONGEST_ORDERED_SUBSET',
  LONGEST_CONTIGUOUS_SUBSET: 'LONGEST_CONTIGUOUS_SUBSET',
};
// One optional word of the header, followed by a space or the end of the line.
const words = (list: readonly string[]) => `(?:(${[...list].sort((a, b) => b.length - a.length).join('|')})(?=[ \\t]|\\r?\\n|$)[ \\t]*)?`;
// Moodle's own pattern (qtype_ordering::import_from_gift), each word optional but the count, in
// this order; kept to the first line (where Moodle writes it), so that an item starting with
// "All" or "H" is not read as a word of the header.
const HEAD = new RegExp(
  `^\\s*>[ \\t]*(\\d+)[ \\t]*${words(Object.keys(SELECT))}${words(['HORIZONTAL', 'HORI', 'H', '1', 'VERTICAL', 'VERT', 'V', '0'])}${words(Object.keys(GRADING))}${words(['SHOW', 'TRUE', 'YES', '1', 'HIDE', 'FALSE', 'NO', '0'])}${words(['none', '123', 'abc', 'ABCD', 'iii', 'IIII'])}`,
);

/**
 * The ordering answer part of a GIFT question, or undefined when the question is of another kind.
 * @param block The question's text (comment lines above it included).
 */
export function orderingPart(block: string): OrderingPart | undefined {
  const open = /(?<!\\)\{/.exec(block);
  if (!open) return undefined;
  const close = block.slice(open.index).search(/(?<!\\)\}\s*$/);
  if (close === -1) return undefined;
  let answer = block.slice(open.index + 1, open.index + close);
  const head = HEAD.exec(answer);
  if (!head) return undefined;
  // Moodle takes the general feedback off the answer part before the question type reads it.
  const gf = answer.lastIndexOf('####');
  const feedback = gf === -1 ? undefined : answer.slice(gf + 4).trim();
  if (gf !== -1) answer = answer.slice(0, gf);
  const items = answer
    .slice(head[0].length)
    .split(/[\r\n]+/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const shown = Number(head[1]);
  return {
    items,
    select: SELECT[head[2] ?? ''] ?? 'RANDOM',
    // As Moodle reads it: a count below 2 or above the items is replaced by up to 6.
    count: shown >= 2 && shown <= items.length ? shown : Math.min(6, items.length),
    grading: GRADING[head[4] ?? ''] ?? 'RELATIVE_NEXT_EXCLUDE_LAST',
    ...(feedback ? { feedback } : {}),
    rest: `${block.slice(0, open.index)}{}${block.slice(open.index + close + 1)}`,
  };
}

/**
 * Why an ordering question cannot become an order item that `sopkit score` marks as Moodle does,
 * or undefined when it can. SOPKit shows every step and marks the exact order, or with
 * `scoring: partial` the share of pairs of steps in the right order, which is Moodle's
 * ALL_OR_NOTHING and RELATIVE_ALL_PREVIOUS_AND_NEXT gradings.
 */
export function orderingProblem(part: OrderingPart): string | undefined {
  if (part.items.length < 2) return `it has ${part.items.length} item${part.items.length === 1 ? '' : 's'} to put in order; an order item needs two or more`;
  if (part.select !== 'ALL' && part.count < part.items.length) {
    return `Moodle shows ${part.count} of its ${part.items.length} items (${part.select}); a SOPKit order item shows every step: set "Item selection type" to "Select all items" in Moodle, or write the item in the quiz YAML`;
  }
  if (part.grading !== 'ALL_OR_NOTHING' && part.grading !== 'RELATIVE_ALL_PREVIOUS_AND_NEXT') {
    return `Moodle marks it ${part.grading}, which \`sopkit score\` cannot: it marks an order item by the exact order (Moodle's ALL_OR_NOTHING) or, with scoring: partial, by the share of pairs of steps in the right order (RELATIVE_ALL_PREVIOUS_AND_NEXT); set one of these grading types in Moodle, or write the item in the quiz YAML`;
  }
  return undefined;
}
