import { pluralCategory, t, tn, uiString } from '../../i18n/index.ts';
import { PERMANENT, type Parameter, type ParameterUnit } from '../../schemas/parameters.ts';
import type { ParamCase } from './cases.ts';

/** What formatting a value needs: the number, its unit and, for money, the currency. */
export type ParameterValue = Pick<Parameter, 'value' | 'unit' | 'currency'>;

// One formatter per language and grouping: making an Intl.NumberFormat costs far more than using
// one, and a check formats every parameter in every language for each workflow file it loads.
const formats = new Map<string, Intl.NumberFormat | null>();

/** The number as the language writes it: `0.85` in English, `0,85` in French; no grouping below 10,000. */
export function formatNumber(value: number, lang: string): string {
  const grouping = Math.abs(value) >= 10_000;
  const key = `${lang}\0${grouping}`;
  let format = formats.get(key);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(lang, { maximumFractionDigits: 3, useGrouping: grouping });
    } catch {
      format = null; // an unknown language tag: digits as written
    }
    formats.set(key, format);
  }
  return format ? format.format(value) : String(value);
}


/**
 * A value with its unit, in words of the page language: `30 days`, `5 working days`, `10 %`,
 * `30 jours`; a period with no end (`value: permanent`) is `permanently`, `à titre permanent`. The
 * same text in pages, PDFs, quiz items and machine labels.
 * @param p The value, unit and currency.
 * @param lang Language of the page or document.
 * @param grammaticalCase The case the sentence gives the value (`genitive` after `خلال`); nominative by default.
 */
export function formatParameter(p: ParameterValue, lang = 'en', grammaticalCase: ParamCase = 'nominative'): string {
  if (p.value === PERMANENT) return t('param.permanent', lang);
  const params = { n: formatNumber(p.value, lang), currency: p.currency ?? '[currency]' };
  // A case form (`param.unit.days.genitive.two`) is written only where it differs from the
  // nominative of the same plural category; every other category, and every language without
  // case forms, takes the nominative.
  if (grammaticalCase !== 'nominative') {
    const form = uiString(`param.unit.${p.unit}.${grammaticalCase}.${pluralCategory(p.value, lang)}`, lang);
    if (form !== undefined) return form.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? params[name as keyof typeof params] : whole));
  }
  // The plural form by Intl.PluralRules: one/other in English and French, six forms in Arabic.
  return tn(`param.unit.${p.unit}`, p.value, lang, params);
}

/** The units as the country profile names them, for its "unit" column. */
export function unitName(unit: ParameterUnit): string {
  return unit.replace('-', ' ');
}
