/**
 * The grammatical case a value with its unit takes in the sentence around it, where a language
 * marks it on the noun after a number (ARCHITECTURE.md, Translations: a value's case). Arabic
 * writes the dual `يومان` as a subject, a predicate or standing alone, `يومين` after a preposition
 * or in an idafa (`خلال يومين`, `كل سنتين`) and as an object (`لا تتجاوز يومين`), and one day
 * `يومًا واحدًا` as an object. `nominative` is the form a value has alone (tables, lists, the
 * country profile) and the default; English and French have no case forms and ignore it.
 */
export const paramCases = ['nominative', 'accusative', 'genitive'] as const;
export type ParamCase = (typeof paramCases)[number];

/** Whether a word is one of `paramCases`. */
export function isParamCase(word: string): word is ParamCase {
  return (paramCases as readonly string[]).includes(word);
}

/** A `case` attribute as written: one of `paramCases`, or nominative (the checker reports any other word). */
export function paramCaseOf(word: string | undefined): ParamCase {
  return word !== undefined && isParamCase(word) ? word : 'nominative';
}
