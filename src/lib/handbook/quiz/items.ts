import { createHash } from 'node:crypto';
import { t, type UiKey } from '../../../i18n/index.ts';
import type { Quiz, QuizItem, QuizOption } from '../../../schemas/quiz.ts';
import { optionLetter } from '../../assessment/option-letters.ts';

/** A quiz form. */
export type QuizForm = 'pre' | 'post';

/** The items of a form, in the form's order. */
export function formItems(quiz: Quiz, form: QuizForm): QuizItem[] {
  return quiz.forms[form].flatMap((id) => quiz.items.filter((i) => i.id === id));
}

/**
 * Options in the order they are printed. Order items are written in the right order, so they are
 * printed shuffled, deterministically (seeded by quiz and item id: the same booklet every build),
 * and never in the right order.
 */
export function printedOptions(quiz: Quiz, item: QuizItem): QuizOption[] {
  if (item.type !== 'order') return item.options;
  const keyed = item.options.map((o) => ({ o, k: createHash('sha256').update(`${quiz.id}/${item.id}/${o.id}`).digest('hex') }));
  let out = keyed.sort((a, b) => (a.k < b.k ? -1 : 1)).map((x) => x.o);
  if (out.every((o, i) => o === item.options[i])) out = [...out.slice(1), out[0]!];
  return out;
}

/**
 * The label printed next to an option: its letter (`A`; in Arabic documents `أ`, `optionLetter`),
 * or True/False.
 */
export function optionLabel(item: QuizItem, option: QuizOption, lang: string): string {
  if (item.type === 'truefalse') return option.id === 'true' ? t('booklet.true', lang) : option.id === 'false' ? t('booklet.false', lang) : option.id.toUpperCase();
  return optionLetter(item.options.map((o) => o.id), option.id, lang);
}

/** The instruction under a question's stem. */
export function instruction(item: QuizItem, lang: string): string {
  return t(`booklet.${item.type}` as UiKey, lang);
}

/** The correct answer as printed in the key: `B`, `A, C`, `C A D B` (order), `True`; `ج أ د ب` in Arabic. */
export function answerText(item: QuizItem, lang: string): string {
  if (item.type === 'order') return item.options.map((o) => optionLabel(item, o, lang)).join(' ');
  return item.options.filter((o) => o.correct).map((o) => optionLabel(item, o, lang)).join(t('list.separator', lang));
}
