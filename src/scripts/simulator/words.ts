import type { SimData } from '../../lib/workflow/sim-data.ts';
import { fmt } from './dom.ts';

/** A count in the digits of the page's language (`Intl.NumberFormat`, no grouping). */
export function count(lang: string, n: number): string {
  return new Intl.NumberFormat(lang, { useGrouping: false }).format(n);
}

/**
 * A UI string with a count, in the plural form `Intl.PluralRules` picks for the page's language
 * from the forms the page wrote (`{count}` is the number in the language's digits). The page's
 * language is a valid tag (it comes from the site's locales), so neither constructor throws.
 * @param data The simulator's data (language and plural forms).
 * @param base The string's key without its plural category (`sim.score.wrong`).
 * @param n The count.
 * @param params Other placeholders.
 */
export function plural(data: Pick<SimData, 'lang' | 'plurals'>, base: string, n: number, params: Record<string, string | number> = {}): string {
  const forms = data.plurals[base] ?? {};
  return fmt(forms[new Intl.PluralRules(data.lang).select(n)] ?? forms.other, { ...params, count: count(data.lang, n) });
}
