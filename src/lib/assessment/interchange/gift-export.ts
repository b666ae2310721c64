import type { Quiz, QuizItem } from '../../../schemas/quiz.ts';
import { formItems } from '../quiz-rules.ts';
import type { FormId } from '../types.ts';

/** Escapes GIFT's control characters (`~ = # { } :` and the backslash) and keeps line breaks. */
export function giftEscape(text: string): string {
  return text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

/** Moodle accepts only these answer weights (percent); a weight is written as the nearest one. */
const MOODLE_WEIGHTS = [100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5];

/** The Moodle weight nearest a percentage, with its sign. */
export function moodleWeight(percent: number): number {
  const abs = Math.abs(percent);
  const best = MOODLE_WEIGHTS.reduce((a, b) => (Math.abs(b - abs) < Math.abs(a - abs) ? b : a));
  return percent < 0 ? -best : best;
}

const feedback = (text: string | undefined) => (text ? `#${giftEscape(text)}` : '');

function answerBlock(item: QuizItem): string[] {
  const general = item.explanation ? [`  ####${giftEscape(item.explanation)}`] : [];
  switch (item.type) {
    case 'truefalse': {
      // {T#feedback for a wrong answer#feedback for a right answer####general feedback}
      const right = item.options.find((o) => o.correct);
      const wrong = item.options.find((o) => !o.correct);
      // An empty second feedback is left out: `#wrong#` before `####` would read as five hashes.
      const fb = right?.feedback ? `#${giftEscape(wrong?.feedback ?? '')}#${giftEscape(right.feedback)}` : wrong?.feedback ? `#${giftEscape(wrong.feedback)}` : '';
      return [`{${right?.id === 'true' ? 'T' : 'F'}${fb}${general.length ? general[0]!.trim() : ''}}`];
    }
    case 'order':
      // GIFT has no ordering question: a matching question pairs each step with its position.
      return ['{', ...item.options.map((o, i) => `  =${giftEscape(o.text)} -> ${i + 1}`), ...general, '}'];
    case 'multiple': {
      // Moodle's multiple-answer scoring is ours with partial credit: right/k − wrong/(n − k), floor 0.
      const k = item.options.filter((o) => o.correct).length;
      const wrong = item.options.length - k;
      return [
        '{',
        ...item.options.map((o) => `  ~%${moodleWeight(o.correct ? 100 / k : -100 / wrong)}%${giftEscape(o.text)}${feedback(o.feedback)}`),
        ...general,
        '}',
      ];
    }
    default:
      return ['{', ...item.options.map((o) => `  ${o.correct ? '=' : '~'}${giftEscape(o.text)}${feedback(o.feedback)}`), ...general, '}'];
  }
}

/** The tags that let `sopkit quiz import` rebuild an item Moodle cannot describe (Moodle keeps them as tags). */
function tags(item: QuizItem, forms: FormId[]): string {
  const list = [`objective:${item.objective}`, `ref:${item.ref}`, `type:${item.type}`, `options:${item.options.map((o) => o.id).join(',')}`];
  if (item.marks !== 1) list.push(`marks:${item.marks}`);
  if (item.scoring) list.push(`scoring:${item.scoring}`);
  if (item.practice) list.push('practice:true');
  if (item.scenario) list.push(`scenario:${item.scenario}`, `step:${item.step}`);
  for (const o of item.options) if (o.event) list.push(`event:${o.id}=${o.event}`);
  for (const form of forms) list.push(`form:${form}`);
  return [`[id:${item.id}]`, ...list.map((t) => `[tag:${t}]`)].join(' ');
}

/**
 * A quiz as Moodle GIFT text: one question per item, the item id as the question name and id,
 * objective, SOP reference and type as tags; a `// sopkit:` comment carries the quiz settings so
 * the file imports back into SOPKit unchanged.
 * @param quiz The quiz.
 * @param form Only the items of this form; the whole bank when omitted.
 */
export function quizToGift(quiz: Quiz, form?: FormId): string {
  const items = form ? formItems(quiz, form) : quiz.items;
  // What each item's key assumes about the country's values: Moodle has no place for it, the settings line does.
  const assumes = Object.fromEntries(items.flatMap((i) => (i.assumes?.length ? [[i.id, i.assumes] as const] : [])));
  const settings = { id: quiz.id, title: quiz.title, sop: quiz.sop, module: quiz.module, passMark: quiz.passMark, feedback: quiz.feedback, timeLimit: quiz.timeLimit, objectives: quiz.objectives, forms: quiz.forms, ...(Object.keys(assumes).length ? { assumes } : {}) };
  const out = [
    `// ${quiz.title} (${quiz.id}${form ? `, ${form}-test` : ''}), exported by SOPKit for Moodle's GIFT import.`,
    '// Multiple-answer items use Moodle weights: partial credit, never below zero.',
    `// sopkit: ${JSON.stringify(settings)}`,
    '',
    `$CATEGORY: $course$/SOPKit/${quiz.id}${form ? `/${form}` : ''}`,
    '',
  ];
  for (const item of items) {
    const forms = (['pre', 'post'] as const).filter((f) => quiz.forms[f].includes(item.id));
    // `[html]` / `[markdown]` before the question text sets the format of every text of the question.
    const format = item.format ? `[${item.format}]` : '';
    out.push(`// ${tags(item, forms)}`, `::${giftEscape(item.id)}::${format}${giftEscape(item.stem)} ${answerBlock(item).join('\n')}`, '');
  }
  return out.join('\n');
}
