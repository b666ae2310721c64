// The numbers of a translated quiz item against its source item's (ARCHITECTURE.md, Translations:
// quizzes). A translation's freshness comes from git (`quiz-freshness.ts`); a pack copied without
// its history, or a source rewritten and committed with the translation untouched in a copy, says
// nothing, and a French item kept "20 mars" under an English item rewritten for "15 April": the
// French participant answered another case than the key. The numbers written (dates, days, counts,
// amounts) are what such a rewrite changes, and the same in every language, so they are compared.
import type { Quiz, QuizItem } from '../../schemas/quiz.ts';
import { asciiDigits } from '../digits.ts';

/**
 * The numbers written in a text, each once, as digits without leading zeros: `5,113`, `5 113` and
 * `5.113` (thousands, as languages group them) are all 5113; a decimal `11.9` or `11,9` is 11 and 9
 * in either language. Arabic-Indic digits read as ASCII (`٢٠` is 20).
 */
export function numbersIn(text: string): Set<string> {
  const ascii = asciiDigits(text, { decimal: true });
  const found = ascii.match(/\d{1,3}(?:[,.\u00a0\u202f\u2009'’]\d{3})+(?!\d)|\d+/g) ?? [];
  return new Set(found.map((n) => n.replace(/\D/g, '').replace(/^0+(?=\d)/, '')));
}

const EN_UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const FR_UNITS = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf'];
const FR_TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante', 'soixante', 'quatre-vingt', 'quatre-vingt'];
// Arabic: the masculine and feminine forms, with the case endings a text writes (اثنان / اثنين).
const AR_UNITS: string[][] = [
  ['صفر'], ['واحد', 'واحدة', 'أحد', 'إحدى'], ['اثنان', 'اثنين', 'اثنتان', 'اثنتين', 'اثنا', 'اثني', 'اثنتا', 'اثنتي'], ['ثلاث', 'ثلاثة'], ['أربع', 'أربعة'], ['خمس', 'خمسة'],
  ['ست', 'ستة'], ['سبع', 'سبعة'], ['ثمان', 'ثماني', 'ثمانية'], ['تسع', 'تسعة'], ['عشر', 'عشرة'],
];
const AR_TENS: string[][] = [[], [], ['عشرون', 'عشرين'], ['ثلاثون', 'ثلاثين'], ['أربعون', 'أربعين'], ['خمسون', 'خمسين'], ['ستون', 'ستين'], ['سبعون', 'سبعين'], ['ثمانون', 'ثمانين'], ['تسعون', 'تسعين']];

/** The ways English, French and Arabic write a whole number from 0 to 100 in words. */
function wordsFor(n: number): string[] {
  const out: string[] = [];
  if (n === 100) return ['hundred', 'cent', 'مائة', 'مئة'];
  if (n < 20) out.push(EN_UNITS[n]!);
  else {
    const [t, u] = [Math.floor(n / 10), n % 10];
    out.push(u ? `${EN_TENS[t]}-${EN_UNITS[u]}` : EN_TENS[t]!, ...(u ? [`${EN_TENS[t]} ${EN_UNITS[u]}`] : []));
  }
  // French: 21 vingt et un, 71 soixante et onze, 72 soixante-douze, 80 quatre-vingts, 91 quatre-vingt-onze.
  if (n < 20) out.push(FR_UNITS[n]!);
  else {
    const t = Math.floor(n / 10);
    const rest = t === 7 || t === 9 ? n - t * 10 + 10 : n % 10;
    const tens = FR_TENS[t]!;
    if (rest === 0) out.push(t === 8 ? 'quatre-vingts' : tens);
    else if (rest === 1 && t !== 8 && t !== 9) out.push(`${tens} et un`, `${tens}-et-un`, `${tens} et une`, `${tens}-et-une`);
    else if (rest === 11 && t === 7) out.push(`${tens} et onze`, `${tens}-et-onze`);
    else out.push(`${tens}-${FR_UNITS[rest]}`);
  }
  if (n <= 10) out.push(...AR_UNITS[n]!);
  else if (n < 20) {
    for (const u of AR_UNITS[n - 10]!) for (const w of AR_UNITS[10]!) out.push(`${u} ${w}`);
  } else {
    const [t, u] = [Math.floor(n / 10), n % 10];
    for (const tens of AR_TENS[t]!) {
      if (!u) out.push(tens);
      else for (const unit of AR_UNITS[u]!) out.push(`${unit} و${tens}`);
    }
  }
  return out;
}

/** Whether a text writes the number in words, in English, French or Arabic (0 to 100). */
export function writesInWords(text: string, n: string): boolean {
  const value = Number(n);
  if (!Number.isInteger(value) || value > 100) return false;
  const lower = text.toLowerCase();
  // Whole words only: "six" is not in "sixty", nor "ست" in "ستة"; an Arabic word may carry a
  // one-letter prefix (و، ب، ل، ف، ك) or the article.
  return wordsFor(value).some((w) => new RegExp(`(?<![\\p{L}\\p{M}])(?:[وبلفك]?(?:ال)?)${w.replace(/[-\s]/g, '[-\\s]')}(?![\\p{L}\\p{M}])`, 'u').test(lower));
}

const noParams = (text: string) => text.replace(/\{param:[^}]*\}/g, ' ');

/**
 * The words a reader sees of a translated item and of its source item, field by field (stem,
 * options, their feedback, explanation), as written and less their `{param:id}` (a parameter's
 * value is the same on both sides, and Arabic writes some in words alone: "يومان", two days). A
 * field the translation leaves out is shown in the source's words, so it is compared on neither side.
 */
function itemTexts(item: QuizItem, own: QuizItem): [string, string] {
  const pairs: [string | undefined, string | undefined][] = [[item.stem, own.stem], [item.explanation, own.explanation]];
  for (const option of item.options ?? []) {
    const theirs = own.options?.find((o) => o.id === option.id);
    pairs.push([option.text, theirs?.text], [option.feedback, theirs?.feedback]);
  }
  const kept = pairs.filter(([here]) => typeof here === 'string' && here.trim() !== '');
  return [kept.map(([here]) => noParams(String(here))).join('\n'), kept.map(([, there]) => noParams(String(there ?? ''))).join('\n')];
}

export interface NumberMismatch {
  /** The item's id and its index in the translated quiz. */
  item: string;
  index: number;
  /** Numbers the translation writes and the source does not (in digits or words). */
  onlyHere: string[];
  /** Numbers the source writes in digits and the translation does not (in digits or words). */
  onlySource: string[];
}

const byValue = (a: string, b: string) => Number(a) - Number(b);

/**
 * The items of a translated quiz whose numbers are not the source item's: a number in digits on
 * one side must be written on the other, in digits or in words (a translation writes a case's age
 * "quatorze ans", as the pack's do, so that it is not taken for a parameter's value).
 * @param quiz The translated quiz as written (`yaml.data`: its own words, `{param:id}` unreplaced).
 * @param source The source quiz as written.
 * @param skip Items to leave out (those already named as changed since their translation).
 */
export function quizNumberMismatches(quiz: Quiz, source: Quiz, skip: ReadonlySet<string> = new Set()): NumberMismatch[] {
  const out: NumberMismatch[] = [];
  quiz.items.forEach((item, index) => {
    const own = source.items.find((s) => s.id === item.id);
    if (!own || skip.has(item.id)) return;
    const [here, there] = itemTexts(item, own);
    const [mine, theirs] = [numbersIn(here), numbersIn(there)];
    const onlyHere = [...mine].filter((n) => !theirs.has(n) && !writesInWords(there, n)).sort(byValue);
    const onlySource = [...theirs].filter((n) => !mine.has(n) && !writesInWords(here, n)).sort(byValue);
    if (onlyHere.length || onlySource.length) out.push({ item: item.id, index, onlyHere, onlySource });
  });
  return out;
}
