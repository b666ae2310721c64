import type { Quiz, QuizItem } from '../../../schemas/quiz.ts';
import { formItems } from '../quiz-rules.ts';
import type { FormId } from '../types.ts';
import { moodleWeight } from './gift-export.ts';

/** Escapes text for XML content and attributes. */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** Moodle XML's name of an item's text format. */
export function moodleFormat(item: QuizItem): string {
  return item.format === 'html' ? 'html' : item.format === 'markdown' ? 'markdown' : 'plain_text';
}

/** `<tag format="plain_text"><text>...</text></tag>`, Moodle's way to hold a text. */
const textBlock = (tag: string, text: string, indent: string, format: string) => `${indent}<${tag} format="${format}"><text>${xmlEscape(text)}</text></${tag}>`;

/**
 * How an order item goes to Moodle: `ordering`, Moodle's ordering question (core Moodle 4.4 and
 * later), marked as `sopkit score` marks it; `matching`, each step matched to its position, for
 * Moodle 4.3 and older, which gives a share of the marks for each step at its right position.
 */
export type OrderAs = 'ordering' | 'matching';

/** Options of the Moodle XML export. */
export interface MoodleXmlOptions {
  /** How order items are written (default `ordering`). */
  orderAs?: OrderAs;
}

/**
 * Moodle's ordering question, with its settings as Moodle's own export writes them: every step
 * shown, in a column, and the grading that is SOPKit's (the exact order, or with `scoring:
 * partial` the share of pairs of steps in the right order, which is RELATIVE_ALL_PREVIOUS_AND_NEXT:
 * it counts for each step the steps rightly before and after it). The answers are the steps in
 * the right order; Moodle shuffles them for each attempt.
 */
function orderingFields(item: QuizItem, pad: string): string[] {
  const format = moodleFormat(item);
  return [
    `${pad}<layouttype>VERTICAL</layouttype>`,
    `${pad}<selecttype>ALL</selecttype>`,
    `${pad}<selectcount>${item.options.length}</selectcount>`,
    `${pad}<gradingtype>${item.scoring === 'partial' ? 'RELATIVE_ALL_PREVIOUS_AND_NEXT' : 'ALL_OR_NOTHING'}</gradingtype>`,
    `${pad}<showgrading>SHOW</showgrading>`,
    `${pad}<numberingstyle>none</numberingstyle>`,
    ...item.options.map((o, i) => `${pad}<answer fraction="${i + 1}" format="${format}"><text>${xmlEscape(o.text)}</text></answer>`),
  ];
}

function answers(item: QuizItem, pad: string): string[] {
  const format = moodleFormat(item);
  if (item.type === 'order') {
    return item.options.map((o, i) => `${pad}<subquestion format="${format}"><text>${xmlEscape(o.text)}</text><answer><text>${i + 1}</text></answer></subquestion>`);
  }
  const k = item.options.filter((o) => o.correct).length;
  const wrong = item.options.length - k;
  return item.options.map((o) => {
    const fraction = item.type === 'multiple' ? moodleWeight(o.correct ? 100 / k : -100 / wrong) : o.correct ? 100 : 0;
    // True/false answers are the words `true` and `false`, plain whatever the question's format.
    const text = item.type === 'truefalse' ? o.id : o.text;
    const answerFormat = item.type === 'truefalse' ? 'plain_text' : format;
    const fb = textBlock('feedback', o.feedback ?? '', '', format);
    return `${pad}<answer fraction="${fraction}" format="${answerFormat}"><text>${xmlEscape(text)}</text>${fb}</answer>`;
  });
}

function question(quiz: Quiz, item: QuizItem, orderAs: OrderAs): string {
  const pad = '    ';
  const qtype = item.type === 'truefalse' ? 'truefalse' : item.type === 'order' ? orderAs : 'multichoice';
  const tags = [`objective:${item.objective}`, `ref:${item.ref}`, `type:${item.type}`, ...(item.scenario ? [`scenario:${item.scenario}`, `step:${item.step}`] : [])];
  const lines = [
    `  <question type="${qtype}">`,
    `${pad}<name><text>${xmlEscape(item.id)}</text></name>`,
    textBlock('questiontext', item.stem, pad, moodleFormat(item)),
    textBlock('generalfeedback', item.explanation ?? '', pad, moodleFormat(item)),
    `${pad}<defaultgrade>${item.marks}</defaultgrade>`,
    `${pad}<penalty>0</penalty>`,
    `${pad}<hidden>0</hidden>`,
    `${pad}<idnumber>${xmlEscape(`${quiz.id}/${item.id}`)}</idnumber>`,
  ];
  if (qtype === 'multichoice') {
    lines.push(`${pad}<single>${item.type === 'multiple' ? 'false' : 'true'}</single>`, `${pad}<shuffleanswers>0</shuffleanswers>`, `${pad}<answernumbering>ABCD</answernumbering>`);
  }
  if (qtype === 'matching') lines.push(`${pad}<shuffleanswers>1</shuffleanswers>`);
  lines.push(...(qtype === 'ordering' ? orderingFields(item, pad) : answers(item, pad)));
  lines.push(`${pad}<tags>${tags.map((t) => `<tag><text>${xmlEscape(t)}</text></tag>`).join('')}</tags>`, '  </question>');
  return lines.join('\n');
}

/**
 * A quiz as Moodle XML (the question bank import format): multiple choice (one or several
 * answers, Moodle weights for partial credit), true/false, order items as ordering questions (or
 * as matching questions, each step to its position, for Moodle before 4.4), the item id as name
 * and id number, objective and SOP section as tags.
 * @param quiz The quiz.
 * @param form Only the items of this form; the whole bank when omitted.
 * @param options See {@link MoodleXmlOptions}.
 */
export function quizToMoodleXml(quiz: Quiz, form?: FormId, options: MoodleXmlOptions = {}): string {
  const orderAs = options.orderAs ?? 'ordering';
  const items = form ? formItems(quiz, form) : quiz.items;
  const category = `$course$/SOPKit/${quiz.id}${form ? `/${form}` : ''}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!-- ${xmlEscape(quiz.title).replace(/-{2,}/g, '-')}: exported by SOPKit for Moodle's question bank (Moodle XML format). -->`,
    '<quiz>',
    '  <question type="category">',
    `    <category><text>${xmlEscape(category)}</text></category>`,
    '  </question>',
    ...items.map((item) => question(quiz, item, orderAs)),
    '</quiz>',
    '',
  ].join('\n');
}
