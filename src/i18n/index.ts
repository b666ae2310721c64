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
  const text = uiString(key, lang) ?? en[key] ?? languageKeyName(key, lang);
  if (text === undefined) throw new Error(`no UI string "${key}" in src/i18n/en.json`);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/**
 * `language.<code>` for a language the UI strings do not name (a locale a country adds to
 * content/site.yaml, `es`): its name from the runtime's CLDR data, in the reader's language
 * ("Spanish", "espagnol", "الإسبانية"). Pages asked for it by a key made from the code, which
 * had no string, and the build stopped with "Cannot read properties of undefined".
 */
function languageKeyName(key: string, lang: string): string | undefined {
  const code = /^language\.(.+)$/.exec(key)?.[1];
  if (!code) return undefined;
  try {
    return new Intl.DisplayNames([lang, 'en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * A UI string split around one of its placeholders, for markup on what fills it: an English
 * title inside an Arabic phrase takes its own `lang` (`[before, after]`, either may be empty).
 * @param slot The placeholder's name (`title` for `{title}`).
 */
export function tAround(key: UiKey, lang: string, slot: string, params: Record<string, string | number> = {}): [string, string] {
  const mark = '\u{F0000}';
  const [before = '', after = ''] = t(key, lang, { ...params, [slot]: mark }).split(mark);
  return [before, after];
}

/**
 * The colon after a label, as the language writes it: `:` in English and Arabic, a no-break space
 * and `:` in French (so the colon never starts a line).
 * @param lang The language.
 */
export function colon(lang = 'en'): string {
  return t('punct.colon', lang);
}

/**
 * A label with its colon and a space, to put before a value ("Who: ", « Qui : »): a phone card's
 * `data-label` (`phone-cards` in global.css).
 * @param key The label's key.
 * @param lang The language.
 */
export function labelled(key: UiKey, lang = 'en'): string {
  return `${t(key, lang)}${colon(lang)} `;
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

const dateFormats = new Map<string, Intl.DateTimeFormat | null>();
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The language's day-month-year format in UTC, or null for English (ISO) and a language Intl refuses. */
function dateFormat(lang: string): Intl.DateTimeFormat | null {
  if (lang === 'en' || lang.startsWith('en-')) return null;
  let format = dateFormats.get(lang);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    } catch {
      format = null;
    }
    dateFormats.set(lang, format);
  }
  return format;
}

const utcDate = (m: RegExpExecArray) => new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));

/**
 * A calendar date (`YYYY-MM-DD`) as a reader of a language writes it: `1er juillet 2025`,
 * `1 يوليو 2025` (`Intl.DateTimeFormat`, day month year, in UTC so the day never shifts). English
 * keeps the ISO form the pack's sources and registers use (`2025-07-01`: unambiguous across
 * countries); a value that is not such a date is returned as written.
 */
export function formatDate(iso: string, lang = 'en'): string {
  const m = CALENDAR_DATE.exec(iso);
  const format = m && dateFormat(lang);
  return m && format ? joinParts(format.formatToParts(utcDate(m)), lang) : iso;
}

/**
 * Date parts as text; in French the first of a month is "1er" ("1er juillet 2025"), as French
 * typography writes it (Intl gives "1 juillet").
 */
function joinParts(parts: readonly Intl.DateTimeFormatPart[], lang: string): string {
  const french = lang === 'fr' || lang.startsWith('fr-');
  return parts.map((p) => (french && p.type === 'day' && p.value === '1' ? '1er' : p.value)).join('');
}

/**
 * Two dates of the pack (`YYYY-MM-DD`) as one span in the reader's language, what they share
 * said once: `2–5 mars 2026`, `30 mars – 2 avril 2026`. English keeps ISO: `2026-03-02 – 2026-03-05`.
 */
export function formatDateRange(from: string, to: string, lang = 'en'): string {
  const a = CALENDAR_DATE.exec(from);
  const b = CALENDAR_DATE.exec(to);
  const format = a && b && dateFormat(lang);
  return a && b && format ? joinParts(format.formatRangeToParts(utcDate(a), utcDate(b)), lang) : `${formatDate(from, lang)} – ${formatDate(to, lang)}`;
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** The CLDR plural category of a count in a language: `one`, `other`; Arabic also `zero`, `two`, `few`, `many`. */
export function pluralCategory(n: number, lang = 'en'): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(lang);
    } catch {
      rules = new Intl.PluralRules('en');
    }
    pluralRules.set(lang, rules);
  }
  return rules.select(n);
}

/**
 * A UI string that depends on a count: the key `<base>.<category>` chosen by `Intl.PluralRules`
 * (`search.results.one`, `.other`; Arabic has `zero`, `one`, `two`, `few`, `many`, `other`),
 * falling back to `<base>.other`. `{count}` is the count in the language's digits.
 * @param base The key without its category.
 * @param n The count.
 * @param lang Language.
 * @param params Other placeholders.
 */
export function tn(base: string, n: number, lang = 'en', params: Record<string, string | number> = {}): string {
  const category = pluralCategory(n, lang);
  const key = [`${base}.${category}`, `${base}.other`].find((k) => k in en || uiString(k, lang) !== undefined) ?? `${base}.other`;
  return t(key as UiKey, lang, { count: formatNumber(n, lang), ...params });
}

/**
 * A language's own string for a key (its region's dictionary, then its language's), or undefined:
 * no fallback to English, for a key English need not have (a case form of a unit,
 * `param.unit.days.genitive.two`). `t`, `tn` and `pluralForms` look keys up through it.
 */
export function uiString(key: string, lang: string): string | undefined {
  return dictionaries[lang]?.[key as UiKey] ?? dictionaries[lang.split('-')[0] ?? lang]?.[key as UiKey];
}

/**
 * A length in minutes as a training page or print writes it (`45 min`; Arabic `10 دقائق`, `45 دقيقة`,
 * the noun in the form the count takes), the number as the author wrote it.
 * @param n The minutes, as a number or as an attribute's text (`duration="45"`).
 */
export function minutes(n: number | string, lang = 'en'): string {
  return tn('training.minutes', Number(n), lang, { n: String(n) });
}

/**
 * Every plural form of a key as entries of a page's strings (`assess.kiosk.pinWait.few`), for a
 * browser script that reads its strings by key and picks the form with `pluralString`
 * (`./plural-form.ts`).
 */
export function pluralEntries(base: string, lang = 'en'): [string, string][] {
  return Object.entries(pluralForms(base, lang)).map(([category, text]) => [`${base}.${category}`, text]);
}

/**
 * Every plural form of a key in a language, for a browser script that chooses one itself with
 * `Intl.PluralRules` (the page writes them into a data attribute).
 */
export function pluralForms(base: string, lang = 'en'): Partial<Record<Intl.LDMLPluralRule, string>> {
  const out: Partial<Record<Intl.LDMLPluralRule, string>> = {};
  for (const c of ['zero', 'one', 'two', 'few', 'many', 'other'] as const) {
    const key = `${base}.${c}` as UiKey;
    const text = uiString(key, lang) ?? (en as Record<string, string>)[key];
    if (text !== undefined) out[c] = text;
  }
  return out;
}
