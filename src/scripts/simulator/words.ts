import type { SimData } from '../../lib/workflow/sim-data.ts';
import { fmt } from './dom.ts';

const formats = new Map<string, Intl.NumberFormat>();

/** A count in the digits of the page's language (`Intl.NumberFormat`, no grouping). */
export function count(lang: string, n: number): string {
  let format = formats.get(lang);
  if (!format) {
    try {
      format = new Intl.NumberFormat(lang, { useGrouping: false, maximumFractionDigits: 0 });
    } catch {
      format = new Intl.NumberFormat('en', { useGrouping: false, maximumFractionDigits: 0 });
    }
    formats.set(lang, format);
  }
  return format.format(n);
}

/**
 * A UI string with a count, in the plural form `Intl.PluralRules` picks for the page's language
 * from the forms the page wrote (`{count}` is the number in the language's digits).
 * @param data The simulator's data (language and plural forms).
 * @param base The string's key without its plural category (`sim.score.wrong`).
 * @param n The count.
 * @param params Other placeholders.
 */
export function plural(data: Pick<SimData, 'lang' | 'plurals'>, base: string, n: number, params: Record<string, string | number> = {}): string {
  const forms = data.plurals[base] ?? {};
  let category: Intl.LDMLPluralRule = 'other';
  try {
    category = new Intl.PluralRules(data.lang).select(n);
  } catch {
    // An unknown language tag: the "other" form.
  }
  return fmt(forms[category] ?? forms.other, { ...params, count: count(data.lang, n) });
}
