import type { Quiz, QuizItem } from '../../schemas/quiz.ts';
import type { SiteEdition } from '../edition.ts';
import { formItems, maxScore } from './quiz-rules.ts';
import { printedOptions } from '../handbook/quiz/items.ts';
import type { FormId } from './types.ts';

/** An option as the test page shows it: no hint of which is correct. */
export interface ShownOption {
  id: string;
  text: string;
}

/** An item as the test page shows it. */
export interface ShownItem {
  id: string;
  type: QuizItem['type'];
  stem: string;
  marks: number;
  /** Options in the order shown (order items: shuffled as in the printed booklet, never already right). */
  options: ShownOption[];
}

/** The data the test page's script reads (JSON in the page). */
export interface TestPageConfig {
  quiz: string;
  form: FormId;
  title: string;
  itemIds: string[];
  maxScore: number;
  passMark: number;
  /**
   * The answer key with explanations, only on a post-test whose key ships in this edition
   * (`keyShips`). Any other page carries no key at all, so it cannot leak through the page source.
   */
  key?: QuizItem[];
}

/**
 * Whether a test page carries its answer key (for feedback after submitting): never on a
 * pre-test; on a post-test when the quiz asks for feedback, in the trainer edition, or for
 * everyone when the quiz asks for `immediate` feedback (a practice quiz whose key is public).
 * @param quiz The quiz.
 * @param form `pre` or `post`.
 * @param edition The site edition being built.
 */
export function keyShips(quiz: Quiz, form: FormId, edition: SiteEdition): boolean {
  if (form !== 'post') return false;
  return quiz.feedback === 'immediate' || (quiz.feedback === true && edition === 'trainer');
}

/** The questions of a quiz marked `practice: true`, in the order of the bank. */
export function practiceItems(quiz: Quiz): QuizItem[] {
  return quiz.items.filter((item) => item.practice);
}

/** The data the practice page's script reads: the practice questions' key, and nothing else of the quiz. */
export interface PracticePageConfig {
  quiz: string;
  key: QuizItem[];
}

/**
 * What a practice page shows and what its script gets: the practice questions only, with their
 * key, in both editions (a practice question is on no form: `quiz/practice-in-form`). The
 * questions of the pre- and post-test are not in it, so their key cannot leak through it.
 * @param quiz The quiz (valid).
 */
export function practicePage(quiz: Quiz): { items: ShownItem[]; config: PracticePageConfig } {
  const list = practiceItems(quiz).filter((item) => !quiz.forms.pre.includes(item.id) && !quiz.forms.post.includes(item.id));
  return { items: list.map((item) => shownItem(quiz, item)), config: { quiz: quiz.id, key: list } };
}

function shownItem(quiz: Quiz, item: QuizItem): ShownItem {
  return { id: item.id, type: item.type, stem: item.stem, marks: item.marks, options: printedOptions(quiz, item).map((o) => ({ id: o.id, text: o.text })) };
}

/**
 * What a test page shows and what its script gets, for one form of a quiz.
 * @param quiz The quiz (valid).
 * @param form `pre` or `post`.
 * @param edition The site edition being built: whether the key may ship (`keyShips`).
 */
export function testPage(quiz: Quiz, form: FormId, edition: SiteEdition): { items: ShownItem[]; config: TestPageConfig } {
  const list = formItems(quiz, form);
  // The same order as the printed booklet, so a paper answer and a screen answer read alike.
  const items = list.map((item) => shownItem(quiz, item));
  const withKey = keyShips(quiz, form, edition);
  return {
    items,
    config: {
      quiz: quiz.id,
      form,
      title: quiz.title,
      itemIds: list.map((i) => i.id),
      maxScore: maxScore(quiz, form),
      passMark: quiz.passMark,
      ...(withKey ? { key: list } : {}),
    },
  };
}
