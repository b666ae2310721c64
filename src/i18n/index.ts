import ar from './ar.json';
import en from './en.json';
import fr from './fr.json';

/** UI string keys: the keys of the English file, which is complete by definition. */
export type UiKey = keyof typeof en;

const dictionaries: Record<string, Partial<Record<UiKey, string>>> = { en, fr, ar };

/** Languages with a UI dictionary. */
export const uiLanguages = Object.keys(dictionaries);

/** Languages written right to left, for `dir="rtl"`. */
const rtl = new Set(['ar', 'fa', 'he', 'ur', 'ps']);

/** `rtl` or `ltr` for a language tag. */
export function direction(lang: string): 'rtl' | 'ltr' {
  return rtl.has(lang.split('-')[0] ?? lang) ? 'rtl' : 'ltr';
}

/**
 * The UI string for a key in a language, falling back to English; `{name}` placeholders are
 * filled from `params`.
 */
export function t(key: UiKey, lang = 'en', params: Record<string, string | number> = {}): string {
  const text = dictionaries[lang]?.[key] ?? dictionaries[lang.split('-')[0] ?? lang]?.[key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A whole number in the digits of a language's locale (`Intl.NumberFormat`, no grouping): page
 * numbers and counts the engine prints. `ar` follows CLDR (European digits in current data,
 * Arabic-Indic for `ar-EG`, `ar-SA`...); section numbers are identifiers and stay as written.
 */
export function formatNumber(n: number, lang = 'en'): string {
  let format = numberFormats.get(lang);
  if (!format) {
    try {
      format = new Intl.NumberFormat(lang, { useGrouping: false, maximumFractionDigits: 0 });
    } catch {
      format = new Intl.NumberFormat('en', { useGrouping: false, maximumFractionDigits: 0 });
    }
    numberFormats.set(lang, format);
  }
  return format.format(n);
}
