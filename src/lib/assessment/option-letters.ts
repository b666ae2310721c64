/**
 * The letters an option is printed with, and read back with, in Arabic documents (ARCHITECTURE.md,
 * Formats: responses). Arabic-speaking trainees label options with the Arabic letters in abjad
 * order, أ ب ج د هـ و ز ح, not A B C D; an option id stays `a`, `b`, ... everywhere else (the
 * form controls, the responses CSV, the scoring), so the letters are only a way of printing and
 * of typing an id. Pure: used by the prints, the test page and the scoring page's bundle.
 */

/** Option ids that have an Arabic letter, in abjad order. */
const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] as const;

/** The Arabic letter printed for each of `IDS`. هـ is the isolated heh with a tatweel, as it is written in lists. */
const PRINTED = ['أ', 'ب', 'ج', 'د', 'هـ', 'و', 'ز', 'ح'] as const;

/**
 * What a typist may type for each id: the printed letter, and for a the bare alef and its other
 * hamza and madda forms (ا إ آ), for e the heh and the ta marbuta (ه ة) a keyboard gives for هـ.
 * The tatweel of هـ is removed before reading (`arabicIds`).
 */
const TYPED: Record<string, string> = { 'أ': 'a', 'ا': 'a', 'إ': 'a', 'آ': 'a', 'ب': 'b', 'ج': 'c', 'د': 'd', 'ه': 'e', 'ة': 'e', 'و': 'f', 'ز': 'g', 'ح': 'h' };

/** Whether a language tag is Arabic (`ar`, `ar-EG`, ...). */
export function isArabic(lang: string): boolean {
  return lang.split('-')[0]!.toLowerCase() === 'ar';
}

/** Whether an item's options are lettered: every id one of the letters a–h (not true/false, not `o1`). */
export function letteredIds(ids: readonly string[]): boolean {
  return ids.length > 0 && ids.every((id) => (IDS as readonly string[]).includes(id));
}

/**
 * The letter an option is printed with in a document of a language: in Arabic, the Arabic letter
 * of a lettered item's option (a → أ); otherwise the id in capitals (`A`, `O1`), as before.
 * @param ids The ids of all the item's options (an item is lettered or not as a whole).
 * @param id The option's id.
 * @param lang The document's language.
 */
export function optionLetter(ids: readonly string[], id: string, lang: string): string {
  if (isArabic(lang) && letteredIds(ids)) return PRINTED[IDS.indexOf(id as (typeof IDS)[number])]!;
  return id.toUpperCase();
}

/** Arabic comma and semicolon, which separate letters typed on an Arabic keyboard as , and ; do. */
export const ARABIC_SEPARATORS = '\u060C\u061B';

/** Bidi marks a right-to-left editor or spreadsheet may leave in a cell: LRM, RLM, ALM. */
export const BIDI_MARKS = /[\u200E\u200F\u061C]/g;


/**
 * Reads a token typed in Arabic letters as the option ids it stands for, one per letter (`أ` →
 * `a`, `أجد` → `a c d`, `هـ` → `e`), or undefined when it is not made only of the letters above
 * (the caller then reports it as it is). Only for lettered items: call it when `letteredIds`.
 * @param token One space-separated token of a cell.
 */
export function arabicIds(token: string): string[] | undefined {
  // Without the bidi marks and the tatweel (the stroke of هـ).
  const letters = [...token.replace(BIDI_MARKS, '').replace(/\u0640/g, '')];
  if (letters.length === 0 || !letters.every((c) => c in TYPED)) return undefined;
  return letters.map((c) => TYPED[c]!);
}

/** Whether a token contains an Arabic letter (for messages: what it was read as). */
export function hasArabicLetter(token: string): boolean {
  return /[\u0600-\u06FF]/.test(token);
}
