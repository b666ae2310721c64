/**
 * Which font draws which character: Arabic-script characters in the Arabic face, everything else
 * in Noto Sans (ARCHITECTURE.md, Printing right-to-left text). Decided per space-separated word,
 * so that measuring a word alone (the per-word width cache) and drawing it in a line agree.
 */

/** The scripts the PDF engine has faces for. */
export type Script = 'latin' | 'arabic';

/** Arabic, Arabic Supplement, Arabic Extended-A/B and the presentation forms. */
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
/** A letter of any script (a strong character a neutral attaches to). */
const LETTER = /\p{L}/u;

/** Whether a text has an Arabic-script character (the cheap test that keeps Latin text on its fast path). */
export function hasArabic(text: string): boolean {
  return ARABIC.test(text);
}

/** Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko...) and their presentation forms. */
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/**
 * A text's own direction, from its first letter (UAX #9 P2, as a first-strong isolate or HTML's
 * `dir="auto"` take it): right to left when it is Arabic (or another right-to-left script), left to
 * right for any other; undefined without a letter (digits and signs take their surroundings').
 * `نقطة تسجيل المواليد في [Regional Referral Hospital]` is right to left, `[Northern District]
 * office (مكتب الشمال)` left to right.
 */
export function ownDirection(text: string): 'ltr' | 'rtl' | undefined {
  const first = LETTER.exec(text)?.[0];
  return first === undefined ? undefined : RTL_LETTER.test(first) ? 'rtl' : 'ltr';
}

/** Unicode's directional isolates: LRI, RLI, FSI and PDI (U+2066–U+2069). */
const ISOLATES = /[\u2066-\u2069]/g;

/**
 * A text wrapped in a first-strong isolate (FSI … PDI): inside a paragraph of the other direction
 * it is ordered as a unit in its own direction, as HTML's `<bdi>` orders it. An English site name
 * `[Northern District] civil registration office` in an Arabic table cell otherwise had its
 * brackets taken into the Arabic (UAX #9 N0) and its words split around them.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/**
 * A text without its isolates, as it is measured and drawn: the PDF engine reads them for the
 * bidi levels only (fontkit would draw them as spaces).
 */
export function withoutIsolates(text: string): string {
  return text.length && /[\u2066-\u2069]/.test(text) ? text.replace(ISOLATES, '') : text;
}

/** A piece of text in one script's face. */
export interface ScriptRun {
  text: string;
  script: Script;
}

/**
 * Splits a text into runs by face. Arabic-script characters (letters, harakat, Arabic-Indic digits,
 * Arabic punctuation) are Arabic; spaces are Latin; other characters (digits, brackets, dashes,
 * joiners) follow the nearest letter of their word, the one before them first, and are Latin in a
 * word without letters.
 * @param text The text, in logical order.
 */
export function scriptRuns(text: string): ScriptRun[] {
  const chars = Array.from(text);
  const scripts: Script[] = new Array(chars.length);
  let wordStart = 0;
  for (let i = 0; i <= chars.length; i++) {
    if (i < chars.length && chars[i] !== ' ') continue;
    assignWord(chars, scripts, wordStart, i);
    if (i < chars.length) scripts[i] = 'latin';
    wordStart = i + 1;
  }
  const runs: ScriptRun[] = [];
  chars.forEach((ch, i) => {
    const last = runs.at(-1);
    if (last && last.script === scripts[i]) last.text += ch;
    else runs.push({ text: ch, script: scripts[i]! });
  });
  return runs;
}

function assignWord(chars: string[], scripts: Script[], start: number, end: number): void {
  const strong: (Script | undefined)[] = [];
  for (let i = start; i < end; i++) {
    const ch = chars[i]!;
    strong[i - start] = ARABIC.test(ch) ? 'arabic' : LETTER.test(ch) ? 'latin' : undefined;
  }
  let before: Script | undefined;
  for (let i = start; i < end; i++) {
    const own = strong[i - start];
    if (own) before = own;
    scripts[i] = own ?? before ?? 'latin';
  }
  // Characters before the word's first letter take that letter's face.
  const first = strong.find((s) => s);
  for (let i = start; i < end && !strong[i - start]; i++) scripts[i] = first ?? 'latin';
}
