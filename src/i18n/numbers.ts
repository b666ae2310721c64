// Decimals and percentages in the reader's language, for the figures generated documents print
// (training and dry-run reports). Whole counts go through `formatNumber` (./index.ts).

const formats = new Map<string, Intl.NumberFormat>();

/** Bidi marks Intl puts around Arabic numbers (LRM, RLM, ALM): the PDF engine orders text itself. */
const MARKS = /[\u200e\u200f\u061c]/g;

function format(lang: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(lang, options);
    } catch {
      f = new Intl.NumberFormat('en', options);
    }
    formats.set(key, f);
  }
  return f;
}

/**
 * Intl's text without its bidi marks, and with a real minus sign (U+2212). Like a hyphen, it is a
 * bidi separator that a right-to-left line would move to the other side of its number: the PDF
 * engine keeps a negative number together (`keepUnitsTogether`).
 */
const clean = (text: string) => text.replace(MARKS, '').replace(/^-/, '−');

/**
 * A number with a fixed count of decimals in a language's digits and decimal sign (`Intl.NumberFormat`,
 * no grouping): `0,53` in French. English keeps the form the reports have always printed
 * (`0.53`, `−0.12`).
 * @param value The number.
 * @param digits Decimals.
 * @param lang Language.
 */
export function formatDecimal(value: number, digits: number, lang = 'en'): string {
  if (lang === 'en' || lang.startsWith('en-')) {
    const text = value.toFixed(digits);
    return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text.replace('-', '−');
  }
  // A value that rounds to zero is zero, not "−0,00".
  const shown = Number(value.toFixed(digits)) === 0 ? 0 : value;
  return clean(format(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(shown));
}

/**
 * A fraction as a whole percent, as a reader of the language writes it (`Intl.NumberFormat`, style
 * percent): `85 %` in French (a no-break space Intl puts there), `85%` in English and Arabic, as
 * the UI's sentences around it write a pass mark (`pass mark 70%`).
 * @param fraction The fraction (0.853 → 85%).
 * @param lang Language.
 */
export function formatPercent(fraction: number, lang = 'en'): string {
  if (lang === 'en' || lang.startsWith('en-')) return `${Math.round(fraction * 100)}%`;
  return clean(format(lang, { style: 'percent', maximumFractionDigits: 0, useGrouping: false }).format(fraction));
}

/**
 * A number already written (`72.5`, `٧٢٫٥`) with the percent sign where the language puts it:
 * `72.5%` in English, `72,5 %` in French (the no-break space Intl writes, so a line never starts
 * with the sign), the sign of the locale's digits in Arabic (`72.5%`, `٧٢٫٥٪`).
 * @param number The number as it is to print.
 * @param lang Language or locale tag (`fr`, `ar-EG`, `ar-u-nu-arab`).
 */
export function percentSign(number: string, lang = 'en'): string {
  if (lang === 'en' || lang.startsWith('en-')) return `${number}%`;
  const parts = format(lang, { style: 'percent', maximumFractionDigits: 0, useGrouping: false }).formatToParts(0.5);
  return clean(parts.map((p) => (p.type === 'integer' ? number : p.value)).join(''));
}
