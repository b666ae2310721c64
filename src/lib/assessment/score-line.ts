// Numbers of the test page in the reader's language, the same on the server (which writes the
// locale into the page) and in the browser (which scores and fills the templates). Pure: no
// dictionaries, so the test page's script stays small.
import { percentShown } from './format.ts';

/**
 * The locale tag the test page formats numbers with: the language with the numbering system
 * Node's ICU gives it pinned (`ar-u-nu-latn`), so a browser whose CLDR data chooses other
 * digits for the language still prints what the server printed.
 * @param lang The page's language.
 */
export function numberLocale(lang: string): string {
  try {
    const system = new Intl.NumberFormat(lang).resolvedOptions().numberingSystem;
    return lang.includes('-u-') ? lang : `${lang}-u-nu-${system}`;
  } catch {
    return 'en';
  }
}

/**
 * A number in a locale's digits and decimal separator, without grouping: `72,5` in French.
 * @param n The number.
 * @param locale A tag from `numberLocale`.
 * @param digits Fixed decimals; when absent, up to two, as needed.
 */
export function formatDecimal(n: number, locale: string, digits?: number): string {
  const options: Intl.NumberFormatOptions = digits === undefined ? { maximumFractionDigits: 2 } : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return new Intl.NumberFormat(locale, { useGrouping: false, ...options }).format(n);
}

/** A score as the test page reports it. */
export interface ScoreFigures {
  score: number;
  max: number;
  passMark: number;
}

/**
 * The filled score template (`assess.score`: "Your score: {score} of {max} ({percent} %).")
 * with every number in the locale's format; the percent has the decimals that keep it on its
 * side of the pass mark (`fmtPercent`). Returns the line and whether the score passes.
 * @param template The UI string in the page's language.
 * @param figures Score, maximum and pass mark.
 * @param locale A tag from `numberLocale`.
 */
export function scoreLine(template: string, figures: ScoreFigures, locale: string): { text: string; passed: boolean } {
  const percent = figures.max ? (100 * figures.score) / figures.max : 0;
  const shown = percentShown(percent, figures.passMark);
  const values: Record<string, string> = {
    score: formatDecimal(Math.round(figures.score * 100) / 100, locale),
    max: formatDecimal(figures.max, locale),
    percent: formatDecimal(shown.value, locale, shown.digits),
  };
  return { text: template.replace(/\{(\w+)\}/g, (whole, k: string) => values[k] ?? whole), passed: percent + 1e-9 >= figures.passMark };
}
